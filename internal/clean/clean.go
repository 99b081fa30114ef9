// Package clean owns page-furniture removal from scraped plain text: it
// finds an article's title and keeps what the journalist wrote, dropping
// the site's own lines around and inside it (navigation, lists of other
// headlines, teasers, subscription and app prompts, cookie notices, "Also
// Read" links, image captions and credits, bylines and datelines, the
// title repeated).
//
// It works line by line with two kinds of evidence:
//
//   - General cues. Each line gets shape features (word count,
//     capitalisation, final punctuation, an ellipsis) and is matched against
//     generic furniture vocabulary (cues.go). Position then decides the
//     doubtful lines: substantial prose lines (see line.isGood) mark the
//     body; the head before it keeps only a title and a standfirst, the tail
//     after it keeps only prose that runs straight on from the body, and
//     inside the body only runs of headline-shaped lines are dropped, so
//     subheadings, list items and quotes stay.
//   - Per-source learning. Lines that recur across a source's earlier
//     articles are furniture (learn.go), with stronger evidence asked of
//     prose than of labels.
//
// Clean is pure and safe on any input: invalid UTF-8 is replaced, every
// output line is a whole (trimmed) line of the input.
package clean

import (
	"strings"
)

// Profile is what the cleaner knows about a source from its earlier
// articles. A nil Profile means nothing has been learnt.
type Profile struct {
	Articles int            // how many earlier articles the counts cover
	Counts   map[uint64]int // LineKey → number of those articles with the line
}

// Options tune one Clean call. The zero value cleans with general cues only.
type Options struct {
	Title   string   // known title from metadata; "" when there is none
	Profile *Profile // the source's earlier articles; nil when unknown
}

// Removal is one input line the cleaner dropped and why.
type Removal struct {
	Line string
	// Reason is one of: title (the title line itself, moved to
	// Result.Title), title-repeat, headline-list, teaser, prompt, link,
	// caption, byline, dateline, nav, decoration, recurring, head (before the
	// title or the body), tail (after the body).
	Reason string
}

// Result is a cleaned article.
type Result struct {
	Title   string    // Options.Title, or the detected or derived title
	Text    string    // kept lines, one paragraph each, joined by "\n\n"
	Removed []Removal // in input order
}

// Clean removes page furniture from a scraped plain-text article.
func Clean(text string, opt Options) Result {
	ls := splitLines(text)
	for _, l := range ls {
		l.reason = cue(l)
	}
	update := learn(ls, opt.Profile)
	markGood(ls)
	first, last := bodyBounds(ls)
	anchor := findTitle(ls, first, opt.Title, opt.Profile, update)
	cleanHead(ls, anchor, first)
	if first >= 0 {
		cleanBody(ls, first, last)
		cleanTail(ls, last)
	} else {
		for _, l := range ls {
			if l.reason == "" {
				l.reason = "head"
			}
		}
	}

	var res Result
	title := trimLine(strings.ToValidUTF8(opt.Title, "\uFFFD"))
	if title == "" && anchor >= 0 {
		title = siteSuffix(ls[anchor].text)
	}
	if title != "" {
		dropRepeats(ls, anchor, title)
	}
	var kept []string
	for _, l := range ls {
		if l.reason == "" {
			kept = append(kept, l.text)
		} else {
			res.Removed = append(res.Removed, Removal{Line: l.text, Reason: l.reason})
		}
	}
	if title == "" {
		title = deriveTitle(ls)
	}
	res.Title = title
	res.Text = strings.Join(kept, "\n\n")
	return res
}

// splitLines returns the non-empty lines, trimmed. Any line break
// convention is accepted, and invalid UTF-8 is replaced so that nothing
// downstream sees it.
func splitLines(text string) []*line {
	text = strings.ToValidUTF8(text, "\uFFFD")
	var ls []*line
	for s := range strings.Lines(text) {
		for part := range strings.SplitSeq(s, "\r") {
			if t := trimLine(part); t != "" {
				ls = append(ls, newLine(t))
			}
		}
	}
	return ls
}

// markGood finds the body anchors. A prose-shaped line of under 20 words
// wedged between two furniture lines is not trusted as one: paywall and
// app blurbs are written as sentences too.
func markGood(ls []*line) {
	for _, l := range ls {
		l.good = l.isGood()
	}
	for i := 1; i+1 < len(ls); i++ {
		if ls[i].good && ls[i].words < 20 && ls[i-1].reason != "" && ls[i+1].reason != "" {
			ls[i].good = false
		}
	}
}

// bodyBounds returns the first and last body anchors: good lines, or when
// there are none, any sentence. -1, -1 when the document has no prose.
func bodyBounds(ls []*line) (first, last int) {
	first, last = -1, -1
	for i, l := range ls {
		if l.good {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		return first, last
	}
	for i, l := range ls {
		if l.reason == "" && l.sentence() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// cleanHead decides the lines before the body. With a title line, all
// that comes before it is the site's (logos, sections, prompts), and after
// it only a standfirst is kept: prose, not another headline-shaped line
// (bylines, dates, section names). Without one, only prose running
// straight into the body is kept.
func cleanHead(ls []*line, anchor, first int) {
	end := first
	if end < 0 {
		end = len(ls)
	}
	if anchor >= 0 {
		for i := 0; i < end; i++ {
			l := ls[i]
			switch {
			case i == anchor:
				l.reason = "title"
			case l.reason != "":
			case i < anchor || !standfirst(l):
				l.reason = "head"
			}
		}
		return
	}
	run := true // still running back from the body without a break
	for i := end - 1; i >= 0; i-- {
		l := ls[i]
		if l.reason != "" || !standfirst(l) {
			run = false
		}
		if l.reason == "" && !run {
			l.reason = "head"
		}
	}
}

// standfirst: a head line that reads as prose rather than as a label:
// a sentence, or a long line of mostly lower-case words (a dek without its
// final stop), not a date or a name.
func standfirst(l *line) bool {
	return l.sentence() || l.colonEnd || (l.words >= 8 && 2*l.lowerWords >= l.words && !l.ellipsis)
}

// cleanBody drops, between the first and the last body anchor, the lines
// with a cue, runs of headline-shaped lines (a list of other stories
// dropped into the page), and what follows a "Related"-style label. A
// headline-shaped line on its own is a subheading and stays; so does a run
// that a line ending with a colon introduces (a list).
func cleanBody(ls []*line, first, last int) {
	for i := first; i <= last; {
		if ls[i].reason != "" || !ls[i].headlineShaped() || ls[i].good {
			if ls[i].reason == "link" && isListLabel(ls[i]) {
				for j := i + 1; j <= last && ls[j].reason == "" && ls[j].headlineShaped(); j++ {
					ls[j].reason = "headline-list"
				}
			}
			i++
			continue
		}
		j, titled := i, 0
		for j <= last && ls[j].reason == "" && ls[j].headlineShaped() && !ls[j].good {
			if ls[j].titleCase {
				titled++
			}
			j++
		}
		n := j - i
		listed := i > 0 && ls[i-1].colonEnd
		if !listed && (n >= 5 || (n >= 3 && titled*3 >= n*2)) {
			for k := i; k < j; k++ {
				ls[k].reason = "headline-list"
			}
		}
		for k := i; k < j; k++ {
			if ls[k].reason == "" && labelLink(ls[k]) {
				ls[k].reason = "link"
			}
		}
		i = j
	}
}

// cleanTail decides the lines after the last body anchor: prose that runs
// straight on from it is the article's end (a short last paragraph, a
// list introduced by a colon), even past a caption or a link; from the
// first line that is neither, the rest is the page's.
func cleanTail(ls []*line, last int) {
	inList := false
	i := last + 1
	for ; i < len(ls); i++ {
		l := ls[i]
		if inline(l) {
			continue // a caption or a link between the last paragraphs
		}
		if l.reason != "" || l.seen >= 2 {
			break
		}
		if l.colonEnd {
			inList = true
			continue
		}
		if l.sentence() || (inList && l.words <= 30 && !l.titleCase) {
			continue
		}
		break
	}
	headlines := 0
	for _, l := range ls[i:] {
		if l.reason == "" && l.headlineShaped() {
			headlines++
		}
	}
	for _, l := range ls[i:] {
		switch {
		case l.reason != "":
		case headlines >= 2 && l.headlineShaped():
			l.reason = "headline-list"
		case l.seen >= 1:
			l.reason = "recurring"
		default:
			l.reason = "tail"
		}
	}
}

// inline: furniture that sits between paragraphs rather than after the
// article (a caption, a single "Read more:" link), so prose may follow it.
func inline(l *line) bool {
	return l.reason == "caption" || l.reason == "link" && !isListLabel(l)
}

// labelLink: "Label: Title-Case Headline" with a short capitalised label,
// the shape of a link to another story ("Also Read", "Watch", "Opinion").
func labelLink(l *line) bool {
	i := strings.Index(l.text, ": ")
	if i <= 0 || l.sentEnd {
		return false
	}
	label, rest := l.text[:i], newLine(l.text[i+2:])
	lw := strings.Fields(label)
	if len(lw) > 3 || rest.words < 4 || !rest.titleCase || rest.sentEnd {
		return false
	}
	for _, w := range lw {
		if r := []rune(w)[0]; !(r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// dropRepeats removes the title's repeats: the same line again, or the
// title with a " | Site" style suffix added or taken away.
func dropRepeats(ls []*line, anchor int, title string) {
	t := normal(title)
	for i, l := range ls {
		if i == anchor || l.good || (l.reason != "" && l.reason != "head" && l.reason != "tail") {
			continue
		}
		if sameTitle(l.norm, t) {
			l.reason = "title-repeat"
		}
	}
}

func sameTitle(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 12 || !strings.HasPrefix(b, a) {
		return false
	}
	rest := strings.TrimLeft(b[len(a):], " ")
	return rest != "" && strings.ContainsRune("|-–—:·•", []rune(rest)[0])
}

// siteSuffix removes a trailing " | Site Name" from a detected title.
func siteSuffix(t string) string {
	i := strings.LastIndex(t, " | ")
	if i < 0 {
		return t
	}
	if head, site := t[:i], t[i+3:]; len(strings.Fields(site)) <= 5 && len(strings.Fields(head)) >= 3 {
		return strings.TrimSpace(head)
	}
	return t
}
