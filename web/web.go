// Package web serves Lectern over HTTP: a search page, a reader that
// shows each text line by line so that citations can link to their lines,
// the JSON API (the same objects as the command line's --json), Discord's
// HTTP interactions endpoint, and what an operator watches: /healthz and
// /metrics.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// Searcher is what the web server needs from retrieval.
type Searcher interface {
	AskFor(ctx context.Context, question string, k int, f retrieval.Filter) ([]retrieval.Result, error)
	QuoteFor(ctx context.Context, phrase string, k int, f retrieval.Filter) ([]retrieval.Result, error)
	Note(question string) string
	Corpus() *corpus.Corpus
}

// Observer counts requests, for metrics.
type Observer interface {
	WebRequest(route string, status int)
}

// Options configure a Server.
type Options struct {
	// CorpusPath is where the texts are read from for the reader: a file
	// or folder, or "" for the embedded interview.
	CorpusPath string
	// MaxFileSize bounds a file read for the reader, as for the index;
	// corpus.DefaultMaxFileSize when 0.
	MaxFileSize int64
	// Interactions is Discord's HTTP interactions endpoint, served at
	// POST /interactions; nil when there is none.
	Interactions http.Handler
	// Admin is the owner's pages, served under /admin; nil for none
	// (/admin is then not found).
	Admin http.Handler
	// Metrics is served at GET /metrics; nil for none.
	Metrics  http.Handler
	Observer Observer
	Results  int // answers per question; retrieval.DefaultResults when 0
	Logger   *slog.Logger
}

// Server is the web server's handler. It answers /healthz with 503 until
// Ready is called, so that it can listen while the index is built.
type Server struct {
	opts   Options
	log    *slog.Logger
	mux    *http.ServeMux
	search atomic.Pointer[searcher]

	mu    sync.Mutex
	texts map[string]*rendered // by document name
	// readSource reads a document's source for the reader: s.source, or
	// in tests one that waits.
	readSource func(ctx context.Context, name string) (corpus.Source, error)
}

type searcher struct{ Searcher }

// New returns a server; it serves searches once Ready is called.
func New(opts Options) *Server {
	if opts.Results <= 0 {
		opts.Results = retrieval.DefaultResults
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Server{opts: opts, log: opts.Logger, mux: http.NewServeMux(), texts: map[string]*rendered{}}
	s.readSource = s.source
	s.route("GET /{$}", "search", s.searchPage)
	s.route("GET /text/{source...}", "text", s.textPage)
	s.route("GET /api/ask", "api/ask", s.api(false))
	s.route("GET /api/quote", "api/quote", s.api(true))
	s.route("GET /healthz", "healthz", s.healthz)
	if opts.Metrics != nil {
		s.mux.Handle("GET /metrics", opts.Metrics)
	}
	if opts.Interactions != nil {
		s.route("POST /interactions", "interactions", func(w http.ResponseWriter, r *http.Request) {
			if s.search.Load() == nil {
				http.Error(w, "starting: the index is being built", http.StatusServiceUnavailable)
				return
			}
			opts.Interactions.ServeHTTP(w, r)
		})
	}
	if opts.Admin != nil {
		for _, pattern := range []string{"GET /admin", "GET /admin/", "POST /admin/"} {
			s.route(pattern, "admin", opts.Admin.ServeHTTP)
		}
	}
	s.route("GET /", "other", func(w http.ResponseWriter, r *http.Request) {
		s.problem(w, r, http.StatusNotFound, "There is nothing at "+r.URL.Path+".")
	})
	return s
}

// Ready makes the server answer from search.
func (s *Server) Ready(search Searcher) { s.search.Store(&searcher{search}) }

func (s *Server) ready() (Searcher, bool) {
	p := s.search.Load()
	if p == nil {
		return nil, false
	}
	return p.Searcher, true
}

// searcher returns the index, or answers 503 while it is being built.
func (s *Server) searcher(w http.ResponseWriter, r *http.Request) (Searcher, bool) {
	search, ok := s.ready()
	if !ok {
		s.problem(w, r, http.StatusServiceUnavailable, "Lectern is starting: the index is being built. Try again in a moment.")
	}
	return search, ok
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// route serves pattern with h, counting requests by name and status.
func (s *Server) route(pattern, name string, h http.HandlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("web handler panicked", "route", name, "panic", v)
				if sw.status == 0 {
					http.Error(sw, "internal error", http.StatusInternalServerError)
				}
			}
			if s.opts.Observer != nil {
				s.opts.Observer.WebRequest(name, sw.status)
			}
		}()
		w.Header().Set("X-Content-Type-Options", "nosniff")
		h(sw, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if _, ok := s.ready(); !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "starting: the index is being built")
		return
	}
	fmt.Fprintln(w, "ok")
}

// ServeListener serves h on ln until ctx is done, then shuts down
// gracefully: requests in flight finish, for up to grace.
func ServeListener(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second, // a whole book is a large page on a slow phone
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("web: shutting down: %w", err)
	}
	return nil
}

// wantsJSON reports whether the request is for the API.
func wantsJSON(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }
