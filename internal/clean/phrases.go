package clean

import (
	"strings"
	"unicode/utf8"
)

// phraseSet finds any of a list of phrases in a normalised line on word
// boundaries, in one pass over the line's words instead of one search per
// phrase.
type phraseSet struct {
	byFirst map[string][]string // first word → phrases starting with it
	odd     []string            // phrases that start with a symbol: searched plainly
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{byFirst: map[string][]string{}}
	for _, p := range phrases {
		w := nextWord(p, 0)
		if w == "" || !strings.HasPrefix(p, w) {
			ps.odd = append(ps.odd, p)
			continue
		}
		ps.byFirst[w] = append(ps.byFirst[w], p)
	}
	return ps
}

// in reports whether s contains one of the phrases.
func (ps *phraseSet) in(s string) bool {
	for _, p := range ps.odd {
		if strings.Contains(s, p) {
			return true
		}
	}
	for i := 0; i < len(s); {
		w := nextWord(s, i)
		if w == "" {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		for _, p := range ps.byFirst[w] {
			if strings.HasPrefix(s[i:], p) && boundaryAfter(s, i+len(p), p) {
				return true
			}
		}
		i += len(w)
	}
	return false
}

// nextWord returns the word (letters, digits, inner apostrophes) starting
// at s[i], or "" when s[i] does not start one.
func nextWord(s string, i int) string {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) && !(r == '\'' && j > i) {
			break
		}
		j += n
	}
	return strings.TrimRight(s[i:j], "'")
}

var (
	strongPromptSet   = newPhraseSet(strongPrompts)
	weakPromptSet     = newPhraseSet(weakPrompts)
	creditLabelSet    = newPhraseSet(creditLabels)
	anywherePromptSet = newPhraseSet(anywherePrompts)
)
