package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/pgtest"
)

// TestReplicasShareTheRecord runs two `serve` processes on one
// PostgreSQL database, as two hosts would: a reader's cooldown started on
// one holds on the other, a rating given through the other lands on the
// question the first recorded, and `lectern report` reads it all.
func TestReplicasShareTheRecord(t *testing.T) {
	pg := pgtest.Start(t)
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	fake := discordtest.New(t, "no-token-needed")
	cache := t.TempDir()
	var bases []string
	for range 2 {
		addr := freeAddr(t)
		p := startBinary(t, []string{
			"DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub),
			"DISCORD_API_URL=" + fake.APIURL(),
			"LECTERN_INDEX_DIR=" + cache,
			"LECTERN_DATABASE_URL=" + pg.URL,
			"LECTERN_COOLDOWN=1m",
			"LECTERN_ADDR=" + addr,
		}, "serve")
		waitHealthy(t, "http://"+addr, p)
		bases = append(bases, "http://"+addr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	const reader = "555000000000000007"
	ask := func(base, question string) *discordtest.Message {
		t.Helper()
		fake.UseEndpoint(base+"/interactions", priv)
		in, err := fake.Command(reader, "ask", discordtest.String("question", question))
		if err != nil {
			t.Fatal(err)
		}
		m, err := in.Original(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	first := ask(bases[0], "Why did Lenin want peace?")
	if len(first.Embeds) == 0 {
		t.Fatalf("the first replica did not answer: %+v", first)
	}
	if second := ask(bases[1], "What was War Communism?"); !strings.Contains(second.Content, "Slow down") {
		t.Errorf("the second replica answered within the reader's cooldown: %q", second.Content)
	}

	fake.UseEndpoint(bases[1]+"/interactions", priv)
	var up string
	for _, row := range first.Components {
		for _, c := range row.Components {
			if c.Label == "👍" {
				up = c.CustomID
			}
		}
	}
	in, err := fake.Click(reader, first, up)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Response(ctx); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := lecternEnv(t, map[string]string{"LECTERN_DATABASE_URL": pg.URL}, "", "report")
	if code != 0 || !strings.Contains(out, "Why did Lenin want peace?") || !strings.Contains(out, "👍 1, 👎 0") {
		t.Errorf("report from the shared record: exit %d\n%s\n%s", code, out, errOut)
	}
}
