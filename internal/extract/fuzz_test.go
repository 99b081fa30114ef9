package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract asserts that no input panics, that every string returned is
// valid UTF-8, that Text follows the block convention, and that the output
// is never larger than a small multiple of the input.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<p>caf\xe9 \xff\xfe</p>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[[{"name":1}]],"articleBody":"<p>x</p>"}]}</script>`))
	f.Add([]byte("<table><tr><td><div><p>unclosed <b><i>nested</b> text"))
	f.Fuzz(func(t *testing.T, page []byte) {
		res, err := Extract(page, "https://fuzz.example/", Options{MaxBytes: 1 << 20})
		if res == nil {
			if err == nil {
				t.Fatal("nil result without error")
			}
			return
		}
		for _, s := range []string{res.Title, res.Byline, res.Site, res.URL, res.Language,
			res.Description, res.Image, res.Section, res.Text, strings.Join(res.Tags, ",")} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in result: %q", s)
			}
		}
		if strings.TrimSpace(res.Text) != res.Text || strings.Contains(res.Text, "\n\n\n") {
			t.Fatalf("text breaks the block convention: %q", res.Text)
		}
		// Windows-1252 decoding can triple a byte; entities expand too, but
		// never beyond a bounded factor.
		if len(res.Text) > 8*len(page)+64 {
			t.Fatalf("text of %d bytes from a %d-byte page", len(res.Text), len(page))
		}
	})
}
