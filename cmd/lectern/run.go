package main

import (
	"context"
	"flag"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/retrieval"
)

// runCommand runs the Discord bot over the gateway.
type runCommand struct {
	settings   settingsFlags
	clearGuild string
}

func (*runCommand) Name() string    { return "run" }
func (*runCommand) Args() string    { return "" }
func (*runCommand) Summary() string { return "run the Discord bot over the gateway" }
func (c *runCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs, append(corpusSettings, config.KeyGuild, config.KeyAddr)...)
	fs.StringVar(&c.clearGuild, "clear-guild", "", "remove the commands registered earlier in this server `ID` (after moving to global registration)")
}

// Run runs the bot until ctx is done. With --addr it also serves the
// reader, /healthz and /metrics; it returns once the web server has
// finished its requests, and only then closes the index and the record.
func (c *runCommand) Run(ctx context.Context, a *app, args []string) error {
	if c.clearGuild != "" && !bot.IsSnowflake(c.clearGuild) {
		return usagef("run: --clear-guild %q is not a server ID (a number such as 123456789012345678)", c.clearGuild)
	}
	cfg, err := a.config(c.settings)
	if err != nil {
		return err
	}
	if err := cfg.RequireToken(); err != nil {
		return err
	}
	s := newService(a, cfg)
	defer s.close()
	webCtx, stopWeb := context.WithCancel(ctx)
	defer stopWeb()
	var served <-chan error
	if c.settings.flags.Values[config.KeyAddr] != "" {
		if served, err = s.listen(webCtx, cfg.Addr); err != nil {
			return err
		}
	}
	if err = s.open(ctx, a); err == nil {
		s.publish(s.ix)
		b := bot.New(s.ix, s.botOptions())
		watchCtx, stopWatching := context.WithCancel(ctx)
		defer stopWatching() // before s.close, which waits for the watcher
		s.keepCurrent(watchCtx, a, func(ix *retrieval.Index) { b.Swap(ix) })
		err = b.Run(ctx, c.clearGuild)
	}
	stopWeb()
	if served != nil {
		if werr := <-served; err == nil {
			err = werr
		}
	}
	return err
}
