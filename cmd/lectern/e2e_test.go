package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/testbooks"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	buildOut  []byte
)

// TestMain removes the binary the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// binary builds the lectern command once per test run.
func binary(tb testing.TB) string {
	tb.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lectern-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "lectern")
		buildOut, buildErr = exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	})
	if buildErr != nil {
		tb.Fatalf("go build: %v\n%s", buildErr, buildOut)
	}
	return binPath
}

// syncBuffer is a bytes.Buffer safe to read while a process writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// process is the lectern binary running with an environment.
type process struct {
	cmd  *exec.Cmd
	out  *syncBuffer // stdout and stderr
	done chan error
}

// startBinary starts the binary with env (PATH and a HOME are added).
func startBinary(t testing.TB, env []string, args ...string) *process {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = t.TempDir() // no .env there
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	p := &process{cmd: cmd, out: &syncBuffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// testToken is the bot token of the e2e tests' fake Discord.
const testToken = "MTA0.secret.token-for-the-test"

// startRun starts `lectern run` with args against fake, whose token is
// testToken, and waits until the bot is connected.
func startRun(t *testing.T, fake *discordtest.Server, env []string, args ...string) *process {
	t.Helper()
	p := startBinary(t, append([]string{
		"DISCORD_TOKEN=" + testToken,
		"DISCORD_GUILD_ID=" + fake.GuildID,
		"DISCORD_API_URL=" + fake.APIURL(),
	}, env...), append([]string{"run"}, args...)...)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := fake.WaitFor(ctx, "ready"); err != nil {
		t.Fatalf("%v; lectern said:\n%s", err, p.out)
	}
	return p
}

// stop sends SIGTERM and waits for the exit.
func (p *process) stop(t *testing.T) error {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	return p.wait(t, 15*time.Second)
}

func (p *process) wait(t *testing.T, within time.Duration) error {
	t.Helper()
	select {
	case err := <-p.done:
		return err
	case <-time.After(within):
		t.Fatalf("lectern did not exit within %s; it said:\n%s", within, p.out)
		return nil
	}
}

// TestBinaryAgainstFakeDiscord starts the real lectern binary with its
// settings in the environment, as a self-hoster would, against the fake
// Discord, and checks that it registers its commands, answers /ask, logs
// its invite links without the token, and stops cleanly on SIGTERM.
func TestBinaryAgainstFakeDiscord(t *testing.T) {
	fake := discordtest.New(t, testToken)
	addr := freeAddr(t)
	p := startRun(t, fake, []string{"LECTERN_DATA_DIR=" + t.TempDir()}, "--addr", addr)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if got, want := len(fake.Commands(fake.GuildID)), len(bot.Commands()); got != want {
		t.Errorf("%d commands registered in the guild, want %d", got, want)
	}
	in, err := fake.Command("555000000000000001", "ask", discordtest.String("question", "Why did the Bolsheviks dissolve the Constituent Assembly?"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := in.Response(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Footer.Text, "interview.txt · lines 321–325") {
		t.Errorf("answer %+v, want the Constituent Assembly quote", r.Data)
	}
	// run --addr serves what an operator watches. The bot counts an
	// interaction once its answer is sent, a moment after Discord has it.
	waitHealthy(t, "http://"+addr, p)
	counted := []byte(`lectern_interactions_total{command="ask",outcome="answered"} 1`)
	var metrics []byte
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		metrics, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if bytes.Contains(metrics, counted) {
			break
		}
	}
	if !bytes.Contains(metrics, counted) {
		t.Errorf("/metrics does not count the answer:\n%s", metrics)
	}
	if err := p.stop(t); err != nil {
		t.Errorf("lectern exited with %v after SIGTERM; output:\n%s", err, p.out)
	}
	logs := p.out.String()
	if !strings.Contains(logs, "msg=ready") || !strings.Contains(logs, "client_id="+fake.AppID) || !strings.Contains(logs, "integration_type=1") {
		t.Errorf("no ready line and invite links in:\n%s", logs)
	}
	if strings.Contains(logs, testToken) || strings.Contains(logs, "secret.token") {
		t.Errorf("the logs show the token:\n%s", logs)
	}
}

// TestBinaryExitsWhenTheTokenIsRevoked: a process whose token is reset
// while it runs exits 1 with a clear message, so that a supervisor sees it.
func TestBinaryExitsWhenTheTokenIsRevoked(t *testing.T) {
	const token = "MTA0.secret.revoked-later"
	fake := discordtest.New(t, token)
	p := startBinary(t, []string{"DISCORD_TOKEN=" + token, "DISCORD_API_URL=" + fake.APIURL(), "LECTERN_RECORD=off"}, "run")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := fake.WaitFor(ctx, "ready"); err != nil {
		t.Fatalf("%v; lectern said:\n%s", err, p.out)
	}
	fake.RevokeToken()
	err := p.wait(t, 15*time.Second)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit %v, want status 1; output:\n%s", err, p.out)
	}
	if out := p.out.String(); !strings.Contains(out, "4004") || !strings.Contains(out, "DISCORD_TOKEN") || strings.Contains(out, token) {
		t.Errorf("output does not explain the revoked token (or shows it):\n%s", out)
	}
}

func TestBinaryBadToken(t *testing.T) {
	fake := discordtest.New(t, "the-real-token")
	cmd := exec.Command(binary(t), "run")
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"DISCORD_TOKEN=a-wrong-token", "DISCORD_API_URL=" + fake.APIURL(), "HOME=" + t.TempDir()}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit %v, want status 1; output:\n%s", err, out)
	}
	if !strings.Contains(string(out), "Discord rejected the bot token") || strings.Contains(string(out), "a-wrong-token") {
		t.Errorf("output %q, want a clear message without the token", out)
	}
}

// BenchmarkProcessAsk times `lectern ask` on the embedded interview from
// process start to the first answer printed.
func BenchmarkProcessAsk(b *testing.B) {
	bin := binary(b)
	home := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "ask", "-k", "1", "Why did the Bolsheviks dissolve the Constituent Assembly?")
		cmd.Env = []string{"HOME=" + home}
		out, err := cmd.Output()
		if err != nil || !bytes.Contains(out, []byte("lines 321–325")) {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// BenchmarkProcessIndex times `lectern index` building War and Peace from
// nothing: process start, reading, parsing, analysing, indexing and
// writing the cache, to exit.
func BenchmarkProcessIndex(b *testing.B) {
	bin := binary(b)
	book := testsupport.SharedCorpus(b, "war-and-peace.txt")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "index", "--corpus", book, "--index-dir", b.TempDir())
		cmd.Env = []string{"HOME=" + b.TempDir()}
		if out, err := cmd.CombinedOutput(); err != nil || !bytes.Contains(out, []byte("indexed 1 file(s)")) {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// BenchmarkProcessIndexPDF times `lectern index` of a 500-page PDF (the
// start of War and Peace laid out as a book), whole process: the first
// time, when PDFium's code is compiled and kept in the index directory,
// and after, when it is read back; and of the same text as a .txt file.
func BenchmarkProcessIndexPDF(b *testing.B) {
	bin := binary(b)
	pdf, text := testbooks.Pages(b, testsupport.SharedCorpus(b, "war-and-peace.txt"), 500)
	dir := b.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		return p
	}
	book, txt := write("book.pdf", pdf), write("book.txt", text)
	index := func(b *testing.B, path, indexDir string) {
		cmd := exec.Command(bin, "index", "--corpus", path, "--index-dir", indexDir)
		cmd.Env = []string{"HOME=" + b.TempDir()}
		if out, err := cmd.CombinedOutput(); err != nil || !bytes.Contains(out, []byte("indexed 1 file(s)")) {
			b.Fatalf("%v: %s", err, out)
		}
		if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			b.ReportMetric(float64(u.Maxrss)/1024, "peak-MB") // Linux reports kilobytes
		}
	}
	b.Run("pdf, first run", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			index(b, book, b.TempDir())
		}
	})
	b.Run("pdf, engine compiled", func(b *testing.B) {
		shared := b.TempDir()
		index(b, book, shared) // compiles PDFium into shared/pdfium
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			copied := write(fmt.Sprintf("book-%d.pdf", i), pdf) // a new file: its index is built
			b.StartTimer()
			index(b, copied, shared)
		}
	})
	b.Run("text", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			index(b, txt, b.TempDir())
		}
	})
}

// BenchmarkProcessAskWarAndPeace times `lectern ask` on War and Peace once
// its index is cached, from process start to the answer printed.
func BenchmarkProcessAskWarAndPeace(b *testing.B) {
	bin := binary(b)
	book := testsupport.SharedCorpus(b, "war-and-peace.txt")
	cache := b.TempDir()
	if out, err := exec.Command(bin, "index", "--corpus", book, "--index-dir", cache).CombinedOutput(); err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "ask", "--corpus", book, "--index-dir", cache, "-k", "1", "How did Petya Rostov die?")
		cmd.Env = []string{"HOME=" + b.TempDir()}
		if out, err := cmd.CombinedOutput(); err != nil || !bytes.Contains(out, []byte("war-and-peace.txt")) {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// TestRunStopsTheWebServerBeforeClosingTheIndex revokes the token of a
// `run --addr` that is answering a steady stream of API requests: the
// process exits 1 with the reason and what to change, said once, and no
// request in flight fails because the index closed under it.
func TestRunStopsTheWebServerBeforeClosingTheIndex(t *testing.T) {
	fake := discordtest.New(t, testToken)
	addr := freeAddr(t)
	p := startRun(t, fake, []string{"LECTERN_RECORD=off"}, "--addr", addr)
	waitHealthy(t, "http://"+addr, p)
	var mu sync.Mutex
	statuses := map[int]int{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get("http://" + addr + "/api/ask?q=Why+did+Lenin+want+peace%3F")
				if err != nil {
					continue // refused once the server has stopped listening
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				statuses[resp.StatusCode]++
				mu.Unlock()
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	fake.RevokeToken()
	err := p.wait(t, 20*time.Second)
	close(stop)
	wg.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit %v after the token was revoked, want status 1", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if statuses[http.StatusOK] == 0 || len(statuses) != 1 {
		t.Errorf("API statuses while stopping %v, want only 200s", statuses)
	}
	out := p.out.String()
	reason := "the bot token was reset or revoked); put the new token in DISCORD_TOKEN"
	if n := strings.Count(out, "reset or revoked"); n != 1 || !strings.Contains(out, reason) {
		t.Errorf("the reason is said %d times, want once with %q:\n%s", n, reason, out)
	}
}
