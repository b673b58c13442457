package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// FatalCloseError is a gateway close code after which reconnecting cannot
// help: Discord documents 4004 and 4010–4014 as final. Run ends with it.
type FatalCloseError struct {
	Shard int
	Code  int
}

func (e *FatalCloseError) Error() string {
	why := map[int]string{
		4004: "authentication failed: the bot token was reset or revoked",
		4010: "invalid shard: the shard number is not below the shard count",
		4011: "sharding required: the bot is in too many servers for one connection",
		4012: "invalid API version",
		4013: "invalid intents",
		4014: "disallowed intents",
	}[e.Code]
	return fmt.Sprintf("gateway: Discord closed shard %d's connection with %d (%s)", e.Shard, e.Code, why)
}

func fatalCode(code int) bool { return code == 4004 || code >= 4010 && code <= 4014 }

// Run registers the commands, connects to the gateway (one connection
// per shard) and answers interactions until ctx is done. Then it stops
// taking new interactions, finishes those in flight (or apologises when
// they take longer than Options.DrainTimeout) and returns nil. It returns
// an error at once when Discord rejects the token, and a FatalCloseError
// when Discord closes a connection for good (a token revoked while
// running, bad shard settings); otherwise it reconnects and resumes.
func (b *Bot) Run(ctx context.Context, clearGuild string) error {
	reg, err := Register(ctx, b.opts, false, clearGuild)
	if err != nil {
		return err
	}
	api := newREST(b.opts, b.opts.Token)
	ids, count, concurrency, err := b.shardPlan(ctx, api)
	if err != nil {
		return err
	}
	server, user := InviteURLs(reg.AppID)
	b.log.Info("ready", "bot", reg.AppName, "commands", reg.Commands, "registered", reg.Scope, "shards", shardsLabel(ids, count))
	if reg.ServerOnly {
		b.log.Warn("Discord refused the commands for user installs, so they work in servers (and DMs with the bot) only; to let people install Lectern to their account, turn on User Install in the Developer Portal → Installation and restart")
	}
	if reg.Cleared != "" {
		b.log.Info("removed the commands registered in a server", "server", reg.Cleared)
	}
	b.log.Info("invite to a server: " + server)
	b.log.Info("install to a user's account (enable User Install in the Developer Portal first): " + user)

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	fatal := make(chan error, len(ids))
	var wg sync.WaitGroup
	for wave := 0; wave*concurrency < len(ids); wave++ {
		if wave > 0 {
			// Shards in the same identify bucket start 5 s apart.
			select {
			case <-time.After(5 * time.Second):
			case <-runCtx.Done():
			}
		}
		for _, id := range ids[wave*concurrency : min((wave+1)*concurrency, len(ids))] {
			sh := b.newShard(id, count)
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := sh.run(runCtx); err != nil {
					fatal <- err
				}
			}()
		}
	}
	select {
	case <-ctx.Done():
		b.log.Info("shutting down: closing the gateway, finishing answers in flight")
	case err = <-fatal: // the caller reports it; logging it too would say it twice
	}
	stop()
	wg.Wait() // no new interactions from here on
	dctx, cancel := context.WithTimeout(context.Background(), b.opts.DrainTimeout)
	defer cancel()
	b.Drain(dctx)
	return err
}

func shardsLabel(ids []int, count int) string {
	if count <= 1 {
		return "1 (unsharded)"
	}
	if len(ids) == count {
		return fmt.Sprintf("all %d", count)
	}
	return fmt.Sprintf("%d of %d", ids[0], count)
}

// shardPlan decides which shards this process runs, of how many, and how
// many may identify at once.
func (b *Bot) shardPlan(ctx context.Context, api *rest) (ids []int, count, concurrency int, err error) {
	switch {
	case b.opts.ShardCount == ShardAuto:
		g, err := api.gatewayBot(ctx)
		if err != nil {
			return nil, 0, 0, fmt.Errorf("asking Discord how many shards to run: %w", err)
		}
		for i := range g.Shards {
			ids = append(ids, i)
		}
		return ids, g.Shards, max(g.SessionStartLimit.MaxConcurrency, 1), nil
	case b.opts.ShardCount > 0:
		return []int{b.opts.ShardID}, b.opts.ShardCount, 1, nil
	}
	return []int{0}, 1, 1, nil
}

// shard is one gateway connection, kept up by run.
type shard struct {
	b     *Bot
	id    int
	s     *discordgo.Session
	watch *wsWatch
	down  chan struct{} // a disconnect happened
}

func (b *Bot) newShard(id, count int) *shard {
	sh := &shard{b: b, id: id, watch: newWSWatch(), down: make(chan struct{}, 1)}
	s, _ := discordgo.New("Bot " + b.opts.Token) // fails only for a malformed token string, never here
	// Lectern supervises the connection itself: discordgo would retry a
	// revoked token forever and notice a dead connection only after five
	// missed heartbeats.
	s.ShouldReconnectOnError = false
	s.StateEnabled = false
	s.SyncEvents = true    // handlers below return at once; interactions run in their own goroutines
	s.Identify.Intents = 0 // interactions need no intents
	s.LogLevel = -1        // discordgo's own log lines would repeat ours
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: newRewriter(b.opts.APIURL, http.DefaultTransport)}
	s.Dialer = &websocket.Dialer{NetDialContext: sh.watch.dial, NetDialTLSContext: sh.watch.dialTLS, HandshakeTimeout: 15 * time.Second}
	if count > 1 {
		s.ShardID, s.ShardCount = id, count
	}
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
		in := ic.Interaction
		b.serve(in, func(ctx context.Context, r *discordgo.InteractionResponse, deadline time.Time) error {
			return b.api.callback(ctx, in, r, deadline)
		}, time.Now(), nil)
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		select {
		case sh.down <- struct{}{}:
		default:
		}
	})
	sh.s = s
	return sh
}

// run keeps the shard connected until ctx ends, and returns a
// FatalCloseError when Discord closes it for good.
func (sh *shard) run(ctx context.Context) error {
	log := sh.b.log.With("shard", sh.id)
	stopped := make(chan struct{})
	defer close(stopped)
	go func() {
		// Open has no timeout of its own: a gateway that accepts the
		// connection and says nothing would hold it forever.
		select {
		case <-ctx.Done():
			select {
			case <-time.After(3 * time.Second):
				sh.watch.closeConn()
			case <-stopped:
			}
		case <-stopped:
		}
	}()
	defer sh.b.shardConnected(sh.id, false)
	backoff := time.Second
	for connected := false; ; {
		sh.drainDown()
		if err := sh.s.Open(); err != nil {
			if fe := sh.fatal(err); fe != nil {
				return fe
			}
			if ctx.Err() != nil {
				return nil
			}
			log.Warn("gateway: cannot connect; retrying", "in", backoff, "err", err)
			select {
			case <-time.After(backoff):
			case <-ctx.Done():
				return nil
			}
			backoff = min(backoff*2, time.Minute)
			continue
		}
		if connected {
			log.Info("gateway: reconnected")
		}
		connected, backoff = true, time.Second
		sh.b.shardConnected(sh.id, true)
		lost := !sh.watchConnection(ctx, log)
		sh.b.shardConnected(sh.id, false)
		if !lost {
			sh.s.Close()
			return nil
		}
		if fe := sh.fatal(nil); fe != nil {
			return fe
		}
		// discordgo's heartbeat goroutine for the lost connection can
		// wake after it and call Session.Close, which closes whatever
		// connection the session holds by then (seen as a RESUMED
		// connection closed with 1000 a moment later). It needs only
		// microseconds; let it act before the next Open, then drop
		// the Disconnect it sends.
		select {
		case <-time.After(settleAfterLoss):
		case <-ctx.Done():
			return nil
		}
	}
}

// settleAfterLoss is how long a lost connection's goroutines get to end
// before the next connection is opened.
const settleAfterLoss = 250 * time.Millisecond

// watchConnection waits until the connection drops or stops answering
// heartbeats, and reports whether ctx ended instead.
func (sh *shard) watchConnection(ctx context.Context, log *slog.Logger) bool {
	every := min(max(sh.watch.heartbeatInterval()/8, 20*time.Millisecond), 5*time.Second)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return true
		case <-sh.down:
			log.Warn("gateway: connection lost; reconnecting to resume", "close_code", sh.watch.lastClose())
			return false
		case now := <-tick.C:
			if overdue, since := sh.watch.ackOverdue(now); overdue {
				log.Warn("gateway: heartbeat not acknowledged; reconnecting to resume", "since_last_ack", since.Round(time.Millisecond))
				// Any code but 1000 and 1001 keeps the session resumable.
				sh.s.CloseWithCode(4000)
				return false
			}
		}
	}
}

func (sh *shard) drainDown() {
	select {
	case <-sh.down:
	default:
	}
}

// fatal returns the FatalCloseError for the latest close, if it was one.
func (sh *shard) fatal(openErr error) error {
	code := sh.watch.lastClose()
	var ce *websocket.CloseError
	if errors.As(openErr, &ce) {
		code = ce.Code
	}
	if fatalCode(code) {
		return &FatalCloseError{Shard: sh.id, Code: code}
	}
	return nil
}

// rewriter sends discordgo's requests for Discord's REST API (only GET
// /gateway, here) to another base URL.
type rewriter struct {
	from string // discordgo's base, with trailing slash
	to   *url.URL
	next http.RoundTripper
}

func newRewriter(base string, next http.RoundTripper) http.RoundTripper {
	to, err := url.Parse(strings.TrimRight(base, "/") + "/")
	if err != nil || to.String() == discordgo.EndpointAPI {
		return next
	}
	return &rewriter{from: discordgo.EndpointAPI, to: to, next: next}
}

func (rw *rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	rest, ok := strings.CutPrefix(req.URL.String(), rw.from)
	if !ok {
		return rw.next.RoundTrip(req)
	}
	target, err := rw.to.Parse(rest)
	if err != nil {
		return nil, fmt.Errorf("discord: rewriting a request: %w", err)
	}
	r := req.Clone(req.Context())
	r.URL = target
	r.Host = target.Host
	return rw.next.RoundTrip(r)
}
