package bot

import (
	"encoding/binary"
	"testing"
	"time"
)

// wsFrame encodes a server frame (unmasked), or a client frame (masked)
// when mask is set.
func wsFrame(fin bool, opcode byte, payload []byte, mask bool) []byte {
	b0 := opcode
	if fin {
		b0 |= 0x80
	}
	out := []byte{b0}
	var m byte
	if mask {
		m = 0x80
	}
	switch n := len(payload); {
	case n < 126:
		out = append(out, m|byte(n))
	case n < 1<<16:
		out = append(out, m|126, byte(n>>8), byte(n))
	default:
		out = append(out, m|127)
		out = binary.BigEndian.AppendUint64(out, uint64(n))
	}
	if mask {
		key := []byte{1, 2, 3, 4}
		out = append(out, key...)
		for i, x := range payload {
			out = append(out, x^key[i%4])
		}
		return out
	}
	return append(out, payload...)
}

func TestWSWatch(t *testing.T) {
	t.Parallel()
	upgrade := []byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")
	big := make([]byte, 70000)
	for i := range big {
		big[i] = 'x'
	}
	tests := []struct {
		name      string
		stream    [][]byte // frames, concatenated then fed in chunks
		chunk     int
		wantCode  int
		wantIntvl time.Duration
		wantHold  bool
	}{
		{name: "hello after the upgrade in one read", stream: [][]byte{upgrade, wsFrame(true, 1, []byte(`{"op":10,"d":{"heartbeat_interval":41250}}`), false)}, chunk: 4096, wantIntvl: 41250 * time.Millisecond},
		{name: "byte by byte", stream: [][]byte{upgrade, wsFrame(true, 1, []byte(`{"op":10,"d":{"heartbeat_interval":500}}`), false)}, chunk: 1, wantIntvl: 500 * time.Millisecond},
		{name: "close code after a large dispatch", stream: [][]byte{upgrade, wsFrame(true, 1, big, false), wsFrame(true, 8, []byte{0x0f, 0xa4, 'x'}, false)}, chunk: 1000, wantCode: 4004},
		{name: "fragmented invalid session", stream: [][]byte{upgrade, wsFrame(false, 1, []byte(`{"op":9,`), false), wsFrame(true, 9, nil, false), wsFrame(true, 0, []byte(`"d":false}`), false)}, chunk: 3, wantHold: true},
		{name: "masked frames", stream: [][]byte{upgrade, wsFrame(true, 1, []byte(`{"t":null,"s":null,"op":9,"d":true}`), true)}, chunk: 7, wantHold: true},
		{name: "dispatch mentioning op 9 is not held", stream: [][]byte{upgrade, wsFrame(true, 1, append([]byte(`{"op":0,"d":{"x":"\"op\":9"},"pad":"`), append(big[:600], '"', '}')...), false)}, chunk: 512},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWSWatch()
			w.invalidDelay = func() time.Duration { return time.Nanosecond }
			c := &watchedConn{w: w}
			var all []byte
			for _, f := range tt.stream {
				all = append(all, f...)
			}
			var held time.Duration
			for len(all) > 0 {
				n := min(tt.chunk, len(all))
				held += c.feed(all[:n])
				all = all[n:]
			}
			if got := w.lastClose(); got != tt.wantCode {
				t.Errorf("close code %d, want %d", got, tt.wantCode)
			}
			if got := w.heartbeatInterval(); got != tt.wantIntvl {
				t.Errorf("heartbeat interval %s, want %s", got, tt.wantIntvl)
			}
			if (held > 0) != tt.wantHold {
				t.Errorf("held %s, want held %v", held, tt.wantHold)
			}
		})
	}
}
