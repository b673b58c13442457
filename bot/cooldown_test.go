package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
)

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
