// Package pipeline owns the journey of a document from raw bytes to a place
// in a story. Ingest reads, top to bottom, as the stages run:
//
//	raw document → content hash (exact duplicates stop here)
//	             → extract (HTML) → clean (page furniture, per-source learning)
//	             → near-duplicate check (MinHash + LSH over the latest articles)
//	             → story clustering (streaming, in publication order)
//	             → commit to the store, a group of articles per transaction;
//	               an article is reported stored only once its group is.
//
// The stages themselves (extract, clean, dedup, cluster) are pure packages;
// the pipeline is the only place that wires them to the store.
package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Options configure a pipeline. Zero values take the defaults.
type Options struct {
	Cluster cluster.Options
	// DedupWindow is how many of the latest articles a new one is checked
	// against for near-duplicates; 0 means dedup.DefaultCapacity.
	DedupWindow int
	Logger      *slog.Logger
	Now         func() time.Time // the clock; time.Now by default
}

// Status is what became of one document.
type Status int

const (
	StatusNew       Status = iota // stored as a new article
	StatusDuplicate               // already stored: nothing new
	StatusFailed                  // not stored; Err says why
)

// Result reports one document's outcome.
type Result struct {
	Origin      string
	Status      Status
	ArticleID   string
	StoryID     string
	DuplicateOf string // set when stored as a near-copy of another article
	Err         error
}

// Pipeline runs documents through the stages into a store. It is not safe
// for concurrent use: articles join stories one at a time, by design.
type Pipeline struct {
	st      store.Store
	cl      *cluster.Clusterer
	dd      *dedup.Hasher
	recent  *dedup.Index // near-duplicate candidates: the latest articles
	log     *slog.Logger
	now     func() time.Time
	lastSeq int64 // the last Seq committed
	unsaved int   // commits since the statistics were last saved
	broken  error // set when the store failed: the pipeline stops
}

const statsKey = "cluster_stats"

// Open builds a pipeline over st, restoring the clustering state: term
// statistics (snapshot plus the articles committed after it) and the stories
// recent enough to be joined.
func Open(ctx context.Context, st store.Store, opt Options) (*Pipeline, error) {
	p := &Pipeline{st: st, dd: dedup.New(dedup.Options{}), log: opt.Logger, now: opt.Now}
	if opt.DedupWindow <= 0 {
		opt.DedupWindow = dedup.DefaultCapacity
	}
	p.recent = dedup.NewIndex(p.dd, opt.DedupWindow)
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	if p.now == nil {
		p.now = time.Now
	}
	stats := cluster.NewStats()
	var latestDated time.Time
	if b, err := st.Meta(ctx, statsKey); err == nil && len(b) >= 16 {
		p.lastSeq = int64(binary.LittleEndian.Uint64(b))
		if n := int64(binary.LittleEndian.Uint64(b[8:])); n != 0 {
			latestDated = time.Unix(0, n).UTC()
		}
		if stats, err = cluster.DecodeStats(b[16:]); err != nil {
			return nil, fmt.Errorf("restore clustering statistics: %w", err)
		}
	} else if err != nil && !errors.Is(err, news.ErrNotFound) {
		return nil, fmt.Errorf("restore clustering statistics: %w", err)
	}
	// Articles committed after the snapshot (a crash skipped the save).
	err := st.FeaturesSince(ctx, p.lastSeq, func(seq int64, b []byte) error {
		f, err := cluster.DecodeFeatures(b)
		if err != nil {
			return fmt.Errorf("article %d features: %w", seq, err)
		}
		stats.Observe(f)
		p.lastSeq = seq
		p.unsaved++
		return nil
	})
	if err != nil {
		return nil, err
	}
	p.cl = cluster.New(opt.Cluster, stats)
	recent, err := st.RecentSignatures(ctx, opt.DedupWindow)
	if err != nil {
		return nil, fmt.Errorf("restore duplicate index: %w", err)
	}
	for _, c := range recent {
		p.recent.Add(dedup.Ref{Seq: c.Seq, ID: c.ArticleID, StoryID: c.StoryID, DuplicateOf: c.DuplicateOf, Signature: c.Signature})
	}
	latest, err := st.Stories(ctx, store.ListOptions{Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(latest) > 0 {
		// Stories are held while they are within the window of the latest
		// publication time (dated stories) or ingest time (undated ones).
		since := p.cl.Since(latest[0].LastSeen)
		if !latestDated.IsZero() && latestDated.Before(latest[0].LastSeen) {
			since = p.cl.Since(latestDated)
		}
		states, err := st.RecentStories(ctx, since)
		if err != nil {
			return nil, err
		}
		for _, s := range states {
			if err := p.cl.Apply(snapshotOf(s)); err != nil {
				return nil, fmt.Errorf("restore story %s: %w", s.ID, err)
			}
		}
	}
	return p, nil
}

// Close saves the clustering statistics. It does not close the store.
func (p *Pipeline) Close(ctx context.Context) error { return p.saveStats(ctx) }

// Ingest runs one batch of documents through the pipeline and reports each
// outcome to report. One bad document never stops the batch. Articles are
// committed in groups; a document is reported StatusNew only once its group
// is committed, so a crash never loses an article that was reported stored.
// Ingest returns an error only when the store fails or ctx ends; after a
// store failure the pipeline refuses further work (its in-memory state may
// be ahead of the store): open a new one.
func (p *Pipeline) Ingest(ctx context.Context, docs []*news.Document, report func(Result)) error {
	if p.broken != nil {
		return p.broken
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// 1. Prepare: hash, drop exact duplicates (stored, or earlier in the
	// batch: those are reported once the batch is stored), extract pages.
	var items []*item
	var copies []Result
	first := map[string]*item{}
	for _, d := range docs {
		it, res := p.prepare(ctx, d)
		if errors.Is(res.Err, errStore) {
			p.broken = res.Err
			return res.Err
		}
		if it == nil {
			report(res)
			continue
		}
		if orig, ok := first[it.hash]; ok {
			copies = append(copies, Result{Origin: d.Origin, Status: StatusDuplicate, ArticleID: orig.article.ID})
			continue
		}
		first[it.hash] = it
		items = append(items, it)
	}
	// Whatever happens next, the batch's copies are reported last.
	defer func() {
		for _, r := range copies {
			report(r)
		}
	}()

	// 2. Learn which lines recur per source, over the stored articles and
	// the whole batch, so the first article of an outlet is cleaned as well
	// as the last.
	pending := newLineCounts()
	for _, it := range items {
		pending.add(it.source, it.lineKeys)
	}

	// 3. Clean, and count the terms of the batch so that the first articles
	// are clustered with the same statistics as the last.
	kept := items[:0]
	for _, it := range items {
		if err := p.clean(ctx, it, pending); err != nil {
			p.broken = err
			return err
		}
		if it.article.Text == "" && it.article.Title == "" {
			report(Result{Origin: it.doc.Origin, Status: StatusFailed, Err: fmt.Errorf("%s: %w", it.doc.Origin, news.ErrNoContent)})
			continue
		}
		p.cl.Stats().Observe(it.features)
		kept = append(kept, it)
	}
	items = kept

	// 4. Place articles in publication order (undated ones follow, in
	// arrival order), committing them in groups.
	slices.SortStableFunc(items, func(a, b *item) int {
		if a.dated != b.dated {
			if a.dated {
				return -1
			}
			return 1
		}
		if c := a.when.Compare(b.when); c != 0 {
			return c
		}
		return cmp.Compare(a.doc.Seq, b.doc.Seq)
	})
	g := &group{}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return errors.Join(err, p.flush(ctx, g, report))
		}
		res, c := p.place(it, g)
		if c == nil {
			if res.Err != nil && res.Status == StatusFailed && errors.Is(res.Err, errStore) {
				p.broken = res.Err
				return res.Err
			}
			report(res)
			continue
		}
		g.add(c, p.dd.BandKeys(c.Signature), res)
		if len(g.commits) >= groupSize {
			if err := p.flush(ctx, g, report); err != nil {
				return err
			}
		}
	}
	if err := p.flush(ctx, g, report); err != nil {
		return err
	}
	// The statistics are saved between batches only: a snapshot holds the
	// whole batch's terms, and a crash before it replays just the committed
	// articles.
	if p.unsaved >= 5000 {
		return p.saveStats(ctx)
	}
	return nil
}

// minDedupWords is the shortest text, in words, checked for near-copies.
const minDedupWords = 25

// groupSize is how many articles are committed in one transaction: enough
// to spread the cost of a commit, few enough that a crash loses little work
// (and nothing that was reported stored).
const groupSize = 256

// errStore marks a failure of the store, as opposed to one of the input.
var errStore = errors.New("store failed")

// group is the articles placed but not yet committed. Later articles of the
// group must see earlier ones for near-duplicate checks.
type group struct {
	commits []*store.Commit
	results []Result
	bands   map[uint64][]int // LSH band key -> positions in commits
}

func (g *group) add(c *store.Commit, bandKeys []uint64, r Result) {
	if g.bands == nil {
		g.bands = map[uint64][]int{}
	}
	for _, k := range bandKeys {
		g.bands[k] = append(g.bands[k], len(g.commits))
	}
	g.commits = append(g.commits, c)
	g.results = append(g.results, r)
}

// flush commits the group and reports its articles.
func (p *Pipeline) flush(ctx context.Context, g *group, report func(Result)) error {
	if len(g.commits) == 0 {
		return nil
	}
	// Commit even when ctx has ended: what was placed is stored, not lost.
	if err := p.st.CommitAll(context.WithoutCancel(ctx), g.commits); err != nil {
		p.broken = fmt.Errorf("%w: %w", errStore, err)
		return p.broken
	}
	for i, r := range g.results {
		c := g.commits[i]
		p.lastSeq = c.Article.Seq
		p.recent.Add(dedup.Ref{Seq: c.Article.Seq, ID: c.Article.ID, StoryID: c.Article.StoryID,
			DuplicateOf: c.Article.DuplicateOf, Signature: c.Signature})
		p.log.Debug("stored", "origin", r.Origin, "article", r.ArticleID, "story", r.StoryID)
		report(r)
	}
	p.unsaved += len(g.commits)
	*g = group{}
	return nil
}

// item is a document on its way through the batch.
type item struct {
	doc      *news.Document
	hash     string
	source   string
	text     string    // extracted, not yet cleaned
	when     time.Time // publication time, or the ingest time when undated
	dated    bool
	lineKeys []uint64
	article  news.Article // metadata so far; title and text once cleaned
	features cluster.Features
}

func (p *Pipeline) prepare(ctx context.Context, d *news.Document) (*item, Result) {
	res := Result{Origin: d.Origin, Status: StatusFailed}
	sum := sha256.New()
	sum.Write([]byte(d.Source))
	sum.Write([]byte{0})
	sum.Write(d.Body)
	hash := hex.EncodeToString(sum.Sum(nil))
	if id, err := p.st.ArticleIDByHash(ctx, hash); err == nil {
		res.Status, res.ArticleID = StatusDuplicate, id
		return nil, res
	} else if !errors.Is(err, news.ErrNotFound) {
		res.Err = fmt.Errorf("%w: %w", errStore, err)
		return nil, res
	}
	it := &item{doc: d, hash: hash}
	a := news.Article{Origin: d.Origin, Source: d.Source, URL: d.URL, Title: d.Title, Byline: d.Byline,
		Published: d.Published, Language: d.Language, ContentHash: hash, ID: hash[:16]}
	switch d.Format {
	case news.FormatHTML:
		page, err := extract.Extract(d.Body, d.URL, extract.Options{})
		if err != nil {
			res.Err = fmt.Errorf("%s: %w", d.Origin, err)
			return nil, res
		}
		it.text = page.Text
		fill(&a.Title, page.Title)
		fill(&a.Byline, page.Byline)
		fill(&a.URL, page.URL)
		fill(&a.Source, page.Site)
		fill(&a.Language, page.Language)
		if a.Published.IsZero() {
			a.Published = page.Published
		}
	default:
		it.text = string(d.Body)
	}
	it.article, it.source = a, a.Source
	if d.Format != news.FormatArticle && it.source != "" {
		it.lineKeys = clean.Keys(it.text)
	}
	if !a.Published.IsZero() {
		// A date far in the future would move the clustering clock past
		// every current story; one before printing is a parsing accident.
		if now := p.now(); a.Published.After(now.Add(48*time.Hour)) || a.Published.Year() < 1800 {
			res.Err = fmt.Errorf("%s: publication date %s is not plausible (more than two days ahead, or before 1800)",
				d.Origin, a.Published.Format(time.RFC3339))
			return nil, res
		}
	}
	it.when, it.dated = a.Published, !a.Published.IsZero()
	if !it.dated {
		it.when = p.now().UTC()
	}
	return it, res
}

// clean sets the article's title and text: general furniture cues plus what
// the other articles of its source teach, then computes its features.
func (p *Pipeline) clean(ctx context.Context, it *item, pending *lineCounts) error {
	a := &it.article
	if it.doc.Format == news.FormatArticle {
		a.Text = it.text
	} else {
		var profile *clean.Profile
		if it.source != "" {
			n, counts, err := p.st.LineCounts(ctx, it.source, it.lineKeys)
			if err != nil {
				return fmt.Errorf("%w: %w", errStore, err)
			}
			profile = pending.profile(it.source, it.lineKeys, n, counts)
		}
		c := clean.Clean(it.text, clean.Options{Title: a.Title, Profile: profile})
		a.Title, a.Text = c.Title, c.Text
	}
	it.text = "" // the raw text is no longer needed
	if a.Language == "" {
		a.Language = "en"
	}
	it.features = cluster.Extract(a.Title, a.Text)
	return nil
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// place checks an article for duplicates and finds its story. It returns
// the commit to make, or nil with the result when there is nothing to store
// (an exact duplicate) or the store failed (Err wraps errStore).
func (p *Pipeline) place(it *item, g *group) (Result, *store.Commit) {
	a := it.article
	a.Ingested = p.now().UTC()
	// Near-duplicates: a syndicated copy joins the story of its original.
	// A text too short to tell a copy from a coincidence ("Developing
	// story.") gets no signature: it neither matches nor is matched.
	var sig, bands []uint64
	if len(strings.Fields(a.Text)) >= minDedupWords {
		sig = p.dd.Signature(a.Text)
		bands = p.dd.BandKeys(sig)
	}
	orig := p.nearDuplicate(sig, bands, g)
	ca := cluster.Article{Features: it.features, Title: a.Title, When: it.when, Dated: it.dated}
	var dec cluster.Decision
	joined := false
	if orig != nil {
		a.DuplicateOf = orig.id
		if snap, ok := p.cl.Join(orig.story, ca); ok {
			dec, joined = cluster.Decision{StoryID: orig.story, Story: snap}, true
		}
	}
	if !joined {
		// Also when the original is outside the window: the copy is still
		// linked to it, but is placed like any article.
		dec = p.cl.Assign(ca, storyID(a.ID))
	}
	a.StoryID = dec.StoryID
	// The clusterer moves on now, so the next article of the group sees this
	// one; the group's commit follows before anything is reported.
	if err := p.cl.Apply(dec.Story); err != nil {
		return Result{Origin: it.doc.Origin, Status: StatusFailed, Err: fmt.Errorf("%w: %w", errStore, err)}, nil
	}
	p.log.Debug("placed", "origin", it.doc.Origin, "story", a.StoryID, "new_story", dec.New,
		"similarity", dec.Similarity, "duplicate_of", a.DuplicateOf)
	c := &store.Commit{Article: a, Features: it.features.Encode(), Signature: sig,
		LineKeys: it.lineKeys, Story: stateOf(dec.Story)}
	return Result{Origin: it.doc.Origin, Status: StatusNew, ArticleID: a.ID, StoryID: a.StoryID, DuplicateOf: a.DuplicateOf}, c
}

// original identifies the article a near-duplicate copies.
type original struct{ id, story string }

// nearDuplicate returns the original the text copies, if any, among the
// latest stored articles and those of the uncommitted group: the most
// similar, ties to the smaller id. A copy of a copy links to the first
// original.
func (p *Pipeline) nearDuplicate(sig, bands []uint64, g *group) *original {
	var best *original
	bestSim := 0.0
	consider := func(id, dupOf, story string, other []uint64) {
		sim := dedup.Similarity(sig, other)
		if sim < dedup.Threshold || sim < bestSim {
			return
		}
		if dupOf != "" {
			id = dupOf
		}
		if best == nil || sim > bestSim || id < best.id {
			best, bestSim = &original{id: id, story: story}, sim
		}
	}
	for _, r := range p.recent.Candidates(bands) {
		consider(r.ID, r.DuplicateOf, r.StoryID, r.Signature)
	}
	seen := map[int]bool{}
	for _, k := range bands {
		for _, i := range g.bands[k] {
			if !seen[i] {
				seen[i] = true
				c := g.commits[i]
				consider(c.Article.ID, c.Article.DuplicateOf, c.Article.StoryID, c.Signature)
			}
		}
	}
	return best
}

func (p *Pipeline) saveStats(ctx context.Context) error {
	if p.unsaved == 0 {
		return nil
	}
	b := binary.LittleEndian.AppendUint64(nil, uint64(p.lastSeq))
	var latest int64
	if t := p.cl.Latest(); !t.IsZero() {
		latest = t.UnixNano()
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(latest))
	if err := p.st.SetMeta(ctx, statsKey, append(b, p.cl.Stats().Encode()...)); err != nil {
		return fmt.Errorf("save clustering statistics: %w", err)
	}
	p.unsaved = 0
	return nil
}

// storyID names a story after the article that started it.
func storyID(firstArticle string) string {
	sum := sha256.Sum256([]byte("story:" + firstArticle))
	return hex.EncodeToString(sum[:6])
}

func stateOf(s cluster.Snapshot) store.StoryState {
	return store.StoryState{ID: s.ID, Title: s.Title, FirstSeen: s.FirstSeen, LastSeen: s.LastSeen, Size: s.Size, State: s.State}
}

func snapshotOf(s store.StoryState) cluster.Snapshot {
	return cluster.Snapshot{ID: s.ID, Title: s.Title, FirstSeen: s.FirstSeen, LastSeen: s.LastSeen, Size: s.Size, State: s.State}
}
