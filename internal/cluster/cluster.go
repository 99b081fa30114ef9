// Package cluster owns streaming story clustering: it decides, one article
// at a time, whether an article joins an existing story or starts a new one.
//
// Each article becomes a TF-IDF vector over words, numbers and names (names
// weigh more: they are what tells one event from another of the same kind).
// A story is the centroid of its articles' vectors. An article joins the
// most similar recent story when the similarity, discounted by the time
// between them, reaches a threshold; otherwise it starts a story.
//
// The cost per article does not depend on how many stories are stored: only
// stories active within a time window are held, and they are found through
// an inverted index on their strongest terms, probed with the article's
// strongest terms. Everything is deterministic: ties break on story id and
// nothing depends on map iteration order.
//
// The package is pure: it keeps its state in memory and hands the caller
// opaque bytes to persist (Decision.State, Stats.Encode); it never touches
// storage itself.
package cluster

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"time"
)

// Options tune the clusterer. Zero values take the defaults.
type Options struct {
	// Threshold is the similarity an article needs to join a story.
	Threshold float64
	// Window is how far apart in time an article and a story's nearest
	// article may be for them to be compared at all.
	Window time.Duration
	// HalfLife is the time distance at which similarity is discounted by half.
	HalfLife time.Duration
	// NameBoost multiplies the weight of name terms.
	NameBoost float64
}

func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = 0.22
	}
	if o.Window == 0 {
		o.Window = 7 * 24 * time.Hour
	}
	if o.HalfLife == 0 {
		o.HalfLife = 48 * time.Hour
	}
	if o.NameBoost == 0 {
		o.NameBoost = 2
	}
	return o
}

const (
	centroidTerms = 300 // terms kept per story centroid
	probeTerms    = 24  // strongest article terms used to find candidates
	indexTerms    = 48  // strongest centroid terms a story is indexed under
	maxCandidates = 40  // stories compared in full with an article
)

// Clusterer holds the recent stories and the term statistics.
type Clusterer struct {
	opt     Options
	stats   *Stats
	stories map[string]*story
	index   map[uint64][]string // term -> ids of stories indexed under it
	// Two clocks: the latest publication time seen, which ages dated
	// stories, and the latest ingest time of an undated article, which ages
	// stories that have no dated article.
	newest, newestUndated time.Time
	swept, sweptUndated   time.Time // when stale stories were last dropped
}

type story struct {
	id          string
	title       string
	titleScore  float64
	first, last time.Time
	size        int
	dated       bool   // at least one member has a publication time
	centroid    vector // sum of member unit vectors, trimmed
	indexed     []uint64
}

// New returns an empty clusterer using stats for document frequencies.
func New(opt Options, stats *Stats) *Clusterer {
	if stats == nil {
		stats = NewStats()
	}
	return &Clusterer{opt: opt.withDefaults(), stats: stats, stories: map[string]*story{}, index: map[uint64][]string{}}
}

// Stats returns the document-frequency statistics in use.
func (c *Clusterer) Stats() *Stats { return c.stats }

// Since returns the earliest last-seen time a story may have and still be
// compared with an article seen at now: callers load stories from storage
// from this time on.
func (c *Clusterer) Since(now time.Time) time.Time { return now.Add(-c.opt.Window) }

// Latest is the latest publication time seen: the clock that ages dated
// stories. Callers persist it to restore the window after a restart.
func (c *Clusterer) Latest() time.Time { return c.newest }

// Decision is where an article goes and the new state of that story.
type Decision struct {
	StoryID    string
	New        bool
	Similarity float64 // to the story joined; 0 for a new story
	Story      Snapshot
}

// Snapshot is a story's state to persist.
type Snapshot struct {
	ID        string
	Title     string
	FirstSeen time.Time
	LastSeen  time.Time
	Size      int
	State     []byte // centroid and title score, opaque to callers
}

// Article is what the clusterer needs to know of an article.
type Article struct {
	Features Features
	Title    string
	// When is the publication time when Dated, else the ingest time: an
	// undated article is compared with stories regardless of time, and
	// does not move a dated story's first and last seen times.
	When  time.Time
	Dated bool
}

// Assign decides the story for an article without changing anything; call
// Apply with the decision once it is stored. newID is the id a new story
// would take.
func (c *Clusterer) Assign(a Article, newID string) Decision {
	v := c.vectorize(a.Features)
	best, bestSim := c.best(v, a)
	if best != nil && bestSim >= c.opt.Threshold {
		s := c.joined(best, v, a, bestSim)
		return Decision{StoryID: best.id, Similarity: bestSim, Story: s.snapshot()}
	}
	s := &story{id: newID, title: a.Title, first: a.When, last: a.When, size: 1, dated: a.Dated, centroid: v.clone()}
	return Decision{StoryID: newID, New: true, Story: s.snapshot()}
}

// Join gives the state a story would have after adding a near-duplicate
// article: its times may widen but its centroid and size do not change, so
// that a syndicated copy counts once.
func (c *Clusterer) Join(storyID string, a Article) (Snapshot, bool) {
	s, ok := c.stories[storyID]
	if !ok {
		return Snapshot{}, false
	}
	cp := *s
	cp.widen(a)
	return cp.snapshot(), true
}

// Apply makes a stored decision part of the clusterer's state.
func (c *Clusterer) Apply(s Snapshot) error {
	st, err := restore(s)
	if err != nil {
		return err
	}
	c.put(st)
	if st.dated && st.last.After(c.newest) {
		c.newest = st.last
	}
	if !st.dated && st.last.After(c.newestUndated) {
		c.newestUndated = st.last
	}
	c.sweep()
	return nil
}

// Load adds stored stories, as returned by storage, to the clusterer.
func (c *Clusterer) Load(snaps []Snapshot) error {
	for _, s := range snaps {
		if err := c.Apply(s); err != nil {
			return err
		}
	}
	return nil
}

// Len reports how many stories are held.
func (c *Clusterer) Len() int { return len(c.stories) }

func (c *Clusterer) best(v vector, a Article) (*story, float64) {
	// Candidates are the stories indexed under the article's strongest
	// terms, ranked by the weight of the terms they share; only the best
	// ranked are compared in full, so the cost per article stays bounded
	// however many stories the window holds.
	score := map[string]float64{}
	for _, i := range v.top(probeTerms) {
		for _, id := range c.index[v.keys[i]] {
			score[id] += v.vals[i]
		}
	}
	cands := make([]string, 0, len(score))
	for id := range score {
		cands = append(cands, id)
	}
	slices.SortFunc(cands, func(x, y string) int {
		if d := cmp.Compare(score[y], score[x]); d != 0 {
			return d
		}
		return strings.Compare(x, y)
	})
	if len(cands) > maxCandidates {
		cands = cands[:maxCandidates]
	}
	var best *story
	bestSim := 0.0
	for _, id := range cands {
		s := c.stories[id]
		var gap time.Duration
		if a.Dated && s.dated {
			gap = s.distance(a.When)
		}
		if gap > c.opt.Window {
			continue
		}
		sim := v.cosine(s.centroid) * math.Exp2(-float64(gap)/float64(c.opt.HalfLife))
		if sim > bestSim {
			best, bestSim = s, sim
		}
	}
	return best, bestSim
}

func (c *Clusterer) joined(s *story, v vector, a Article, sim float64) *story {
	cp := *s
	cp.centroid = s.centroid.plus(v).trim(centroidTerms)
	cp.size++
	cp.widen(a)
	// The representative title is that of the member most like the story as
	// it stood when the member joined.
	if a.Title != "" && (sim > cp.titleScore || cp.title == "") {
		cp.title, cp.titleScore = a.Title, sim
	}
	return &cp
}

// widen stretches the story's time span over a new member. The first dated
// member replaces the ingest times of undated ones; an undated member
// stretches only a story without dates.
func (s *story) widen(a Article) {
	switch {
	case a.Dated && !s.dated:
		s.first, s.last, s.dated = a.When, a.When, true
	case a.Dated == s.dated:
		if a.When.Before(s.first) {
			s.first = a.When
		}
		if a.When.After(s.last) {
			s.last = a.When
		}
	}
}

// distance is how far when lies outside the story's time span.
func (s *story) distance(when time.Time) time.Duration {
	switch {
	case when.Before(s.first):
		return s.first.Sub(when)
	case when.After(s.last):
		return when.Sub(s.last)
	}
	return 0
}

func (c *Clusterer) put(s *story) {
	if old, ok := c.stories[s.id]; ok {
		c.unindex(old)
	}
	c.stories[s.id] = s
	s.indexed = s.centroid.strongest(indexTerms)
	for _, t := range s.indexed {
		c.index[t] = append(c.index[t], s.id)
	}
}

func (c *Clusterer) unindex(s *story) {
	for _, t := range s.indexed {
		ids := c.index[t]
		if i := slices.Index(ids, s.id); i >= 0 {
			ids = slices.Delete(ids, i, i+1)
		}
		if len(ids) == 0 {
			delete(c.index, t)
		} else {
			c.index[t] = ids
		}
	}
}

// sweep drops stories that fell out of the window, at most once per hour
// of each clock so the cost spreads thinly.
func (c *Clusterer) sweep() {
	dated := c.newest.Sub(c.swept) >= time.Hour
	undated := c.newestUndated.Sub(c.sweptUndated) >= time.Hour
	if !dated && !undated {
		return
	}
	if dated {
		c.swept = c.newest
	}
	if undated {
		c.sweptUndated = c.newestUndated
	}
	cutoff, cutoffUndated := c.newest.Add(-c.opt.Window), c.newestUndated.Add(-c.opt.Window)
	for id, s := range c.stories {
		if (dated && s.dated && s.last.Before(cutoff)) || (undated && !s.dated && s.last.Before(cutoffUndated)) {
			c.unindex(s)
			delete(c.stories, id)
		}
	}
}

func (s *story) snapshot() Snapshot {
	return Snapshot{ID: s.id, Title: s.title, FirstSeen: s.first, LastSeen: s.last, Size: s.size,
		State: s.encode()}
}

// encode stores a format byte, the dated flag, the title score and the
// centroid.
func (s *story) encode() []byte {
	flags := byte(0)
	if s.dated {
		flags = 1
	}
	buf := []byte{stateFormat, flags}
	buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(s.titleScore))
	return append(buf, s.centroid.encode()...)
}

const stateFormat = 1

func restore(sn Snapshot) (*story, error) {
	s := &story{id: sn.ID, title: sn.Title, first: sn.FirstSeen, last: sn.LastSeen, size: sn.Size}
	if len(sn.State) < 10 || sn.State[0] != stateFormat {
		return nil, errCorrupt
	}
	s.dated = sn.State[1]&1 == 1
	s.titleScore = math.Float64frombits(binary.LittleEndian.Uint64(sn.State[2:]))
	v, err := decodeVector(sn.State[10:])
	if err != nil {
		return nil, err
	}
	s.centroid = v
	return s, nil
}

// vectorize weighs an article's terms by TF-IDF, boosts names, and scales
// the result to unit length.
func (c *Clusterer) vectorize(f Features) vector {
	v := vector{keys: make([]uint64, 0, len(f.Terms)), vals: make([]float64, 0, len(f.Terms))}
	var norm float64
	for _, t := range f.Terms {
		w := (1 + math.Log(float64(t.Count))) * c.stats.IDF(t.Key)
		if t.Name {
			w *= c.opt.NameBoost
		}
		v.keys = append(v.keys, t.Key)
		v.vals = append(v.vals, w)
		norm += w * w
	}
	if norm > 0 {
		n := math.Sqrt(norm)
		for i := range v.vals {
			v.vals[i] /= n
		}
	}
	return v
}
