package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/metrics"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/retrieval"
	"github.com/lectern-bot/lectern/web"
)

// deferAbove is the corpus size from which the bot acknowledges searches
// first and edits its answer in, to stay inside Discord's 3-second
// deadline; below it, a search that is not done in 2 s is deferred then.
const deferAbove = 1 << 20

// service is what run and serve share: the settings, the log, metrics,
// the web server, the index and the record of questions.
type service struct {
	cfg     *config.Config
	log     *slog.Logger
	metrics *metrics.Metrics
	web     *web.Server
	ix      *retrieval.Index
	record  *record.DB // nil when recording is off or failed
	// interactions is the HTTP interactions endpoint, once the bot exists.
	interactions atomic.Pointer[http.Handler]
}

func newService(a *app, cfg *config.Config) *service {
	s := &service{cfg: cfg, metrics: metrics.New()}
	s.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	a.log = s.log
	opts := web.Options{CorpusPath: cfg.Corpus, MaxFileSize: cfg.MaxFileSize, Metrics: s.metrics.Handler(), Observer: s.metrics, Results: cfg.Results, Logger: s.log}
	if cfg.PublicKey != nil {
		opts.Interactions = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if h := s.interactions.Load(); h != nil {
				(*h).ServeHTTP(w, r)
				return
			}
			http.Error(w, "starting", http.StatusServiceUnavailable)
		})
	}
	s.web = web.New(opts)
	return s
}

// listen starts the web server on addr in the background; its result
// arrives on the channel when ctx ends.
func (s *service) listen(ctx context.Context, addr string) (<-chan error, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	done := make(chan error, 1)
	go func() { done <- web.ServeListener(ctx, ln, s.web, s.log) }()
	return done, nil
}

// open opens the index and the record, and makes the web server ready.
func (s *service) open(ctx context.Context, a *app) error {
	ix, info, err := a.open(ctx, s.cfg, newProgress(a.stderr, isTerminal(a.stderr)))
	if err != nil {
		return err
	}
	s.ix = ix
	c := ix.Corpus()
	sentences := 0
	for _, d := range c.Documents {
		sentences += len(d.Sentences)
	}
	s.metrics.Index(len(c.Documents), sentences, c.Size(), info.Took, info.Built)
	s.log.Info("index open", "files", len(c.Documents), "sentences", sentences, "built", info.Built, "took", info.Took.Round(time.Millisecond))
	s.record = openRecord(ctx, s.cfg, s.log)
	return nil
}

// openRecord opens the record of questions, or returns nil, logging why:
// the bot answers without a record rather than not at all.
func openRecord(ctx context.Context, cfg *config.Config, log *slog.Logger) *record.DB {
	if !cfg.Record {
		log.Info("not recording questions (" + config.KeyRecord + "=off)")
		return nil
	}
	if cfg.DataDir == "" {
		log.Warn("not recording questions: no data directory; set " + config.KeyDataDir)
		return nil
	}
	db, damaged, err := record.Open(ctx, cfg.DataDir)
	if err != nil {
		log.Error("not recording questions: the record cannot be opened", "err", err)
		return nil
	}
	if damaged != "" {
		log.Warn("the record of questions was damaged; kept it aside and started a new one", "kept", damaged)
	}
	log.Info("recording questions", "database", db.Path())
	return db
}

func (s *service) close() {
	if s.record != nil {
		s.record.Close()
	}
	if s.ix != nil {
		s.ix.Close()
	}
}

// botOptions are the bot's settings.
func (s *service) botOptions() bot.Options {
	opts := bot.Options{
		Token:      s.cfg.Token.Reveal(),
		GuildID:    s.cfg.GuildID,
		APIURL:     s.cfg.APIURL,
		Results:    s.cfg.Results,
		Cooldown:   s.cfg.Cooldown,
		PublicURL:  s.cfg.PublicURL,
		ShardCount: shardCount(s.cfg.ShardCount),
		ShardID:    s.cfg.ShardID,
		Observer:   s.metrics,
		Logger:     s.log,
	}
	if s.ix != nil {
		opts.Defer = s.ix.Corpus().Size() > deferAbove
	}
	if s.record != nil {
		opts.Recorder = s.record
	}
	return opts
}

// shardCount is the bot's shard count for the configured one.
func shardCount(n int) int {
	if n == config.ShardAuto {
		return bot.ShardAuto
	}
	return n
}

// runCommand runs the Discord bot over the gateway.
type runCommand struct {
	settings   settingsFlags
	guild      string
	clearGuild string
	addr       string
}

func (*runCommand) Name() string    { return "run" }
func (*runCommand) Args() string    { return "" }
func (*runCommand) Summary() string { return "run the Discord bot over the gateway" }
func (c *runCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs)
	fs.StringVar(&c.guild, "guild", "", "register the commands to this server `ID` only, at once (env "+config.KeyGuild+")")
	fs.StringVar(&c.clearGuild, "clear-guild", "", "remove the commands registered earlier in this server `ID` (after moving to global registration)")
	fs.StringVar(&c.addr, "addr", "", "also serve /healthz, /metrics and the reader on this `address`, e.g. :8080")
}

// Run runs the bot until ctx is done.
func (c *runCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("run takes no arguments")
	}
	if c.clearGuild != "" && !config.IsSnowflake(c.clearGuild) {
		return usagef("run: --clear-guild %q is not a server ID (a number of 17 to 20 digits)", c.clearGuild)
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	if err := cfg.RequireToken(); err != nil {
		return err
	}
	s := newService(a, cfg)
	defer s.close()
	var served <-chan error
	if c.addr != "" {
		ctx, stop := context.WithCancel(ctx)
		defer stop()
		if served, err = s.listen(ctx, c.addr); err != nil {
			return err
		}
	}
	if err := s.open(ctx, a); err != nil {
		return err
	}
	s.web.Ready(s.ix)
	err = bot.New(s.ix, s.botOptions()).Run(ctx, c.clearGuild)
	if served != nil && err == nil {
		err = <-served
	}
	return err
}

// serveCommand runs Lectern as a web service: the reader, the API and
// Discord's HTTP interactions endpoint.
type serveCommand struct {
	settings settingsFlags
	addr     string
}

func (*serveCommand) Name() string { return "serve" }
func (*serveCommand) Args() string { return "" }
func (*serveCommand) Summary() string {
	return "serve the reader, the API and Discord's HTTP interactions endpoint"
}
func (c *serveCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs)
	fs.StringVar(&c.addr, "addr", "", "`address` to listen on (default "+config.DefaultAddr+"; env "+config.KeyAddr+")")
}

// Run serves until ctx is done, then finishes the requests and answers in
// flight.
func (c *serveCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("serve takes no arguments")
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	s := newService(a, cfg)
	defer s.close()
	served, err := s.listen(ctx, cfg.Addr)
	if err != nil {
		return err
	}
	if err := s.open(ctx, a); err != nil {
		return err
	}
	b := bot.New(s.ix, s.botOptions())
	if cfg.PublicKey != nil {
		h := b.Handler(cfg.PublicKey)
		s.interactions.Store(&h)
		s.log.Info("Discord interactions endpoint on: set the application's Interactions Endpoint URL to this server's /interactions")
	} else {
		s.log.Info("Discord interactions endpoint off: set " + config.KeyPublicKey + " to answer Discord over HTTP")
	}
	s.web.Ready(s.ix)
	err = <-served // returns once ctx is done and the server has shut down
	dctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	b.Drain(dctx)
	return err
}

// registerCommand registers the bot's commands with Discord.
type registerCommand struct {
	settings settingsFlags
	guild    string
	clear    bool
}

func (*registerCommand) Name() string { return "register" }
func (*registerCommand) Args() string { return "" }
func (*registerCommand) Summary() string {
	return "register the bot's commands with Discord (for serve; run does it itself)"
}
func (c *registerCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs)
	fs.StringVar(&c.guild, "guild", "", "register to this server `ID` only, at once (env "+config.KeyGuild+")")
	fs.BoolVar(&c.clear, "clear", false, "remove the commands instead")
}

func (c *registerCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("register takes no arguments")
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	if err := cfg.RequireToken(); err != nil {
		return err
	}
	reg, err := bot.Register(ctx, bot.Options{Token: cfg.Token.Reveal(), GuildID: cfg.GuildID, APIURL: cfg.APIURL}, c.clear, "")
	if err != nil {
		return err
	}
	if c.clear {
		fmt.Fprintf(a.stdout, "removed %s's commands %s\n", reg.AppName, reg.Scope)
		return nil
	}
	server, user := bot.InviteURLs(reg.AppID)
	fmt.Fprintf(a.stdout, "registered %d commands of %s %s\ninvite to a server: %s\n", reg.Commands, reg.AppName, reg.Scope, server)
	if reg.ServerOnly {
		fmt.Fprintln(a.stdout, "Discord refused the commands for user installs: turn on User Install (Developer Portal → Installation) and register again to let people install Lectern to their account")
		return nil
	}
	fmt.Fprintf(a.stdout, "install to a user's account: %s\n", user)
	return nil
}

// reportCommand prints what readers asked.
type reportCommand struct {
	settings settingsFlags
	tsv      bool
	limit    int
}

func (*reportCommand) Name() string { return "report" }
func (*reportCommand) Args() string { return "" }
func (*reportCommand) Summary() string {
	return "what readers asked: the most asked, what found nothing, answers marked 👎"
}
func (c *reportCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs)
	fs.BoolVar(&c.tsv, "tsv", false, "write the questions as a question file for 'lectern eval' (add the gold lines)")
	fs.IntVar(&c.limit, "limit", 20, "at most this `number` of questions in each list")
}

func (c *reportCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("report takes no arguments")
	}
	if c.limit < 1 {
		return usagef("report: --limit must be at least 1")
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	path := filepath.Join(cfg.DataDir, record.FileName)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("report: no record of questions at %s yet (the bot writes it; set %s to where it keeps it)", path, config.KeyDataDir)
	}
	db, damaged, err := record.Open(ctx, cfg.DataDir)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer db.Close()
	if damaged != "" {
		fmt.Fprintf(a.stderr, "warning: the record was damaged; it was kept as %s and a new, empty one started\n", damaged)
	}
	rep, err := db.Report(ctx, c.limit)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if c.tsv {
		return rep.WriteTSV(a.stdout)
	}
	return rep.WriteText(a.stdout)
}
