package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax/examples"
	"github.com/parallax-news/parallax/internal/ingest/file"
	"github.com/parallax-news/parallax/internal/store"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "demo", "", "Ingest the bundled example corpus (invented news, see examples/README.md) into a\ntemporary data directory (or --data DIR) and print its stories.")
	f.Bool("no-serve", false, "only print (the web UI is not built yet, so the demo always only prints)")
	if err := f.parse(args); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "parallax-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	corpus := filepath.Join(work, "corpus")
	if err := writeFS(corpus, examples.Corpus, "corpus"); err != nil {
		return fmt.Errorf("unpack example corpus: %w", err)
	}
	dataDir := *f.data
	if dataDir == "" {
		dataDir = filepath.Join(work, "data")
	}
	p, st, closeAll, err := openPipeline(ctx, e, dataDir)
	if err != nil {
		return err
	}
	sum, err := ingestPaths(ctx, e, p, []string{corpus}, file.Options{})
	if cerr := closeAll(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	sum.print(e.stdout, e.stderr, false)
	st, err = openStore(ctx, dataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Stories(ctx, store.ListOptions{Limit: 1000})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\n%d stories from the example corpus:\n\n", len(list))
	for _, s := range list {
		fmt.Fprintf(e.stdout, "%s  %s\n    %d articles · %s · %s → %s\n", s.ID, s.Title, s.ArticleCount,
			strings.Join(s.Outlets, ", "), s.FirstSeen.UTC().Format("Jan 2 15:04"), s.LastSeen.UTC().Format("Jan 2 15:04"))
	}
	if *f.data != "" {
		fmt.Fprintf(e.stdout, "\nExplore it: parallax story ID --data %s\n", dataDir)
	} else {
		fmt.Fprintln(e.stdout, "\nThe demo's data was temporary; run with --data DIR to keep it and explore with `parallax story ID --data DIR`.")
	}
	if len(sum.failures) > 0 {
		return errFailed
	}
	return nil
}

// writeFS copies the tree under root in fsys to dir.
func writeFS(dir string, fsys fs.FS, root string) error {
	return fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
