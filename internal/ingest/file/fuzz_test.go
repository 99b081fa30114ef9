package file

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

func FuzzSplitHeader(f *testing.F) {
	for _, s := range []string{
		"Title: A\nAuthor: B\n\nBody",
		"---\ntitle: \"A\"\ntags:\n  - x\n---\nBody",
		"Washington: text\n\nmore",
		"---\n---\n",
		"Title:\n\n",
		"---\nnot: closed\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fields, body := splitHeader(data)
		if !bytes.HasSuffix(data, body) {
			t.Fatalf("body %q is not the rest of the input", body)
		}
		if fields == nil && !bytes.Equal(body, data) {
			t.Fatalf("no header but body %q != input", body)
		}
		for _, fl := range fields {
			if strings.ContainsRune(fl.value, '\n') {
				t.Errorf("field %s value %q spans lines", fl.name, fl.value)
			}
			if _, ok := headerField[fl.name]; !ok && fl.name != "byline" {
				t.Errorf("unknown field name %q", fl.name)
			}
		}
	})
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`{"text":"a","title":"b","published":"2025-01-02T03:04:05Z"}`,
		`{"text":""}`,
		`{"text":"\ud800 lone surrogate"}`,
		`["x"]`,
		`{"text":"a"} trailing`,
		"{\"text\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		doc, err := parseLine(line)
		if err != nil {
			if doc != nil {
				t.Fatal("document and error both returned")
			}
			return
		}
		if doc.Format != news.FormatArticle {
			t.Errorf("format %s", doc.Format)
		}
		if !utf8.Valid(doc.Body) || len(bytes.TrimSpace(doc.Body)) == 0 {
			t.Errorf("body %q is empty or not UTF-8", doc.Body)
		}
	})
}

// FuzzReadStdin feeds arbitrary bytes through the whole of Read: whatever
// comes in, documents are numbered in order, bounded by MaxSize, and text
// is valid UTF-8 without carriage returns.
func FuzzReadStdin(f *testing.F) {
	for _, s := range []string{
		"Title: A\n\nBody",
		"<!doctype html><p>x",
		"{\"text\":\"a\"}\n{bad\n{\"text\":\"b\"}",
		"\xef\xbb\xbf---\ntitle: x\n---\n\nbody\r\n",
		"\xff\xfeh\x00i\x00",
		"caf\xe9",
	} {
		f.Add([]byte(s))
	}
	const limit = 256
	f.Fuzz(func(t *testing.T, data []byte) {
		seq := 0
		err := Read(context.Background(), []string{"-"}, bytes.NewReader(data), Options{MaxSize: limit},
			func(d *news.Document, err error) error {
				if err != nil {
					if d != nil {
						t.Fatal("document and error both delivered")
					}
					return nil
				}
				if d.Seq != seq {
					t.Errorf("Seq = %d, want %d", d.Seq, seq)
				}
				seq++
				if len(d.Body) > limit && d.Format != news.FormatText {
					t.Errorf("body of %d bytes over the %d limit", len(d.Body), limit)
				}
				if d.Format != news.FormatHTML && (!utf8.Valid(d.Body) || bytes.IndexByte(d.Body, '\r') >= 0) {
					t.Errorf("%s body %q is not clean UTF-8", d.Format, d.Body)
				}
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
	})
}
