package bot

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
)

// TestDiscordFaults makes Discord's REST API fail in the ways it does and
// checks that every reader still gets one answer or one apology, never
// two, and never "thinking…" forever.
func TestDiscordFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		defer_   bool
		question string
		faults   []*discordtest.Fault
		// want is what the reader ends up with: "answer", "apology" or
		// "nothing" (no message can be delivered).
		want      string
		maxCalls  map[string]int // upper bounds on calls per route
		wantCalls map[string]int // exact counts
	}{
		{
			name: "first callback refused as an invalid form body", question: "Why did Lenin want peace?",
			faults: []*discordtest.Fault{{Route: "callback", Status: 400, Body: `{"code":50035,"message":"Invalid Form Body"}`, Times: 1}},
			want:   "apology", wantCalls: map[string]int{"callback": 2},
		},
		{
			name: "one 500 on a deferred answer's edit", defer_: true, question: "Why did Lenin want peace?",
			faults: []*discordtest.Fault{{Route: "edit", Status: 500, Times: 1}},
			want:   "answer", wantCalls: map[string]int{"edit": 2},
		},
		{
			name: "a 429 without a JSON body", defer_: true, question: "Why did Lenin want peace?",
			faults: []*discordtest.Fault{{Route: "edit", Status: 429, Body: "slow down", Header: http.Header{"Retry-After": {"0.1"}}, Times: 1}},
			want:   "answer", wantCalls: map[string]int{"edit": 2},
		},
		{
			name: "a 429 asking for longer than the token lives", defer_: true, question: "Why did Lenin want peace?",
			faults: []*discordtest.Fault{{Route: "edit", Status: 429, Body: `{"retry_after": 100000, "global": false}`}},
			want:   "nothing", maxCalls: map[string]int{"edit": 2},
		},
		{
			name: "edits failing for good", defer_: true, question: "Why did Lenin want peace?",
			faults: []*discordtest.Fault{{Route: "edit", Status: 502}},
			want:   "nothing", maxCalls: map[string]int{"edit": 10, "follow-up": 0},
		},
		{
			name: "a panic after deferring", defer_: true, question: "panic please",
			want: "apology",
		},
		{
			name: "nothing found after a public deferral is said privately", defer_: true, question: "xylophone zebra quasar",
			want: "private note",
		},
		{
			name: "a search timeout after a public deferral is said privately", defer_: true, question: "slow please",
			want: "private note",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{opts: Options{Defer: tt.defer_}})
			for _, f := range tt.faults {
				h.fake.AddFault(f)
			}
			in, err := h.fake.Command(alice, "ask", discordtest.String("question", tt.question))
			if err != nil {
				t.Fatal(err)
			}
			r := response(t)(in, nil)
			var got *discordtest.Message
			switch tt.want {
			case "answer":
				got = answer(t)(in, nil)
				if len(got.Embeds) == 0 {
					t.Errorf("no answer: %q", got.Content)
				}
			case "apology":
				if r.Type == 4 {
					got = r.Data
				} else {
					got, err = in.Followup(waitCtx(t))
					if err != nil {
						t.Fatal(err)
					}
				}
				if !strings.Contains(got.Content, "Sorry") || !got.Ephemeral() {
					t.Errorf("got %q (ephemeral %v), want a private apology", got.Content, got.Ephemeral())
				}
			case "private note":
				f, err := in.Followup(waitCtx(t))
				if err != nil {
					t.Fatal(err)
				}
				if !f.Ephemeral() || f.Content == "" {
					t.Errorf("note %q, ephemeral %v", f.Content, f.Ephemeral())
				}
				if err := in.Deleted(waitCtx(t)); err != nil {
					t.Errorf("the public deferred message was not removed: %v", err)
				}
			case "nothing":
				time.Sleep(2 * time.Second) // let retries run out
			}
			for route, n := range tt.wantCalls {
				if got := h.fake.Calls(route); got != n {
					t.Errorf("%d calls to %s, want %d", got, route, n)
				}
			}
			for route, n := range tt.maxCalls {
				if got := h.fake.Calls(route); got > n {
					t.Errorf("%d calls to %s, want at most %d", got, route, n)
				}
			}
			if strings.Contains(h.log.String(), in.Token) {
				t.Errorf("the log names an interaction token:\n%s", h.log)
			}
		})
	}
}

// TestTransportTimeoutLog checks what a request that gets no answer in
// time logs: the route, not the URL with the interaction's token.
func TestTransportTimeoutLog(t *testing.T) {
	t.Parallel()
	h := start(t, setup{opts: Options{Defer: true}})
	// The deferral's callback gets no answer within Discord's 3 s.
	h.fake.AddFault(&discordtest.Fault{Route: "callback", Delay: 3500 * time.Millisecond, Times: 1})
	in, err := h.fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?"))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(6 * time.Second)
	for !strings.Contains(h.log.String(), "answering interaction failed") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	log := h.log.String()
	if !strings.Contains(log, "callback") {
		t.Fatalf("no failure logged:\n%s", log)
	}
	if strings.Contains(log, in.Token) || strings.Contains(log, "/interactions/") {
		t.Errorf("the log names the interaction's URL or token:\n%s", log)
	}
	t.Logf("the failure as logged:\n%s", log)
}
