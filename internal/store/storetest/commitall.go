package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

// testCommitAll: several articles in one call, the later ones updating the
// story the first created, each given its seq in order.
func testCommitAll(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, b, c := newCommit("b1", "sb"), newCommit("b2", "sb"), newCommit("b3", "sc")
	b.Story.Size, b.Story.Title = 2, "Story sb, grown"
	if err := s.CommitAll(ctx, []*store.Commit{a, b, c}); err != nil {
		t.Fatal(err)
	}
	if !(a.Article.Seq > 0 && b.Article.Seq > a.Article.Seq && c.Article.Seq > b.Article.Seq) {
		t.Fatalf("seqs %d %d %d, want increasing from 1", a.Article.Seq, b.Article.Seq, c.Article.Seq)
	}
	st, err := s.Story(ctx, "sb")
	if err != nil {
		t.Fatal(err)
	}
	if st.Title != "Story sb, grown" || len(st.Articles) != 2 || st.Articles[0].ID != "b1" {
		t.Errorf("story sb after CommitAll: title %q, %d articles", st.Title, len(st.Articles))
	}
	hits, err := s.Search(ctx, a.Article.Title, 10)
	if err != nil || len(hits) == 0 {
		t.Errorf("articles of a CommitAll are not searchable: %v %v", hits, err)
	}
	if err := s.CommitAll(ctx, nil); err != nil {
		t.Errorf("empty CommitAll: %v", err)
	}
	sigs, err := s.RecentSignatures(ctx, 10)
	if err != nil {
		t.Fatalf("RecentSignatures: %v", err)
	}
	checkSignatures(t, "RecentSignatures(10) after CommitAll", sigs, []*store.Commit{a, b, c})
}

// testCommitAllIsAtomic: a duplicate inside a batch stores nothing of it.
func testCommitAllIsAtomic(t *testing.T, s store.Store) {
	ctx := context.Background()
	first := newCommit("c1", "sc")
	mustCommit(t, s, first)
	fresh, dup := newCommit("c2", "sd"), newCommit("c1", "se")
	err := s.CommitAll(ctx, []*store.Commit{fresh, dup})
	if !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("CommitAll with a stored hash: %v, want ErrDuplicate", err)
	}
	for _, id := range []string{"c2"} {
		if _, err := s.Article(ctx, id); err == nil {
			t.Errorf("article %s of a failed batch was stored", id)
		}
	}
	if _, err := s.Story(ctx, "sd"); err == nil {
		t.Error("story of a failed batch was stored")
	}
	if n, _, _ := s.Counts(ctx); n != 1 {
		t.Errorf("%d articles after a failed batch, want 1", n)
	}
	sigs, err := s.RecentSignatures(ctx, 10)
	if err != nil {
		t.Fatalf("RecentSignatures: %v", err)
	}
	checkSignatures(t, "RecentSignatures(10) after a failed batch", sigs, []*store.Commit{first})
}
