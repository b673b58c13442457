// Package bot is Lectern on Discord: slash commands, a message command,
// autocomplete and buttons that answer with cited quotes. Interactions
// arrive over the gateway (Run) or at an HTTP interactions endpoint
// (Handler); both go through one handler and one response path.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/retrieval"
)

// Searcher is what the bot needs from retrieval.
type Searcher interface {
	Ask(ctx context.Context, question string, k int) ([]retrieval.Result, error)
	Quote(ctx context.Context, phrase string, k int) ([]retrieval.Result, error)
	Suggest(text string) []string
	Complete(prefix string, n int) []string
	Corpus() *corpus.Corpus
}

// Observer is told what the bot does, for metrics.
type Observer interface {
	// Interaction is one interaction handled: its command (or "button",
	// "autocomplete"), how it ended and how long it took.
	Interaction(command, outcome string, took time.Duration)
	// DiscordError is a failed call to Discord's API; status 0 is a
	// request that got no response.
	DiscordError(route string, status int)
}

// Recorder keeps a record of what readers ask and what they thought of
// the answers.
type Recorder interface {
	Asked(ctx context.Context, q record.Question) (int64, error)
	Rated(ctx context.Context, id int64, user string, helpful bool) error
}

// Outcomes of an interaction, for the Observer.
const (
	outcomeAnswered = "answered"
	outcomeNothing  = "nothing found"
	outcomeRefused  = "refused" // bad input, cooldown, a button that no longer works
	outcomeFailed   = "failed"
)

// Options configure a Bot.
type Options struct {
	// Token is the bot token, for the gateway and command registration.
	// Answering interactions needs none.
	Token   string
	GuildID string // register commands to this guild (instant); "" registers globally
	APIURL  string // Discord's REST base, e.g. https://discord.com/api/v10
	Results int
	// Cooldown is how long a user waits between searches.
	Cooldown time.Duration
	// Defer acknowledges searches at once and edits the answer in after,
	// for corpora large enough that a search might approach Discord's
	// 3-second deadline. Without it a search that is not done after
	// DeferAfter is deferred then.
	Defer      bool
	DeferAfter time.Duration
	// PublicURL is where the web reader is published; answers link their
	// citations there when it is set.
	PublicURL string
	// ShardCount and ShardID choose the gateway shards Run connects:
	// ShardCount 0 is one unsharded connection, ShardAuto every shard
	// Discord recommends, otherwise shard ShardID of ShardCount.
	ShardCount, ShardID int
	// DrainTimeout bounds how long shutting down waits for answers in
	// flight.
	DrainTimeout time.Duration
	Observer     Observer
	Recorder     Recorder
	Logger       *slog.Logger
	// Transport carries REST calls; http.DefaultTransport's settings when
	// nil.
	Transport http.RoundTripper
}

// DefaultAPIURL is Discord's REST API.
const DefaultAPIURL = "https://discord.com/api/v10"

// ShardAuto asks Run for every shard Discord recommends.
const ShardAuto = -1

// Bot answers interactions.
type Bot struct {
	opts     Options
	search   Searcher
	log      *slog.Logger
	api      *rest // interaction routes: no token
	cooldown *cooldowns
	complete *completer

	inflight sync.WaitGroup
	// work is the context of interaction handlers: it outlives a
	// shutdown signal so that answers in flight are finished, and is
	// cancelled when draining takes too long.
	work     context.Context
	stopWork context.CancelFunc
}

// New returns a bot that answers from search.
func New(search Searcher, opts Options) *Bot {
	if opts.Results <= 0 {
		opts.Results = 3
	}
	if opts.APIURL == "" {
		opts.APIURL = DefaultAPIURL
	}
	opts.APIURL = strings.TrimRight(opts.APIURL, "/")
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = 2 * time.Second
	}
	if opts.DrainTimeout <= 0 {
		opts.DrainTimeout = 10 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	b := &Bot{opts: opts, search: search, log: opts.Logger, cooldown: newCooldowns(opts.Cooldown)}
	b.api = newREST(opts, "")
	b.complete = newCompleter(search)
	b.work, b.stopWork = context.WithCancel(context.Background())
	return b
}

// newREST returns a REST client for opts, with a bot token or none.
func newREST(opts Options, token string) *rest {
	transport := opts.Transport
	if transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		// A burst of interactions is a burst of requests to one host:
		// keep connections for them rather than open one each.
		t.MaxIdleConnsPerHost = 64
		t.DialContext = (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		transport = t
	}
	base := strings.TrimRight(opts.APIURL, "/")
	if base == "" {
		base = DefaultAPIURL
	}
	r := &rest{base: base, client: &http.Client{Transport: transport}, token: token, retries: 4}
	if opts.Observer != nil {
		r.observe = opts.Observer.DiscordError
	}
	return r
}

// serve handles one interaction in the background; first delivers its
// first response.
func (b *Bot) serve(in *discordgo.Interaction, first firstResponse, received time.Time, done func()) {
	b.inflight.Add(1)
	go func() {
		defer b.inflight.Done()
		if done != nil {
			defer done()
		}
		b.handle(newExchange(in, b.api, first, received, b.log))
	}()
}

// Drain waits for the interactions in flight to be answered. When ctx
// ends first, their searches are cancelled and they are apologised to.
func (b *Bot) Drain(ctx context.Context) {
	idle := make(chan struct{})
	go func() { b.inflight.Wait(); close(idle) }()
	select {
	case <-idle:
		return
	case <-ctx.Done():
	}
	b.log.Warn("answers still in flight at shutdown; cancelling them with an apology")
	b.stopWork()
	select {
	case <-idle:
	case <-time.After(5 * time.Second):
		b.log.Error("answers still in flight after cancelling them; exiting anyway")
	}
}

// handle answers one interaction, recovering from panics with an apology.
func (b *Bot) handle(x *exchange) {
	ctx, cancel := context.WithDeadline(b.work, x.webhookDeadline())
	defer cancel()
	start := x.received
	name, outcome := b.interactionName(x.in), outcomeFailed
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("handler panicked", "interaction", x.in.ID, "command", name, "panic", v, "stack", string(debug.Stack()))
			b.apologise(x)
			outcome = outcomeFailed
		}
		if b.opts.Observer != nil {
			b.opts.Observer.Interaction(name, outcome, time.Since(start))
		}
	}()
	var err error
	switch x.in.Type {
	case discordgo.InteractionApplicationCommand:
		outcome, err = b.command(ctx, x)
	case discordgo.InteractionApplicationCommandAutocomplete:
		outcome, err = b.autocomplete(ctx, x)
	case discordgo.InteractionMessageComponent:
		outcome, err = b.component(ctx, x)
	default:
		outcome, err = outcomeRefused, x.reply(ctx, note("Lectern does not know this kind of interaction."), true)
	}
	if err != nil {
		outcome = outcomeFailed
		level := slog.LevelError
		if errors.Is(err, context.Canceled) {
			level = slog.LevelWarn
		}
		b.log.Log(ctx, level, "answering interaction failed", "interaction", x.in.ID, "command", name, "err", err)
		b.apologise(x)
	}
}

// interactionName names an interaction for logs and metrics.
func (b *Bot) interactionName(in *discordgo.Interaction) string {
	switch in.Type {
	case discordgo.InteractionApplicationCommand:
		return in.ApplicationCommandData().Name
	case discordgo.InteractionApplicationCommandAutocomplete:
		return "autocomplete"
	case discordgo.InteractionMessageComponent:
		return "button"
	}
	return fmt.Sprintf("type %d", int(in.Type))
}

const apology = "Sorry, something went wrong while answering. It has been logged; please try again."

// apologise tells the reader something went wrong, privately, unless the
// interaction can no longer be answered.
func (b *Bot) apologise(x *exchange) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if x.in.Type == discordgo.InteractionApplicationCommandAutocomplete {
		_ = x.choices(ctx, nil)
		return
	}
	if x.answered() || !x.canSend() {
		return
	}
	if err := x.reply(ctx, note(apology), true); err != nil {
		b.log.Error("apology not delivered", "interaction", x.in.ID, "err", err)
	}
}

// note is a message of text alone.
func note(text string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: retrieval.Clip(text, maxContent)}
}

// cooldowns remembers when each user last searched.
type cooldowns struct {
	every time.Duration
	mu    sync.Mutex
	last  map[string]time.Time
}

func newCooldowns(every time.Duration) *cooldowns {
	return &cooldowns{every: every, last: map[string]time.Time{}}
}

// wait returns how long user must wait before the next search, or 0 and
// records the search.
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

// userID is who triggered an interaction, in a server or a DM.
func userID(in *discordgo.Interaction) string {
	if in.Member != nil && in.Member.User != nil {
		return in.Member.User.ID
	}
	if in.User != nil {
		return in.User.ID
	}
	return ""
}
