package extract

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
	"unicode"
)

var evalPages = flag.Bool("evalpages", false, "log the score of every development page")

// Floors for the development set; the extractor scored P 0.979, R 0.984,
// F1 0.982 when they were set, so these catch real regressions, not noise.
const (
	minDevF1        = 0.93
	minDevPrecision = 0.90
	minDevRecall    = 0.90
)

// devDir finds ../shared/eval/extraction/dev beside the module root.
func devDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "eval", "extraction", "dev")
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

type devPage struct {
	id, url, truth string
	html           []byte
}

func loadDev(t testing.TB) []devPage {
	dir := devDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Skipf("development set not available: %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		t.Fatalf("ground truth: %v", err)
	}
	var pages []devPage
	for id, g := range gt {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatalf("page %s: %v", id, err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("page %s: %v", id, err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatalf("page %s: %v", id, err)
		}
		pages = append(pages, devPage{id: id, url: g.URL, truth: g.ArticleBody, html: b})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

// shingles is the benchmark's multiset of 4-token shingles, tokens being
// runs of word characters. Text with fewer tokens than a shingle yields one
// short shingle (the empty one for empty text), so two empty texts agree.
func shingles(s string) map[string]int {
	var toks []string
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
		if w && start < 0 {
			start = i
		} else if !w && start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	const n = 4
	out := map[string]int{}
	for i := 0; i < max(1, len(toks)-n+1); i++ {
		key := ""
		for j := i; j < min(i+n, len(toks)); j++ {
			key += toks[j] + "\x00"
		}
		out[key]++
	}
	return out
}

// shingleMatch returns the page's true positives, false positives and
// false negatives, divided by their sum.
func shingleMatch(truth, pred string) (tp, fp, fn float64) {
	ts, ps := shingles(truth), shingles(pred)
	for k, tc := range ts {
		pc := ps[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		fp += float64(max(0, pc-ts[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

func TestShingleMatch(t *testing.T) {
	tests := []struct {
		name           string
		truth, pred    string
		wantP, wantRec float64
	}{
		{"identical", "one two three four five", "one two three four five", 1, 1},
		{"both empty", "", "", 1, 1},
		{"nothing predicted", "one two three four five", "", 0, 0},
		{"half extra", "a b c d", "a b c d x y z w", 0.2, 1},
		{"punctuation ignored", "a, b. c! d", "a b c d", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tp, fp, fn := shingleMatch(tc.truth, tc.pred)
			p, r := 0.0, 0.0
			if tp+fp > 0 {
				p = tp / (tp + fp)
			}
			if tp+fn > 0 {
				r = tp / (tp + fn)
			}
			if diff(p, tc.wantP) > 1e-9 || diff(r, tc.wantRec) > 1e-9 {
				t.Errorf("precision %.3f recall %.3f, want %.3f %.3f", p, r, tc.wantP, tc.wantRec)
			}
		})
	}
}

func diff(a, b float64) float64 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestDevSet scores the extractor on the development set the way the
// benchmark does: per-page shingle counts normalised to sum 1, pooled over
// pages. It also logs the mean of per-page ratios and the throughput.
func TestDevSet(t *testing.T) {
	pages := loadDev(t)
	var tp, fp, fn, meanP, meanR float64
	var spent time.Duration
	for _, p := range pages {
		start := time.Now()
		res, err := Extract(p.html, p.url, Options{})
		spent += time.Since(start)
		pred := ""
		if err == nil {
			pred = res.Text
		}
		a, b, c := shingleMatch(p.truth, pred)
		tp, fp, fn = tp+a, fp+b, fn+c
		pp, pr := 0.0, 0.0
		if a+b > 0 {
			pp = a / (a + b)
		}
		if a+c > 0 {
			pr = a / (a + c)
		}
		meanP, meanR = meanP+pp, meanR+pr
		if *evalPages {
			t.Logf("%s P=%.2f R=%.2f %s err=%v", p.id[:8], pp, pr, p.url, err)
		}
	}
	n := float64(len(pages))
	prec, rec := tp/(tp+fp), tp/(tp+fn)
	f1 := 2 * prec * rec / (prec + rec)
	meanP, meanR = meanP/n, meanR/n
	t.Logf("%d pages: precision %.3f recall %.3f F1 %.3f (per-page means: P %.3f R %.3f F1 %.3f); %.0f pages/s",
		len(pages), prec, rec, f1, meanP, meanR, 2*meanP*meanR/(meanP+meanR), n/spent.Seconds())
	if f1 < minDevF1 || prec < minDevPrecision || rec < minDevRecall {
		t.Errorf("below the floor: P %.3f R %.3f F1 %.3f, want P>=%.2f R>=%.2f F1>=%.2f",
			prec, rec, f1, minDevPrecision, minDevRecall, minDevF1)
	}
}

// BenchmarkDevSet extracts every development page once per iteration.
func BenchmarkDevSet(b *testing.B) {
	pages := loadDev(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.html))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, p := range pages {
			_, _ = Extract(p.html, p.url, Options{})
		}
	}
}
