// Package export owns Parallax's export contract: the JSON shape other tools
// read (`parallax export`, and the API that mirrors it). Field names here are
// a promise; change them only with a new Version.
package export

import (
	"bufio"
	"encoding/json"
	"io"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Version is the export format's version.
const Version = 1

// Story is a story in the export shape.
type Story struct {
	ID            string         `json:"id"`
	Title         string         `json:"title"`
	FirstSeen     string         `json:"first_seen"`
	LastSeen      string         `json:"last_seen"`
	Articles      []Article      `json:"articles"`
	Entities      []Entity       `json:"entities"`
	Quotes        []Quote        `json:"quotes"`
	Disagreements []Disagreement `json:"disagreements"`
}

// Article is an article in the export shape. Story is set only in JSON
// Lines exports, where each line stands alone.
type Article struct {
	ID          string `json:"id"`
	Origin      string `json:"origin"`
	Source      string `json:"source"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	Byline      string `json:"byline"`
	Published   string `json:"published"`
	Language    string `json:"language"`
	Text        string `json:"text"`
	DuplicateOf string `json:"duplicate_of"`
	Story       string `json:"story,omitempty"`
}

// Entity, Quote, Disagreement and Variant mirror the news types.
type Entity struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	Articles []string `json:"articles"`
	Mentions int      `json:"mentions"`
}

type Quote struct {
	Text     string `json:"text"`
	Speaker  string `json:"speaker"`
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
}

type Disagreement struct {
	Topic    string    `json:"topic"`
	Variants []Variant `json:"variants"`
}

type Variant struct {
	Value     string   `json:"value"`
	Articles  []string `json:"articles"`
	Sentences []string `json:"sentences"`
}

// Time formats a time as RFC 3339 in UTC, or "" when it is zero.
func Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// FromArticle converts an article.
func FromArticle(a *news.Article) Article {
	return Article{ID: a.ID, Origin: a.Origin, Source: a.Source, URL: a.URL, Title: a.Title, Byline: a.Byline,
		Published: Time(a.Published), Language: a.Language, Text: a.Text, DuplicateOf: a.DuplicateOf}
}

// FromStory converts a story; arrays are never null.
func FromStory(s *news.Story) Story {
	out := Story{ID: s.ID, Title: s.Title, FirstSeen: Time(s.FirstSeen), LastSeen: Time(s.LastSeen),
		Articles: make([]Article, 0, len(s.Articles)), Entities: make([]Entity, 0, len(s.Entities)),
		Quotes: make([]Quote, 0, len(s.Quotes)), Disagreements: make([]Disagreement, 0, len(s.Disagreements))}
	for i := range s.Articles {
		out.Articles = append(out.Articles, FromArticle(&s.Articles[i]))
	}
	for _, e := range s.Entities {
		out.Entities = append(out.Entities, Entity{Name: e.Name, Kind: string(e.Kind), Aliases: nonNil(e.Aliases),
			Articles: nonNil(e.Articles), Mentions: e.Mentions})
	}
	for _, q := range s.Quotes {
		out.Quotes = append(out.Quotes, Quote(q))
	}
	for _, d := range s.Disagreements {
		dd := Disagreement{Topic: d.Topic, Variants: make([]Variant, 0, len(d.Variants))}
		for _, v := range d.Variants {
			dd.Variants = append(dd.Variants, Variant{Value: v.Value, Articles: nonNil(v.Articles), Sentences: nonNil(v.Sentences)})
		}
		out.Disagreements = append(out.Disagreements, dd)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// JSONWriter streams a whole export as one JSON document, a story at a
// time, so an export's memory does not grow with the corpus.
type JSONWriter struct {
	w       *bufio.Writer
	started bool
	err     error
}

// NewJSONWriter starts an export document on w.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: bufio.NewWriter(w)} }

// Story writes one story.
func (j *JSONWriter) Story(s *news.Story) error {
	if j.err != nil {
		return j.err
	}
	sep := ",\n  "
	if !j.started {
		j.started = true
		sep = "{\"version\": 1,\n \"stories\": [\n  "
	}
	b, err := json.Marshal(FromStory(s))
	if err != nil {
		j.err = err
		return err
	}
	j.w.WriteString(sep)
	_, j.err = j.w.Write(b)
	return j.err
}

// Close ends the document and flushes it.
func (j *JSONWriter) Close() error {
	if j.err != nil {
		return j.err
	}
	if !j.started {
		j.w.WriteString("{\"version\": 1,\n \"stories\": [")
	}
	j.w.WriteString("]}\n")
	return j.w.Flush()
}

// WriteJSONL writes a story's articles as JSON Lines, each with its story id.
func WriteJSONL(w io.Writer, s *news.Story) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range s.Articles {
		a := FromArticle(&s.Articles[i])
		a.Story = s.ID
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return nil
}
