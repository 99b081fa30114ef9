package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goldDoc is one plain-text corpus file with its gold clean text.
type goldDoc struct {
	path   string // relative to corpus/
	outlet string
	title  string // from the metadata header, "" for raw scrapes
	body   string // the file without its header
	gold   []string
	gTitle string
}

// splitHeader separates a "Key: value" header or "---" front matter from
// the scraped text, the two header forms the example corpus uses.
func splitHeader(s string) (title, body string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if rest, ok := strings.CutPrefix(s, "---\n"); ok {
		if i := strings.Index(rest, "\n---\n"); i >= 0 {
			for l := range strings.SplitSeq(rest[:i], "\n") {
				if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "title" {
					title = strings.Trim(strings.TrimSpace(v), `"'`)
				}
			}
			return title, rest[i+5:]
		}
	}
	head, rest, ok := strings.Cut(s, "\n\n")
	if !ok {
		return "", s
	}
	for l := range strings.SplitSeq(head, "\n") {
		k, v, ok := strings.Cut(l, ": ")
		switch {
		case !ok || !slices.Contains([]string{"Title", "Source", "URL", "Published", "Byline", "Language"}, k):
			return "", s
		case k == "Title":
			title = strings.TrimSpace(v)
		}
	}
	return title, rest
}

func loadGold(t *testing.T) []goldDoc {
	root := filepath.Join(repoRoot(t), "examples")
	if _, err := os.Stat(filepath.Join(root, "gold")); err != nil {
		t.Skip("no examples/gold")
	}
	var docs []goldDoc
	files, _ := filepath.Glob(filepath.Join(root, "corpus", "*", "*.txt"))
	slices.Sort(files) // outlet, then date: earlier articles first
	for _, f := range files {
		rel, _ := filepath.Rel(filepath.Join(root, "corpus"), f)
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g, err := os.ReadFile(filepath.Join(root, "gold", rel))
		if err != nil {
			t.Fatalf("gold for %s: %v", rel, err)
		}
		blocks := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(g), "\r\n", "\n")), "\n\n")
		title, body := splitHeader(string(raw))
		docs = append(docs, goldDoc{path: rel, outlet: filepath.Dir(rel), title: title, body: body,
			gTitle: strings.TrimSpace(blocks[0]), gold: blocks[1:]})
	}
	if len(docs) == 0 {
		t.Skip("no plain-text corpus files")
	}
	return docs
}

// TestGoldCorpus measures furniture removal on the example corpus, line by
// line: a line is furniture when it is not a gold block (the title line is
// left out of the count). Precision: removed lines that are furniture;
// recall: furniture lines removed; content kept: gold blocks in the text.
// It runs three ways: with metadata titles and no learning; with no
// metadata at all (as a bare scrape); and with metadata titles and the
// profile of the outlet's earlier articles, as the pipeline cleans them.
// go test -run TestGoldCorpus -v prints the figures and the misses.
func TestGoldCorpus(t *testing.T) {
	docs := loadGold(t)
	for _, mode := range []string{"general", "no-metadata", "with-profile"} {
		learnt := mode == "with-profile"
		t.Run(mode, func(t *testing.T) {
			var tp, fp, fn, content, contentKept, titles int
			profiles := map[string]*Profile{}
			for _, d := range docs {
				opt := Options{Title: d.title}
				if mode == "no-metadata" {
					opt.Title = ""
				}
				if learnt {
					opt.Profile = profiles[d.outlet]
				}
				r := Clean(d.body, opt)
				if learnt {
					p := profiles[d.outlet]
					if p == nil {
						p = &Profile{Counts: map[uint64]int{}}
						profiles[d.outlet] = p
					}
					p.Articles++
					for _, k := range Keys(d.body) {
						p.Counts[k]++
					}
				}
				if normal(r.Title) == normal(d.gTitle) {
					titles++
				} else {
					t.Logf("%s: title %q, want %q", d.path, r.Title, d.gTitle)
				}
				kept := strings.Split(r.Text, "\n\n")
				for _, l := range splitLines(d.body) {
					if normal(l.text) == normal(d.gTitle) {
						continue
					}
					isContent := slices.Contains(d.gold, l.text)
					removed := !slices.Contains(kept, l.text)
					switch {
					case removed && !isContent:
						tp++
					case removed && isContent:
						fp++
						t.Logf("%s: lost %.90q", d.path, l.text)
					case !removed && !isContent:
						fn++
						t.Logf("%s: kept furniture %.90q", d.path, l.text)
					}
				}
				for _, g := range d.gold {
					content++
					if slices.Contains(kept, g) {
						contentKept++
					}
				}
			}
			precision := float64(tp) / float64(max(tp+fp, 1))
			recall := float64(tp) / float64(max(tp+fn, 1))
			keptShare := float64(contentKept) / float64(max(content, 1))
			t.Logf("%d docs: furniture precision %.3f, recall %.3f (tp %d fp %d fn %d); content kept %d/%d (%.3f); titles %d/%d",
				len(docs), precision, recall, tp, fp, fn, contentKept, content, keptShare, titles, len(docs))
			if precision < 0.95 || recall < 0.9 || keptShare < 0.97 {
				t.Errorf("below the bar: precision %.3f (≥0.95), recall %.3f (≥0.9), content kept %.3f (≥0.97)",
					precision, recall, keptShare)
			}
		})
	}
}
