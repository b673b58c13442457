// Package bot is Lectern on Discord: slash commands, a message command,
// autocomplete and buttons that answer with cited quotes. Interactions
// arrive over the gateway (Run) or at an HTTP interactions endpoint
// (Handler); both go through one handler and one response path.
package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/retrieval"
)

// Searcher is what the bot needs from retrieval.
type Searcher interface {
	AskFor(ctx context.Context, question string, k int, f retrieval.Filter) ([]retrieval.Result, error)
	QuoteFor(ctx context.Context, phrase string, k int, f retrieval.Filter) ([]retrieval.Result, error)
	Suggest(text string) []string
	Note(question string) string
	Complete(prefix string, n int) []string
	Corpus() *corpus.Corpus
	Cite(doc, from, to int) retrieval.Citation
}

// Observer is told what the bot does, for metrics.
type Observer interface {
	// Interaction is one interaction handled: its command (or "button",
	// "autocomplete"), how it ended and how long it took.
	Interaction(command, outcome string, took time.Duration)
	// NothingFound is a search that found nothing.
	NothingFound(command string)
	// DiscordError is a failed call to Discord's API; status 0 is a
	// request that got no response.
	DiscordError(route string, status int)
	// ShardConnected is a gateway shard connecting (true) or losing its
	// connection (false).
	ShardConnected(shard int, connected bool)
}

// SharedCooldown is a per-user cooldown shared between replicas.
type SharedCooldown interface {
	// Claim starts user's cooldown of length every unless one is
	// running, and returns what is left of the running one (0 when it
	// started a new one).
	Claim(ctx context.Context, user string, now time.Time, every time.Duration) (time.Duration, error)
}

// Recorder keeps a record of what readers ask and what they thought of
// the answers.
type Recorder interface {
	// Asked records a question and returns its id in the record.
	Asked(ctx context.Context, q record.Question) (int64, error)
	// Rated records a reader's 👍 (helpful) or 👎 of the answer recorded
	// as id; an error wrapping record.ErrUnknownQuestion when there is no
	// such answer.
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
	APIURL  string // Discord's REST base; DefaultAPIURL when ""
	Results int    // answers per search; retrieval.DefaultResults when 0
	// Cooldown is how long a user waits between searches.
	Cooldown time.Duration
	// SharedCooldown keeps the cooldown where every replica sees it; nil
	// keeps it in this process.
	SharedCooldown SharedCooldown
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
	// flight; 0 waits until each is answered or its token expires.
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

// defaultDeferAfter is how long a search may take before its answer is
// deferred, well inside Discord's 3 s for the first response.
const defaultDeferAfter = 2 * time.Second

// Bot answers interactions.
type Bot struct {
	opts     Options
	lib      atomic.Pointer[library]
	log      *slog.Logger
	api      *rest // interaction routes: no token
	cooldown *cooldowns
	// sharedDown is whether the shared cooldown store failed last: an
	// outage is logged when it starts and when it ends, not per search.
	sharedDown atomic.Bool

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
		opts.Results = retrieval.DefaultResults
	}
	opts.APIURL = apiBase(opts.APIURL)
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = defaultDeferAfter
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	b := &Bot{opts: opts, log: opts.Logger, cooldown: newCooldowns(opts.Cooldown)}
	b.api = newREST(opts, "")
	b.Swap(search)
	b.work, b.stopWork = context.WithCancel(context.Background())
	return b
}

// library is what the bot answers from: the index and the autocomplete
// tables built from it.
type library struct {
	search   Searcher
	complete *completer
}

// Swap makes the bot answer from search from now on (a corpus that
// changed, indexed again); interactions already running finish as they
// started. Its autocomplete tables are built in the background.
func (b *Bot) Swap(search Searcher) {
	b.lib.Store(&library{search: search, complete: newCompleter(search)})
}

func (b *Bot) searcher() Searcher    { return b.lib.Load().search }
func (b *Bot) completer() *completer { return b.lib.Load().complete }

// apiBase is Discord's REST base without a trailing slash.
func apiBase(url string) string {
	if url == "" {
		return DefaultAPIURL
	}
	return strings.TrimRight(url, "/")
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
	r := &rest{base: apiBase(opts.APIURL), client: &http.Client{Transport: transport}, token: token, retries: 4}
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

// afterCancel is how long Drain waits for handlers to apologise once
// their searches are cancelled.
const afterCancel = 5 * time.Second

// Drain waits for the interactions in flight to be answered, for at
// most Options.DrainTimeout (when set) or until ctx ends. Then their
// searches are cancelled and they are apologised to.
func (b *Bot) Drain(ctx context.Context) {
	if b.opts.DrainTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.opts.DrainTimeout)
		defer cancel()
	}
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
	case <-time.After(afterCancel):
		b.log.Error("answers still in flight after cancelling them; exiting anyway")
	}
}

// handle answers one interaction: its handler's reply, or what handle
// makes of the handler's error; a panic gets an apology.
func (b *Bot) handle(x *exchange) {
	ctx, cancel := context.WithDeadline(b.work, x.webhookDeadline())
	defer cancel()
	name, outcome := b.interactionName(x.in), outcomeFailed
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("handler panicked", "interaction", x.in.ID, "command", name, "panic", v, "stack", string(debug.Stack()))
			b.apologise(x)
			outcome = outcomeFailed
		}
		b.observe(name, outcome, time.Since(x.received))
	}()
	r, err := b.dispatch(ctx, x)
	outcome = outcomeAnswered
	if err != nil {
		r, outcome = b.failure(ctx, x, name, err)
	}
	if r.autocomplete || x.canSend() {
		if err := x.send(ctx, r); err != nil {
			outcome = outcomeFailed
			b.log.Error("answering interaction failed", "interaction", x.in.ID, "command", name, "err", err)
			b.apologise(x)
		}
	}
}

// shardConnected tells the Observer a shard connected or lost its
// connection.
func (b *Bot) shardConnected(id int, connected bool) {
	if b.opts.Observer != nil {
		b.opts.Observer.ShardConnected(id, connected)
	}
}

// observe tells the Observer how an interaction ended.
func (b *Bot) observe(name, outcome string, took time.Duration) {
	if b.opts.Observer == nil {
		return
	}
	b.opts.Observer.Interaction(name, outcome, took)
	if outcome == outcomeNothing {
		b.opts.Observer.NothingFound(name)
	}
}

// dispatch hands an interaction to the handler of its kind.
func (b *Bot) dispatch(ctx context.Context, x *exchange) (reply, error) {
	switch x.in.Type {
	case discordgo.InteractionApplicationCommand:
		return b.command(ctx, x)
	case discordgo.InteractionApplicationCommandAutocomplete:
		return b.autocomplete(x), nil
	case discordgo.InteractionMessageComponent:
		return b.component(ctx, x)
	}
	return reply{}, refuse("Lectern does not know this kind of interaction.")
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

// apologyTimeout bounds sending an apology, which may come after the
// interaction's own context has ended.
const apologyTimeout = 10 * time.Second

// apologise tells the reader something went wrong, privately, unless the
// interaction can no longer be answered or was answered already.
func (b *Bot) apologise(x *exchange) {
	ctx, cancel := context.WithTimeout(context.Background(), apologyTimeout)
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

// cooldownWait returns how long user must wait before searching, or 0
// and starts the cooldown: in the shared store when there is one, in this
// process when there is none or it fails (a search is not refused
// because the database is away).
func (b *Bot) cooldownWait(ctx context.Context, user string, now time.Time) time.Duration {
	if b.opts.SharedCooldown != nil && b.opts.Cooldown > 0 {
		wait, err := b.opts.SharedCooldown.Claim(ctx, user, now, b.opts.Cooldown)
		if err == nil {
			if b.sharedDown.Swap(false) {
				b.log.Info("the shared cooldown is back")
			}
			return wait
		}
		if !b.sharedDown.Swap(true) {
			b.log.Warn("the shared cooldown is unavailable; this replica keeps it alone meanwhile", "err", err)
		} else {
			b.log.Debug("the shared cooldown is still unavailable", "err", err)
		}
	}
	return b.cooldown.wait(user, now)
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

// IsSnowflake reports whether s can be a Discord ID: a decimal number
// that fits in 64 bits, of 5 to 20 digits. (IDs made since 2015 have 17
// to 20 digits; the shorter ones are Discord's earliest and the tests'.)
func IsSnowflake(s string) bool {
	if len(s) < 5 || len(s) > 20 {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}
