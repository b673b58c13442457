// Package discordtest is an in-process fake of Discord for tests: the
// gateway over websocket (with shards) and the REST routes a
// slash-command bot uses, on 127.0.0.1, or interactions POSTed, signed,
// to the bot's HTTP endpoint. It checks what Discord checks (the
// 3-second deadline, one response per interaction, embed and component
// limits, custom_id length, autocomplete choices, allowed_mentions) and
// fails the test where real Discord would reject the bot. It can also
// misbehave as Discord sometimes does: close codes, withheld heartbeat
// ACKs, invalid sessions, a revoked token, slow or failing routes. Like
// Discord, it replays to a RESUME the dispatches the client missed.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

// Deadlines Discord enforces.
const (
	ResponseDeadline = 3 * time.Second
	TokenLifetime    = 15 * time.Minute
)

// Server is a fake Discord.
type Server struct {
	Token   string // the bot token it accepts
	AppID   string
	GuildID string
	// HeartbeatInterval is what HELLO asks of the client, in
	// milliseconds; set it before the bot connects.
	HeartbeatInterval int
	// RecommendedShards is what GET /gateway/bot recommends (1 unless
	// set); RequiredShards, when above 1, makes an IDENTIFY without
	// that many shards close with 4011, as Discord does for a bot in too
	// many servers.
	RecommendedShards, RequiredShards int
	// Latency delays every REST answer, as a network round trip would.
	Latency time.Duration
	// NoUserInstall refuses commands for user installs (integration type
	// 1), as Discord may for an application with User Install off.
	NoUserInstall bool

	t    testing.TB
	http *httptest.Server
	ids  atomic.Int64

	mu           sync.Mutex
	conns        map[int]*gwConn     // live connections by shard
	sessions     map[string]*session // resumable sessions by id
	latest       map[int]*session    // each shard's newest session
	identifies   int
	resumes      int
	heartbeats   int
	revoked      bool
	intents      int                          // of the latest IDENTIFY
	invalidAt    map[int]time.Time            // when INVALID_SESSION was sent, by shard
	reidentified []time.Duration              // from INVALID_SESSION to the next IDENTIFY
	shardsSeen   map[int]int                  // IDENTIFYs by shard
	commands     map[string][]json.RawMessage // by scope: "global" or guild ID
	interactions map[string]*Interaction      // by id
	byToken      map[string]*Interaction
	messages     map[string]*Message // every message the bot sent, by id
	faults       []*Fault
	calls        map[string]int // REST calls by route
	endpoint     *endpoint
	events       chan string // "ready", "resumed", "commands"
}

// New starts a fake Discord that accepts token.
func New(t testing.TB, token string) *Server {
	t.Helper()
	s := &Server{
		Token: token, AppID: "100000000000000001", GuildID: "200000000000000002",
		HeartbeatInterval: DefaultHeartbeatInterval,
		t:                 t,
		conns:             map[int]*gwConn{},
		sessions:          map[string]*session{},
		latest:            map[int]*session{},
		invalidAt:         map[int]time.Time{},
		shardsSeen:        map[int]int{},
		commands:          map[string][]json.RawMessage{},
		interactions:      map[string]*Interaction{},
		byToken:           map[string]*Interaction{},
		messages:          map[string]*Message{},
		calls:             map[string]int{},
		events:            make(chan string, 256),
	}
	s.ids.Store(300000000000000000)
	s.http = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// APIURL is the REST base to give the bot, like https://discord.com/api/v10.
func (s *Server) APIURL() string { return s.http.URL + "/api/v10" }

// Close stops the server and drops the gateway connections.
func (s *Server) Close() {
	s.mu.Lock()
	for _, c := range s.conns {
		c.ws.Close()
	}
	s.mu.Unlock()
	s.http.Close()
}

func (s *Server) nextID() string { return strconv.FormatInt(s.ids.Add(1), 10) }

// WaitFor waits for a gateway or REST event: "ready", "resumed" or
// "commands".
func (s *Server) WaitFor(ctx context.Context, event string) error {
	for {
		select {
		case e := <-s.events:
			if e == event {
				return nil
			}
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", event, ctx.Err())
		}
	}
}

func (s *Server) emit(e string) {
	select {
	case s.events <- e:
	default:
	}
}

// Counts reports how many IDENTIFY and RESUME the gateway has seen.
func (s *Server) Counts() (identifies, resumes int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies, s.resumes
}

// Heartbeats reports how many heartbeats the gateway has acknowledged.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// Intents reports the intents of the latest IDENTIFY.
func (s *Server) Intents() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.intents
}

// Shards reports how many IDENTIFYs each shard has made.
func (s *Server) Shards() map[int]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[int]int{}
	for k, v := range s.shardsSeen {
		out[k] = v
	}
	return out
}

// Calls reports how many REST calls a route has had: "callback",
// "edit", "follow-up", "delete", "commands", "application", "gateway".
func (s *Server) Calls(route string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[route]
}

// Commands returns the commands registered in a scope: "global" or a guild ID.
func (s *Server) Commands(scope string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for _, raw := range s.commands[scope] {
		var m map[string]any
		json.Unmarshal(raw, &m)
		out = append(out, m)
	}
	return out
}

// SetCommands stores commands in a scope, as an earlier registration
// would have.
func (s *Server) SetCommands(scope string, names ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[scope] = nil
	for _, n := range names {
		raw, _ := json.Marshal(map[string]any{"id": s.nextID(), "name": n, "description": n})
		s.commands[scope] = append(s.commands[scope], raw)
	}
}

// RevokeToken makes the token invalid, as resetting it in the Developer
// Portal does: live connections close with 4004, and so do later
// IDENTIFYs and RESUMEs; REST calls with the token get 401.
func (s *Server) RevokeToken() {
	s.mu.Lock()
	s.revoked = true
	s.mu.Unlock()
	s.CloseGateway(4004, "Authentication failed.")
}

// CloseGateway closes every live gateway connection with a close code.
func (s *Server) CloseGateway(code int, reason string) {
	s.mu.Lock()
	conns := s.liveConns()
	s.conns = map[int]*gwConn{}
	s.mu.Unlock()
	for _, c := range conns {
		c.close(code, reason)
	}
}

// Drop closes the gateway connections abruptly, as a network failure
// would.
func (s *Server) Drop() {
	s.mu.Lock()
	conns := s.liveConns()
	s.conns = map[int]*gwConn{}
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.UnderlyingConn().Close()
	}
}

// WithholdACKs makes the live connections stop acknowledging heartbeats,
// as a connection that died without closing would.
func (s *Server) WithholdACKs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.silent.Store(true)
	}
}

// InvalidateSession sends INVALID_SESSION (op 9, not resumable) on the
// live connections and forgets their sessions.
func (s *Server) InvalidateSession() {
	s.mu.Lock()
	conns := s.liveConns()
	for _, c := range conns {
		if c.session != nil {
			delete(s.sessions, c.session.id)
		}
		s.invalidAt[c.shard] = time.Now()
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.send(9, "", false, nil)
	}
}

// Reidentified reports, for each INVALID_SESSION sent, how long the bot
// waited before identifying again.
func (s *Server) Reidentified() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.reidentified...)
}

func (s *Server) liveConns() []*gwConn {
	var out []*gwConn
	for _, c := range s.conns {
		out = append(out, c)
	}
	return out
}

// Fault makes REST calls to a route misbehave.
type Fault struct {
	Route  string        // "callback", "edit", "follow-up", "delete", "commands", "application", "gateway"
	Status int           // the status to answer with; 0 answers normally, after Delay
	Body   string        // the body; Discord's JSON error for Status by default
	Header http.Header   // headers to add, e.g. Retry-After
	Delay  time.Duration // before answering
	Times  int           // how many calls it affects; 0 for all

	hits atomic.Int64
}

// Hits reports how many calls the fault affected.
func (f *Fault) Hits() int { return int(f.hits.Load()) }

// AddFault adds a fault; the first matching fault with calls left
// applies to each call.
func (s *Server) AddFault(f *Fault) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
	return f
}

// fault applies the fault for a route, if any, and reports whether it
// answered the call.
func (s *Server) fault(w http.ResponseWriter, r *http.Request, route string) bool {
	s.mu.Lock()
	s.calls[route]++
	var f *Fault
	for _, c := range s.faults {
		if c.Route == route && (c.Times == 0 || c.Hits() < c.Times) {
			f = c
			break
		}
	}
	if f != nil {
		f.hits.Add(1)
	}
	latency := s.Latency
	s.mu.Unlock()
	time.Sleep(latency)
	if f == nil {
		return false
	}
	select {
	case <-time.After(f.Delay):
	case <-r.Context().Done():
		return true // the client gave up waiting: nobody reads an answer
	}
	if f.Status == 0 {
		return false
	}
	for k, vs := range f.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	body := f.Body
	if body == "" {
		raw, _ := json.Marshal(map[string]any{"code": 0, "message": http.StatusText(f.Status), "retry_after": 0.05, "global": false})
		body = string(raw)
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(f.Status)
	io.WriteString(w, body)
	return true
}

func (s *Server) fail(format string, args ...any) {
	s.t.Helper()
	s.t.Errorf("discord fake: "+format, args...)
}

// apiError answers as Discord does.
func apiError(w http.ResponseWriter, status, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"code": code, "message": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway" || r.URL.Path == "/gateway/" {
		s.gateway(w, r)
		return
	}
	path, ok := strings.CutPrefix(r.URL.Path, "/api/v10/")
	if !ok {
		path, ok = strings.CutPrefix(r.URL.Path, "/api/v9/")
	}
	if !ok {
		s.fail("request outside the API: %s %s", r.Method, r.URL.Path)
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
		return
	}
	parts := strings.Split(path, "/")
	for _, p := range parts {
		if p == "" {
			s.fail("empty path segment in %s %s", r.Method, r.URL.Path)
			apiError(w, http.StatusNotFound, 0, "404: Not Found")
			return
		}
	}
	body, _ := io.ReadAll(r.Body)
	route := r.Method + " " + path
	switch {
	case route == "GET gateway":
		writeJSON(w, http.StatusOK, map[string]string{"url": "ws://" + r.Host + "/gateway"})
	case route == "GET gateway/bot":
		if s.fault(w, r, "gateway") || !s.authorized(w, r) {
			return
		}
		shards := max(s.RecommendedShards, 1)
		writeJSON(w, http.StatusOK, map[string]any{"url": "ws://" + r.Host + "/gateway", "shards": shards,
			"session_start_limit": map[string]int{"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 16}})
	case route == "GET users/@me":
		if !s.authorized(w, r) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": s.AppID, "username": "Lectern", "discriminator": "0", "bot": true})
	case route == "GET applications/@me":
		if s.fault(w, r, "application") || !s.authorized(w, r) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": s.AppID, "name": "Lectern", "bot_public": true})
	case r.Method == http.MethodPut && parts[0] == "applications" && parts[len(parts)-1] == "commands":
		if s.fault(w, r, "commands") {
			return
		}
		s.bulkOverwrite(w, r, parts, body)
	case r.Method == http.MethodPost && parts[0] == "interactions" && len(parts) == 4 && parts[3] == "callback":
		if r.Header.Get("Authorization") != "" {
			s.fail("interaction callback sent with an Authorization header; it needs none")
		}
		if s.fault(w, r, "callback") {
			return
		}
		s.callback(w, parts[1], parts[2], body)
	case parts[0] == "webhooks" && len(parts) >= 3:
		s.webhook(w, r, parts, body)
	default:
		s.fail("unexpected request %s", route)
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
	}
}

func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	revoked := s.revoked
	s.mu.Unlock()
	if revoked || r.Header.Get("Authorization") != "Bot "+s.Token {
		apiError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
		return false
	}
	return true
}

var (
	chatCommandName    = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)
	messageCommandName = regexp.MustCompile(`^[-_ \p{L}\p{N}]{1,32}$`)
)

func (s *Server) bulkOverwrite(w http.ResponseWriter, r *http.Request, parts []string, body []byte) {
	if !s.authorized(w, r) {
		return
	}
	scope := "global"
	switch {
	case len(parts) == 3 && parts[1] == s.AppID:
	case len(parts) == 5 && parts[1] == s.AppID && parts[2] == "guilds":
		scope = parts[3]
	default:
		s.fail("bad command route %s", strings.Join(parts, "/"))
		apiError(w, http.StatusNotFound, 10002, "Unknown Application")
		return
	}
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil || cmds == nil && string(body) != "[]" {
		s.fail("command overwrite body %q: %v", body, err)
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	if problems := checkCommands(cmds); len(problems) > 0 {
		s.fail("invalid commands: %s", strings.Join(problems, "; "))
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	if s.NoUserInstall {
		for _, c := range cmds {
			if types, _ := c["integration_types"].([]any); slices.Contains(types, any(float64(1))) {
				apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
				return
			}
		}
	}
	stored := []json.RawMessage{}
	for _, c := range cmds {
		c["id"] = s.nextID()
		c["application_id"] = s.AppID
		c["version"] = s.nextID()
		raw, _ := json.Marshal(c)
		stored = append(stored, raw)
	}
	s.mu.Lock()
	s.commands[scope] = stored
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, stored)
	s.emit("commands")
}

// checkCommands applies Discord's rules for application commands.
func checkCommands(cmds []map[string]any) []string {
	var p []string
	if len(cmds) > 100 {
		p = append(p, "more than 100 commands")
	}
	names := map[string]bool{}
	for _, c := range cmds {
		name, _ := c["name"].(string)
		typ := 1
		if t, ok := c["type"].(float64); ok {
			typ = int(t)
		}
		key := fmt.Sprintf("%d/%s", typ, name)
		if names[key] {
			p = append(p, "duplicate command "+name)
		}
		names[key] = true
		for _, field := range []string{"integration_types", "contexts"} {
			vs, _ := c[field].([]any)
			for _, v := range vs {
				n, _ := v.(float64)
				if n < 0 || field == "integration_types" && n > 1 || field == "contexts" && n > 2 {
					p = append(p, fmt.Sprintf("%s: %s value %v", name, field, v))
				}
			}
		}
		opts, _ := c["options"].([]any)
		if typ != 1 {
			if !messageCommandName.MatchString(name) {
				p = append(p, fmt.Sprintf("command name %q", name))
			}
			if d, _ := c["description"].(string); d != "" || len(opts) > 0 {
				p = append(p, name+": a user or message command has no description or options")
			}
			continue
		}
		if !chatCommandName.MatchString(name) {
			p = append(p, fmt.Sprintf("command name %q", name))
		}
		if d, _ := c["description"].(string); n(d) < 1 || n(d) > 100 {
			p = append(p, fmt.Sprintf("%s: description of %d characters", name, n(d)))
		}
		if len(opts) > 25 {
			p = append(p, name+": more than 25 options")
		}
		optional := false
		for _, o := range opts {
			om, _ := o.(map[string]any)
			on, _ := om["name"].(string)
			if !chatCommandName.MatchString(on) {
				p = append(p, fmt.Sprintf("%s: option name %q", name, on))
			}
			if d, _ := om["description"].(string); n(d) < 1 || n(d) > 100 {
				p = append(p, fmt.Sprintf("%s %s: option description of %d characters", name, on, n(d)))
			}
			req, _ := om["required"].(bool)
			if req && optional {
				p = append(p, name+": required option after an optional one")
			}
			optional = optional || !req
			if ml, ok := om["max_length"].(float64); ok && (ml < 1 || ml > 6000) {
				p = append(p, fmt.Sprintf("%s %s: max_length %v", name, on, ml))
			}
			if ac, _ := om["autocomplete"].(bool); ac {
				if t, _ := om["type"].(float64); t != 3 && t != 4 && t != 10 {
					p = append(p, fmt.Sprintf("%s %s: autocomplete on an option of type %v", name, on, t))
				}
				if cs, _ := om["choices"].([]any); len(cs) > 0 {
					p = append(p, fmt.Sprintf("%s %s: autocomplete with choices", name, on))
				}
			}
		}
	}
	return p
}

func n(s string) int { return utf8.RuneCountInString(s) }
