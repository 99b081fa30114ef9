package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
)

func runStory(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "story", "ID", "Show one story: its outlets, articles, entities, quotes and disagreements.")
	asJSON := f.Bool("json", false, "print the story in the export shape")
	full := f.Bool("text", false, "print each article's full text")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() != 1 {
		f.Usage()
		return errUsage
	}
	st, err := openStore(ctx, f.dataDir())
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Story(ctx, f.Arg(0))
	if errors.Is(err, news.ErrNotFound) {
		return fmt.Errorf("no story %q (see `parallax stories`)", f.Arg(0))
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(export.FromStory(s))
	}
	printStory(e, s, *full)
	return nil
}

func printStory(e *env, s *news.Story, full bool) {
	w := e.stdout
	fmt.Fprintf(w, "%s\n%s\n", s.Title, strings.Repeat("=", min(len([]rune(s.Title)), 80)))
	fmt.Fprintf(w, "story %s · %s → %s\n", s.ID, s.FirstSeen.UTC().Format("2006-01-02 15:04"), s.LastSeen.UTC().Format("2006-01-02 15:04 MST"))
	if o := s.Outlets(); len(o) > 0 {
		fmt.Fprintf(w, "outlets (%d): %s\n", len(o), strings.Join(o, ", "))
	}
	fmt.Fprintf(w, "\nArticles (%d)\n", len(s.Articles))
	for _, a := range s.Articles {
		when := "undated"
		if !a.Published.IsZero() {
			when = a.Published.UTC().Format("2006-01-02 15:04")
		}
		src := a.Source
		if src == "" {
			src = "(unknown outlet)"
		}
		fmt.Fprintf(w, "  %s  %-16s  %s  %s\n", a.ID, when, clip(src, 24), a.Title)
		if a.DuplicateOf != "" {
			fmt.Fprintf(w, "      near-copy of %s\n", a.DuplicateOf)
		}
		if full {
			for _, para := range strings.Split(a.Text, "\n\n") {
				fmt.Fprintf(w, "      %s\n", para)
			}
			fmt.Fprintln(w)
		}
	}
	section(w, "Entities", len(s.Entities))
	for _, en := range s.Entities {
		fmt.Fprintf(w, "  %s (%s) · %d mentions", en.Name, en.Kind, en.Mentions)
		if len(en.Aliases) > 1 {
			fmt.Fprintf(w, " · also: %s", strings.Join(en.Aliases, ", "))
		}
		fmt.Fprintln(w)
	}
	section(w, "Quotes", len(s.Quotes))
	for _, q := range s.Quotes {
		fmt.Fprintf(w, "  “%s” — %s [%s]\n", q.Text, orDash(q.Speaker), q.Article)
	}
	section(w, "Disagreements", len(s.Disagreements))
	for _, d := range s.Disagreements {
		fmt.Fprintf(w, "  %s\n", d.Topic)
		for _, v := range d.Variants {
			fmt.Fprintf(w, "    %s: %s\n", v.Value, strings.Join(v.Articles, ", "))
		}
	}
}

func section(w interface{ Write([]byte) (int, error) }, name string, n int) {
	fmt.Fprintf(w, "\n%s (%d)\n", name, n)
	if n == 0 {
		fmt.Fprintln(w, "  none found yet (this analysis is not built yet)")
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
