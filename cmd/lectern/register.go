package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
)

// registerCommand registers the bot's commands with Discord.
type registerCommand struct {
	settings settingsFlags
	clear    bool
}

func (*registerCommand) Name() string { return "register" }
func (*registerCommand) Args() string { return "" }
func (*registerCommand) Summary() string {
	return "register the bot's commands with Discord (for serve; run does it itself)"
}
func (c *registerCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs, config.KeyGuild)
	fs.BoolVar(&c.clear, "clear", false, "remove the commands instead")
}

func (c *registerCommand) Run(ctx context.Context, a *app, args []string) error {
	cfg, err := a.config(c.settings)
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
