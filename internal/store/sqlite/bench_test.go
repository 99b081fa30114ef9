package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// fixture is testdata/article.txt: a title line, a blank line, then the
// text, about 5 KB, as an ingested news article would be.
func fixture(tb testing.TB) (title, text string) {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	title, text, _ = strings.Cut(strings.TrimSpace(string(b)), "\n\n")
	return title, text
}

// commitGen makes realistic commits: the fixture's size and shape, keys and
// state of the sizes the pipeline produces (a 128-value MinHash signature,
// 60 line keys, a 1 KB feature vector).
type commitGen struct {
	rng         *rand.Rand
	title, text string
	words       []string
	n           int
}

func newCommitGen(tb testing.TB) *commitGen {
	title, text := fixture(tb)
	return &commitGen{rng: rand.New(rand.NewPCG(1, 2)), title: title, text: text, words: strings.Fields(text)}
}

func (g *commitGen) keys(n int) []uint64 {
	k := make([]uint64, n)
	for i := range k {
		k[i] = g.rng.Uint64()
	}
	return k
}

// shuffledText returns a text of the fixture's words in a random order, in
// paragraphs, so that every article indexes differently.
func (g *commitGen) shuffledText(words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			if i%80 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.words[g.rng.IntN(len(g.words))])
	}
	return b.String()
}

func (g *commitGen) next(text string) *store.Commit {
	g.n++
	id := fmt.Sprintf("art-%08d", g.n)
	storyID := fmt.Sprintf("story-%04d", g.n%500)
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(g.n) * time.Minute)
	features := make([]byte, 1024)
	for i := range features {
		features[i] = byte(g.rng.Uint32())
	}
	return &store.Commit{
		Article: news.Article{
			ID: id, Origin: "bench/" + id + ".txt", Source: fmt.Sprintf("outlet-%d", g.n%20),
			URL: "https://example.org/" + id, Title: g.title, Byline: "Staff", Published: at,
			Language: "en", Text: text, StoryID: storyID, ContentHash: "sha-" + id, Ingested: at,
		},
		Features:  features,
		Signature: g.keys(128),
		LineKeys:  g.keys(60),
		Story: store.StoryState{
			ID: storyID, Title: g.title, FirstSeen: at.Add(-time.Hour), LastSeen: at,
			Size: g.n/500 + 1, State: features,
		},
	}
}

// BenchmarkCommit measures one Commit of a 5 KB article with 60 line keys
// into a file-backed store.
func BenchmarkCommit(b *testing.B) {
	db := openTest(b)
	g := newCommitGen(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.Commit(ctx, g.next(g.text)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch measures typical queries over 3,000 articles.
func BenchmarkSearch(b *testing.B) {
	db := openTest(b)
	g := newCommitGen(b)
	ctx := context.Background()
	for range 3000 {
		if _, err := db.Commit(ctx, g.next(g.shuffledText(800))); err != nil {
			b.Fatal(err)
		}
	}
	queries := []string{`storm`, `sea wall`, `"harbour district"`, `flood OR surge -insurance`, `scientists coastal institute`}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		hits, err := db.Search(ctx, queries[i%len(queries)], 20)
		if err != nil {
			b.Fatal(err)
		}
		if len(hits) == 0 {
			b.Fatalf("no hits for %q", queries[i%len(queries)])
		}
		i++
	}
}

// BenchmarkRecentSignatures measures reading back the signatures of the
// newest 2,000 of 5,000 stored 5 KB articles, as the pipeline does at start.
func BenchmarkRecentSignatures(b *testing.B) {
	db := openTest(b)
	g := newCommitGen(b)
	ctx := context.Background()
	cs := make([]*store.Commit, 0, 100)
	for range 50 {
		cs = cs[:0]
		for range 100 {
			cs = append(cs, g.next(g.text))
		}
		if err := db.CommitAll(ctx, cs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		got, err := db.RecentSignatures(ctx, 2000)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != 2000 {
			b.Fatalf("got %d signatures, want 2000", len(got))
		}
	}
}
