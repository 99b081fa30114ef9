package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FNV-1a, 64 bit. Keys are stored by the pipeline and compared across runs,
// so the hash and the normalisation below must never change silently.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// LineKey returns the key of a line for per-source statistics: a hash of its
// normalised form (case-folded, whitespace collapsed and trimmed, digits
// kept, curly and straight quotes unified). A line with nothing but
// whitespace has no key: LineKey returns 0, which no other line gets.
func LineKey(line string) uint64 {
	h := uint64(fnvOffset)
	var buf [utf8.UTFMax]byte
	space, seen := false, false
	for _, r := range line {
		if isSpace(r) {
			space = seen
			continue
		}
		if space {
			h = (h ^ ' ') * fnvPrime
			space = false
		}
		seen = true
		n := utf8.EncodeRune(buf[:], foldRune(r))
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	if !seen {
		return 0
	}
	if h == 0 {
		h = 1
	}
	return h
}

// Keys returns the distinct keys of a document's non-empty lines, sorted.
func Keys(text string) []uint64 {
	var keys []uint64
	for line := range strings.Lines(text) {
		if k := LineKey(line); k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// hashNormal is LineKey of a string already in normal form.
func hashNormal(s string) uint64 {
	if s == "" {
		return 0
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	if h == 0 {
		h = 1
	}
	return h
}

// normal returns the normalised form that LineKey hashes. Cue matching
// works on it too, so that "Don’t Miss" and "don't miss" read alike.
func normal(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	space, seen := false, false
	for _, r := range line {
		if isSpace(r) {
			space = seen
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		seen = true
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune lower-cases a rune and maps the quote variants onto the ASCII
// apostrophe and double quote.
func foldRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// isSpace is unicode.IsSpace plus the invisible characters that scrapers
// leave around text (zero-width space, byte order mark).
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// trimLine removes the surrounding whitespace isSpace knows about.
func trimLine(s string) string { return strings.TrimFunc(s, isSpace) }
