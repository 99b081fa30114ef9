package cluster

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are an article's term counts, the input to clustering. Terms are
// hashed; names (capitalised words and runs of them inside sentences) live in
// their own hash space so they can be weighted apart from ordinary words.
type Features struct {
	Terms []Term // sorted by Key
}

// Term is one hashed term with its count in the article.
type Term struct {
	Key   uint64
	Count uint32
	Name  bool
}

// Extract computes the features of an article. The title counts twice: it is
// the writer's own summary of what the article is about.
func Extract(title, text string) Features {
	pos := make(map[uint64]int, 256)
	f := Features{Terms: make([]Term, 0, 256)}
	add := func(key uint64, name bool) {
		if i, ok := pos[key]; ok {
			f.Terms[i].Count++
			return
		}
		pos[key] = len(f.Terms)
		f.Terms = append(f.Terms, Term{Key: key, Count: 1, Name: name})
	}
	for range 2 {
		scan(title, add)
	}
	scan(text, add)
	slices.SortFunc(f.Terms, func(a, b Term) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return f
}

// scan tokenises text and reports each term: ordinary words (lower-cased,
// stop words dropped, lightly stemmed), and names with their runs.
func scan(text string, add func(key uint64, name bool)) {
	sentenceStart := true
	var run []string // the capitalised words of the current name run
	flush := func() {
		if len(run) >= 2 {
			add(hashTerm("n:", strings.Join(run, " ")), true)
		}
		run = run[:0]
	}
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == '"' || r == '“' {
				sentenceStart = true
				flush()
			} else if r != ' ' && r != '-' && r != '\'' && r != '’' {
				flush()
			}
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) {
				// keep inner apostrophes and hyphens out of the word but note a
				// possessive "'s", which belongs to the word before it.
				break
			}
			j += s2
		}
		word := text[i:j]
		i = j
		// drop a possessive 's / ’s following the word
		if strings.HasPrefix(text[i:], "'s") || strings.HasPrefix(text[i:], "’s") {
			rest := text[i+len("'s"):]
			if strings.HasPrefix(text[i:], "’s") {
				rest = text[i+len("’s"):]
			}
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !isWordRune(r) {
				i = len(text) - len(rest)
			}
		}
		first, _ := utf8.DecodeRuneInString(word)
		lower := strings.ToLower(word)
		capital := unicode.IsUpper(first)
		if capital && !sentenceStart && !stopWords[lower] {
			add(hashTerm("n:", lower), true)
			run = append(run, lower)
		} else {
			flush()
		}
		sentenceStart = false
		if stopWords[lower] {
			continue
		}
		if unicode.IsDigit(first) {
			if len(word) >= 2 {
				add(hashTerm("d:", lower), false)
			}
			continue
		}
		if utf8.RuneCountInString(lower) < 3 {
			continue
		}
		add(hashTerm("w:", stem(lower)), false)
	}
	flush()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// stem strips the commonest English inflections so that "talks" and "talk",
// "negotiations" and "negotiation" meet. Deliberately light: over-stemming
// merges words that tell events apart.
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// hashTerm is 64-bit FNV-1a over space and term, without allocating.
func hashTerm(space, term string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(space); i++ {
		h = (h ^ uint64(space[i])) * prime
	}
	for i := 0; i < len(term); i++ {
		h = (h ^ uint64(term[i])) * prime
	}
	return h
}

// Encode serialises features for storage: a varint count, then per term the
// key delta, the count, and the name flag folded into the count's low bit.
func (f Features) Encode() []byte {
	buf := make([]byte, 0, 4+len(f.Terms)*6)
	buf = binary.AppendUvarint(buf, uint64(len(f.Terms)))
	var prev uint64
	for _, t := range f.Terms {
		buf = binary.AppendUvarint(buf, t.Key-prev)
		prev = t.Key
		c := uint64(t.Count) << 1
		if t.Name {
			c |= 1
		}
		buf = binary.AppendUvarint(buf, c)
	}
	return buf
}

var errCorrupt = errors.New("cluster: corrupt encoded data")

// DecodeFeatures reverses Encode.
func DecodeFeatures(b []byte) (Features, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return Features{}, errCorrupt
	}
	b = b[k:]
	f := Features{Terms: make([]Term, 0, n)}
	var prev uint64
	for range n {
		d, k1 := binary.Uvarint(b)
		if k1 <= 0 {
			return Features{}, errCorrupt
		}
		b = b[k1:]
		c, k2 := binary.Uvarint(b)
		if k2 <= 0 {
			return Features{}, errCorrupt
		}
		b = b[k2:]
		prev += d
		f.Terms = append(f.Terms, Term{Key: prev, Count: uint32(c >> 1), Name: c&1 == 1})
	}
	return f, nil
}

// stopWords are English function words and the verbs of attribution that
// every news article uses; they say nothing about which event it covers.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
	before being below between both but by can could did do does doing down during each few for from further had has
	have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
	no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
	the their theirs them themselves then there these they this those through to too under until up very was we were
	what when where which while who whom why will with would you your yours yourself yourselves
	said says say saying told tells tell according added adding asked noted stated reported reports report
	mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks
	year years month months day days time times new news one two three first last since still may might must
	many much however while like including around per cent percent people told officials official
	it's that's there's he's she's we're they're don't didn't won't can't isn't wasn't aren't weren't
	read more related share comment comments subscribe newsletter click photo image credit`) {
		m[w] = true
	}
	return m
}()
