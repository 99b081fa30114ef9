package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// storySpec is a story to build: its articles' sources, its stored size
// and its times.
type storySpec struct {
	id          string
	sources     []string
	size        int
	first, last time.Time
}

// commitStories commits the articles of each story in turn, the story's
// final state on each commit, and returns the commits by story.
func commitStories(t *testing.T, s store.Store, specs []storySpec) map[string][]*store.Commit {
	t.Helper()
	out := map[string][]*store.Commit{}
	for _, sp := range specs {
		for i, src := range sp.sources {
			c := newCommit(fmt.Sprintf("%s-art%d", sp.id, i), sp.id)
			c.Article.Source = src
			c.Story.FirstSeen, c.Story.LastSeen, c.Story.Size = sp.first, sp.last, sp.size
			mustCommit(t, s, c)
			out[sp.id] = append(out[sp.id], c)
		}
	}
	return out
}

func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	h := time.Hour
	commitStories(t, s, []storySpec{
		{"s-old", []string{"A"}, 1, t0, t0},
		// Duplicates are stored but not counted: Size, not the number of
		// articles, is ArticleCount. Outlets are distinct, in order of first
		// appearance, and skip articles without a source.
		{"s-new", []string{"B", "A", "", "B", "C"}, 3, t0, t0.Add(3 * h)},
		{"s-tie-b", []string{"C"}, 1, t0, t0.Add(2 * h)},
		{"s-tie-a", []string{"", ""}, 2, t0, t0.Add(2 * h)},
		{"s-mid", []string{"A", "B"}, 2, t0, t0.Add(h)},
	})
	type row struct {
		id      string
		count   int
		outlets []string
	}
	all := []row{
		{"s-new", 3, []string{"B", "A", "C"}},
		{"s-tie-a", 2, nil},
		{"s-tie-b", 1, []string{"C"}},
		{"s-mid", 2, []string{"A", "B"}},
		{"s-old", 1, []string{"A"}},
	}
	tests := []struct {
		name string
		opt  store.ListOptions
		want []row
	}{
		{"all, newest first, ties by id", store.ListOptions{}, all},
		{"first page", store.ListOptions{Limit: 2}, all[:2]},
		{"second page", store.ListOptions{Limit: 2, Offset: 2}, all[2:4]},
		{"last partial page", store.ListOptions{Limit: 2, Offset: 4}, all[4:]},
		{"past the end", store.ListOptions{Limit: 2, Offset: 10}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sums, err := s.Stories(ctx, tc.opt)
			if err != nil {
				t.Fatalf("Stories: %v", err)
			}
			var got []row
			for _, sum := range sums {
				got = append(got, row{sum.ID, sum.ArticleCount, sum.Outlets})
			}
			if !slices.EqualFunc(got, tc.want, func(a, b row) bool {
				return a.id == b.id && a.count == b.count && slices.Equal(a.outlets, b.outlets)
			}) {
				t.Errorf("Stories(%+v) = %+v, want %+v", tc.opt, got, tc.want)
			}
		})
	}
	t.Run("summary fields", func(t *testing.T) {
		sums, err := s.Stories(ctx, store.ListOptions{Limit: 1})
		if err != nil || len(sums) != 1 {
			t.Fatalf("Stories = %v, %v", sums, err)
		}
		got := sums[0]
		if got.Title != "Story s-new" || !sameTime(got.FirstSeen, t0) || !sameTime(got.LastSeen, t0.Add(3*h)) {
			t.Errorf("summary = %+v, want title %q, first %v, last %v", got, "Story s-new", t0, t0.Add(3*h))
		}
	})
}

func testStoriesDefaultLimit(t *testing.T, s store.Store) {
	ctx := context.Background()
	var specs []storySpec
	for i := range 55 {
		at := t0.Add(time.Duration(i) * time.Minute)
		specs = append(specs, storySpec{fmt.Sprintf("s%02d", i), []string{"A"}, 1, at, at})
	}
	commitStories(t, s, specs)
	sums, err := s.Stories(ctx, store.ListOptions{})
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	if len(sums) != 50 || sums[0].ID != "s54" || sums[49].ID != "s05" {
		t.Errorf("Stories with zero Limit = %d stories, want the 50 newest", len(sums))
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustCommit(t, s, newCommit("a1", "s1"))
	if _, err := s.Story(ctx, "missing"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Story(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.Article(ctx, "missing"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(missing) = %v, want ErrNotFound", err)
	}
	// An article id is not a story id, nor the other way round.
	if _, err := s.Story(ctx, "a1"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Story(a1) = %v, want ErrNotFound", err)
	}
	if _, err := s.Article(ctx, "s1"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(s1) = %v, want ErrNotFound", err)
	}
}

func testEachStory(t *testing.T, s store.Store) {
	ctx := context.Background()
	h := time.Hour
	commits := commitStories(t, s, []storySpec{
		{"s-b", []string{"A", "B"}, 2, t0, t0.Add(5 * h)},
		{"s-a", []string{"A"}, 1, t0, t0}, // ties with s-b: by id
		{"s-c", []string{"C", "A", "B"}, 3, t0.Add(-h), t0.Add(h)},
		{"s-zero", []string{"D"}, 1, time.Time{}, time.Time{}}, // zero first seen: oldest
	})
	var order []string
	err := s.EachStory(ctx, func(st *news.Story) error {
		order = append(order, st.ID)
		want := commits[st.ID]
		if len(st.Articles) != len(want) {
			t.Errorf("story %s has %d articles, want %d", st.ID, len(st.Articles), len(want))
			return nil
		}
		for i, c := range want {
			if d := diffArticle(st.Articles[i], c.Article); d != "" {
				t.Errorf("story %s article %d: %s", st.ID, i, d)
			}
		}
		if st.Title != "Story "+st.ID {
			t.Errorf("story %s title %q", st.ID, st.Title)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("EachStory: %v", err)
	}
	if want := []string{"s-zero", "s-c", "s-a", "s-b"}; !slices.Equal(order, want) {
		t.Errorf("EachStory order = %v, want %v", order, want)
	}

	stop := errors.New("stop")
	calls := 0
	err = s.EachStory(ctx, func(*news.Story) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 {
		t.Errorf("EachStory = %v after %d calls, want the callback's error after 2", err, calls)
	}
}

// testEachStoryMany checks order and completeness over more stories than a
// backend is likely to load in one batch, with many equal first_seen times.
func testEachStoryMany(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 257
	var specs []storySpec
	var want []string
	for i := range n {
		// Three distinct times, so most stories tie and are ordered by id.
		at := t0.Add(time.Duration(i%3) * time.Minute)
		id := fmt.Sprintf("story-%03d", (i*7919)%n) // not in commit order
		specs = append(specs, storySpec{id, []string{"A"}, 1, at, at})
	}
	commitStories(t, s, specs)
	sorted := slices.Clone(specs)
	slices.SortFunc(sorted, func(a, b storySpec) int {
		if c := a.first.Compare(b.first); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	for _, sp := range sorted {
		want = append(want, sp.id)
	}
	var got []string
	if err := s.EachStory(ctx, func(st *news.Story) error {
		got = append(got, st.ID)
		if len(st.Articles) != 1 {
			t.Errorf("story %s has %d articles, want 1", st.ID, len(st.Articles))
		}
		return nil
	}); err != nil {
		t.Fatalf("EachStory: %v", err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("EachStory visited %d stories in order %v, want %d in order %v", len(got), got, len(want), want)
	}
}

func testCounts(t *testing.T, s store.Store) {
	ctx := context.Background()
	check := func(step string, wantA, wantS int) {
		t.Helper()
		a, st, err := s.Counts(ctx)
		if err != nil || a != wantA || st != wantS {
			t.Errorf("%s: Counts = %d, %d, %v; want %d, %d", step, a, st, err, wantA, wantS)
		}
	}
	check("empty", 0, 0)
	mustCommit(t, s, newCommit("a1", "s1"))
	mustCommit(t, s, newCommit("a2", "s1"))
	mustCommit(t, s, newCommit("a3", "s2"))
	check("three articles in two stories", 3, 2)
	if _, err := s.Commit(ctx, newCommit("a3", "s3")); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("duplicate Commit = %v, want ErrDuplicate", err)
	}
	check("after a rejected duplicate", 3, 2)
}

// testConcurrent commits and reads from several goroutines at once: every
// commit must succeed with its own seq.
func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, each = 6, 15
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		seqs = map[int64]string{}
		errs []error
	)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				c := newCommit(fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("s%d", i%4))
				seq, err := s.Commit(ctx, c)
				if err == nil {
					_, _, err = s.Counts(ctx)
				}
				if err == nil {
					_, err = s.Stories(ctx, store.ListOptions{Limit: 5})
				}
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else if prev, dup := seqs[seq]; dup {
					errs = append(errs, fmt.Errorf("seq %d given to %s and %s", seq, prev, c.Article.ID))
				} else {
					seqs[seq] = c.Article.ID
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent use: %v", err)
	}
	if a, st, err := s.Counts(ctx); err != nil || a != writers*each || st != 4 {
		t.Errorf("Counts = %d, %d, %v; want %d, 4", a, st, err, writers*each)
	}
}
