package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/corpus"
)

func TestCorpusWatcher(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		events bool          // use the file system's events
		every  time.Duration // the periodic check
		change func(t *testing.T, dir string, force chan os.Signal)
		want   bool
	}{
		{"a new file, by events", true, 0, writeFile("b.txt"), true},
		{"a new file, by the periodic check alone", false, 100 * time.Millisecond, writeFile("b.txt"), true},
		{"a file written again", true, 0, writeFile("a.txt"), true},
		{"a file removed", false, 100 * time.Millisecond, func(t *testing.T, dir string, _ chan os.Signal) { os.Remove(filepath.Join(dir, "a.txt")) }, true},
		{"a file rewritten at its size, its time set back", false, 100 * time.Millisecond, rewriteKeepingTime("a.txt"), true},
		{"SIGHUP", false, 0, func(t *testing.T, _ string, force chan os.Signal) { force <- syscall.SIGHUP }, true},
		{"nothing", true, 100 * time.Millisecond, func(*testing.T, string, chan os.Signal) {}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeFile("a.txt")(t, dir, nil)
			force := make(chan os.Signal)
			w, stop := newCorpusWatcher(dir, fingerprint(dir), tt.every, force, slog.New(slog.NewTextHandler(io.Discard, nil)))
			defer stop()
			if !tt.events {
				w.events, w.errors = nil, nil
			}
			ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
			defer cancel()
			got := make(chan bool, 1)
			go func() { got <- w.next(ctx) }()
			time.Sleep(50 * time.Millisecond) // the watcher is waiting
			tt.change(t, dir, force)
			if g := <-got; g != tt.want {
				t.Errorf("next() = %v, want %v", g, tt.want)
			}
		})
	}
}

// TestCorpusWatcherSeesChangesWhileOpening checks that a file written
// after the corpus was read for the index, but before the watcher
// started, is not taken for part of that index: the first check finds it.
func TestCorpusWatcherSeesChangesWhileOpening(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile("a.txt")(t, dir, nil)
	before := fingerprint(dir) // then the index opens, meanwhile:
	writeFile("b.txt")(t, dir, nil)
	w, stop := newCorpusWatcher(dir, before, 50*time.Millisecond, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	defer stop()
	w.events, w.errors = nil, nil
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if !w.next(ctx) {
		t.Error("next() = false, want the change made while the index opened")
	}
}

// writeFile returns a change that writes a file of the corpus.
func writeFile(name string) func(t *testing.T, dir string, _ chan os.Signal) {
	return func(t *testing.T, dir string, _ chan os.Signal) {
		t.Helper()
		text := "Written at " + time.Now().Format(time.RFC3339Nano) + ".\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rewriteKeepingTime returns a change that writes a file again with
// other bytes of the same size and sets its modification time back, as
// cp -p or rsync -t would.
func rewriteKeepingTime(name string) func(t *testing.T, dir string, _ chan os.Signal) {
	return func(t *testing.T, dir string, _ chan os.Signal) {
		t.Helper()
		path := filepath.Join(dir, name)
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if corpus.StampOf(path, info).Changed.IsZero() {
			t.Skip("this system keeps no change time; a time set back goes unnoticed")
		}
		old, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, bytes.ToUpper(old), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
}
