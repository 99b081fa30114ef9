package cluster

import (
	"encoding/binary"
	"math"
	"slices"
)

// vector is a sparse vector with keys in ascending order.
type vector struct {
	keys []uint64
	vals []float64
}

func (v vector) clone() vector {
	return vector{keys: slices.Clone(v.keys), vals: slices.Clone(v.vals)}
}

func (v vector) norm() float64 {
	var s float64
	for _, x := range v.vals {
		s += x * x
	}
	return math.Sqrt(s)
}

// cosine of the angle between v and w.
func (v vector) cosine(w vector) float64 {
	nv, nw := v.norm(), w.norm()
	if nv == 0 || nw == 0 {
		return 0
	}
	var dot float64
	i, j := 0, 0
	for i < len(v.keys) && j < len(w.keys) {
		switch {
		case v.keys[i] < w.keys[j]:
			i++
		case v.keys[i] > w.keys[j]:
			j++
		default:
			dot += v.vals[i] * w.vals[j]
			i++
			j++
		}
	}
	return dot / (nv * nw)
}

// plus returns v + w.
func (v vector) plus(w vector) vector {
	out := vector{keys: make([]uint64, 0, len(v.keys)+len(w.keys)), vals: make([]float64, 0, len(v.keys)+len(w.keys))}
	i, j := 0, 0
	for i < len(v.keys) || j < len(w.keys) {
		switch {
		case j == len(w.keys) || (i < len(v.keys) && v.keys[i] < w.keys[j]):
			out.keys, out.vals = append(out.keys, v.keys[i]), append(out.vals, v.vals[i])
			i++
		case i == len(v.keys) || v.keys[i] > w.keys[j]:
			out.keys, out.vals = append(out.keys, w.keys[j]), append(out.vals, w.vals[j])
			j++
		default:
			out.keys, out.vals = append(out.keys, v.keys[i]), append(out.vals, v.vals[i]+w.vals[j])
			i++
			j++
		}
	}
	return out
}

// top returns the positions, in ascending key order, of the n largest
// entries. Ties at the cut go to the smaller keys, so the result depends on
// nothing but the values.
func (v vector) top(n int) []int {
	if len(v.vals) <= n {
		idx := make([]int, len(v.vals))
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	sorted := slices.Clone(v.vals)
	slices.Sort(sorted)
	cut := sorted[len(sorted)-n]
	above := 0 // entries strictly above the cut all make it
	for _, x := range v.vals {
		if x > cut {
			above++
		}
	}
	ties := n - above
	idx := make([]int, 0, n)
	for i, x := range v.vals {
		switch {
		case x > cut:
			idx = append(idx, i)
		case x == cut && ties > 0:
			idx = append(idx, i)
			ties--
		}
	}
	return idx
}

// strongest returns the keys of the n largest entries.
func (v vector) strongest(n int) []uint64 {
	idx := v.top(n)
	out := make([]uint64, len(idx))
	for i, p := range idx {
		out[i] = v.keys[p]
	}
	return out
}

// trim keeps the n largest entries.
func (v vector) trim(n int) vector {
	if len(v.keys) <= n {
		return v
	}
	idx := v.top(n)
	out := vector{keys: make([]uint64, n), vals: make([]float64, n)}
	for i, p := range idx {
		out.keys[i], out.vals[i] = v.keys[p], v.vals[p]
	}
	return out
}

// encode writes the count, then per entry the key delta (varint) and the
// value as a float32: centroids do not need more precision.
func (v vector) encode() []byte {
	buf := binary.AppendUvarint(make([]byte, 0, 2+len(v.keys)*8), uint64(len(v.keys)))
	var prev uint64
	for i, k := range v.keys {
		buf = binary.AppendUvarint(buf, k-prev)
		prev = k
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(float32(v.vals[i])))
	}
	return buf
}

func decodeVector(b []byte) (vector, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return vector{}, errCorrupt
	}
	b = b[k:]
	v := vector{keys: make([]uint64, 0, n), vals: make([]float64, 0, n)}
	var prev uint64
	for range n {
		d, k := binary.Uvarint(b)
		if k <= 0 || len(b) < k+4 {
			return vector{}, errCorrupt
		}
		prev += d
		v.keys = append(v.keys, prev)
		v.vals = append(v.vals, float64(math.Float32frombits(binary.LittleEndian.Uint32(b[k:]))))
		b = b[k+4:]
	}
	return v, nil
}
