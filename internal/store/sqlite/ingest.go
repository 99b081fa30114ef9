package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// inChunk bounds the number of values in one IN (...) list, well under
// SQLite's limit on bound parameters.
const inChunk = 500

// placeholders returns "?, ?, ..." with n marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// forChunks calls fn on consecutive pieces of keys of at most inChunk keys,
// with the keys already converted to SQL arguments.
func forChunks(keys []uint64, fn func(args []any) error) error {
	for len(keys) > 0 {
		n := min(len(keys), inChunk)
		args := make([]any, n)
		for i, k := range keys[:n] {
			args[i] = keyToSQL(k)
		}
		if err := fn(args); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// ArticleIDByHash returns the id of the article with the given content
// hash, or news.ErrNotFound.
func (db *DB) ArticleIDByHash(ctx context.Context, hash string) (string, error) {
	var id string
	err := db.writer.QueryRowContext(ctx, "SELECT id FROM articles WHERE content_hash = ?", hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article with hash %s: %w", hash, news.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("article with hash %s: %w", hash, err)
	}
	return id, nil
}

// LineCounts reports how many articles of source contributed line
// statistics and, for each of keys seen before, in how many of them it
// occurred.
func (db *DB) LineCounts(ctx context.Context, source string, keys []uint64) (int, map[uint64]int, error) {
	counts := map[uint64]int{}
	tx, err := db.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, nil, fmt.Errorf("line counts of %q: %w", source, err)
	}
	defer tx.Rollback()
	var articles int
	err = tx.QueryRowContext(ctx, "SELECT articles FROM source_stats WHERE source = ?", source).Scan(&articles)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, counts, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("line counts of %q: %w", source, err)
	}
	err = forChunks(dedupKeys(keys), func(args []any) error {
		rows, err := tx.QueryContext(ctx,
			"SELECT line_key, articles FROM source_lines WHERE source = ? AND line_key IN ("+placeholders(len(args))+")",
			append([]any{source}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k int64
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				return err
			}
			counts[keyFromSQL(k)] = n
		}
		return rows.Err()
	})
	if err != nil {
		return 0, nil, fmt.Errorf("line counts of %q: %w", source, err)
	}
	return articles, counts, nil
}

// RecentSignatures returns the MinHash signatures of the n most recently
// stored articles, oldest first; none when n <= 0.
func (db *DB) RecentSignatures(ctx context.Context, n int) ([]store.DedupCandidate, error) {
	if n <= 0 {
		return nil, nil
	}
	// On the writer, like ArticleIDByHash: it is serialised with Commit, so
	// an index rebuilt from the answer misses no article already committed.
	// seq is the rowid, so the newest n are the last n rows of the table.
	rows, err := db.writer.QueryContext(ctx, `SELECT seq, id, story_id, duplicate_of, signature, published, ingested
		FROM articles ORDER BY seq DESC LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("%d recent signatures: %w", n, err)
	}
	defer rows.Close()
	var out []store.DedupCandidate
	for rows.Next() {
		var (
			c                   store.DedupCandidate
			sig                 []byte
			published, ingested string
		)
		if err := rows.Scan(&c.Seq, &c.ArticleID, &c.StoryID, &c.DuplicateOf, &sig, &published, &ingested); err != nil {
			return nil, fmt.Errorf("%d recent signatures: %w", n, err)
		}
		if err := fillCandidate(&c, sig, published, ingested); err != nil {
			return nil, fmt.Errorf("%d recent signatures: article %s: %w", n, c.ArticleID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%d recent signatures: %w", n, err)
	}
	slices.Reverse(out)
	return out, nil
}

// fillCandidate decodes a candidate's stored signature and times.
func fillCandidate(c *store.DedupCandidate, sig []byte, published, ingested string) error {
	var (
		a   news.Article
		err error
	)
	if c.Signature, err = decodeSignature(sig); err != nil {
		return err
	}
	if a.Published, err = parseTime(published); err != nil {
		return err
	}
	if a.Ingested, err = parseTime(ingested); err != nil {
		return err
	}
	c.When = a.When()
	return nil
}

// RecentStories returns the state of every story last updated at or after
// since, ordered by id.
func (db *DB) RecentStories(ctx context.Context, since time.Time) ([]store.StoryState, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT id, title, first_seen, last_seen, size, state
		FROM stories WHERE last_seen >= ? ORDER BY id`, formatTime(since))
	if err != nil {
		return nil, fmt.Errorf("stories since %v: %w", since, err)
	}
	defer rows.Close()
	var out []store.StoryState
	for rows.Next() {
		var (
			s           store.StoryState
			first, last string
		)
		if err := rows.Scan(&s.ID, &s.Title, &first, &last, &s.Size, &s.State); err != nil {
			return nil, fmt.Errorf("stories since %v: %w", since, err)
		}
		if s.FirstSeen, err = parseTime(first); err != nil {
			return nil, fmt.Errorf("story %s: %w", s.ID, err)
		}
		if s.LastSeen, err = parseTime(last); err != nil {
			return nil, fmt.Errorf("story %s: %w", s.ID, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stories since %v: %w", since, err)
	}
	return out, nil
}

// FeaturesSince calls fn, in ingest order, with the features of every
// article whose Seq is greater than seq. The rows are read in one snapshot;
// fn may call other methods of the store, including Commit.
func (db *DB) FeaturesSince(ctx context.Context, seq int64, fn func(seq int64, features []byte) error) error {
	rows, err := db.reader.QueryContext(ctx, "SELECT seq, features FROM articles WHERE seq > ? ORDER BY seq", seq)
	if err != nil {
		return fmt.Errorf("features since seq %d: %w", seq, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			s int64
			f []byte
		)
		if err := rows.Scan(&s, &f); err != nil {
			return fmt.Errorf("features since seq %d: %w", seq, err)
		}
		if err := fn(s, f); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("features since seq %d: %w", seq, err)
	}
	return nil
}

// Meta reads a named value, or news.ErrNotFound.
func (db *DB) Meta(ctx context.Context, key string) ([]byte, error) {
	var v []byte
	err := db.reader.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("meta %q: %w", key, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("meta %q: %w", key, err)
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

// SetMeta writes a named value, replacing any earlier one.
func (db *DB) SetMeta(ctx context.Context, key string, value []byte) error {
	if value == nil {
		value = []byte{} // the column is NOT NULL: nil is stored as empty
	}
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("set meta %q: %w", key, err)
	}
	return nil
}
