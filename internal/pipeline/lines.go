package pipeline

import "github.com/parallax-news/parallax/internal/clean"

// lineCounts holds the per-source line statistics of the documents of a
// batch. Together with the store's counts (the articles stored before the
// batch) they make the profile an article is cleaned with, so that the first
// article of a new source benefits from the rest of its batch.
type lineCounts struct {
	docs  map[string]int
	lines map[string]map[uint64]int
}

func newLineCounts() *lineCounts {
	return &lineCounts{docs: map[string]int{}, lines: map[string]map[uint64]int{}}
}

func (l *lineCounts) add(source string, keys []uint64) {
	if source == "" || len(keys) == 0 {
		return
	}
	l.docs[source]++
	m := l.lines[source]
	if m == nil {
		m = map[uint64]int{}
		l.lines[source] = m
	}
	for _, k := range keys {
		m[k]++
	}
}

// profile merges the stored counts of an article's lines with those of the
// other documents of its source in the batch (the article itself, which the
// batch counts hold, is left out).
func (l *lineCounts) profile(source string, keys []uint64, storedDocs int, stored map[uint64]int) *clean.Profile {
	self := 0
	if len(keys) > 0 {
		self = 1
	}
	p := &clean.Profile{Articles: storedDocs + l.docs[source] - self, Counts: make(map[uint64]int, len(keys))}
	m := l.lines[source]
	for _, k := range keys {
		if n := stored[k] + m[k] - self; n > 0 {
			p.Counts[k] = n
		}
	}
	return p
}
