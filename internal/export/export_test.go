package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func TestJSONWriterShape(t *testing.T) {
	tests := []struct {
		name    string
		stories []*news.Story
		want    string
	}{
		{"empty export", nil, `{"version":1,"stories":[]}`},
		{"story without analysis has empty arrays, not null",
			[]*news.Story{{ID: "s1", Title: "T <b>", FirstSeen: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("X", 3600)),
				Articles: []news.Article{{ID: "a1", Text: "x", Language: "en"}}}},
			`{"version":1,"stories":[{"id":"s1","title":"T <b>","first_seen":"2026-01-02T02:04:05Z","last_seen":"",` +
				`"articles":[{"id":"a1","origin":"","source":"","url":"","title":"","byline":"","published":"","language":"en","text":"x","duplicate_of":""}],` +
				`"entities":[],"quotes":[],"disagreements":[]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewJSONWriter(&buf)
			for _, s := range tt.stories {
				if err := w.Story(s); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			var got, want any
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, buf.String())
			}
			json.Unmarshal([]byte(tt.want), &want)
			g, _ := json.Marshal(got)
			wb, _ := json.Marshal(want)
			if string(g) != string(wb) {
				t.Errorf("got  %s\nwant %s", g, wb)
			}
		})
	}
}

func TestWriteJSONLCarriesStory(t *testing.T) {
	var buf bytes.Buffer
	s := &news.Story{ID: "s9", Articles: []news.Article{{ID: "a"}, {ID: "b", DuplicateOf: "a"}}}
	if err := WriteJSONL(&buf, s); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		var a Article
		if err := json.Unmarshal([]byte(l), &a); err != nil || a.Story != "s9" {
			t.Errorf("line %s: %v story %q", l, err, a.Story)
		}
	}
}
