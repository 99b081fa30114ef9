package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/synth"
)

func runBench(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "bench", "", "Generate synthetic articles and measure end-to-end ingest (hash, clean, dedup, cluster, commit)\ninto a fresh store, reporting articles per second as the store grows.\nRun it on one core with GOMAXPROCS=1.")
	n := f.Int("articles", 100000, "how many articles to ingest")
	size := f.Int("size", 5000, "bytes of text per article")
	every := f.Int("report", 10000, "report the rate every this many articles")
	batch := f.Int("batch", 1000, "articles per pipeline batch")
	cpuprofile := f.String("cpuprofile", "", "write a CPU profile to this file")
	skip := f.Int("skip", 0, "generate and drop this many articles first (to continue a store made by an earlier run with --data)")
	if err := f.parse(args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		pf, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	dir := *f.data
	if dir == "" {
		tmp, err := os.MkdirTemp("", "parallax-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = filepath.Join(tmp, "data")
	}
	p, _, closeAll, err := openPipeline(ctx, e, dir)
	if err != nil {
		return err
	}
	defer closeAll()
	gen := synth.New(synth.Options{ArticleBytes: *size})
	for range *skip {
		gen.Next()
	}
	fmt.Fprintf(e.stdout, "Go %s, GOMAXPROCS=%d, %d-byte articles, batches of %d, data in %s\n\n",
		runtime.Version(), runtime.GOMAXPROCS(0), *size, *batch, dir)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stored\tarticles/s (last interval)\tµs/article\tnew\t")
	var done, added int
	var ms runtime.MemStats
	start := time.Now()
	for done < *n {
		docs := make([]*news.Document, 0, *batch)
		for len(docs) < *batch && done+len(docs) < *n {
			d, _ := gen.Next()
			docs = append(docs, d)
		}
		if err := p.Ingest(ctx, docs, func(r pipeline.Result) {
			if r.Status == pipeline.StatusNew {
				added++
			}
		}); err != nil {
			return err
		}
		done += len(docs)
		if done%*every == 0 || done == *n {
			el := time.Since(start)
			per := el / time.Duration(*every)
			if done%*every != 0 {
				per = el / time.Duration(done%*every)
			}
			fmt.Fprintf(tw, "%d\t%.0f\t%d\t%d\t\n", done, float64(time.Second)/float64(per), per.Microseconds(), added)
			tw.Flush()
			start = time.Now()
		}
	}
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(e.stdout, "\nheap in use at the end: %d MiB\n", ms.HeapInuse>>20)
	return nil
}
