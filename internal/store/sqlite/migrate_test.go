package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMigrations(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []int
		wantErr string
	}{
		{"in order", fstest.MapFS{
			"migrations/0002_more.sql": {Data: []byte("-- why\nSELECT 2;")},
			"migrations/0001_init.sql": {Data: []byte("-- why\nSELECT 1;")},
		}, []int{1, 2}, ""},
		{"gap", fstest.MapFS{
			"migrations/0001_init.sql":  {Data: []byte("SELECT 1;")},
			"migrations/0003_later.sql": {Data: []byte("SELECT 3;")},
		}, nil, "expected version 2"},
		{"duplicate number", fstest.MapFS{
			"migrations/0001_a.sql": {Data: []byte("SELECT 1;")},
			"migrations/0001_b.sql": {Data: []byte("SELECT 1;")},
		}, nil, "expected version 2"},
		{"bad name", fstest.MapFS{
			"migrations/init.sql": {Data: []byte("SELECT 1;")},
		}, nil, "NNNN_description.sql"},
		{"zero", fstest.MapFS{
			"migrations/0000_init.sql": {Data: []byte("SELECT 1;")},
		}, nil, "NNNN_description.sql"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := loadMigrations(tc.files)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("loadMigrations = %v, want error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.version)
			}
			if !equalInts(got, tc.want) {
				t.Errorf("versions = %v, want %v", got, tc.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestEmbeddedMigrationsSayWhy keeps the rule that each migration opens
// with a comment explaining itself.
func TestEmbeddedMigrationsSayWhy(t *testing.T) {
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no embedded migrations")
	}
	for _, m := range ms {
		if !strings.HasPrefix(m.sql, "--") || !strings.Contains(strings.ToLower(m.sql), "why") {
			t.Errorf("%s does not open with a comment saying why", m.name)
		}
	}
}

func schemaVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	g := newCommitGen(t)
	c := g.next("kept across reopening")
	if _, err := db.Commit(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if _, err := db.Article(ctx, c.Article.ID); err != nil {
		t.Errorf("article after reopen: %v", err)
	}
	ms, _ := loadMigrations(migrationFiles)
	if v := schemaVersion(t, db.writer); v != len(ms) {
		t.Errorf("schema version %d, want %d", v, len(ms))
	}
	var rows int
	if err := db.writer.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&rows); err != nil || rows != len(ms) {
		t.Errorf("schema_migrations has %d rows (%v), want %d: migrations ran twice?", rows, err, len(ms))
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer.Exec("INSERT INTO schema_migrations (version, name, applied) VALUES (999, '0999_future.sql', '')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err := Open(ctx, dir); err == nil || !strings.Contains(err.Error(), "newer") {
		if err == nil {
			db.Close()
		}
		t.Fatalf("Open of a newer schema = %v, want an error saying it is newer", err)
	}
}

func TestFailedMigrationRollsBack(t *testing.T) {
	db := openTest(t)
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	broken := fstest.MapFS{"migrations/x.sql": {Data: []byte("CREATE TABLE half_done (a INTEGER);\nSELECT no_such_function();")}}
	body, _ := fs.ReadFile(broken, "migrations/x.sql")
	next := migration{version: len(ms) + 1, name: "next_broken.sql", sql: string(body)}
	if err := applyMigrations(context.Background(), db.writer, append(ms, next)); err == nil {
		t.Fatal("broken migration applied without error")
	}
	if v := schemaVersion(t, db.writer); v != len(ms) {
		t.Errorf("schema version %d after failed migration, want %d", v, len(ms))
	}
	var n int
	if err := db.writer.QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").Scan(&n); err != nil || n != 0 {
		t.Errorf("half-applied migration left its table behind (%d, %v)", n, err)
	}
}

// TestPragmasOnEveryConnection checks that the DSN settings reach every
// pooled connection, not only the first one.
func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	type want struct{ pragma, value string }
	common := []want{{"journal_mode", "wal"}, {"synchronous", "1"}, {"foreign_keys", "1"}, {"busy_timeout", "10000"}}
	check := func(name string, pool *sql.DB, n int, extra ...want) {
		var conns []*sql.Conn
		for range n {
			c, err := pool.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
		}
		for i, c := range conns {
			for _, w := range append(common, extra...) {
				var got string
				if err := c.QueryRowContext(ctx, "PRAGMA "+w.pragma).Scan(&got); err != nil {
					t.Fatalf("%s conn %d: PRAGMA %s: %v", name, i, w.pragma, err)
				}
				if got != w.value {
					t.Errorf("%s conn %d: %s = %s, want %s", name, i, w.pragma, got, w.value)
				}
			}
		}
		for _, c := range conns {
			c.Close()
		}
	}
	check("writer", db.writer, 1, want{"query_only", "0"})
	check("reader", db.reader, 4, want{"query_only", "1"})
}
