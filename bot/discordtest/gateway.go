package discordtest

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/websocket"
)

// DefaultHeartbeatInterval is what HELLO tells the client unless the
// test sets Server.HeartbeatInterval, in milliseconds (Discord's usual).
const DefaultHeartbeatInterval = 41250

type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d,omitempty"`
	S  *int            `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

var upgrader = websocket.Upgrader{}

// gateway holds one websocket conversation: HELLO, IDENTIFY → READY or
// RESUME → RESUMED, heartbeats, then dispatches.
func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("v") != "9" || r.URL.Query().Get("encoding") != "json" {
		s.fail("gateway dialled without ?v=9&encoding=json: %s", r.URL.RawQuery)
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	send := func(op int, t string, d any, seq bool) error {
		raw, _ := json.Marshal(d)
		f := frame{Op: op, D: raw, T: t}
		if seq {
			s.mu.Lock()
			s.seq++
			n := s.seq
			s.mu.Unlock()
			f.S = &n
		}
		s.wmu.Lock()
		defer s.wmu.Unlock()
		return conn.WriteJSON(f)
	}
	if err := send(10, "", map[string]int{"heartbeat_interval": s.HeartbeatInterval}, false); err != nil {
		return
	}
	for {
		var f frame
		if err := conn.ReadJSON(&f); err != nil {
			return
		}
		switch f.Op {
		case 1:
			s.mu.Lock()
			s.heartbeats++
			s.mu.Unlock()
			send(11, "", nil, false)
		case 2:
			var id struct {
				Token   string `json:"token"`
				Intents int    `json:"intents"`
			}
			json.Unmarshal(f.D, &id)
			if id.Token != "Bot "+s.Token {
				conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."))
				return
			}
			// Privileged intents: GUILD_MEMBERS (1<<1), GUILD_PRESENCES (1<<8), MESSAGE_CONTENT (1<<15).
			if id.Intents&(1<<1|1<<8|1<<15) != 0 {
				s.fail("IDENTIFY asked for privileged intents %d", id.Intents)
				conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4014, "Disallowed intent(s)."))
				return
			}
			s.mu.Lock()
			s.identifies++
			s.sessionID = "session-" + s.nextID()
			s.conn = conn
			sid := s.sessionID
			s.mu.Unlock()
			send(0, "READY", map[string]any{
				"v":                  9,
				"session_id":         sid,
				"resume_gateway_url": "ws://" + r.Host + "/gateway",
				"user":               map[string]any{"id": s.AppID, "username": "Lectern", "discriminator": "0", "bot": true},
				"application":        map[string]any{"id": s.AppID, "flags": 0},
				"guilds":             []any{map[string]any{"id": s.GuildID, "unavailable": true}},
			}, true)
			s.emit("ready")
		case 6:
			var res struct {
				SessionID string `json:"session_id"`
				Sequence  int    `json:"seq"`
			}
			json.Unmarshal(f.D, &res)
			s.mu.Lock()
			ok := res.SessionID == s.sessionID && res.SessionID != ""
			if ok {
				s.resumes++
				s.conn = conn
			}
			s.mu.Unlock()
			if !ok {
				send(9, "", false, false) // invalid session: identify again
				continue
			}
			send(0, "RESUMED", map[string]any{}, true)
			s.emit("resumed")
		}
	}
}

// dispatch sends an event to the connected bot.
func (s *Server) dispatch(t string, d any) error {
	s.mu.Lock()
	conn := s.conn
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	if conn == nil {
		return errNotConnected
	}
	raw, _ := json.Marshal(d)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return conn.WriteJSON(frame{Op: 0, T: t, S: &seq, D: raw})
}
