package clean

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render prints a Result in a reviewable form: title, kept paragraphs,
// removed lines with their reasons.
func render(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "TITLE: %s\n\nTEXT:\n%s\n\nREMOVED:\n", r.Title, r.Text)
	for _, x := range r.Removed {
		fmt.Fprintf(&b, "[%s] %s\n", x.Reason, x.Line)
	}
	return b.String()
}

// TestGolden cleans the hand-written pages in testdata and compares the
// result with the reviewed golden files (go test -update rewrites them).
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := render(Clean(string(b), Options{}))
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", in, golden, got)
			}
		})
	}
}
