package sqlite

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// openTest opens a store on a real file in a fresh temporary directory.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db := openTest(t)
		t.Cleanup(func() {
			// Every subtest leaves a file that must still be sound.
			if err := db.IntegrityCheck(context.Background()); err != nil {
				t.Error(err)
			}
		})
		return db
	})
}
