package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden extracts every testdata/*.html page and compares the whole
// Result with testdata/<name>.golden.json.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Extract(raw, "https://example.test/"+name, Options{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s (run with -update if intended)\ngot:\n%s", golden, got)
			}
		})
	}
}

// TestNewsPageFurniture checks, independently of the golden file, that the
// page furniture of the realistic fixture stays out and the article stays in.
func TestNewsPageFurniture(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "news.html"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(raw, "https://coastalherald.example/news/harbour-bridge-reopens?utm=x", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		"The Eastgate harbour bridge carried traffic again",
		"Why the repair took so long",
		"The bridge is the only direct route",
		"Total cost: £14.2 million",
		"Weight limits will stay in place",
	} {
		if !strings.Contains(res.Text, in) {
			t.Errorf("text lacks %q", in)
		}
	}
	for _, out := range []string{
		"cookies", "Share on", "Photograph", "Advertisement", "Sign up", "Related stories",
		"Ferry service", "harbourwatcher", "About time too", "All rights reserved", "Sport",
		"Harbour bridge reopens after", // the headline
	} {
		if strings.Contains(res.Text, out) {
			t.Errorf("text contains furniture %q", out)
		}
	}
	if strings.Contains(res.Text, "\n\n\n") || strings.TrimSpace(res.Text) != res.Text {
		t.Errorf("text breaks the block convention: %q", res.Text)
	}
	checks := []struct{ field, got, want string }{
		{"Title", res.Title, "Harbour bridge reopens after two-year repair"},
		{"Byline", res.Byline, "Mara Lindqvist, Tom Okafor"},
		{"Site", res.Site, "The Coastal Herald"},
		{"URL", res.URL, "https://coastalherald.example/news/harbour-bridge-reopens"},
		{"Language", res.Language, "en-GB"},
		{"Image", res.Image, "https://coastalherald.example/images/bridge-lead.jpg"},
		{"Section", res.Section, "Local news"},
		{"Tags", strings.Join(res.Tags, "|"), "bridges|Eastgate|transport"},
		{"Published", res.Published.Format(time.RFC3339), "2025-03-10T08:15:00Z"},
		{"Modified", res.Modified.Format(time.RFC3339), "2025-03-10T11:40:00Z"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestExtractCases(t *testing.T) {
	para := "<p>" + strings.Repeat("This sentence is part of a perfectly ordinary article body, ", 4) + "</p>"
	tests := []struct {
		name     string
		page     string
		url      string
		opt      Options
		wantErr  error
		wantText string // substring
		check    func(t *testing.T, r *Result)
	}{
		{
			name:    "empty page has no content",
			page:    "",
			wantErr: news.ErrNoContent,
		},
		{
			name:    "only navigation has no content",
			page:    `<nav><a href="/">Home</a><a href="/a">About</a></nav>`,
			wantErr: news.ErrNoContent,
		},
		{
			name:    "over the size limit",
			page:    "<p>" + strings.Repeat("x", 200) + "</p>",
			opt:     Options{MaxBytes: 100},
			wantErr: news.ErrTooLarge,
		},
		{
			name:     "plain text without tags",
			page:     "Just a line of text somebody saved as HTML, with no markup at all around it.",
			wantText: "Just a line of text",
		},
		{
			name:     "br-separated paragraphs become blocks",
			page:     "<div>First paragraph of the story, long enough to read as prose here.<br><br>Second paragraph of the story, also long enough to count as prose.</div>",
			wantText: "prose here.\n\nSecond paragraph",
		},
		{
			name:     "hidden elements are dropped",
			page:     `<div>` + para + `<p style="display: none">Secret text nobody sees</p><p hidden>Also hidden</p></div>`,
			wantText: "ordinary article body",
			check: func(t *testing.T, r *Result) {
				if strings.Contains(r.Text, "Secret") || strings.Contains(r.Text, "Also hidden") {
					t.Errorf("hidden text kept: %q", r.Text)
				}
			},
		},
		{
			name:     "furniture wrapper holding the whole article is kept",
			page:     `<div class="content-with-sidebar">` + para + para + `</div><div class="sidebar"><p>Short sidebar note.</p></div>`,
			wantText: "ordinary article body",
		},
		{
			name: "json-ld article body wins over a teaser",
			page: `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` +
				strings.Repeat("Full text from the structured data, much longer than the teaser. ", 10) +
				`"}</script><p>Teaser paragraph of twenty-odd words that is all the markup shows.</p>`,
			wantText: "Full text from the structured data",
			check: func(t *testing.T, r *Result) {
				if r.TextSource != "jsonld" {
					t.Errorf("TextSource = %q, want jsonld", r.TextSource)
				}
			},
		},
		{
			name:     "broken json-ld does not stop the rest",
			page:     `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken</script><meta property="og:title" content="From OpenGraph">` + para,
			wantText: "ordinary article body",
			check: func(t *testing.T, r *Result) {
				if r.Title != "From OpenGraph" {
					t.Errorf("Title = %q", r.Title)
				}
			},
		},
		{
			name: "raw newlines inside json-ld strings",
			page: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Two\nlines\"}</script>" + para,
			check: func(t *testing.T, r *Result) {
				if r.Title != "Two lines" {
					t.Errorf("Title = %q", r.Title)
				}
			},
		},
		{
			name: "relative canonical resolved against the page URL",
			page: `<link rel="canonical" href="/story/1">` + para,
			url:  "https://news.example/story/1?ref=feed",
			check: func(t *testing.T, r *Result) {
				if r.URL != "https://news.example/story/1" {
					t.Errorf("URL = %q", r.URL)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Extract([]byte(tc.page), tc.url, tc.opt)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if !strings.Contains(res.Text, tc.wantText) {
				t.Errorf("text %q lacks %q", res.Text, tc.wantText)
			}
			if tc.check != nil {
				tc.check(t, res)
			}
		})
	}
}

func TestErrorNamesInput(t *testing.T) {
	_, err := Extract([]byte("<html></html>"), "https://x.example/a", Options{})
	if err == nil || !strings.Contains(err.Error(), "https://x.example/a") {
		t.Errorf("err = %v, want it to name the page", err)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"valid utf-8 kept despite a latin-1 label", []byte(`<meta charset="iso-8859-1">café`), `<meta charset="iso-8859-1">café`},
		{"declared latin-1", []byte("<meta charset=\"iso-8859-1\">caf\xe9"), `<meta charset="iso-8859-1">café`},
		{"http-equiv windows-1251", []byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xcf\xf0\xe8"), "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">При"},
		{"undeclared falls back to windows-1252", []byte("price \x80 5, caf\xe9"), "price € 5, café"},
		{"mostly utf-8 with one bad byte is repaired", []byte("caf\xc3\xa9 na\xc3\xafve r\xc3\xa9sum\xc3\xa9 \xc3\xa0 \xff"), "café naïve résumé à \uFFFD"},
		{"utf-8 label on latin-1 bytes", []byte("<meta charset=utf-8>caf\xe9 cr\xe8me"), "<meta charset=utf-8>café crème"},
		{"utf-16 with BOM", []byte{0xff, 0xfe, 'h', 0, 'i', 0, 0xe9, 0}, "hié"},
		{"byte order mark dropped", []byte("\xef\xbb\xbfhello"), "hello"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := decode(tc.in)
			if string(got) != tc.want {
				t.Errorf("decode = %q, want %q", got, tc.want)
			}
			if !utf8.Valid(got) {
				t.Errorf("not valid UTF-8: %q", got)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2019-11-18T10:20:30Z", utc(2019, 11, 18, 10, 20, 30)},
		{"2019-11-18T12:20:30+02:00", utc(2019, 11, 18, 10, 20, 30)},
		{"2019-11-18T12:20:30+0200", utc(2019, 11, 18, 10, 20, 30)},
		{"2019-11-18T10:20:30.123Z", time.Date(2019, 11, 18, 10, 20, 30, 123e6, time.UTC)},
		{"2019-11-18T10:20Z", utc(2019, 11, 18, 10, 20, 0)},
		{"2019-11-18T10:20:30", utc(2019, 11, 18, 10, 20, 30)},
		{"2019-11-18 10:20:30", utc(2019, 11, 18, 10, 20, 30)},
		{"2019-11-18 10:20", utc(2019, 11, 18, 10, 20, 0)},
		{"2019-11-18", utc(2019, 11, 18, 0, 0, 0)},
		{"  2019-11-18  ", utc(2019, 11, 18, 0, 0, 0)},
		{"Mon, 18 Nov 2019 10:20:30 +0000", utc(2019, 11, 18, 10, 20, 30)},
		{"November 18, 2019", utc(2019, 11, 18, 0, 0, 0)},
		{"2019-11-18 10:20:30 UTC", utc(2019, 11, 18, 10, 20, 30)},
		{"1574072430", utc(2019, 11, 18, 10, 20, 30)},
		{"yesterday", time.Time{}},
		{"0001-01-01T00:00:00Z", time.Time{}},
		{"", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := parseDate(tc.in); !got.Equal(tc.want) {
				t.Errorf("parseDate(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct {
		name, title, site, host, want string
	}{
		{"pipe suffix matching site", "Bridge reopens | The Herald", "The Herald", "", "Bridge reopens"},
		{"dash suffix matching site", "Bridge reopens - The Herald", "The Herald", "", "Bridge reopens"},
		{"dash suffix matching host", "Bridge reopens – Herald", "", "www.herald.example", "Bridge reopens"},
		{"site prefix", "The Herald | Bridge reopens after repair", "The Herald", "", "Bridge reopens after repair"},
		{"short pipe tail without site", "Bridge reopens after long repair | Herald", "", "", "Bridge reopens after long repair"},
		{"section and site", "Bridge reopens after repair - Local | The Herald", "The Herald", "", "Bridge reopens after repair - Local"},
		{"dash inside headline kept", "Biden - Trump debate: what we learned", "The Herald", "", "Biden - Trump debate: what we learned"},
		{"unknown dash tail kept", "Markets fall - analysis", "", "", "Markets fall - analysis"},
		{"no separator", "Plain headline", "Site", "", "Plain headline"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var base = mustURL(t, "https://"+tc.host+"/x")
			if tc.host == "" {
				base = nil
			}
			if got := stripSiteName(tc.title, tc.site, base); got != tc.want {
				t.Errorf("stripSiteName(%q, %q) = %q, want %q", tc.title, tc.site, got, tc.want)
			}
		})
	}
}

func TestNameTokens(t *testing.T) {
	got := strings.Join(nameTokens("mainNav_2 share-bar articleBody"), ",")
	if want := "main,nav,share,bar,article,body"; got != want {
		t.Errorf("nameTokens = %s, want %s", got, want)
	}
}

// TestDeepNesting feeds a page nested far deeper than any recursion could
// survive; the walkers are iterative, so it must simply work.
func TestDeepNesting(t *testing.T) {
	const depth = 100000
	var b strings.Builder
	b.WriteString("<html><body>")
	for range depth {
		b.WriteString("<div>")
	}
	b.WriteString("<p>Deep inside the nesting sits a paragraph of real, readable prose text.</p>")
	res, err := Extract([]byte(b.String()), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Deep inside") {
		t.Errorf("text = %q", res.Text)
	}
}

// TestLargePage runs a 20 MB page under a raised limit and checks it
// finishes with its text intact.
func TestLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("large page")
	}
	para := strings.Repeat("A paragraph of filler prose, repeated to make a very large page. ", 8)
	var b strings.Builder
	b.WriteString("<html><body><article>")
	for i := 0; b.Len() < 20<<20; i++ {
		fmt.Fprintf(&b, "<p>%d. %s</p>\n", i, para)
	}
	b.WriteString("</article></body></html>")
	page := []byte(b.String())
	if _, err := Extract(page, "big", Options{}); !errors.Is(err, news.ErrTooLarge) {
		t.Fatalf("default limit: err = %v, want ErrTooLarge", err)
	}
	res, err := Extract(page, "big", Options{MaxBytes: 32 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Text) < 15<<20 {
		t.Errorf("text is %d bytes, want most of the page", len(res.Text))
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
