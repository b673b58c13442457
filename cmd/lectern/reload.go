package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/lectern-bot/lectern/retrieval"
)

// retireAfter is how long an index replaced by a new one stays open, so
// that answers that started on it finish on it: a search takes
// milliseconds, rendering a deferred answer at most the drain timeout.
const retireAfter = time.Minute

// keepCurrent indexes the corpus again whenever it changes (or on
// SIGHUP) and swaps the new index in with swap, until ctx ends. Nothing
// is answered from a half-built index, and a failed build keeps the old
// one. The embedded text never changes, and LECTERN_WATCH=off turns this
// off.
func (s *service) keepCurrent(ctx context.Context, a *app, swap func(*retrieval.Index)) {
	if s.cfg.Corpus == "" || s.cfg.Watch == 0 {
		return
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	w, stop := newCorpusWatcher(s.cfg.Corpus, s.openedAs, s.cfg.Watch, hup, s.log)
	s.watching.Add(1)
	go func() {
		defer s.watching.Done()
		defer signal.Stop(hup)
		defer stop()
		for w.next(ctx) {
			s.reindex(ctx, a, swap)
		}
	}()
}

// reindex builds the corpus's index again and swaps it in.
func (s *service) reindex(ctx context.Context, a *app, swap func(*retrieval.Index)) {
	s.log.Info("the corpus changed; indexing it again")
	s.mu.Lock()
	earlier := s.ix
	s.mu.Unlock()
	ix, info, err := a.openReusing(ctx, s.cfg, nil, earlier)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("indexing the changed corpus failed; still answering from the previous index", "err", err)
		}
		return
	}
	s.mu.Lock()
	old := s.ix
	s.ix = ix
	s.mu.Unlock()
	swap(ix)
	s.publish(ix)
	s.counted(ix, info)
	time.AfterFunc(retireAfter, func() { old.Close() })
}
