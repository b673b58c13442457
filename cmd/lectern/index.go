package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/lectern-bot/lectern/retrieval"
)

// indexCommand builds or refreshes the cached index of a book.
type indexCommand struct{ settings settingsFlags }

func (*indexCommand) Name() string             { return "index" }
func (*indexCommand) Args() string             { return "" }
func (*indexCommand) Summary() string          { return "build or refresh the cached index of --corpus" }
func (c *indexCommand) Flags(fs *flag.FlagSet) { c.settings.register(fs, corpusSettings...) }

func (c *indexCommand) Run(ctx context.Context, a *app, args []string) error {
	cfg, err := a.config(c.settings)
	if err != nil {
		return err
	}
	if cfg.Corpus == "" {
		return usagef("index: name a book with --corpus PATH (the embedded interview is indexed in memory)")
	}
	if cfg.IndexDir == "" {
		return usagef("index: no cache directory; set --index-dir DIR")
	}
	start := time.Now()
	ix, info, err := retrieval.Open(ctx, cfg.Corpus, retrieval.Options{
		CacheDir: cfg.IndexDir, MaxFileSize: cfg.MaxFileSize, Logger: a.log,
		Progress: newProgress(a.stderr, isTerminal(a.stderr)),
	})
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer ix.Close()
	describeCorpus(a.stdout, ix.Corpus())
	switch {
	case info.Path == "":
		fmt.Fprintf(a.stdout, "indexed in memory in %s: the cache directory %s could not be written\n", time.Since(start).Round(time.Millisecond), cfg.IndexDir)
	case info.Built:
		fmt.Fprintf(a.stdout, "indexed %d file(s) in %s: %s\n", len(ix.Corpus().Documents), time.Since(start).Round(time.Millisecond), info.Path)
	default:
		fmt.Fprintf(a.stdout, "index is up to date: %s\n", info.Path)
	}
	return nil
}
