package admin

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/internal/testindex"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/record/sqlite"
)

const testToken = "correct-horse-battery-staple-42"

// reader is a Discord user whose ID and hash must never reach a page.
const reader = "123456789012345678"

// clock is a time the test moves.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// site is the admin pages over HTTPS, on the interview, with a record of
// a few questions.
type site struct {
	srv   *httptest.Server
	h     *Handler
	db    *sqlite.DB
	dir   string
	clock *clock
	// bolsheviks is a question answered and marked 👎.
	bolsheviks int64
}

func newSite(t *testing.T) *site {
	t.Helper()
	dir := t.TempDir()
	db, _, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := &clock{t: time.Now().UTC()}
	h, err := New(Options{Token: testToken, Version: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	h.Ready(testindex.Interview(t), db)
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	s := &site{srv: srv, h: h, db: db, dir: dir, clock: c}
	s.bolsheviks = s.ask(t, "Why did the Bolsheviks dissolve the Constituent Assembly?", "interview.txt", 321, 325, true)
	s.ask(t, "What did Trotsky eat for breakfast?", "", 0, 0, false)
	return s
}

// ask records a question as the bot would, marked 👎 when down.
func (s *site) ask(t *testing.T, q, source string, start, end int, down bool) int64 {
	t.Helper()
	results := 0
	if source != "" {
		results = 3
	}
	id, err := s.db.Asked(context.Background(), record.Question{At: s.clock.now(), User: reader, Command: "ask", Query: q,
		Source: source, Start: start, End: end, Results: results, Took: 40 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if down {
		if err := s.db.Rated(context.Background(), id, reader, false); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

// client is a browser without a session: it keeps cookies and does not
// follow redirects.
func (s *site) client(t *testing.T) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := *s.srv.Client() // the server's TLS settings, a jar of its own
	c.Jar = jar
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

type response struct {
	status   int
	location string
	body     string
}

func do(t *testing.T, c *http.Client, method, u string, form url.Values) response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header.Get("Location"), string(b)}
}

// signIn signs a client in and returns the CSRF token of its pages.
func (s *site) signIn(t *testing.T, c *http.Client) string {
	t.Helper()
	r := do(t, c, "POST", s.srv.URL+"/admin/login", url.Values{"token": {testToken}})
	if r.status != http.StatusSeeOther || r.location != "/admin/" {
		t.Fatalf("sign-in: got %d → %q, want 303 → /admin/", r.status, r.location)
	}
	page := do(t, c, "GET", s.srv.URL+"/admin/", nil)
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("the overview has no CSRF token:\n%s", page.body)
	}
	return m[1]
}

var pages = []string{"/admin/", "/admin/review", "/admin/quality", "/admin/export/days.csv", "/admin/export/most-asked.csv",
	"/admin/export/reviews.csv", "/admin/export/marks.csv", "/admin/export/runs.csv"}

func TestPagesNeedASession(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			r := do(t, c, "GET", s.srv.URL+p, nil)
			if r.status != http.StatusSeeOther || r.location != "/admin/login" {
				t.Errorf("got %d → %q, want 303 → /admin/login", r.status, r.location)
			}
		})
	}
	for _, p := range []string{"/admin/review/mark", "/admin/quality/run", "/admin/logout"} {
		if r := do(t, c, "POST", s.srv.URL+p, url.Values{"csrf": {"x"}}); r.status != http.StatusForbidden {
			t.Errorf("POST %s without a session: got %d, want 403", p, r.status)
		}
	}
}

func TestSignIn(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		name, token string
		want        int
	}{
		{"right token", testToken, http.StatusSeeOther},
		{"wrong token", "correct-horse-battery-staple-43", http.StatusUnauthorized},
		{"missing token", "", http.StatusUnauthorized},
		{"a prefix of it", testToken[:20], http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := s.client(t)
			r := do(t, c, "POST", s.srv.URL+"/admin/login", url.Values{"token": {tt.token}})
			if r.status != tt.want {
				t.Fatalf("got %d, want %d", r.status, tt.want)
			}
			overview := do(t, c, "GET", s.srv.URL+"/admin/", nil)
			if signedIn := overview.status == http.StatusOK; signedIn != (tt.want == http.StatusSeeOther) {
				t.Errorf("after sign-in the overview answers %d", overview.status)
			}
		})
	}
}

func TestSessionCookieIsLockedDown(t *testing.T) {
	s := newSite(t)
	req, _ := http.NewRequest("POST", s.srv.URL+"/admin/login", strings.NewReader("token="+testToken))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c := s.client(t)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cookies := resp.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("got %d cookies, want 1", len(cookies))
	}
	ck := cookies[0]
	if !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/admin" {
		t.Errorf("cookie %+v: want Secure, HttpOnly, SameSite=Strict, Path=/admin", ck)
	}
}

func TestBruteForceIsSlowed(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	for i := range maxFailures {
		if r := do(t, c, "POST", s.srv.URL+"/admin/login", url.Values{"token": {"guess"}}); r.status != http.StatusUnauthorized {
			t.Fatalf("guess %d: got %d, want 401", i+1, r.status)
		}
	}
	// Now even the right token waits until the window has passed.
	if r := do(t, c, "POST", s.srv.URL+"/admin/login", url.Values{"token": {testToken}}); r.status != http.StatusTooManyRequests {
		t.Fatalf("after %d wrong guesses: got %d, want 429", maxFailures, r.status)
	}
	s.clock.add(failureWindow + time.Second)
	if r := do(t, c, "POST", s.srv.URL+"/admin/login", url.Values{"token": {testToken}}); r.status != http.StatusSeeOther {
		t.Errorf("after the window: got %d, want 303", r.status)
	}
}

func TestSessionExpires(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	s.signIn(t, c)
	s.clock.add(SessionTTL - time.Minute)
	if r := do(t, c, "GET", s.srv.URL+"/admin/review", nil); r.status != http.StatusOK {
		t.Fatalf("before expiry: got %d, want 200", r.status)
	}
	s.clock.add(2 * time.Minute)
	if r := do(t, c, "GET", s.srv.URL+"/admin/review", nil); r.status != http.StatusSeeOther {
		t.Errorf("after expiry: got %d, want 303 to sign in", r.status)
	}
}

func TestFormsNeedTheSessionsToken(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	csrf := s.signIn(t, c)
	other := s.client(t)
	otherCSRF := s.signIn(t, other)
	id := s.ask(t, "Who led the Red Army?", "", 0, 0, false)
	form := func(token string) url.Values {
		return url.Values{"csrf": {token}, "id": {itoa(id)}, "not_in_text": {"1"}}
	}
	for _, tt := range []struct {
		name  string
		token string
		want  int
	}{
		{"no token", "", http.StatusForbidden},
		{"another session's token", otherCSRF, http.StatusForbidden},
		{"its own token", csrf, http.StatusSeeOther},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if r := do(t, c, "POST", s.srv.URL+"/admin/review/mark", form(tt.token)); r.status != tt.want {
				t.Errorf("got %d, want %d", r.status, tt.want)
			}
		})
	}
	marks, _ := s.db.Marks(context.Background())
	if len(marks) != 1 {
		t.Errorf("got %d marks, want 1 (only the form with its token)", len(marks))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestNoUserIdentifierIsShown(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	s.signIn(t, c)
	hashes := userHashes(t, s.dir)
	if len(hashes) == 0 {
		t.Fatal("the record holds no user hash to look for")
	}
	for _, p := range pages {
		r := do(t, c, "GET", s.srv.URL+p, nil)
		if r.status != http.StatusOK {
			t.Errorf("%s: got %d", p, r.status)
		}
		for _, secret := range append(hashes, reader) {
			if strings.Contains(r.body, secret) {
				t.Errorf("%s shows a user identifier %s", p, secret)
			}
		}
	}
}

// userHashes reads the hashes the record keeps, from its file.
func userHashes(t *testing.T, dir string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT user_hash FROM questions UNION SELECT user_hash FROM ratings")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		rows.Scan(&h)
		out = append(out, h)
	}
	return out
}

// TestPagesSayWhyTheyCannotWork signs in to pages that never got a record
// and checks they say why, not "starting" forever.
func TestPagesSayWhyTheyCannotWork(t *testing.T) {
	h, err := New(Options{Token: testToken, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(h)
	defer srv.Close()
	s := &site{srv: srv, h: h}
	c := s.client(t)
	for _, tt := range []struct {
		name, why, want string
	}{
		{"while opening", "", "Lectern is starting"},
		{"no record", "The admin pages read the record of questions, which could not be opened.", "could not be opened"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.why != "" {
				h.Unavailable(tt.why)
			}
			if r := do(t, c, "POST", srv.URL+"/admin/login", url.Values{"token": {testToken}}); r.status != http.StatusSeeOther {
				t.Fatalf("sign-in: %d", r.status)
			}
			r := do(t, c, "GET", srv.URL+"/admin/", nil)
			if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, tt.want) {
				t.Errorf("got %d, want 503 saying %q", r.status, tt.want)
			}
		})
	}
}

// TestSessionsAcrossReplicas checks that a sign-in on one replica is
// good on another with the same admin token (sessions are signed
// cookies), and on none with another token; that a tampered cookie is
// refused; and that signing out ends the session.
func TestSessionsAcrossReplicas(t *testing.T) {
	replica := func(token string) *Handler {
		h, err := New(Options{Token: token, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	a, b, other := replica(testToken), replica(testToken), replica("another-token-of-sixteen-chars")
	value := a.sessions.start()
	tampered := strings.Replace(value, ".", ".1", 1)
	tests := []struct {
		name  string
		h     *Handler
		value string
		want  bool
	}{
		{"the replica that signed in", a, value, true},
		{"another replica, same token", b, value, true},
		{"a replica with another token", other, value, false},
		{"a tampered cookie", a, tampered, false},
		{"garbage", a, "not-a-session", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/admin/", nil)
			req.AddCookie(&http.Cookie{Name: cookieName, Value: tt.value})
			if _, _, ok := tt.h.sessions.lookup(req); ok != tt.want {
				t.Errorf("lookup ok = %v, want %v", ok, tt.want)
			}
		})
	}
	a.sessions.end(value)
	req := httptest.NewRequest("GET", "/admin/", nil)
	req.AddCookie(&http.Cookie{Name: cookieName, Value: value})
	if _, _, ok := a.sessions.lookup(req); ok {
		t.Error("a signed-out session is still good on the replica that signed it out")
	}
}
