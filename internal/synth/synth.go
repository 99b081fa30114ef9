// Package synth generates synthetic news articles for benchmarks: a Zipfian
// vocabulary, events with their own words and names, outlets with their own
// page furniture, and publication times that move forward, so that a corpus
// of any size looks to Parallax like a stream of real coverage.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Options shape a generated corpus. Zero values take the defaults.
type Options struct {
	Seed         uint64
	ArticleBytes int           // target size of an article's text; 5000 by default
	PerEvent     int           // articles per event on average; 4 by default
	Outlets      int           // 40 by default
	Start        time.Time     // first publication time
	Step         time.Duration // time between articles; 1 minute by default
	Vocabulary   int           // 30000 by default
}

// Generator produces articles one at a time.
type Generator struct {
	opt     Options
	rng     *rand.Rand
	zipf    *rand.Zipf
	words   []string
	outlets []outlet
	n       int
	event   *event
}

type outlet struct {
	name      string
	furniture []string
}

type event struct {
	id    int
	words []string
	names []string
	left  int
}

// New returns a generator.
func New(opt Options) *Generator {
	if opt.ArticleBytes == 0 {
		opt.ArticleBytes = 5000
	}
	if opt.PerEvent == 0 {
		opt.PerEvent = 4
	}
	if opt.Outlets == 0 {
		opt.Outlets = 40
	}
	if opt.Start.IsZero() {
		opt.Start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if opt.Step == 0 {
		opt.Step = time.Minute
	}
	if opt.Vocabulary == 0 {
		opt.Vocabulary = 30000
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	g := &Generator{opt: opt, rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, uint64(opt.Vocabulary-1))}
	g.words = make([]string, opt.Vocabulary)
	for i := range g.words {
		g.words[i] = g.word(3 + rng.IntN(7))
	}
	for i := range opt.Outlets {
		o := outlet{name: fmt.Sprintf("Outlet %s", strings.ToUpper(g.word(1))+g.word(6))}
		o.furniture = []string{
			fmt.Sprintf("Subscribe to the %s newsletter", o.name),
			fmt.Sprintf("%s app: download now", o.name),
			"Sign in",
			fmt.Sprintf("More from %s %d", o.name, i),
		}
		g.outlets = append(g.outlets, o)
	}
	return g
}

func (g *Generator) word(n int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[g.rng.IntN(len(letters))]
	}
	return string(b)
}

// Next returns the next article as a plain-text document and the id of the
// event it covers.
func (g *Generator) Next() (*news.Document, int) {
	if g.event == nil || g.event.left == 0 {
		id := 0
		if g.event != nil {
			id = g.event.id + 1
		}
		e := &event{id: id, left: 1 + g.rng.IntN(2*g.opt.PerEvent-1)}
		for range 40 {
			e.words = append(e.words, g.words[g.rng.IntN(len(g.words))])
		}
		for range 4 {
			e.names = append(e.names, capital(g.word(5))+" "+capital(g.word(7)))
		}
		g.event = e
	}
	e := g.event
	e.left--
	o := g.outlets[g.rng.IntN(len(g.outlets))]
	var b strings.Builder
	title := capital(e.words[0]) + " " + e.words[1] + " " + e.names[0] + " " + e.words[2]
	b.WriteString(title + "\n\n")
	b.WriteString(o.furniture[0] + "\n\n")
	for b.Len() < g.opt.ArticleBytes {
		for s := 0; s < 4; s++ {
			n := 12 + g.rng.IntN(14)
			for i := range n {
				var w string
				switch r := g.rng.IntN(10); {
				case r < 2:
					w = e.words[g.rng.IntN(len(e.words))]
				case r == 2 && i > 0:
					w = e.names[g.rng.IntN(len(e.names))]
				default:
					w = g.words[g.zipf.Uint64()]
				}
				if i == 0 {
					w = capital(w)
				}
				b.WriteString(w)
				if i < n-1 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(". ")
		}
		b.WriteString("\n\n")
	}
	for _, f := range o.furniture[1:] {
		b.WriteString(f + "\n")
	}
	d := &news.Document{
		Origin:    fmt.Sprintf("synthetic/%d.txt", g.n),
		Format:    news.FormatText,
		Body:      []byte(b.String()),
		Source:    o.name,
		Title:     title,
		Published: g.opt.Start.Add(time.Duration(g.n) * g.opt.Step),
		Seq:       g.n,
	}
	g.n++
	return d, e.id
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
