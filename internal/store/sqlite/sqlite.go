// Package sqlite is Parallax's embedded store: an implementation of
// store.Store on one SQLite file, through the pure-Go modernc.org/sqlite
// driver. It owns the schema (embedded, numbered migrations), the
// translation of the user search syntax into FTS5, and the encodings of
// times, keys and signatures described in migrations/0001_init.sql.
//
// Writes go through a pool of exactly one connection, so transactions never
// contend for SQLite's single write lock and prepared statements stay
// prepared; reads use a separate pool of query-only connections, which WAL
// mode lets run while a write is in progress.
//
// Durability: the database runs in WAL mode with synchronous=NORMAL. A
// committed transaction survives the process being killed; a power loss may
// drop the last few transactions, never corrupt the file.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/parallax-news/parallax/internal/store"
)

// FileName is the database file Open creates in its directory.
const FileName = "parallax.db"

// busyTimeoutMS bounds how long a connection waits for a lock held by
// another process (or a checkpoint) before failing with SQLITE_BUSY.
const busyTimeoutMS = 10000

// Page cache sizes, per connection, in KiB (SQLite's default is 2 MiB).
// The writer's cache holds the index pages every Commit touches at random
// (content hashes, line keys), so it is the one worth making large.
const (
	writerCacheKiB = 64 << 10
	readerCacheKiB = 8 << 10
	mmapBytes      = 1 << 30
)

// DB is a Parallax store on a SQLite file. It is safe for concurrent use.
type DB struct {
	path   string
	writer *sql.DB // one connection: every write, in order
	reader *sql.DB // query-only connections

	stmts   writeStmts
	batchMu sync.Mutex
	batches map[batchKey]*sql.Stmt
}

var _ store.Store = (*DB)(nil)

// Open opens (creating when needed) the store in dir, which is created too,
// and brings its schema up to date.
func Open(ctx context.Context, dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	db := &DB{path: path, batches: map[batchKey]*sql.Stmt{}}
	if err := db.open(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	return db, nil
}

func (db *DB) open(ctx context.Context) error {
	var err error
	// The writer is opened and migrated first: it switches the file to WAL,
	// which every later connection then finds in place.
	db.writer, err = sql.Open("sqlite", dsn(db.path, false))
	if err != nil {
		return err
	}
	db.writer.SetMaxOpenConns(1)
	db.writer.SetMaxIdleConns(1)
	db.writer.SetConnMaxLifetime(0)
	db.writer.SetConnMaxIdleTime(0)
	if err := db.writer.PingContext(ctx); err != nil {
		return err
	}
	if err := migrate(ctx, db.writer); err != nil {
		return err
	}
	if err := db.stmts.prepare(ctx, db.writer); err != nil {
		return err
	}

	db.reader, err = sql.Open("sqlite", dsn(db.path, true))
	if err != nil {
		return err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	db.reader.SetMaxOpenConns(n)
	db.reader.SetMaxIdleConns(n)
	return db.reader.PingContext(ctx)
}

// dsn builds the connection string. The pragmas are DSN parameters so that
// the driver applies them to every connection the pool opens, not just the
// first one.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	// Read the database through a memory map: page reads become memory
	// loads instead of read system calls.
	q.Add("_pragma", fmt.Sprintf("mmap_size(%d)", mmapBytes))
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", readerCacheKiB))
	} else {
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", writerCacheKiB))
		// Checkpoint (and fsync) every ~32 MiB of WAL instead of 4 MiB:
		// Commit touches many random index pages, and fewer, larger
		// checkpoints write each of them once for many commits.
		q.Add("_pragma", "wal_autocheckpoint(8000)")
		q.Add("_pragma", "journal_size_limit(67108864)") // shrink the WAL back after a burst
		// Take the write lock when the transaction starts, so a transaction
		// never fails half-way trying to upgrade a read lock.
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	return u.String()
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// Close closes the store. It is safe to call on a partly opened DB.
func (db *DB) Close() error {
	var errs []error
	db.batchMu.Lock()
	for k, s := range db.batches {
		errs = append(errs, s.Close())
		delete(db.batches, k)
	}
	db.batchMu.Unlock()
	errs = append(errs, db.stmts.close())
	if db.reader != nil {
		errs = append(errs, db.reader.Close())
	}
	if db.writer != nil {
		// Let SQLite refresh its planner statistics; failure is harmless
		// for the data, so only the close error matters.
		_, _ = db.writer.Exec("PRAGMA optimize")
		errs = append(errs, db.writer.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close %s: %w", db.path, err)
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check over the whole file and its
// full-text index, returning an error describing any problem found.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	rows, err := db.writer.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("integrity check %s: %w", db.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("integrity check %s: %w", db.path, err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check %s: %w", db.path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check %s: %q", db.path, problems)
	}
	if _, err := db.writer.ExecContext(ctx,
		"INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		return fmt.Errorf("full-text index check %s: %w", db.path, err)
	}
	return nil
}
