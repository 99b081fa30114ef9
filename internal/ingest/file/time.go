package file

import (
	"fmt"
	"strings"
	"time"
)

// timeLayouts are the forms ParseTime accepts, most specific first. Forms
// without a zone are read as UTC.
var timeLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.UnixDate,
	time.ANSIC,
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"Monday, 2 January 2006 3:04 PM MST",
	"Monday, 2 January 2006 3:04 PM",
	"Monday, 2 January 2006 15:04",
	"2 January 2006 3:04 PM MST",
	"2 January 2006 3:04 PM",
	"Monday, 2 January 2006",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Monday, January 2, 2006 3:04 PM",
	"Monday, January 2, 2006",
	"Jan 2, 2006 3:04 PM MST",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006",
	"Mon, Jan 2, 2006",
	"January 2 2006",
	"Jan 2 2006",
}

// ParseTime reads a publication time in one of the common forms: RFC 3339,
// RFC 1123(Z), RFC 822(Z), "2006-01-02", "2006-01-02 15:04",
// "2006-01-02T15:04", "January 2, 2006", "Jan 2, 2006 3:04 PM" and the
// like. Runs of white space count as one space, a period after an
// abbreviated month ("Jan.") and "at" before the time ("January 2, 2006
// at 3:04 PM") are ignored, and "am"/"pm" may be lower case. Times
// without a zone are UTC.
func ParseTime(s string) (time.Time, error) {
	norm := normaliseTime(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, norm); err == nil {
			return fixZone(t), nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", s)
}

// zoneOffsets are the standard offsets of zone abbreviations common in news
// (source: the IANA time zone database's abbreviations). time.Parse knows
// an abbreviation's offset only when it is the local zone's; otherwise it
// reads the time as UTC, which would shift "9:04 PM EST" by five hours.
var zoneOffsets = map[string]int{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3, "BST": 1, "IST": 1,
	"WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9,
	"HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "ACST": 9, "AWST": 8, "NZST": 12, "NZDT": 13,
}

// fixZone gives a time parsed with an abbreviation the offset it stands for.
func fixZone(t time.Time) time.Time {
	name, off := t.Zone()
	h, ok := zoneOffsets[name]
	if !ok || off != 0 {
		return t
	}
	// Same wall clock, in the abbreviation's offset.
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(),
		time.FixedZone(name, h*3600))
}

func normaliseTime(s string) string {
	words := strings.Fields(s)
	out := make([]string, 0, len(words)+1)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case lw == "at" && i > 0:
			continue
		case lw == "am" || lw == "pm" || lw == "a.m." || lw == "p.m.":
			w = strings.ToUpper(strings.ReplaceAll(lw, ".", ""))
		case strings.HasSuffix(lw, "am") || strings.HasSuffix(lw, "pm"):
			// "3:04pm" -> "3:04 PM"
			if n := len(w) - 2; n > 0 && w[n-1] >= '0' && w[n-1] <= '9' {
				out = append(out, w[:n])
				w = strings.ToUpper(w[n:])
			}
		case lw == "sept" || lw == "sept.":
			w = "Sep"
		case len(w) == 4 && w[3] == '.' && isMonthAbbrev(w[:3]):
			w = w[:3] // "Jan." -> "Jan"; time.Parse ignores the case of month names
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isMonthAbbrev(s string) bool {
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.EqualFold(s, m) {
			return true
		}
	}
	return false
}
