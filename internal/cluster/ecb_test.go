package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/evaluate"
)

// sharedDir finds ../shared beside the repository root, or skips.
func sharedDir(t testing.TB) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(s); err != nil {
				t.Skip("../shared is absent")
			}
			return s
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
}

type ecbDoc struct {
	ID, Text string
	Gold     string `json:"event_cluster"`
}

func loadECB(t testing.TB) []ecbDoc {
	f, err := os.Open(filepath.Join(sharedDir(t), "eval", "clustering", "ecbplus-dev.jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var docs []ecbDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d ecbDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// runECB clusters the ECB+ development set in file order, with corpus
// statistics from a first pass, as a batch ingest does.
func runECB(docs []ecbDoc, opt Options) evaluate.Scores {
	stats := NewStats()
	feats := make([]Features, len(docs))
	for i, d := range docs {
		title, body, _ := strings.Cut(d.Text, "\n")
		feats[i] = Extract(title, body)
		stats.Observe(feats[i])
	}
	c := New(opt, stats)
	pred := make([]string, len(docs))
	gold := make([]string, len(docs))
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, d := range docs {
		title, _, _ := strings.Cut(d.Text, "\n")
		dec := c.Assign(Article{Features: feats[i], Title: title, When: now}, fmt.Sprintf("s%04d", i))
		if err := c.Apply(dec.Story); err != nil {
			panic(err)
		}
		pred[i], gold[i] = dec.StoryID, d.Gold
	}
	s, _ := evaluate.BCubed(pred, gold)
	return s
}

func TestECBPlusDev(t *testing.T) {
	docs := loadECB(t)
	s := runECB(docs, Options{})
	t.Logf("ECB+ dev: %v", s)
	if s.F1 < 0.80 {
		t.Errorf("B-cubed F1 %.3f below the 0.80 floor", s.F1)
	}
	if os.Getenv("PARALLAX_TUNE") != "" {
		for _, th := range []float64{0.14, 0.18, 0.22, 0.26, 0.30, 0.34, 0.40} {
			for _, nb := range []float64{1, 1.5, 2, 3} {
				t.Logf("th=%.2f nb=%.1f %v", th, nb, runECB(docs, Options{Threshold: th, NameBoost: nb}))
			}
		}
	}
}

func TestECBTuneIDF(t *testing.T) {
	if os.Getenv("PARALLAX_TUNE") == "" {
		t.Skip("tuning only")
	}
	docs := loadECB(t)
	for _, th := range []float64{0.20, 0.22, 0.24, 0.26} {
		for _, nb := range []float64{1.5, 2, 2.5} {
			t.Logf("th=%.2f nb=%.1f %v", th, nb, runECB(docs, Options{Threshold: th, NameBoost: nb}))
		}
	}
}
