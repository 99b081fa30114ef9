package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// Scoring constants. The container score is good·(1+contentBoost·hint) −
// badWeight·bad: prose inside an element counts for it, link text,
// furniture and scraps count against it, so the winner is the element that
// holds the most prose with the least around it — the tightest container
// of the article.
const (
	badWeight    = 0.5
	contentBoost = 0.15
	commaBonus   = 8  // chars of credit per comma (up to maxCommas)
	maxCommas    = 10 //
	proseMin     = 80 // a block this long (outside links) reads as prose anywhere
	paraMin      = 25 // a <p>-like block this long reads as prose
	maxLinkShare = 0.5
	// Furniture holding this share of all the page's prose is the page
	// after all: its naming misled.
	rescueWeak   = 0.5
	rescueStrong = 0.85
	siblingShare = 0.15 // a sibling with this share of the winner's prose joins it
)

// loneWeight is the credit, by how many prose blocks share its container,
// that a prose block earns. Article paragraphs stand side by side in one
// container; the blurbs of a teaser list or a related-stories box each sit
// alone in their own little card, so lone prose counts for less.
func loneWeight(siblings int) float64 {
	switch siblings {
	case 1:
		return 0.35
	case 2:
		return 0.7
	}
	return 1
}

// mainText picks the article's text: from the DOM when it yields a fair
// amount, else from the JSON-LD articleBody.
func mainText(doc *document, md *meta) (text, source string) {
	domText := domMainText(doc, md.title)
	ld := md.articleBody
	if ld != "" {
		ldText := plainBlocks(ld)
		if utf8.RuneCountInString(domText)*2 < utf8.RuneCountInString(ldText) {
			return ldText, "jsonld"
		}
	}
	if domText == "" {
		return "", ""
	}
	return domText, "dom"
}

// domMainText scores every element and returns the best one's blocks.
func domMainText(doc *document, title string) string {
	if len(doc.elems) == 0 || len(doc.blocks) == 0 {
		return ""
	}
	score(doc)
	best := bestContainer(doc)
	if best < 0 {
		// No prose anywhere: a scrap of a page. Keep whatever text is not
		// furniture or links rather than nothing.
		return emit(doc, []span{{0, doc.elems[0].end}}, title)
	}
	return emit(doc, selectRanges(doc, best), title)
}

func isParaTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Blockquote, atom.Pre, atom.Dd, atom.Td:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// proseLike reports a block that reads as running text of an article.
func (d *document) proseLike(b *block) bool {
	if float64(b.linkChars) > maxLinkShare*float64(b.chars) {
		return false
	}
	own := b.chars - b.linkChars
	if own >= proseMin {
		return true
	}
	return own >= paraMin && isParaTag(d.elems[b.owner].tag)
}

// score fills boiler, paraChars, good and bad of every element.
func score(d *document) {
	els := d.elems
	for i := range d.blocks {
		b := &d.blocks[i]
		if d.proseLike(b) {
			els[b.owner].paraChars += float64(b.chars - b.linkChars)
		}
	}
	sumUp(els, func(e *elem) *float64 { return &e.paraChars })

	markFurniture(els, true)
	weigh(d)
	if !anyProse(els) {
		// Every bit of prose sits in something named like furniture: the
		// names are unhelpful here, so judge by text alone.
		markFurniture(els, false)
		weigh(d)
	}
}

// markFurniture sets boiler on elements named like furniture (when
// useHints) and on everything inside them, sparing furniture that holds
// most of the page's prose (a wrapper called "content-with-sidebar").
func markFurniture(els []elem, useHints bool) {
	total := els[0].paraChars
	for i := range els {
		e := &els[i]
		e.boiler = false
		if useHints {
			switch e.hint.furniture {
			case 1:
				e.boiler = e.paraChars < rescueWeak*total || total == 0
			case 2:
				e.boiler = e.paraChars < rescueStrong*total || total == 0
			}
		}
		if e.parent >= 0 && els[e.parent].boiler {
			e.boiler = true
		}
		e.good, e.bad = 0, 0
	}
}

func anyProse(els []elem) bool {
	for i := range els {
		if !els[i].boiler && els[i].good > 0 {
			return true
		}
	}
	return false
}

// weigh fills good and bad from the blocks, given the boiler marks.
func weigh(d *document) {
	els := d.elems
	prose := make(map[int32]int) // container -> prose blocks in it
	for i := range d.blocks {
		b := &d.blocks[i]
		if !els[b.owner].boiler && d.proseLike(b) {
			prose[d.container(b)]++
		}
	}

	for i := range d.blocks {
		b := &d.blocks[i]
		e := &els[b.owner]
		switch {
		case e.boiler:
			e.bad += float64(b.chars)
		case d.proseLike(b):
			w := loneWeight(prose[d.container(b)])
			e.good += w * (float64(b.chars-b.linkChars) + commaBonus*float64(min(b.commas, maxCommas)))
			e.bad += float64(b.linkChars)
		case isHeading(e.tag):
			e.bad += float64(b.linkChars)
		default:
			e.bad += float64(b.chars)
		}
	}
	sumUp(els, func(e *elem) *float64 { return &e.good })
	sumUp(els, func(e *elem) *float64 { return &e.bad })
}

// container is the element a block stands in as one paragraph among
// others: the parent of its owner when the owner is a leaf (a <p>, or a
// <div> holding only text), else the owner itself (text mixed with blocks).
func (d *document) container(b *block) int32 {
	e := &d.elems[b.owner]
	if e.end == b.owner+1 && e.parent >= 0 {
		return e.parent
	}
	return b.owner
}

// sumUp adds every element's field into its parent's. Elements are in
// pre-order, so walking backwards visits children before parents.
func sumUp(els []elem, f func(*elem) *float64) {
	for i := len(els) - 1; i > 0; i-- {
		if p := els[i].parent; p >= 0 {
			*f(&els[p]) += *f(&els[i])
		}
	}
}

func (e *elem) score() float64 {
	boost := 1 + contentBoost*float64(e.hint.content)
	if e.parent < 0 {
		boost = 1 // <body class="article-page"> names the page, not a container
	}
	return e.good*boost - badWeight*e.bad
}

// bestContainer returns the index of the highest-scoring element, or -1
// when no element holds any prose.
func bestContainer(d *document) int {
	best, bestScore := -1, 0.0
	for i := range d.elems {
		e := &d.elems[i]
		if e.boiler || e.good == 0 {
			continue
		}
		if s := e.score(); best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// span is a range of element indexes whose blocks are emitted.
type span struct{ from, to int32 }

// selectRanges returns the winner's subtree plus those of its siblings that
// read as more of the same article (a lead paragraph in its own wrapper, a
// body split around an advert).
func selectRanges(d *document, best int) []span {
	e := &d.elems[best]
	spans := []span{{int32(best), e.end}}
	if e.parent < 0 {
		return spans
	}
	p := e.parent
	for i := p + 1; i < d.elems[p].end; i = d.elems[i].end {
		s := &d.elems[i]
		if int(i) == best || s.boiler || s.good == 0 {
			continue
		}
		if s.good >= siblingShare*e.good && s.score() > 0 {
			spans = append(spans, span{i, s.end})
		}
	}
	return spans
}

// emit joins the selected blocks in reading order, skipping furniture,
// link lists and the headline.
func emit(d *document, spans []span, title string) string {
	var sb strings.Builder
	prev := ""
	normTitle := squash(title)
	for i := range d.blocks {
		b := &d.blocks[i]
		if !inSpans(spans, b.owner) {
			continue
		}
		e := &d.elems[b.owner]
		if e.boiler || linkHeavy(b) {
			continue
		}
		if b.chars < 300 && isHeadline(b.text, title, normTitle) {
			continue // the headline, repeated in the body
		}
		if b.text == prev {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(b.text)
		prev = b.text
	}
	return cleanUTF8(sb.String())
}

// isHeadline reports whether text is the page title, or the title's part
// before a site-name separator ("Headline — Site" that stripSiteName could
// not confirm).
func isHeadline(text, title, normTitle string) bool {
	if normTitle == "" {
		return false
	}
	if squash(text) == normTitle {
		return true
	}
	rest, ok := strings.CutPrefix(title, text)
	if !ok {
		return false
	}
	for _, sep := range append(strongSeparators, dashSeparators...) {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}

func linkHeavy(b *block) bool {
	return float64(b.linkChars) > maxLinkShare*float64(b.chars)
}

func inSpans(spans []span, i int32) bool {
	for _, s := range spans {
		if i >= s.from && i < s.to {
			return true
		}
	}
	return false
}

// plainBlocks turns a JSON-LD articleBody into blocks: HTML is walked like a
// page, plain text is split at line breaks.
func plainBlocks(s string) string {
	if strings.Contains(s, "</p>") || strings.Contains(s, "<br") || strings.Contains(s, "</div>") {
		if doc, err := walk([]byte(s)); err == nil {
			var parts []string
			for _, b := range doc.blocks {
				parts = append(parts, b.text)
			}
			return cleanUTF8(strings.Join(parts, "\n\n"))
		}
	}
	var parts []string
	for line := range strings.Lines(s) {
		if t := collapse(line); t != "" {
			parts = append(parts, t)
		}
	}
	return cleanUTF8(strings.Join(parts, "\n\n"))
}
