package main

import (
	"context"
	"log/slog"

	"github.com/lectern-bot/lectern/bot"
)

// deferAbove is the corpus size from which the bot acknowledges commands
// first and edits its answer in, to stay inside Discord's 3-second deadline.
const deferAbove = 1 << 20

// runBot runs the Discord bot until ctx is done.
func (a *app) runBot(ctx context.Context, args []string) error {
	o := newOptions("run")
	o.fs.StringVar(&o.guild, "guild", "", "")
	rest, err := o.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("run takes no arguments")
	}
	cfg, err := a.config(o)
	if err != nil {
		return err
	}
	if err := cfg.RequireToken(); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	a.log = logger
	ix, err := a.openIndex(ctx, cfg, newProgress(a.stderr, isTerminal(a.stderr)))
	if err != nil {
		return err
	}
	defer ix.Close()
	b := bot.New(ix, bot.Options{
		Token:    cfg.Token.Reveal(),
		GuildID:  cfg.GuildID,
		APIURL:   cfg.APIURL,
		Results:  cfg.Results,
		Cooldown: cfg.Cooldown,
		Defer:    ix.Corpus().Size() > deferAbove,
		Logger:   logger,
	})
	return b.Run(ctx)
}
