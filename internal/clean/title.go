package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findTitle returns the index of the title line in the head (the lines
// before the body, or all lines when there is no body), or -1.
//
// With a known title, it is the line that matches it. Otherwise it is the
// first candidate (see titleCandidate) of at least five words, since site
// names, sections and bylines are shorter and come first or after it;
// failing that the longest candidate. Two kinds of candidates step aside:
// a standfirst without its final stop right under another candidate of
// five words or more (the dek under its title), and lines with " | " (a site name and slogan, or a
// title with the site appended) while there is another candidate. Lines
// of a list under a "Trending"-style label are not candidates.
func findTitle(ls []*line, first int, known string, p *Profile, update bool) int {
	end := first
	if end < 0 {
		end = len(ls)
	}
	if known = normal(trimLine(known)); known != "" {
		for i := 0; i < end; i++ {
			if sameTitle(ls[i].norm, known) {
				ls[i].reason = ""
				return i
			}
		}
	}
	// A list under a "Trending"-style label holds other stories, all but
	// its last line: a title may follow the list without a gap.
	listed := make([]bool, end)
	for i := 0; i < end; i++ {
		if ls[i].reason != "link" || !isListLabel(ls[i]) {
			continue
		}
		j := i + 1
		for j < end && ls[j].reason == "" && ls[j].headlineShaped() {
			j++
		}
		for k := i + 1; k < j-1; k++ {
			listed[k] = true
		}
		i = j - 1
	}
	var cands, piped []int
	seen := map[uint64]bool{}
	prev := -1 // the last line without a cue, if it was a candidate
	for i := 0; i < end; i++ {
		l := ls[i]
		if seen[l.key] || listed[i] || !titleCandidate(l, p, update) {
			if l.reason == "" || l.reason == "recurring" {
				prev = -1
			}
			continue
		}
		seen[l.key] = true
		switch {
		case prev >= 0 && standfirst(l):
			prev = -1
		case strings.Contains(l.text, " | "):
			piped = append(piped, i)
			prev = -1
		default:
			cands = append(cands, i)
			prev = -1
			if l.words >= 5 {
				prev = i
			}
		}
	}
	if len(cands) == 0 {
		cands = piped
	}
	if len(cands) == 0 {
		// A two-word headline is a title only where a title goes.
		if end > 0 && ls[0].reason == "" && ls[0].headlineShaped() && ls[0].words == 2 {
			return 0
		}
		return -1
	}
	best := cands[0]
	for _, c := range cands {
		if ls[c].words >= 5 {
			best = c
			break
		}
		if ls[c].words > ls[best].words {
			best = c
		}
	}
	ls[best].reason = ""
	return best
}

// titleCandidate: a headline-shaped line of three words or more without a
// furniture cue. A recurring line qualifies when it is long and either not
// in most of the source's articles or the article is an update of an
// earlier one: updates of one story share a title, while a site name or a
// slogan recurs everywhere.
func titleCandidate(l *line, p *Profile, update bool) bool {
	if !l.headlineShaped() || l.words < 3 || !l.letters {
		return false
	}
	switch l.reason {
	case "":
		return true
	case "recurring":
		n := 0
		if p != nil {
			n = max(p.Articles, l.seen)
		}
		return l.words >= 5 && (update || !(l.seen >= 3 && 2*l.seen >= n))
	}
	return false
}

// titleWords is how long a title derived from the text may be.
const titleWords = 12

// deriveTitle makes a title from the first sentence of the first kept
// prose line, for documents that start without a headline: at most
// titleWords words, cut at a word boundary and marked with "…" when cut.
func deriveTitle(ls []*line) string {
	var src *line
	for _, l := range ls {
		if l.reason == "" && (src == nil || l.sentence() || l.good) {
			if src == nil {
				src = l
			}
			if l.sentence() || l.good {
				src = l
				break
			}
		}
	}
	if src == nil {
		return ""
	}
	s := firstSentence(stripDateline(src.text))
	words := strings.Fields(s)
	if len(words) <= titleWords {
		return strings.TrimSuffix(strings.Join(words, " "), ".")
	}
	words = words[:titleWords]
	for len(words) > 1 {
		w := strings.ToLower(strings.TrimRight(words[len(words)-1], ",;:—–-"))
		if !smallWords[w] && w != "" {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.TrimRight(strings.Join(words, " "), ",;:—–- ") + "…"
}

// abbrevs end with a period without ending a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true,
	"jr": true, "sr": true, "inc": true, "co": true, "corp": true, "ltd": true, "vs": true,
	"no": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "adm": true, "maj": true, "pres": true, "rev": true, "ft": true, "mt": true,
}

// firstSentence returns s up to the end of its first sentence.
func firstSentence(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i
		for end < len(s) && strings.ContainsRune(closers, rune(s[end])) {
			end++
		}
		if end >= len(s) {
			return s
		}
		next, _ := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsSpace(next) {
			continue
		}
		rest := strings.TrimLeftFunc(s[end:], unicode.IsSpace)
		n, _ := utf8.DecodeRuneInString(rest)
		if !(unicode.IsUpper(n) || unicode.IsDigit(n) || strings.ContainsRune("\"“‘'", n)) {
			continue
		}
		if r == '.' && isAbbrev(s[:i-1]) {
			continue
		}
		return s[:end]
	}
	return s
}

// isAbbrev reports whether the word ending s is an abbreviation or an
// initial ("U.S", "J", "Gov").
func isAbbrev(s string) bool {
	w := s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
	w = strings.TrimLeft(w, "\"'“‘(")
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		return true
	}
	return abbrevs[strings.ToLower(w)]
}

// stripDateline removes an agency dateline such as "KYIV, Ukraine (AP) — ".
func stripDateline(s string) string {
	for _, dash := range []string{" — ", " – ", " - "} {
		i := strings.Index(s, dash)
		if i <= 0 || i > 60 {
			continue
		}
		head := strings.Fields(s[:i])
		if len(head) > 6 {
			continue
		}
		if strings.Contains(s[:i], "(") || isUpperASCII(strings.Trim(head[0], ",")) && len(head[0]) > 2 {
			if rest := s[i+len(dash):]; rest != "" {
				return rest
			}
		}
	}
	return s
}
