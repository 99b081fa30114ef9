// Package news holds Parallax's domain types: the documents that come in, the
// articles they become, and the stories articles are folded into. It imports
// nothing of ours, so every other package can depend on it and on nothing else
// to talk to its neighbours.
//
// Text convention: an article's Text holds its paragraphs (and headings and
// list items, one per line block) separated by one blank line ("\n\n"), with
// no leading or trailing whitespace.
package news

import (
	"errors"
	"time"
)

// Format says how a Document's Body is to be read.
type Format string

const (
	// FormatText is plain text as a scraper saved it, furniture included.
	FormatText Format = "text"
	// FormatHTML is a web page.
	FormatHTML Format = "html"
	// FormatArticle is an article that is already clean (an export being
	// re-imported): its Body is the final text and is not cleaned again.
	FormatArticle Format = "article"
)

// Document is one raw item as a source delivered it, before extraction and
// cleaning. Metadata fields are what the source itself said; empty or zero
// when it said nothing.
type Document struct {
	Origin    string // the path or URL it came from; "-" for standard input
	Format    Format
	Body      []byte // the raw bytes: text, HTML, or clean article text
	Source    string // outlet name
	URL       string
	Title     string
	Byline    string
	Published time.Time
	Language  string
	// Seq orders documents of one ingest call (their order of arrival), used
	// when publication dates are missing.
	Seq int
}

// Article is a cleaned document as stored.
type Article struct {
	ID          string // stable: derived from the content hash
	Origin      string
	Source      string
	URL         string
	Title       string
	Byline      string
	Published   time.Time // zero when unknown
	Language    string
	Text        string // cleaned main text, see the package comment
	DuplicateOf string // id of the article this one copies, or empty
	StoryID     string
	ContentHash string    // hex SHA-256 of the raw document body
	Ingested    time.Time // when Parallax stored it
	Seq         int64     // store-wide ingest order, assigned by the store
}

// When is the time the article counts at for ordering and time proximity:
// its publication time, or its ingest time when that is unknown.
func (a *Article) When() time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.Ingested
}

// Story is the coverage of one event: the articles that report it.
type Story struct {
	ID        string
	Title     string // representative title
	FirstSeen time.Time
	LastSeen  time.Time
	Articles  []Article // in the order they joined
	// Analysis, filled by later stages; empty until then.
	Entities      []Entity
	Quotes        []Quote
	Disagreements []Disagreement
}

// Outlets lists the distinct sources of the story's articles, in order of
// first appearance. Articles without a source are not counted.
func (s *Story) Outlets() []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range s.Articles {
		if a.Source != "" && !seen[a.Source] {
			seen[a.Source] = true
			out = append(out, a.Source)
		}
	}
	return out
}

// StorySummary is a story without its articles, as listed.
type StorySummary struct {
	ID           string
	Title        string
	FirstSeen    time.Time
	LastSeen     time.Time
	ArticleCount int // distinct articles; near-duplicates count once
	Outlets      []string
}

// EntityKind is what kind of thing an entity is.
type EntityKind string

const (
	KindPerson EntityKind = "person"
	KindOrg    EntityKind = "org"
	KindPlace  EntityKind = "place"
	KindOther  EntityKind = "other"
)

// Entity is one real-world referent of a story, however it is spelt.
type Entity struct {
	Name     string
	Kind     EntityKind
	Aliases  []string
	Articles []string // article ids
	Mentions int
}

// Quote is direct speech with its speaker.
type Quote struct {
	Text     string
	Speaker  string
	Article  string
	Sentence string
}

// Disagreement is one attribute reported with different values.
type Disagreement struct {
	Topic    string
	Variants []Variant
}

// Variant is one value of a disagreement and where it is reported.
type Variant struct {
	Value     string
	Articles  []string
	Sentences []string
}

// Errors shared across packages. Wrap them with the input's name.
var (
	ErrNotFound  = errors.New("not found")
	ErrEmpty     = errors.New("empty document")
	ErrBinary    = errors.New("binary content, not text")
	ErrEncoding  = errors.New("not valid UTF-8")
	ErrTooLarge  = errors.New("larger than the size limit")
	ErrNoContent = errors.New("no article text found")
)
