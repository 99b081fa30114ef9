package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// document is a page flattened for scoring: its block-level elements in
// pre-order (so an element's subtree is the index range [i, end)), the text
// blocks in reading order, and the raw metadata sources.
type document struct {
	elems  []elem
	blocks []block

	metas  []metaTag
	links  []linkTag
	jsonld []string
	times  []timeTag
	title  string // the first <title>
	lang   string // <html lang>
}

// elem is one block-level element of <body> (index 0 is <body> itself).
type elem struct {
	node   *html.Node
	parent int32 // index in document.elems; -1 for the root
	end    int32 // one past the last descendant's index
	tag    atom.Atom
	hint   hint

	boiler bool // page furniture, itself or by an ancestor
	// Sums over the subtree, filled by content.go.
	paraChars float64 // text in paragraph-like blocks, furniture or not
	good      float64 // text that reads like article prose
	bad       float64 // link text, furniture and scraps
}

// block is one run of text between block boundaries, owned by the innermost
// block-level element around it.
type block struct {
	owner     int32
	text      string
	chars     int // runes
	linkChars int // runes inside <a href>
	commas    int
}

type metaTag struct {
	key     string // lower-cased property, name, itemprop or http-equiv
	content string
}

type linkTag struct {
	rel, href string
}

type timeTag struct {
	datetime string
	hint     string // lower-cased itemprop, class and pubdate marker
}

// walker holds the state of the single pass over the parse tree.
type walker struct {
	doc *document

	open      []int32      // indexes of the open block-level elements
	frames    []*html.Node // nodes whose leaving needs work
	linkDepth int

	buf       []byte // the current inline run, whitespace collapsed
	runes     int
	linkRunes int
	commas    int
	space     bool // buf ends with a space (or is empty)
}

// walk parses src and flattens it. The traversal follows the tree's own
// pointers instead of recursing, so it is safe on any nesting depth.
func walk(src []byte) (*document, error) {
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		// The parser refuses pages nested deeper than its stack limit;
		// nothing readable lives that deep, so flatten and try again.
		root, err = html.Parse(bytes.NewReader(flatten(src, maxNesting)))
		if err != nil {
			return nil, err
		}
	}
	if root == nil {
		return nil, errNotHTML
	}
	w := &walker{doc: &document{}, space: true}
	n := root
	for n != nil {
		if w.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			w.leave(n)
			if n == root {
				n = nil
				break
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
	w.flush()
	return w.doc, nil
}

// maxNesting is the depth beyond which flatten drops tags; the parser's own
// limit is 512 open elements.
const maxNesting = 256

// flatten copies src, dropping start tags that would open an element deeper
// than limit, and as many end tags after them. Text is kept.
func flatten(src []byte, limit int) []byte {
	z := html.NewTokenizer(bytes.NewReader(src))
	out := make([]byte, 0, len(src))
	depth, dropped := 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidTags[atom.Lookup(name)] {
				break
			}
			if depth >= limit {
				dropped++
				continue
			}
			depth++
		case html.EndTagToken:
			if dropped > 0 {
				dropped--
				continue
			}
			depth = max(depth-1, 0)
		}
		out = append(out, z.Raw()...)
	}
}

// voidTags never have an end tag.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true,
}

// enter handles the start of n and reports whether to descend into it.
func (w *walker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		if len(w.open) > 0 {
			w.text(n.Data)
		}
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}

	switch n.DataAtom {
	case atom.Html:
		if w.doc.lang == "" {
			w.doc.lang = strings.TrimSpace(attr(n, "lang"))
		}
		return true
	case atom.Title:
		if w.doc.title == "" && len(w.open) == 0 {
			w.doc.title = collapse(childText(n))
		}
		return false
	case atom.Meta:
		w.meta(n)
		return false
	case atom.Link:
		if rel := strings.ToLower(attr(n, "rel")); rel != "" {
			w.doc.links = append(w.doc.links, linkTag{rel: rel, href: strings.TrimSpace(attr(n, "href"))})
		}
		return false
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
			w.doc.jsonld = append(w.doc.jsonld, childText(n))
		}
		return false
	case atom.Time:
		if dt := attr(n, "datetime"); dt != "" {
			h := strings.ToLower(attr(n, "itemprop") + " " + attr(n, "class"))
			if hasAttr(n, "pubdate") {
				h += " pubdate"
			}
			w.doc.times = append(w.doc.times, timeTag{datetime: dt, hint: h})
		}
	case atom.Br:
		w.flush()
		return false
	}
	if skipTags[n.DataAtom] || isHidden(n) {
		return false
	}
	if n.DataAtom == atom.A && len(w.open) > 0 {
		w.linkDepth++
		w.frames = append(w.frames, n)
		return true
	}
	if isBlock(n) && (len(w.open) > 0 || n.DataAtom == atom.Body) {
		w.flush()
		parent := int32(-1)
		if len(w.open) > 0 {
			parent = w.open[len(w.open)-1]
		}
		w.doc.elems = append(w.doc.elems, elem{node: n, parent: parent, tag: n.DataAtom, hint: hintOf(n)})
		w.open = append(w.open, int32(len(w.doc.elems)-1))
		w.frames = append(w.frames, n)
	}
	return true
}

// leave handles the end of n, whether or not it was descended into.
func (w *walker) leave(n *html.Node) {
	if len(w.frames) == 0 || w.frames[len(w.frames)-1] != n {
		return
	}
	w.frames = w.frames[:len(w.frames)-1]
	if n.DataAtom == atom.A && (len(w.open) == 0 || w.doc.elems[w.open[len(w.open)-1]].node != n) {
		w.linkDepth--
		return
	}
	w.flush()
	i := w.open[len(w.open)-1]
	w.open = w.open[:len(w.open)-1]
	w.doc.elems[i].end = int32(len(w.doc.elems))
}

// text appends s to the current run, collapsing white space (no-break
// spaces included) and dropping zero-width characters.
func (w *walker) text(s string) {
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r):
			if w.space {
				continue
			}
			w.buf = append(w.buf, ' ')
			w.space = true
		default:
			if r == utf8.RuneError {
				r = '\uFFFD'
			}
			w.buf = utf8.AppendRune(w.buf, r)
			w.space = false
			if r == ',' || r == '،' || r == '、' || r == '，' {
				w.commas++
			}
		}
		w.runes++
		if w.linkDepth > 0 {
			w.linkRunes++
		}
	}
}

// flush closes the current run as a block of the innermost open element.
func (w *walker) flush() {
	if w.space && len(w.buf) > 0 {
		w.buf = w.buf[:len(w.buf)-1]
		w.runes--
		if w.linkRunes > w.runes {
			w.linkRunes = w.runes
		}
	}
	if len(w.buf) > 0 && len(w.open) > 0 {
		w.doc.blocks = append(w.doc.blocks, block{
			owner:     w.open[len(w.open)-1],
			text:      string(w.buf),
			chars:     w.runes,
			linkChars: w.linkRunes,
			commas:    w.commas,
		})
	}
	w.buf = w.buf[:0]
	w.runes, w.linkRunes, w.commas = 0, 0, 0
	w.space = true
}

func (w *walker) meta(n *html.Node) {
	content, ok := attrOK(n, "content")
	if !ok {
		if cs := attr(n, "charset"); cs != "" {
			w.doc.metas = append(w.doc.metas, metaTag{key: "charset", content: cs})
		}
		return
	}
	content = strings.TrimSpace(content)
	for _, k := range [...]string{"property", "name", "itemprop", "http-equiv"} {
		if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
			w.doc.metas = append(w.doc.metas, metaTag{key: key, content: content})
		}
	}
}

// skipTags are never text: scripts, styles, embedded objects and controls.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Button: true,
	atom.Select: true, atom.Option: true, atom.Input: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true,
	atom.Video: true, atom.Map: true, atom.Dialog: true,
}

// blockTags start a new text block. Tags the parser does not know (custom
// elements such as <article-body>) are treated as blocks too: they are
// nearly always containers.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Ul: true, atom.Summary: true, atom.Caption: true,
	atom.Legend: true, atom.Frameset: true, atom.Frame: true,
}

func isBlock(n *html.Node) bool {
	return n.DataAtom == 0 || blockTags[n.DataAtom]
}

// isHidden reports markup that the reader never sees.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if hiddenStyle(a.Val) {
				return true
			}
		}
	}
	return false
}

func hiddenStyle(style string) bool {
	if !strings.Contains(style, "none") && !strings.Contains(style, "hidden") {
		return false
	}
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attrOK(n, key)
	return ok
}

// childText joins n's direct text children (the content of <title> and
// <script>, which the parser keeps as raw text).
func childText(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}

// collapse trims s and folds every run of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
