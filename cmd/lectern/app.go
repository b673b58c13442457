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
	Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error
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
	return c.Run(ctx, a, fs, positional)
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

// settingsFlags are the flags every command that reads the text has.
type settingsFlags struct {
	corpus, indexDir, envFile string
}

func (s *settingsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.corpus, "corpus", "", "a UTF-8 .txt or .md `file`, or a directory of them (default: the embedded interview; env "+config.KeyCorpus+")")
	fs.StringVar(&s.indexDir, "index-dir", "", "`directory` where indexes of books are cached (default: the user cache directory; env "+config.KeyIndexDir+")")
	fs.StringVar(&s.envFile, "env-file", "", "read settings from `file` instead of ./.env")
}

// resultFlags are the flags of commands that print answers.
type resultFlags struct {
	k    int
	json bool
}

func (r *resultFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&r.k, "k", config.DefaultResults, "`number` of results, 1 to "+strconv.Itoa(config.MaxResults)+" (env "+config.KeyResults+")")
	fs.BoolVar(&r.json, "json", false, "print one JSON object per query")
}

// flagKeys maps flag names to the settings they set.
var flagKeys = map[string]string{
	"corpus":    config.KeyCorpus,
	"index-dir": config.KeyIndexDir,
	"k":         config.KeyResults,
	"guild":     config.KeyGuild,
	"addr":      config.KeyAddr,
}

// config loads the settings: the flags set on fs, the environment and the
// .env file. A bad value of a flag is a usage error.
func (a *app) config(fs *flag.FlagSet, envFile string) (*config.Config, error) {
	src := config.Sources{Flags: map[string]string{}, FlagNames: map[string]string{}, Getenv: a.getenv}
	fs.Visit(func(f *flag.Flag) {
		if key, ok := flagKeys[f.Name]; ok {
			src.Flags[key] = f.Value.String()
			src.FlagNames[key] = flagName(f.Name)
		}
	})
	f, name, err := config.OpenEnvFile(envFile)
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
	a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: max(cfg.LogLevel, slog.LevelWarn)}))
	return cfg, nil
}

func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// open reads the configured corpus and its index: in memory for the
// embedded text, from the cache (built when needed) for a book.
func (a *app) open(ctx context.Context, cfg *config.Config, progress retrieval.Progress) (*retrieval.Index, retrieval.OpenInfo, error) {
	opts := retrieval.Options{MaxFileSize: cfg.MaxFileSize, Progress: progress, Logger: a.log}
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

type versionCommand struct{}

func (*versionCommand) Name() string           { return "version" }
func (*versionCommand) Args() string           { return "" }
func (*versionCommand) Summary() string        { return "print the version" }
func (*versionCommand) Flags(fs *flag.FlagSet) {}
func (*versionCommand) Run(_ context.Context, a *app, _ *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintln(a.stdout, "lectern "+version())
	return nil
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
