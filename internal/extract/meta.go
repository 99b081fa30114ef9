package extract

import (
	"net/url"
	"strings"
	"time"
)

// maxTags caps Result.Tags; keyword stuffing runs to hundreds.
const maxTags = 50

// meta is the page's metadata after choosing, field by field, the most
// trusted source that states it: JSON-LD, then OpenGraph and other meta
// tags, then <time> elements, then <title>.
type meta struct {
	title, byline, site, url, lang, desc, image, section string
	tags                                                 []string
	published, modified                                  time.Time
	articleBody                                          string
}

func (m *meta) apply(r *Result) {
	r.Title = cleanUTF8(m.title)
	r.Byline = cleanUTF8(m.byline)
	r.Published = m.published
	r.Modified = m.modified
	r.Site = cleanUTF8(m.site)
	r.URL = cleanUTF8(m.url)
	r.Language = cleanUTF8(m.lang)
	r.Description = cleanUTF8(m.desc)
	r.Image = cleanUTF8(m.image)
	r.Section = cleanUTF8(m.section)
	for _, t := range m.tags {
		r.Tags = append(r.Tags, cleanUTF8(t))
	}
}

// Meta keys in the order they are trusted, per field.
var (
	titleKeys     = []string{"og:title", "twitter:title", "title", "dc.title", "headline"}
	authorKeys    = []string{"author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "cxenseparse:author", "twitter:creator"}
	publishedKeys = []string{"article:published_time", "og:published_time", "published_time", "datepublished", "article.published", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "original-publish-date"}
	modifiedKeys  = []string{"article:modified_time", "og:updated_time", "modified_time", "datemodified", "article.updated", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified"}
	siteKeys      = []string{"og:site_name", "application-name", "twitter:site", "publisher"}
	urlKeys       = []string{"og:url", "twitter:url"}
	langKeys      = []string{"og:locale", "content-language", "language", "dc.language", "inlanguage"}
	descKeys      = []string{"og:description", "description", "twitter:description", "dc.description"}
	imageKeys     = []string{"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image", "thumbnailurl"}
	sectionKeys   = []string{"article:section", "section", "parsely-section", "sailthru.section", "articlesection"}
	tagKeys       = []string{"article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"}
)

// resolveMeta chooses every metadata field.
func resolveMeta(d *document, pageURL string) *meta {
	ld := parseJSONLD(d.jsonld)
	idx := map[string][]string{}
	for _, t := range d.metas {
		if t.content != "" {
			idx[t.key] = append(idx[t.key], t.content)
		}
	}
	first := func(keys []string) string {
		for _, k := range keys {
			for _, v := range idx[k] {
				if v = collapse(v); v != "" {
					return v
				}
			}
		}
		return ""
	}
	base, _ := url.Parse(pageURL)

	m := &meta{articleBody: ld.articleBody}
	m.site = firstNonEmpty(ld.site, notHandle(first(siteKeys)), ld.websiteName)
	m.title = stripSiteName(firstNonEmpty(ld.headline, first(titleKeys), d.title), m.site, base)
	m.byline = ld.byline
	if m.byline == "" {
		m.byline = metaAuthors(idx)
	}
	m.published = firstDate(ld.published, first(publishedKeys), timeElement(d.times, "publish", "pubdate", "created"))
	m.modified = firstDate(ld.modified, first(modifiedKeys), timeElement(d.times, "modif", "update"))
	if m.published.IsZero() && len(d.times) > 0 {
		m.published = parseDate(d.times[0].datetime)
	}

	m.url = absURL(base, ld.url)
	if m.url == "" {
		m.url = absURL(base, canonicalLink(d.links))
	}
	if m.url == "" {
		m.url = absURL(base, first(urlKeys))
	}
	if m.url == "" && base != nil && base.IsAbs() {
		m.url = base.String()
	}

	m.lang = normLang(firstNonEmpty(ld.lang, d.lang, first(langKeys)))
	m.desc = firstNonEmpty(ld.desc, first(descKeys))
	m.image = absURL(base, ld.image)
	if m.image == "" {
		m.image = absURL(base, first(imageKeys))
	}
	m.section = firstNonEmpty(ld.section, first(sectionKeys))
	m.tags = ld.tags
	if len(m.tags) == 0 {
		m.tags = metaTags(idx)
	}
	if len(m.tags) > maxTags {
		m.tags = m.tags[:maxTags]
	}
	return m
}

// metaAuthors reads the author meta tags: every value of the first key
// present, URLs (profile links) left out.
func metaAuthors(idx map[string][]string) string {
	for _, k := range authorKeys {
		var names []string
		for _, v := range idx[k] {
			if isURL(v) || strings.HasPrefix(v, "@") {
				continue
			}
			names = append(names, splitNames(v)...)
		}
		if s := joinNames(names); s != "" {
			return s
		}
	}
	return ""
}

// metaTags reads tags: every article:tag, else the first keyword list.
func metaTags(idx map[string][]string) []string {
	for _, k := range tagKeys {
		var out []string
		for _, v := range idx[k] {
			out = append(out, splitList(v)...)
		}
		if out = dedupe(out); len(out) > 0 {
			return out
		}
	}
	return nil
}

// timeElement returns the datetime of the first <time> whose markup
// mentions one of the words.
func timeElement(times []timeTag, words ...string) string {
	for _, t := range times {
		for _, w := range words {
			if strings.Contains(t.hint, w) {
				return t.datetime
			}
		}
	}
	return ""
}

func firstDate(candidates ...string) time.Time {
	for _, c := range candidates {
		if t := parseDate(c); !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func canonicalLink(links []linkTag) string {
	for _, l := range links {
		for _, r := range strings.Fields(l.rel) {
			if r == "canonical" && l.href != "" {
				return l.href
			}
		}
	}
	return ""
}

// absURL resolves ref against base and keeps only http(s) results.
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil && base.IsAbs() {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

// notHandle drops a Twitter handle used as a site name.
func notHandle(s string) string {
	if strings.HasPrefix(s, "@") {
		return ""
	}
	return s
}

// normLang turns "en_US" into "en-US" and drops anything that is not a
// plausible language tag.
func normLang(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 35 {
		return ""
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return ""
		}
	}
	return s
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// splitNames splits an author string ("By A, B and C") into names.
func splitNames(s string) []string {
	s = collapse(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = s[3:]
	}
	s = strings.ReplaceAll(s, " and ", ", ")
	s = strings.ReplaceAll(s, " & ", ", ")
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func joinNames(names []string) string {
	return strings.Join(dedupe(names), ", ")
}

// splitList splits a comma- (or semicolon-) separated list.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = collapse(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// dedupe drops repeats (case-insensitively), keeping first occurrences.
func dedupe(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := ss[:0:0]
	for _, s := range ss {
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}
