package clean

import (
	"slices"
	"strings"
	"testing"
)

// Prose lines shared by the cases below, all invented.
const (
	p1 = "The harbour authority said on Monday that the eastern pier would close for repairs from next month, after divers found damage to its supports."
	p2 = "Engineers expect the work to take about six weeks, and ferries will use the western berth while it goes on."
	p3 = "“We would rather close it for a few weeks now than lose it for years,” said the authority's chief engineer, Lena Okafor."
	p4 = "Local traders said they were worried about losing passing custom during the busiest part of the season."
)

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		opt       Options
		wantTitle string
		keep      []string          // each must be a paragraph of Text
		drop      map[string]string // line → reason ("" = any reason)
	}{
		{
			name:      "title repeated below itself",
			in:        "Pier to Close for Repairs\n\nPier to Close for Repairs\n\n" + p1 + "\n\n" + p2,
			wantTitle: "Pier to Close for Repairs",
			keep:      []string{p1, p2},
			drop:      map[string]string{"Pier to Close for Repairs": "title-repeat"},
		},
		{
			name: "headline list after the body",
			in: "Pier to Close for Repairs\n" + p1 + "\n" + p2 + "\n" +
				"Mayor Opens New Library Wing\nRail Strike Called Off After Late Talks\nCity Marathon Route Changed\nLocal Bakery Wins National Prize",
			wantTitle: "Pier to Close for Repairs",
			keep:      []string{p1, p2},
			drop: map[string]string{
				"Mayor Opens New Library Wing":            "headline-list",
				"Rail Strike Called Off After Late Talks": "headline-list",
				"Local Bakery Wins National Prize":        "headline-list",
			},
		},
		{
			name: "headline list before the title",
			in: "Trending Now\nMayor Opens New Library Wing\nRail Strike Called Off After Late Talks\n" +
				"Harbour Authority Will Close the Eastern Pier for Six Weeks of Repairs\n" + p1 + "\n" + p2,
			wantTitle: "Harbour Authority Will Close the Eastern Pier for Six Weeks of Repairs",
			keep:      []string{p1, p2},
			drop:      map[string]string{"Mayor Opens New Library Wing": "", "Trending Now": ""},
		},
		{
			name: "app prompts and site name before the title",
			in: "Read all your favourite papers.\nOne subscription.\nOpen the app\nThe Coastal Herald\nThe Coastal Herald\nNews\nHerald Staff\n\n" +
				"Eastern Pier to Close for Six Weeks of Repairs\n\n" + p1 + "\n\n" + p2,
			wantTitle: "Eastern Pier to Close for Six Weeks of Repairs",
			keep:      []string{p1, p2},
			drop: map[string]string{"Read all your favourite papers.": "head", "One subscription.": "",
				"Open the app": "prompt", "The Coastal Herald": "head", "News": "head", "Herald Staff": "head"},
		},
		{
			name:      "teasers cut off with an ellipsis",
			in:        p1 + "\n" + p2 + "\nA second ferry company has said it may move its routes to the western berth for good after…\nThe town's oldest hotel is to close after a century, its owners said, blaming...",
			keep:      []string{p1, p2},
			wantTitle: "The harbour authority said on Monday that the eastern pier would close…",
			drop: map[string]string{
				"A second ferry company has said it may move its routes to the western berth for good after…": "teaser",
				"The town's oldest hotel is to close after a century, its owners said, blaming...":            "teaser",
			},
		},
		{
			name: "prompts and cookie notice in the tail",
			in: "Pier to Close\n" + p1 + "\n" + p2 + "\nSign up to read this article\nAlready a subscriber? Log in\n" +
				"Get our free newsletter\nThis site uses cookies to give you the best experience. By continuing you consent to our use of cookies.\nDownload the app",
			wantTitle: "Pier to Close",
			keep:      []string{p1, p2},
			drop: map[string]string{
				"Sign up to read this article": "prompt",
				"Already a subscriber? Log in": "prompt",
				"Get our free newsletter":      "prompt",
				"Download the app":             "prompt",
				"This site uses cookies to give you the best experience. By continuing you consent to our use of cookies.": "prompt",
			},
		},
		{
			name: "link lines inside the body",
			in: "Pier to Close\n" + p1 + "\nAlso Read: Ferry Fares Rise for Second Year\n" + p2 + "\nRELATED: Divers Find Wreck Near Harbour Mouth\n" +
				p3 + "\nREAD MORE Harbour dues to rise in spring\nRead more: https://example.com/harbour\n" + p4,
			wantTitle: "Pier to Close",
			keep:      []string{p1, p2, p3, p4},
			drop: map[string]string{
				"Also Read: Ferry Fares Rise for Second Year":   "link",
				"RELATED: Divers Find Wreck Near Harbour Mouth": "link",
				"READ MORE Harbour dues to rise in spring":      "link",
				"Read more: https://example.com/harbour":        "link",
			},
		},
		{
			name: "captions and credits",
			in: "Pier to Close\n" + p1 + "\nDivers inspect the supports of the eastern pier. (Credit: Harbour Authority)\n" + p2 +
				"\nThe pier at low tide. Photo: Sam Reyes\nA ferry leaves the western berth. Getty Images\n" +
				"Workers on the pier on Friday. (AP Photo/Lee Park)\n" + p3 + "\nImage 2 of 7\n" + p4,
			wantTitle: "Pier to Close",
			keep:      []string{p1, p2, p3, p4},
			drop: map[string]string{
				"Divers inspect the supports of the eastern pier. (Credit: Harbour Authority)": "caption",
				"The pier at low tide. Photo: Sam Reyes":                                       "caption",
				"A ferry leaves the western berth. Getty Images":                               "caption",
				"Workers on the pier on Friday. (AP Photo/Lee Park)":                           "caption",
				"Image 2 of 7": "caption",
			},
		},
		{
			name: "byline, date and section around the title; standfirst kept",
			in: "Local\nEastern Pier to Close for Repairs\nBy Jonas Halvorsen\nUpdated 14 May 2031, 08:40 BST\n" +
				"Divers found damage to the supports, and ferries will move to the western berth.\n" + p1 + "\n" + p2,
			wantTitle: "Eastern Pier to Close for Repairs",
			keep:      []string{"Divers found damage to the supports, and ferries will move to the western berth.", p1, p2},
			drop: map[string]string{"Local": "head", "By Jonas Halvorsen": "byline",
				"Updated 14 May 2031, 08:40 BST": "dateline"},
		},
		{
			name:      "subheadings, a colon list and a short last paragraph are kept",
			in:        "Pier to Close\n" + p1 + "\nWhat Happens to the Ferries\n" + p2 + "\nThe authority listed three changes:\nFerries Move to the Western Berth\nCargo Boats Dock at Night\nFishing Boats Keep Their Moorings\n" + p3 + "\nThe work starts in June.",
			wantTitle: "Pier to Close",
			keep: []string{p1, p2, p3, "What Happens to the Ferries", "The authority listed three changes:",
				"Ferries Move to the Western Berth", "Cargo Boats Dock at Night", "Fishing Boats Keep Their Moorings", "The work starts in June."},
		},
		{
			name:      "a short last paragraph after a caption is kept",
			in:        "Pier to Close\n" + p1 + "\n" + p2 + "\nThe pier at low tide. (Photo: Sam Reyes)\nThe work starts in June.\nMost Read\nFerry Fares Rise Again",
			wantTitle: "Pier to Close",
			keep:      []string{p1, p2, "The work starts in June."},
			drop:      map[string]string{"The pier at low tide. (Photo: Sam Reyes)": "caption", "Most Read": "", "Ferry Fares Rise Again": ""},
		},
		{
			name:      "a list introduced by a colon at the very end is kept",
			in:        "Pier to Close\n" + p1 + "\n" + p2 + "\nThe authority said three things would change:\nferries would move to the western berth\ncargo boats would dock at night",
			wantTitle: "Pier to Close",
			keep:      []string{p1, p2, "The authority said three things would change:", "ferries would move to the western berth", "cargo boats would dock at night"},
		},
		{
			name: "prose that mentions furniture words is kept",
			in: "Pier Talks\n" + p1 + "\nThe country will never become a member of the alliance, the minister said.\n" +
				"Ferry companies do not subscribe to that view.\nHe told Reuters.\nThe advertising campaign cost the authority a great deal of money last year, officials said.\n" + p2,
			wantTitle: "Pier Talks",
			keep: []string{p1, p2, "The country will never become a member of the alliance, the minister said.",
				"Ferry companies do not subscribe to that view.", "He told Reuters.",
				"The advertising campaign cost the authority a great deal of money last year, officials said."},
		},
		{
			name: "credit rows, share rows and counters",
			in: "Eastern Pier to Close for Repairs\nMarch 4, 20319:15 AM GMT+1Updated 2 hours ago\n" +
				"Divers found damage to the supports and ferries will move to the western berth\n" + p1 +
				"\nBoats in the harbour at dawn. COASTAL PRESS/Ann Reyes\nShare · Save\nFacebook | X | Email\n" + p2 +
				"\nPhoto by Sam Reyes\nComments (12)\n" + p3 +
				"\nReporting by Ana Ruiz and Tom Hale in Millbrook; Additional reporting by Lee Park; Editing by Sam Fox\n" + p4,
			wantTitle: "Eastern Pier to Close for Repairs",
			keep:      []string{"Divers found damage to the supports and ferries will move to the western berth", p1, p2, p3, p4},
			drop: map[string]string{
				"March 4, 20319:15 AM GMT+1Updated 2 hours ago":         "dateline",
				"Boats in the harbour at dawn. COASTAL PRESS/Ann Reyes": "caption",
				"Share · Save":         "prompt",
				"Facebook | X | Email": "prompt",
				"Photo by Sam Reyes":   "caption",
				"Comments (12)":        "prompt",
				"Reporting by Ana Ruiz and Tom Hale in Millbrook; Additional reporting by Lee Park; Editing by Sam Fox": "byline",
			},
		},
		{
			name: "prose that looks like a credit, a byline or a label is kept",
			in: "Pier to Close\n" + p1 + "\nBy Monday, the crowd had gone.\nA photo by a resident showed the pier sagging at low tide.\n" +
				"Officials closed the US/Canada border crossing at Millbrook on Friday.\n" +
				"Copyright lawyers said the dispute over the pier's name could take years.\nPopular anger over the closure\n" + p2,
			wantTitle: "Pier to Close",
			keep: []string{p1, p2, "By Monday, the crowd had gone.", "A photo by a resident showed the pier sagging at low tide.",
				"Officials closed the US/Canada border crossing at Millbrook on Friday.",
				"Copyright lawyers said the dispute over the pier's name could take years.", "Popular anger over the closure"},
		},
		{
			name:      "live page without a headline: every paragraph kept, title derived",
			in:        p1 + "\n" + p2 + "\nFerry timetable changes from Monday\n" + p4,
			wantTitle: "The harbour authority said on Monday that the eastern pier would close…",
			keep:      []string{p1, p2, "Ferry timetable changes from Monday", p4},
		},
		{
			name:      "short first sentence becomes the whole title",
			in:        "Divers found cracks in the pier. " + p2 + "\n" + p4,
			wantTitle: "Divers found cracks in the pier",
			keep:      []string{"Divers found cracks in the pier. " + p2, p4},
		},
		{
			name:      "known title with a site suffix",
			in:        "Eastern Pier to Close | Coastal Herald\n" + p1 + "\nEastern Pier to Close\n" + p2,
			opt:       Options{Title: "Eastern Pier to Close"},
			wantTitle: "Eastern Pier to Close",
			keep:      []string{p1, p2},
			drop:      map[string]string{"Eastern Pier to Close": "title-repeat"},
		},
		{
			name:      "windows line breaks",
			in:        "Pier to Close\r\n\r\n" + p1 + "\r\n\r\n" + p2 + "\r\n",
			wantTitle: "Pier to Close",
			keep:      []string{p1, p2},
		},
		{
			name:      "nothing but furniture",
			in:        "Home\nSubscribe\nSign in\nMost Read\n",
			wantTitle: "",
		},
		{
			name:      "a related block inside the body",
			in:        "Pier to Close\n" + p1 + "\nMore from the Herald\nFerry Fares Rise Again\nNew Lifeboat for the Harbour\n" + p2 + "\n" + p3,
			wantTitle: "Pier to Close",
			keep:      []string{p1, p2, p3},
			drop: map[string]string{"More from the Herald": "", "Ferry Fares Rise Again": "headline-list",
				"New Lifeboat for the Harbour": "headline-list"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Clean(tc.in, tc.opt)
			if r.Title != tc.wantTitle {
				t.Errorf("Title = %q, want %q", r.Title, tc.wantTitle)
			}
			paras := strings.Split(r.Text, "\n\n")
			for _, k := range tc.keep {
				if !slices.Contains(paras, k) {
					t.Errorf("lost %q\ntext:\n%s", k, r.Text)
				}
			}
			for line, reason := range tc.drop {
				if slices.Contains(paras, line) {
					t.Errorf("kept %q", line)
				}
				var reasons []string
				for _, x := range r.Removed {
					if x.Line == line {
						reasons = append(reasons, x.Reason)
					}
				}
				if len(reasons) == 0 {
					t.Errorf("%q not in Removed", line)
				} else if reason != "" && !slices.Contains(reasons, reason) {
					t.Errorf("%q removed as %q, want %q", line, reasons, reason)
				}
			}
			if tc.keep == nil && r.Text != "" {
				t.Errorf("Text = %q, want empty", r.Text)
			}
		})
	}
}

func TestLineKey(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"case folded", "Related Stories", "related stories", true},
		{"whitespace collapsed and trimmed", "  Related \t Stories ", "Related Stories", true},
		{"curly and straight quotes", "Don’t Miss “This”", "Don't Miss \"This\"", true},
		{"digits kept", "Top 10 stories", "Top 11 stories", false},
		{"different words", "Related Stories", "Related Articles", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LineKey(tc.a) == LineKey(tc.b); got != tc.same {
				t.Errorf("LineKey(%q) == LineKey(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
			}
		})
	}
	for _, empty := range []string{"", "   ", "\t\u00a0\u200b"} {
		if k := LineKey(empty); k != 0 {
			t.Errorf("LineKey(%q) = %d, want 0", empty, k)
		}
	}
}

func TestKeys(t *testing.T) {
	got := Keys("Menu\n\nMenu\r\nbody line\n  \nMENU\n")
	want := []uint64{LineKey("Menu"), LineKey("body line")}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Keys = %v, want %v", got, want)
	}
}
