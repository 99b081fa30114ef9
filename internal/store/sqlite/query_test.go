package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQueryToMatch(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    string
		wantErr bool
	}{
		{"empty", "", "", false},
		{"one word", "flood", `"flood"`, false},
		{"words are ANDed", "flood valencia", `"flood" AND "valencia"`, false},
		{"phrase", `"heavy rain"`, `"heavy rain"`, false},
		{"unterminated phrase runs to the end", `"heavy rain`, `"heavy rain"`, false},
		{"OR", "flood OR storm", `("flood" OR "storm")`, false},
		{"OR chain then word", "a OR b OR c d", `("a" OR "b" OR "c") AND "d"`, false},
		{"lowercase or is a word", "flood or storm", `"flood" AND "or" AND "storm"`, false},
		{"dangling OR ignored", "OR flood OR", `"flood"`, false},
		{"minus", "flood -storm", `("flood") NOT ("storm")`, false},
		{"minus phrase", `flood -"sea wall"`, `("flood") NOT ("sea wall")`, false},
		{"several minus", "a -b -c", `("a") NOT ("b" OR "c")`, false},
		{"lone minus ignored", "flood - storm", `"flood" AND "storm"`, false},
		{"only excluded", "-storm", "", true},
		{"operators are quoted", "NEAR( AND NOT", `"NEAR(" AND "AND" AND "NOT"`, false},
		{"column filter is quoted", "title:flood", `"title:flood"`, false},
		{"punctuation only dropped", `* ( ) ^ +`, "", false},
		{"prefix star quoted", "flood*", `"flood*"`, false},
		{"quote inside word splits", `a"b c"d`, `"a" AND "b c" AND "d"`, false},
		{"control characters separate", "a\x00b\tc", `"a" AND "b" AND "c"`, false},
		{"invalid utf-8 separates", "a\xffb", `"a" AND "b"`, false},
		{"too many terms", strings.Repeat("w ", maxQueryTerms+1), "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := parseQuery(tc.query)
			if tc.wantErr {
				if !errors.Is(err, ErrQuery) {
					t.Fatalf("parseQuery(%q) = %v, want ErrQuery", tc.query, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseQuery(%q): %v", tc.query, err)
			}
			if got := p.match(); got != tc.want {
				t.Errorf("parseQuery(%q).match() = %s, want %s", tc.query, got, tc.want)
			}
		})
	}
}

// outsideQuotes returns the parts of an FTS5 expression that are not in
// string literals.
func outsideQuotes(expr string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case c == '"' && in && i+1 < len(expr) && expr[i+1] == '"':
			i++ // escaped quote inside a string
		case c == '"':
			in = !in
		case !in:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// FuzzSearch checks, on a real index, that no query reaches FTS5 as
// anything but quoted strings and operators we wrote, and that every query
// either runs or fails with ErrQuery.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"flood", `"heavy rain"`, "a OR b", "-x y", `"unterminated`, "NEAR(", "*", "title:x", `""""`, "a\x00b", "\xff"} {
		f.Add(s)
	}
	db := openTest(f)
	g := newCommitGen(f)
	ctx := context.Background()
	for range 20 {
		if _, err := db.Commit(ctx, g.next(g.shuffledText(200))); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		p, err := parseQuery(q)
		if err == nil {
			rest := outsideQuotes(p.match())
			for _, word := range strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(rest)) {
				if word != "AND" && word != "OR" && word != "NOT" {
					t.Fatalf("query %q produced unquoted %q in %s", q, word, p.match())
				}
			}
		}
		hits, err := db.Search(ctx, q, 5)
		if err != nil && !errors.Is(err, ErrQuery) {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) > 5 {
			t.Fatalf("Search(%q) returned %d hits, limit 5", q, len(hits))
		}
		for _, h := range hits {
			if !utf8.ValidString(h.Snippet) || strings.Contains(h.Snippet, "\n") {
				t.Fatalf("Search(%q) snippet %q", q, h.Snippet)
			}
		}
	})
}
