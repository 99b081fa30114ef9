package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hint is what an element's tag and naming say about it before any text is
// looked at.
type hint struct {
	furniture int8 // 0 none, 1 probably furniture, 2 surely furniture
	content   int8 // 0..3: how strongly it is named like an article body
}

// Tags that are furniture by themselves: surely, or probably (an <aside> may
// hold a pull quote, a <form> may wrap a whole ASP.NET page).
var (
	strongFurnitureTags = map[atom.Atom]bool{atom.Nav: true, atom.Footer: true, atom.Menu: true}
	weakFurnitureTags   = map[atom.Atom]bool{
		atom.Aside: true, atom.Header: true, atom.Figure: true, atom.Figcaption: true,
		atom.Form: true, atom.Address: true, atom.Caption: true, atom.Fieldset: true,
		atom.Legend: true, atom.Details: true, atom.Summary: true,
	}
)

// furnitureRoles are ARIA landmarks and widgets that are never the article.
var furnitureRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
	"toolbar": true, "tablist": true, "alert": true, "form": true,
}

// Class and id words, matched against whole tokens (words) or token starts
// (prefixes). Strong ones name things that never hold the article; weak ones
// name things that usually don't, or layout that sometimes wraps it.
var (
	strongWords = map[string]bool{
		"ad": true, "ads": true, "adv": true, "nav": true, "foot": true, "dfp": true,
		"outbrain": true, "taboola": true, "disqus": true, "gpt": true,
	}
	strongPrefixes = []string{
		"comment", "share", "sharing", "social", "related", "newsletter", "cookie",
		"consent", "subscri", "advert", "sponsor", "footer", "breadcrumb", "navbar",
		"navigation", "menu", "popup", "modal", "recommend", "signup", "login",
		"copyright", "sitemap", "facebook", "twitter", "whatsapp", "pinterest",
		"linkedin", "hamburger", "dropdown", "submenu", "subnav",
	}
	weakWords = map[string]bool{
		"aside": true, "tag": true, "meta": true, "header": true, "rail": true,
		"most": true, "skip": true, "hide": true, "jump": true, "bio": true, "next": true,
		"prev": true, "more": true, "extra": true, "teaser": true, "teasers": true,
	}
	weakPrefixes = []string{
		"promo", "sidebar", "widget", "caption", "figcaption", "masthead", "trending",
		"popular", "pagination", "pager", "toolbar", "banner", "tooltip", "byline",
		"dateline", "timestamp", "author", "credit", "disclaimer", "rating", "tags",
		"follow", "donate", "overlay", "print", "email", "mostread", "readmore",
		"readnext", "upnext", "newsfeed", "ticker", "alert", "gallery", "slideshow",
		"carousel", "video", "playlist", "podcast", "search", "topbar", "logo", "brand",
		"poll", "quiz",
	}
)

// taxonomyPrefixes start class names that CMSs (WordPress above all) derive
// from the post's own data — "tag-minnesota", "author-jane-doe",
// "category-news" — and say nothing about the element's role.
var taxonomyPrefixes = []string{"tag-", "tags-", "category-", "author-", "format-", "status-", "type-", "post-", "postid-", "topic-", "section-"}

// contentWords mark a likely article container.
var contentWords = map[string]bool{
	"article": true, "content": true, "entry": true, "post": true, "story": true,
	"text": true, "body": true, "blog": true, "prose": true,
	"richtext": true, "single": true, "detail": true, "news": true,
}

// hintOf reads an element's tag, role, itemprop, class and id.
func hintOf(n *html.Node) hint {
	var h hint
	switch {
	case strongFurnitureTags[n.DataAtom]:
		h.furniture = 2
	case weakFurnitureTags[n.DataAtom]:
		h.furniture = 1
	case n.DataAtom == atom.Article:
		h.content++
	}
	var strong, weak, content int
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			for _, name := range strings.Fields(a.Val) {
				s, w, c := nameSignals(name)
				strong, weak, content = strong+s, weak+w, content+c
			}
		case "role":
			r := strings.ToLower(strings.TrimSpace(a.Val))
			if furnitureRoles[r] {
				h.furniture = 2
			} else if r == "article" {
				h.content++
			}
		case "itemprop":
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "articlebody", "text", "reviewbody":
				h.content += 2
			case "comment", "video", "associatedmedia":
				h.furniture = max(h.furniture, 1)
			}
		}
	}
	switch {
	case n.DataAtom == atom.Blockquote:
		// An embedded post ("twitter-tweet") is quoted matter of the
		// article, whatever its class says.
	case strong > 0 && content == 0:
		h.furniture = 2
	case strong+weak > content:
		h.furniture = max(h.furniture, 1)
	}
	h.content = min(h.content+int8(min(content, 2)), 3)
	return h
}

// nameSignals counts the strong-furniture, weak-furniture and content words
// in one class name or id; a name such as "article-body" or "storyBody"
// counts as two content words.
func nameSignals(name string) (strong, weak, content int) {
	lower := strings.ToLower(name)
	for _, p := range taxonomyPrefixes {
		if strings.HasPrefix(lower, p) {
			return 0, 0, 0
		}
	}
	for _, tok := range nameTokens(name) {
		switch {
		case strongWords[tok] || hasPrefix(tok, strongPrefixes) && !strings.HasPrefix(tok, "commentary"):
			strong++
		case weakWords[tok] || hasPrefix(tok, weakPrefixes):
			weak++
		case contentWords[tok]:
			content++
		}
	}
	if strongContentName(name) {
		content += 2
	}
	return strong, weak, content
}

func hasPrefix(tok string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(tok, p) {
			return true
		}
	}
	return false
}

// strongContentName spots the usual names of an article body wrapper, in
// any of the spellings (article-body, articleBody, article_body...).
func strongContentName(s string) bool {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == '_' || c == ' ':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	s = string(b)
	for _, name := range [...]string{"articlebody", "storybody", "postbody", "entrybody",
		"articlecontent", "storycontent", "postcontent", "entrycontent",
		"articletext", "storytext", "posttext", "entrytext", "bodytext", "articlecopy"} {
		if strings.Contains(s, name) {
			return true
		}
	}
	return false
}

// nameTokens splits a class or id value into lower-case words at
// punctuation, digits and camelCase humps: "mainNav_2 share-bar" gives
// main, nav, share, bar.
func nameTokens(s string) []string {
	var toks []string
	start := -1
	prevLower := false
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		isUpper := c >= 'A' && c <= 'Z'
		isLower := c >= 'a' && c <= 'z'
		if isUpper && prevLower && start >= 0 {
			toks = append(toks, strings.ToLower(s[start:i]))
			start = i
		}
		if isUpper || isLower {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, strings.ToLower(s[start:i]))
			start = -1
		}
		prevLower = isLower
	}
	return toks
}
