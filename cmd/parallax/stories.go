package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func runStories(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "stories", "", "List stories, most recently updated first.")
	asJSON := f.Bool("json", false, "print JSON")
	limit := f.Int("limit", 50, "how many stories")
	offset := f.Int("offset", 0, "skip this many stories")
	if err := f.parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, f.dataDir())
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Stories(ctx, store.ListOptions{Limit: *limit, Offset: *offset})
	if err != nil {
		return err
	}
	if *asJSON {
		return printStoriesJSON(e, list)
	}
	printStories(e, list)
	return nil
}

// storyListing is a story in `parallax stories --json`.
type storyListing struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	FirstSeen    string   `json:"first_seen"`
	LastSeen     string   `json:"last_seen"`
	ArticleCount int      `json:"article_count"`
	Outlets      []string `json:"outlets"`
}

func printStoriesJSON(e *env, list []news.StorySummary) error {
	out := struct {
		Stories []storyListing `json:"stories"`
	}{Stories: []storyListing{}}
	for _, s := range list {
		outlets := s.Outlets
		if outlets == nil {
			outlets = []string{}
		}
		out.Stories = append(out.Stories, storyListing{s.ID, s.Title, export.Time(s.FirstSeen), export.Time(s.LastSeen), s.ArticleCount, outlets})
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func printStories(e *env, list []news.StorySummary) {
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "no stories yet: add articles with `parallax ingest PATH`")
		return
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tARTICLES\tLAST SEEN\tTITLE\tOUTLETS")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", s.ID, s.ArticleCount, s.LastSeen.UTC().Format("2006-01-02 15:04"),
			clip(s.Title, 70), clip(strings.Join(s.Outlets, ", "), 60))
	}
	tw.Flush()
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
