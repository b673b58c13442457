package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestMetricsAreServed(t *testing.T) {
	m := New()
	m.Interaction("ask", "answered", 120*time.Millisecond)
	m.Interaction("ask", "nothing found", 80*time.Millisecond)
	m.NothingFound("ask")
	m.DiscordError("edit original", 500)
	m.WebRequest("api/ask", 200)
	m.Index(2, 1500, 80000, 1200*time.Millisecond, true)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`lectern_interactions_total{command="ask",outcome="answered"} 1`,
		`lectern_nothing_found_total{command="ask"} 1`,
		`lectern_answer_seconds_count{command="ask"} 2`,
		`lectern_discord_api_errors_total{route="edit original",status="500"} 1`,
		`lectern_web_requests_total{route="api/ask",status="200"} 1`,
		`lectern_index_sentences 1500`,
		`lectern_index_open_seconds 1.2`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
