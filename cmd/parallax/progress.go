package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// progress draws a one-line progress bar on a terminal, at most ten times a
// second; it draws nothing when w is not a terminal.
type progress struct {
	w       io.Writer
	on      bool
	label   string
	total   int
	done    int
	drawn   time.Time
	visible bool
}

func newProgress(w io.Writer, on bool) *progress { return &progress{w: w, on: on} }

// start begins a phase of total steps (0 when unknown).
func (p *progress) start(label string, total int) {
	p.label, p.total, p.done = label, total, 0
	p.draw(true)
}

func (p *progress) step() {
	p.done++
	p.draw(p.done == p.total)
}

func (p *progress) draw(force bool) {
	if !p.on || (!force && time.Since(p.drawn) < 100*time.Millisecond) {
		return
	}
	p.drawn = time.Now()
	p.visible = true
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\r\033[K%s %d", p.label, p.done)
		return
	}
	const width = 30
	n := width * p.done / p.total
	fmt.Fprintf(p.w, "\r\033[K%s [%s%s] %d/%d", p.label, strings.Repeat("=", n), strings.Repeat(" ", width-n), p.done, p.total)
}

// clear removes the bar so that normal output follows on a clean line.
func (p *progress) clear() {
	if p.on && p.visible {
		fmt.Fprint(p.w, "\r\033[K")
		p.visible = false
	}
}
