package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "search", "QUERY...", "Full-text search over titles and texts. All words must match; use \"a phrase\", OR between terms, and -word to exclude.\nResults are grouped by story.")
	limit := f.Int("limit", 50, "most articles to show")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() == 0 {
		f.Usage()
		return errUsage
	}
	st, err := openStore(ctx, f.dataDir())
	if err != nil {
		return err
	}
	defer st.Close()
	query := strings.Join(f.Args(), " ")
	hits, err := st.Search(ctx, query, *limit)
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		fmt.Fprintf(e.stdout, "no articles match %q\n", query)
		return nil
	}
	// Group by story, stories in the order of their best hit.
	var order []string
	groups := map[string][]store.Hit{}
	for _, h := range hits {
		if _, ok := groups[h.StoryID]; !ok {
			order = append(order, h.StoryID)
		}
		groups[h.StoryID] = append(groups[h.StoryID], h)
	}
	for _, id := range order {
		fmt.Fprintf(e.stdout, "story %s\n", id)
		for _, h := range groups[id] {
			src := h.Source
			if src == "" {
				src = "(unknown outlet)"
			}
			fmt.Fprintf(e.stdout, "  %s  %s — %s\n", h.ArticleID, src, h.Title)
			if h.Snippet != "" {
				fmt.Fprintf(e.stdout, "      %s\n", clip(h.Snippet, 160))
			}
		}
	}
	return nil
}
