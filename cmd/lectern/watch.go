package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/lectern-bot/lectern/corpus"
)

// settleFor is how long the corpus must be quiet after a change before it
// is indexed again: an editor's save or a copy of many files is several
// events.
const settleFor = time.Second

// corpusWatcher tells when the corpus has changed: from the file system's
// events (fsnotify), from a check every so often for file systems that
// send none (network mounts), and when asked (SIGHUP).
type corpusWatcher struct {
	path  string
	dir   bool          // the corpus is a folder (else a file)
	every time.Duration // the periodic check; 0 for none
	force <-chan os.Signal
	log   *slog.Logger
	// events are the file system's, nil where it sends none.
	events <-chan fsnotify.Event
	errors <-chan error
	last   string // the corpus's fingerprint when last indexed
}

// newCorpusWatcher watches path, indexed as it was when its fingerprint
// was since; without fsnotify (a failure to start it is logged) it
// relies on the periodic check.
func newCorpusWatcher(path, since string, every time.Duration, force <-chan os.Signal, log *slog.Logger) (*corpusWatcher, func()) {
	info, err := os.Stat(path)
	w := &corpusWatcher{path: path, dir: err == nil && info.IsDir(), every: every, force: force, log: log, last: since}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		log.Warn("watching the corpus with file system events failed; checking it every "+every.String()+" instead", "err", err)
		return w, func() {}
	}
	for _, dir := range w.watchedDirs() {
		if err := fw.Add(dir); err != nil {
			log.Warn("cannot watch a folder of the corpus; the periodic check covers it", "dir", dir, "err", err)
		}
	}
	w.events, w.errors = fw.Events, fw.Errors
	return w, func() { fw.Close() }
}

// watchedDirs are the folders whose events matter: the corpus folder and
// those under it, or a single file's folder.
func (w *corpusWatcher) watchedDirs() []string {
	if !w.dir {
		return []string{filepath.Dir(w.path)}
	}
	var dirs []string
	filepath.WalkDir(w.path, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	return dirs
}

// next waits until the corpus has changed and settled (or a reload is
// asked for) and returns true, or returns false when ctx ends.
func (w *corpusWatcher) next(ctx context.Context) bool {
	var tick <-chan time.Time
	if w.every > 0 {
		t := time.NewTicker(w.every)
		defer t.Stop()
		tick = t.C
	}
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return false
		case <-w.force:
			w.last = fingerprint(w.path)
			return true
		case e := <-w.events:
			if w.concerns(e) {
				settle = time.After(settleFor)
			}
		case err := <-w.errors:
			w.log.Warn("watching the corpus", "err", err)
		case <-settle:
			if w.changed() {
				return true
			}
		case <-tick:
			if w.changed() {
				return true
			}
		}
	}
}

// concerns reports whether an event is about the corpus: any event in
// its folder, or about the one file it is.
func (w *corpusWatcher) concerns(e fsnotify.Event) bool {
	return w.dir || filepath.Clean(e.Name) == filepath.Clean(w.path)
}

// changed reports whether the corpus differs from when last indexed.
func (w *corpusWatcher) changed() bool {
	f := fingerprint(w.path)
	if f == w.last {
		return false
	}
	w.last = f
	return true
}

// fingerprint sums the names and stamps (sizes and times) of the
// corpus's files: cheap enough to take every few seconds, and different
// whenever a file is added, removed, renamed or written, even with its
// modification time set back.
func fingerprint(path string) string {
	h := sha256.New()
	filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Fprintf(h, "%s\x00error\n", p)
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			st := corpus.StampOf(p, info)
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\n", p, st.Size, st.Modified.UnixNano(), st.Changed.UnixNano())
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}
