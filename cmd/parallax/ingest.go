package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/parallax-news/parallax/internal/ingest/file"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// batchBytes bounds how much raw text one pipeline batch holds in memory.
// Within a batch articles are placed in publication order and the batch's
// own statistics inform cleaning and clustering.
const batchBytes = 64 << 20

func runIngest(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "ingest", "PATH...", "Store articles from files (.txt, .html, .jsonl), folders (recursively) and - (standard input).\nRe-ingesting a file stores nothing new. Exit status 1 if any input failed, after everything else was stored.")
	source := f.String("source", "", "outlet name for every article of this call")
	published := f.String("published", "", "publication time for every article of this call (RFC 3339 or a common date form)")
	maxSize := f.String("max-size", "10MB", "largest file accepted")
	quiet := f.Bool("quiet", false, "print only failures")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() == 0 {
		f.Usage()
		return errUsage
	}
	opt := file.Options{Source: *source}
	var err error
	if opt.MaxSize, err = parseSize(*maxSize); err != nil {
		return f.usageError("--max-size: %v", err)
	}
	if *published != "" {
		if opt.Published, err = file.ParseTime(*published); err != nil {
			return f.usageError("--published: %v", err)
		}
	}
	p, _, closeAll, err := openPipeline(ctx, e, f.dataDir())
	if err != nil {
		return err
	}
	sum, err := ingestPaths(ctx, e, p, f.Args(), opt)
	err = errors.Join(err, closeAll())
	sum.print(e.stdout, e.stderr, *quiet)
	if err != nil {
		return err
	}
	if len(sum.failures) > 0 {
		return errFailed
	}
	return nil
}

// summary counts what an ingest did.
type summary struct {
	added, duplicates, nearCopies, skipped int
	failures                               []error
	elapsed                                time.Duration
}

func (s *summary) print(stdout, stderr io.Writer, quiet bool) {
	for _, err := range s.failures {
		fmt.Fprintf(stderr, "failed: %v\n", err)
	}
	if quiet {
		return
	}
	fmt.Fprintf(stdout, "new: %d (near-copies linked: %d), duplicates: %d, failed: %d", s.added, s.nearCopies, s.duplicates, len(s.failures))
	if s.skipped > 0 {
		fmt.Fprintf(stdout, ", skipped: %d (unsupported files in folders)", s.skipped)
	}
	fmt.Fprintf(stdout, " in %s\n", s.elapsed.Round(time.Millisecond))
}

// ingestPaths reads every path and runs the documents through the pipeline
// in batches. It returns an error only when storing fails or ctx ends;
// bad inputs are counted in the summary.
func ingestPaths(ctx context.Context, e *env, p *pipeline.Pipeline, paths []string, opt file.Options) (*summary, error) {
	start := time.Now()
	sum := &summary{}
	bar := newProgress(e.stderr, e.isTerminal)
	defer bar.clear()
	var batch []*news.Document
	size := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		bar.start("ingesting", len(batch))
		err := p.Ingest(ctx, batch, func(r pipeline.Result) {
			bar.step()
			switch r.Status {
			case pipeline.StatusNew:
				sum.added++
				if r.DuplicateOf != "" {
					sum.nearCopies++
				}
			case pipeline.StatusDuplicate:
				sum.duplicates++
			default:
				sum.failures = append(sum.failures, r.Err)
			}
		})
		batch, size = nil, 0
		return err
	}
	bar.start("reading", 0)
	err := file.Read(ctx, paths, e.stdin, opt, func(d *news.Document, err error) error {
		if err != nil {
			if errors.Is(err, file.ErrSkipped) {
				sum.skipped++
			} else {
				sum.failures = append(sum.failures, err)
			}
			return nil
		}
		batch = append(batch, d)
		size += len(d.Body)
		bar.step()
		if size >= batchBytes {
			if err := flush(); err != nil {
				return err
			}
			bar.start("reading", 0)
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	sum.elapsed = time.Since(start)
	return sum, err
}
