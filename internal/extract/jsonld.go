package extract

import (
	"encoding/json"
	"html"
	"strings"
)

// ldMaxDepth bounds how deep into a JSON-LD value we look for objects.
const ldMaxDepth = 16

// articleTypes are the schema.org types whose object describes the article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "askpublicnewsarticle": true, "blogposting": true,
	"liveblogposting": true, "socialmediaposting": true, "report": true,
	"techarticle": true, "scholarlyarticle": true, "satiricalarticle": true,
	"advertisercontentarticle": true, "medicalscholarlyarticle": true, "review": true,
}

// ldData is what the page's JSON-LD says, already reduced to strings.
type ldData struct {
	headline, byline, published, modified string
	site, url, lang, desc, image, section string
	tags                                  []string
	articleBody                           string
	websiteName                           string // name of a WebSite object, a weaker site name
}

// parseJSONLD reads every JSON-LD script and keeps the first article-typed
// object (one with a body or a headline preferred) plus any WebSite name.
// Broken scripts are skipped: one bad block must not cost the others.
func parseJSONLD(scripts []string) ldData {
	var objs []map[string]any
	var d ldData
	for _, s := range scripts {
		v, ok := decodeLD(s)
		if !ok {
			continue
		}
		collectLD(v, 0, func(m map[string]any) {
			if hasType(m, articleTypes) {
				objs = append(objs, m)
			} else if d.websiteName == "" && hasType(m, map[string]bool{"website": true}) {
				d.websiteName = ldString(m["name"])
			}
		})
	}
	if len(objs) == 0 {
		return d
	}
	art := objs[0]
	for _, o := range objs {
		if ldString(o["articleBody"]) != "" {
			art = o
			break
		}
	}
	d.headline = firstNonEmpty(ldString(art["headline"]), ldString(art["name"]))
	d.byline = joinNames(ldNames(art["author"], 0))
	if d.byline == "" {
		d.byline = joinNames(ldNames(art["creator"], 0))
	}
	d.published = firstNonEmpty(ldString(art["datePublished"]), ldString(art["dateCreated"]))
	d.modified = ldString(art["dateModified"])
	d.site = ldString(art["publisher"])
	d.url = firstNonEmpty(ldString(art["url"]), ldString(art["mainEntityOfPage"]))
	d.lang = ldString(art["inLanguage"])
	d.desc = ldString(art["description"])
	d.image = ldString(art["image"])
	d.section = ldString(art["articleSection"])
	d.tags = ldList(art["keywords"])
	if body, ok := art["articleBody"].(string); ok {
		d.articleBody = html.UnescapeString(body)
	}
	return d
}

// decodeLD parses one script. Raw control characters inside strings (a
// common publishing bug) are invalid JSON; outside strings they are only
// white space, so blanking them all is safe.
func decodeLD(s string) (any, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<!--")
	s = strings.TrimSuffix(s, "-->")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err == nil {
		return v, true
	}
	clean := strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	if err := json.Unmarshal([]byte(clean), &v); err == nil {
		return v, true
	}
	return nil, false
}

// collectLD calls f on every object in v: top level, arrays and @graph.
func collectLD(v any, depth int, f func(map[string]any)) {
	if depth > ldMaxDepth {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			collectLD(x, depth+1, f)
		}
	case map[string]any:
		f(t)
		if g, ok := t["@graph"]; ok {
			collectLD(g, depth+1, f)
		}
	}
}

func hasType(m map[string]any, types map[string]bool) bool {
	switch t := m["@type"].(type) {
	case string:
		return types[typeName(t)]
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && types[typeName(s)] {
				return true
			}
		}
	}
	return false
}

// typeName lower-cases a type and drops a vocabulary prefix
// ("schema:NewsArticle", "http://schema.org/NewsArticle").
func typeName(s string) string {
	if i := strings.LastIndexAny(s, "/:"); i >= 0 {
		s = s[i+1:]
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// ldString reduces a value to one string: a string itself, an object's
// name, url or @id, or an array's first usable element.
func ldString(v any) string {
	return ldStringDepth(v, 0)
}

func ldStringDepth(v any, depth int) string {
	if depth > 4 {
		return ""
	}
	switch t := v.(type) {
	case string:
		return collapse(html.UnescapeString(t))
	case []any:
		for _, x := range t {
			if s := ldStringDepth(x, depth+1); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range [...]string{"name", "url", "@id", "contentUrl", "@value"} {
			if s := ldStringDepth(t[k], depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldNames lists the person names in an author value.
func ldNames(v any, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch t := v.(type) {
	case string:
		return splitNames(html.UnescapeString(t))
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, ldNames(x, depth+1)...)
		}
		return out
	case map[string]any:
		if s := ldString(t["name"]); s != "" {
			return []string{s}
		}
	}
	return nil
}

// ldList reads a keywords value: an array, or one comma-separated string.
func ldList(v any) []string {
	switch t := v.(type) {
	case string:
		return splitList(html.UnescapeString(t))
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, splitList(html.UnescapeString(s))...)
			}
		}
		return dedupe(out)
	}
	return nil
}
