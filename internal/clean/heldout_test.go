package clean_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-news/parallax/internal/clean"
)

// The held-out set: invented scrapes the cleaner was never tuned on, with
// page furniture in styles the example corpus does not use. Each
// testdata/heldout/corpus/NAME.txt has a gold file of the same name: the
// title, a blank line, then every journalism paragraph exactly as in the
// corpus file, one blank line apart. Half the files open with a
// "Key: value" header (four outlets, two articles each); the rest are
// bare scrapes.
const heldoutDir = "testdata/heldout"

// heldoutDoc is one held-out file with its gold.
type heldoutDoc struct {
	name   string
	source string // "" for bare scrapes
	title  string // from the header, "" for bare scrapes
	body   string // the scraped text without its header
	gTitle string
	gold   []string
}

// heldoutHeader splits off a leading block of "Key: value" lines, the
// metadata header; only Title and Source are read. A first block with any
// other line, or with neither key, is scraped text and is left alone.
func heldoutHeader(s string) (title, source, body string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	head, rest, ok := strings.Cut(s, "\n\n")
	if !ok {
		return "", "", s
	}
	found := false
	for l := range strings.SplitSeq(head, "\n") {
		k, v, ok := strings.Cut(l, ": ")
		if !ok || !headerKey(k) {
			return "", "", s
		}
		switch k {
		case "Title":
			title, found = strings.TrimSpace(v), true
		case "Source":
			source, found = strings.TrimSpace(v), true
		}
	}
	if !found {
		return "", "", s
	}
	return title, source, rest
}

// headerKey: one capitalised word of letters and hyphens ("Title",
// "Published"), not the start of a sentence that happens to hold a colon.
func headerKey(k string) bool {
	if k == "" || !unicode.IsUpper([]rune(k)[0]) {
		return false
	}
	for _, r := range k {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

func loadHeldout(t *testing.T) []heldoutDoc {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(heldoutDir, "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no held-out corpus in %s: %v", heldoutDir, err)
	}
	var docs []heldoutDoc
	for _, f := range files {
		name := filepath.Base(f)
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g, err := os.ReadFile(filepath.Join(heldoutDir, "gold", name))
		if err != nil {
			t.Fatalf("gold for %s: %v", name, err)
		}
		blocks := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(g), "\r\n", "\n")), "\n\n")
		title, source, body := heldoutHeader(string(raw))
		d := heldoutDoc{name: name, source: source, title: title, body: body,
			gTitle: strings.TrimSpace(blocks[0]), gold: blocks[1:]}
		// A gold paragraph that is not a line of the scrape is a typo in
		// the fixture, and would count as lost whatever the cleaner does.
		lines := bodyLines(body)
		for _, p := range d.gold {
			if !slices.Contains(lines, p) {
				t.Fatalf("%s: gold paragraph is not a line of the corpus file: %.80q", name, p)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// bodyLines returns the non-empty lines of a scrape, trimmed, as Clean
// sees them.
func bodyLines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// sameText compares titles with case and runs of spaces ignored.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// otherArticles builds, for a document of an outlet with several held-out
// articles, the profile of the outlet's other articles, as the pipeline
// would have learnt it from them.
func otherArticles(docs []heldoutDoc, d heldoutDoc) *clean.Profile {
	if d.source == "" {
		return nil
	}
	p := &clean.Profile{Counts: map[uint64]int{}}
	for _, o := range docs {
		if o.source != d.source || o.name == d.name {
			continue
		}
		p.Articles++
		for _, k := range clean.Keys(o.body) {
			p.Counts[k]++
		}
	}
	if p.Articles == 0 {
		return nil
	}
	return p
}

// heldoutScore counts, line by line, what the cleaner did with a document.
// Lines equal to the gold title are left out of the furniture count, as in
// TestGoldCorpus: the title is scored on its own (titles), and a title
// line left in the text, what a missed title usually costs, apart
// (titleLeft).
type heldoutScore struct {
	furniture, furnitureRemoved int // furniture lines, and those removed
	journalism, journalismKept  int // gold paragraphs, and those kept
	titles, titleLeft, docs     int
}

func (s *heldoutScore) add(o heldoutScore) {
	s.furniture += o.furniture
	s.furnitureRemoved += o.furnitureRemoved
	s.journalism += o.journalism
	s.journalismKept += o.journalismKept
	s.titles += o.titles
	s.titleLeft += o.titleLeft
	s.docs += o.docs
}

func ratio(a, b int) float64 { return float64(a) / float64(max(b, 1)) }

// scoreHeldout cleans one document and logs every miss.
func scoreHeldout(t *testing.T, d heldoutDoc, opt clean.Options) heldoutScore {
	t.Helper()
	r := clean.Clean(d.body, opt)
	kept := strings.Split(r.Text, "\n\n")
	s := heldoutScore{docs: 1}
	if sameText(r.Title, d.gTitle) {
		s.titles++
	} else {
		t.Logf("%s: title %q, want %q", d.name, r.Title, d.gTitle)
	}
	for _, l := range bodyLines(d.body) {
		if slices.Contains(d.gold, l) {
			continue
		}
		if sameText(l, d.gTitle) {
			if slices.Contains(kept, l) {
				s.titleLeft++
				t.Logf("%s: title line left in the text %.100q", d.name, l)
			}
			continue
		}
		s.furniture++
		if slices.Contains(kept, l) {
			t.Logf("%s: kept furniture %.100q", d.name, l)
		} else {
			s.furnitureRemoved++
		}
	}
	for _, p := range d.gold {
		s.journalism++
		if slices.Contains(kept, p) {
			s.journalismKept++
		} else {
			t.Logf("%s: lost journalism %.100q", d.name, p)
		}
	}
	return s
}

// TestHeldOut measures the cleaner on the held-out set two ways:
//
//   - pipeline: as the pipeline cleans a source's article, with the
//     header's Title in Options and, for an outlet with other held-out
//     articles, the profile learnt from those (bare scrapes get neither);
//   - bare: every file as a bare scrape, no title and no profile.
//
// The floors sit a little under what the cleaner scored when the set was
// written (see the comment on each), so that a change that loses
// journalism or lets more furniture through on text it was not tuned on
// fails here. They are not targets: raise them when the cleaner improves,
// never tune the cleaner on these files. go test -run TestHeldOut -v
// prints the figures and every miss.
func TestHeldOut(t *testing.T) {
	docs := loadHeldout(t)
	if len(docs) != 16 {
		t.Fatalf("held-out set has %d files, want 16", len(docs))
	}
	tests := []struct {
		name string
		opts func(d heldoutDoc) clean.Options
		// Floors: shares of furniture lines removed and of journalism
		// paragraphs kept, the number of titles found, and at most this
		// many title lines left in the text.
		minFurniture, minJournalism float64
		minTitles, maxTitleLeft     int
	}{
		{
			name: "pipeline",
			opts: func(d heldoutDoc) clean.Options {
				return clean.Options{Title: d.title, Profile: otherArticles(docs, d)}
			},
			// Measured: furniture 218/242 (0.901), journalism 137/137,
			// titles 14/16, 2 title lines left in the text.
			minFurniture: 0.88, minJournalism: 0.98, minTitles: 13, maxTitleLeft: 3,
		},
		{
			name: "bare",
			opts: func(heldoutDoc) clean.Options { return clean.Options{} },
			// Measured: furniture 218/242 (0.901), journalism 137/137,
			// titles 12/16, 3 title lines left in the text.
			minFurniture: 0.88, minJournalism: 0.98, minTitles: 11, maxTitleLeft: 4,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var total heldoutScore
			for _, d := range docs {
				total.add(scoreHeldout(t, d, tc.opts(d)))
			}
			furn := ratio(total.furnitureRemoved, total.furniture)
			journ := ratio(total.journalismKept, total.journalism)
			t.Logf("%d docs: furniture removed %d/%d (%.3f), kept wrongly %d; journalism kept %d/%d (%.3f), lost %d; titles %d/%d, title lines left in the text %d",
				total.docs, total.furnitureRemoved, total.furniture, furn, total.furniture-total.furnitureRemoved,
				total.journalismKept, total.journalism, journ, total.journalism-total.journalismKept,
				total.titles, total.docs, total.titleLeft)
			if furn < tc.minFurniture || journ < tc.minJournalism || total.titles < tc.minTitles || total.titleLeft > tc.maxTitleLeft {
				t.Errorf("past the floor: furniture removed %.3f (≥%.3f), journalism kept %.3f (≥%.3f), titles %d (≥%d), title lines left %d (≤%d)",
					furn, tc.minFurniture, journ, tc.minJournalism, total.titles, tc.minTitles, total.titleLeft, tc.maxTitleLeft)
			}
		})
	}
}

// TestHeldoutHeader checks the header split the held-out test relies on.
func TestHeldoutHeader(t *testing.T) {
	tests := []struct {
		name, in            string
		title, source, body string
	}{
		{"metadata header", "Title: A\nSource: B\nURL: https://x.example/a\n\nText\n", "A", "B", "Text\n"},
		{"bare scrape with a colon in the first line", "You are here: Home » News\nText\n\nMore\n", "", "", "You are here: Home » News\nText\n\nMore\n"},
		{"key block without title or source", "Published: 2025-10-01\n\nText\n", "", "", "Published: 2025-10-01\n\nText\n"},
		{"no blank line", "Title: A\nText\n", "", "", "Title: A\nText\n"},
		{"crlf", "Title: A\r\nSource: B\r\n\r\nText\r\n", "A", "B", "Text\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			title, source, body := heldoutHeader(tc.in)
			if title != tc.title || source != tc.source || body != tc.body {
				t.Errorf("heldoutHeader(%q) = %q, %q, %q; want %q, %q, %q",
					tc.in, title, source, body, tc.title, tc.source, tc.body)
			}
		})
	}
}
