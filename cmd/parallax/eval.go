package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax/examples"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/evaluate"
	"github.com/parallax-news/parallax/internal/ingest/file"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

func runEval(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "eval", "cluster [FILE.jsonl | --labels LABELS.tsv DIR | --examples]",
		"Score story clustering with B-cubed precision, recall and F1 over articles, and the share of singleton stories.\n"+
			"Input: a JSON Lines file, one article a line with a gold story label (field gold, event, event_cluster or label)\n"+
			"and its text (title, source, url, published optional); or a folder with a TSV of path<TAB>label;\n"+
			"or --examples for the bundled example corpus. Articles go through the whole pipeline in a temporary store.")
	labels := f.String("labels", "", "TSV of path (relative to DIR) and gold label")
	useExamples := f.Bool("examples", false, "score the bundled example corpus")
	verbose := f.Bool("v", false, "print each predicted story with its members' gold labels")
	var copt cluster.Options
	f.Float64Var(&copt.Threshold, "threshold", 0, "clustering threshold to try (0: the default)")
	f.Float64Var(&copt.NameBoost, "name-boost", 0, "weight of names over words to try (0: the default)")
	f.DurationVar(&copt.HalfLife, "half-life", 0, "time distance that halves similarity, to try (0: the default)")
	if len(args) > 0 && args[0] == "cluster" {
		args = args[1:]
	} else if len(args) == 0 || (args[0] != "-h" && args[0] != "--help" && args[0] != "-help") {
		f.Usage()
		return errUsage
	}
	if err := f.parse(args); err != nil {
		return err
	}
	rest := f.Args()
	work, err := os.MkdirTemp("", "parallax-eval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	var docs []*news.Document
	var gold []string
	switch {
	case *useExamples:
		dir := filepath.Join(work, "corpus")
		if err := writeFS(dir, examples.Corpus, "corpus"); err != nil {
			return err
		}
		docs, gold, err = labelledFolder(ctx, dir, examples.Labels)
	case *labels != "" && len(rest) == 1:
		var tsv []byte
		if tsv, err = os.ReadFile(*labels); err == nil {
			docs, gold, err = labelledFolder(ctx, rest[0], tsv)
		}
	case len(rest) == 1:
		docs, gold, err = labelledJSONL(rest[0])
	default:
		f.Usage()
		return errUsage
	}
	if err != nil {
		return err
	}

	p, st, closeAll, err := openPipelineWith(ctx, e, filepath.Join(work, "data"), copt)
	if err != nil {
		return err
	}
	defer closeAll()
	story := map[string]string{} // origin -> story
	var failed []error
	err = p.Ingest(ctx, docs, func(r pipeline.Result) {
		switch r.Status {
		case pipeline.StatusNew:
			story[r.Origin] = r.StoryID
		case pipeline.StatusDuplicate:
			if a, err := st.Article(ctx, r.ArticleID); err == nil {
				story[r.Origin] = a.StoryID
			}
		default:
			failed = append(failed, r.Err)
		}
	})
	if err != nil {
		return err
	}
	pred := make([]string, len(docs))
	for i, d := range docs {
		if s, ok := story[d.Origin]; ok {
			pred[i] = s
		} else {
			pred[i] = "unplaced:" + d.Origin // a failure counts as a story of its own
		}
	}
	scores, err := evaluate.BCubed(pred, gold)
	if err != nil {
		return err
	}
	for _, err := range failed {
		fmt.Fprintf(e.stderr, "failed: %v\n", err)
	}
	if *verbose {
		members := map[string][]string{}
		var order []string
		for i, s := range pred {
			if _, ok := members[s]; !ok {
				order = append(order, s)
			}
			members[s] = append(members[s], gold[i]+" "+filepath.Base(docs[i].Origin))
		}
		for _, s := range order {
			fmt.Fprintf(e.stdout, "%s\n  %s\n", s, strings.Join(members[s], "\n  "))
		}
	}
	fmt.Fprintf(e.stdout, "articles %d · stories %d · gold stories %d\nB-cubed precision %.4f · recall %.4f · F1 %.4f · singleton stories %.1f%%\n",
		scores.Items, scores.Stories, scores.Gold, scores.Precision, scores.Recall, scores.F1, 100*scores.Singletons)
	return nil
}

// labelledFolder reads the files a TSV names, relative to dir, with their
// labels; other files in dir (a README, the TSV itself) are not read.
func labelledFolder(ctx context.Context, dir string, tsv []byte) ([]*news.Document, []string, error) {
	labels := map[string]string{}
	var paths []string
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || (n == 1 && strings.HasPrefix(line, "path\t")) {
			continue
		}
		path, label, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, nil, fmt.Errorf("labels line %d: want path<TAB>label", n)
		}
		p := filepath.Join(dir, filepath.FromSlash(path))
		labels[p] = strings.TrimSpace(label)
		paths = append(paths, p)
	}
	var docs []*news.Document
	var gold []string
	var bad []error
	err := file.Read(ctx, paths, nil, file.Options{}, func(d *news.Document, err error) error {
		if err != nil {
			bad = append(bad, err)
			return nil
		}
		label, ok := labels[d.Origin]
		if !ok {
			return fmt.Errorf("%s has no label of its own (is a labelled path a folder?)", d.Origin)
		}
		docs, gold = append(docs, d), append(gold, label)
		return nil
	})
	if err == nil && len(bad) > 0 {
		err = fmt.Errorf("reading %s: %v", dir, errors.Join(bad...))
	}
	return docs, gold, err
}

// labelledJSONL reads articles with gold labels from JSON Lines.
func labelledJSONL(path string) ([]*news.Document, []string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer fh.Close()
	var docs []*news.Document
	var gold []string
	r := bufio.NewReader(fh)
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var rec struct {
				ID, Title, Text, Source, URL, Published string
				Gold, Event, Label                      string
				EventCluster                            string `json:"event_cluster"`
			}
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return nil, nil, fmt.Errorf("%s:%d: %v", path, n, jerr)
			}
			label := firstNonEmpty(rec.Gold, rec.Event, rec.EventCluster, rec.Label)
			if label == "" || rec.Text == "" {
				return nil, nil, fmt.Errorf("%s:%d: needs a text and a gold label", path, n)
			}
			d := &news.Document{Origin: fmt.Sprintf("%s:%d", path, n), Format: news.FormatText, Body: []byte(rec.Text),
				Title: rec.Title, Source: rec.Source, URL: rec.URL, Seq: len(docs)}
			if rec.Published != "" {
				if d.Published, err = file.ParseTime(rec.Published); err != nil {
					return nil, nil, fmt.Errorf("%s:%d: published: %v", path, n, err)
				}
			}
			docs, gold = append(docs, d), append(gold, label)
		}
		if err == io.EOF {
			return docs, gold, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
