package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
)

func runExport(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "export", "", "Export stories in the export contract's shape (see docs/EXPORT.md).\njson: one document {\"version\": 1, \"stories\": [...]}; jsonl: one article per line with its story id.")
	format := f.String("format", "json", "json or jsonl")
	storyID := f.String("story", "", "export only this story")
	if err := f.parse(args); err != nil {
		return err
	}
	if *format != "json" && *format != "jsonl" {
		return f.usageError("--format must be json or jsonl, not %q", *format)
	}
	st, err := openStore(ctx, f.dataDir())
	if err != nil {
		return err
	}
	defer st.Close()
	out := bufio.NewWriter(e.stdout)
	jw := export.NewJSONWriter(out)
	write := func(s *news.Story) error {
		if *format == "jsonl" {
			return export.WriteJSONL(out, s)
		}
		return jw.Story(s)
	}
	if *storyID != "" {
		s, err := st.Story(ctx, *storyID)
		if errors.Is(err, news.ErrNotFound) {
			return fmt.Errorf("no story %q", *storyID)
		}
		if err != nil {
			return err
		}
		err = write(s)
	} else {
		err = st.EachStory(ctx, write)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		if err := jw.Close(); err != nil {
			return err
		}
	}
	// A full disk shows here: an export cut short must not exit 0.
	return out.Flush()
}
