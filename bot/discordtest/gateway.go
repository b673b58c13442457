package discordtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// DefaultHeartbeatInterval is what HELLO tells the client unless the
// test sets Server.HeartbeatInterval, in milliseconds (Discord's usual).
const DefaultHeartbeatInterval = 41250

type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int            `json:"s"`
	T  *string         `json:"t"`
}

var upgrader = websocket.Upgrader{}

// session is a gateway session, resumable until invalidated.
type session struct {
	id    string
	shard int
	count int
	seq   atomic.Int64

	mu   sync.Mutex
	sent []frame // the latest dispatches, replayed to a RESUME that missed them
}

// maxReplay is how many dispatches a session keeps for replay.
const maxReplay = 1000

func (s *session) keep(f frame) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sent) == maxReplay {
		s.sent = append(s.sent[:0], s.sent[1:]...)
	}
	s.sent = append(s.sent, f)
}

// hold keeps a dispatch for a session whose connection is down, to be
// replayed when the client resumes.
func (s *session) hold(t string, d any) {
	raw, _ := json.Marshal(d)
	n := int(s.seq.Add(1))
	s.keep(frame{Op: 0, T: &t, S: &n, D: raw})
}

// since returns the dispatches after sequence number seq.
func (s *session) since(seq int64) []frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []frame
	for _, f := range s.sent {
		if int64(*f.S) > seq {
			out = append(out, f)
		}
	}
	return out
}

// gwConn is one gateway connection.
type gwConn struct {
	ws      *websocket.Conn
	wmu     sync.Mutex
	shard   int
	session *session
	silent  atomic.Bool // withholding heartbeat ACKs
}

func (c *gwConn) send(op int, t string, seq bool, d any) error {
	raw, _ := json.Marshal(d)
	f := frame{Op: op, D: raw}
	if t != "" {
		f.T = &t
	}
	if seq && c.session != nil {
		n := int(c.session.seq.Add(1))
		f.S = &n
		if op == 0 && t != "READY" && t != "RESUMED" {
			c.session.keep(f)
		}
	}
	return c.write(f)
}

func (c *gwConn) write(f frame) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.ws.WriteJSON(f)
}

func (c *gwConn) close(code int, reason string) {
	c.wmu.Lock()
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	c.wmu.Unlock()
	c.ws.Close()
}

// gateway holds one websocket conversation: HELLO, IDENTIFY → READY or
// RESUME → RESUMED, heartbeats, then dispatches.
func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("v") == "" || r.URL.Query().Get("encoding") != "json" {
		s.fail("gateway dialled without ?v=…&encoding=json: %s", r.URL.RawQuery)
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer ws.Close()
	c := &gwConn{ws: ws}
	if err := c.send(10, "", false, map[string]int{"heartbeat_interval": s.HeartbeatInterval}); err != nil {
		return
	}
	defer func() {
		s.mu.Lock()
		if s.conns[c.shard] == c {
			delete(s.conns, c.shard)
		}
		s.mu.Unlock()
	}()
	for {
		var f frame
		if err := ws.ReadJSON(&f); err != nil {
			return
		}
		switch f.Op {
		case 1:
			if c.silent.Load() {
				continue
			}
			s.mu.Lock()
			s.heartbeats++
			s.mu.Unlock()
			c.send(11, "", false, nil)
		case 2:
			if !s.identify(c, r, f.D) {
				return
			}
		case 6:
			var res struct {
				Token     string `json:"token"`
				SessionID string `json:"session_id"`
				Sequence  int64  `json:"seq"`
			}
			json.Unmarshal(f.D, &res)
			s.mu.Lock()
			revoked := s.revoked
			sess := s.sessions[res.SessionID]
			if sess != nil && !revoked {
				s.resumes++
				c.session, c.shard = sess, sess.shard
				s.conns[c.shard] = c
			}
			s.mu.Unlock()
			if revoked || res.Token != "Bot "+s.Token && res.Token != s.Token {
				c.close(4004, "Authentication failed.")
				return
			}
			if sess == nil {
				s.mu.Lock()
				s.invalidAt[c.shard] = time.Now()
				s.mu.Unlock()
				c.send(9, "", false, false) // invalid session: identify again
				continue
			}
			// As Discord does, replay what the client missed, then RESUMED.
			for _, missed := range sess.since(res.Sequence) {
				c.write(missed)
			}
			c.send(0, "RESUMED", true, map[string]any{})
			s.emit("resumed")
		}
	}
}

// identify handles IDENTIFY and reports whether the connection stays up.
func (s *Server) identify(c *gwConn, r *http.Request, d json.RawMessage) bool {
	var id struct {
		Token   string  `json:"token"`
		Intents *int    `json:"intents"`
		Shard   *[2]int `json:"shard"`
	}
	json.Unmarshal(d, &id)
	s.mu.Lock()
	revoked := s.revoked
	s.mu.Unlock()
	if revoked || id.Token != "Bot "+s.Token {
		c.close(4004, "Authentication failed.")
		return false
	}
	if id.Intents == nil {
		s.fail("IDENTIFY without intents")
		c.close(4013, "Invalid intent(s).")
		return false
	}
	// Privileged intents: GUILD_MEMBERS (1<<1), GUILD_PRESENCES (1<<8), MESSAGE_CONTENT (1<<15).
	if *id.Intents&(1<<1|1<<8|1<<15) != 0 {
		s.fail("IDENTIFY asked for privileged intents %d", *id.Intents)
		c.close(4014, "Disallowed intent(s).")
		return false
	}
	s.mu.Lock()
	s.intents = *id.Intents
	s.mu.Unlock()
	shard, count := 0, 1
	if id.Shard != nil {
		shard, count = id.Shard[0], id.Shard[1]
	}
	if shard < 0 || count < 1 || shard >= count {
		c.close(4010, "Invalid shard.")
		return false
	}
	if s.RequiredShards > 1 && count < s.RequiredShards {
		c.close(4011, "Sharding required.")
		return false
	}
	sess := &session{id: "session-" + s.nextID(), shard: shard, count: count}
	s.mu.Lock()
	if at, ok := s.invalidAt[shard]; ok {
		s.reidentified = append(s.reidentified, time.Since(at))
		delete(s.invalidAt, shard)
	}
	s.identifies++
	s.shardsSeen[shard]++
	s.sessions[sess.id] = sess
	s.latest[shard] = sess
	c.session, c.shard = sess, shard
	s.conns[shard] = c
	s.mu.Unlock()
	ready := map[string]any{
		"v":                  10,
		"session_id":         sess.id,
		"resume_gateway_url": "ws://" + r.Host + "/gateway",
		"user":               map[string]any{"id": s.AppID, "username": "Lectern", "discriminator": "0", "bot": true},
		"application":        map[string]any{"id": s.AppID, "flags": 0},
		"guilds":             []any{map[string]any{"id": s.GuildID, "unavailable": true}},
	}
	if id.Shard != nil {
		ready["shard"] = []int{shard, count}
	}
	c.send(0, "READY", true, ready)
	s.emit("ready")
	return true
}

// shardOf is the shard Discord sends a guild's events to; DMs go to
// shard 0.
func shardOf(guild string, count int) int {
	id, err := strconv.ParseUint(guild, 10, 64)
	if err != nil || count <= 1 {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// dispatch sends an event to the connection of the shard that owns
// guild. Between a dropped connection and its RESUME, Discord keeps the
// event in the session and replays it to the RESUME; so does the fake.
func (s *Server) dispatch(guild, t string, d any) error {
	s.mu.Lock()
	var c *gwConn
	for _, conn := range s.conns {
		if conn.session != nil && conn.shard == shardOf(guild, conn.session.count) {
			c = conn
			break
		}
	}
	var held *session
	if c == nil {
		for _, sess := range s.latest {
			if _, resumable := s.sessions[sess.id]; resumable && sess.shard == shardOf(guild, sess.count) {
				held = sess
			}
		}
	}
	s.mu.Unlock()
	switch {
	case c != nil:
		return c.send(0, t, true, d)
	case held != nil:
		held.hold(t, d)
		return nil
	}
	return errNotConnected
}
