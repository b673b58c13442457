package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestServeFollowsTheCorpus changes the corpus under a running `serve`
// while a steady stream of questions is asked: a file added, changed,
// renamed and removed, and every file removed (a build that fails). No
// question fails, the new text is answered after each swap, and the old
// index answers while a build fails.
func TestServeFollowsTheCorpus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mill.txt", "The miller of the parish ground the barley by the river every autumn.\n")
	addr := freeAddr(t)
	base := "http://" + addr
	p := startBinary(t, []string{"LECTERN_CORPUS=" + dir, "LECTERN_INDEX_DIR=" + t.TempDir(), "LECTERN_ADDR=" + addr,
		"LECTERN_RECORD=off", "LECTERN_WATCH=1s"}, "serve")
	waitHealthy(t, base, p)

	var failures atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { // the steady stream
		for {
			select {
			case <-stop:
				return
			default:
			}
			if status, _ := askAPI(base, "Who ground the barley?"); status != http.StatusOK {
				failures.Add(1)
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	steps := []struct {
		name     string
		change   func()
		question string
		want     string // the first answer's file; "" for nothing found
	}{
		{"a file added", func() { write("lighthouse.txt", "The keeper of the lighthouse polished the great lens each night.\n") },
			"Who polished the lens?", "lighthouse.txt"},
		{"a file changed", func() { write("lighthouse.txt", "The keeper of the lighthouse fed the gulls with herring.\n") },
			"Who fed the gulls?", "lighthouse.txt"},
		{"a file renamed", func() { os.Rename(filepath.Join(dir, "lighthouse.txt"), filepath.Join(dir, "keeper.txt")) },
			"Who fed the gulls?", "keeper.txt"},
		{"a file removed", func() { os.Remove(filepath.Join(dir, "keeper.txt")) },
			"Who fed the gulls with herring?", ""},
	}
	for _, s := range steps {
		s.change()
		if got := waitForAnswer(t, base, s.question, s.want); got != s.want {
			t.Errorf("%s: %q answered from %q, want %q\n%s", s.name, s.question, got, s.want, p.out)
		}
	}
	// Every file removed: the build fails, and the old index answers on.
	os.Remove(filepath.Join(dir, "mill.txt"))
	time.Sleep(3 * time.Second)
	if _, src := askAPI(base, "Who ground the barley?"); src != "mill.txt" {
		t.Errorf("after a failed build, answered from %q, want the old index's mill.txt", src)
	}
	if !strings.Contains(p.out.String(), "still answering from the previous index") {
		t.Errorf("the failed build is not logged:\n%s", p.out)
	}
	close(stop)
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Errorf("%d questions failed while the corpus changed", n)
	}
}

// askAPI asks /api/ask and returns the status and the first answer's file.
func askAPI(base, q string) (int, string) {
	resp, err := http.Get(base + "/api/ask?q=" + url.QueryEscape(q))
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	var out struct {
		Results []struct {
			Source string `json:"source"`
		} `json:"results"`
	}
	json.NewDecoder(resp.Body).Decode(&out)
	if len(out.Results) == 0 {
		return resp.StatusCode, ""
	}
	return resp.StatusCode, out.Results[0].Source
}

// waitForAnswer asks until the first answer comes from want (or nothing
// is found, for ""), for at most 15 s, and returns the last file seen.
func waitForAnswer(t *testing.T, base, q, want string) string {
	t.Helper()
	got := "(no answer)"
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if _, got = askAPI(base, q); got == want {
			return got
		}
	}
	return fmt.Sprint(got)
}
