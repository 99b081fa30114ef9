// Command parallax is the Parallax news-intelligence engine: it ingests
// articles, folds the coverage of one event into one story, and lets you
// read, search and export the stories.
//
// main turns signals into a context, runs one subcommand, and turns its
// result into an exit status. Each subcommand lives in its own file.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a subcommand may touch of the outside world, so tests can run
// commands in-process with their own streams and environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	isTerminal     bool // stderr is a terminal: show progress
}

func commands() []command {
	return []command{
		{"ingest", "store articles from files, folders or standard input", runIngest},
		{"stories", "list stories, most recent first", runStories},
		{"story", "show one story", runStory},
		{"search", "full-text search over titles and texts", runSearch},
		{"export", "export stories as JSON or JSON Lines", runExport},
		{"demo", "ingest the bundled example corpus and show its stories", runDemo},
		{"eval", "score story clustering against gold labels", runEval},
		{"bench", "measure end-to-end ingest speed on synthetic articles", runBench},
	}
}

// errFailed marks a run that did its work but had failures to report; the
// details were already printed.
var errFailed = errors.New("some inputs failed")

// errUsage marks a command-line mistake; the usage was already printed.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, isTerminal: isTerminal(os.Stderr)}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		case errors.Is(err, errFailed):
			return 1
		}
		fmt.Fprintf(e.stderr, "parallax %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(e.stderr, "parallax: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Parallax folds the coverage of one news event by many outlets into one story.")
	fmt.Fprintln(w, "\nUsage: parallax COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --data DIR (default $PARALLAX_DATA, else the user's data home) and --help.")
}
