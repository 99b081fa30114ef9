package file

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// BenchmarkReadFolder reads a folder of 200 text files of 5 KB, each with a
// metadata header, in 10 sub-folders.
func BenchmarkReadFolder(b *testing.B) {
	sample, err := os.ReadFile("testdata/text/header.txt")
	if err != nil {
		b.Fatal(err)
	}
	head, body, _ := bytes.Cut(sample, []byte("\n\n"))
	var file bytes.Buffer
	file.Write(head)
	file.WriteString("\n\n")
	for file.Len() < 5000 {
		file.Write(body)
		file.WriteString("\n")
	}
	dir := b.TempDir()
	const files = 200
	for i := range files {
		sub := filepath.Join(dir, fmt.Sprintf("day%02d", i%10))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("article%03d.txt", i)), file.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(files * file.Len()))
	for b.Loop() {
		n := 0
		err := Read(context.Background(), []string{dir}, nil, Options{}, func(d *news.Document, err error) error {
			if err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil || n != files {
			b.Fatalf("read %d documents: %v", n, err)
		}
	}
}
