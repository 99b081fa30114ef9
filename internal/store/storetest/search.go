package storetest

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/store"
)

// searchCorpus is a handful of short articles whose words overlap in
// controlled ways.
var searchCorpus = []struct {
	id, story, source, title, text string
}{
	{"flood", "s-weather", "Coast Herald", "Flood waters rise in Valencia",
		"Heavy rain caused flooding across the region.\n\nEmergency services evacuated residents overnight."},
	{"bank", "s-economy", "Market Wire", "Central bank raises interest rates",
		"The central bank raised rates by a quarter point, citing inflation."},
	{"football", "s-sport", "Coast Herald", "Valencia football club wins",
		"The club celebrated a win after heavy rain delayed the match."},
	{"cafe", "s-city", "Alpine Post", "Zürich café reopens",
		"The café in Zürich reopened on Monday after renovation."},
}

func commitSearchCorpus(t *testing.T, s store.Store) map[string]*store.Commit {
	t.Helper()
	out := map[string]*store.Commit{}
	for _, a := range searchCorpus {
		c := newCommit(a.id, a.story)
		c.Article.Source, c.Article.Title, c.Article.Text = a.source, a.title, a.text
		mustCommit(t, s, c)
		out[a.id] = c
	}
	return out
}

func hitIDs(hits []store.Hit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ArticleID
	}
	return ids
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	commits := commitSearchCorpus(t, s)
	tests := []struct {
		name  string
		query string
		want  []string // sorted; ranking is tested apart
	}{
		{"one word in titles", "valencia", []string{"flood", "football"}},
		{"case does not matter", "VALENCIA", []string{"flood", "football"}},
		{"word in text only", "evacuated", []string{"flood"}},
		{"all words must match", "heavy rain", []string{"flood", "football"}},
		{"words anywhere in title or text", "valencia rain", []string{"flood", "football"}},
		{"all words, one article", "heavy rain flooding", []string{"flood"}},
		{"phrase", `"heavy rain caused"`, []string{"flood"}},
		{"phrase words out of order", `"rain heavy"`, nil},
		{"phrase and word", `"heavy rain" match`, []string{"football"}},
		{"minus excludes", "valencia -football", []string{"flood"}},
		{"minus phrase excludes", `rain -"emergency services"`, []string{"football"}},
		{"OR", "flooding OR inflation", []string{"bank", "flood"}},
		{"OR binds tighter than AND", "bank OR club valencia", []string{"football"}},
		{"OR chain", "inflation OR renovation OR evacuated", []string{"bank", "cafe", "flood"}},
		{"lowercase or is a word", "flooding or inflation", nil},
		{"unicode word", "Zürich", []string{"cafe"}},
		{"unicode word lowercase", "café", []string{"cafe"}},
		{"no match", "earthquake", nil},
		{"empty query", "", nil},
		{"only spaces", "   \t ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tc.query, err)
			}
			if got := sortedCopy(hitIDs(hits)); !slices.Equal(got, tc.want) {
				t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
			}
		})
	}

	t.Run("hit fields", func(t *testing.T) {
		hits, err := s.Search(ctx, "evacuated", 10)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search = %v, %v; want one hit", hits, err)
		}
		h, c := hits[0], commits["flood"].Article
		if h.ArticleID != c.ID || h.StoryID != c.StoryID || h.Title != c.Title || h.Source != c.Source ||
			!sameTime(h.Published, c.Published) {
			t.Errorf("hit = %+v, want the fields of %+v", h, c)
		}
		checkSnippet(t, h.Snippet, "evacuated")
	})
	t.Run("snippet is plain text around the match", func(t *testing.T) {
		hits, err := s.Search(ctx, "renovation", 10)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search = %v, %v; want one hit", hits, err)
		}
		checkSnippet(t, hits[0].Snippet, "renovation")
	})
	t.Run("limit", func(t *testing.T) {
		hits, err := s.Search(ctx, "valencia", 1)
		if err != nil || len(hits) != 1 {
			t.Errorf("Search(valencia, 1) = %v, %v; want one hit", hits, err)
		}
	})
}

func checkSnippet(t *testing.T, snippet, word string) {
	t.Helper()
	if !strings.Contains(strings.ToLower(snippet), word) {
		t.Errorf("snippet %q does not contain %q", snippet, word)
	}
	if strings.ContainsAny(snippet, "<>\n") || !utf8.ValidString(snippet) {
		t.Errorf("snippet %q is not one line of plain text", snippet)
	}
}

// testSearchHostile feeds queries that would break a backend passing user
// input to its query language: each must either run or fail with an error
// about the query, never one from the database's parser.
func testSearchHostile(t *testing.T, s store.Store) {
	ctx := context.Background()
	commitSearchCorpus(t, s)
	queries := []string{
		`"unterminated`, `rain "unterminated phrase`, `NEAR(`, `NEAR(rain club, 2)`, `*`, `rain*`, `AND`, `OR`, `NOT`,
		`rain AND`, `OR rain`, `rain OR`, `rain OR OR club`, `NOT rain`, `rain NOT club`,
		`title:flood`, `{title text}: rain`, `(valencia`, `valencia)`, `^rain`, `+rain`, `a"b"c`, `-`, `--`, `- -`,
		`"""`, `""`, `'; DROP TABLE articles; --`, "rain\x00club", "\"rain\x00 club\"", "\xff\xfe rain", `\`, `%`, `_`, `?`, `:`,
		`-valencia`, `-"heavy rain"`, `rain -rain`, strings.Repeat("rain ", 200), strings.Repeat("(", 500),
	}
	for _, q := range queries {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			// The message may quote the query; judge only the rest.
			msg := strings.ReplaceAll(err.Error(), strconv.Quote(q), "")
			msg = strings.ToLower(strings.ReplaceAll(msg, q, ""))
			for _, leak := range []string{"sql", "fts", "syntax", "parse error", "malformed"} {
				if strings.Contains(msg, leak) {
					t.Errorf("Search(%q) error leaks the database: %v", q, err)
				}
			}
			continue
		}
		for _, h := range hits {
			if h.ArticleID == "" {
				t.Errorf("Search(%q) returned a hit without an article id", q)
			}
		}
	}
	if a, _, err := s.Counts(ctx); err != nil || a != len(searchCorpus) {
		t.Errorf("Counts after hostile queries = %d, %v; want %d", a, err, len(searchCorpus))
	}
	// A useful query still works afterwards.
	if hits, err := s.Search(ctx, "valencia", 10); err != nil || len(hits) != 2 {
		t.Errorf("Search(valencia) after hostile queries = %v, %v", hits, err)
	}
}

func testSearchRanking(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := []struct{ id, title, text string }{
		{"passing", "Budget debate continues", "Ministers argued for hours. One mentioned the drought in passing, among many other topics that filled the long session."},
		{"focus", "Drought worsens", "The drought has dried rivers. Farmers say the drought is the worst in decades."},
		{"none", "Unrelated", "Nothing about the weather here."},
	}
	for _, d := range docs {
		c := newCommit(d.id, "s-"+d.id)
		c.Article.Title, c.Article.Text = d.title, d.text
		mustCommit(t, s, c)
	}
	hits, err := s.Search(ctx, "drought", 10)
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if got := hitIDs(hits); !slices.Equal(got, []string{"focus", "passing"}) {
		t.Errorf("Search(drought) = %v, want the article about it first", got)
	}
}
