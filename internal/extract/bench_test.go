package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtractNewsPage extracts the realistic fixture page.
func BenchmarkExtractNewsPage(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "news.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(page, "https://coastalherald.example/news/x", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
