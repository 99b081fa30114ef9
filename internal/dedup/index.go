package dedup

import "slices"

// Index finds near-duplicate candidates among the most recent articles, in
// memory: band key → articles. It holds at most its capacity of articles,
// dropping the oldest (by Seq) first, so its memory and its cost per lookup
// do not grow with the corpus. Syndicated copies appear within hours or days
// of their original, well inside a window of tens of thousands of articles.
//
// Each band key remembers only the latest article that has it. That is
// enough: a key shared by several articles means they copy one another (or,
// rarely, four equal MinHash values by chance), and a copy links to the
// first original through its DuplicateOf, so finding the latest member of a
// family finds the family.
//
// Memory: about 1.9 KB per article held (the 128-value signature, 32 map
// entries and the Ref).
type Index struct {
	h     *Hasher
	limit int
	refs  map[int64]*Ref   // by Seq
	keys  map[uint64]int64 // band key -> the latest Seq that has it
	order []int64          // Seqs held, ascending: the oldest is dropped first
}

// Ref is an article as the index knows it.
type Ref struct {
	Seq         int64
	ID          string
	StoryID     string
	DuplicateOf string
	Signature   []uint64
}

// DefaultCapacity is the number of articles an Index holds by default:
// about 40 MB.
const DefaultCapacity = 20000

// NewIndex returns an index holding up to capacity articles (0 means
// DefaultCapacity), keyed with h's bands.
func NewIndex(h *Hasher, capacity int) *Index {
	if capacity <= 0 {
		capacity = DefaultCapacity
	}
	return &Index{h: h, limit: capacity, refs: map[int64]*Ref{}, keys: map[uint64]int64{}}
}

// Len reports how many articles the index holds.
func (x *Index) Len() int { return len(x.refs) }

// Add indexes an article. Articles must be added in ascending Seq order;
// one already held is ignored.
func (x *Index) Add(r Ref) {
	if _, ok := x.refs[r.Seq]; ok || r.Signature == nil {
		return
	}
	x.refs[r.Seq] = &r
	for _, k := range x.h.BandKeys(r.Signature) {
		x.keys[k] = r.Seq
	}
	x.order = append(x.order, r.Seq)
	// Dropping from the front of order leaves the old array's head behind,
	// but append copies only the live elements when it grows the array.
	for len(x.refs) > x.limit {
		x.drop(x.order[0])
		x.order = x.order[1:]
	}
}

func (x *Index) drop(seq int64) {
	r := x.refs[seq]
	delete(x.refs, seq)
	for _, k := range x.h.BandKeys(r.Signature) {
		if x.keys[k] == seq {
			delete(x.keys, k)
		}
	}
}

// Candidates returns the articles that share at least one band key with
// keys, each once, in Seq order.
func (x *Index) Candidates(keys []uint64) []*Ref {
	var seqs []int64
	for _, k := range keys {
		if s, ok := x.keys[k]; ok {
			seqs = append(seqs, s)
		}
	}
	slices.Sort(seqs)
	seqs = slices.Compact(seqs)
	out := make([]*Ref, len(seqs))
	for i, s := range seqs {
		out[i] = x.refs[s]
	}
	return out
}
