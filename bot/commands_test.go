package bot

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/testsupport"
	"github.com/lectern-bot/lectern/record"
)

func TestRegistration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		global      bool
		clearGuild  string
		wantScope   string
		wantCleared bool
	}{
		{name: "in a server", wantScope: "200000000000000002"},
		{name: "globally", global: true, wantScope: "global"},
		{name: "globally, clearing a server's copies", global: true, clearGuild: "200000000000000002", wantScope: "global", wantCleared: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{global: tt.global, clearGuild: tt.clearGuild, fake: func(f *discordtest.Server) {
				f.SetCommands(f.GuildID, "ask", "quote") // an earlier registration in the server
			}})
			cmds := h.fake.Commands(tt.wantScope)
			var names []string
			for _, c := range cmds {
				names = append(names, c["name"].(string))
				if got := c["integration_types"]; !slices.Equal(anyInts(got), []int{0, 1}) {
					t.Errorf("%s: integration_types %v, want [0 1] (server and user install)", c["name"], got)
				}
				if got := c["contexts"]; !slices.Equal(anyInts(got), []int{0, 1, 2}) {
					t.Errorf("%s: contexts %v, want [0 1 2] (servers, DMs, private channels)", c["name"], got)
				}
			}
			want := "ask quote section lines page about help Find in text"
			if got := strings.Join(names, " "); got != want {
				t.Errorf("registered %q, want %q", got, want)
			}
			for _, c := range cmds {
				if c["name"] != "ask" {
					continue
				}
				opt := c["options"].([]any)[0].(map[string]any)
				if opt["max_length"] != float64(maxQuestion) {
					t.Errorf("ask question max_length %v, want %d: the bot keeps no more", opt["max_length"], maxQuestion)
				}
			}
			guildLeft := len(h.fake.Commands(h.fake.GuildID))
			switch {
			case tt.wantCleared && guildLeft != 0:
				t.Errorf("%d commands left in the server after --clear-guild", guildLeft)
			case !tt.wantCleared && tt.wantScope == "global" && guildLeft != 2:
				t.Errorf("the server's commands changed without --clear-guild: %d left", guildLeft)
			}
			if !strings.Contains(h.log.String(), "integration_type=1") || !strings.Contains(h.log.String(), "integration_type=0") {
				t.Errorf("the log does not give both invite links:\n%s", h.log)
			}
		})
	}
}

// TestRegistrationWithoutUserInstall: when Discord refuses commands for
// user installs, they are registered for servers only, with a warning
// saying what to turn on.
func TestRegistrationWithoutUserInstall(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) { f.NoUserInstall = true }})
	cmds := h.fake.Commands(h.fake.GuildID)
	if len(cmds) != len(Commands()) {
		t.Fatalf("%d commands registered, want %d", len(cmds), len(Commands()))
	}
	if got := anyInts(cmds[0]["integration_types"]); !slices.Equal(got, []int{0}) {
		t.Errorf("integration_types %v, want [0]", got)
	}
	if !strings.Contains(h.log.String(), "turn on User Install") {
		t.Errorf("no warning about User Install:\n%s", h.log)
	}
	askWorks(t, h)
}

func anyInts(v any) []int {
	var out []int
	vs, _ := v.([]any)
	for _, x := range vs {
		f, _ := x.(float64)
		out = append(out, int(f))
	}
	return out
}

// seen is a message as golden files show it.
func seen(m *discordtest.Message) *discordtest.Message {
	c := *m
	c.ID = ""
	return &c
}

// memoryRecord is a Recorder that keeps questions and ratings in memory.
type memoryRecord struct {
	mu        sync.Mutex
	questions []record.Question
	ratings   map[int64]bool
}

func (r *memoryRecord) Asked(_ context.Context, q record.Question) (int64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.questions = append(r.questions, q)
	return int64(len(r.questions)), nil
}

func (r *memoryRecord) Rated(_ context.Context, id int64, _ string, helpful bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id < 1 || id > int64(len(r.questions)) {
		return fmt.Errorf("rating %d: %w", id, record.ErrUnknownQuestion)
	}
	if r.ratings == nil {
		r.ratings = map[int64]bool{}
	}
	r.ratings[id] = helpful
	return nil
}

// counts are the record's questions, those that found nothing, and the
// answers marked 👎.
func (r *memoryRecord) counts() (questions, nothing, down int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, q := range r.questions {
		if q.Source == "" {
			nothing++
		}
	}
	for _, helpful := range r.ratings {
		if !helpful {
			down++
		}
	}
	return len(r.questions), nothing, down
}

// replyFake is a fake Discord talking to a bot with opts over a
// transport: the gateway, or the bot's HTTP interactions endpoint.
func replyFake(t *testing.T, transport string, opts Options) *discordtest.Server {
	t.Helper()
	if transport == "http" {
		f, _, _ := endpoint(t, opts)
		return f
	}
	return start(t, setup{opts: opts}).fake
}

// TestReplies keeps a golden file of every kind of reply: they are how a
// reviewer sees what readers see. Over the gateway and over HTTP, the
// replies are the same.
func TestReplies(t *testing.T) {
	t.Parallel()
	for _, transport := range []string{"gateway", "http"} {
		t.Run(transport, func(t *testing.T) {
			t.Parallel()
			testReplies(t, transport)
		})
	}
}

func testReplies(t *testing.T, transport string) {
	rec := &memoryRecord{}
	f := replyFake(t, transport, Options{Recorder: rec, PublicURL: "https://lectern.example.org"})
	ask := func(t *testing.T, q string, opts ...discordtest.Option) *discordtest.Message {
		return answer(t)(f.Command(alice, "ask", append([]discordtest.Option{discordtest.String("question", q)}, opts...)...))
	}
	click := func(t *testing.T, user string, m *discordtest.Message, label string) *discordtest.Interaction {
		in, err := f.Click(user, m, buttonID(t, m, label))
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	tests := []struct {
		name  string
		reply func(t *testing.T) *discordtest.Message
		check func(t *testing.T, m *discordtest.Message)
	}{
		{"ask", func(t *testing.T) *discordtest.Message {
			return ask(t, "Why did the Bolsheviks dissolve the Constituent Assembly?")
		}, func(t *testing.T, m *discordtest.Message) {
			if m.Content != "" {
				t.Errorf("the headline question got a note: %q (dissolve/dissolved is not a misspelling)", m.Content)
			}
			if m.Ephemeral() {
				t.Error("a public question was answered privately")
			}
		}},
		{"ask-private", func(t *testing.T) *discordtest.Message {
			return ask(t, "Why did Lenin want peace?", discordtest.Boolean("private", true))
		}, func(t *testing.T, m *discordtest.Message) {
			if !m.Ephemeral() || !slices.Contains(buttonLabels(m), "Post publicly") {
				t.Errorf("private answer: ephemeral %v, buttons %v", m.Ephemeral(), buttonLabels(m))
			}
		}},
		{"ask-misspelt", func(t *testing.T) *discordtest.Message {
			return ask(t, "What happened at Kronstat?")
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(m.Content, "kronstadt") && !strings.Contains(m.Content, "Kronstadt") {
				t.Errorf("no spelling note for Kronstat: %q", m.Content)
			}
		}},
		{"ask-page-2-keeps-note", func(t *testing.T) *discordtest.Message {
			first := ask(t, "What happened at Kronstat?")
			return answer(t)(click(t, alice, first, "▶"), nil)
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(strings.ToLower(m.Content), "kronstadt") {
				t.Errorf("paging erased the spelling note: content %q", m.Content)
			}
			if !slices.Contains(buttonLabels(m), "2/3") {
				t.Errorf("page 2 buttons %v", buttonLabels(m))
			}
		}},
		{"ask-page-2-by-someone-else", func(t *testing.T) *discordtest.Message {
			first := ask(t, "What happened to the soviets?")
			in := click(t, bob, first, "▶")
			m := answer(t)(in, nil)
			if now := f.Message(first.ID); now == nil || !slices.Equal(buttonLabels(now), buttonLabels(first)) {
				t.Error("someone else's click changed the asker's message")
			}
			return m
		}, func(t *testing.T, m *discordtest.Message) {
			if !m.Ephemeral() {
				t.Error("a non-asker's page turn was not a private copy")
			}
		}},
		{"context", func(t *testing.T) *discordtest.Message {
			return answer(t)(click(t, alice, ask(t, "Why did Lenin want peace?"), "Context"), nil)
		}, func(t *testing.T, m *discordtest.Message) {
			if !m.Ephemeral() {
				t.Error("context is not private")
			}
		}},
		{"post-publicly", func(t *testing.T) *discordtest.Message {
			private := ask(t, "Why did Lenin want peace?", discordtest.Boolean("private", true))
			return answer(t)(click(t, bob, private, "Post publicly"), nil)
		}, func(t *testing.T, m *discordtest.Message) {
			if m.Ephemeral() || !slices.Contains(buttonLabels(m), "🗑") {
				t.Errorf("posted publicly: ephemeral %v, buttons %v", m.Ephemeral(), buttonLabels(m))
			}
		}},
		{"quote", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.Command(alice, "quote", discordtest.String("phrase", "peace of shame")))
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(m.Embeds[0].Description, "**") {
				t.Error("the quote highlights nothing")
			}
			if m.Content != "" {
				t.Errorf("content %q over a quotation found word for word", m.Content)
			}
		}},
		{"section", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.Command(alice, "section", discordtest.String("section", "3")))
		}, nil},
		{"section-part-2", func(t *testing.T) *discordtest.Message {
			first := answer(t)(f.Command(alice, "section", discordtest.String("section", "0:3")))
			return answer(t)(click(t, alice, first, "▶"), nil)
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(m.Embeds[0].Footer.Text, "part 2/") {
				t.Errorf("footer %q does not say part 2", m.Embeds[0].Footer.Text)
			}
		}},
		{"lines", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.Command(alice, "lines", discordtest.String("at", "351-356")))
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(m.Embeds[0].Footer.Text, "351") {
				t.Errorf("lines 351-356 cite %q", m.Embeds[0].Footer.Text)
			}
		}},
		{"lines-next", func(t *testing.T) *discordtest.Message {
			return answer(t)(click(t, alice, answer(t)(f.Command(alice, "lines", discordtest.String("at", "351"))), "▶"), nil)
		}, nil},
		{"page", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.Command(alice, "page", discordtest.String("page", "11")))
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(m.Embeds[0].Footer.Text, "p. 11") {
				t.Errorf("page 11 cites %q", m.Embeds[0].Footer.Text)
			}
		}},
		{"page-missing", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.Command(alice, "page", discordtest.String("page", "999")))
		}, nil},
		{"lines-in-header", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.Command(alice, "lines", discordtest.String("at", "99999")))
		}, nil},
		{"nothing-found", func(t *testing.T) *discordtest.Message {
			return ask(t, "xylophone zebra quasar")
		}, func(t *testing.T, m *discordtest.Message) {
			if !m.Ephemeral() {
				t.Error("nothing found was said publicly")
			}
		}},
		{"find-in-text-quotation", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.MessageCommand(alice, "Find in text", "someone said it was a peace of shame"))
		}, func(t *testing.T, m *discordtest.Message) {
			if !m.Ephemeral() || !strings.Contains(m.Content, "says") {
				t.Errorf("find in text: ephemeral %v, content %q", m.Ephemeral(), m.Content)
			}
		}},
		{"find-in-text-on-an-answer", func(t *testing.T) *discordtest.Message {
			first := answer(t)(f.MessageCommand(alice, "Find in text", "someone said it was a peace of shame"))
			return answer(t)(f.MessageCommandOn(bob, "Find in text", first, f.AppID))
		}, func(t *testing.T, m *discordtest.Message) {
			if m.Content != "The text says this:" || !strings.Contains(m.Embeds[0].Description, "peace") {
				t.Errorf("Find in text on Lectern's own answer: %q, %q", m.Content, m.Embeds[0].Description)
			}
		}},
		{"find-in-text-question", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.MessageCommand(alice, "Find in text", "why did the soviets lose their power?"))
		}, nil},
		{"about", func(t *testing.T) *discordtest.Message { return answer(t)(f.Command(alice, "about")) }, nil},
		{"help", func(t *testing.T) *discordtest.Message { return answer(t)(f.Command(alice, "help")) }, nil},
		{"rating", func(t *testing.T) *discordtest.Message {
			return answer(t)(click(t, bob, ask(t, "What was War Communism?"), "👎"), nil)
		}, func(t *testing.T, m *discordtest.Message) {
			if !m.Ephemeral() || !strings.Contains(m.Content, "Thanks") {
				t.Errorf("rating reply %q", m.Content)
			}
		}},
		{"delete-by-someone-else", func(t *testing.T) *discordtest.Message {
			return answer(t)(click(t, bob, ask(t, "Who was Bukharin?"), "🗑"), nil)
		}, nil},
		{"dm", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.CommandIn(discordtest.DM, alice, "ask", discordtest.String("question", "Who was Trotsky?")))
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(buttonID(t, m, "🗑"), alice) {
				t.Error("in a DM the answer does not belong to the asker")
			}
		}},
		{"ask-two-questions", func(t *testing.T) *discordtest.Message {
			first := ask(t, "Why did the Bolsheviks dissolve the Constituent Assembly? What was War Communism?")
			if got, want := first.Embeds[0].Description, "**Q:** Why did the Bolsheviks dissolve the Constituent Assembly?\n"; !strings.HasPrefix(got, want) {
				t.Errorf("first answer %q, want it under %q", got, want)
			}
			return answer(t)(click(t, alice, first, "▶"), nil)
		}, func(t *testing.T, m *discordtest.Message) {
			if got, want := m.Embeds[0].Description, "**Q:** What was War Communism?\n"; !strings.HasPrefix(got, want) {
				t.Errorf("second answer %q, want it under the second question %q", got, want)
			}
		}},
		{"ask-who-wrote-it", func(t *testing.T) *discordtest.Message {
			return ask(t, "Who wrote this?")
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(m.Content, "is by Suzi Weissman") {
				t.Errorf("who wrote the text: content %q, want the author named", m.Content)
			}
		}},
		{"quote-not-word-for-word", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.Command(alice, "quote", discordtest.String("phrase", "Lenin signed a shameful treaty with the Kaiser")))
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.Contains(m.Content, "word for word") {
				t.Errorf("content %q does not say the text lacks the phrase", m.Content)
			}
		}},
		{"find-in-text-not-said", func(t *testing.T) *discordtest.Message {
			return answer(t)(f.MessageCommand(alice, "Find in text", "Lenin signed a shameful treaty with the Kaiser"))
		}, func(t *testing.T, m *discordtest.Message) {
			if !strings.HasPrefix(m.Content, "The text does not say this word for word") {
				t.Errorf("find in text of what the text does not say: content %q", m.Content)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.reply(t)
			if tt.check != nil {
				tt.check(t, m)
			}
			testsupport.GoldenJSON(t, filepath.Join("testdata", "replies", tt.name+".json"), seen(m))
		})
	}
	t.Run("owner deletes", func(t *testing.T) {
		m := ask(t, "Who was Bukharin?")
		in := click(t, alice, m, "🗑")
		if err := in.Deleted(waitCtx(t)); err != nil {
			t.Fatal(err)
		}
		if f.Message(m.ID) != nil {
			t.Error("the answer is still there")
		}
	})
	t.Run("record", func(t *testing.T) {
		questions, nothing, down := rec.counts()
		if questions == 0 || nothing == 0 || down == 0 {
			t.Errorf("record: %d questions, %d found nothing, %d marked down; want some of each", questions, nothing, down)
		}
	})
}

// fullRecord fails as a record on a full disk does.
type fullRecord struct{}

func (fullRecord) Asked(context.Context, record.Question) (int64, error) {
	return 0, errors.New("record: database or disk is full (13)")
}

func (fullRecord) Rated(context.Context, int64, string, bool) error {
	return errors.New("record: database or disk is full (13)")
}

// TestAnswersWithAFullRecord: when the record cannot be written (a full
// disk), the bot still answers, without rating buttons, and logs why.
func TestAnswersWithAFullRecord(t *testing.T) {
	t.Parallel()
	h := start(t, setup{opts: Options{Recorder: fullRecord{}}})
	m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?")))
	if len(m.Embeds) == 0 || slices.Contains(buttonLabels(m), "👍") {
		t.Errorf("answer %v with a full record; want an answer without ratings", buttonLabels(m))
	}
	if !strings.Contains(h.log.String(), "recording a question failed") {
		t.Errorf("the failure is not logged:\n%s", h.log)
	}
}

// countingObserver counts what the bot tells its Observer.
type countingObserver struct {
	mu           sync.Mutex
	outcomes     map[string]int // "command/outcome"
	nothingFound map[string]int
	shards       []string // "0 up", "0 down", in order
}

func (o *countingObserver) Interaction(command, outcome string, _ time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.outcomes[command+"/"+outcome]++
}

func (o *countingObserver) NothingFound(command string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.nothingFound[command]++
}

func (o *countingObserver) DiscordError(string, int) {}

func (o *countingObserver) ShardConnected(shard int, connected bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	state := map[bool]string{true: "up", false: "down"}[connected]
	o.shards = append(o.shards, fmt.Sprintf("%d %s", shard, state))
}

// shardEvents waits a moment for n shard events and returns them all.
func (o *countingObserver) shardEvents(n int) []string {
	for range 100 {
		o.mu.Lock()
		got := slices.Clone(o.shards)
		o.mu.Unlock()
		if len(got) >= n {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Clone(o.shards)
}

// count waits a moment for an interaction to be counted: the bot counts
// it once its answer is sent.
func (o *countingObserver) count(key string) int {
	for range 100 {
		o.mu.Lock()
		n := o.outcomes[key]
		o.mu.Unlock()
		if n > 0 {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
	return 0
}

func TestObserverCountsOutcomes(t *testing.T) {
	t.Parallel()
	obs := &countingObserver{outcomes: map[string]int{}, nothingFound: map[string]int{}}
	h := start(t, setup{opts: Options{Observer: obs}})
	answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?")))
	answer(t)(h.fake.Command(bob, "quote", discordtest.String("phrase", "xylophone zebra quasar")))
	answer(t)(h.fake.Command(alice, "lines", discordtest.String("at", "not a line")))
	for _, key := range []string{"ask/answered", "quote/nothing found", "lines/refused"} {
		if obs.count(key) != 1 {
			t.Errorf("%s counted %d times, want 1 (counts %v)", key, obs.count(key), obs.outcomes)
		}
	}
	obs.mu.Lock()
	defer obs.mu.Unlock()
	if len(obs.nothingFound) != 1 || obs.nothingFound["quote"] != 1 {
		t.Errorf("nothing found %v, want quote once", obs.nothingFound)
	}
}

// slowRecord takes its time to write a rating, as SQLite can when the
// database is busy (its busy timeout is 5 s).
type slowRecord struct {
	memoryRecord
	delay time.Duration
}

func (r *slowRecord) Rated(ctx context.Context, id int64, user string, helpful bool) error {
	time.Sleep(r.delay) // a database that ignores the context meanwhile
	return r.memoryRecord.Rated(ctx, id, user, helpful)
}

// TestSlowRatingIsDeferred: a rating whose write outlasts Discord's 3 s
// is acknowledged in time and answered after.
func TestSlowRatingIsDeferred(t *testing.T) {
	t.Parallel()
	rec := &slowRecord{delay: 3500 * time.Millisecond}
	h := start(t, setup{opts: Options{Recorder: rec, DeferAfter: 200 * time.Millisecond}})
	m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?")))
	in, err := h.fake.Click(bob, m, buttonID(t, m, "👍"))
	if err != nil {
		t.Fatal(err)
	}
	if r := response(t)(in, nil); r.Type != 5 {
		t.Errorf("first response to a slow rating: type %d, want 5 (deferred)", r.Type)
	}
	if reply := answer(t)(in, nil); !strings.Contains(reply.Content, "Thanks") {
		t.Errorf("after the rating was written: %q", reply.Content)
	}
}
