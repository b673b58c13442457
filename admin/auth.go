package admin

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"sync"
	"time"
)

// Sign-in limits.
const (
	cookieName = "lectern_admin"
	// SessionTTL is how long a sign-in lasts.
	SessionTTL = 12 * time.Hour
	// failureWindow and maxFailures slow guessing: after maxFailures
	// wrong tokens from one address in failureWindow, or ten times as many
	// from all addresses together, sign-in is refused until the window
	// has passed.
	failureWindow = 15 * time.Minute
	maxFailures   = 5
)

// MinTokenLength is the shortest admin token accepted, so that it cannot
// be guessed within the sign-in limits.
const MinTokenLength = 16

// session is one signed-in browser.
type session struct {
	csrf    string
	expires time.Time
}

// sessions keeps the signed-in browsers and the recent failed sign-ins,
// in memory: a restart signs everyone out.
type sessions struct {
	token [sha256.Size]byte // of the admin token
	now   func() time.Time

	mu       sync.Mutex
	byID     map[string]session
	failures map[string][]time.Time // by client address; "" for all
}

func newSessions(token string, now func() time.Time) *sessions {
	return &sessions{token: sha256.Sum256([]byte(token)), now: now, byID: map[string]session{}, failures: map[string][]time.Time{}}
}

// tokenMatches compares in constant time (the digests have one length
// whatever the guess's).
func (s *sessions) tokenMatches(guess string) bool {
	g := sha256.Sum256([]byte(guess))
	return subtle.ConstantTimeCompare(g[:], s.token[:]) == 1
}

// blocked reports how long the address must wait before trying again, 0
// when it may try now.
func (s *sessions) blocked(addr string) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for _, key := range []string{addr, ""} {
		limit := maxFailures
		if key == "" {
			limit = 10 * maxFailures
		}
		recent := s.recent(key, now)
		if len(recent) >= limit {
			return recent[0].Add(failureWindow).Sub(now)
		}
	}
	return 0
}

// recent drops failures older than the window and returns the rest.
func (s *sessions) recent(key string, now time.Time) []time.Time {
	list := s.failures[key]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= failureWindow {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(s.failures, key)
	} else {
		s.failures[key] = list
	}
	return list
}

func (s *sessions) failed(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.failures[addr] = append(s.failures[addr], now)
	s.failures[""] = append(s.failures[""], now)
}

// start makes a session and returns its id.
func (s *sessions) start() string {
	id, csrf := randomString(), randomString()
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, v := range s.byID {
		if now.After(v.expires) {
			delete(s.byID, k)
		}
	}
	s.byID[id] = session{csrf: csrf, expires: now.Add(SessionTTL)}
	return id
}

// lookup returns the request's live session.
func (s *sessions) lookup(r *http.Request) (id string, ss session, ok bool) {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return "", session{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok = s.byID[c.Value]
	if ok && s.now().After(ss.expires) {
		delete(s.byID, c.Value)
		return "", session{}, false
	}
	return c.Value, ss, ok
}

func (s *sessions) end(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, id)
}

// csrfMatches checks a form's token against its session's.
func csrfMatches(ss session, got string) bool {
	return subtle.ConstantTimeCompare([]byte(ss.csrf), []byte(got)) == 1
}

func randomString() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// cookie is the session cookie: sent only over HTTPS (browsers make an
// exception for localhost), never to scripts, never from another site.
func cookie(id string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: cookieName, Value: id, Path: "/admin", MaxAge: maxAge,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode}
}

// clientAddr is the address failures are counted by: the connection's
// host (a proxy in front counts as one client, which only makes the
// limit stricter).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
