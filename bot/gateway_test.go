package bot

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
)

// askWorks checks that the bot answers /ask in the fake's server.
func askWorks(t *testing.T, h *harness) {
	t.Helper()
	in, err := h.fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?"))
	if err != nil {
		t.Fatalf("%v\n%s", err, h.log)
	}
	m, err := in.Original(waitCtx(t))
	if err != nil || len(m.Embeds) == 0 {
		t.Fatalf("no answer: %v\n%s", err, h.log)
	}
}

func TestFatalCloseCodesEndRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		act  func(*discordtest.Server)
		code int
		why  string
	}{
		{"token revoked while running", (*discordtest.Server).RevokeToken, 4004, "token was reset or revoked"},
		{"disallowed intents", func(f *discordtest.Server) { f.CloseGateway(4014, "Disallowed intent(s).") }, 4014, "disallowed intents"},
		{"invalid shard", func(f *discordtest.Server) { f.CloseGateway(4010, "Invalid shard.") }, 4010, "invalid shard"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{})
			askWorks(t, h)
			tt.act(h.fake)
			err, ok := h.ended(10 * time.Second)
			if !ok {
				t.Fatal("Run did not end by itself")
			}
			var fe *FatalCloseError
			if !errors.As(err, &fe) || fe.Code != tt.code {
				t.Fatalf("Run returned %v, want a FatalCloseError with %d", err, tt.code)
			}
			if !strings.Contains(err.Error(), tt.why) {
				t.Errorf("the error %q does not say %q", err, tt.why)
			}
			if strings.Contains(h.log.String(), err.Error()) {
				t.Errorf("the error is logged as well as returned, so it would be printed twice:\n%s", h.log)
			}
		})
	}
}

// TestNoIntents: interactions need no gateway intents, and asking for
// Guilds would make Discord send every server's channels and roles.
func TestNoIntents(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	if got := h.fake.Intents(); got != 0 {
		t.Errorf("IDENTIFY with intents %d, want 0", got)
	}
}

func TestBadTokenAtStart(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, "the-real-token")
	b := New(interviewIndex(t), Options{Token: "a-wrong-token", APIURL: fake.APIURL(), Logger: discard()})
	err := b.Run(waitCtx(t), "")
	if !errors.Is(err, ErrBadToken) {
		t.Fatalf("Run with a wrong token returned %v, want ErrBadToken", err)
	}
	if strings.Contains(err.Error(), "a-wrong-token") {
		t.Error("the error shows the token")
	}
}

func TestReconnects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		fault    func(*discordtest.Server)
		within   time.Duration
		resumes  bool // a RESUME, not a new IDENTIFY
		interval int  // heartbeat interval, ms
	}{
		{"dropped connection", (*discordtest.Server).Drop, 5 * time.Second, true, 1000},
		{"close 4000", func(f *discordtest.Server) { f.CloseGateway(4000, "Unknown error.") }, 5 * time.Second, true, 1000},
		// With a 1 s heartbeat, one missed ACK is noticed within about
		// 1.25 s; discordgo alone would wait five intervals.
		{"heartbeat ACKs withheld", (*discordtest.Server).WithholdACKs, 4 * time.Second, true, 1000},
		// A slower heartbeat here: discordgo itself gives up after five
		// intervals without an ACK, and the bot holds op 9 back 1–5 s.
		{"invalid session", (*discordtest.Server).InvalidateSession, 8 * time.Second, false, 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{fake: func(f *discordtest.Server) { f.HeartbeatInterval = tt.interval }})
			ids, res := h.fake.Counts()
			tt.fault(h.fake)
			event := "ready"
			if tt.resumes {
				event = "resumed"
			}
			ctx, cancel := context.WithTimeout(context.Background(), tt.within)
			defer cancel()
			if err := h.fake.WaitFor(ctx, event); err != nil {
				t.Fatalf("no %s within %s: %v\n%s", event, tt.within, err, h.log)
			}
			ids2, res2 := h.fake.Counts()
			if tt.resumes && (res2 != res+1 || ids2 != ids) {
				t.Errorf("identifies %d→%d, resumes %d→%d; want one resume", ids, ids2, res, res2)
			}
			askWorks(t, h)
			if tt.name == "invalid session" {
				waits := h.fake.Reidentified()
				if len(waits) == 0 || waits[0] < time.Second || waits[0] > 6*time.Second {
					t.Errorf("identified again %v after INVALID_SESSION, want 1–5 s", waits)
				}
			}
		})
	}
}

func TestSharding(t *testing.T) {
	t.Parallel()
	// Guilds whose IDs fall on shard 0 and shard 1 of 2: (id >> 22) % 2.
	const guild0, guild1 = "8388608", "4194304" // 2<<22 → shard 0; 1<<22 → shard 1
	t.Run("auto runs every recommended shard", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{opts: Options{ShardCount: ShardAuto}, fake: func(f *discordtest.Server) {
			f.RecommendedShards, f.RequiredShards = 2, 2
		}})
		deadline := time.Now().Add(5 * time.Second)
		for len(h.fake.Shards()) < 2 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if got := h.fake.Shards(); got[0] != 1 || got[1] != 1 {
			t.Fatalf("identifies by shard %v, want one each for shards 0 and 1", got)
		}
		for _, g := range []string{guild0, guild1} {
			m := answer(t)(h.fake.CommandIn(discordtest.InGuild(g), alice, "ask", discordtest.String("question", "Why did Lenin want peace?")))
			if len(m.Embeds) == 0 {
				t.Errorf("guild %s: no answer", g)
			}
		}
	})
	t.Run("one shard per process", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{opts: Options{ShardCount: 2, ShardID: 1}})
		if got := h.fake.Shards(); got[1] != 1 || got[0] != 0 {
			t.Errorf("identifies by shard %v, want shard 1 only", got)
		}
		in, err := h.fake.CommandIn(discordtest.InGuild(guild1), alice, "ask", discordtest.String("question", "Why did Lenin want peace?"))
		if err != nil {
			t.Fatalf("%v\n%s", err, h.log)
		}
		m := answer(t)(in, nil)
		if len(m.Embeds) == 0 {
			t.Error("no answer on shard 1")
		}
	})
	t.Run("sharding required", func(t *testing.T) {
		t.Parallel()
		fake := discordtest.New(t, token)
		fake.RequiredShards = 2
		b := New(interviewIndex(t), Options{Token: token, GuildID: fake.GuildID, APIURL: fake.APIURL(), Logger: discard()})
		err := b.Run(waitCtx(t), "")
		var fe *FatalCloseError
		if !errors.As(err, &fe) || fe.Code != 4011 || !strings.Contains(err.Error(), "sharding required") {
			t.Errorf("Run returned %v, want 4011, sharding required", err)
		}
	})
}

// TestShutdownDrains stops the bot while deferred answers are in
// flight: each is finished before Run returns.
func TestShutdownDrains(t *testing.T) {
	t.Parallel()
	h := start(t, setup{opts: Options{Defer: true}})
	var ins []*discordtest.Interaction
	for range 5 {
		in, err := h.fake.Command(alice, "ask", discordtest.String("question", "block please"))
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, in)
	}
	for _, in := range ins {
		response(t)(in, nil) // deferred
	}
	done := make(chan error, 1)
	go func() { done <- h.stop() }()
	time.Sleep(200 * time.Millisecond)
	close(h.release) // the searches finish while the bot is stopping
	h.release = make(chan struct{})
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	for i, in := range ins {
		m, err := in.Original(waitCtx(t))
		if err != nil || m == nil || len(m.Embeds) == 0 {
			t.Errorf("answer %d in flight at shutdown: %v, %+v", i, err, m)
		}
	}
}

// TestShutdownApologisesWhenDrainingTakesTooLong stops the bot while
// answers cannot finish: after the drain timeout each gets an apology.
func TestShutdownApologisesWhenDrainingTakesTooLong(t *testing.T) {
	t.Parallel()
	h := start(t, setup{opts: Options{Defer: true, DrainTimeout: 300 * time.Millisecond}})
	in, err := h.fake.Command(alice, "ask", discordtest.String("question", "block please"))
	if err != nil {
		t.Fatal(err)
	}
	response(t)(in, nil)
	if err := h.stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	f, err := in.Followup(waitCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f.Content, "Sorry") || !f.Ephemeral() {
		t.Errorf("after the drain timeout: %q (ephemeral %v), want a private apology", f.Content, f.Ephemeral())
	}
}

// TestDeferredAnswersDoNotQueue: four deferred answers whose edits each
// take half a second arrive together, not one after another as they do
// behind discordgo's single webhook bucket.
func TestDeferredAnswersDoNotQueue(t *testing.T) {
	t.Parallel()
	h := start(t, setup{opts: Options{Defer: true}})
	h.fake.AddFault(&discordtest.Fault{Route: "edit", Delay: 500 * time.Millisecond})
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answer(t)(h.fake.Command(alice+string(rune('0'+i)), "ask", discordtest.String("question", "Why did Lenin want peace?")))
		}()
	}
	wg.Wait()
	if took := time.Since(start); took > 1500*time.Millisecond {
		t.Errorf("four deferred answers with 0.5 s edits took %s; they queue", took)
	}
}

// TestObserverSeesShardsConnect checks the Observer hears a shard
// connect, drop and connect again, for the metric alerts watch.
func TestObserverSeesShardsConnect(t *testing.T) {
	t.Parallel()
	obs := &countingObserver{outcomes: map[string]int{}, nothingFound: map[string]int{}}
	h := start(t, setup{opts: Options{Observer: obs}})
	if got := obs.shardEvents(1); len(got) == 0 || got[0] != "0 up" {
		t.Fatalf("shard events %v after start, want 0 up first", got)
	}
	h.fake.Drop()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.fake.WaitFor(ctx, "resumed"); err != nil {
		t.Fatalf("no resume: %v", err)
	}
	want := []string{"0 up", "0 down", "0 up"}
	if got := obs.shardEvents(3); !slices.Equal(got[:min(3, len(got))], want) {
		t.Errorf("shard events %v, want %v", got, want)
	}
}
