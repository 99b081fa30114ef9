// Package extract owns turning one HTML news page into what the journalist
// wrote — its main text, as paragraph blocks — plus the page's metadata
// (title, byline, dates, canonical URL, language, site, image, section, tags).
//
// It is a pure stage: bytes in, a Result out, no I/O. The work is done in
// three steps, each in its own file so each can grow on its own:
//
//   - decode.go turns the bytes into valid UTF-8 (declared charset, else
//     Windows-1252);
//   - walk.go parses the page once and flattens it into a pre-order list of
//     elements and a document-order list of text blocks, collecting meta
//     tags, JSON-LD and <time> elements on the way (no recursion anywhere, so
//     deep nesting cannot overflow the stack);
//   - content.go scores every element as a possible article container by the
//     text density of the blocks inside it and emits the winner's blocks;
//     meta.go and jsonld.go pick each metadata field by trust order.
package extract

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is zero.
const DefaultMaxBytes = 10 << 20

// Options tunes Extract. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest page accepted; 0 (or less) means
	// DefaultMaxBytes. A larger page is refused with an error wrapping
	// news.ErrTooLarge.
	MaxBytes int64
}

// Result is what Extract found on a page. Fields the page did not state are
// empty or zero.
type Result struct {
	Title       string // without a site-name suffix such as " | Site"
	Byline      string // authors, comma-separated
	Published   time.Time
	Modified    time.Time
	Site        string // the outlet's name
	URL         string // canonical URL, absolute; the page URL when none is declared
	Language    string // BCP 47-ish tag as declared ("en", "en-US")
	Description string
	Image       string // absolute URL of the lead image
	Section     string
	Tags        []string
	// Text is the main text: paragraphs, headings, list items and block
	// quotes, each its own block, separated by "\n\n" (see package news).
	Text string
	// TextSource says where Text came from: "dom" when taken from the page's
	// markup, "jsonld" when taken from the JSON-LD articleBody.
	TextSource string
}

// Extract reads one HTML page and returns its main text and metadata.
// pageURL is where the page was fetched from (it may be empty); it resolves
// relative URLs and names the page in errors.
//
// Errors wrap news.ErrTooLarge when the page exceeds the size limit, and
// news.ErrNoContent when no main text at all was found; in that last case the
// returned Result is still non-nil and carries whatever metadata was found.
func Extract(page []byte, pageURL string, opt Options) (*Result, error) {
	name := pageURL
	if name == "" {
		name = "page"
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(page)) > limit {
		return nil, fmt.Errorf("extract %s: %d bytes, limit %d: %w", name, len(page), limit, news.ErrTooLarge)
	}

	src := decode(page)
	doc, err := walk(src)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}

	res := &Result{}
	md := resolveMeta(doc, pageURL)
	md.apply(res)

	text, source := mainText(doc, md)
	res.Text = text
	res.TextSource = source
	if res.Text == "" {
		return res, fmt.Errorf("extract %s: %w", name, news.ErrNoContent)
	}
	return res, nil
}

// errNotHTML is returned by walk when the parser produced no document at all.
var errNotHTML = errors.New("not parseable as HTML")

// cleanUTF8 makes s valid UTF-8, dropping invalid bytes; used on every
// string that leaves the package so callers never see broken text.
func cleanUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "")
}
