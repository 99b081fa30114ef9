// Package store defines what Parallax keeps and how the rest of the program
// asks for it: the Store interface, implemented by store/sqlite (the embedded
// default) and, later, store/postgres. store/storetest holds the one
// conformance suite every implementation must pass.
//
// The store is deliberately dumb about analysis: the clustering and
// duplicate-detection state it keeps (story centroids, MinHash signatures,
// term statistics) are opaque bytes or plain numbers produced by those
// packages, so that a new backend never needs to understand them.
package store

import (
	"context"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Store is Parallax's persistence. Implementations are safe for concurrent
// use. Every write method is atomic: it happens entirely or not at all.
type Store interface {
	// --- ingest side ---

	// ArticleIDByHash returns the id of the article whose raw content hash
	// is hash, or news.ErrNotFound.
	ArticleIDByHash(ctx context.Context, hash string) (string, error)

	// LineCounts reports, for one source, how many of its stored articles
	// there are and, for each given line key, in how many of them the line
	// occurs. Keys never seen are absent from the map.
	LineCounts(ctx context.Context, source string, keys []uint64) (articles int, counts map[uint64]int, err error)

	// RecentSignatures returns the MinHash signatures of the n most recently
	// stored articles (by Seq), oldest first: the duplicate detector's index
	// is rebuilt from them at start.
	RecentSignatures(ctx context.Context, n int) ([]DedupCandidate, error)

	// RecentStories returns the clustering state of every story whose last
	// article is at or after since, ordered by story id.
	RecentStories(ctx context.Context, since time.Time) ([]StoryState, error)

	// FeaturesSince calls fn, in ingest order, with the clustering features
	// of every article whose Seq is greater than seq.
	FeaturesSince(ctx context.Context, seq int64, fn func(seq int64, features []byte) error) error

	// Meta reads a small named value (news.ErrNotFound when unset);
	// SetMeta writes one.
	Meta(ctx context.Context, key string) ([]byte, error)
	SetMeta(ctx context.Context, key string, value []byte) error

	// Commit stores one processed article with everything that changes
	// because of it, in one transaction, and returns the article's Seq.
	// Committing an article whose ContentHash is already stored returns an
	// error wrapping ErrDuplicate and changes nothing.
	Commit(ctx context.Context, c *Commit) (int64, error)
	// CommitAll commits several articles in one transaction, in order, and
	// sets each Article.Seq: all are stored, or (on any error, ErrDuplicate
	// included) none. Later commits may update the story of earlier ones.
	CommitAll(ctx context.Context, cs []*Commit) error

	// --- read side ---

	// Stories lists stories, most recently updated first.
	Stories(ctx context.Context, opt ListOptions) ([]news.StorySummary, error)
	// Story returns one story with its articles in the order they joined,
	// or news.ErrNotFound.
	Story(ctx context.Context, id string) (*news.Story, error)
	// Article returns one article, or news.ErrNotFound.
	Article(ctx context.Context, id string) (*news.Article, error)
	// EachStory calls fn for every story with its articles, oldest story
	// first (by first_seen, then id), so exports are deterministic.
	EachStory(ctx context.Context, fn func(*news.Story) error) error
	// Search runs a full-text query over titles and texts. Syntax: words
	// (all must match), "quoted phrases", OR between terms, -word to
	// exclude. Best matches first.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Counts reports how many articles and stories are stored.
	Counts(ctx context.Context) (articles, stories int, err error)

	Close() error
}

// ErrDuplicate is returned by Commit for an article whose content hash is
// already stored.
var ErrDuplicate = duplicateError{}

type duplicateError struct{}

func (duplicateError) Error() string { return "already stored" }

// Commit is everything one article changes, written atomically.
type Commit struct {
	Article news.Article // StoryID and DuplicateOf set; Seq is assigned

	// Features is the article's clustering feature vector (opaque).
	Features []byte
	// Signature is the article's MinHash signature, for duplicate
	// detection.
	Signature []uint64

	// LineKeys are the distinct line keys of the article's raw text, added
	// to its source's line statistics. Empty when the source is unknown.
	LineKeys []uint64

	// Story is the new state of the story the article joined (created when
	// its id is new).
	Story StoryState
}

// StoryState is a story's row: its summary plus the clusterer's opaque state.
type StoryState struct {
	ID        string
	Title     string
	FirstSeen time.Time
	LastSeen  time.Time
	Size      int    // distinct (non-duplicate) articles
	State     []byte // clustering centroid, opaque
}

// DedupCandidate is a stored article as the duplicate detector sees it.
type DedupCandidate struct {
	Seq         int64
	ArticleID   string
	StoryID     string
	DuplicateOf string // set when the candidate is itself a copy
	Signature   []uint64
	When        time.Time
}

// ListOptions pages and filters a listing.
type ListOptions struct {
	Limit  int // 0 means a default of 50
	Offset int
}

// Hit is one search result.
type Hit struct {
	ArticleID string
	StoryID   string
	Title     string
	Source    string
	Published time.Time
	Snippet   string // plain text, matched terms not marked
}
