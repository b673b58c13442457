package discordtest

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCheckMessage(t *testing.T) {
	none := &AllowedMentions{Parse: []string{}}
	long := func(n int) string { return strings.Repeat("é", n) }
	button := func(id string) Component { return Component{Type: 2, Style: 1, Label: "x", CustomID: id} }
	tests := []struct {
		name string
		msg  Message
		want string // a problem containing this; "" for none
	}{
		{"valid", Message{Content: "hi", AllowedMentions: none}, ""},
		{"no allowed_mentions", Message{Content: "hi"}, "allowed_mentions not set"},
		{"parse with users", Message{Content: "hi", AllowedMentions: &AllowedMentions{Parse: []string{"users"}, Users: []string{"1"}}}, "mixes parse"},
		{"content 2001", Message{Content: long(2001), AllowedMentions: none}, "content of 2001"},
		{"content 2000", Message{Content: long(2000), AllowedMentions: none}, ""},
		{"empty", Message{AllowedMentions: none}, "empty message"},
		{"title 257", Message{Embeds: []Embed{{Title: long(257)}}, AllowedMentions: none}, "title of 257"},
		{"description 4097", Message{Embeds: []Embed{{Description: long(4097)}}, AllowedMentions: none}, "description of 4097"},
		{"field value 1025", Message{Embeds: []Embed{{Title: "t", Fields: []Field{{Name: "n", Value: long(1025)}}}}, AllowedMentions: none}, "field value of 1025"},
		{"6001 across embeds", Message{Embeds: []Embed{{Description: long(4000)}, {Description: long(2001)}}, AllowedMentions: none}, "6001 characters in all"},
		{"custom_id 101", Message{Content: "x", Components: []Row{{Type: 1, Components: []Component{button(long(101))}}}, AllowedMentions: none}, "custom_id of 101"},
		{"six buttons", Message{Content: "x", Components: []Row{{Type: 1, Components: []Component{button("a"), button("b"), button("c"), button("d"), button("e"), button("f")}}}, AllowedMentions: none}, "6 components"},
		{"duplicate custom_id", Message{Content: "x", Components: []Row{{Type: 1, Components: []Component{button("a"), button("a")}}}, AllowedMentions: none}, "duplicate custom_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(checkMessage(tt.msg), "; ")
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckChoicesAndCommands(t *testing.T) {
	var many []Choice
	for i := range 26 {
		many = append(many, Choice{Name: fmt.Sprint(i), Value: fmt.Sprint(i)})
	}
	if p := checkChoices(many); len(p) == 0 {
		t.Error("26 choices accepted")
	}
	if p := checkChoices([]Choice{{Name: strings.Repeat("x", 101), Value: "v"}}); len(p) == 0 {
		t.Error("a 101-character choice name accepted")
	}
	if p := checkChoices([]Choice{{Name: "n", Value: 3}}); len(p) != 0 {
		t.Errorf("an integer choice rejected: %v", p)
	}
	bad := []map[string]any{{"name": "Ask", "description": "x"}, {"name": "ok", "description": ""}}
	if p := checkCommands(bad); len(p) != 2 {
		t.Errorf("checkCommands found %v, want an upper-case name and an empty description", p)
	}
}

// recorder stands in for the test the fake reports to, to check that the
// fake fails tests where Discord would reject a response.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) failures() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errs, "; ")
}

func TestCallbackRules(t *testing.T) {
	ok := `{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":[]}}}`
	tests := []struct {
		name    string
		age     time.Duration // how long ago the interaction was created
		bodies  []string      // callbacks sent in order
		status  int           // status of the last callback
		failure string        // what the fake must report; "" for nothing
	}{
		{"in time", 0, []string{ok}, http.StatusNoContent, ""},
		{"late", 4 * time.Second, []string{ok}, http.StatusNotFound, "past Discord's 3 s deadline"},
		{"twice", 0, []string{ok, ok}, http.StatusBadRequest, "answered twice"},
		{"no allowed_mentions", 0, []string{`{"type":4,"data":{"content":"hi"}}`}, http.StatusBadRequest, "allowed_mentions not set"},
		{"autocomplete type for a command", 0, []string{`{"type":8,"data":{"choices":[]}}`}, http.StatusBadRequest, "type 8 only answers autocomplete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			s := New(rec, "token")
			in := &Interaction{ID: "1", Token: "tok", Type: TypeCommand, created: time.Now().Add(-tt.age), changed: make(chan struct{})}
			s.interactions[in.ID] = in
			s.byToken[in.Token] = in
			var status int
			for _, body := range tt.bodies {
				resp, err := http.Post(s.APIURL()+"/interactions/1/tok/callback", "application/json", bytes.NewBufferString(body))
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				status = resp.StatusCode
			}
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			if got := rec.failures(); (tt.failure == "") != (got == "") || !strings.Contains(got, tt.failure) {
				t.Errorf("fake reported %q, want %q", got, tt.failure)
			}
		})
	}
}

func TestUnknownInteractionAndRoutes(t *testing.T) {
	rec := &recorder{TB: t}
	s := New(rec, "token")
	resp, err := http.Post(s.APIURL()+"/interactions/999/nope/callback", "application/json", strings.NewReader(`{"type":4}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(rec.failures(), "unknown interaction") {
		t.Errorf("unknown interaction: status %d, reported %q", resp.StatusCode, rec.failures())
	}
	resp, err = http.Get(s.APIURL() + "/webhooks//tok/messages/@original")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.Contains(rec.failures(), "empty path segment") {
		t.Errorf("a webhook without application id was not reported: %q", rec.failures())
	}
}
