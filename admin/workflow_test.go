package admin

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/record"
)

func TestOverviewDrawsCharts(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	s.signIn(t, c)
	for _, days := range []string{"", "7", "90", "12"} {
		t.Run("days="+days, func(t *testing.T) {
			r := do(t, c, "GET", s.srv.URL+"/admin/?days="+days, nil)
			if r.status != http.StatusOK {
				t.Fatalf("got %d", r.status)
			}
			if n := strings.Count(r.body, "<svg"); n != 4 {
				t.Errorf("got %d charts, want 4", n)
			}
			for _, want := range []string{"Questions per day", "Share that found nothing", "Ratings per day", "Answer time",
				"<strong>2</strong> questions", "Why did the Bolsheviks dissolve the Constituent Assembly?"} {
				if !strings.Contains(r.body, want) {
					t.Errorf("the overview lacks %q", want)
				}
			}
		})
	}
}

// TestMarkThenMeasure marks the review list's questions as an owner
// would and runs a quality measurement on them.
func TestMarkThenMeasure(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	csrf := s.signIn(t, c)
	reviews, err := s.db.Reviews(context.Background(), 10)
	if err != nil || len(reviews) != 2 {
		t.Fatalf("got %d reviews (%v), want 2", len(reviews), err)
	}
	mark := func(id int64, extra url.Values) response {
		form := url.Values{"csrf": {csrf}, "id": {itoa(id)}}
		for k, v := range extra {
			form[k] = v
		}
		return do(t, c, "POST", s.srv.URL+"/admin/review/mark", form)
	}
	bolsheviks, breakfast := reviews[1].ID, reviews[0].ID
	for _, bad := range []struct{ lines, want string }{
		{"abc", "not a line range"},
		{"20-10", "not a line range"},
		{"99999", "goes past its end"},
		{"p99", "has no page 99"},
	} {
		r := mark(bolsheviks, url.Values{"source": {"interview.txt"}, "lines": {bad.lines}})
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, bad.want) {
			t.Errorf("lines %q: got %d, want 400 saying %q", bad.lines, r.status, bad.want)
		}
	}
	if r := mark(bolsheviks, url.Values{"source": {"nothing.txt"}, "lines": {"1-2"}}); r.status != http.StatusBadRequest {
		t.Errorf("an unknown text: got %d, want 400", r.status)
	}
	if r := mark(bolsheviks, url.Values{"source": {"interview.txt"}, "lines": {"321–325"}}); r.status != http.StatusSeeOther {
		t.Fatalf("marking lines: got %d\n%s", r.status, r.body)
	}
	if r := mark(breakfast, url.Values{"not_in_text": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("marking not in the text: got %d", r.status)
	}
	review := do(t, c, "GET", s.srv.URL+"/admin/review", nil).body
	if !strings.Contains(review, "Marked:</strong> not in the text") || !strings.Contains(review, "interview.txt 321–325</a>") {
		t.Errorf("the review page does not show the marks")
	}

	if r := do(t, c, "POST", s.srv.URL+"/admin/quality/run", url.Values{"csrf": {csrf}}); r.status != http.StatusSeeOther {
		t.Fatalf("starting a run: got %d", r.status)
	}
	runs := waitForRuns(t, s, 1)
	if runs[0].Questions != 1 || runs[0].HitAt1 != 1 || runs[0].Version != "test" {
		t.Errorf("run %+v: want 1 question, hit@1 1, version test", runs[0])
	}
	page := do(t, c, "GET", s.srv.URL+"/admin/quality", nil).body
	for _, want := range []string{`id="quality-chart"`, "<svg", "100.0 %", "None: every first quote answered."} {
		if !strings.Contains(page, want) {
			t.Errorf("the quality page lacks %q", want)
		}
	}
	csv := do(t, c, "GET", s.srv.URL+"/admin/export/marks.csv", nil).body
	if !strings.Contains(csv, "interview.txt:321-325") || !strings.Contains(csv, "not in the text") {
		t.Errorf("marks.csv:\n%s", csv)
	}
}

func waitForRuns(t *testing.T, s *site, n int) []record.Run {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		runs, err := s.db.Runs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(runs) >= n {
			return runs
		}
	}
	t.Fatalf("no run kept within 20 s")
	return nil
}

func TestExportDefusesFormulas(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	s.signIn(t, c)
	s.ask(t, "=HYPERLINK(\"http://evil\")", "", 0, 0, false)
	csv := do(t, c, "GET", s.srv.URL+"/admin/export/reviews.csv", nil).body
	if strings.Contains(csv, ",=HYPERLINK") || !strings.Contains(csv, "'=HYPERLINK") {
		t.Errorf("a formula typed by a reader reaches the CSV as a formula:\n%s", csv)
	}
	if r := do(t, c, "GET", s.srv.URL+"/admin/export/users.csv", nil); r.status != http.StatusNotFound {
		t.Errorf("an unknown table: got %d, want 404", r.status)
	}
}

func TestPageLines(t *testing.T) {
	doc := &corpus.Document{Name: "book.pdf", LinePages: []int{1, 1, 2, 2, 2, 3}}
	tests := []struct {
		spec             string
		start, end       int
		wantErrSubstring string
	}{
		{"2", 3, 5, ""},
		{"2-3", 3, 6, ""},
		{"1-p2", 1, 5, ""},
		{"9", 0, 0, "has no page 9"},
		{"x", 0, 0, "not a page"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			start, end, err := pageLines(doc, tt.spec, "p"+tt.spec)
			if tt.wantErrSubstring != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErrSubstring) {
					t.Errorf("got %v, want an error saying %q", err, tt.wantErrSubstring)
				}
				return
			}
			if err != nil || start != tt.start || end != tt.end {
				t.Errorf("got lines %d-%d (%v), want %d-%d", start, end, err, tt.start, tt.end)
			}
		})
	}
}
