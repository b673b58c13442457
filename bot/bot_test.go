package bot

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/testindex"
	"github.com/lectern-bot/lectern/retrieval"
)

const token = "test-token.not-a-real-one"

// Users of the tests.
const (
	alice = "555000000000000001"
	bob   = "555000000000000002"
)

// interviewIndex is the embedded interview's index, built once.
func interviewIndex(t testing.TB) *retrieval.Index { return testindex.Interview(t) }

// faulty fails on purpose: "panic please" panics, "slow please" times
// out, "block please" waits until its context ends or release is closed.
type faulty struct {
	Searcher
	release chan struct{}
}

func (f faulty) AskFor(ctx context.Context, q string, k int, flt retrieval.Filter) ([]retrieval.Result, error) {
	switch q {
	case "panic please":
		panic("test panic")
	case "slow please":
		return nil, retrieval.ErrTimeout
	case "block please":
		select {
		case <-f.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		q = "Why did Lenin want peace?"
	}
	return f.Searcher.AskFor(ctx, q, k, flt)
}

// logBuffer collects a bot's log for assertions.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// harness is a bot running against a fake Discord.
type harness struct {
	t       testing.TB
	fake    *discordtest.Server
	bot     *Bot
	log     *logBuffer
	release chan struct{}
	done    chan error // Run's result
	stop    func() error
}

// ended waits for Run to end by itself.
func (h *harness) ended(within time.Duration) (error, bool) {
	select {
	case err := <-h.done:
		h.stop = func() error { return nil }
		return err, true
	case <-time.After(within):
		return nil, false
	}
}

type setup struct {
	opts       Options
	search     Searcher // the interview when nil
	clearGuild string
	global     bool                      // register globally rather than in the fake's server
	fake       func(*discordtest.Server) // adjusts the fake before the bot starts
}

// start runs a bot over the gateway against a new fake until the test
// ends, and waits until it is connected.
func start(t testing.TB, s setup) *harness {
	t.Helper()
	fake := discordtest.New(t, token)
	if s.fake != nil {
		s.fake(fake)
	}
	h := &harness{t: t, fake: fake, log: &logBuffer{}, release: make(chan struct{})}
	opts := s.opts
	opts.Token = token
	if !s.global {
		opts.GuildID = fake.GuildID
	}
	opts.APIURL = fake.APIURL()
	opts.Logger = slog.New(slog.NewTextHandler(h.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	search := s.search
	if search == nil {
		search = interviewIndex(t)
	}
	h.bot = New(faulty{Searcher: search, release: h.release}, opts)
	tablesBuilt(t, h.bot)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	h.done = done
	go func() { done <- h.bot.Run(ctx, s.clearGuild) }()
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := fake.WaitFor(wctx, "ready"); err != nil {
		cancel()
		t.Fatalf("bot did not connect: %v (run: %v)\n%s", err, <-done, h.log)
	}
	var once sync.Once
	var runErr error
	h.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(20 * time.Second):
				runErr = errors.New("Run did not return within 20 s of being stopped")
			}
		})
		return runErr
	}
	t.Cleanup(func() {
		close(h.release)
		if err := h.stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return h
}

func waitCtx(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// response returns a function that waits for the first response to a
// sent interaction: response(t)(fake.Command(…)).
func response(t testing.TB) func(*discordtest.Interaction, error) *discordtest.Response {
	return func(in *discordtest.Interaction, err error) *discordtest.Response {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		r, err := in.Response(waitCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
}

// answer returns a function that waits for the message an interaction
// ends with: the response, or the edit of a deferred response.
func answer(t testing.TB) func(*discordtest.Interaction, error) *discordtest.Message {
	return func(in *discordtest.Interaction, err error) *discordtest.Message {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		m, err := in.Original(waitCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		if m == nil {
			t.Fatal("the answer was deleted")
		}
		return m
	}
}

func buttonLabels(m *discordtest.Message) []string {
	var out []string
	for _, row := range m.Components {
		for _, c := range row.Components {
			out = append(out, c.Label)
		}
	}
	return out
}

// buttonID returns the custom_id of the button labelled label.
func buttonID(t testing.TB, m *discordtest.Message, label string) string {
	t.Helper()
	for _, row := range m.Components {
		for _, c := range row.Components {
			if c.Label == label && !c.Disabled {
				return c.CustomID
			}
		}
	}
	t.Fatalf("no enabled %q button in %v", label, buttonLabels(m))
	return ""
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// tablesBuilt waits until the bot's autocomplete tables, built in
// the background, are ready, so that what autocomplete offers does not
// depend on timing.
func tablesBuilt(t testing.TB, b *Bot) {
	t.Helper()
	select {
	case <-b.completer().ready:
	case <-time.After(10 * time.Second):
		t.Fatal("the autocomplete tables were not built within 10 s")
	}
}
