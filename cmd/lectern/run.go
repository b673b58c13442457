package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

const helpText = `lectern answers questions about a text with cited quotes.

Usage:
  lectern ask [flags] [QUESTION]     the sentences that best answer a question
  lectern quote [flags] [PHRASE]     look a quotation up by keyword or phrase
  lectern sections [flags]           the table of contents
  lectern index [flags]              build or refresh the cached index of --corpus
  lectern eval [flags] QUESTIONS.tsv hit@1, hit@3 and MRR of a question set
  lectern check [flags]              validate settings and corpus, print them
  lectern run [flags]                run the Discord bot (--guild ID registers
                                     commands to one server; env DISCORD_GUILD_ID)
  lectern version                    print the version
  lectern help                       print this help

With no QUESTION or PHRASE and standard input not a terminal, ask and quote
read one query per line.

Flags:
  --corpus PATH     a UTF-8 .txt or .md file, or a directory of them
                    (default: the embedded interview; env LECTERN_CORPUS)
  -k N              number of results, 1 to 10 (default 3; env LECTERN_RESULTS)
  --json            print JSON, one object per query
  --index-dir DIR   where book indexes are cached (env LECTERN_INDEX_DIR;
                    default: the user cache directory)
  --env-file FILE   read settings from FILE instead of ./.env

Exit status: 0 on success (also when nothing was found), 2 for usage
errors, 1 for other errors.
`

// app holds what a command needs from the process.
type app struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// run is the whole program: it parses args and runs one command.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	a := &app{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	a.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if len(args) == 0 {
		fmt.Fprint(stderr, helpText)
		return usagef("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask", "quote":
		return a.search(ctx, cmd, rest)
	case "sections":
		return a.sections(ctx, rest)
	case "index":
		return a.index(ctx, rest)
	case "eval":
		return a.eval(ctx, rest)
	case "check":
		return a.check(ctx, rest)
	case "run":
		return a.runBot(ctx, rest)
	case "version", "--version":
		fmt.Fprintln(stdout, "lectern "+version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, helpText)
		return nil
	}
	return usagef("unknown command %q; run 'lectern help'", cmd)
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// options are the flags the commands share.
type options struct {
	fs      *flag.FlagSet
	corpus  string
	index   string
	envFile string
	k       int
	json    bool
	guild   string
}

func newOptions(cmd string) *options {
	o := &options{fs: flag.NewFlagSet(cmd, flag.ContinueOnError)}
	o.fs.SetOutput(io.Discard)
	o.fs.StringVar(&o.corpus, "corpus", "", "")
	o.fs.StringVar(&o.index, "index-dir", "", "")
	o.fs.StringVar(&o.envFile, "env-file", "", "")
	return o
}

func (o *options) withResults() *options {
	o.fs.IntVar(&o.k, "k", 0, "")
	o.fs.BoolVar(&o.json, "json", false, "")
	return o
}

// parse parses flags that may stand before or after the arguments.
func (o *options) parse(args []string) ([]string, error) {
	var rest []string
	for {
		if err := o.fs.Parse(args); err != nil {
			return nil, usagef("%s: %v; run 'lectern help'", o.fs.Name(), err)
		}
		args = o.fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// config loads the settings, with set flags winning.
func (a *app) config(o *options) (*config.Config, error) {
	flags := map[string]string{}
	o.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "corpus":
			flags[config.KeyCorpus] = o.corpus
		case "index-dir":
			flags[config.KeyIndexDir] = o.index
		case "k":
			flags[config.KeyResults] = strconv.Itoa(o.k)
		case "guild":
			flags[config.KeyGuild] = o.guild
		}
	})
	f, name, err := config.OpenEnvFile(o.envFile)
	if err != nil {
		return nil, err
	}
	src := config.Sources{Flags: flags, Getenv: a.getenv, EnvName: name}
	if f != nil {
		defer f.Close()
		src.EnvFile = f
	}
	cfg, err := config.Load(src)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) && o.fs.Lookup("k") != nil && flags[config.KeyResults] != "" && len(ce.Problems) == 1 && strings.HasPrefix(ce.Problems[0], config.KeyResults) {
			return nil, usagef("-k must be a whole number from 1 to %d", config.MaxResults)
		}
		return nil, err
	}
	a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: max(cfg.LogLevel, slog.LevelWarn)}))
	return cfg, nil
}

// loadCorpus loads the configured corpus, or the embedded interview.
func loadCorpus(cfg *config.Config) (*corpus.Corpus, error) {
	if cfg.Corpus == "" {
		return corpus.Default()
	}
	c, err := corpus.Load(cfg.Corpus)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	return c, nil
}

// openIndex loads the corpus and its index: in memory for the embedded
// text, from the on-disk cache (built when needed) for a book.
func (a *app) openIndex(ctx context.Context, cfg *config.Config, progress retrieval.Progress) (*retrieval.Index, error) {
	c, err := loadCorpus(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.Corpus == "" || cfg.IndexDir == "" {
		return retrieval.NewMemory(ctx, c)
	}
	start := time.Now()
	ix, built, err := retrieval.OpenCached(ctx, c, cfg.IndexDir, progress)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		a.log.Warn("index cache unavailable; indexing in memory", "dir", cfg.IndexDir, "err", err)
		return retrieval.NewMemory(ctx, c)
	}
	if built {
		a.log.Info("indexed corpus", "files", len(c.Documents), "took", time.Since(start), "path", ix.Path())
	}
	return ix, nil
}

// isTerminal reports whether f is an interactive terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	info, err := file.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
