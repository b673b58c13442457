package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/questiongen"
)

// freeAddr returns a local address nothing listens on.
func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// waitHealthy polls /healthz until it answers 200.
func waitHealthy(t testing.TB, base string, p *process) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s/healthz never answered 200; lectern said:\n%s", base, p.out)
}

// largeCorpus writes the interview and enough other text beside it
// (over 1 MB in all) that the bot defers its answers and edits them in.
func largeCorpus(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "interview.txt"), corpus.DefaultText(), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("The Mill on the River\n\n")
	for ch := 1; b.Len() < 1<<20+1<<17; ch++ {
		fmt.Fprintf(&b, "CHAPTER %d\n\n", ch)
		for p := range 20 {
			fmt.Fprintf(&b, "In the year %d the miller of parish %d counted %d sacks of grain by the river. "+
				"His daughter kept ledger number %d and wrote of the weather, the barges and the tolls of bridge %d.\n\n", 1700+ch, p, ch*p, ch, p+ch)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "mill.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestServe starts the binary with serve and a generated key pair, and
// has the fake Discord deliver signed interactions to it: PING, /ask
// (deferred, then edited through the webhook route), autocomplete, ◀ ▶
// and Context. The API answers as the command line does, /metrics
// counts, and SIGTERM ends it with status 0.
func TestServe(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	fake := discordtest.New(t, "no-token-needed")
	dir := largeCorpus(t)
	cache := t.TempDir()
	addr := freeAddr(t)
	base := "http://" + addr
	p := startBinary(t, []string{
		"DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub),
		"DISCORD_API_URL=" + fake.APIURL(),
		"LECTERN_CORPUS=" + dir,
		"LECTERN_INDEX_DIR=" + cache,
		"LECTERN_DATA_DIR=" + t.TempDir(),
		"LECTERN_PUBLIC_URL=https://lectern.example.org",
		"LECTERN_ADDR=" + addr,
	}, "serve")
	waitHealthy(t, base, p)
	fake.UseEndpoint(base+"/interactions", priv)

	if status, body, err := fake.Ping(); err != nil || status != 200 || strings.TrimSpace(string(body)) != `{"type":1}` {
		t.Fatalf("PING: %d %s %v", status, body, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	question := "Why did the Bolsheviks dissolve the Constituent Assembly?"
	in, err := fake.Command("555000000000000001", "ask", discordtest.String("question", question))
	if err != nil {
		t.Fatal(err)
	}
	r, err := in.Response(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != 5 {
		t.Errorf("a search of a corpus over 1 MB answered with type %d, want 5 (deferred)", r.Type)
	}
	m, err := in.Original(ctx)
	if err != nil {
		t.Fatalf("%v; lectern said:\n%s", err, p.out)
	}
	if len(m.Embeds) != 1 || !strings.HasPrefix(m.Embeds[0].URL, "https://lectern.example.org/text/interview.txt#L") {
		t.Fatalf("answer %+v, want an embed linking the reader", m)
	}
	click := func(label string) *discordtest.Message {
		t.Helper()
		var id string
		for _, row := range m.Components {
			for _, c := range row.Components {
				if c.Label == label {
					id = c.CustomID
				}
			}
		}
		in, err := fake.Click("555000000000000001", m, id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := in.Original(ctx)
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		return got
	}
	if next := click("▶"); !strings.Contains(fmt.Sprint(next.Components), "2/3") {
		t.Errorf("▶ gave %+v", next.Components)
	}
	if c := click("Context"); !c.Ephemeral() || !strings.HasPrefix(c.Embeds[0].Title, "Context") {
		t.Errorf("Context gave %+v", c)
	}
	ac, err := fake.Autocomplete("555000000000000001", "quote", discordtest.Focused(discordtest.String("phrase", "kronst")))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := ac.Response(ctx); err != nil || r.Type != 8 || len(r.Data.Choices) == 0 {
		t.Errorf("autocomplete: %+v %v", r, err)
	}

	// The API answers exactly as `lectern ask --json` prints.
	resp, err := http.Get(base + "/api/ask?q=" + url.QueryEscape(question))
	if err != nil {
		t.Fatal(err)
	}
	api, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	cli := exec.Command(binary(t), "ask", "--json", "--corpus", dir, "--index-dir", cache, question)
	cli.Env = []string{"HOME=" + t.TempDir()}
	want, err := cli.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(api), bytes.TrimSpace(want)) {
		t.Errorf("/api/ask:\n%s\nlectern ask --json:\n%s", api, want)
	}

	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`lectern_interactions_total{command="ask",outcome="answered"} 1`, `lectern_interactions_total{command="button",outcome="answered"} 2`, `lectern_index_files 2`} {
		if !bytes.Contains(metrics, []byte(want)) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if err := p.stop(t); err != nil {
		t.Errorf("serve exited with %v after SIGTERM; output:\n%s", err, p.out)
	}
}

// BenchmarkServeConcurrentAsk sends 200 signed /ask interactions at once
// (distinct questions) to `lectern serve` on the interview and reports
// the time to each HTTP response (Discord allows 3 s), p50 and p99, and
// the throughput.
func BenchmarkServeConcurrentAsk(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	addr := freeAddr(b)
	base := "http://" + addr
	p := startBinary(b, []string{"DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub), "LECTERN_ADDR=" + addr, "LECTERN_RECORD=off"}, "serve")
	waitHealthy(b, base, p)
	c, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	questions := questiongen.Distinct(c, 200*max(b.N, 1), 7)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200}}
	var all []time.Duration
	var elapsed time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var mu sync.Mutex
		var wg sync.WaitGroup
		start := time.Now()
		for j := range 200 {
			q := questions[(i*200+j)%len(questions)]
			wg.Add(1)
			go func() {
				defer wg.Done()
				body, _ := json.Marshal(map[string]any{"id": fmt.Sprint(900000 + i*200 + j), "application_id": "100000000000000001", "type": 2, "token": fmt.Sprintf("tok-%d-%d", i, j), "version": 1,
					"user": map[string]any{"id": "555000000000000001", "username": "bench"},
					"data": map[string]any{"id": "1", "name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": q}}}})
				req, _ := http.NewRequest(http.MethodPost, base+"/interactions", bytes.NewReader(body))
				req.Header = discordtest.Sign(priv, body, time.Now())
				sent := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				took := time.Since(sent)
				if resp.StatusCode != 200 {
					b.Errorf("status %d", resp.StatusCode)
				}
				mu.Lock()
				all = append(all, took)
				mu.Unlock()
			}()
		}
		wg.Wait()
		elapsed += time.Since(start)
	}
	b.StopTimer()
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	if len(all) > 0 {
		b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(len(all))/elapsed.Seconds(), "answers/s")
	}
	p.cmd.Process.Kill()
}
