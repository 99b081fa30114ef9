// Package file owns reading local files and standard input into
// news.Documents: expanding folders, telling formats apart (plain text,
// HTML, JSON Lines exports), reading the small metadata header a text file
// may carry, and refusing what is not text (empty, binary, wrongly encoded,
// too large) with an error that names the file.
//
// It does not clean or extract anything: HTML bodies are passed through as
// raw bytes for the extractor, text bodies keep their furniture.
package file

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// DefaultMaxSize is the per-file size limit when Options.MaxSize is zero.
const DefaultMaxSize = 10 << 20

// Options tune Read. Zero values take the defaults.
type Options struct {
	// MaxSize bounds each file (and each JSON Lines line); 0 = 10 MiB.
	// Larger input fails with an error wrapping news.ErrTooLarge.
	MaxSize int64
	// Source, when set, is every document's Source.
	Source string
	// Published, when non-zero, is every document's Published.
	Published time.Time
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

var (
	// ErrSkipped marks a file inside a folder that is not read because of
	// its kind (extension, not a regular file). Callers count it as
	// skipped, not failed.
	ErrSkipped = errors.New("skipped")
	// ErrUnsupported marks an explicitly named file whose format is neither
	// known by extension nor recognisable as text or HTML.
	ErrUnsupported = errors.New("unsupported format")
)

// Error is one input that could not be read: a file, or one line of a JSON
// Lines file.
type Error struct {
	Path string
	Line int // 1-based line of a JSON Lines file; 0 for the whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// newError wraps err for path, dropping the path an *fs.PathError repeats.
func newError(path string, line int, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return &Error{Path: path, Line: line, Err: err}
}

// Read expands paths in order and calls fn with each document read, or
// with an *Error for each input that failed or was skipped (see ErrSkipped).
// A path is a file, a folder (read recursively, entries in lexical order,
// names starting with "." skipped) or "-" for stdin, whose format is
// sniffed. Documents are numbered by Seq in delivery order. One bad file
// never stops the rest; an error returned by fn, or the end of ctx, stops
// Read and is returned.
func Read(ctx context.Context, paths []string, stdin io.Reader, opt Options, fn func(*news.Document, error) error) error {
	r := &reader{ctx: ctx, opt: opt, fn: fn, stdin: stdin}
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return err
		}
	}
	return nil
}

// reader holds the state of one Read call.
type reader struct {
	ctx   context.Context
	opt   Options
	fn    func(*news.Document, error) error
	stdin io.Reader
	seq   int
}

func (r *reader) emit(d *news.Document) error {
	if r.opt.Source != "" {
		d.Source = r.opt.Source
	}
	if !r.opt.Published.IsZero() {
		d.Published = r.opt.Published
	}
	d.Seq = r.seq
	r.seq++
	return r.fn(d, nil)
}

func (r *reader) fail(path string, line int, err error) error {
	return r.fn(nil, newError(path, line, err))
}

// path reads one path as named by the caller.
func (r *reader) path(p string) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if p == "-" {
		if r.stdin == nil {
			return r.fail(p, 0, errors.New("no standard input"))
		}
		return r.stream(p, r.stdin, -1, formatUnknown)
	}
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(p, 0, err)
	}
	if info.IsDir() {
		return r.dir(p)
	}
	f, ok := formatOf(p)
	if !ok {
		f = formatSniff
	}
	return r.file(p, info, f)
}

// dir reads a folder recursively in lexical order.
func (r *reader) dir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		// ReadDir returns what it read before failing; go on with that.
		if ferr := r.fail(dir, 0, err); ferr != nil {
			return ferr
		}
	}
	for _, e := range entries {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			if err := r.dir(p); err != nil {
				return err
			}
			continue
		}
		f, ok := formatOf(p)
		if !ok {
			reason := fmt.Sprintf("unsupported extension %q", filepath.Ext(p))
			if filepath.Ext(p) == "" {
				reason = "no file extension"
			}
			if err := r.fail(p, 0, fmt.Errorf("%w: %s", ErrSkipped, reason)); err != nil {
				return err
			}
			continue
		}
		// Stat follows a symbolic link; links to folders are not followed,
		// so a link cycle cannot make Read loop.
		info, err := os.Stat(p)
		switch {
		case err != nil:
			err = r.fail(p, 0, err)
		case info.IsDir():
			err = r.fail(p, 0, fmt.Errorf("%w: symbolic link to a folder", ErrSkipped))
		case !info.Mode().IsRegular():
			err = r.fail(p, 0, fmt.Errorf("%w: not a regular file (%s)", ErrSkipped, info.Mode().Type()))
		default:
			err = r.file(p, info, f)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// file reads one file whose format is known or to be sniffed.
func (r *reader) file(p string, info fs.FileInfo, f format) error {
	limit := r.opt.maxSize()
	// JSON Lines are streamed and bounded per line: an export may hold
	// many articles and be far larger than one article may be.
	if f != formatJSONL && info.Mode().IsRegular() && info.Size() > limit {
		return r.fail(p, 0, tooLarge(info.Size(), limit))
	}
	fh, err := os.Open(p)
	if err != nil {
		return r.fail(p, 0, err)
	}
	defer fh.Close()
	size := int64(-1)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	return r.stream(p, fh, size, f)
}

func tooLarge(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("%w (more than %d bytes)", news.ErrTooLarge, limit)
	}
	return fmt.Errorf("%w (%d bytes; the limit is %d)", news.ErrTooLarge, size, limit)
}
