package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/bwmarrin/discordgo"
)

// Commands are the application commands Lectern registers. They work in
// servers, in DMs with the bot and in private channels, when the bot is
// installed to a server or to a user's account.
func Commands() []*discordgo.ApplicationCommand { return commands(true) }

// commands are the commands, for server and user installs or, when
// userInstall is false, for server installs only (in servers and in DMs
// with the bot).
func commands(userInstall bool) []*discordgo.ApplicationCommand {
	installs := &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall}
	contexts := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel}
	if !userInstall {
		installs = &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
		contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	}
	private := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
		Description: "Show the answer only to you",
	}
	speaker := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: "speaker", Autocomplete: true, MaxLength: 100,
		Description: "Only the words of this speaker, in a dialogue, play, interview or trial",
	}
	text := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: "text", Autocomplete: true, MaxLength: 100,
		Description: "Which text, when there are several (the first otherwise)",
	}
	cmds := []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask the text a question; get the sentences that answer it, cited", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true, MaxLength: maxQuestion},
			speaker, private,
		}},
		{Name: "quote", Description: "Find a quotation by keyword or phrase", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "phrase", Description: "Words from the quotation", Required: true, Autocomplete: true, MaxLength: maxQuestion},
			speaker, private,
		}},
		{Name: "section", Description: "Read a section of the text", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "section", Description: "A section number, or words of its title", Required: true, Autocomplete: true, MaxLength: 100},
			private,
		}},
		{Name: "lines", Description: "Read the text at a citation", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "at", Description: "Where, as answers cite it: 351-356, p. 31, ch. 3 ¶ 12, §2 ¶ 4, 12:31", Required: true, MaxLength: 40},
			text, private,
		}},
		{Name: "page", Description: "Read a page of the text", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "page", Description: "The page number, or the page as printed (iv, 31)", Required: true, MaxLength: 20},
			text, private,
		}},
		{Name: "about", Description: "What text this bot answers from, and how to cite it", Options: []*discordgo.ApplicationCommandOption{private}},
		{Name: "help", Description: "How to use Lectern"},
		{Name: "Find in text", Type: discordgo.MessageApplicationCommand},
	}
	for _, c := range cmds {
		c.IntegrationTypes, c.Contexts = installs, contexts
	}
	return cmds
}

// InviteURLs are the links that add the bot to a server and to a user's
// account (for the second, User Install must be on in the Developer
// Portal → Installation).
func InviteURLs(appID string) (server, user string) {
	base := "https://discord.com/oauth2/authorize?client_id=" + url.QueryEscape(appID)
	return base + "&scope=bot+applications.commands&integration_type=0",
		base + "&scope=applications.commands&integration_type=1"
}

// Registration says what Register did.
type Registration struct {
	AppID, AppName string
	Commands       int    // how many commands Discord now holds in scope
	Scope          string // "globally" or "in server ID"
	Cleared        string // the server whose commands were removed, if any
	// ServerOnly is set when Discord refused the commands for user
	// installs (User Install is off in the Developer Portal) and they were
	// registered for server installs only.
	ServerOnly bool
}

// Register registers the commands with Discord, globally or in one
// server (opts.GuildID), with the bot token opts.Token; clear removes
// them instead. clearGuild, when set, also removes the commands
// registered in that server, as after moving from server to global
// registration, where the server would otherwise list every command
// twice. It needs no index: an HTTP-mode deployment registers once, and
// its replicas need no token.
func Register(ctx context.Context, opts Options, clear bool, clearGuild string) (Registration, error) {
	api := newREST(opts, opts.Token)
	app, err := api.application(ctx)
	if err != nil {
		return Registration{}, err
	}
	reg := Registration{AppID: app.ID, AppName: app.Name, Scope: "globally"}
	if opts.GuildID != "" {
		reg.Scope = "in server " + opts.GuildID
	}
	cmds := Commands()
	if clear {
		cmds = nil
	}
	reg.Commands, err = api.putCommands(ctx, app.ID, opts.GuildID, cmds)
	var ae *APIError
	if err != nil && !clear && errors.As(err, &ae) && ae.Status == http.StatusBadRequest {
		// Most likely User Install is off for the application: register
		// for servers only rather than not at all.
		if n, err2 := api.putCommands(ctx, app.ID, opts.GuildID, commands(false)); err2 == nil {
			reg.Commands, reg.ServerOnly, err = n, true, nil
		}
	}
	if err != nil {
		return reg, fmt.Errorf("registering commands %s: %w", reg.Scope, err)
	}
	if clearGuild != "" && clearGuild != opts.GuildID {
		if _, err := api.putCommands(ctx, app.ID, clearGuild, nil); err != nil {
			return reg, fmt.Errorf("removing the commands of server %s: %w", clearGuild, err)
		}
		reg.Cleared = clearGuild
	}
	return reg, nil
}
