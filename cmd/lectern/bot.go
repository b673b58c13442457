package main

import (
	"context"
	"flag"
	"log/slog"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
)

// deferAbove is the corpus size from which the bot acknowledges commands
// first and edits its answer in, to stay inside Discord's 3-second deadline.
const deferAbove = 1 << 20

// runCommand runs the Discord bot over the gateway.
type runCommand struct {
	settings settingsFlags
	guild    string
}

func (*runCommand) Name() string    { return "run" }
func (*runCommand) Args() string    { return "" }
func (*runCommand) Summary() string { return "run the Discord bot" }
func (c *runCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs)
	fs.StringVar(&c.guild, "guild", "", "register the commands to this server `ID` only (env "+config.KeyGuild+")")
}

// Run runs the bot until ctx is done.
func (c *runCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("run takes no arguments")
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	if err := cfg.RequireToken(); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	a.log = logger
	ix, err := a.open(ctx, cfg, newProgress(a.stderr, isTerminal(a.stderr)))
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
