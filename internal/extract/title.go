package extract

import (
	"net/url"
	"strings"
	"unicode"
)

// titleSeparators divide a headline from a site name in <title> and
// og:title. The pipe and its kin are used almost only that way; dashes also
// occur inside headlines, so a dash split needs the site name to match.
var (
	strongSeparators = []string{" | ", " :: ", " « ", " » ", " • ", " · "}
	dashSeparators   = []string{" - ", " – ", " — "}
)

// stripSiteName removes a site-name prefix or suffix from a title. A part
// is the site's name when it matches the declared site name or the page's
// host; after a strong separator a short tail is taken as a name anyway.
func stripSiteName(title, site string, base *url.URL) string {
	title = collapse(title)
	host := ""
	if base != nil {
		host = strings.TrimPrefix(strings.ToLower(base.Hostname()), "www.")
	}
	isName := func(part string) bool {
		p := squash(part)
		if p == "" {
			return false
		}
		if s := squash(site); s != "" && (p == s || len(s) >= 4 && strings.Contains(p, s) && len(p) <= len(s)+12) {
			return true
		}
		if host != "" {
			label := squash(strings.SplitN(host, ".", 2)[0])
			if p == squash(host) || p == label || len(label) >= 4 && strings.HasPrefix(p, label) && len(p) <= len(label)+6 {
				return true
			}
		}
		return false
	}
	for range 2 { // "Headline - Section | Site" loses both tails
		changed := false
		for _, sep := range append(strongSeparators, dashSeparators...) {
			i := strings.LastIndex(title, sep)
			if i <= 0 {
				continue
			}
			head, tail := title[:i], title[i+len(sep):]
			strong := !strings.Contains(sep, "-") && !strings.ContainsAny(sep, "–—")
			if isName(tail) || strong && words(tail) <= 3 && words(head) >= 2*words(tail)+1 {
				title, changed = strings.TrimSpace(head), true
				break
			}
			j := strings.Index(title, sep)
			if head, tail := title[:j], title[j+len(sep):]; isName(head) && words(tail) >= 2 {
				title, changed = strings.TrimSpace(tail), true
				break
			}
		}
		if !changed {
			break
		}
	}
	return title
}

// squash lower-cases s and keeps only letters and digits.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

func words(s string) int { return len(strings.Fields(s)) }
