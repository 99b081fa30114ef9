package extract

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are tried in order. Go accepts fractional seconds after the
// seconds field even where a layout does not show them.
var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05 Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon Jan 2 15:04:05 2006",
	time.RFC850,
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"20060102",
}

// parseDate reads a timestamp in RFC 3339 or one of its common variants
// (no colon in the zone, no seconds, date only, a space for the T, RFC 1123,
// Unix seconds). Times without a zone are taken as UTC. It returns the zero
// time when nothing fits or the year is implausible.
func parseDate(s string) time.Time {
	s = collapse(s)
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return plausible(t)
		}
	}
	// A bare number is Unix time, in seconds or milliseconds.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 {
		if len(s) >= 13 {
			n /= 1000
		}
		return plausible(time.Unix(n, 0).UTC())
	}
	// "2019-11-18T10:00:00.000+0000" style zones are handled above; a
	// trailing "UTC"/"GMT" word is not.
	for _, suf := range [...]string{" UTC", " GMT", "UTC", "GMT"} {
		if strings.HasSuffix(s, suf) {
			return parseDate(strings.TrimSuffix(s, suf) + "Z")
		}
	}
	return time.Time{}
}

func plausible(t time.Time) time.Time {
	if t.Year() < 1900 || t.Year() > 2200 {
		return time.Time{}
	}
	return t
}
