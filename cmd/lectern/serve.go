package main

import (
	"context"
	"flag"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/retrieval"
)

// serveCommand runs Lectern as a web service: the reader, the API and
// Discord's HTTP interactions endpoint.
type serveCommand struct {
	settings settingsFlags
}

func (*serveCommand) Name() string { return "serve" }
func (*serveCommand) Args() string { return "" }
func (*serveCommand) Summary() string {
	return "serve the reader, the API and Discord's HTTP interactions endpoint"
}
func (c *serveCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs, append(corpusSettings, config.KeyAddr)...)
}

// Run serves until ctx is done, then finishes the requests and answers in
// flight.
func (c *serveCommand) Run(ctx context.Context, a *app, args []string) error {
	cfg, err := a.config(c.settings)
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
	s.publish(s.ix)
	watchCtx, stopWatching := context.WithCancel(ctx)
	defer stopWatching() // before s.close, which waits for the watcher
	s.keepCurrent(watchCtx, a, func(ix *retrieval.Index) { b.Swap(ix) })
	err = <-served // returns once ctx is done and the server has shut down
	b.Drain(context.Background())
	return err
}
