package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The vocabulary below is generic web-page furniture: the words sites use
// for their own prompts, labels and credits, whatever the article is about.
// All entries are in normal() form (lower case, ASCII quotes).

// strongPrompts mark a short line (see promptMaxWords) as a prompt wherever
// they occur in it, even when it reads as a sentence: nobody writes them in
// an article about something else.
var strongPrompts = []string{
	"subscribe now", "subscribe today", "subscribe here", "subscribers only",
	"already a subscriber", "already subscribed", "become a subscriber", "sign up now",
	"sign up here", "sign up for free", "sign up to read", "sign up for our", "sign up to our",
	"sign up to get", "sign up to receive", "sign in", "log in", "log into", "register now",
	"register for free", "create an account", "create a free account", "create your free account",
	"already have an account", "download the app", "download our app", "get the app",
	"install the app", "open in app", "open the app", "continue reading",
	"to read this article", "to continue reading", "unlock this article", "unlock unlimited",
	"support our journalism", "support independent journalism", "support quality journalism",
	"skip to content", "skip to main", "skip navigation", "back to top", "follow us on",
	"share this article", "share this story", "listen to this article", "listen to article",
	"all rights reserved", "click here", "tap here", "enable javascript", "javascript is disabled",
	"turn on notifications", "enable notifications", "story continues below",
	"article continues below", "scroll to continue", "read the full story", "read the full article",
	"our newsletter", "our newsletters", "newsletter sign", "the newsletter", "©",
	"sent to your inbox", "delivered to your inbox", "straight to your inbox",
	"this article originally appeared", "this story originally appeared",
	"this article was originally published", "this story was originally published",
	"this article first appeared", "this story first appeared", "send us a tip",
	"got a news tip", "have a news tip", "sign up here",
}

// weakPrompts mark a short line as a prompt only when it does not read as
// a sentence: "Most Read" is a widget, "the most read paper" is prose.
var weakPrompts = []string{
	"subscribe", "subscription", "subscribers", "sign up", "become a member",
	"newsletter", "newsletters", "login", "register",
	"app store", "google play", "free trial", "month free", "keep reading",
	"read the rest", "unlimited access", "make a donation", "donate", "advertisement",
	"advertising", "sponsored", "sponsored content", "paid content", "partner content",
	"ad feedback", "follow us", "share this", "share on", "share via", "share article",
	"copy link", "link copied", "print this", "email this", "audio version", "min read",
	"minute read", "privacy policy", "terms of use", "terms of service", "terms and conditions",
	"cookie policy", "cookie settings", "manage cookies", "accept cookies", "accept all",
	"your browser", "ad blocker", "adblock", "push notifications", "get our", "join our",
	"view comments", "show comments", "leave a comment", "post a comment", "comments are closed",
	"report an error", "report a correction", "contact us", "about us", "see all", "view all",
	"load more", "show more", "watch now", "watch live", "listen now", "play video",
	"video player", "top stories", "editor's picks", "editors' picks", "most read",
	"most popular", "most viewed", "trending now", "you may also like", "you might also like",
	"recommended for you", "more stories", "related stories", "related articles",
	"related coverage", "related content", "more from", "more news", "latest news",
	"latest stories", "breaking news alerts", "copyright", "premium", "membership",
}

// openingPrompts make a line of any length (up to 60 words) a prompt when
// it starts with them: appeals and sign-up boxes are written as paragraphs.
var openingPrompts = []string{
	"sign up for", "sign up to", "sign up now", "subscribe to our", "subscribe for", "subscribe now",
	"subscribe today", "your support", "support us", "support our", "support independent",
	"become a supporter", "become a member", "become a subscriber", "download our", "download the",
	"get the app", "join our", "already a subscriber", "already a member", "to continue reading",
	"you have reached your", "you've reached your", "this article is for subscribers",
	"this content is for subscribers", "(c)", "©",
}

// anywherePrompts make a line of up to 80 words a prompt wherever they
// occur: no journalist writes them.
var anywherePrompts = []string{
	"all rights reserved", "opens new tab", "opens in new tab", "opens in a new tab",
	"opens in new window", "opens in a new window", "become a supporter", "©",
	"may not be published, broadcast, rewritten or redistributed",
}

// promptMaxWords bounds the lines prompts apply to: furniture is short,
// and a long paragraph that mentions a newsletter is journalism.
const promptMaxWords = 16

// labels are whole lines of navigation and widget furniture (compared after
// stripping punctuation at both ends).
var labels = map[string]bool{
	"advertisement": true, "advert": true, "ad": true, "ads": true, "sponsored": true,
	"share": true, "share this": true, "print": true, "email": true, "e-mail": true,
	"comments": true, "comment": true, "menu": true, "search": true, "home": true,
	"close": true, "skip": true, "next": true, "previous": true, "prev": true, "back": true,
	"more": true, "loading": true, "subscribe": true, "register": true, "login": true,
	"logout": true, "log out": true, "follow": true, "watch": true, "listen": true,
	"video": true, "videos": true, "photos": true, "gallery": true, "play": true,
	"pause": true, "live": true, "related": true, "trending": true, "recommended": true,
	"popular": true, "latest": true, "top": true, "facebook": true, "twitter": true,
	"x": true, "linkedin": true, "whatsapp": true, "reddit": true, "telegram": true,
	"instagram": true, "youtube": true, "tiktok": true, "pinterest": true, "flipboard": true,
	"threads": true, "bluesky": true, "rss": true, "tweet": true, "save": true,
	"saved": true, "bookmark": true, "expand": true, "collapse": true, "toggle": true,
	"open": true, "read more": true, "see more": true, "view more": true, "show less": true,
	"continue": true, "back to top": true, "go to comments": true, "jump to comments": true,
	"newsletter": true, "podcast": true, "podcasts": true, "opinion": true, "sections": true,
	"topics": true, "tags": true, "filed under": true, "sign in": true, "sign up": true,
	"log in": true, "account": true, "my account": true, "profile": true, "settings": true,
	"notifications": true, "contact": true, "about": true, "privacy": true, "terms": true,
	"cookies": true, "accept": true, "reject": true, "manage": true, "ok": true, "got it": true,
	"agree": true, "i agree": true, "dismiss": true, "yes": true, "no": true, "image": true,
	"photo": true, "credit": true, "source": true, "caption": true, "updated": true,
	"published": true, "breaking": true, "breaking news": true, "exclusive": true,
	"link copied": true, "supported by": true, "share full article": true, "full article": true,
	"print article": true, "email article": true, "save article": true, "gift article": true,
	"share article": true, "comment on this article": true, "share or comment on this article": true,
	"a a a": true, "text size": true, "font size": true, "listen to article": true,
}

// listLabels head a list of other stories; the headline-shaped lines and
// teasers that follow one go with it. The first list must be the whole
// line (a subheading may start with "Latest"); the second may start it.
var (
	listLabels = map[string]bool{
		"related": true, "trending": true, "recommended": true, "latest": true, "popular": true,
		"elsewhere": true, "suggested": true, "more": true, "most read": true, "top stories": true,
		"latest news": true, "latest stories": true, "trending now": true, "in other news": true,
		"topics": true, "tags": true, "suggested topics": true, "related topics": true,
	}
	listPrefixes = []string{
		"more stories", "more from", "more news", "more headlines", "more like this", "more on this",
		"most popular", "most viewed", "most read", "top stories", "related stories", "related articles",
		"related coverage", "related content", "related news", "you may also like", "you might also like",
		"you may like", "our picks", "editor's picks", "editors' picks", "also read", "read more",
		"read next", "read also", "further reading", "what to read next", "don't miss", "must read",
		"see also", "around the web", "from our partners", "promoted stories", "in case you missed it",
		"up next", "watch next", "more to explore", "explore more", "recommended for you",
	}
)

// linkLabels start a line that points at another story: "Also Read: …".
var linkLabels = []string{
	"also read", "read also", "read more", "read next", "read", "related", "see also",
	"also see", "more", "more on this", "more on this story", "must read", "don't miss",
	"recommended", "trending", "click here", "learn more", "find out more", "suggested",
	"further reading", "you may also like", "you may like", "top story", "editor's pick",
	"editors' pick", "watch", "listen", "also watch", "watch more", "latest", "more news",
	"related article", "related story", "related stories", "related news", "in case you missed it",
}

// creditWords inside a trailing parenthesis make a line a caption.
var creditWords = []string{
	"credit", "credits", "photo", "photos", "photograph", "image", "images", "picture",
	"pic", "getty", "shutterstock", "alamy", "reuters", "afp", "ap", "epa", "file",
	"courtesy", "illustration", "pool", "handout", "istock", "unsplash",
}

// creditLabels anywhere in a line make it a caption or credit.
var creditLabels = []string{
	"photo:", "photos:", "photograph:", "image:", "images:", "picture:", "pictures:",
	"credit:", "credits:", "photo credit", "image credit", "image source", "illustration:", "photographer:",
	"pictured:", "caption:", "ap photo/", "ap photo /", "afp photo", "reuters/", "epa-efe",
	"getty images", "[photo", "[image", "(photo", "(image", "shutterstock", "image caption",
	"photo illustration", "purchase licensing rights",
}

// leadingCredits are credits only at the start of a line or of a segment
// ("… harbour. Photo by Sam Reyes"): "a photo by a resident showed …" is
// prose.
var leadingCredits = []string{
	"photo by", "photograph by", "photographs by", "photos by", "illustration by", "image by",
	"picture by", "pictures by", "file photo", "video by", "graphic by",
}

// agencyCredits end a caption after a separator: "… in Kyiv. Getty Images".
var agencyCredits = []string{
	"getty images", "getty", "ap", "ap photo", "ap images", "afp", "reuters", "epa",
	"shutterstock", "alamy", "pool", "handout", "file", "ap/pool", "afp/getty images",
}

// cue returns the reason a line is furniture judged on its own, or "".
func cue(l *line) string {
	switch {
	case !l.letters && !hasDigit(l.text):
		return "decoration"
	case l.ellipsis:
		return "teaser"
	case isCaption(l):
		return "caption"
	case isCookieNotice(l):
		return "prompt"
	case isLinkLine(l):
		return "link"
	case isListLabel(l):
		return "link"
	case isPrompt(l):
		return "prompt"
	case isByline(l):
		return "byline"
	case isDateline(l):
		return "dateline"
	case isNavRow(l):
		return "nav"
	}
	return ""
}

// bare strips punctuation and symbols from both ends.
func bare(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isPrompt(l *line) bool {
	if l.words <= 4 && labels[lettersOnly(l.norm)] {
		return true
	}
	if l.words <= 12 && labelRow(l.norm) {
		return true
	}
	if l.words <= 80 && anywherePromptSet.in(l.norm) {
		return true
	}
	if l.words <= 60 {
		s := strings.TrimLeft(l.norm, "#*-•·|>»[( ")
		if rest, ok := strings.CutPrefix(s, "copyright "); ok && rest != "" &&
			(rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "©") || strings.HasPrefix(rest, "(c)")) {
			return true // "Copyright 2031 …", not "Copyright lawyers said …"
		}
		for _, p := range openingPrompts {
			if hasPrefixWord(s, p) {
				return true
			}
		}
	}
	if l.words > promptMaxWords {
		return false
	}
	return strongPromptSet.in(l.norm) || (!l.sentEnd && weakPromptSet.in(l.norm))
}

// isCookieNotice catches consent banners, which may be long.
func isCookieNotice(l *line) bool {
	if l.words > 80 || !strings.Contains(l.norm, "cookie") {
		return false
	}
	for _, p := range []string{"use cookies", "uses cookies", "using cookies", "use of cookies",
		"accept cookies", "accept all", "cookie policy", "cookie settings", "cookie preferences",
		"cookies to", "consent to", "cookies and similar"} {
		if containsPhrase(l.norm, p) {
			return true
		}
	}
	return false
}

// isListLabel: a short heading such as "Related Stories" or "More from …".
func isListLabel(l *line) bool {
	if l.sentEnd || l.words > 8 {
		return false
	}
	s := strings.TrimLeft(l.norm, "#*-•·|>» ")
	if listLabels[bare(s)] {
		return true
	}
	for _, p := range listPrefixes {
		if hasPrefixWord(s, p) {
			return true
		}
	}
	return false
}

// isLinkLine: "Also Read: Other Headline", "READ MORE Other headline",
// "Related | Other headline", or a bare address.
func isLinkLine(l *line) bool {
	s := strings.TrimLeft(l.norm, "#*-•·|>»[( ")
	for _, p := range linkLabels {
		if !hasPrefixWord(s, p) {
			continue
		}
		rest := strings.TrimLeft(s[len(p):], " ")
		if rest == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(":|»›>-–—)]", r) {
			return true
		}
		// An upper-case label without a separator: "READ MORE Trump says…".
		raw := strings.TrimLeft(l.text, "#*-•·|>»[( ")
		if len(raw) > len(p) && isUpperASCII(raw[:len(p)]) && len(p) > 4 {
			return true
		}
	}
	if l.words <= 12 && (strings.Contains(l.norm, "http://") || strings.Contains(l.norm, "https://") ||
		strings.HasPrefix(l.norm, "www.")) {
		return true
	}
	return false
}

// captionMaxWords bounds the lines searched for credit labels: captions
// are a sentence or two, and a long paragraph quoting "Photo:" is rare.
const captionMaxWords = 45

func isCaption(l *line) bool {
	s := l.norm
	if l.words > 80 {
		return false
	}
	// A trailing parenthesis naming a credit: "… (Credit: AFP)".
	if t := strings.TrimRight(s, " ."); strings.HasSuffix(t, ")") {
		if i := strings.LastIndexByte(t, '('); i >= 0 {
			inside := t[i+1 : len(t)-1]
			for _, w := range creditWords {
				if containsPhrase(inside, w) {
					return true
				}
			}
		}
	}
	if l.words <= captionMaxWords && creditLabelSet.in(s) {
		return true
	}
	for _, p := range leadingCredits {
		for i := 0; i+len(p) <= len(s); {
			j := strings.Index(s[i:], p)
			if j < 0 {
				break
			}
			j += i
			before := strings.TrimRight(s[:j], " ")
			if (before == "" || strings.ContainsAny(before[len(before)-1:], ".|(/—–-:")) && boundaryAfter(s, j+len(p), p) {
				return true
			}
			i = j + 1
		}
	}
	if l.words <= captionMaxWords && agencySlashName(l.text) {
		return true
	}
	// "FILE - President …" opens agency captions.
	if strings.HasPrefix(l.text, "FILE -") || strings.HasPrefix(l.text, "FILE –") ||
		strings.HasPrefix(l.text, "FILE —") || strings.HasPrefix(l.text, "FILE PHOTO") {
		return true
	}
	// An agency after a separator at the very end: "… Kyiv. Getty Images",
	// "Name/AFP". "told Reuters." has no separator and stays prose.
	t := strings.TrimRight(s, " .")
	for _, a := range agencyCredits {
		if !strings.HasSuffix(t, a) {
			continue
		}
		before := strings.TrimRight(t[:len(t)-len(a)], " ")
		if before == t[:len(t)-len(a)] && before != "" && !strings.HasSuffix(before, "/") {
			continue // glued to a word: "soap", not "… / AP"
		}
		if before == "" || strings.HasSuffix(before, "via") {
			return before != "" || l.words <= 3
		}
		last, _ := utf8.DecodeLastRuneInString(before)
		if strings.ContainsRune("/|©.:;-–—(", last) {
			return true
		}
	}
	// Gallery counters: "Image 3 of 12", "Photo 1/5".
	if l.words <= 5 && hasDigit(s) {
		for _, p := range []string{"image ", "photo ", "picture ", "slide "} {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
	}
	return false
}

// isByline: "By Jane Doe", "Reporting by …; Editing by …", "… contributed
// to this report" — a credit line rather than a sentence of the story.
func isByline(l *line) bool {
	s := strings.TrimLeft(l.norm, "(-–—* ")
	if l.words <= 40 {
		for _, p := range []string{"reporting by", "additional reporting by", "writing by", "editing by",
			"compiled by", "reported by"} {
			if hasPrefixWord(s, p) && strings.ContainsAny(s, ";") || hasPrefixWord(s, p) && !l.sentEnd {
				return true
			}
		}
		if l.words <= 30 && (strings.Contains(s, "contributed to this report") || strings.Contains(s, "contributed reporting")) {
			return true
		}
	}
	if l.words > 10 || (l.sentEnd && l.words > 4) {
		return false
	}
	for _, p := range []string{"by", "written by", "words by", "story by", "posted by", "report by",
		"edited by", "text by", "interview by"} {
		if !hasPrefixWord(s, p) {
			continue
		}
		fields := strings.Fields(strings.TrimLeft(l.text, "(-–—* "))
		n := len(strings.Fields(p))
		if len(fields) <= n {
			return false
		}
		name := fields[n]
		r, _ := utf8.DecodeRuneInString(name)
		return unicode.IsUpper(r) && !dateWords[strings.ToLower(bare(name))]
	}
	return false
}

// dateWords may make up a date, time or reading-time line.
var dateWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true,
	"wednesday": true, "thu": true, "thurs": true, "thursday": true, "fri": true, "friday": true,
	"sat": true, "saturday": true, "sun": true, "sunday": true, "am": true, "pm": true,
	"a.m": true, "p.m": true, "gmt": true, "utc": true, "et": true, "est": true, "edt": true,
	"pt": true, "pst": true, "pdt": true, "ct": true, "cst": true, "cdt": true, "bst": true,
	"cet": true, "cest": true, "ist": true, "aest": true, "gst": true, "msk": true, "jst": true,
	"hkt": true, "sgt": true, "eet": true, "eest": true, "wet": true, "west": true, "aedt": true,
	"nzst": true, "nzdt": true, "mst": true, "mdt": true, "hst": true, "akst": true, "ast": true,
	"adt": true, "wat": true, "eat": true, "cat": true, "sast": true, "pkt": true, "ict": true, "updated": true, "published": true,
	"posted": true, "last": true, "on": true, "at": true, "ago": true, "hour": true,
	"hours": true, "hr": true, "hrs": true, "minute": true, "minutes": true, "min": true,
	"mins": true, "day": true, "days": true, "read": true, "today": true, "yesterday": true,
	"first": true, "modified": true, "date": true, "time": true, "st": true, "nd": true,
	"rd": true, "th": true, "of": true, "a": true, "p": true, "m": true, "h": true,
	"sec": true, "secs": true, "and": true,
}

// isDateline: a line of nothing but a date, a time or a reading time.
// Letters and digits are split apart first, so that scrapes that glue
// fields together ("2031 9:15 AMUpdated 2 hours ago") still read as dates.
func isDateline(l *line) bool {
	if l.words > 16 || l.sentEnd && l.words > 8 || !hasDigit(l.norm) {
		return false
	}
	named := false
	for i := 0; i < len(l.norm); {
		r, n := utf8.DecodeRuneInString(l.norm[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		digit := unicode.IsDigit(r)
		j := i
		for j < len(l.norm) {
			r, n := utf8.DecodeRuneInString(l.norm[j:])
			if !isWordRune(r) || unicode.IsDigit(r) != digit {
				break
			}
			j += n
		}
		w := l.norm[i:j]
		i = j
		if digit {
			continue
		}
		if !dateWords[w] {
			return false
		}
		named = named || len(w) > 2 && w != "last" && w != "first"
	}
	return named || strings.ContainsAny(l.norm, ":/")
}

// containsPhrase reports whether p occurs in s on word boundaries.
func containsPhrase(s, p string) bool {
	for i := 0; i <= len(s)-len(p); {
		j := strings.Index(s[i:], p)
		if j < 0 {
			return false
		}
		j += i
		if boundaryBefore(s, j, p) && boundaryAfter(s, j+len(p), p) {
			return true
		}
		i = j + 1
	}
	return false
}

// hasPrefixWord reports whether s starts with p ending on a word boundary.
func hasPrefixWord(s, p string) bool {
	return strings.HasPrefix(s, p) && boundaryAfter(s, len(p), p)
}

func boundaryBefore(s string, i int, p string) bool {
	if i == 0 {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(p); !isWordRune(r) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func boundaryAfter(s string, i int, p string) bool {
	if i >= len(s) {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(p); !isWordRune(r) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// agencySlashName finds a photo credit of the form "AGENCY/Name Name"
// (upper-case letters, a slash, capitalised words up to the end of the
// line): "REUTERS/Jane Doe", "COURIER/Ann Reyes/File". "the US/Canada
// border." does not end in capitalised words, so it is prose.
func agencySlashName(s string) bool {
	s = strings.TrimRight(s, " .)]")
	for i := strings.IndexByte(s, '/'); i > 0; {
		j := i
		for j > 0 && 'A' <= s[j-1] && s[j-1] <= 'Z' {
			j--
		}
		if i-j >= 2 && (j == 0 || !isWordRune(rune(s[j-1]))) && capitalisedTail(s[i+1:]) {
			return true
		}
		k := strings.IndexByte(s[i+1:], '/')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return false
}

// capitalisedTail: one to six words, each capitalised, slashes allowed.
func capitalisedTail(s string) bool {
	if len(s) > 120 {
		return false
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '/' })
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// lettersOnly keeps the letters of s, words separated by one space:
// "Comments (23)" → "comments".
func lettersOnly(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '\'' || r == '-' && b.Len() > 0:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return strings.Trim(b.String(), "-'")
}

// labelRow: a row of labels between separators, "Share · Save",
// "Facebook | X | Email", "Log in | Register".
func labelRow(s string) bool {
	if !strings.ContainsAny(s, "|·•") {
		return false
	}
	n := 0
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '|' || r == '·' || r == '•' }) {
		p := lettersOnly(part)
		if p == "" {
			continue
		}
		if !labels[p] {
			return false
		}
		n++
	}
	return n >= 2
}

// isNavRow: three or more short items in a row, set apart by wide spaces
// or separators: "News  World  Business", "Home > World > Europe".
func isNavRow(l *line) bool {
	if l.sentEnd || l.words > 24 {
		return false
	}
	s := l.text
	// A breadcrumb needs only two items: "World › Americas".
	need := 3
	if strings.Contains(s, " › ") || strings.Contains(s, " > ") || strings.Contains(s, " » ") {
		need = 2
	}
	for _, sep := range []string{" | ", " › ", " > ", " » ", " · ", " • ", " / ", " ⁄ "} {
		s = strings.ReplaceAll(s, sep, "  ")
	}
	n := 0
	for part := range strings.SplitSeq(s, "  ") {
		switch w := len(strings.Fields(part)); {
		case w == 0:
		case w > 3:
			return false
		default:
			n++
		}
	}
	return n >= need
}
