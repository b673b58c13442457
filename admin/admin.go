// Package admin serves the owner's pages under /admin: an overview of
// what readers ask as charts, a review list where the owner marks the
// lines that answer questions that failed, and quality runs that measure
// Lectern on those marked questions. It is on only when an admin token
// is configured; signing in with it gives a signed session cookie that
// every replica with the same token accepts.
package admin

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/retrieval"
)

// Store is the record the pages read and the marks and runs they keep.
type Store interface {
	Overview(ctx context.Context, since, until time.Time, limit int) (*record.Overview, error)
	Reviews(ctx context.Context, limit int) ([]record.Review, error)
	SetMark(ctx context.Context, m record.Mark) error
	Marks(ctx context.Context) ([]record.Mark, error)
	AddRun(ctx context.Context, r record.Run) (int64, error)
	Runs(ctx context.Context) ([]record.Run, error)
}

// Searcher is the live index: quality runs ask it the marked questions,
// and the review page lists its texts.
type Searcher interface {
	Ask(ctx context.Context, question string, k int) ([]retrieval.Result, error)
	Corpus() *corpus.Corpus
}

// Options configure the pages.
type Options struct {
	Token   string // the admin token; must be at least MinTokenLength long
	Version string // Lectern's version, kept with each quality run
	Logger  *slog.Logger
	Now     func() time.Time // time.Now when nil
}

// Handler serves /admin.
type Handler struct {
	opts     Options
	log      *slog.Logger
	mux      *http.ServeMux
	sessions *sessions
	live     atomic.Pointer[live]
	// unavailable says why the pages cannot work (no record), once known.
	unavailable atomic.Pointer[string]
	quality     *qualityRunner
}

// live is what the pages read, once the index and the record are open.
type live struct {
	search Searcher
	store  Store
}

// New returns the admin pages, or an error when the token is too short.
func New(opts Options) (*Handler, error) {
	if len(opts.Token) < MinTokenLength {
		return nil, fmt.Errorf("admin: the token must be at least %d characters (it is %d); make one with: openssl rand -hex 24", MinTokenLength, len(opts.Token))
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	h := &Handler{opts: opts, log: opts.Logger, mux: http.NewServeMux(), sessions: newSessions(opts.Token, opts.Now)}
	h.quality = newQualityRunner(h)
	h.mux.HandleFunc("GET /admin/login", h.loginPage)
	h.mux.HandleFunc("POST /admin/login", h.login)
	h.mux.HandleFunc("POST /admin/logout", h.signedIn(h.logout))
	h.mux.HandleFunc("GET /admin/{$}", h.signedIn(h.overviewPage))
	h.mux.HandleFunc("GET /admin", http.RedirectHandler("/admin/", http.StatusMovedPermanently).ServeHTTP)
	h.mux.HandleFunc("GET /admin/review", h.signedIn(h.reviewPage))
	h.mux.HandleFunc("POST /admin/review/mark", h.signedIn(h.mark))
	h.mux.HandleFunc("GET /admin/quality", h.signedIn(h.qualityPage))
	h.mux.HandleFunc("POST /admin/quality/run", h.signedIn(h.runQuality))
	h.mux.HandleFunc("GET /admin/export/{table}", h.signedIn(h.export))
	return h, nil
}

// Ready gives the pages the index and the record, once they are open;
// until then, signed-in pages say Lectern is starting.
func (h *Handler) Ready(s Searcher, st Store) { h.live.Store(&live{search: s, store: st}) }

// searcher is the index; signedIn lets no request through before Ready.
func (h *Handler) searcher() Searcher { return h.live.Load().search }

// Unavailable makes the signed-in pages say why they cannot work, such
// as a record that could not be opened, instead of "starting".
func (h *Handler) Unavailable(why string) { h.unavailable.Store(&why) }

// store is the record; signedIn lets no request through before Ready.
func (h *Handler) store() Store { return h.live.Load().store }

// ServeHTTP serves a request under /admin.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Referrer-Policy", "same-origin")
	h.mux.ServeHTTP(w, r)
}

// pageHandler serves a signed-in request; csrf is the session's token
// for the page's forms.
type pageHandler func(w http.ResponseWriter, r *http.Request, csrf string)

// signedIn sends a request without a live session to the sign-in page,
// and refuses a form without the session's CSRF token.
func (h *Handler) signedIn(next pageHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, ss, ok := h.sessions.lookup(r)
		if !ok {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
				return
			}
			h.problem(w, http.StatusForbidden, "Your session has ended. Sign in again.")
			return
		}
		if r.Method == http.MethodPost && !csrfMatches(ss, r.PostFormValue("csrf")) {
			h.log.Warn("admin: a form came without its session's token", "path", r.URL.Path)
			h.problem(w, http.StatusForbidden, "This form has expired or did not come from this site. Go back, reload the page and try again.")
			return
		}
		if h.live.Load() == nil {
			msg := "Lectern is starting: the index and the record are being opened. Try again in a moment."
			if why := h.unavailable.Load(); why != nil {
				msg = *why
			}
			h.problem(w, http.StatusServiceUnavailable, msg)
			return
		}
		next(w, r, ss.csrf)
	}
}

func (h *Handler) loginPage(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := h.sessions.lookup(r); ok {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	h.render(w, http.StatusOK, "login", page{Title: "Sign in"})
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	addr := clientAddr(r)
	if wait := h.sessions.blocked(addr); wait > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		h.render(w, http.StatusTooManyRequests, "login", page{Title: "Sign in",
			Error: fmt.Sprintf("Too many wrong tokens. Try again in %d minutes.", int(wait.Minutes())+1)})
		return
	}
	if !h.sessions.tokenMatches(r.PostFormValue("token")) {
		h.sessions.failed(addr)
		h.log.Warn("admin: a sign-in with a wrong token", "addr", addr)
		h.render(w, http.StatusUnauthorized, "login", page{Title: "Sign in", Error: "That is not the admin token."})
		return
	}
	http.SetCookie(w, cookie(h.sessions.start(), int(SessionTTL.Seconds())))
	http.Redirect(w, r, "/admin/", http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request, _ string) {
	if id, _, ok := h.sessions.lookup(r); ok {
		h.sessions.end(id)
	}
	http.SetCookie(w, cookie("", -1))
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
}

// recordFailed logs a failure to read or write the record while doing
// what, and tells the owner the log has it.
func (h *Handler) recordFailed(w http.ResponseWriter, what string, err error) {
	h.log.Error("admin: "+what, "err", err)
	h.problem(w, http.StatusInternalServerError, "The record could not be read or written; the log says why.")
}

// problem answers with a page saying what went wrong.
func (h *Handler) problem(w http.ResponseWriter, status int, msg string) {
	h.render(w, status, "problem", page{Title: http.StatusText(status), Error: msg})
}
