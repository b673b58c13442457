// Package bot is Lectern's Discord bot: slash commands that answer with
// cited quotes from the text, buttons to page through answers, and the
// gateway and REST plumbing around them.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// Searcher is what the bot needs from retrieval.
type Searcher interface {
	Ask(ctx context.Context, question string, k int) ([]retrieval.Result, error)
	Quote(ctx context.Context, phrase string, k int) ([]retrieval.Result, error)
	Suggest(text string) []string
	Corpus() *corpus.Corpus
}

// Options configure a Bot.
type Options struct {
	Token    string
	GuildID  string // register commands to this guild (instant); "" registers globally
	APIURL   string // Discord's REST base, e.g. https://discord.com/api/v9
	Results  int
	Cooldown time.Duration
	// Defer acknowledges commands at once and edits the answer in after,
	// for corpora large enough that a search might approach Discord's
	// 3-second deadline.
	Defer  bool
	Logger *slog.Logger
}

// ErrBadToken means Discord rejected the bot token.
var ErrBadToken = errors.New("login failed: Discord rejected the bot token; check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token)")

// Bot answers slash commands.
type Bot struct {
	opts     Options
	search   Searcher
	log      *slog.Logger
	cooldown *cooldowns
	ctx      context.Context
}

// New returns a bot that answers from search.
func New(search Searcher, opts Options) *Bot {
	if opts.Results <= 0 {
		opts.Results = 3
	}
	if opts.APIURL == "" {
		opts.APIURL = strings.TrimSuffix(discordgo.EndpointAPI, "/")
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Bot{opts: opts, search: search, log: log, cooldown: newCooldowns(opts.Cooldown), ctx: context.Background()}
}

// Run connects to Discord, registers the commands and answers them until
// ctx is done.
func (b *Bot) Run(ctx context.Context) error {
	b.ctx = ctx
	s, err := discordgo.New("Bot " + b.opts.Token)
	if err != nil {
		return fmt.Errorf("discord: %w", err)
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: newRewriter(b.opts.APIURL, http.DefaultTransport)}
	s.Identify.Intents = discordgo.IntentsGuilds // no privileged intents
	s.LogLevel = discordgo.LogError

	me, err := s.User("@me")
	if err != nil {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
			return ErrBadToken
		}
		return fmt.Errorf("discord: login: %w", err)
	}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) { b.handle(s, ic.Interaction) })
	if err := s.Open(); err != nil {
		return fmt.Errorf("discord: gateway: %w", err)
	}
	defer s.Close()

	appID := me.ID
	if s.State != nil && s.State.Application != nil && s.State.Application.ID != "" {
		appID = s.State.Application.ID
	}
	cmds, err := s.ApplicationCommandBulkOverwrite(appID, b.opts.GuildID, commands())
	if err != nil {
		return fmt.Errorf("discord: registering commands: %w", err)
	}
	scope := "globally (may take up to an hour to appear)"
	if b.opts.GuildID != "" {
		scope = "in guild " + b.opts.GuildID
	}
	b.log.Info("ready", "bot", me.Username, "commands", len(cmds), "registered", scope, "invite", InviteURL(appID))
	<-ctx.Done()
	b.log.Info("shutting down")
	return nil
}

// InviteURL is the link that adds the bot to a server.
func InviteURL(appID string) string {
	return "https://discord.com/oauth2/authorize?client_id=" + url.QueryEscape(appID) + "&scope=bot+applications.commands"
}

// rewriter sends requests for Discord's REST API to another base URL.
type rewriter struct {
	from string // discordgo's base, with trailing slash
	to   *url.URL
	next http.RoundTripper
}

func newRewriter(base string, next http.RoundTripper) http.RoundTripper {
	to, err := url.Parse(strings.TrimRight(base, "/") + "/")
	if err != nil || base == strings.TrimSuffix(discordgo.EndpointAPI, "/") {
		return next
	}
	return &rewriter{from: discordgo.EndpointAPI, to: to, next: next}
}

func (rw *rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL.String()
	rest, ok := strings.CutPrefix(u, rw.from)
	if !ok {
		return rw.next.RoundTrip(req)
	}
	target, err := rw.to.Parse(rest)
	if err != nil {
		return nil, fmt.Errorf("discord: rewriting %s: %w", u, err)
	}
	r := req.Clone(req.Context())
	r.URL = target
	r.Host = target.Host
	return rw.next.RoundTrip(r)
}

// cooldowns remembers when each user last ran a command.
type cooldowns struct {
	every time.Duration
	mu    sync.Mutex
	last  map[string]time.Time
}

func newCooldowns(every time.Duration) *cooldowns {
	return &cooldowns{every: every, last: map[string]time.Time{}}
}

// wait returns how long user must wait before the next command, or 0 and
// records the command.
func (c *cooldowns) wait(user string, now time.Time) time.Duration {
	if c.every <= 0 {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.last[user]; ok && now.Sub(t) < c.every {
		return c.every - now.Sub(t)
	}
	c.last[user] = now
	if len(c.last) > 10000 { // forget users who have long cooled down
		for u, t := range c.last {
			if now.Sub(t) >= c.every {
				delete(c.last, u)
			}
		}
	}
	return 0
}

// userID is who triggered an interaction, in a guild or a DM.
func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// responder answers one interaction exactly once, then edits.
type responder struct {
	s         *discordgo.Session
	i         *discordgo.Interaction
	responded bool
	deferred  bool
}

func (r *responder) respond(typ discordgo.InteractionResponseType, data *discordgo.InteractionResponseData) error {
	if data != nil && typ != discordgo.InteractionApplicationCommandAutocompleteResult {
		data.AllowedMentions = noMentions()
	}
	r.responded = true
	return r.s.InteractionRespond(r.i, &discordgo.InteractionResponse{Type: typ, Data: data})
}

// send delivers a message: as the response, or as an edit of a deferred
// response.
func (r *responder) send(data *discordgo.InteractionResponseData) error {
	if !r.deferred {
		return r.respond(discordgo.InteractionResponseChannelMessageWithSource, data)
	}
	edit := &discordgo.WebhookEdit{Content: &data.Content, Embeds: &data.Embeds, AllowedMentions: noMentions()}
	if data.Components != nil {
		edit.Components = &data.Components
	}
	_, err := r.s.InteractionResponseEdit(r.i, edit)
	return err
}

// handle answers one interaction, recovering from panics with an apology.
func (b *Bot) handle(s *discordgo.Session, i *discordgo.Interaction) {
	ctx, cancel := context.WithTimeout(b.ctx, 14*time.Minute)
	defer cancel()
	r := &responder{s: s, i: i}
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("handler panicked", "interaction", i.ID, "panic", v, "stack", string(debug.Stack()))
			b.apologize(r)
		}
	}()
	var err error
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		err = b.command(ctx, r)
	case discordgo.InteractionApplicationCommandAutocomplete:
		err = b.autocomplete(ctx, r)
	case discordgo.InteractionMessageComponent:
		err = b.component(ctx, r)
	default:
		return
	}
	if err != nil {
		b.log.Error("answering interaction failed", "interaction", i.ID, "type", i.Type.String(), "err", err)
		if !errors.Is(err, errResponse) {
			b.apologize(r)
		}
	}
}

// errResponse marks a failure to deliver a response, after which no
// apology can be delivered either.
var errResponse = errors.New("response not delivered")

const apology = "Sorry, something went wrong while answering. It has been logged; please try again."

func (b *Bot) apologize(r *responder) {
	if r.i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		if !r.responded {
			_ = r.respond(discordgo.InteractionApplicationCommandAutocompleteResult, &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}})
		}
		return
	}
	var err error
	switch {
	case !r.responded:
		err = r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{Content: apology, Flags: discordgo.MessageFlagsEphemeral})
	case r.deferred:
		// Replace "Lectern is thinking…" rather than leave it.
		err = r.send(&discordgo.InteractionResponseData{Content: apology})
	default:
		_, err = r.s.FollowupMessageCreate(r.i, true, &discordgo.WebhookParams{Content: apology, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()})
	}
	if err != nil {
		b.log.Error("apology not delivered", "interaction", r.i.ID, "err", err)
	}
}
