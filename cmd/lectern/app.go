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
	"strings"

	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/retrieval"
)

// app is what a command needs from the process.
type app struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// command is one subcommand: its name, arguments, a line of help, its
// flags and what it does. Help is generated from these.
type command interface {
	Name() string
	Args() string    // what follows the flags, e.g. "[QUESTION]"
	Summary() string // one line
	Flags(fs *flag.FlagSet)
	Run(ctx context.Context, a *app, args []string) error
}

// commands are the subcommands, in the order help lists them.
func commands() []command {
	return []command{
		&searchCommand{kind: "ask"},
		&searchCommand{kind: "quote"},
		&sectionsCommand{},
		&indexCommand{},
		&evalCommand{},
		&checkCommand{},
		&runCommand{},
		&serveCommand{},
		&registerCommand{},
		&reportCommand{},
		&versionCommand{},
	}
}

// run is the whole program: it parses args and runs one command.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	a := &app{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	a.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	defer func() {
		// A crash is a failure (exit 1), never a usage error (exit 2).
		if v := recover(); v != nil {
			a.log.Error("crashed", "panic", v, "stack", string(debug.Stack()))
			err = fmt.Errorf("internal error: %v", v)
		}
	}()
	if len(args) == 0 {
		writeHelp(stderr)
		return usagef("no command given")
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "--help":
		if len(rest) > 0 {
			if c := lookup(rest[0]); c != nil {
				writeCommandHelp(stdout, c)
				return nil
			}
			return usagef("unknown command %q; run 'lectern help'", rest[0])
		}
		writeHelp(stdout)
		return nil
	case "--version":
		name = "version"
	}
	c := lookup(name)
	if c == nil {
		return usagef("unknown command %q; run 'lectern help'", name)
	}
	fs := flag.NewFlagSet(c.Name(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.Flags(fs)
	positional, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		writeCommandHelp(stdout, c)
		return nil
	}
	if err != nil {
		return usagef("%s: %v; run 'lectern help %s'", c.Name(), err, c.Name())
	}
	if c.Args() == "" && len(positional) > 0 {
		return usagef("%s takes no arguments, got %q; run 'lectern help %s'", c.Name(), strings.Join(positional, " "), c.Name())
	}
	return c.Run(ctx, a, positional)
}

func lookup(name string) command {
	for _, c := range commands() {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

// parseInterspersed parses flags that may stand before or after the
// arguments; "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
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

func writeHelp(w io.Writer) {
	fmt.Fprint(w, "lectern answers questions about a text with cited quotes.\n\nUsage:\n")
	width := 0
	for _, c := range commands() {
		width = max(width, len(usageLine(c)))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  lectern %-*s  %s\n", width, usageLine(c), c.Summary())
	}
	fmt.Fprint(w, "  lectern help [COMMAND]\n\n"+
		"'lectern help COMMAND' lists a command's flags. Flags win over the\n"+
		"environment, which wins over ./.env (or --env-file).\n\n"+
		"Exit status: 0 on success (also when nothing was found), 2 for usage\n"+
		"errors, 1 for other errors.\n")
}

func usageLine(c command) string {
	return strings.TrimSpace(c.Name() + " [flags] " + c.Args())
}

func writeCommandHelp(w io.Writer, c command) {
	fmt.Fprintf(w, "Usage: lectern %s\n\n%s.\n", usageLine(c), upperFirst(c.Summary()))
	fs := flag.NewFlagSet(c.Name(), flag.ContinueOnError)
	c.Flags(fs)
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	if b.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s", b.String())
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// usageError is a mistake in how the command was called; it exits with 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// settingsFlags are the flags of a command's settings: those it names
// from config's table of settings, and --env-file.
type settingsFlags struct {
	flags   *config.Flags
	envFile string
}

// register adds the flags of the settings keys and --env-file to fs.
func (s *settingsFlags) register(fs *flag.FlagSet, keys ...string) {
	s.flags = config.RegisterFlags(fs, keys...)
	fs.StringVar(&s.envFile, "env-file", "", "read settings from `file` instead of ./.env")
}

// corpusSettings are the settings of every command that reads the text.
var corpusSettings = []string{config.KeyCorpus, config.KeyIndexDir}

// config loads the settings: the flags given, the environment and the
// .env file, and sets the log to the configured level (warn by default:
// a command prints its answers, not its progress). A bad value of a flag
// is a usage error.
func (a *app) config(s settingsFlags) (*config.Config, error) {
	src := config.Sources{Flags: s.flags.Values, FlagNames: s.flags.Names, Getenv: a.getenv}
	f, name, err := config.OpenEnvFile(s.envFile)
	if err != nil {
		return nil, err
	}
	if f != nil {
		defer f.Close()
		src.EnvFile, src.EnvName = f, name
	}
	cfg, err := config.Load(src)
	var ce *config.Error
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			if p.Source == src.FlagNames[p.Key] && p.Source != "" {
				return nil, &usageError{msg: ce.Error()}
			}
		}
	}
	if err != nil {
		return nil, err
	}
	a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: cfg.Level(slog.LevelWarn)}))
	return cfg, nil
}

// open reads the configured corpus and its index: in memory for the
// embedded text, from the cache (built when needed) for a book.
func (a *app) open(ctx context.Context, cfg *config.Config, progress retrieval.Progress) (*retrieval.Index, retrieval.OpenInfo, error) {
	return a.openReusing(ctx, cfg, progress, nil)
}

// openReusing is open that takes what earlier, the index in use, has of
// the files that are unchanged (retrieval.Options.Reuse).
func (a *app) openReusing(ctx context.Context, cfg *config.Config, progress retrieval.Progress, earlier *retrieval.Index) (*retrieval.Index, retrieval.OpenInfo, error) {
	opts := retrieval.Options{MaxFileSize: cfg.MaxFileSize, Progress: progress, Logger: a.log, Links: cfg.Links, Reuse: earlier}
	if cfg.Corpus != "" {
		opts.CacheDir = cfg.IndexDir
	}
	ix, info, err := retrieval.Open(ctx, cfg.Corpus, opts)
	if err != nil {
		return nil, info, err
	}
	if info.Built && info.Path != "" {
		a.log.Info("indexed corpus", "files", len(ix.Corpus().Documents), "took", info.Took, "path", info.Path)
	}
	return ix, info, nil
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
