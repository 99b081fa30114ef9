// Package dedup owns near-duplicate detection: it tells when one article is
// a lightly edited copy of another (the same wire story run by two outlets,
// a re-published piece with a new headline), as opposed to two articles that
// merely report the same event.
//
// A text becomes the set of its word shingles (runs of Options.Shingle
// consecutive normalised words). Its MinHash signature estimates the Jaccard
// similarity of two such sets: the share of positions at which two
// signatures agree. Banded LSH turns a signature into a few keys (one per
// band of rows) so that candidates are found by exact key lookup; a candidate
// is confirmed with Similarity >= Threshold.
//
// Everything is deterministic (fixed seeds), so signatures and band keys
// may be stored and compared across runs and machines. Changing Options,
// the seeds or the normalisation invalidates stored signatures.
//
// Empty and very short texts: a text with no words gets the empty signature
// (every position math.MaxUint64); Similarity treats empty positions as
// never equal and BandKeys returns no keys for it, so an empty text matches
// nothing. A text with fewer words than the shingle size is one shingle made
// of all its words, so it matches only a text with exactly the same words.
package dedup

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Threshold is the estimated Jaccard similarity of word 4-shingles at or
// above which two texts are near-duplicates. Measured on synthetic pairs
// (TestMeasureThreshold): copies with a new headline, a paragraph dropped,
// five words changed and a sentence added score 0.67–0.83; independent
// write-ups of the same event, sharing names and a quote, score at most
// 0.05; heavier rewrites (three paragraphs dropped, 25 words changed)
// score 0.34–0.48 and are not near-duplicates. At 0.5 with 32 bands of 4
// rows, a pair at the threshold shares a band with probability 0.87, a
// pair at 0.65 with 0.99.
const Threshold = 0.5

// Options tune the hasher. Zero values take the defaults.
type Options struct {
	Shingle int // words per shingle; 0 = 4
	Hashes  int // signature length; 0 = 128
	Bands   int // LSH bands; 0 = 32. Hashes is rounded up to a multiple of Bands
}

// Hasher computes signatures and band keys. It is immutable after New and
// safe for concurrent use.
type Hasher struct {
	shingle int
	bands   int
	rows    int
	k       int // signature length, rows*bands
}

// seed fixes every random choice; changing it invalidates stored signatures.
const seed = 0x9e3779b97f4a7c15

// New returns a Hasher for opt.
func New(opt Options) *Hasher {
	if opt.Shingle <= 0 {
		opt.Shingle = 4
	}
	if opt.Hashes <= 0 {
		opt.Hashes = 128
	}
	if opt.Bands <= 0 {
		opt.Bands = 32
	}
	if opt.Bands > opt.Hashes {
		opt.Bands = opt.Hashes
	}
	rows := (opt.Hashes + opt.Bands - 1) / opt.Bands
	return &Hasher{shingle: opt.Shingle, bands: opt.Bands, rows: rows, k: rows * opt.Bands}
}

// Len is the length of the signatures h produces.
func (h *Hasher) Len() int { return h.k }

// Signature returns the MinHash signature of text's word shingles.
//
// It is computed by one-permutation hashing with optimal densification
// (Shrivastava, ICML 2017) rather than k independent permutations: each
// shingle is hashed once, the hash picks one of k bins and each bin keeps
// its minimum; a bin no shingle fell into copies the minimum of another
// bin, chosen by a fixed probe sequence for that bin, so that two texts
// agree at that position exactly when they agree at the bin copied. The
// estimate of Jaccard similarity has about the variance of k permutations
// at O(shingles + k) cost instead of O(shingles * k): k permutations by
// multiply-xor took 120–170 µs for 5 KB on the development machine, this
// takes a fifth of that.
func (h *Hasher) Signature(text string) []uint64 {
	sig := make([]uint64, h.k)
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	words := wordHashes(text, make([]uint64, 0, len(text)/5+1))
	if len(words) == 0 {
		return sig
	}
	n := min(h.shingle, len(words))
	k := uint64(h.k)
	for start := 0; start+n <= len(words); start++ {
		x := shingleHash(words[start : start+n])
		if x == math.MaxUint64 { // reserved for empty bins
			x--
		}
		bin := (x >> 32) * k >> 32
		if x < sig[bin] {
			sig[bin] = x
		}
	}
	h.densify(sig)
	return sig
}

// densify fills each empty bin from a non-empty one. The probe sequence
// depends only on the bin index and attempt number, never on the text, and
// copies only from bins that were filled by shingles, which is what keeps
// equal positions an unbiased estimate. sig must have a non-empty bin.
func (h *Hasher) densify(sig []uint64) {
	var empty []int
	for i, v := range sig {
		if v == math.MaxUint64 {
			empty = append(empty, i)
		}
	}
	if len(empty) == len(sig) {
		return
	}
	filled := slices.Clone(sig)
	k := uint64(h.k)
	for _, i := range empty {
		for attempt := uint64(1); ; attempt++ {
			j := (mix(seed^uint64(i)<<32^attempt) >> 32) * k >> 32
			if v := filled[j]; v != math.MaxUint64 {
				sig[i] = v
				break
			}
		}
	}
}

// BandKeys returns one key per band of sig, the band index mixed in so that
// equal rows in different bands do not collide. An empty signature (see the
// package comment) has no keys. A signature of the wrong length gets keys
// for the whole bands it holds.
func (h *Hasher) BandKeys(sig []uint64) []uint64 {
	if isEmpty(sig) {
		return nil
	}
	nb := min(h.bands, len(sig)/h.rows)
	keys := make([]uint64, nb)
	for b := range nb {
		k := mix(uint64(b+1) * seed)
		for _, v := range sig[b*h.rows : (b+1)*h.rows] {
			k = mix(k ^ v)
		}
		keys[b] = k
	}
	return keys
}

// Similarity estimates the Jaccard similarity of the shingle sets behind two
// signatures: the share of positions at which they agree. Empty positions
// never agree, so an empty text is 0-similar to everything. Signatures of
// different lengths compare over the shorter, divided by the longer.
func Similarity(a, b []uint64) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 0
	}
	eq := 0
	for i := range min(len(a), len(b)) {
		if a[i] == b[i] && a[i] != math.MaxUint64 {
			eq++
		}
	}
	return float64(eq) / float64(n)
}

func isEmpty(sig []uint64) bool {
	for _, v := range sig {
		if v != math.MaxUint64 {
			return false
		}
	}
	return true
}

// mix is the splitmix64 finaliser: a cheap bijection with good avalanche.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func shingleHash(words []uint64) uint64 {
	x := uint64(len(words))
	for _, w := range words {
		x = mix(x ^ w)
	}
	return x
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHashes appends the hash of each normalised word of text to dst.
// A word is a run of letters, digits and combining marks, lowercased;
// apostrophes inside a word are dropped ("don't" = "dont"), every other
// character separates words. ASCII takes a table-free fast path.
func wordHashes(text string, dst []uint64) []uint64 {
	h := uint64(fnvOffset)
	inWord := false
	end := func() {
		if inWord {
			dst = append(dst, mix(h))
			h = fnvOffset
			inWord = false
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'':
				continue
			default:
				end()
				continue
			}
			h = (h ^ uint64(c)) * fnvPrime
			inWord = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == '\u2019' || r == '\u02bc':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			r = unicode.ToLower(r)
		default:
			end()
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h = (h ^ uint64(b)) * fnvPrime
		}
		inWord = true
	}
	end()
	return dst
}
