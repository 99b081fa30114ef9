package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExtractNamesAndWords(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		wantName  []string // expected name terms (lower-case, runs joined by space)
		wantWord  []string // expected word terms (stemmed)
		wantNoKey []string // terms that must be absent, as "space:term"
	}{
		{
			name:     "names inside sentences, runs joined",
			text:     "The envoy met Marco Rubio in Geneva on Tuesday.",
			wantName: []string{"marco", "rubio", "marco rubio", "geneva"},
			wantWord: []string{"envoy", "met"},
		},
		{
			name:      "sentence-initial capital is not a name",
			text:      "Talks resumed. Negotiators left.",
			wantWord:  []string{"talk", "resumed", "negotiator", "left"},
			wantNoKey: []string{"n:talks", "n:negotiators"},
		},
		{
			name:      "possessive joins the name",
			text:      "He spoke of Ukraine's army and Kyiv’s plan.",
			wantName:  []string{"ukraine", "kyiv"},
			wantNoKey: []string{"w:s", "n:ukraine's"},
		},
		{
			name:      "stop words and weekdays are dropped",
			text:      "They said on Monday that the talks would resume.",
			wantNoKey: []string{"w:said", "n:monday", "w:monday", "w:the"},
			wantWord:  []string{"talk", "resume"},
		},
		{
			name:     "numbers of two digits or more are terms",
			text:     "A 28-point plan and 111 drones, not 5.",
			wantWord: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Extract("", tt.text)
			has := func(space, term string) bool {
				k := hashTerm(space, term)
				i, ok := slices.BinarySearchFunc(f.Terms, k, func(t Term, k uint64) int {
					switch {
					case t.Key < k:
						return -1
					case t.Key > k:
						return 1
					}
					return 0
				})
				return ok && (space != "n:" || f.Terms[i].Name)
			}
			for _, n := range tt.wantName {
				if !has("n:", n) {
					t.Errorf("name %q missing", n)
				}
			}
			for _, w := range tt.wantWord {
				if !has("w:", w) {
					t.Errorf("word %q missing", w)
				}
			}
			for _, k := range tt.wantNoKey {
				space, term, _ := strings.Cut(k, ":")
				if has(space+":", term) {
					t.Errorf("unexpected term %q", k)
				}
			}
		})
	}
	f := Extract("", "A 28-point plan and 111 drones, not 5.")
	for _, d := range []string{"28", "111"} {
		if !slices.ContainsFunc(f.Terms, func(t Term) bool { return t.Key == hashTerm("d:", d) }) {
			t.Errorf("number %s missing", d)
		}
	}
	if slices.ContainsFunc(f.Terms, func(t Term) bool { return t.Key == hashTerm("d:", "5") }) {
		t.Error("single digit kept")
	}
}

func TestFeaturesRoundTrip(t *testing.T) {
	f := Extract("Quake hits Valdoria", "A magnitude 7.1 earthquake struck Valdoria on Sunday, officials said. Rescuers in Port Amsel dug through rubble.")
	g, err := DecodeFeatures(f.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Terms, g.Terms) {
		t.Fatalf("round trip changed features:\n%v\n%v", f.Terms, g.Terms)
	}
	s := NewStats()
	s.Observe(f)
	s.Observe(g)
	s2, err := DecodeStats(s.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if s2.Docs() != 2 || s2.IDF(f.Terms[0].Key) != s.IDF(f.Terms[0].Key) {
		t.Fatalf("stats round trip: docs %d", s2.Docs())
	}
	for _, bad := range [][]byte{nil, {0xff}, {5, 1}} {
		if _, err := DecodeFeatures(bad); err == nil {
			t.Errorf("DecodeFeatures(%v) accepted corrupt input", bad)
		}
	}
}

// corpus of three events written for these tests: two earthquakes (same
// kind, different places and days) and a trade summit.
var events = map[string][]string{
	"quake-valdoria": {
		"Earthquake kills dozens in Valdoria|A magnitude 7.1 earthquake struck northern Valdoria early Sunday, killing at least 40 people in the city of Port Amsel, the Valdorian interior ministry said. Rescuers led by Colonel Ines Marrec searched collapsed buildings.",
		"Valdoria quake toll rises|The death toll from Sunday's earthquake in Valdoria rose to 52, Colonel Ines Marrec said, as rescuers in Port Amsel pulled survivors from the rubble of apartment blocks.",
		"Rescuers race against time in Port Amsel|Teams in Port Amsel, Valdoria, worked through the night after the 7.1 magnitude earthquake. The interior ministry said 52 people had died; Marrec appealed for blood donors.",
	},
	"quake-tessaly": {
		"Strong earthquake shakes Tessaly coast|A magnitude 6.4 earthquake hit the coast of Tessaly on Wednesday, damaging the harbour town of Brisk and injuring 30 people, Governor Alain Duvic said.",
		"Tessaly quake damages harbour of Brisk|Governor Alain Duvic said the earthquake that struck Tessaly injured 30 and cracked the harbour walls of Brisk; no deaths were reported.",
	},
	"summit": {
		"Trade ministers meet in Lorn|Trade ministers from twelve nations gathered in Lorn for a summit on grain tariffs chaired by Minister Petra Okafor.",
		"Grain tariff summit opens in Lorn|Minister Petra Okafor opened the grain tariff summit in Lorn, urging the twelve nations to cut duties on wheat and barley.",
		"Lorn summit ends with tariff deal|The twelve nations at the Lorn summit agreed to halve grain tariffs, Petra Okafor announced at the close.",
	},
}

type testDoc struct {
	event, title, text string
	when               time.Time
}

func testDocs() []testDoc {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	offset := map[string]time.Duration{"quake-valdoria": 0, "quake-tessaly": 72 * time.Hour, "summit": 24 * time.Hour}
	var docs []testDoc
	for _, ev := range []string{"quake-valdoria", "summit", "quake-tessaly"} {
		for i, s := range events[ev] {
			title, text, _ := strings.Cut(s, "|")
			docs = append(docs, testDoc{ev, title, text, base.Add(offset[ev] + time.Duration(i)*3*time.Hour)})
		}
	}
	slices.SortStableFunc(docs, func(a, b testDoc) int { return a.when.Compare(b.when) })
	return docs
}

func clusterDocs(t testing.TB, docs []testDoc, opt Options) []string {
	stats := NewStats()
	for _, d := range docs {
		stats.Observe(Extract(d.title, d.text))
	}
	c := New(opt, stats)
	out := make([]string, len(docs))
	for i, d := range docs {
		dec := c.Assign(Article{Features: Extract(d.title, d.text), Title: d.title, When: d.when, Dated: true}, fmt.Sprintf("s%d", i))
		if err := c.Apply(dec.Story); err != nil {
			t.Fatal(err)
		}
		out[i] = dec.StoryID
	}
	return out
}

func TestAssignSeparatesEvents(t *testing.T) {
	docs := testDocs()
	got := clusterDocs(t, docs, Options{})
	for i := range docs {
		for j := range i {
			same := docs[i].event == docs[j].event
			if (got[i] == got[j]) != same {
				t.Errorf("%q and %q: same story = %v, want %v", docs[i].title, docs[j].title, got[i] == got[j], same)
			}
		}
	}
	// Deterministic: the same input gives the same stories.
	if again := clusterDocs(t, docs, Options{}); !slices.Equal(got, again) {
		t.Errorf("second run differs: %v vs %v", got, again)
	}
}

func TestWindowKeepsOldStoriesOut(t *testing.T) {
	docs := testDocs()[:2]
	docs[1] = docs[0]
	docs[1].when = docs[0].when.Add(30 * 24 * time.Hour)
	got := clusterDocs(t, docs, Options{Window: 7 * 24 * time.Hour})
	if got[0] == got[1] {
		t.Error("identical article a month later joined the old story")
	}
	got = clusterDocs(t, docs[:1:1], Options{})
	if len(got) != 1 {
		t.Fatal(got)
	}
}

func TestSnapshotRestores(t *testing.T) {
	docs := testDocs()
	c := New(Options{}, nil)
	var snaps []Snapshot
	for i, d := range docs[:4] {
		dec := c.Assign(Article{Features: Extract(d.title, d.text), Title: d.title, When: d.when, Dated: true}, fmt.Sprintf("s%d", i))
		if err := c.Apply(dec.Story); err != nil {
			t.Fatal(err)
		}
		snaps = append(snaps, dec.Story)
	}
	// A clusterer rebuilt from the stored snapshots decides as the original.
	c2 := New(Options{}, c.Stats())
	if err := c2.Load(snaps); err != nil {
		t.Fatal(err)
	}
	d := docs[4]
	art := Article{Features: Extract(d.title, d.text), Title: d.title, When: d.when, Dated: true}
	a := c.Assign(art, "x")
	b := c2.Assign(art, "x")
	if a.StoryID != b.StoryID || a.Similarity != b.Similarity {
		t.Errorf("restored clusterer decided %s/%.4f, original %s/%.4f", b.StoryID, b.Similarity, a.StoryID, a.Similarity)
	}
	if err := c2.Apply(Snapshot{ID: "bad", State: []byte{1}}); err == nil {
		t.Error("corrupt state accepted")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(Extract("t", "Some Words here").Encode())
	f.Add([]byte{3, 1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		if feats, err := DecodeFeatures(b); err == nil {
			if _, err := DecodeFeatures(feats.Encode()); err != nil {
				t.Fatalf("re-encoded features do not decode: %v", err)
			}
		}
		DecodeStats(b)
		decodeVector(b)
	})
}
