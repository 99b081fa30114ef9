package cluster

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/synth"
)

// BenchmarkAssign measures placing one 5 KB article after a number of
// articles were already placed; the cost should not grow with that number.
//
//	go test -bench Assign -run '^$' ./internal/cluster
func BenchmarkAssign(b *testing.B) {
	for _, stored := range []int{1000, 10000, 50000} {
		b.Run(fmt.Sprintf("stored=%d", stored), func(b *testing.B) {
			gen := synth.New(synth.Options{Seed: 1})
			c := New(Options{}, nil)
			place := func(i int) {
				d, _ := gen.Next()
				title, text, _ := strings.Cut(string(d.Body), "\n\n")
				f := Extract(title, text)
				c.Stats().Observe(f)
				dec := c.Assign(Article{Features: f, Title: title, When: d.Published, Dated: true}, fmt.Sprintf("s%d", i))
				if err := c.Apply(dec.Story); err != nil {
					b.Fatal(err)
				}
			}
			for i := range stored {
				place(i)
			}
			i := stored
			b.ResetTimer()
			for b.Loop() {
				place(i)
				i++
			}
			b.ReportMetric(float64(c.Len()), "stories-held")
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	d, _ := synth.New(synth.Options{Seed: 2}).Next()
	text := string(d.Body)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract("A title of some words", text)
	}
}
