// Package storetest is the conformance suite for store.Store: every
// backend's tests call Run with a function that opens a fresh, empty store,
// and the backend is correct as far as Parallax is concerned when the suite
// passes. The suite talks only to the interface, never to a backend's
// tables.
package storetest

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Run runs the whole suite. open must return a new, empty store for each
// call and arrange for it to be closed (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"CommitRoundTrip", testCommitRoundTrip},
		{"CommitUpdatesStory", testCommitUpdatesStory},
		{"CommitDuplicate", testCommitDuplicate},
		{"CommitRejectsInvalid", testCommitRejectsInvalid},
		{"CommitAll", testCommitAll},
		{"CommitAllIsAtomic", testCommitAllIsAtomic},
		{"ArticleIDByHash", testArticleIDByHash},
		{"LineCounts", testLineCounts},
		{"RecentSignatures", testRecentSignatures},
		{"RecentStories", testRecentStories},
		{"FeaturesSince", testFeaturesSince},
		{"Meta", testMeta},
		{"Stories", testStories},
		{"StoriesDefaultLimit", testStoriesDefaultLimit},
		{"NotFound", testNotFound},
		{"EachStory", testEachStory},
		{"EachStoryMany", testEachStoryMany},
		{"Search", testSearch},
		{"SearchHostile", testSearchHostile},
		{"SearchRanking", testSearchRanking},
		{"Counts", testCounts},
		{"Concurrent", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

// t0 is the suite's reference time: nanoseconds set, so a backend that
// rounds times is caught.
var t0 = time.Date(2024, 3, 1, 12, 0, 0, 123456789, time.UTC)

// newCommit returns a commit of a plausible article with every field set;
// tests change what they care about. Its story holds just this article.
func newCommit(id, storyID string) *store.Commit {
	at := t0
	return &store.Commit{
		Article: news.Article{
			ID:          id,
			Origin:      "testdata/" + id + ".txt",
			Source:      "The Daily Example",
			URL:         "https://example.org/news/" + id,
			Title:       "Article " + id,
			Byline:      "A. Reporter",
			Published:   at,
			Language:    "en",
			Text:        "First paragraph of " + id + ".\n\nSecond paragraph.",
			StoryID:     storyID,
			ContentHash: "hash-" + id,
			Ingested:    at.Add(time.Hour),
		},
		Features:  []byte("features of " + id),
		Signature: []uint64{1, 2, 3},
		LineKeys:  []uint64{42},
		Story: store.StoryState{
			ID:        storyID,
			Title:     "Story " + storyID,
			FirstSeen: at,
			LastSeen:  at,
			Size:      1,
			State:     []byte("state of " + storyID),
		},
	}
}

// mustCommit commits c and returns the assigned seq, which it also records
// in c.Article.Seq.
func mustCommit(t *testing.T, s store.Store, c *store.Commit) int64 {
	t.Helper()
	seq, err := s.Commit(context.Background(), c)
	if err != nil {
		t.Fatalf("Commit(%s): %v", c.Article.ID, err)
	}
	if seq <= 0 {
		t.Fatalf("Commit(%s) = seq %d, want > 0", c.Article.ID, seq)
	}
	c.Article.Seq = seq
	return seq
}

// diffArticle describes how got differs from want, or returns "". Times
// are compared as instants: a backend may return them in another zone.
func diffArticle(got, want news.Article) string {
	var d []string
	field := func(name string, g, w any) {
		if g != w {
			d = append(d, fmt.Sprintf("%s = %q, want %q", name, g, w))
		}
	}
	field("ID", got.ID, want.ID)
	field("Origin", got.Origin, want.Origin)
	field("Source", got.Source, want.Source)
	field("URL", got.URL, want.URL)
	field("Title", got.Title, want.Title)
	field("Byline", got.Byline, want.Byline)
	field("Language", got.Language, want.Language)
	field("Text", got.Text, want.Text)
	field("DuplicateOf", got.DuplicateOf, want.DuplicateOf)
	field("StoryID", got.StoryID, want.StoryID)
	field("ContentHash", got.ContentHash, want.ContentHash)
	if got.Seq != want.Seq {
		d = append(d, fmt.Sprintf("Seq = %d, want %d", got.Seq, want.Seq))
	}
	if !sameTime(got.Published, want.Published) {
		d = append(d, fmt.Sprintf("Published = %v, want %v", got.Published, want.Published))
	}
	if !sameTime(got.Ingested, want.Ingested) {
		d = append(d, fmt.Sprintf("Ingested = %v, want %v", got.Ingested, want.Ingested))
	}
	return strings.Join(d, "; ")
}

// sameTime is time equality where the zero time must stay zero.
func sameTime(a, b time.Time) bool {
	return a.IsZero() == b.IsZero() && a.Equal(b)
}

func checkStoryState(t *testing.T, got, want store.StoryState) {
	t.Helper()
	if got.ID != want.ID || got.Title != want.Title || got.Size != want.Size ||
		!sameTime(got.FirstSeen, want.FirstSeen) || !sameTime(got.LastSeen, want.LastSeen) ||
		!bytes.Equal(got.State, want.State) {
		t.Errorf("story state = %+v, want %+v", got, want)
	}
}

// articleIDs lists the ids of articles, in order.
func articleIDs(as []news.Article) []string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

func sortedCopy(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}
