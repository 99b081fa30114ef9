package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// defaultLimit is the page size when ListOptions.Limit is zero.
const defaultLimit = 50

// querier is what reads need from a pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// articleColumns matches scanArticle.
const articleColumns = `seq, id, content_hash, origin, source, url, title, byline,
	published, language, text, duplicate_of, story_id, ingested`

type scanner interface{ Scan(dest ...any) error }

func scanArticle(r scanner) (news.Article, error) {
	var (
		a                   news.Article
		published, ingested string
	)
	err := r.Scan(&a.Seq, &a.ID, &a.ContentHash, &a.Origin, &a.Source, &a.URL, &a.Title, &a.Byline,
		&published, &a.Language, &a.Text, &a.DuplicateOf, &a.StoryID, &ingested)
	if err != nil {
		return a, err
	}
	if a.Published, err = parseTime(published); err != nil {
		return a, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if a.Ingested, err = parseTime(ingested); err != nil {
		return a, fmt.Errorf("article %s: %w", a.ID, err)
	}
	return a, nil
}

// Article returns one article, or news.ErrNotFound.
func (db *DB) Article(ctx context.Context, id string) (*news.Article, error) {
	a, err := scanArticle(db.reader.QueryRowContext(ctx,
		"SELECT "+articleColumns+" FROM articles WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return &a, nil
}

const storyColumns = "id, title, first_seen, last_seen, size"

func scanStory(r scanner) (news.StorySummary, error) {
	var (
		s           news.StorySummary
		first, last string
	)
	if err := r.Scan(&s.ID, &s.Title, &first, &last, &s.ArticleCount); err != nil {
		return s, err
	}
	var err error
	if s.FirstSeen, err = parseTime(first); err != nil {
		return s, fmt.Errorf("story %s: %w", s.ID, err)
	}
	if s.LastSeen, err = parseTime(last); err != nil {
		return s, fmt.Errorf("story %s: %w", s.ID, err)
	}
	return s, nil
}

// Story returns one story with its articles in ingest order, or
// news.ErrNotFound.
func (db *DB) Story(ctx context.Context, id string) (*news.Story, error) {
	tx, err := db.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	defer tx.Rollback()
	sum, err := scanStory(tx.QueryRowContext(ctx, "SELECT "+storyColumns+" FROM stories WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	byStory, err := articlesOf(ctx, tx, []string{id})
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return fullStory(sum, byStory[id]), nil
}

func fullStory(s news.StorySummary, articles []news.Article) *news.Story {
	return &news.Story{
		ID:        s.ID,
		Title:     s.Title,
		FirstSeen: s.FirstSeen,
		LastSeen:  s.LastSeen,
		Articles:  articles,
	}
}

// articlesOf loads the articles of the given stories, each story's in
// ingest order.
func articlesOf(ctx context.Context, q querier, ids []string) (map[string][]news.Article, error) {
	out := make(map[string][]news.Article, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), inChunk)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		if err := func() error {
			rows, err := q.QueryContext(ctx, "SELECT "+articleColumns+
				" FROM articles WHERE story_id IN ("+placeholders(n)+") ORDER BY story_id, seq", args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				a, err := scanArticle(rows)
				if err != nil {
					return err
				}
				out[a.StoryID] = append(out[a.StoryID], a)
			}
			return rows.Err()
		}(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Stories lists stories, most recently updated first (ties by id).
// ArticleCount is the story's stored size; Outlets are the distinct sources
// of its articles in order of first appearance.
func (db *DB) Stories(ctx context.Context, opt store.ListOptions) ([]news.StorySummary, error) {
	limit := opt.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	offset := max(opt.Offset, 0)
	tx, err := db.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer tx.Rollback()
	out, err := queryStories(ctx, tx, "SELECT "+storyColumns+
		" FROM stories ORDER BY last_seen DESC, id LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	if err := outletsOf(ctx, tx, out); err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	return out, nil
}

// queryStories runs a query selecting storyColumns and scans its rows.
func queryStories(ctx context.Context, q querier, query string, args ...any) ([]news.StorySummary, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.StorySummary
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// outletsOf fills in the Outlets of each summary.
func outletsOf(ctx context.Context, q querier, sums []news.StorySummary) error {
	index := make(map[string]int, len(sums))
	args := make([]any, len(sums))
	for i, s := range sums {
		index[s.ID] = i
		args[i] = s.ID
	}
	for len(args) > 0 {
		n := min(len(args), inChunk)
		chunk := args[:n]
		args = args[n:]
		if err := func() error {
			// The first seq of each (story, source) pair orders the outlets.
			rows, err := q.QueryContext(ctx, `SELECT story_id, source, MIN(seq) AS first
				FROM articles WHERE source <> '' AND story_id IN (`+placeholders(n)+`)
				GROUP BY story_id, source ORDER BY story_id, first`, chunk...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var (
					story, source string
					first         int64
				)
				if err := rows.Scan(&story, &source, &first); err != nil {
					return err
				}
				i := index[story]
				sums[i].Outlets = append(sums[i].Outlets, source)
			}
			return rows.Err()
		}(); err != nil {
			return err
		}
	}
	return nil
}

// eachStoryBatch is how many stories EachStory loads per query.
const eachStoryBatch = 100

// EachStory calls fn for every story with its articles, oldest first (by
// first_seen, then id). It reads one consistent snapshot; fn may call other
// methods of the store.
func (db *DB) EachStory(ctx context.Context, fn func(*news.Story) error) error {
	tx, err := db.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("each story: %w", err)
	}
	defer tx.Rollback()
	var afterFirst, afterID string
	started := false
	for {
		query := "SELECT " + storyColumns + " FROM stories ORDER BY first_seen, id LIMIT ?"
		args := []any{eachStoryBatch}
		if started {
			// Keyset paging: stable and cheap however far in we are.
			query = "SELECT " + storyColumns + ` FROM stories
				WHERE first_seen > ? OR (first_seen = ? AND id > ?)
				ORDER BY first_seen, id LIMIT ?`
			args = []any{afterFirst, afterFirst, afterID, eachStoryBatch}
		}
		batch, err := queryStories(ctx, tx, query, args...)
		if err != nil {
			return fmt.Errorf("each story: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		ids := make([]string, len(batch))
		for i, s := range batch {
			ids[i] = s.ID
		}
		byStory, err := articlesOf(ctx, tx, ids)
		if err != nil {
			return fmt.Errorf("each story: %w", err)
		}
		for _, s := range batch {
			if err := fn(fullStory(s, byStory[s.ID])); err != nil {
				return err
			}
		}
		last := batch[len(batch)-1]
		afterFirst, afterID, started = formatTime(last.FirstSeen), last.ID, true
		if len(batch) < eachStoryBatch {
			return nil
		}
	}
}

// Counts reports how many articles and stories are stored.
func (db *DB) Counts(ctx context.Context) (articles, stories int, err error) {
	err = db.reader.QueryRowContext(ctx,
		"SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories)").Scan(&articles, &stories)
	if err != nil {
		return 0, 0, fmt.Errorf("counts: %w", err)
	}
	return articles, stories, nil
}
