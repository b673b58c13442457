package bot

import (
	"context"
	"crypto/tls"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"net"
	"sync"
	"time"
)

// wsWatch reads the gateway's frames as they pass from the network to
// discordgo, without changing them, for what discordgo does not tell:
// the close code Discord ended a connection with, the heartbeat interval
// and when a heartbeat was last acknowledged. It also holds back an
// INVALID_SESSION (op 9) for 1–5 seconds before discordgo sees it and
// identifies again, as Discord asks.
type wsWatch struct {
	invalidDelay func() time.Duration

	mu        sync.Mutex
	conn      net.Conn // the latest connection
	holding   bool     // holding back a message: no ACK can be read meanwhile
	closeCode int
	interval  time.Duration
	lastAck   time.Time
	invalids  int
}

func newWSWatch() *wsWatch {
	return &wsWatch{invalidDelay: func() time.Duration {
		return time.Second + rand.N(4*time.Second)
	}}
}

// dial and dialTLS are a websocket.Dialer's dial functions: they watch
// every connection they make.
func (w *wsWatch) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return w.wrap(c), nil
}

func (w *wsWatch) dialTLS(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	host, _, _ := net.SplitHostPort(addr)
	tc := tls.Client(c, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
	if err := tc.HandshakeContext(ctx); err != nil {
		c.Close()
		return nil, err
	}
	return w.wrap(tc), nil
}

func (w *wsWatch) wrap(c net.Conn) net.Conn {
	wc := &watchedConn{Conn: c, w: w}
	w.mu.Lock()
	w.closeCode, w.conn = 0, wc
	w.mu.Unlock()
	return wc
}

// closeConn closes the latest connection, to end a stuck Open.
func (w *wsWatch) closeConn() {
	w.mu.Lock()
	c := w.conn
	w.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

// lastClose is the close code of the latest connection, 0 when Discord
// sent none.
func (w *wsWatch) lastClose() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closeCode
}

// ackOverdue reports whether a heartbeat has gone unacknowledged: the
// latest acknowledgement is older than an interval and a quarter (at
// least 250 ms more), so one heartbeat sent since has had that long to be
// acknowledged. Discord's rule is one missed ACK; discordgo waits for
// five.
func (w *wsWatch) ackOverdue(now time.Time) (bool, time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.interval <= 0 || w.lastAck.IsZero() || w.holding {
		return false, 0
	}
	since := now.Sub(w.lastAck)
	return since > w.interval+max(w.interval/4, 250*time.Millisecond), since
}

func (w *wsWatch) heartbeatInterval() time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.interval
}

// payload handles a whole gateway message of up to smallMessage bytes and
// returns how long to hold it back.
func (w *wsWatch) payload(p []byte) time.Duration {
	var m struct {
		Op int             `json:"op"`
		D  json.RawMessage `json:"d"`
	}
	if json.Unmarshal(p, &m) != nil {
		return 0
	}
	var hello struct {
		HeartbeatInterval int `json:"heartbeat_interval"`
	}
	if m.Op == 10 {
		json.Unmarshal(m.D, &hello)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	switch m.Op {
	case 10: // HELLO
		w.interval = time.Duration(hello.HeartbeatInterval) * time.Millisecond
		w.lastAck = time.Now()
	case 11: // HEARTBEAT_ACK
		w.lastAck = time.Now()
	case 9: // INVALID_SESSION
		w.invalids++
		return w.invalidDelay()
	}
	return 0
}

// hold waits d before the bytes read are handed on. Acknowledgements
// behind them cannot be seen meanwhile, so the wait does not count
// against the heartbeat.
func (w *wsWatch) hold(d time.Duration) {
	w.mu.Lock()
	w.holding = true
	w.mu.Unlock()
	time.Sleep(d)
	w.mu.Lock()
	w.holding = false
	w.lastAck = time.Now()
	w.mu.Unlock()
}

func (w *wsWatch) closed(code int) {
	w.mu.Lock()
	w.closeCode = code
	w.mu.Unlock()
}

// smallMessage is the largest message looked at: HELLO, ACKs and
// INVALID_SESSION are tiny; dispatches, which can be large, are not
// needed.
const smallMessage = 512

// watchedConn parses the websocket frames read from the server.
type watchedConn struct {
	net.Conn
	w *wsWatch

	upgraded  int    // bytes of the "\r\n\r\n" ending the HTTP upgrade seen; 4 once frames begin
	inPayload bool   // reading a frame's payload, not its header
	hdr       []byte // header bytes of the frame being read
	remaining uint64 // payload bytes of the current frame still to come
	opcode    byte   // of the current frame
	fin       bool
	masked    bool
	mask      [4]byte
	pos       uint64 // payload bytes of the current frame read so far
	msg       []byte // start of the current text message
	msgLen    int    // its length so far
	ctl       []byte // payload of the current control frame
}

func (c *watchedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		if hold := c.feed(p[:n]); hold > 0 {
			c.w.hold(hold)
		}
	}
	return n, err
}

// feed parses bytes of the stream and returns how long to hold them.
func (c *watchedConn) feed(b []byte) time.Duration {
	var hold time.Duration
	// The connection begins with the HTTP upgrade's response.
	for c.upgraded < 4 && len(b) > 0 {
		if b[0] == "\r\n\r\n"[c.upgraded] {
			c.upgraded++
		} else if b[0] == '\r' {
			c.upgraded = 1
		} else {
			c.upgraded = 0
		}
		b = b[1:]
	}
	for len(b) > 0 {
		if !c.inPayload {
			c.hdr = append(c.hdr, b[0])
			b = b[1:]
			if need := headerLen(c.hdr); need > 0 && len(c.hdr) == need {
				c.startFrame()
				if c.remaining == 0 {
					hold += c.endFrame()
				} else {
					c.inPayload = true
				}
			}
			continue
		}
		k := min(uint64(len(b)), c.remaining)
		c.payload(b[:k])
		b = b[k:]
		c.remaining -= k
		if c.remaining == 0 {
			c.inPayload = false
			hold += c.endFrame()
		}
	}
	return hold
}

// headerLen is the length of a frame header given its first bytes, or 0
// when more bytes are needed to tell.
func headerLen(h []byte) int {
	if len(h) < 2 {
		return 0
	}
	n := 2
	switch h[1] & 0x7f {
	case 126:
		n += 2
	case 127:
		n += 8
	}
	if h[1]&0x80 != 0 {
		n += 4
	}
	return n
}

func (c *watchedConn) startFrame() {
	h := c.hdr
	c.fin = h[0]&0x80 != 0
	c.opcode = h[0] & 0x0f
	c.masked = h[1]&0x80 != 0
	l := uint64(h[1] & 0x7f)
	i := 2
	switch l {
	case 126:
		l = uint64(binary.BigEndian.Uint16(h[2:4]))
		i = 4
	case 127:
		l = binary.BigEndian.Uint64(h[2:10])
		i = 10
	}
	if c.masked {
		copy(c.mask[:], h[i:i+4])
	}
	c.remaining, c.pos = l, 0
	c.ctl = c.ctl[:0]
	if c.opcode == 1 { // a text message begins
		c.msg, c.msgLen = c.msg[:0], 0
	}
}

func (c *watchedConn) payload(b []byte) {
	for _, x := range b {
		if c.masked {
			x ^= c.mask[c.pos%4]
		}
		c.pos++
		switch {
		case c.opcode >= 8:
			if len(c.ctl) < 2 {
				c.ctl = append(c.ctl, x)
			}
		case c.opcode <= 1: // text, or its continuation
			if len(c.msg) < smallMessage {
				c.msg = append(c.msg, x)
			}
		}
	}
	if c.opcode <= 1 {
		c.msgLen += len(b)
	}
}

// endFrame finishes a frame and returns how long to hold it.
func (c *watchedConn) endFrame() time.Duration {
	c.hdr = c.hdr[:0]
	var hold time.Duration
	switch {
	case c.opcode == 8:
		code := 1005 // no status
		if len(c.ctl) == 2 {
			code = int(binary.BigEndian.Uint16(c.ctl))
		}
		c.w.closed(code)
	case c.opcode <= 1 && c.fin:
		if c.msgLen <= smallMessage {
			hold = c.w.payload(c.msg)
		}
	}
	return hold
}
