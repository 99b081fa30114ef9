package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// openStore opens the embedded store in dir.
func openStore(ctx context.Context, dir string) (store.Store, error) {
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		return nil, fmt.Errorf("open data directory %s: %w", dir, err)
	}
	return db, nil
}

// openPipeline opens the store and a pipeline over it; close releases both.
func openPipeline(ctx context.Context, e *env, dir string) (p *pipeline.Pipeline, st store.Store, closeAll func() error, err error) {
	return openPipelineWith(ctx, e, dir, cluster.Options{})
}

// openPipelineWith is openPipeline with clustering options to try.
func openPipelineWith(ctx context.Context, e *env, dir string, copt cluster.Options) (p *pipeline.Pipeline, st store.Store, closeAll func() error, err error) {
	st, err = openStore(ctx, dir)
	if err != nil {
		return nil, nil, nil, err
	}
	p, err = pipeline.Open(ctx, st, pipeline.Options{Cluster: copt, Logger: slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: logLevel(e)}))})
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	closeAll = func() error {
		// Saving statistics must outlive a cancelled ingest.
		return errors.Join(p.Close(context.WithoutCancel(ctx)), st.Close())
	}
	return p, st, closeAll, nil
}

func logLevel(e *env) slog.Level {
	if e.getenv("PARALLAX_DEBUG") != "" {
		return slog.LevelDebug
	}
	return slog.LevelWarn
}
