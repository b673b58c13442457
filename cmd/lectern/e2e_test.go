package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	buildOut  []byte
)

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

// TestBinaryAgainstFakeDiscord starts the real lectern binary with its
// settings in the environment, as a self-hoster would, against the fake
// Discord, and checks that it registers its commands, answers /ask, logs
// its ready line without the token, and stops cleanly on SIGTERM.
func TestBinaryAgainstFakeDiscord(t *testing.T) {
	const token = "MTA0.secret.token-for-the-test"
	fake := discordtest.New(t, token)
	cmd := exec.Command(binary(t), "run")
	cmd.Dir = t.TempDir() // no .env there
	cmd.Env = []string{
		"DISCORD_TOKEN=" + token,
		"DISCORD_GUILD_ID=" + fake.GuildID,
		"DISCORD_API_URL=" + fake.APIURL(),
		"HOME=" + t.TempDir(),
		"PATH=" + os.Getenv("PATH"),
	}
	var stderr syncBuffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-done
		}
	})

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := fake.WaitFor(ctx, "commands"); err != nil {
		t.Fatalf("%v; lectern said:\n%s", err, stderr.String())
	}
	if n := len(fake.Commands(fake.GuildID)); n != 5 {
		t.Errorf("%d commands registered in the guild, want 5", n)
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

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("lectern exited with %v after SIGTERM; output:\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("lectern did not stop within 10 s of SIGTERM")
	}
	logs := stderr.String()
	if !strings.Contains(logs, "msg=ready") || !strings.Contains(logs, "client_id="+fake.AppID) || !strings.Contains(logs, "scope=bot+applications.commands") {
		t.Errorf("no ready line with the invite URL in:\n%s", logs)
	}
	if strings.Contains(logs, token) || strings.Contains(logs, "secret.token") {
		t.Errorf("the logs show the token:\n%s", logs)
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
