package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lectern-bot/lectern/admin"
	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/metrics"
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
	// openedAs is the corpus's fingerprint taken just before the index
	// was first opened, so that a change made while it opened is seen.
	openedAs string
	record   recordStore // nil when recording is off or failed
	// mu guards ix, which keepCurrent replaces when the corpus changes.
	mu       sync.Mutex
	watching sync.WaitGroup
	admin    *admin.Handler // nil when LECTERN_ADMIN_TOKEN is not set
	// interactions is the HTTP interactions endpoint, once the bot exists.
	interactions atomic.Pointer[http.Handler]
}

func newService(a *app, cfg *config.Config) *service {
	s := &service{cfg: cfg, metrics: metrics.New()}
	s.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: cfg.Level(slog.LevelInfo)}))
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
	if cfg.AdminToken != "" {
		if s.admin = newAdmin(cfg, s.log); s.admin != nil {
			opts.Admin = s.admin
		}
	}
	s.web = web.New(opts)
	return s
}

// newAdmin makes the owner's pages; they serve once the record is open.
func newAdmin(cfg *config.Config, log *slog.Logger) *admin.Handler {
	h, err := admin.New(admin.Options{Token: cfg.AdminToken.Reveal(), Version: version(), Logger: log})
	if err != nil {
		log.Error("the admin pages are off", "err", err) // config checked the token: not reached
		return nil
	}
	return h
}

// listen starts the web server on addr in the background; its result
// arrives on the channel once ctx ends and the requests in flight are
// finished.
func (s *service) listen(ctx context.Context, addr string) (<-chan error, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	done := make(chan error, 1)
	go func() { done <- web.ServeListener(ctx, ln, s.web, s.log, config.ShutdownTimeout) }()
	return done, nil
}

// open opens the index and the record, and makes the web server ready.
func (s *service) open(ctx context.Context, a *app) error {
	if s.cfg.Corpus != "" && s.cfg.Watch != 0 {
		s.openedAs = fingerprint(s.cfg.Corpus)
	}
	ix, info, err := a.open(ctx, s.cfg, newProgress(a.stderr, isTerminal(a.stderr)))
	if err != nil {
		return err
	}
	s.ix = ix
	s.counted(ix, info)
	s.record = openRecord(ctx, s.cfg, s.log)
	if s.admin != nil {
		if s.record == nil {
			why := "The admin pages read the record of questions, which could not be opened: set " + config.KeyDataDir + " (or " + config.KeyDatabase + ") and " + config.KeyRecord + "=on; the log says what failed."
			s.log.Warn("the admin pages cannot show anything without the record of questions")
			s.admin.Unavailable(why)
		} else {
			s.log.Info("admin pages at /admin")
		}
	}
	return nil
}

// publish makes the reader, the API and the owner's pages answer from ix:
// the index opened at start, or one built since the corpus changed.
func (s *service) publish(ix *retrieval.Index) {
	s.web.Ready(ix)
	if s.admin != nil && s.record != nil {
		s.admin.Ready(ix, s.record)
	}
}

// counted tells the metrics and the log about an index opened.
func (s *service) counted(ix *retrieval.Index, info retrieval.OpenInfo) {
	c := ix.Corpus()
	sentences := 0
	for _, d := range c.Documents {
		sentences += d.SentenceCount()
	}
	s.metrics.Index(len(c.Documents), sentences, c.Size(), info.Took, info.Built)
	s.log.Info("index open", "files", len(c.Documents), "sentences", sentences, "built", info.Built, "took", info.Took.Round(time.Millisecond))
}

// openRecord opens the record of questions, or returns nil, logging why:
// the bot answers without a record rather than not at all.
func openRecord(ctx context.Context, cfg *config.Config, log *slog.Logger) recordStore {
	if !cfg.Record {
		log.Info("not recording questions (" + config.KeyRecord + "=off)")
		return nil
	}
	if cfg.DatabaseURL == "" && cfg.DataDir == "" {
		log.Warn("not recording questions: no data directory; set " + config.KeyDataDir)
		return nil
	}
	db, damaged, err := openStore(ctx, cfg)
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
	s.watching.Wait()
	if s.record != nil {
		s.record.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ix != nil {
		s.ix.Close()
	}
}

// botOptions are the bot's settings.
func (s *service) botOptions() bot.Options {
	opts := bot.Options{
		Token:        s.cfg.Token.Reveal(),
		GuildID:      s.cfg.GuildID,
		APIURL:       s.cfg.APIURL,
		Results:      s.cfg.Results,
		Cooldown:     s.cfg.Cooldown,
		PublicURL:    s.cfg.PublicURL,
		ShardCount:   s.cfg.ShardCount,
		ShardID:      s.cfg.ShardID,
		DrainTimeout: config.ShutdownTimeout,
		Observer:     s.metrics,
		Logger:       s.log,
	}
	if s.ix != nil {
		opts.Defer = s.ix.Corpus().Size() > deferAbove
	}
	if s.record != nil {
		opts.Recorder = s.record
		if shared, ok := s.record.(bot.SharedCooldown); ok {
			opts.SharedCooldown = shared // replicas share each reader's cooldown
		}
	}
	return opts
}
