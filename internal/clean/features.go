package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one non-empty input line with the shape features the classifier
// reads. Everything here depends on the line alone; position and context
// come later.
type line struct {
	text string // trimmed, as in the input
	norm string // normal(text): lower case, quotes unified, spaces collapsed
	key  uint64

	words      int  // whitespace-separated tokens
	letters    bool // has at least one letter
	sentEnd    bool // ends like a sentence: . ! ? (closing quotes allowed)
	colonEnd   bool // ends with a colon: introduces a list or a quote
	ellipsis   bool // cut off with … or ... (a teaser)
	titleCase  bool // nearly every content word capitalised
	lowerWords int  // words starting with a lower-case letter
	question   bool // ends with ? or !
	lowerStart bool // first letter is lower case (a continuation)

	seen int // earlier articles of the source with this line (Profile)

	// Decisions.
	reason string // why it goes; "" while kept
	good   bool   // substantial prose: anchors the body
}

// closers may follow the final punctuation of a sentence.
const closers = "\"'”’»)]*_"

func newLine(text string) *line {
	l := &line{text: text, norm: normal(text)}
	l.key = hashNormal(l.norm)
	l.ellipsis = strings.HasSuffix(text, "…") || strings.HasSuffix(text, "...") ||
		strings.HasSuffix(text, "[…]") || strings.HasSuffix(text, "[...]")
	core := strings.TrimRight(text, closers+" ")
	if r, _ := utf8.DecodeLastRuneInString(core); r != utf8.RuneError {
		switch r {
		case '.', '!', '?', '。', '！', '？':
			l.sentEnd = true
			l.question = r != '.' && r != '。'
		case '…':
			// An ellipsis inside closing quotes is speech trailing off.
			l.sentEnd = core != text
		case ':':
			l.colonEnd = true
		}
	}
	if l.ellipsis {
		l.sentEnd = false
	}
	l.shape()
	return l
}

// smallWords are left lower case in title-case headlines.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "to": true, "in": true, "on": true, "at": true, "by": true, "for": true,
	"with": true, "from": true, "as": true, "into": true, "over": true, "per": true,
	"via": true, "vs": true, "vs.": true, "up": true, "off": true, "out": true, "is": true,
	"are": true, "be": true, "its": true, "it's": true, "than": true, "after": true,
	"amid": true, "about": true, "if": true, "so": true, "de": true, "la": true, "von": true,
}

// shape counts words and measures capitalisation.
func (l *line) shape() {
	content, caps := 0, 0
	first := true
	for w := range strings.FieldsSeq(l.text) {
		l.words++
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		l.letters = true
		if first {
			l.lowerStart = unicode.IsLower(r)
			first = false
		}
		if unicode.IsLower(r) {
			l.lowerWords++
		}
		if len(w) <= 5 && smallWords[strings.ToLower(w)] {
			continue
		}
		content++
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			caps++
		}
	}
	if !l.letters {
		l.letters = strings.IndexFunc(l.text, unicode.IsLetter) >= 0
	}
	l.titleCase = content >= 2 && caps*5 >= content*4
}

// headlineShaped: a short line without sentence punctuation (or a title-case
// question), the shape of headlines, labels, names and sections.
func (l *line) headlineShaped() bool {
	if l.ellipsis || l.colonEnd || l.words > 24 || len(l.text) > 200 {
		return false
	}
	if l.sentEnd {
		return l.question && l.titleCase && l.words <= 20
	}
	return true
}

// sentence: reads as prose of at least three words.
func (l *line) sentence() bool {
	return l.sentEnd && l.words >= 3 && !(l.question && l.titleCase)
}

// isGood: substantial prose, the kind of line only an article body has.
// Long lines without final punctuation count too (scrapers drop it).
func (l *line) isGood() bool {
	if l.reason != "" {
		return false
	}
	return (l.sentence() && l.words >= 10) || (l.words >= 30 && !l.ellipsis)
}
