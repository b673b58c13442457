package bot

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
)

func keyPair(t testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

func TestVerifySignature(t *testing.T) {
	t.Parallel()
	pub, priv := keyPair(t)
	otherPub, _ := keyPair(t)
	body := []byte(`{"type":1}`)
	now := time.Now()
	signed := func(at time.Time) http.Header { return discordtest.Sign(priv, body, at) }
	tests := []struct {
		name   string
		key    ed25519.PublicKey
		header http.Header
		body   []byte
		ok     bool
	}{
		{"valid", pub, signed(now), body, true},
		{"four minutes old", pub, signed(now.Add(-4 * time.Minute)), body, true},
		{"forged", pub, discordtest.Sign(func() ed25519.PrivateKey { _, p := keyPair(t); return p }(), body, now), body, false},
		{"wrong key", otherPub, signed(now), body, false},
		{"altered body", pub, signed(now), []byte(`{"type":2}`), false},
		{"stale", pub, signed(now.Add(-6 * time.Minute)), body, false},
		{"from the future", pub, signed(now.Add(6 * time.Minute)), body, false},
		{"missing signature", pub, func() http.Header { h := signed(now); h.Del("X-Signature-Ed25519"); return h }(), body, false},
		{"missing timestamp", pub, func() http.Header { h := signed(now); h.Del("X-Signature-Timestamp"); return h }(), body, false},
		{"bad hex", pub, func() http.Header {
			h := signed(now)
			h.Set("X-Signature-Ed25519", "zz"+h.Get("X-Signature-Ed25519")[2:])
			return h
		}(), body, false},
		{"short signature", pub, func() http.Header {
			h := signed(now)
			h.Set("X-Signature-Ed25519", hex.EncodeToString([]byte("short")))
			return h
		}(), body, false},
		{"no key", nil, signed(now), body, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := verifySignature(tt.key, tt.header, tt.body, now)
			if (err == nil) != tt.ok {
				t.Errorf("verifySignature: %v, want ok %v", err, tt.ok)
			}
		})
	}
}

// endpoint serves a bot's HTTP interactions endpoint against a fake
// Discord that delivers interactions to it.
func endpoint(t *testing.T, opts Options) (*discordtest.Server, *httptest.Server, ed25519.PrivateKey) {
	t.Helper()
	pub, priv := keyPair(t)
	fake := discordtest.New(t, token)
	opts.APIURL = fake.APIURL()
	opts.Logger = discard()
	b := New(faulty{Searcher: interviewIndex(t), release: make(chan struct{})}, opts)
	srv := httptest.NewServer(b.Handler(pub))
	t.Cleanup(srv.Close)
	fake.UseEndpoint(srv.URL, priv)
	return fake, srv, priv
}

func TestHTTPInteractions(t *testing.T) {
	t.Parallel()
	fake, _, _ := endpoint(t, Options{})
	status, body, err := fake.Ping()
	if err != nil || status != 200 || strings.TrimSpace(string(body)) != `{"type":1}` {
		t.Fatalf("PING: %d %s %v", status, body, err)
	}
	m := answer(t)(fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?")))
	if len(m.Embeds) == 0 {
		t.Fatalf("no answer: %+v", m)
	}
	next := answer(t)(fake.Click(alice, m, buttonID(t, m, "▶")))
	if !strings.Contains(strings.Join(buttonLabels(next), " "), "2/3") {
		t.Errorf("▶ gave %v", buttonLabels(next))
	}
	ctx := answer(t)(fake.Click(alice, m, buttonID(t, m, "Context")))
	if !ctx.Ephemeral() || !strings.HasPrefix(ctx.Embeds[0].Title, "Context") {
		t.Errorf("Context gave %+v", ctx)
	}
	r := response(t)(fake.Autocomplete(alice, "quote", discordtest.Focused(discordtest.String("phrase", "kronst"))))
	if r.Type != 8 || len(r.Data.Choices) == 0 {
		t.Errorf("autocomplete gave %+v", r)
	}
	bad := answer(t)(fake.Click(alice, m, "lectern:go:zz:notanid"))
	if !bad.Ephemeral() || !strings.Contains(bad.Content, "no longer works") {
		t.Errorf("a custom_id that does not parse gave %+v", bad)
	}
}

func TestHTTPDeferredAnswerIsEdited(t *testing.T) {
	t.Parallel()
	fake, _, _ := endpoint(t, Options{Defer: true})
	in, err := fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?"))
	if err != nil {
		t.Fatal(err)
	}
	if r := response(t)(in, nil); r.Type != 5 {
		t.Errorf("first response type %d, want 5 (deferred)", r.Type)
	}
	m := answer(t)(in, nil)
	if len(m.Embeds) == 0 || fake.Calls("edit") != 1 {
		t.Errorf("deferred answer %+v after %d edits", m, fake.Calls("edit"))
	}
}

func TestHTTPBadRequests(t *testing.T) {
	t.Parallel()
	_, srv, priv := endpoint(t, Options{})
	post := func(body []byte, header http.Header) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header = header
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	signed := func(body []byte) http.Header { return discordtest.Sign(priv, body, time.Now()) }
	huge := bytes.Repeat([]byte("x"), maxInteractionBody+1)
	interaction := func(typ int) []byte {
		b, _ := json.Marshal(map[string]any{"id": "1", "application_id": "2", "token": "t", "type": typ, "version": 1, "data": map[string]any{}})
		return b
	}
	tests := []struct {
		name   string
		body   []byte
		header http.Header
		want   int
	}{
		{"unsigned", interaction(2), http.Header{}, 401},
		{"oversize", huge, signed(huge), 413},
		{"malformed JSON", []byte(`{"type":`), signed([]byte(`{"type":`)), 400},
		{"unknown interaction type", interaction(99), signed(interaction(99)), 400},
		{"modal submit is not used", interaction(5), signed(interaction(5)), 400},
		{"no id or token", []byte(`{"type":2}`), signed([]byte(`{"type":2}`)), 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := post(tt.body, tt.header); got != tt.want {
				t.Errorf("status %d, want %d", got, tt.want)
			}
		})
	}
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want 405", resp.StatusCode)
	}
}
