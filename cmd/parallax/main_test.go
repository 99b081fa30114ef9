package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// result is what one in-process run of the command printed.
type result struct {
	code           int
	stdout, stderr string
}

// parallax runs the command in-process with args, standard input stdin and
// the environment given as KEY=VALUE pairs.
func parallax(t testing.TB, stdin string, environ []string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	vars := map[string]string{}
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	code := run(context.Background(), e, args)
	return result{code, out.String(), errb.String()}
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const goodArticle = `Title: Harbour cranes stand idle as dockers strike
Source: Test Gazette
Published: 2026-03-02T08:00:00Z

Dock workers at the port of Calder walked out on Monday, halting cargo traffic for the second time this year.

"We have waited eleven months for an answer," said union leader Maren Holt, speaking outside the main gate.

The port authority said 14 ships were waiting to unload and warned of delays to fuel deliveries.
`

func exportDoc(t testing.TB, data string, args ...string) map[string]any {
	t.Helper()
	r := parallax(t, "", nil, append([]string{"export", "--data", data}, args...)...)
	if r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, r.stdout)
	}
	return doc
}

func stories(doc map[string]any) []map[string]any {
	var out []map[string]any
	for _, s := range doc["stories"].([]any) {
		out = append(out, s.(map[string]any))
	}
	return out
}

func articles(story map[string]any) []map[string]any {
	var out []map[string]any
	for _, a := range story["articles"].([]any) {
		out = append(out, a.(map[string]any))
	}
	return out
}

func keys(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	slices.Sort(k)
	return k
}

func TestIngestBadInputsAreNamedAndTheRestStored(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.txt":      goodArticle,
		"empty.txt":     "",
		"blank.txt":     "   \n\n  \n",
		"binary.txt":    "\x00\x01\x02PK\x03\x04\x00\x00binary",
		"latin1.txt":    "Caf\xe9 owners protest\n\nThe caf\xe9 owners of Lisbon marched on Tuesday.\n",
		"big.txt":       "Big\n\n" + strings.Repeat("A long line of text that goes on. ", 200),
		"feed.jsonl":    `{"title":"Re-imported","text":"A line of clean text about the strike at Calder."}` + "\n" + `{"title": broken` + "\n",
		"picture.png":   "\x89PNG\r\n",
		"nested/ok.txt": strings.Replace(goodArticle, "Dock workers", "Port workers", 1),
	})
	r := parallax(t, "", nil, "ingest", "--data", data, "--max-size", "4KB", dir)
	if r.code != 1 {
		t.Fatalf("exit status %d, want 1\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"empty.txt", "blank.txt", "binary.txt", "latin1.txt", "big.txt", "feed.jsonl:2"} {
		found := false
		for _, line := range strings.Split(r.stderr, "\n") {
			if strings.Contains(line, want) && strings.HasPrefix(line, "failed: ") {
				found = true
			}
		}
		if !found {
			t.Errorf("no one-line failure naming %s in:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "new: 3") || !strings.Contains(r.stdout, "skipped: 1") {
		t.Errorf("summary %q: want 3 new and the .png skipped", r.stdout)
	}
	n := 0
	for _, s := range stories(exportDoc(t, data)) {
		n += len(articles(s))
	}
	if n != 3 {
		t.Errorf("export holds %d articles, want 3", n)
	}
}

func TestUnreadableFileInFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads unreadable files")
	}
	dir, data := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": goodArticle, "b/locked.txt": goodArticle + "x"})
	if err := os.Chmod(filepath.Join(dir, "b", "locked.txt"), 0); err != nil {
		t.Fatal(err)
	}
	r := parallax(t, "", nil, "ingest", "--data", data, dir)
	if r.code != 1 || !strings.Contains(r.stderr, "locked.txt") || !strings.Contains(r.stdout, "new: 1") {
		t.Errorf("got %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestReingestStoresNothingNew(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": goodArticle, "b.txt": strings.Replace(goodArticle, "Calder", "Dunmore", -1)})
	first := parallax(t, "", nil, "ingest", "--data", data, dir)
	second := parallax(t, "", nil, "ingest", "--data", data, dir)
	if first.code != 0 || !strings.Contains(first.stdout, "new: 2") {
		t.Fatalf("first ingest: %+v", first)
	}
	if second.code != 0 || !strings.Contains(second.stdout, "new: 0") || !strings.Contains(second.stdout, "duplicates: 2") {
		t.Fatalf("second ingest: %+v", second)
	}
}

func TestStdinAndFlags(t *testing.T) {
	data := t.TempDir()
	r := parallax(t, "Ferry sinks off Varo\n\nA passenger ferry sank off the island of Varo on Friday; all 212 people aboard were rescued, the coastguard said.\n",
		nil, "ingest", "--data", data, "--source", "Stdin Post", "--published", "2026-02-03", "-")
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	a := articles(stories(exportDoc(t, data))[0])[0]
	if a["source"] != "Stdin Post" || a["published"] != "2026-02-03T00:00:00Z" || a["title"] != "Ferry sinks off Varo" || a["origin"] != "-" {
		t.Errorf("article %v", a)
	}
}

func TestDataDirFromEnvironment(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": goodArticle})
	env := []string{"PARALLAX_DATA=" + data}
	if r := parallax(t, "", env, "ingest", dir); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	r := parallax(t, "", env, "stories", "--json")
	var out struct {
		Stories []storyListing `json:"stories"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Stories) != 1 || out.Stories[0].Outlets[0] != "Test Gazette" {
		t.Fatalf("stories --json from PARALLAX_DATA: %v %+v", err, r)
	}
}

func TestExportContractShape(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": goodArticle})
	if r := parallax(t, "", nil, "ingest", "--data", data, dir); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	doc := exportDoc(t, data, "--format", "json")
	if got := keys(doc); !slices.Equal(got, []string{"stories", "version"}) || doc["version"] != 1.0 {
		t.Fatalf("document keys %v version %v", got, doc["version"])
	}
	s := stories(doc)[0]
	if got, want := keys(s), []string{"articles", "disagreements", "entities", "first_seen", "id", "last_seen", "quotes", "title"}; !slices.Equal(got, want) {
		t.Errorf("story keys %v, want %v", got, want)
	}
	for _, k := range []string{"entities", "quotes", "disagreements"} {
		if _, ok := s[k].([]any); !ok {
			t.Errorf("%s is %v, want an array", k, s[k])
		}
	}
	a := articles(s)[0]
	if got, want := keys(a), []string{"byline", "duplicate_of", "id", "language", "origin", "published", "source", "text", "title", "url"}; !slices.Equal(got, want) {
		t.Errorf("article keys %v, want %v", got, want)
	}
	// JSON Lines round trip: export, re-import into a fresh store, same texts.
	r := parallax(t, "", nil, "export", "--data", data, "--format", "jsonl")
	var line map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSpace(r.stdout)), &line); err != nil || line["story"] != s["id"] {
		t.Fatalf("jsonl line %v (%v)", line, err)
	}
	jsonl := filepath.Join(t.TempDir(), "export.jsonl")
	os.WriteFile(jsonl, []byte(r.stdout), 0o644)
	data2 := t.TempDir()
	if r := parallax(t, "", nil, "ingest", "--data", data2, jsonl); r.code != 0 {
		t.Fatalf("re-import: %+v", r)
	}
	b := articles(stories(exportDoc(t, data2))[0])[0]
	for _, k := range []string{"title", "text", "source", "published"} {
		if a[k] != b[k] {
			t.Errorf("re-imported %s = %q, want %q", k, b[k], a[k])
		}
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range commands() {
		r := parallax(t, "", nil, c.name, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage: parallax "+c.name) {
			t.Errorf("%s --help: %+v", c.name, r)
		}
	}
	for _, args := range [][]string{
		{"nonsense"},
		{"ingest", "--max-size", "lots", "x.txt"},
		{"ingest", "--published", "someday", "x.txt"},
		{"export", "--format", "xml"},
		{"story"},
		{"ingest", "--no-such-flag"},
	} {
		if r := parallax(t, "", []string{"PARALLAX_DATA=" + t.TempDir()}, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)\n%s", args, r.code, r.stderr)
		}
	}
}

var storiesLine = regexp.MustCompile(`(\d+) stories from the example corpus`)

func TestDemoPrintsOneStoryPerEvent(t *testing.T) {
	labels, err := os.ReadFile(filepath.Join("..", "..", "examples", "labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	events := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(labels)), "\n")[1:] {
		_, ev, _ := strings.Cut(line, "\t")
		events[ev] = true
	}
	r := parallax(t, "", nil, "demo", "--no-serve")
	if r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	m := storiesLine.FindStringSubmatch(r.stdout)
	if m == nil || m[1] != strconv.Itoa(len(events)) {
		t.Errorf("demo printed %v stories, the corpus has %d events\n%s", m, len(events), r.stdout)
	}
}

func TestStorySearchAndStories(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": goodArticle,
		"b.txt": "Title: Calder dockers vow to stay out until pay offer improves\nSource: Second Paper\nPublished: 2026-03-02T11:00:00Z\n\n" +
			"Striking dock workers at the port of Calder said on Monday they would stay out until the port authority improved its pay offer.\n\n" +
			"Union leader Maren Holt said members had waited eleven months for an answer and that 14 ships were now waiting offshore.\n",
		"c.txt": "Title: Orchestra names new conductor\nSource: Test Gazette\nPublished: 2026-03-03T10:00:00Z\n\n" +
			"The city orchestra named Ilse Brandt as its principal conductor, the first woman to hold the post in its 90-year history.\n",
	})
	if r := parallax(t, "", nil, "ingest", "--data", data, dir); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	list := parallax(t, "", nil, "stories", "--data", data)
	if !strings.Contains(list.stdout, "Orchestra names new conductor") || strings.Count(list.stdout, "\n") != 3 {
		t.Fatalf("stories: want a header and 2 stories (the two strike articles share one):\n%s", list.stdout)
	}
	// The strike story: both outlets.
	var out struct {
		Stories []storyListing `json:"stories"`
	}
	json.Unmarshal([]byte(parallax(t, "", nil, "stories", "--data", data, "--json").stdout), &out)
	var strike storyListing
	for _, s := range out.Stories {
		if s.ArticleCount == 2 {
			strike = s
		}
	}
	if len(strike.Outlets) != 2 {
		t.Fatalf("no two-outlet story in %+v", out.Stories)
	}
	r := parallax(t, "", nil, "story", "--data", data, strike.ID)
	for _, want := range []string{"Test Gazette", "Second Paper", "Articles (2)", "Quotes (0)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("story output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := parallax(t, "", nil, "story", "--data", data, "nosuchstory"); r.code != 1 || !strings.Contains(r.stderr, "no story") {
		t.Errorf("unknown story: %+v", r)
	}
	tests := []struct {
		query string
		want  []string
		not   []string
	}{
		{"dock workers", []string{"Harbour cranes"}, []string{"Orchestra"}},
		{`"principal conductor"`, []string{"Orchestra"}, []string{"Harbour"}},
		{"conductor OR offshore", []string{"Orchestra", "Calder dockers"}, nil},
		{"Calder -offshore", []string{"Harbour cranes"}, []string{"Calder dockers"}},
	}
	for _, tt := range tests {
		r := parallax(t, "", nil, "search", "--data", data, tt.query)
		if r.code != 0 {
			t.Errorf("search %s: %+v", tt.query, r)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("search %s: %q missing from\n%s", tt.query, w, r.stdout)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(r.stdout, n) {
				t.Errorf("search %s: %q should not match:\n%s", tt.query, n, r.stdout)
			}
		}
	}
}

func TestEvalLabelsMustNameFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"sub/a.txt": goodArticle, "labels.tsv": "path\tevent\nsub\tstrike\n"})
	r := parallax(t, "", nil, "eval", "cluster", "--labels", filepath.Join(dir, "labels.tsv"), dir)
	if r.code != 1 || !strings.Contains(r.stderr, "no label of its own") {
		t.Errorf("a folder as a labelled path: %+v", r)
	}
}
