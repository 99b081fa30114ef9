package clean

import (
	"slices"
	"strings"
	"testing"
)

// profileOf builds a Profile from a source's earlier articles, the way the
// pipeline does: one count per article that has the line.
func profileOf(docs ...string) *Profile {
	p := &Profile{Articles: len(docs), Counts: map[uint64]int{}}
	for _, d := range docs {
		for _, k := range Keys(d) {
			p.Counts[k]++
		}
	}
	return p
}

func TestLearning(t *testing.T) {
	// Site furniture no vocabulary knows: a sponsor line inside the body and
	// a short blurb in the tail, on every page of the source.
	const sponsor = "Brought To You by Quayside Motors"
	const blurb = "The Courier has covered the coast since 1881."
	// A background paragraph a wire service repeats in every update.
	const background = "The estuary has overtopped its walls four times in the past decade, and the Quayside district flooded twice last winter, forcing hundreds from their homes."
	page := func(title, lead, rest string) string {
		return strings.Join([]string{title, lead, sponsor, rest, background, blurb}, "\n")
	}
	earlier := []string{
		page("Barrier Vote Delayed Again", "The city council postponed its vote on the tidal barrier on Tuesday after a review found the budget was out of date.", "Councillors will vote again next month, the council leader said after the meeting."),
		page("Barrier Costs Rise by a Third", "The price of the planned tidal barrier has risen by nearly a third, according to an engineering review published on Friday.", "The review blamed the rising price of structural steel and a shortage of skilled welders."),
		page("Fishermen Seek Seat on Barrier Board", "Fishermen who use the estuary mouth have asked for a seat on the board that oversees the new tidal barrier.", "They say the gates could make the channel harder to navigate in bad weather."),
	}
	doc := page("Council Approves Barrier at Second Attempt", "The city council approved the tidal barrier on Wednesday, a month after postponing the vote over rising costs.", "Work is due to start in the autumn and to take three years, the council said.")

	tests := []struct {
		name    string
		profile *Profile
		gone    []string
		kept    []string
	}{
		{"nothing learnt keeps the unknown furniture", nil, nil, []string{sponsor, background}},
		{"one earlier article is not enough inside the body", profileOf(earlier[0]), nil, []string{sponsor, background}},
		{"lines on every page go, the background paragraph stays", profileOf(earlier...), []string{sponsor, blurb}, []string{background}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Clean(doc, Options{Profile: tc.profile})
			paras := strings.Split(r.Text, "\n\n")
			for _, g := range tc.gone {
				if slices.Contains(paras, g) {
					t.Errorf("kept %q", g)
				}
			}
			for _, k := range tc.kept {
				if !slices.Contains(paras, k) {
					t.Errorf("lost %q\n%s", k, r.Text)
				}
			}
			if r.Title != "Council Approves Barrier at Second Attempt" {
				t.Errorf("Title = %q", r.Title)
			}
		})
	}
}

// TestLearningUpdates: a source whose articles are all updates of one story
// shares its short sentences between them; they are reporting, not
// furniture, and the shared title is still found.
func TestLearningUpdates(t *testing.T) {
	const (
		title = "Tram Services Suspended After Cracked Rail Found"
		short = "No tram had derailed, the authority said."
		long1 = "The regional transport authority suspended all tram services on the northern line on Tuesday while engineers inspected a cracked rail near Millbrook station."
		long2 = "Buses are replacing trams between Millbrook and the airport, and the authority says journeys will take up to 40 minutes longer than usual."
	)
	v1 := strings.Join([]string{title, long1, short, long2}, "\n")
	v2 := strings.Join([]string{title, long1, "Engineers found a second crack about 200 metres from the first one.", short, long2}, "\n")
	v3 := strings.Join([]string{title, long1, "Both sections of rail will be replaced overnight, the authority said.", short, long2}, "\n")
	v4 := strings.Join([]string{title, long1, "Services are expected to resume on Thursday morning, the authority said.", short, long2}, "\n")
	r := Clean(v4, Options{Profile: profileOf(v1, v2, v3)})
	paras := strings.Split(r.Text, "\n\n")
	for _, k := range []string{short, long1, long2} {
		if !slices.Contains(paras, k) {
			t.Errorf("lost %q", k)
		}
	}
	if r.Title != title {
		t.Errorf("Title = %q, want %q", r.Title, title)
	}
}
