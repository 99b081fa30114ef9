package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// errHelp is returned after --help printed a command's usage.
var errHelp = errors.New("help shown")

// flags starts a subcommand's flag set with the flags every command shares.
type flags struct {
	*flag.FlagSet
	data *string
	e    *env
	args string
}

func newFlags(e *env, name, args, summary string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	f := &flags{FlagSet: fs, e: e, args: args}
	f.data = fs.String("data", "", "data directory (default $PARALLAX_DATA, else "+defaultDataDir(os.Getenv)+")")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: parallax %s [flags] %s\n\n%s\n\nFlags:\n", name, args, summary)
		fs.PrintDefaults()
	}
	return f
}

// parse parses args, mapping --help to errHelp and mistakes to errUsage.
func (f *flags) parse(args []string) error {
	f.SetOutput(f.e.stderr)
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			f.SetOutput(f.e.stdout)
			f.Usage()
			return errHelp
		}
	}
	if err := f.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// usageError reports a bad flag value with the usage, as a usage error.
func (f *flags) usageError(format string, args ...any) error {
	fmt.Fprintf(f.e.stderr, "parallax %s: %s\n\n", f.Name(), fmt.Sprintf(format, args...))
	f.SetOutput(f.e.stderr)
	f.Usage()
	return errUsage
}

// dataDir resolves the data directory: the flag, then PARALLAX_DATA, then
// the user's data home.
func (f *flags) dataDir() string {
	if *f.data != "" {
		return *f.data
	}
	if d := f.e.getenv("PARALLAX_DATA"); d != "" {
		return d
	}
	return defaultDataDir(f.e.getenv)
}

// defaultDataDir follows the XDG base directory convention.
func defaultDataDir(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "parallax")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "parallax")
	}
	return "parallax-data"
}

// parseSize reads a byte size such as 10MB, 512KiB or 1048576.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(strings.ToUpper(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.m
			break
		}
	}
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil || n <= 0 {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	return n * mult, nil
}
