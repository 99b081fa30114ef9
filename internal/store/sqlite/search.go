package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// maxSearchLimit caps one page of search results.
const maxSearchLimit = 1000

// snippetTokens is the length of a search snippet, in words.
const snippetTokens = 24

// Search runs a full-text query over titles and texts, best matches first
// (BM25, a title match weighing more than one in the text). The query
// syntax is described on store.Store; a query that cannot be run returns
// an error wrapping ErrQuery, and one with nothing to look for returns no
// hits.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	p, err := parseQuery(query)
	if err != nil {
		return nil, err
	}
	match := p.match()
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxSearchLimit)
	rows, err := db.reader.QueryContext(ctx, `SELECT a.id, a.story_id, a.title, a.source, a.published,
			snippet(articles_fts, 1, '', '', '…', ?)
		FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY bm25(articles_fts, 4.0, 1.0), a.seq
		LIMIT ?`, snippetTokens, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var (
			h         store.Hit
			published string
		)
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &h.Source, &published, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		if h.Published, err = parseTime(published); err != nil {
			return nil, fmt.Errorf("search %q: article %s: %w", query, h.ArticleID, err)
		}
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}
