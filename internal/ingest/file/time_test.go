package file

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	plus2 := time.FixedZone("", 2*3600)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-03-14T09:30:00Z", utc(2025, 3, 14, 9, 30, 0)},
		{"2025-03-14T11:30:00+02:00", time.Date(2025, 3, 14, 11, 30, 0, 0, plus2)},
		{"2025-03-14T09:30:00.123Z", time.Date(2025, 3, 14, 9, 30, 0, 123e6, time.UTC)},
		{"2025-03-14T11:30:00+0200", time.Date(2025, 3, 14, 11, 30, 0, 0, plus2)},
		{"2025-03-14T09:30:00", utc(2025, 3, 14, 9, 30, 0)},
		{"2025-03-14T09:30", utc(2025, 3, 14, 9, 30, 0)},
		{"2025-03-14 09:30", utc(2025, 3, 14, 9, 30, 0)},
		{"2025-03-14 09:30:15", utc(2025, 3, 14, 9, 30, 15)},
		{"2025-03-14", utc(2025, 3, 14, 0, 0, 0)},
		{"2025/03/14", utc(2025, 3, 14, 0, 0, 0)},
		{"  2025-03-14  ", utc(2025, 3, 14, 0, 0, 0)},
		{"Fri, 14 Mar 2025 09:30:00 +0000", utc(2025, 3, 14, 9, 30, 0)},
		{"Fri, 14 Mar 2025 11:30:00 +0200", time.Date(2025, 3, 14, 11, 30, 0, 0, plus2)},
		{"Mon, 3 Mar 2025 09:30:00 +0000", utc(2025, 3, 3, 9, 30, 0)},
		{"Fri, 14 Mar 2025 09:30:00 GMT", utc(2025, 3, 14, 9, 30, 0)},
		{"14 Mar 25 09:30 +0000", utc(2025, 3, 14, 9, 30, 0)},
		{"14 March 2025", utc(2025, 3, 14, 0, 0, 0)},
		{"March 14, 2025", utc(2025, 3, 14, 0, 0, 0)},
		{"Friday, March 14, 2025", utc(2025, 3, 14, 0, 0, 0)},
		{"Mar 14, 2025", utc(2025, 3, 14, 0, 0, 0)},
		{"Mar. 14, 2025", utc(2025, 3, 14, 0, 0, 0)},
		{"Sept. 4, 2025", utc(2025, 9, 4, 0, 0, 0)},
		{"march 14, 2025", utc(2025, 3, 14, 0, 0, 0)},
		{"Mar 14, 2025 3:04 PM", utc(2025, 3, 14, 15, 4, 0)},
		{"Mar 14, 2025 3:04 pm", utc(2025, 3, 14, 15, 4, 0)},
		{"Mar 14, 2025 3:04pm", utc(2025, 3, 14, 15, 4, 0)},
		{"March 14, 2025 at 9:05 a.m.", utc(2025, 3, 14, 9, 5, 0)},
		{"March 14, 2025 15:04", utc(2025, 3, 14, 15, 4, 0)},
		{"Fri, 14 Mar 2025 09:30:00 EST", utc(2025, 3, 14, 14, 30, 0)},
		{"Fri, 14 Mar 2025 09:30:00 CEST", utc(2025, 3, 14, 7, 30, 0)},
		{"Tuesday, 2 December 2025 9:04 PM EST", utc(2025, 12, 3, 2, 4, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTime(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseTime(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTimeRejects(t *testing.T) {
	for _, in := range []string{"", "soon", "yesterday", "2025-13-01", "2025-02-30", "14/03/2025", "at", "12345"} {
		t.Run(in, func(t *testing.T) {
			if got, err := ParseTime(in); err == nil {
				t.Errorf("ParseTime(%q) = %v, want an error", in, got)
			}
		})
	}
}
