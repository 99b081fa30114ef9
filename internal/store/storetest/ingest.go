package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// highKey has the top bit set: a backend storing keys as signed integers
// must bit-cast, not overflow.
const highKey = uint64(1)<<63 | 0xfeed

func testCommitRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	full := newCommit("a1", "s1")
	full.Article.Title = "Zürich talks — «ça va», 北京 and emoji 🗞️"
	full.Article.Text = "Ünïcödé paragraph with ‘quotes’.\n\nSecond paragraph: 東京, Москва, القاهرة."
	full.Article.Byline = "Zoë Ångström"
	full.Article.DuplicateOf = "a0"
	// A zone other than UTC must come back as the same instant.
	full.Article.Published = time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.FixedZone("UTC+5", 5*3600))
	full.Signature = []uint64{0, 1, highKey, ^uint64(0)}
	full.Features = []byte{0, 1, 2, 255}

	sparse := newCommit("a2", "s1")
	sparse.Article.Published = time.Time{}
	sparse.Article.Ingested = time.Time{}
	sparse.Article.Source, sparse.Article.URL, sparse.Article.Byline = "", "", ""
	sparse.Article.Origin, sparse.Article.Language = "", ""
	sparse.Features, sparse.Signature = nil, nil
	sparse.Story = full.Story
	sparse.Story.Title = "Story with zero times"
	sparse.Story.FirstSeen, sparse.Story.LastSeen = time.Time{}, time.Time{}
	sparse.Story.Size = 2

	seq1 := mustCommit(t, s, full)
	seq2 := mustCommit(t, s, sparse)
	if seq2 <= seq1 {
		t.Errorf("seqs %d then %d, want increasing", seq1, seq2)
	}

	for _, c := range []*store.Commit{full, sparse} {
		got, err := s.Article(ctx, c.Article.ID)
		if err != nil {
			t.Fatalf("Article(%s): %v", c.Article.ID, err)
		}
		if d := diffArticle(*got, c.Article); d != "" {
			t.Errorf("Article(%s): %s", c.Article.ID, d)
		}
	}

	story, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatalf("Story(s1): %v", err)
	}
	if story.ID != "s1" || story.Title != sparse.Story.Title || !story.FirstSeen.IsZero() || !story.LastSeen.IsZero() {
		t.Errorf("Story(s1) = %q %q %v %v, want the latest state with zero times",
			story.ID, story.Title, story.FirstSeen, story.LastSeen)
	}
	if len(story.Articles) != 2 {
		t.Fatalf("Story(s1) has %d articles, want 2", len(story.Articles))
	}
	for i, c := range []*store.Commit{full, sparse} {
		if d := diffArticle(story.Articles[i], c.Article); d != "" {
			t.Errorf("Story(s1).Articles[%d]: %s", i, d)
		}
	}

	var features [][]byte
	if err := s.FeaturesSince(ctx, 0, func(_ int64, f []byte) error {
		features = append(features, bytes.Clone(f))
		return nil
	}); err != nil {
		t.Fatalf("FeaturesSince: %v", err)
	}
	if len(features) != 2 || !bytes.Equal(features[0], full.Features) || len(features[1]) != 0 {
		t.Errorf("FeaturesSince(0) = %v, want [%v, empty]", features, full.Features)
	}

	sigs, err := s.RecentSignatures(ctx, 2)
	if err != nil {
		t.Fatalf("RecentSignatures: %v", err)
	}
	checkSignatures(t, "RecentSignatures(2)", sigs, []*store.Commit{full, sparse})

	states, err := s.RecentStories(ctx, time.Time{})
	if err != nil {
		t.Fatalf("RecentStories: %v", err)
	}
	if len(states) != 1 {
		t.Fatalf("RecentStories = %d stories, want 1", len(states))
	}
	checkStoryState(t, states[0], sparse.Story)
}

func testCommitUpdatesStory(t *testing.T, s store.Store) {
	ctx := context.Background()
	first := newCommit("a1", "s1")
	mustCommit(t, s, first)
	second := newCommit("a2", "s1")
	second.Story = store.StoryState{
		ID:        "s1",
		Title:     "A better title",
		FirstSeen: t0,
		LastSeen:  t0.Add(3 * time.Hour),
		Size:      2,
		State:     []byte("new centroid"),
	}
	mustCommit(t, s, second)

	states, err := s.RecentStories(ctx, time.Time{})
	if err != nil {
		t.Fatalf("RecentStories: %v", err)
	}
	if len(states) != 1 {
		t.Fatalf("RecentStories = %d stories, want 1", len(states))
	}
	checkStoryState(t, states[0], second.Story)

	sums, err := s.Stories(ctx, store.ListOptions{})
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	if len(sums) != 1 || sums[0].Title != "A better title" || sums[0].ArticleCount != 2 ||
		!sameTime(sums[0].LastSeen, second.Story.LastSeen) {
		t.Errorf("Stories = %+v, want the updated story", sums)
	}
}

func testCommitDuplicate(t *testing.T, s store.Store) {
	ctx := context.Background()
	orig := newCommit("a1", "s1")
	orig.LineKeys = []uint64{1, 2}
	mustCommit(t, s, orig)

	tests := []struct {
		name   string
		commit *store.Commit
	}{
		{"same id and hash", newCommit("a1", "s1")},
		{"other id, story, signature and keys, same hash", func() *store.Commit {
			c := newCommit("b2", "s2")
			c.Article.ContentHash = orig.Article.ContentHash
			c.Signature = []uint64{200}
			c.LineKeys = []uint64{1, 3}
			return c
		}()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Commit(ctx, tc.commit)
			if !errors.Is(err, store.ErrDuplicate) {
				t.Fatalf("Commit = %v, want ErrDuplicate", err)
			}
			if a, st, err := s.Counts(ctx); err != nil || a != 1 || st != 1 {
				t.Errorf("Counts = %d, %d, %v; want 1, 1", a, st, err)
			}
			if _, err := s.Story(ctx, "s2"); !errors.Is(err, news.ErrNotFound) {
				t.Errorf("Story(s2) after rejected commit: %v, want ErrNotFound", err)
			}
			n, counts, err := s.LineCounts(ctx, orig.Article.Source, []uint64{1, 2, 3})
			if err != nil || n != 1 || !maps.Equal(counts, map[uint64]int{1: 1, 2: 1}) {
				t.Errorf("LineCounts = %d, %v, %v; want 1, {1:1 2:1}", n, counts, err)
			}
			sigs, err := s.RecentSignatures(ctx, 10)
			if err != nil {
				t.Fatalf("RecentSignatures: %v", err)
			}
			checkSignatures(t, "RecentSignatures(10)", sigs, []*store.Commit{orig})
			states, err := s.RecentStories(ctx, time.Time{})
			if err != nil || len(states) != 1 {
				t.Fatalf("RecentStories = %v, %v; want the one story", states, err)
			}
			checkStoryState(t, states[0], orig.Story)
		})
	}
}

func testCommitRejectsInvalid(t *testing.T, s store.Store) {
	ctx := context.Background()
	tests := []struct {
		name   string
		commit *store.Commit
	}{
		{"nil commit", nil},
		{"empty article id", func() *store.Commit { c := newCommit("a1", "s1"); c.Article.ID = ""; return c }()},
		{"empty content hash", func() *store.Commit { c := newCommit("a1", "s1"); c.Article.ContentHash = ""; return c }()},
		{"empty story id", func() *store.Commit {
			c := newCommit("a1", "")
			c.Story.ID = ""
			return c
		}()},
		{"article in another story than the one updated", func() *store.Commit {
			c := newCommit("a1", "s1")
			c.Story.ID = "s2"
			return c
		}()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.Commit(ctx, tc.commit); err == nil {
				t.Errorf("Commit succeeded, want an error")
			}
			if a, st, err := s.Counts(ctx); err != nil || a != 0 || st != 0 {
				t.Errorf("Counts = %d, %d, %v; want an empty store", a, st, err)
			}
		})
	}
}

func testArticleIDByHash(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustCommit(t, s, newCommit("a1", "s1"))
	mustCommit(t, s, newCommit("a2", "s1"))
	tests := []struct {
		hash    string
		want    string
		wantErr error
	}{
		{"hash-a1", "a1", nil},
		{"hash-a2", "a2", nil},
		{"hash-a3", "", news.ErrNotFound},
		{"", "", news.ErrNotFound},
	}
	for _, tc := range tests {
		got, err := s.ArticleIDByHash(ctx, tc.hash)
		if got != tc.want || !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
			t.Errorf("ArticleIDByHash(%q) = %q, %v; want %q, %v", tc.hash, got, err, tc.want, tc.wantErr)
		}
	}
}

func testLineCounts(t *testing.T, s store.Store) {
	ctx := context.Background()
	commits := []struct {
		id, source string
		keys       []uint64
	}{
		{"a1", "alpha", []uint64{1, 2, 3}},
		{"a2", "alpha", []uint64{2, 3, 4, highKey}},
		{"b1", "beta", []uint64{3}},
		{"n1", "", []uint64{1, 2}},  // no source: no statistics
		{"a3", "alpha", nil},        // no keys: not counted as an article
		{"a4", "alpha", []uint64{}}, // likewise
	}
	for _, c := range commits {
		cm := newCommit(c.id, "s-"+c.id)
		cm.Article.Source = c.source
		cm.LineKeys = c.keys
		mustCommit(t, s, cm)
	}
	tests := []struct {
		name     string
		source   string
		keys     []uint64
		articles int
		counts   map[uint64]int
	}{
		{"keys shared and not", "alpha", []uint64{1, 2, 3, 4, 99, highKey}, 2, map[uint64]int{1: 1, 2: 2, 3: 2, 4: 1, highKey: 1}},
		{"sources are separate", "beta", []uint64{1, 3}, 1, map[uint64]int{3: 1}},
		{"no keys asked", "alpha", nil, 2, map[uint64]int{}},
		{"unknown source", "gamma", []uint64{1, 2, 3}, 0, map[uint64]int{}},
		{"empty source is never recorded", "", []uint64{1, 2}, 0, map[uint64]int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, counts, err := s.LineCounts(ctx, tc.source, tc.keys)
			if err != nil {
				t.Fatalf("LineCounts: %v", err)
			}
			if n != tc.articles || !maps.Equal(counts, tc.counts) {
				t.Errorf("LineCounts(%q, %v) = %d, %v; want %d, %v", tc.source, tc.keys, n, counts, tc.articles, tc.counts)
			}
		})
	}
}

// checkSignatures reports how got, an answer of RecentSignatures, differs
// from the candidates of the committed want, in order.
func checkSignatures(t *testing.T, call string, got []store.DedupCandidate, want []*store.Commit) {
	t.Helper()
	var gotIDs, wantIDs []string
	for _, c := range got {
		gotIDs = append(gotIDs, c.ArticleID)
	}
	for _, c := range want {
		wantIDs = append(wantIDs, c.Article.ID)
	}
	if !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("%s = %v, want %v", call, gotIDs, wantIDs)
		return
	}
	for i, c := range got {
		w := want[i]
		if c.Seq != w.Article.Seq || c.StoryID != w.Article.StoryID || c.DuplicateOf != w.Article.DuplicateOf ||
			!slices.Equal(c.Signature, w.Signature) || !sameTime(c.When, w.Article.When()) {
			t.Errorf("%s[%d] = %+v, want seq %d, story %q, duplicate of %q, signature %v, when %v",
				call, i, c, w.Article.Seq, w.Article.StoryID, w.Article.DuplicateOf, w.Signature, w.Article.When())
		}
	}
}

func testRecentSignatures(t *testing.T, s store.Store) {
	ctx := context.Background()
	if sigs, err := s.RecentSignatures(ctx, 10); err != nil || len(sigs) != 0 {
		t.Fatalf("RecentSignatures(10) of an empty store = %v, %v; want none", sigs, err)
	}
	a1 := newCommit("a1", "s1")
	a1.Signature = []uint64{7, highKey, ^uint64(0)}
	a2 := newCommit("a2", "s1")
	a2.Signature = []uint64{8, 9}
	a2.Article.DuplicateOf = "a1"
	a2.Article.Published = time.Time{} // When falls back to Ingested
	a3 := newCommit("a3", "s2")
	a3.Signature = nil
	a3.Article.Published = t0.Add(2 * time.Hour).In(time.FixedZone("UTC-3", -3*3600))
	a4 := newCommit("a4", "s2")
	a4.Signature = []uint64{0, 1}
	a4.Article.Published, a4.Article.Ingested = time.Time{}, time.Time{} // When is zero
	all := []*store.Commit{a1, a2, a3, a4}
	for _, c := range all {
		mustCommit(t, s, c)
	}
	// Rejected commits add nothing: a stored hash, and an invalid commit.
	dup := newCommit("a5", "s3")
	dup.Article.ContentHash = a2.Article.ContentHash
	if _, err := s.Commit(ctx, dup); !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("Commit(duplicate) = %v, want ErrDuplicate", err)
	}
	invalid := newCommit("a6", "s3")
	invalid.Story.ID = ""
	if _, err := s.Commit(ctx, invalid); err == nil {
		t.Fatal("Commit(invalid) succeeded, want an error")
	}

	tests := []struct {
		name string
		n    int
		want []*store.Commit
	}{
		{"newest only", 1, all[3:]},
		{"newest two, oldest first", 2, all[2:]},
		{"newest three", 3, all[1:]},
		{"exactly all", 4, all},
		{"more than stored returns all", 100, all},
		{"zero returns none", 0, nil},
		{"negative returns none", -1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sigs, err := s.RecentSignatures(ctx, tc.n)
			if err != nil {
				t.Fatalf("RecentSignatures(%d): %v", tc.n, err)
			}
			checkSignatures(t, fmt.Sprintf("RecentSignatures(%d)", tc.n), sigs, tc.want)
		})
	}
}

func testRecentStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	// Ids in the opposite order to their times, so the id order is tested.
	last := map[string]time.Time{
		"story-c": t0,
		"story-b": t0.Add(time.Hour),
		"story-a": t0.Add(2 * time.Hour),
	}
	for id, at := range last {
		c := newCommit("art-"+id, id)
		c.Story.LastSeen = at
		c.Story.State = []byte("state " + id)
		mustCommit(t, s, c)
	}
	tests := []struct {
		name  string
		since time.Time
		want  []string
	}{
		{"zero since lists all", time.Time{}, []string{"story-a", "story-b", "story-c"}},
		{"since is inclusive", t0.Add(time.Hour), []string{"story-a", "story-b"}},
		{"a nanosecond later excludes", t0.Add(time.Hour + time.Nanosecond), []string{"story-a"}},
		{"other zone, same instant", t0.Add(time.Hour).In(time.FixedZone("UTC-7", -7*3600)), []string{"story-a", "story-b"}},
		{"after everything", t0.Add(3 * time.Hour), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			states, err := s.RecentStories(ctx, tc.since)
			if err != nil {
				t.Fatalf("RecentStories: %v", err)
			}
			var ids []string
			for _, st := range states {
				ids = append(ids, st.ID)
				if want := "state " + st.ID; string(st.State) != want {
					t.Errorf("story %s state = %q, want %q", st.ID, st.State, want)
				}
				if !sameTime(st.LastSeen, last[st.ID]) {
					t.Errorf("story %s LastSeen = %v, want %v", st.ID, st.LastSeen, last[st.ID])
				}
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("RecentStories(%v) = %v, want %v", tc.since, ids, tc.want)
			}
		})
	}
}

func testFeaturesSince(t *testing.T, s store.Store) {
	ctx := context.Background()
	var seqs []int64
	for i, id := range []string{"e", "d", "c", "b", "a"} {
		c := newCommit(id, "s1")
		c.Features = []byte{byte(i), 'f'}
		seqs = append(seqs, mustCommit(t, s, c))
	}
	type item struct {
		seq int64
		f   string
	}
	collect := func(since int64) ([]item, error) {
		var got []item
		err := s.FeaturesSince(ctx, since, func(seq int64, f []byte) error {
			got = append(got, item{seq, string(f)})
			return nil
		})
		return got, err
	}
	all := []item{{seqs[0], "\x00f"}, {seqs[1], "\x01f"}, {seqs[2], "\x02f"}, {seqs[3], "\x03f"}, {seqs[4], "\x04f"}}
	tests := []struct {
		name  string
		since int64
		want  []item
	}{
		{"from the start", 0, all},
		{"after the third", seqs[2], all[3:]},
		{"after the last", seqs[4], nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := collect(tc.since)
			if err != nil {
				t.Fatalf("FeaturesSince: %v", err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("FeaturesSince(%d) = %v, want %v", tc.since, got, tc.want)
			}
		})
	}
	t.Run("callback error stops and is returned", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := s.FeaturesSince(ctx, 0, func(int64, []byte) error {
			calls++
			return stop
		})
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("FeaturesSince = %v after %d calls, want the callback's error after 1", err, calls)
		}
	})
}

func testMeta(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Meta(ctx, "unset"); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("Meta(unset) = %v, want ErrNotFound", err)
	}
	steps := []struct {
		name  string
		key   string
		value []byte
	}{
		{"text value", "cursor", []byte("12345")},
		{"overwrite", "cursor", []byte("67890")},
		{"binary value", "vocab", []byte{0, 1, 0, 255, 128}},
		{"empty value", "empty", []byte{}},
		{"nil value reads back empty", "nil", nil},
		{"unicode key", "schlüssel/키", []byte("v")},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := s.SetMeta(ctx, st.key, st.value); err != nil {
				t.Fatalf("SetMeta(%q): %v", st.key, err)
			}
			got, err := s.Meta(ctx, st.key)
			if err != nil {
				t.Fatalf("Meta(%q): %v", st.key, err)
			}
			if !bytes.Equal(got, st.value) {
				t.Errorf("Meta(%q) = %v, want %v", st.key, got, st.value)
			}
		})
	}
	if got, err := s.Meta(ctx, "vocab"); err != nil || !bytes.Equal(got, []byte{0, 1, 0, 255, 128}) {
		t.Errorf("Meta(vocab) after other writes = %v, %v", got, err)
	}
}
