// Package discordtest is an in-process fake of Discord for tests: the
// gateway over websocket and the REST routes a slash-command bot uses, on
// 127.0.0.1. It checks what Discord checks (the 3-second deadline, one
// response per interaction, embed and component limits, custom_id length,
// autocomplete choices, allowed_mentions) and fails the test where real
// Discord would reject the bot.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
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

	t    testing.TB
	http *httptest.Server
	ids  atomic.Int64

	wmu sync.Mutex // serialises websocket writes

	mu           sync.Mutex
	conn         *websocket.Conn
	seq          int
	sessionID    string
	identifies   int
	resumes      int
	heartbeats   int
	commands     map[string][]json.RawMessage // by scope: "global" or guild ID
	interactions map[string]*Interaction      // by id
	byToken      map[string]*Interaction
	events       chan string // "ready", "resumed", "commands"
}

// New starts a fake Discord that accepts token.
func New(t testing.TB, token string) *Server {
	t.Helper()
	s := &Server{
		Token: token, AppID: "100000000000000001", GuildID: "200000000000000002",
		HeartbeatInterval: DefaultHeartbeatInterval,
		t:                 t,
		commands:          map[string][]json.RawMessage{},
		interactions:      map[string]*Interaction{},
		byToken:           map[string]*Interaction{},
		events:            make(chan string, 64),
	}
	s.ids.Store(300000000000000000)
	s.http = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// APIURL is the REST base to give the bot, like https://discord.com/api/v9.
func (s *Server) APIURL() string { return s.http.URL + "/api/v9" }

// Close stops the server and drops the gateway connection.
func (s *Server) Close() {
	s.mu.Lock()
	if s.conn != nil {
		s.conn.Close()
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

// Drop closes the gateway connection abruptly, as a network failure would.
func (s *Server) Drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		s.conn.UnderlyingConn().Close()
		s.conn = nil
	}
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
	path, ok := strings.CutPrefix(r.URL.Path, "/api/v9/")
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
	case route == "GET users/@me":
		if !s.authorized(w, r) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": s.AppID, "username": "Lectern", "discriminator": "0", "bot": true})
	case r.Method == http.MethodPut && parts[0] == "applications" && parts[len(parts)-1] == "commands":
		s.bulkOverwrite(w, r, parts, body)
	case r.Method == http.MethodPost && parts[0] == "interactions" && len(parts) == 4 && parts[3] == "callback":
		s.callback(w, parts[1], parts[2], body)
	case parts[0] == "webhooks" && len(parts) >= 3:
		s.webhook(w, r, parts, body)
	default:
		s.fail("unexpected request %s", route)
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
	}
}

func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") != "Bot "+s.Token {
		apiError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
		return false
	}
	return true
}

var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

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
	if err := json.Unmarshal(body, &cmds); err != nil {
		s.fail("command overwrite body: %v", err)
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	if problems := checkCommands(cmds); len(problems) > 0 {
		s.fail("invalid commands: %s", strings.Join(problems, "; "))
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	var stored []json.RawMessage
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
		if !commandName.MatchString(name) {
			p = append(p, fmt.Sprintf("command name %q", name))
		}
		if names[name] {
			p = append(p, "duplicate command "+name)
		}
		names[name] = true
		if d, _ := c["description"].(string); n(d) < 1 || n(d) > 100 {
			p = append(p, fmt.Sprintf("%s: description of %d characters", name, n(d)))
		}
		opts, _ := c["options"].([]any)
		if len(opts) > 25 {
			p = append(p, name+": more than 25 options")
		}
		optional := false
		for _, o := range opts {
			om, _ := o.(map[string]any)
			on, _ := om["name"].(string)
			if !commandName.MatchString(on) {
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
		}
	}
	return p
}

func n(s string) int { return utf8.RuneCountInString(s) }
