package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
	"github.com/lectern-bot/lectern/retrieval"
)

const token = "test-token.not-a-real-one"

var interview testsupport.Once[*retrieval.Index]

// interviewIndex indexes the embedded interview once for all tests.
func interviewIndex(t *testing.T) *retrieval.Index {
	t.Helper()
	return interview.Get(t, func() (*retrieval.Index, error) {
		c, err := corpus.Default()
		if err != nil {
			return nil, err
		}
		return retrieval.NewMemory(context.Background(), c)
	})
}

// panicky panics when asked "panic please" and times out on "slow please",
// to test recovery.
type panicky struct{ Searcher }

func (p panicky) Ask(ctx context.Context, q string, k int) ([]retrieval.Result, error) {
	switch q {
	case "panic please":
		panic("test panic")
	case "slow please":
		return nil, retrieval.ErrTimeout
	}
	return p.Searcher.Ask(ctx, q, k)
}

// startBot runs a bot against fake until the test ends, and waits for its
// commands to be registered.
func startBot(t *testing.T, fake *discordtest.Server, opts Options) (stop func()) {
	t.Helper()
	opts.Token = token
	opts.GuildID = fake.GuildID
	opts.APIURL = fake.APIURL()
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	b := New(panicky{interviewIndex(t)}, opts)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := fake.WaitFor(wctx, "commands"); err != nil {
		cancel()
		t.Fatalf("bot did not register its commands: %v (run: %v)", err, <-done)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func newBot(t *testing.T, opts Options) *discordtest.Server {
	t.Helper()
	fake := discordtest.New(t, token)
	startBot(t, fake, opts)
	return fake
}

func waitCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// respond returns a function that takes a sent interaction and returns
// the bot's response to it.
func respond(t *testing.T) func(*discordtest.Interaction, error) *discordtest.Response {
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

func TestRegistersCommandsInGuild(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{})
	var got []string
	for _, c := range fake.Commands(fake.GuildID) {
		got = append(got, c["name"].(string))
	}
	want := "ask quote section about help"
	if strings.Join(got, " ") != want {
		t.Errorf("registered %v, want %s", got, want)
	}
	if g := fake.Commands("global"); len(g) != 0 {
		t.Errorf("registered %d global commands with a guild set, want 0", len(g))
	}
}

func TestRegistersCommandsGloballyWithoutGuild(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, token)
	b := New(interviewIndex(t), Options{Token: token, APIURL: fake.APIURL(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	if err := fake.WaitFor(waitCtx(t), "commands"); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Commands("global")); n != 5 {
		t.Errorf("%d global commands, want 5", n)
	}
}

func TestAskAndQuote(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{Results: 3})
	tests := []struct {
		name      string
		command   string
		opts      []discordtest.Option
		title     string // substring of the embed title
		footer    string // substring of the footer
		bold      string // a word shown in bold
		ephemeral bool
	}{
		{"ask", "ask", []discordtest.Option{discordtest.String("question", "Why did the Bolsheviks dissolve the Constituent Assembly?")}, "§4 · ", "interview.txt · lines 321–325 · p. 10", "**Constituent**", false},
		{"ask private", "ask", []discordtest.Option{discordtest.String("question", "Why did the Bolsheviks dissolve the Constituent Assembly?"), discordtest.Boolean("private", true)}, "§4", "lines 321–325", "**dissolved**", true},
		{"quote", "quote", []discordtest.Option{discordtest.String("phrase", "peace of shame")}, "§4", "lines 343–344 · p. 11", "**shame**", false},
		{"quote private", "quote", []discordtest.Option{discordtest.String("phrase", "Kronstadt sailors"), discordtest.Boolean("private", true)}, "§", "interview.txt · lines", "**Kronstadt**", true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user := "50000000000000000" + string(rune('0'+i))
			in, err := fake.Command(user, tt.command, tt.opts...)
			r := respond(t)(in, err)
			if r.Type != 4 || len(r.Data.Embeds) != 1 {
				t.Fatalf("got response type %d with %d embeds, want type 4 with one embed", r.Type, len(r.Data.Embeds))
			}
			e := r.Data.Embeds[0]
			if !strings.Contains(e.Title, tt.title) {
				t.Errorf("title %q, want it to contain %q", e.Title, tt.title)
			}
			if e.Footer == nil || !strings.Contains(e.Footer.Text, tt.footer) {
				t.Errorf("footer %+v, want it to contain %q", e.Footer, tt.footer)
			}
			if !strings.HasPrefix(e.Description, "> ") || !strings.Contains(e.Description, tt.bold) {
				t.Errorf("description %q, want a block quote with %s", e.Description, tt.bold)
			}
			if got := r.Data.Ephemeral(); got != tt.ephemeral {
				t.Errorf("ephemeral = %v, want %v", got, tt.ephemeral)
			}
			labels := buttonLabels(r.Data)
			if strings.Join(labels, " ") != "◀ 1/3 ▶ Context" {
				t.Errorf("buttons %v, want ◀ 1/3 ▶ Context", labels)
			}
		})
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

func buttonID(t *testing.T, m *discordtest.Message, label string) string {
	t.Helper()
	for _, row := range m.Components {
		for _, c := range row.Components {
			if c.Label == label {
				return c.CustomID
			}
		}
	}
	t.Fatalf("no %q button in %+v", label, m.Components)
	return ""
}

func TestSingleAnswerHasOnlyContext(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{Results: 1})
	r := respond(t)(fake.Command("610000000000000001", "ask", discordtest.String("question", "Kronstadt sailors")))
	if got := buttonLabels(r.Data); strings.Join(got, " ") != "Context" {
		t.Errorf("buttons %v, want Context alone for one answer", got)
	}
	ctx := respond(t)(fake.Click("610000000000000001", r.Data, buttonID(t, r.Data, "Context")))
	if !ctx.Data.Ephemeral() || len(ctx.Data.Embeds) != 1 {
		t.Errorf("Context got %+v", ctx.Data)
	}
}

func TestPagingAndContext(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{Results: 3})
	owner, other := "600000000000000001", "600000000000000002"
	first := respond(t)(fake.Command(owner, "ask", discordtest.String("question", "What happened to the soviets in the Civil War?")))

	next := respond(t)(fake.Click(owner, first.Data, buttonID(t, first.Data, "▶")))
	if next.Type != 7 {
		t.Fatalf("▶ answered with type %d, want 7 (update message)", next.Type)
	}
	if got := buttonLabels(next.Data); got[1] != "2/3" {
		t.Errorf("page label %q, want 2/3", got[1])
	}
	if next.Data.Embeds[0].Footer.Text == first.Data.Embeds[0].Footer.Text {
		t.Errorf("page 2 shows the same citation as page 1: %s", next.Data.Embeds[0].Footer.Text)
	}

	back := respond(t)(fake.Click(owner, next.Data, buttonID(t, next.Data, "◀")))
	if back.Data.Embeds[0].Footer.Text != first.Data.Embeds[0].Footer.Text {
		t.Errorf("◀ went to %q, want page 1 %q", back.Data.Embeds[0].Footer.Text, first.Data.Embeds[0].Footer.Text)
	}

	stranger := respond(t)(fake.Click(other, first.Data, buttonID(t, first.Data, "▶")))
	if stranger.Type != 4 || !stranger.Data.Ephemeral() || !strings.Contains(stranger.Data.Content, "Only the person who asked") {
		t.Errorf("paging by another user got %+v, want an ephemeral note", stranger)
	}

	ctxResp := respond(t)(fake.Click(other, first.Data, buttonID(t, first.Data, "Context")))
	if !ctxResp.Data.Ephemeral() || len(ctxResp.Data.Embeds) != 1 || !strings.HasPrefix(ctxResp.Data.Embeds[0].Title, "Context · §") {
		t.Errorf("Context got %+v, want an ephemeral passage embed", ctxResp.Data)
	}
	quote := strings.TrimPrefix(first.Data.Embeds[0].Description, "> ")
	plain := strings.NewReplacer("**", "", "\\", "").Replace(quote)
	if !strings.Contains(strings.NewReplacer("**", "", "\\", "").Replace(ctxResp.Data.Embeds[0].Description), plain) {
		t.Errorf("context %q does not contain the quote %q", ctxResp.Data.Embeds[0].Description, plain)
	}
}

func TestPagingAfterRestart(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, token)
	stop := startBot(t, fake, Options{Results: 3})
	owner := "700000000000000001"
	first := respond(t)(fake.Command(owner, "quote", discordtest.String("phrase", "Kronstadt")))
	stop()

	startBot(t, fake, Options{Results: 3})
	next := respond(t)(fake.Click(owner, first.Data, buttonID(t, first.Data, "▶")))
	if next.Type != 7 || buttonLabels(next.Data)[1] != "2/3" {
		t.Fatalf("after restart ▶ got type %d %v, want type 7 on page 2/3", next.Type, buttonLabels(next.Data))
	}
}

func TestAutocomplete(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{})
	tests := []struct {
		name    string
		command string
		opt     discordtest.Option
		want    string // a choice name containing this
	}{
		{"quote by word", "quote", discordtest.String("phrase", "shame"), "peace of shame"},
		{"quote empty", "quote", discordtest.String("phrase", ""), "all power to the soviets"},
		{"quote sentence", "quote", discordtest.String("phrase", "farmland"), "farmland"},
		{"section title", "section", discordtest.String("number", "soviets"), "§2 · What happened to these soviets?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := respond(t)(fake.Autocomplete("800000000000000001", tt.command, discordtest.Focused(tt.opt)))
			if r.Type != 8 {
				t.Fatalf("response type %d, want 8", r.Type)
			}
			found := false
			for _, c := range r.Data.Choices {
				found = found || strings.Contains(c.Name, tt.want)
			}
			if !found || len(r.Data.Choices) > 25 {
				t.Errorf("%d choices %+v, want ≤ 25 with one containing %q", len(r.Data.Choices), r.Data.Choices, tt.want)
			}
		})
	}
}

func TestSectionAboutHelp(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{})
	tests := []struct {
		name      string
		command   string
		opts      []discordtest.Option
		want      string // in the embed title or the content
		ephemeral bool
	}{
		{"section", "section", []discordtest.Option{discordtest.Integer("number", 2)}, "§2 · What happened to these soviets?", false},
		{"no such section", "section", []discordtest.Option{discordtest.Integer("number", 99)}, "There is no section 99", true},
		{"about", "about", nil, "Suzi Weissman", false},
		{"help", "help", nil, "/quote phrase:peace of shame", true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := respond(t)(fake.Command("90000000000000000"+string(rune('0'+i)), tt.command, tt.opts...))
			text := r.Data.Content
			for _, e := range r.Data.Embeds {
				text += e.Title + e.Description
			}
			if !strings.Contains(text, tt.want) {
				t.Errorf("reply %q, want it to contain %q", text, tt.want)
			}
			if r.Data.Ephemeral() != tt.ephemeral {
				t.Errorf("ephemeral = %v, want %v", r.Data.Ephemeral(), tt.ephemeral)
			}
		})
	}
}

func TestNothingFoundAndHostileInput(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{})
	tests := []struct {
		name     string
		question string
		want     string // in the content; "" when an answer embed is expected, "any" for either
	}{
		{"misspelling", "Kronstat sailors", "close spellings: **kronstadt**"},
		{"gibberish", "zzqxv wvpqk", "I found nothing"},
		{"stop words only", "what is it that it was?", "I found nothing"},
		{"query syntax", `+-:*~/"()[]`, "I found nothing"},
		{"field syntax", `title:x Fund* /re/ x~5 "unterminated`, "any"},
		{"mentions and markdown", "@everyone <@123456789012345678> **soviets** `Stalin` > | ||spoiler||", ""},
		{"huge", strings.Repeat("soviets revolution ", 320), ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := respond(t)(fake.Command("91000000000000000"+string(rune('0'+i)), "ask", discordtest.String("question", tt.question)))
			if r.Data.AllowedMentions == nil || len(r.Data.AllowedMentions.Parse) != 0 {
				t.Errorf("allowed_mentions %+v, want parse: []", r.Data.AllowedMentions)
			}
			if tt.want == "any" {
				return // the fake has checked the response is valid
			}
			if strings.Contains(tt.want, "close spellings") {
				if len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Content, tt.want) {
					t.Errorf("got %q with %d embeds, want an answer with a note containing %q", r.Data.Content, len(r.Data.Embeds), tt.want)
				}
				return
			}
			if tt.want == "" {
				if len(r.Data.Embeds) != 1 {
					t.Fatalf("got %q, want an answer embed", r.Data.Content)
				}
				return
			}
			if !strings.Contains(r.Data.Content, tt.want) || !r.Data.Ephemeral() || len(r.Data.Embeds) != 0 {
				t.Errorf("got %+v, want an ephemeral note containing %q", r.Data, tt.want)
			}
		})
	}
}

func TestCooldown(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{Cooldown: time.Hour})
	user := "920000000000000001"
	first := respond(t)(fake.Command(user, "ask", discordtest.String("question", "Kronstadt sailors")))
	if len(first.Data.Embeds) != 1 {
		t.Fatalf("first question got %+v, want an answer", first.Data)
	}
	second := respond(t)(fake.Command(user, "quote", discordtest.String("phrase", "Kronstadt")))
	if !second.Data.Ephemeral() || !strings.Contains(second.Data.Content, "Slow down") {
		t.Errorf("second question got %+v, want an ephemeral slow-down note", second.Data)
	}
	other := respond(t)(fake.Command("920000000000000002", "ask", discordtest.String("question", "Kronstadt sailors")))
	if len(other.Data.Embeds) != 1 {
		t.Errorf("another user's question got %+v, want an answer", other.Data)
	}
}

func TestFailuresAreAnsweredKindly(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{})
	tests := []struct {
		name, question, want string
	}{
		{"handler panic", "panic please", "Sorry"},
		{"search timeout", "slow please", "took too long"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := respond(t)(fake.Command("93000000000000000"+string(rune('0'+i)), "ask", discordtest.String("question", tt.question)))
			if !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, tt.want) {
				t.Errorf("got %+v, want an ephemeral note containing %q", r.Data, tt.want)
			}
		})
	}
	// The bot still answers afterwards.
	ok := respond(t)(fake.Command("930000000000000009", "ask", discordtest.String("question", "Kronstadt sailors")))
	if len(ok.Data.Embeds) != 1 {
		t.Errorf("after the failures got %+v, want an answer", ok.Data)
	}
}

func TestDeferredPanicEditsTheApologyIn(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{Defer: true})
	in, err := fake.Command("935000000000000001", "ask", discordtest.String("question", "panic please"))
	if r := respond(t)(in, err); r.Type != 5 {
		t.Fatalf("got type %d, want a deferred response first", r.Type)
	}
	m, err := in.Original(waitCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Content, "Sorry") {
		t.Errorf("edited original %+v, want the apology", m)
	}
}

func TestDeferredAnswerIsEdited(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{Defer: true})
	in, err := fake.Command("940000000000000001", "ask", discordtest.String("question", "Treaty of Brest-Litovsk terms"), discordtest.Boolean("private", true))
	r := respond(t)(in, err)
	if r.Type != 5 || !r.Data.Ephemeral() {
		t.Fatalf("got type %d ephemeral=%v, want a deferred (5) ephemeral response", r.Type, r.Data != nil && r.Data.Ephemeral())
	}
	m, err := in.Original(waitCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Footer.Text, "interview.txt") {
		t.Errorf("edited original %+v, want an answer embed", m)
	}
}

func TestResumesAfterDisconnect(t *testing.T) {
	t.Parallel()
	fake := newBot(t, Options{})
	fake.Drop()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := fake.WaitFor(ctx, "resumed"); err != nil {
		t.Fatal(err)
	}
	if ids, resumes := fake.Counts(); ids != 1 || resumes != 1 {
		t.Errorf("identifies=%d resumes=%d, want 1 and 1", ids, resumes)
	}
	r := respond(t)(fake.Command("950000000000000001", "ask", discordtest.String("question", "Kronstadt sailors")))
	if len(r.Data.Embeds) != 1 {
		t.Errorf("after resume got %+v, want an answer", r.Data)
	}
}

func TestHeartbeatsAreAcknowledged(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, token)
	fake.HeartbeatInterval = 50
	startBot(t, fake, Options{})
	deadline := time.Now().Add(5 * time.Second)
	for fake.Heartbeats() < 10 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := fake.Heartbeats(); n < 10 {
		t.Fatalf("%d heartbeats in 5 s at a 50 ms interval, want at least 10", n)
	}
	// Acknowledged heartbeats keep the connection: no reconnect happened.
	if ids, resumes := fake.Counts(); ids != 1 || resumes != 0 {
		t.Errorf("identifies=%d resumes=%d, want 1 and 0", ids, resumes)
	}
	r := respond(t)(fake.Command("960000000000000001", "ask", discordtest.String("question", "Kronstadt sailors")))
	if len(r.Data.Embeds) != 1 {
		t.Errorf("got %+v, want an answer", r.Data)
	}
}

func TestBadToken(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, "the-right-token")
	b := New(interviewIndex(t), Options{Token: "wrong", APIURL: fake.APIURL(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	err := b.Run(context.Background())
	if !errors.Is(err, ErrBadToken) {
		t.Fatalf("Run with a bad token: %v, want ErrBadToken", err)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Errorf("error %q shows the token", err)
	}
}
