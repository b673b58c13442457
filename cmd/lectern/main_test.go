package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// lectern runs the command in-process with an empty environment (but a
// HOME under the test's temporary directory) and returns its output and
// exit status.
func lectern(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return lecternEnv(t, nil, stdin, args...)
}

// lecternEnv is lectern with settings in the environment.
func lecternEnv(t *testing.T, env map[string]string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, ".cache")) // os.UserCacheDir
	getenv := func(k string) string {
		if k == "HOME" {
			return home
		}
		return env[k]
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errOut)
	code = exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

func TestAskOutputGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"ask", []string{"ask", "Why did the Bolsheviks dissolve the Constituent Assembly?"}},
		{"ask-json", []string{"ask", "--json", "-k", "2", "How much farmland did Russia lose?"}},
		{"quote", []string{"quote", "-k", "1", "peace of shame"}},
		{"quote-not-word-for-word", []string{"quote", "-k", "1", "Lenin signed a shameful treaty with the Kaiser"}},
		{"sections", []string{"sections"}},
		{"ask-two-questions", []string{"ask", "-k", "2", "Why did the Bolsheviks dissolve the Constituent Assembly? What was War Communism?"}},
		{"ask-who-wrote-it", []string{"ask", "-k", "1", "Who wrote this?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := lectern(t, "", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			testsupport.Golden(t, filepath.Join("testdata", tt.name+".golden"), []byte(out))
		})
	}
}

func TestJSONShape(t *testing.T) {
	out, _, code := lectern(t, "", "ask", "--json", "What were the Kronstadt sailors protesting?")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Query   string `json:"query"`
		Results []struct {
			Rank  int     `json:"rank"`
			Score float64 `json:"score"`
			Quote struct {
				Text      string `json:"text"`
				StartLine int    `json:"start_line"`
				EndLine   int    `json:"end_line"`
			} `json:"quote"`
			Passage struct {
				Text      string `json:"text"`
				StartLine int    `json:"start_line"`
				EndLine   int    `json:"end_line"`
			} `json:"passage"`
			Section struct {
				Number int    `json:"number"`
				Title  string `json:"title"`
			} `json:"section"`
			Page     int `json:"page"`
			Location struct {
				Kind      string `json:"kind"`
				StartLine int    `json:"start_line"`
				EndLine   int    `json:"end_line"`
				Page      int    `json:"page"`
				LastPage  int    `json:"last_page"`
			} `json:"location"`
			Speaker string `json:"speaker"`
			Source  string `json:"source"`
		} `json:"results"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Query == "" || len(got.Results) != 3 {
		t.Fatalf("query %q with %d results, want 3", got.Query, len(got.Results))
	}
	r := got.Results[0]
	if r.Rank != 1 || r.Score <= 0 || r.Quote.Text == "" || r.Quote.StartLine < r.Passage.StartLine || r.Quote.EndLine > r.Passage.EndLine || r.Section.Number == 0 || r.Page == 0 || r.Source != "interview.txt" ||
		r.Location.Kind != "lines" || r.Location.StartLine != r.Quote.StartLine || r.Location.Page != r.Page || r.Speaker != "Suzi Weissman" {
		t.Errorf("first result %+v", r)
	}
}

func TestBatchMode(t *testing.T) {
	in := "What happened to money under War Communism?\n\n   \npeace of shame\n"
	out, _, code := lectern(t, in, "ask", "--json", "-k", "1")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("exit %d, %d lines, want 2 JSON lines:\n%s", code, len(lines), out)
	}
	for i, want := range []string{"War Communism", "peace of shame"} {
		var a struct{ Query string }
		if err := json.Unmarshal([]byte(lines[i]), &a); err != nil || !strings.Contains(a.Query, want) {
			t.Errorf("line %d: %q (%v), want the query %q", i+1, lines[i], err, want)
		}
	}
	out, _, _ = lectern(t, "Kronstadt\npeace of shame\n", "quote", "-k", "1")
	if strings.Count(out, "\n> ") != 1 || !strings.HasPrefix(out, "> Kronstadt") {
		t.Errorf("human batch output does not head each answer with its query:\n%s", out)
	}
}

func TestExitCodesAndErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	bin := filepath.Join(dir, "bin.txt")
	os.WriteFile(bin, []byte{0, 1, 2, 3, 4}, 0o644)
	badEnv := filepath.Join(dir, "bad.env")
	os.WriteFile(badEnv, []byte("LECTERN_RESULTS='oops\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // the one-line message contains this
		stdout string
	}{
		{"no command", nil, 2, "no command given", ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`, ""},
		{"unknown flag", []string{"ask", "--colour", "x"}, 2, "flag provided but not defined", ""},
		{"bad k", []string{"ask", "-k", "0", "x"}, 2, "-k: \"0\" must be a whole number from 1 to 10", ""},
		{"missing corpus named by the flag", []string{"ask", "--corpus", "/no/such/book.txt", "x"}, 2, "--corpus: /no/such/book.txt does not exist", ""},
		{"help for a command lists its flags", []string{"help", "ask"}, 0, "", "-index-dir directory"},
		{"command help flag", []string{"sections", "-h"}, 0, "", "Usage: lectern sections [flags]"},
		{"k not a number", []string{"ask", "-k", "many", "x"}, 2, "-k: \"many\" must be a whole number from 1 to 10", ""},
		{"empty corpus", []string{"ask", "--corpus", empty, "x"}, 1, "empty.txt: file is empty", ""},
		{"binary corpus", []string{"quote", "--corpus", bin, "x"}, 1, "bin.txt: file looks binary", ""},
		{"broken env file", []string{"ask", "--env-file", badEnv, "x"}, 1, "bad.env: cannot parse", ""},
		{"missing env file", []string{"ask", "--env-file", filepath.Join(dir, "none.env"), "x"}, 1, "does not exist", ""},
		{"nothing found", []string{"ask", "what is it?"}, 0, "", "Nothing found"},
		{"a long question is echoed clipped", []string{"ask", strings.Repeat("zzyzx ", 100)}, 0, "", `zzyzx…". Try`},
		{"run without token", []string{"run"}, 1, "DISCORD_TOKEN: not set", ""},
		{"check without token", []string{"check"}, 1, "DISCORD_TOKEN: not set", "DISCORD_TOKEN=(not set)"},
		{"eval needs a file", []string{"eval"}, 2, "give one QUESTIONS.tsv", ""},
		{"index needs a corpus", []string{"index"}, 2, "name a book with --corpus", ""},
		{"sections takes no args", []string{"sections", "x"}, 2, "takes no arguments", ""},
		{"help", []string{"help"}, 0, "", "lectern ask [flags] [QUESTION]"},
		{"version", []string{"version"}, 0, "", "lectern "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := lectern(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if tt.stderr != "" && !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.stderr)
			}
			if tt.stdout != "" && !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q, want it to contain %q", out, tt.stdout)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic") {
				t.Errorf("stderr shows a trace: %s", errOut)
			}
		})
	}
}

func TestIndexAndEvalOnABook(t *testing.T) {
	book := testsupport.SharedCorpus(t, "ten-days-that-shook-the-world.txt")
	cache := t.TempDir()
	out, errOut, code := lectern(t, "", "index", "--corpus", book, "--index-dir", cache)
	if code != 0 || !strings.Contains(out, "\nindexed 1 file(s) in ") || !strings.Contains(out, "left out: lines 1–27 Project Gutenberg header") || !strings.Contains(errOut, "indexing: 100%") {
		t.Fatalf("first index: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = lectern(t, "", "index", "--corpus", book, "--index-dir", cache)
	if code != 0 || !strings.Contains(out, "\nindex is up to date: ") {
		t.Errorf("second index: exit %d, %q", code, out)
	}
	out, _, code = lectern(t, "", "ask", "--corpus", book, "--index-dir", cache, "-k", "1", "What was the Vikzhel?")
	if code != 0 || !strings.Contains(out, "(ten-days-that-shook-the-world.txt)") {
		t.Errorf("ask on the book: exit %d, %q", code, out)
	}
	qs := filepath.Join(t.TempDir(), "qs.tsv")
	os.WriteFile(qs, []byte("What was the Vikzhel?\t600-601\nHow did Kerensky escape from Gatchina?\t9244-9246\n"), 0o644)
	out, errOut, code = lectern(t, "", "eval", "--corpus", book, "--index-dir", cache, qs)
	if code != 0 || !strings.Contains(out, "questions 2  hit@1") {
		t.Errorf("eval: exit %d, %q %q", code, out, errOut)
	}
}

func TestUnwritableCacheFallsBackToMemory(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.md")
	os.WriteFile(book, []byte("# Lighthouses\n\nThe keeper counted gulls every morning.\n"), 0o644)
	blocker := filepath.Join(dir, "file-not-dir")
	os.WriteFile(blocker, nil, 0o644)
	out, errOut, code := lectern(t, "", "ask", "--corpus", book, "--index-dir", filepath.Join(blocker, "cache"), "-k", "1", "Who counted gulls?")
	if code != 0 || !strings.Contains(out, "The keeper counted gulls") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want the answer from an in-memory index", code, out, errOut)
	}
	if !strings.Contains(errOut, "index cache unavailable") {
		t.Errorf("stderr %q, want a warning about the cache", errOut)
	}
}

func TestSectionsOfABook(t *testing.T) {
	out, _, code := lectern(t, "", "sections", "--corpus", testsupport.SharedCorpus(t, "war-and-peace.txt"))
	if code != 0 || !strings.Contains(out, "BOOK ONE: 1805 · CHAPTER I ") || !strings.Contains(out, "SECOND EPILOGUE · CHAPTER XII") {
		t.Errorf("exit %d, sections:\n%.2000s", code, out)
	}
}

// TestSectionsClipsLongTitles: one long title does not widen every line
// of the table of contents; --json keeps it whole.
func TestSectionsClipsLongTitles(t *testing.T) {
	long := strings.Repeat("A very long marginal heading ", 8)
	path := filepath.Join(t.TempDir(), "notes.md")
	text := "# Short\n\nSome text here.\n\n# " + long + "\n\nMore text here.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := lectern(t, "", "sections", "--corpus", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if n := utf8.RuneCountInString(line); n > sectionTitleWidth+30 {
			t.Errorf("a line of %d characters, want at most %d: %q", n, sectionTitleWidth+30, line)
		}
	}
	if !strings.Contains(out, "…") {
		t.Errorf("sections:\n%s\nwant the long title clipped with …", out)
	}
	js, _, _ := lectern(t, "", "sections", "--json", "--corpus", path)
	if !strings.Contains(js, strings.TrimSpace(long)) {
		t.Errorf("--json lost the whole title:\n%s", js)
	}
}

func TestProgress(t *testing.T) {
	var term, plain bytes.Buffer
	bar, lines := newProgress(&term, true), newProgress(&plain, false)
	for _, done := range []int{0, 10, 30, 55, 80, 100} {
		bar(done, 100)
		lines(done, 100)
	}
	if !strings.Contains(term.String(), "\rindexing [==============================] 100%\n") {
		t.Errorf("terminal progress %q, want a bar redrawn in place ending at 100%%", term.String())
	}
	if got := strings.Count(plain.String(), "\n"); got != 5 || strings.Contains(plain.String(), "\r") {
		t.Errorf("plain progress printed %d lines %q, want one per quarter (5) and no carriage returns", got, plain.String())
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string // what follows the error's own message
	}{
		{"bad token", fmt.Errorf("registering commands: %w", bot.ErrBadToken), "; check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token)"},
		{"token revoked", &bot.FatalCloseError{Code: 4004}, "; put the new token in DISCORD_TOKEN"},
		{"invalid shard", &bot.FatalCloseError{Code: 4010}, "; DISCORD_SHARD_ID must be below DISCORD_SHARD_COUNT"},
		{"sharding required", &bot.FatalCloseError{Code: 4011}, "; set DISCORD_SHARD_COUNT=auto"},
		{"no setting to change", &bot.FatalCloseError{Code: 4014}, ""},
		{"another error", errors.New("disk full"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := explain(tt.err), tt.err.Error()+tt.want; got != want {
				t.Errorf("explain = %q, want %q", got, want)
			}
		})
	}
}

// TestLogLevel: commands that print answers log only warnings by default,
// and what LECTERN_LOG_LEVEL asks for when it is set.
func TestLogLevel(t *testing.T) {
	book := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(book, []byte("Notes\n\nThe soviets were councils of workers.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		level  string
		logged bool // the build of the index is logged at info
	}{
		{"default", "", false},
		{"info", "info", true},
		{"debug", "debug", true},
		{"error", "error", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"LECTERN_INDEX_DIR": t.TempDir()}
			if tt.level != "" {
				env["LECTERN_LOG_LEVEL"] = tt.level
			}
			_, errOut, code := lecternEnv(t, env, "", "ask", "--corpus", book, "What were the soviets?")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if got := strings.Contains(errOut, "indexed corpus"); got != tt.logged {
				t.Errorf("LECTERN_LOG_LEVEL=%q: logged the build %v, want %v; stderr %q", tt.level, got, tt.logged, errOut)
			}
		})
	}
}

// TestComposeLetsServeStop: docker compose must wait for serve to stop
// before killing it: the web server's requests (ShutdownTimeout), then
// the bot's answers (ShutdownTimeout, and 5 s for apologies).
func TestComposeLetsServeStop(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(testsupport.ModuleRoot(t), "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s+stop_grace_period:\s*(\S+)\s*$`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("docker-compose.yml sets no stop_grace_period; Docker would kill serve after 10 s")
	}
	grace, err := time.ParseDuration(string(m[1]))
	if err != nil {
		t.Fatalf("stop_grace_period %q: %v", m[1], err)
	}
	if need := 2*config.ShutdownTimeout + 5*time.Second; grace < need {
		t.Errorf("stop_grace_period %s, want at least %s", grace, need)
	}
}
