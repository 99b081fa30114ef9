package cluster

import (
	"encoding/binary"
	"math"
	"slices"
)

// Stats counts, for each term, how many documents contain it: the document
// frequencies behind inverse document frequency.
type Stats struct {
	docs int
	df   map[uint64]uint32
}

// NewStats returns empty statistics.
func NewStats() *Stats { return &Stats{df: map[uint64]uint32{}} }

// Observe counts one document.
func (s *Stats) Observe(f Features) {
	s.docs++
	for _, t := range f.Terms {
		s.df[t.Key]++
	}
}

// Docs reports how many documents were observed.
func (s *Stats) Docs() int { return s.docs }

// priorDocs smooths IDF while the corpus is small: a term seen in every one
// of three documents is not yet known to be common, and a first article must
// not have all its words weigh the same.
const priorDocs = 20

// IDF is the smoothed inverse document frequency of a term.
func (s *Stats) IDF(key uint64) float64 {
	n := float64(s.docs + priorDocs)
	return math.Log((n + 1) / (float64(s.df[key]) + 1))
}

// Encode serialises the statistics (document count, then sorted key deltas
// and counts as varints), deterministically.
func (s *Stats) Encode() []byte {
	keys := make([]uint64, 0, len(s.df))
	for k := range s.df {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	buf := binary.AppendUvarint(make([]byte, 0, 8+len(keys)*6), uint64(s.docs))
	buf = binary.AppendUvarint(buf, uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		buf = binary.AppendUvarint(buf, k-prev)
		prev = k
		buf = binary.AppendUvarint(buf, uint64(s.df[k]))
	}
	return buf
}

// DecodeStats reverses Encode.
func DecodeStats(b []byte) (*Stats, error) {
	docs, k := binary.Uvarint(b)
	if k <= 0 {
		return nil, errCorrupt
	}
	b = b[k:]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errCorrupt
	}
	b = b[k:]
	s := &Stats{docs: int(docs), df: make(map[uint64]uint32, n)}
	var prev uint64
	for range n {
		d, k1 := binary.Uvarint(b)
		if k1 <= 0 {
			return nil, errCorrupt
		}
		b = b[k1:]
		c, k2 := binary.Uvarint(b)
		if k2 <= 0 {
			return nil, errCorrupt
		}
		b = b[k2:]
		prev += d
		s.df[prev] = uint32(c)
	}
	return s, nil
}
