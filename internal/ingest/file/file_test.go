package file

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

var update = flag.Bool("update", false, "rewrite golden files")

// result is one call of Read's fn.
type result struct {
	doc *news.Document
	err error
}

func collect(t testing.TB, paths []string, stdin io.Reader, opt Options) []result {
	t.Helper()
	var out []result
	err := Read(context.Background(), paths, stdin, opt, func(d *news.Document, err error) error {
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Errorf("error %v is not a *file.Error", err)
			}
		}
		out = append(out, result{d, err})
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return out
}

// one reads a single path and insists on exactly one result.
func one(t *testing.T, path string, stdin io.Reader, opt Options) (*news.Document, error) {
	t.Helper()
	res := collect(t, []string{path}, stdin, opt)
	if len(res) != 1 {
		t.Fatalf("got %d results, want 1: %v", len(res), res)
	}
	return res[0].doc, res[0].err
}

func TestReadFile(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		want    news.Document // Origin and Seq not compared; Body compared when set
		wantErr error         // errors.Is target
		errText string        // substring of the message
	}{
		{
			name: "text with header",
			path: "testdata/text/header.txt",
			want: news.Document{
				Format: news.FormatText, Title: "Ferry service suspended after storm damages pier",
				Source: "Coastal Herald", URL: "https://example.org/news/ferry-pier",
				Published: time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC), Byline: "Jane Doe", Language: "en",
				Body: []byte("The island ferry will not run for at least a week after Saturday's storm tore away part of the harbour pier, the operator said.\n\nEngineers are assessing the damage.\n"),
			},
		},
		{
			name: "header keys in any case, byline alias",
			path: "testdata/text/header_keys_case.txt",
			want: news.Document{
				Format: news.FormatText, Title: "Council approves new cycle lanes", Byline: "Sam Park",
				Published: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC),
				Body:      []byte("Councillors voted eight to three on Monday night to build the lanes.\n"),
			},
		},
		{
			name: "front matter with quotes, lists and unknown keys",
			path: "testdata/text/frontmatter.md",
			want: news.Document{
				Format: news.FormatText, Title: "Library reopens after two-year refit", Source: "Valley Gazette",
				Byline: "Lee Chan", Published: time.Date(2024, 11, 2, 14, 5, 0, 0, time.UTC),
				Body: []byte("The town library reopened on Saturday with a new children's wing.\n"),
			},
		},
		{
			name: "plain text without header",
			path: "testdata/text/plain.txt",
			want: news.Document{Format: news.FormatText, Body: mustRead(t, "testdata/text/plain.txt")},
		},
		{
			name: "header lookalike is text",
			path: "testdata/text/lookalike.txt",
			want: news.Document{Format: news.FormatText, Body: mustRead(t, "testdata/text/lookalike.txt")},
		},
		{
			name: "opening rule is not front matter",
			path: "testdata/text/rule_not_frontmatter.txt",
			want: news.Document{Format: news.FormatText, Body: mustRead(t, "testdata/text/rule_not_frontmatter.txt")},
		},
		{
			name: "byte order mark and CRLF",
			path: "testdata/text/bom_crlf.txt",
			want: news.Document{Format: news.FormatText, Title: "With a byte order mark", Body: []byte("Windows line ends\nthroughout.\n")},
		},
		{
			name: "UTF-16 with byte order mark is decoded",
			path: "testdata/text/utf16.txt",
			want: news.Document{Format: news.FormatText, Body: []byte("UTF-16 text\n")},
		},
		{name: "empty", path: "testdata/text/empty.txt", wantErr: news.ErrEmpty},
		{name: "header without text", path: "testdata/text/header_only.txt", wantErr: news.ErrEmpty, errText: "no text after the header"},
		{name: "binary", path: "testdata/text/binary.txt", wantErr: news.ErrBinary},
		{name: "Latin-1", path: "testdata/text/latin1.txt", wantErr: news.ErrEncoding, errText: "byte offset 7; looks like Latin-1/Windows-1252"},
		{name: "unparseable published", path: "testdata/text/bad_date.txt", errText: `"the day before yesterday"`},
		{name: "missing file", path: "testdata/text/nope.txt", wantErr: fs.ErrNotExist, errText: "testdata/text/nope.txt: stat: "},
		{
			name: "HTML passed through raw, charset untouched",
			path: "testdata/html/page.html",
			want: news.Document{Format: news.FormatHTML, Body: mustRead(t, "testdata/html/page.html")},
		},
		{name: "upper-case HTML extension", path: "testdata/html/UPPER.HTM", want: news.Document{Format: news.FormatHTML}},
		{name: "blank HTML", path: "testdata/html/blank.html", wantErr: news.ErrEmpty},
		{
			name: "unknown extension, text",
			path: "testdata/misc/notes.log",
			want: news.Document{Format: news.FormatText, Body: []byte("Plain text in a file with an unknown extension.\n")},
		},
		{name: "unknown extension, HTML after a comment", path: "testdata/misc/page.xyz", want: news.Document{Format: news.FormatHTML}},
		{name: "unknown extension, header element is not HTML", path: "testdata/misc/header_tag.xyz", want: news.Document{Format: news.FormatText}},
		{name: "unknown extension, binary", path: "testdata/misc/doc.bin", wantErr: ErrUnsupported},
		{name: "unknown extension, Latin-1", path: "testdata/misc/latin1.dat", wantErr: ErrUnsupported, errText: "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := one(t, tt.path, nil, Options{})
			if tt.wantErr != nil || tt.errText != "" {
				if err == nil {
					t.Fatalf("got a document, want error %v %q", tt.wantErr, tt.errText)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("error %q is not %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.errText) || !strings.HasPrefix(err.Error(), tt.path+": ") {
					t.Errorf("error %q: want it to start with %q and contain %q", err, tt.path+": ", tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Origin != tt.path {
				t.Errorf("Origin = %q, want %q", doc.Origin, tt.path)
			}
			got := *doc
			got.Origin, got.Seq = "", 0
			if tt.want.Body == nil {
				got.Body = nil
			}
			if !equalDoc(got, tt.want) {
				t.Errorf("got  %s\nwant %s", describe(&got), describe(&tt.want))
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	res := collect(t, []string{"testdata/jsonl/export.jsonl", "testdata/jsonl/bom.ndjson"}, nil, Options{})
	var got []string
	for _, r := range res {
		if r.err != nil {
			got = append(got, "error "+r.err.Error())
			continue
		}
		got = append(got, fmt.Sprintf("%d %s %s %q %q %s", r.doc.Seq, r.doc.Format, r.doc.Origin, r.doc.Title, r.doc.Body, r.doc.Published.Format(time.RFC3339)))
	}
	want := []string{
		`0 article https://example.org/1 "First" "First article.\n\nSecond paragraph." 2025-03-14T09:30:00Z`,
		`1 article testdata/jsonl/export.jsonl:3 "Second" "Second article." 0001-01-01T00:00:00Z`,
		`error testdata/jsonl/export.jsonl:4: invalid JSON: unexpected end of JSON input`,
		`error testdata/jsonl/export.jsonl:5: empty document: no "text"`,
		`error testdata/jsonl/export.jsonl:6: not a JSON object`,
		`error testdata/jsonl/export.jsonl:7: published: unrecognised date "soon"`,
		`2 article testdata/jsonl/export.jsonl:8 "Last" "Last article." 0001-01-01T00:00:00Z`,
		`3 article testdata/jsonl/bom.ndjson:1 "" "Only line, after a BOM, no newline at the end." 0001-01-01T00:00:00Z`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range res {
		var fe *Error
		if r.err != nil && (!errors.As(r.err, &fe) || fe.Line == 0) {
			t.Errorf("line error without a line number: %v", r.err)
		}
	}
	// The export's own metadata comes through.
	if d := res[0].doc; d.Source != "Coastal Herald" || d.Byline != "Jane Doe" || d.URL != "https://example.org/1" || d.Language != "en" {
		t.Errorf("metadata lost: %s", describe(d))
	}
}

// TestReadTree reads a folder and compares what it delivered, in order,
// with a golden file (go test -update rewrites it).
func TestReadTree(t *testing.T) {
	res := collect(t, []string{"testdata/tree"}, nil, Options{})
	var b strings.Builder
	for _, r := range res {
		if r.err != nil {
			kind := "failed"
			if errors.Is(r.err, ErrSkipped) {
				kind = "skipped"
			}
			fmt.Fprintf(&b, "%s: %v\n", kind, r.err)
			continue
		}
		fmt.Fprintf(&b, "%d %s %s %q\n", r.doc.Seq, r.doc.Format, filepath.ToSlash(r.doc.Origin), r.doc.Body)
	}
	golden(t, "testdata/tree.golden", b.String())
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\ngot\n%s\nwant\n%s", path, got, want)
	}
}

func TestReadSeqAcrossPaths(t *testing.T) {
	res := collect(t, []string{"testdata/text/plain.txt", "testdata/text/empty.txt", "testdata/jsonl/export.jsonl", "-"},
		strings.NewReader("stdin text"), Options{})
	seq := 0
	for _, r := range res {
		if r.doc == nil {
			continue
		}
		if r.doc.Seq != seq {
			t.Errorf("%s: Seq = %d, want %d", r.doc.Origin, r.doc.Seq, seq)
		}
		seq++
	}
	if seq != 5 {
		t.Errorf("got %d documents, want 5", seq)
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name       string
		input      string
		wantFormat news.Format
		wantTitle  string
		wantErr    error
		wantCount  int
	}{
		{name: "HTML", input: "\ufeff  <!doctype html><p>x</p>", wantFormat: news.FormatHTML, wantCount: 1},
		{name: "HTML body fragment", input: "<BODY>x</BODY>", wantFormat: news.FormatHTML, wantCount: 1},
		{name: "JSON Lines", input: " {\"text\":\"a\",\"title\":\"T\"}\n{\"text\":\"b\"}\n", wantFormat: news.FormatArticle, wantTitle: "T", wantCount: 2},
		{name: "text with header", input: "Title: Hello\n\nBody.", wantFormat: news.FormatText, wantTitle: "Hello", wantCount: 1},
		{name: "text starting with a tag", input: "<b>Bold</b> claim.", wantFormat: news.FormatText, wantCount: 1},
		{name: "empty", input: "  \n", wantErr: news.ErrEmpty, wantCount: 1},
		{name: "binary", input: "\x00\x01\x02abc", wantErr: news.ErrBinary, wantCount: 1},
		{name: "Latin-1", input: "caf\xe9", wantErr: news.ErrEncoding, wantCount: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := collect(t, []string{"-"}, strings.NewReader(tt.input), Options{})
			if len(res) != tt.wantCount {
				t.Fatalf("got %d results, want %d", len(res), tt.wantCount)
			}
			r := res[0]
			if tt.wantErr != nil {
				if !errors.Is(r.err, tt.wantErr) || !strings.HasPrefix(r.err.Error(), "-: ") {
					t.Errorf("error = %v, want %v naming -", r.err, tt.wantErr)
				}
				return
			}
			if r.err != nil {
				t.Fatal(r.err)
			}
			if r.doc.Format != tt.wantFormat || r.doc.Title != tt.wantTitle {
				t.Errorf("format %s, title %q; want %s, %q", r.doc.Format, r.doc.Title, tt.wantFormat, tt.wantTitle)
			}
			if r.doc.Format != news.FormatArticle && r.doc.Origin != "-" {
				t.Errorf("Origin = %q, want -", r.doc.Origin)
			}
		})
	}
	t.Run("no stdin", func(t *testing.T) {
		if _, err := one(t, "-", nil, Options{}); err == nil {
			t.Error("no error without stdin")
		}
	})
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("word "), 300), 0o644); err != nil { // 1500 bytes
		t.Fatal(err)
	}
	lines := filepath.Join(dir, "lines.jsonl")
	long := `{"text":"` + strings.Repeat("x", 2000) + `"}`
	if err := os.WriteFile(lines, []byte(`{"text":"short"}`+"\n"+long+"\n"+`{"text":"after"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := Options{MaxSize: 1000}
	tests := []struct {
		name  string
		path  string
		stdin io.Reader
		want  []string // "ok" or an error substring, per result
	}{
		{"file over the limit", big, nil, []string{"larger than the size limit (1500 bytes; the limit is 1000)"}},
		{"stdin over the limit", "-", bytes.NewReader(bytes.Repeat([]byte("a "), 600)), []string{"larger than the size limit (more than 1000 bytes)"}},
		{"file at the limit", "-", bytes.NewReader(bytes.Repeat([]byte("a "), 500)), []string{"ok"}},
		{"one JSON Lines line over the limit", lines, nil, []string{"ok", lines + ":2: larger than the size limit", "ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := collect(t, []string{tt.path}, tt.stdin, opt)
			if len(res) != len(tt.want) {
				t.Fatalf("got %d results, want %d", len(res), len(tt.want))
			}
			for i, w := range tt.want {
				switch {
				case w == "ok" && res[i].err != nil:
					t.Errorf("result %d: %v", i, res[i].err)
				case w != "ok" && (res[i].err == nil || !errors.Is(res[i].err, news.ErrTooLarge) || !strings.Contains(res[i].err.Error(), w)):
					t.Errorf("result %d: error %v, want ErrTooLarge containing %q", i, res[i].err, w)
				}
			}
		})
	}
	t.Run("default limit is 10 MiB", func(t *testing.T) {
		if got := (Options{}).maxSize(); got != 10<<20 {
			t.Errorf("maxSize = %d", got)
		}
	})
}

// TestUnreadable checks that a file and a folder that cannot be opened are
// reported and the rest of the folder is still read.
func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("text of "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	locked := filepath.Join(dir, "b.txt")
	lockedDir := filepath.Join(dir, "d")
	if err := os.Mkdir(lockedDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lockedDir, "x.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{locked, lockedDir} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(lockedDir, 0o755) })
	if f, err := os.Open(locked); err == nil {
		f.Close()
		t.Skip("running with permission to read mode-000 files (root?)")
	}
	res := collect(t, []string{dir}, nil, Options{})
	var got []string
	for _, r := range res {
		if r.err != nil {
			if !errors.Is(r.err, fs.ErrPermission) {
				t.Errorf("error %v is not a permission error", r.err)
			}
			got = append(got, "error "+r.err.Error())
		} else {
			got = append(got, string(r.doc.Body))
		}
	}
	want := []string{"text of a.txt", "error " + locked + ": open: permission denied", "text of c.txt", "error " + lockedDir + ": open: permission denied"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestOptionsOverride(t *testing.T) {
	when := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	res := collect(t, []string{"testdata/text/header.txt", "testdata/html/page.html", "testdata/jsonl/export.jsonl"}, nil,
		Options{Source: "Override", Published: when})
	n := 0
	for _, r := range res {
		if r.doc == nil {
			continue
		}
		n++
		if r.doc.Source != "Override" || !r.doc.Published.Equal(when) {
			t.Errorf("%s: Source %q, Published %v; want the overrides", r.doc.Origin, r.doc.Source, r.doc.Published)
		}
	}
	if n != 5 {
		t.Errorf("got %d documents, want 5", n)
	}
}

func TestCallbackErrorStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Read(context.Background(), []string{"testdata/tree", "testdata/text/plain.txt"}, nil, Options{},
		func(*news.Document, error) error {
			calls++
			if calls == 2 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) || calls != 2 {
		t.Errorf("Read = %v after %d calls, want stop after 2", err, calls)
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := Read(ctx, []string{"testdata/tree", "testdata/text/plain.txt"}, nil, Options{},
		func(*news.Document, error) error {
			calls++
			cancel()
			return nil
		})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("Read = %v after %d calls, want context.Canceled after 1", err, calls)
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Path: "a/b.txt", Err: news.ErrEmpty}, "a/b.txt: empty document"},
		{&Error{Path: "x.jsonl", Line: 7, Err: news.ErrEmpty}, "x.jsonl:7: empty document"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, news.ErrEmpty) {
			t.Errorf("%q does not unwrap to its cause", tt.want)
		}
	}
}

// TestSeeds reads the shared sample articles, when present: all are text.
func TestSeeds(t *testing.T) {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("repository root not found")
		}
		dir = filepath.Dir(dir)
	}
	seeds := filepath.Join(dir, "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no sample articles:", err)
	}
	res := collect(t, []string{seeds}, nil, Options{})
	if len(res) == 0 {
		t.Skip("no sample articles")
	}
	for _, r := range res {
		if r.err != nil {
			t.Errorf("%v", r.err)
			continue
		}
		if r.doc.Format != news.FormatText || len(r.doc.Body) == 0 {
			t.Errorf("%s: format %s, %d bytes", r.doc.Origin, r.doc.Format, len(r.doc.Body))
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func equalDoc(a, b news.Document) bool {
	return a.Format == b.Format && bytes.Equal(a.Body, b.Body) && a.Source == b.Source && a.URL == b.URL &&
		a.Title == b.Title && a.Byline == b.Byline && a.Published.Equal(b.Published) && a.Language == b.Language
}

func describe(d *news.Document) string {
	return fmt.Sprintf("{%s title=%q source=%q url=%q byline=%q published=%s lang=%q body=%q}",
		d.Format, d.Title, d.Source, d.URL, d.Byline, d.Published.Format(time.RFC3339), d.Language, d.Body)
}

func TestSymlinksAndSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "alpha")
	write("README", "no extension")
	if err := os.Symlink("a.txt", filepath.Join(dir, "b.txt")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "loop.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	res := collect(t, []string{dir}, nil, Options{})
	var got []string
	for _, r := range res {
		if r.err != nil {
			got = append(got, strings.TrimPrefix(r.err.Error(), dir+string(filepath.Separator)))
		} else {
			got = append(got, string(r.doc.Body))
		}
	}
	want := []string{
		"README: skipped: no file extension",
		"alpha",
		"alpha", // b.txt, a link to a file, is followed
		"dangling.txt: stat: no such file or directory",
		"loop.txt: skipped: symbolic link to a folder",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
