package discordtest

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// endpoint is a bot's Interactions Endpoint URL.
type endpoint struct {
	url    string
	key    ed25519.PrivateKey
	client *http.Client
}

// UseEndpoint makes the fake deliver interactions as Discord does to an
// Interactions Endpoint URL: POSTed to url, signed with key, the HTTP
// response being the first response. Deferred answers still come back
// through the webhook routes.
func (s *Server) UseEndpoint(url string, key ed25519.PrivateKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.endpoint = &endpoint{url: url, key: key, client: &http.Client{Timeout: 10 * time.Second}}
}

// Sign returns the headers Discord signs a request body with.
func Sign(key ed25519.PrivateKey, body []byte, at time.Time) http.Header {
	ts := strconv.FormatInt(at.Unix(), 10)
	sig := ed25519.Sign(key, append([]byte(ts), body...))
	h := http.Header{}
	h.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	h.Set("X-Signature-Timestamp", ts)
	h.Set("Content-Type", "application/json")
	return h
}

// Ping POSTs a signed PING to the endpoint and returns the status and body.
func (s *Server) Ping() (int, []byte, error) {
	s.mu.Lock()
	ep := s.endpoint
	s.mu.Unlock()
	body, _ := json.Marshal(map[string]any{"id": s.nextID(), "application_id": s.AppID, "type": TypePing, "token": "tok-" + s.nextID(), "version": 1})
	return ep.post(body)
}

func (ep *endpoint) post(body []byte) (int, []byte, error) {
	req, err := http.NewRequest(http.MethodPost, ep.url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header = Sign(ep.key, body, time.Now())
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	resp, err := ep.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, out, err
}

// deliver POSTs an interaction and applies the HTTP response as its
// first response.
func (s *Server) deliver(ep *endpoint, in *Interaction, payload map[string]any) {
	body, _ := json.Marshal(payload)
	status, out, err := ep.post(body)
	if err != nil {
		s.fail("posting interaction %s: %v", in.ID, err)
		status = 599
	}
	if status == http.StatusOK {
		if st, _, msg := s.respond(in, out); st >= 300 {
			s.fail("interaction %s: the endpoint's response was refused: %s", in.ID, msg)
		}
	}
	in.mu.Lock()
	in.status = status
	in.notify()
	in.mu.Unlock()
}
