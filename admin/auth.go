package admin

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"strconv"
	"strings"
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

// sessions signs sessions in and counts failed sign-ins. A session is a
// signed cookie (its expiry and a random nonce, with an HMAC keyed by the
// admin token), so every replica with the same token accepts it and
// nothing is kept per session; signing out is remembered by the replica
// that saw it, until the session would have expired.
type sessions struct {
	token [sha256.Size]byte // of the admin token
	key   []byte            // signs sessions: derived from the token
	now   func() time.Time

	mu       sync.Mutex
	ended    map[string]time.Time   // sessions signed out, until they expire
	failures map[string][]time.Time // by client address; "" for all
}

func newSessions(token string, now func() time.Time) *sessions {
	key := sha256.Sum256([]byte("lectern admin sessions\x00" + token))
	return &sessions{token: sha256.Sum256([]byte(token)), key: key[:], now: now, ended: map[string]time.Time{}, failures: map[string][]time.Time{}}
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

// start makes a session and returns its cookie value:
// "expiry.nonce.signature".
func (s *sessions) start() string {
	payload := strconv.FormatInt(s.now().Add(SessionTTL).Unix(), 10) + "." + randomString()
	return payload + "." + s.sign("session", payload)
}

// sign is the HMAC of what under the sessions' key, for purpose.
func (s *sessions) sign(purpose, what string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(purpose + "\x00" + what))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// lookup returns the request's live session: its cookie signed by this
// token's key, not expired, not signed out.
func (s *sessions) lookup(r *http.Request) (id string, ss session, ok bool) {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return "", session{}, false
	}
	expiry, rest, ok1 := strings.Cut(c.Value, ".")
	nonce, sig, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || !hmac.Equal([]byte(sig), []byte(s.sign("session", expiry+"."+nonce))) {
		return "", session{}, false
	}
	unix, err := strconv.ParseInt(expiry, 10, 64)
	now := s.now()
	if err != nil || now.After(time.Unix(unix, 0)) {
		return "", session{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, gone := s.ended[c.Value]; gone {
		return "", session{}, false
	}
	return c.Value, session{csrf: s.sign("csrf", c.Value), expires: time.Unix(unix, 0)}, true
}

// end signs a session out on this replica.
func (s *sessions) end(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, until := range s.ended {
		if now.After(until) {
			delete(s.ended, k)
		}
	}
	s.ended[id] = now.Add(SessionTTL)
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
