package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// writeStmts are the fixed statements of Commit, prepared once on the
// single writer connection.
type writeStmts struct {
	hashExists  *sql.Stmt
	upsertStory *sql.Stmt
	insertArt   *sql.Stmt
	insertFTS   *sql.Stmt
	bumpSource  *sql.Stmt
}

func (s *writeStmts) prepare(ctx context.Context, db *sql.DB) error {
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&s.hashExists, "SELECT 1 FROM articles WHERE content_hash = ?"},
		{&s.upsertStory, `INSERT INTO stories (id, title, first_seen, last_seen, size, state)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET
				title = excluded.title, first_seen = excluded.first_seen,
				last_seen = excluded.last_seen, size = excluded.size,
				state = excluded.state`},
		{&s.insertArt, `INSERT INTO articles (id, content_hash, origin, source, url,
				title, byline, published, language, text, duplicate_of,
				story_id, ingested, features, signature)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.insertFTS, "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)"},
		{&s.bumpSource, `INSERT INTO source_stats (source, articles) VALUES (?, 1)
			ON CONFLICT (source) DO UPDATE SET articles = source_stats.articles + 1`},
	} {
		st, err := db.PrepareContext(ctx, p.query)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", p.query, err)
		}
		*p.dst = st
	}
	return nil
}

func (s *writeStmts) close() error {
	var errs []error
	for _, st := range []*sql.Stmt{s.hashExists, s.upsertStory, s.insertArt, s.insertFTS, s.bumpSource} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}

// Multi-row inserts are cut into chunks of at most batchRows rows; a
// statement for each row count met is prepared once and kept, so an
// article's 60 line keys are one statement execution, not 60.
const batchRows = 128

type batchKind int

const (
	lineBatch batchKind = iota // (source, line_key) upserts
)

type batchKey struct {
	kind batchKind
	rows int
}

func batchSQL(k batchKey) string {
	var b strings.Builder
	switch k.kind {
	case lineBatch:
		b.WriteString("INSERT INTO source_lines (source, line_key, articles) VALUES ")
		writeRows(&b, k.rows, "(?, ?, 1)")
		b.WriteString(" ON CONFLICT (source, line_key) DO UPDATE SET articles = source_lines.articles + 1")
	}
	return b.String()
}

func writeRows(b *strings.Builder, n int, row string) {
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
}

// prepareBatches makes sure the statements that inserting n rows of kind
// needs are prepared. It must run outside a transaction: the writer pool's
// only connection is busy during one.
func (db *DB) prepareBatches(ctx context.Context, kind batchKind, n int) error {
	db.batchMu.Lock()
	defer db.batchMu.Unlock()
	for _, rows := range []int{min(n, batchRows), n % batchRows} {
		k := batchKey{kind, rows}
		if _, ok := db.batches[k]; ok || rows == 0 {
			continue
		}
		st, err := db.writer.PrepareContext(ctx, batchSQL(k))
		if err != nil {
			return err
		}
		db.batches[k] = st
	}
	return nil
}

// execBatches inserts one row per key, in chunks, binding each row's
// arguments with row. prepareBatches must have run for len(keys).
func (db *DB) execBatches(ctx context.Context, tx *sql.Tx, kind batchKind, keys []uint64, row func(args []any, k uint64) []any) error {
	args := make([]any, 0, 3*min(len(keys), batchRows))
	for len(keys) > 0 {
		n := min(len(keys), batchRows)
		db.batchMu.Lock()
		st := db.batches[batchKey{kind, n}]
		db.batchMu.Unlock()
		if st == nil {
			return fmt.Errorf("no prepared statement for %d rows", n) // a bug: see prepareBatches
		}
		args = args[:0]
		for _, k := range keys[:n] {
			args = row(args, k)
		}
		if _, err := tx.StmtContext(ctx, st).ExecContext(ctx, args...); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// Commit stores one processed article with its index rows, its story's new
// state and its source's line statistics, in one transaction.
func (db *DB) Commit(ctx context.Context, c *store.Commit) (int64, error) {
	if err := validateCommit(c); err != nil {
		return 0, err
	}
	seq, err := db.commit(ctx, c)
	if err != nil {
		return 0, fmt.Errorf("commit article %s: %w", c.Article.ID, err)
	}
	return seq, nil
}

func validateCommit(c *store.Commit) error {
	if c == nil {
		return errors.New("commit: nil Commit")
	}
	a := &c.Article
	switch {
	case a.ID == "":
		return fmt.Errorf("commit article (hash %q): empty ID", a.ContentHash)
	case a.ContentHash == "":
		return fmt.Errorf("commit article %s: empty ContentHash", a.ID)
	case c.Story.ID == "":
		return fmt.Errorf("commit article %s: empty Story.ID", a.ID)
	case a.StoryID != c.Story.ID:
		return fmt.Errorf("commit article %s: Article.StoryID %q differs from Story.ID %q", a.ID, a.StoryID, c.Story.ID)
	}
	if err := errors.Join(
		checkTime("published", a.Published),
		checkTime("ingested", a.Ingested),
		checkTime("story first seen", c.Story.FirstSeen),
		checkTime("story last seen", c.Story.LastSeen),
	); err != nil {
		return fmt.Errorf("commit article %s: %w", a.ID, err)
	}
	return nil
}

// CommitAll stores several processed articles in one transaction, in order,
// setting each Article.Seq; all are stored or none.
func (db *DB) CommitAll(ctx context.Context, cs []*store.Commit) error {
	for _, c := range cs {
		if err := validateCommit(c); err != nil {
			return err
		}
	}
	if err := db.commitAll(ctx, cs); err != nil {
		if len(cs) == 1 {
			return fmt.Errorf("commit article %s: %w", cs[0].Article.ID, err)
		}
		return fmt.Errorf("commit %d articles: %w", len(cs), err)
	}
	return nil
}

func (db *DB) commit(ctx context.Context, c *store.Commit) (int64, error) {
	if err := db.commitAll(ctx, []*store.Commit{c}); err != nil {
		return 0, err
	}
	return c.Article.Seq, nil
}

func (db *DB) commitAll(ctx context.Context, cs []*store.Commit) error {
	if len(cs) == 0 {
		return nil
	}
	// Statements for every row count met are prepared before the
	// transaction (the writer's only connection is busy during it).
	lines := make([][]uint64, len(cs))
	for i, c := range cs {
		if c.Article.Source != "" {
			lines[i] = dedupKeys(c.LineKeys)
		}
		if err := db.prepareBatches(ctx, lineBatch, len(lines[i])); err != nil {
			return err
		}
	}

	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	seqs := make([]int64, len(cs))
	for i, c := range cs {
		if seqs[i], err = db.commitOne(ctx, tx, c, lines[i]); err != nil {
			return err
		}
	}
	// The index rows go last: FTS5 writes its pending terms out when the
	// next statement opens a savepoint, and writing them inside one would
	// copy every touched page to the statement journal first. Batching them
	// also lets FTS5 flush one segment per transaction instead of one per
	// article.
	for i, c := range cs {
		if _, err := tx.StmtContext(ctx, db.stmts.insertFTS).ExecContext(ctx, seqs[i], c.Article.Title, c.Article.Text); err != nil {
			return fmt.Errorf("full-text index of %s: %w", c.Article.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for i, c := range cs {
		c.Article.Seq = seqs[i]
	}
	return nil
}

// commitOne writes one article's rows, except its full-text row, inside tx.
func (db *DB) commitOne(ctx context.Context, tx *sql.Tx, c *store.Commit, lineKeys []uint64) (int64, error) {
	a := &c.Article
	// Checked before anything is written, so a duplicate changes nothing
	// even before the rollback.
	var one int
	switch err := tx.StmtContext(ctx, db.stmts.hashExists).QueryRowContext(ctx, a.ContentHash).Scan(&one); {
	case err == nil:
		return 0, fmt.Errorf("content hash %s: %w", a.ContentHash, store.ErrDuplicate)
	case !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}

	s := &c.Story
	if _, err := tx.StmtContext(ctx, db.stmts.upsertStory).ExecContext(ctx,
		s.ID, s.Title, formatTime(s.FirstSeen), formatTime(s.LastSeen), s.Size, s.State); err != nil {
		return 0, fmt.Errorf("story %s: %w", s.ID, err)
	}

	res, err := tx.StmtContext(ctx, db.stmts.insertArt).ExecContext(ctx,
		a.ID, a.ContentHash, a.Origin, a.Source, a.URL,
		a.Title, a.Byline, formatTime(a.Published), a.Language, a.Text, a.DuplicateOf,
		a.StoryID, formatTime(a.Ingested), c.Features, encodeSignature(c.Signature))
	if err != nil {
		return 0, err
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}

	if len(lineKeys) > 0 {
		if _, err := tx.StmtContext(ctx, db.stmts.bumpSource).ExecContext(ctx, a.Source); err != nil {
			return 0, fmt.Errorf("source %q: %w", a.Source, err)
		}
		if err := db.execBatches(ctx, tx, lineBatch, lineKeys, func(args []any, k uint64) []any {
			return append(args, a.Source, keyToSQL(k))
		}); err != nil {
			return 0, fmt.Errorf("line keys of %q: %w", a.Source, err)
		}
	}
	return seq, nil
}
