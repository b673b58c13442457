package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
)

// switchedCooldown is a shared cooldown store that fails while down.
type switchedCooldown struct{ down *atomic.Bool }

func (s switchedCooldown) Claim(context.Context, string, time.Time, time.Duration) (time.Duration, error) {
	if s.down.Load() {
		return 0, errors.New("connection refused")
	}
	return 0, nil
}

// TestSharedCooldownOutageLogged checks that an outage of the shared
// cooldown is logged when it starts and when it ends, not once a search.
func TestSharedCooldownOutageLogged(t *testing.T) {
	t.Parallel()
	down := &atomic.Bool{}
	h := start(t, setup{opts: Options{Cooldown: time.Minute, SharedCooldown: switchedCooldown{down}}})
	now := time.Now()
	for i, d := range []bool{true, true, true, false, false, true} {
		down.Store(d)
		h.bot.cooldownWait(context.Background(), fmt.Sprint("reader", i), now)
	}
	log := h.log.String()
	if got := strings.Count(log, "shared cooldown is unavailable"); got != 2 {
		t.Errorf("outage warnings: got %d, want 2 (one per outage)\n%s", got, log)
	}
	if got := strings.Count(log, "shared cooldown is back"); got != 1 {
		t.Errorf("recoveries logged: got %d, want 1\n%s", got, log)
	}
}

// fixedCooldown is a shared cooldown store that answers as told.
type fixedCooldown struct {
	wait time.Duration
	err  error
}

func (f fixedCooldown) Claim(context.Context, string, time.Time, time.Duration) (time.Duration, error) {
	return f.wait, f.err
}

func TestCooldown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts Options
		// Whether a first search and a second at once are answered.
		wantFirst, wantSecond bool
		wantLog               string
	}{
		{"in this process", Options{Cooldown: time.Minute}, true, false, ""},
		{"off", Options{}, true, true, ""},
		{"shared, running elsewhere", Options{Cooldown: time.Minute, SharedCooldown: fixedCooldown{wait: 2 * time.Second}}, false, false, ""},
		{"shared store away: this process keeps it", Options{Cooldown: time.Minute, SharedCooldown: fixedCooldown{err: errors.New("connection refused")}}, true, false, "shared cooldown is unavailable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{opts: tt.opts})
			ask := func() string {
				m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "Why did Lenin want peace?")))
				return m.Content
			}
			for i, want := range []bool{tt.wantFirst, tt.wantSecond} {
				got := ask()
				if answered := !strings.Contains(got, "Slow down"); answered != want {
					t.Errorf("search %d answered %v, want %v (%q)", i+1, answered, want, got)
				}
			}
			if tt.wantLog != "" && !strings.Contains(h.log.String(), tt.wantLog) {
				t.Errorf("the log lacks %q:\n%s", tt.wantLog, h.log)
			}
		})
	}
}
