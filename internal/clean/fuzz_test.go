package clean

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzClean: on any input Clean does not panic, returns valid UTF-8, and
// every kept paragraph is a whole (trimmed) line of the input.
func FuzzClean(f *testing.F) {
	for _, name := range []string{"testdata/news_page.txt", "testdata/live_page.txt", "testdata/wire_update.txt"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), "")
	}
	f.Add("Title\r\nBody line one.\rBody line two…\n\n\n", "Title")
	f.Add("\xff\xfe\x00 (Credit: \xc3\n", "")
	f.Add("Also Read: \n:\n…\n...\n( )\n(\n)", " | ")
	f.Fuzz(func(t *testing.T, text, title string) {
		r := Clean(text, Options{Title: title, Profile: &Profile{Articles: 1, Counts: map[uint64]int{LineKey(text): 3}}})
		if !utf8.ValidString(r.Text) || !utf8.ValidString(r.Title) {
			t.Fatalf("invalid UTF-8 out: %q / %q", r.Title, r.Text)
		}
		lines := map[string]bool{}
		for _, l := range splitLines(text) {
			lines[l.text] = true
		}
		if r.Text == "" {
			return
		}
		for _, p := range strings.Split(r.Text, "\n\n") {
			if !lines[p] {
				t.Fatalf("output paragraph %q is not a line of the input", p)
			}
		}
	})
}

// BenchmarkClean cleans a 4 KB news page with furniture at both ends.
func BenchmarkClean(b *testing.B) {
	page, err := os.ReadFile("testdata/news_page.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(page)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Clean(text, Options{})
	}
}

// BenchmarkKeys hashes the lines of the same page.
func BenchmarkKeys(b *testing.B) {
	page, err := os.ReadFile("testdata/news_page.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(page)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Keys(text)
	}
}
