package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// repoRoot walks up from the package directory to the one holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the package")
		}
		dir = parent
	}
}

// TestSeeds checks properties of the cleaned sample scrapes that can be
// read off the raw text without trusting the classifier:
//   - every line that ends like a sentence and has at least 12 words is kept,
//     unless it has a credit in parentheses at its end (a caption);
//   - no kept line ends with an ellipsis (teasers);
//   - a run of 3 or more short unpunctuated lines at the end is gone;
//   - before the first such long sentence, lines of under 8 words are gone;
//   - the title is a single line, and comes from the text when the document
//     opens with prose.
func TestSeeds(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seeds in %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r := Clean(string(b), Options{})
			kept := strings.Split(r.Text, "\n\n")
			var in []string
			for _, s := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
				if s = strings.TrimSpace(s); s != "" {
					in = append(in, s)
				}
			}
			long := func(s string) bool {
				core := strings.TrimRight(s, "\"'”’) ")
				return len(strings.Fields(s)) >= 12 && strings.ContainsAny(core[len(core)-1:], ".!?") &&
					!strings.HasSuffix(s, "...")
			}
			firstLong := slices.IndexFunc(in, long)
			for i, s := range in {
				switch {
				case long(s) && !strings.HasSuffix(s, ")"):
					if !slices.Contains(kept, s) {
						t.Errorf("lost prose line %d: %.80q", i, s)
					}
				case i < firstLong && len(strings.Fields(s)) < 8:
					if slices.Contains(kept, s) {
						t.Errorf("kept head line %d: %q", i, s)
					}
				}
			}
			for _, k := range kept {
				if strings.HasSuffix(k, "…") || strings.HasSuffix(k, "...") {
					t.Errorf("kept teaser %.80q", k)
				}
			}
			end := len(in)
			for end > 0 && len(strings.Fields(in[end-1])) <= 15 && !strings.ContainsAny(in[end-1][len(in[end-1])-1:], ".!?…") {
				end--
			}
			if len(in)-end >= 3 {
				for _, s := range in[end:] {
					if slices.Contains(kept, s) {
						t.Errorf("kept trailing headline %q", s)
					}
				}
			}
			if r.Title == "" || strings.Contains(r.Title, "\n") || len(r.Title) > 200 {
				t.Errorf("bad title %q", r.Title)
			}
			if long(in[0]) && !strings.HasPrefix(in[0], strings.TrimSuffix(r.Title, "…")) {
				t.Errorf("title %q is not taken from the opening paragraph", r.Title)
			}
		})
	}
}
