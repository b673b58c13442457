package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/record/sqlite"
)

func TestRegister(t *testing.T) {
	const token = "register-token"
	fake := discordtest.New(t, token)
	env := map[string]string{"DISCORD_TOKEN": token, "DISCORD_API_URL": fake.APIURL()}
	out, errOut, code := lecternEnv(t, env, "", "register", "--guild", fake.GuildID)
	if code != 0 {
		t.Fatalf("register: exit %d: %s", code, errOut)
	}
	if n := len(fake.Commands(fake.GuildID)); n == 0 || !strings.Contains(out, "registered") || !strings.Contains(out, "integration_type=1") {
		t.Errorf("register: %d commands; said %q", n, out)
	}
	if _, _, code := lecternEnv(t, env, "", "register", "--guild", fake.GuildID, "--clear"); code != 0 {
		t.Fatalf("register --clear: exit %d", code)
	}
	if n := len(fake.Commands(fake.GuildID)); n != 0 {
		t.Errorf("%d commands left after --clear", n)
	}
	_, errOut, code = lecternEnv(t, map[string]string{"DISCORD_API_URL": fake.APIURL()}, "", "register")
	if code != 1 || !strings.Contains(errOut, "DISCORD_TOKEN") {
		t.Errorf("register without a token: exit %d, %q", code, errOut)
	}
}

// TestReportAndEval records questions as the bot does, reads them back
// with report, writes them as a question file with report --tsv, and
// checks that eval skips the questions still without gold lines and
// scores those with them.
func TestReportAndEval(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"LECTERN_DATA_DIR": data}
	_, errOut, code := lecternEnv(t, env, "", "report")
	if code != 1 || !strings.Contains(errOut, "no record of questions") {
		t.Errorf("report without a record: exit %d, %q", code, errOut)
	}
	db, _, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	asked := func(q, source string, start, end, results int) int64 {
		id, err := db.Asked(ctx, record.Question{At: time.Now(), User: "555", Command: "ask", Query: q, Source: source, Start: start, End: end, Results: results})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	asked("Why did Lenin want peace?", "interview.txt", 351, 353, 3)
	asked("why did lenin want peace?", "interview.txt", 351, 353, 3)
	asked("Who won the 1954 World Cup?", "", 0, 0, 0)
	down := asked("What was War Communism?", "interview.txt", 400, 402, 3)
	if err := db.Rated(ctx, down, "777", false); err != nil {
		t.Fatal(err)
	}
	db.Close()

	out, errOut, code := lecternEnv(t, env, "", "report")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"4 questions recorded", "2× why did lenin want peace?", "Found nothing:\n     1× Who won the 1954 World Cup?", "Marked 👎:\n     1× What was War Communism?  → interview.txt 400–402  (👍 0, 👎 1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	tsv, _, code := lecternEnv(t, env, "", "report", "--tsv")
	if code != 0 {
		t.Fatalf("report --tsv: exit %d", code)
	}
	file := filepath.Join(t.TempDir(), "asked.tsv")
	if err := os.WriteFile(file, []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = lecternEnv(t, env, "", "eval", file)
	if code != 1 || !strings.Contains(errOut, "no question in") {
		t.Errorf("eval before gold lines: exit %d, %q", code, errOut)
	}
	filled := strings.Replace(tsv, "why did lenin want peace?\t", "why did lenin want peace?\t351-356", 1)
	if err := os.WriteFile(file, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = lecternEnv(t, env, "", "eval", file)
	if code != 0 || !strings.Contains(out, "questions 1 ") || !strings.Contains(errOut, "2 questions have no gold lines yet") {
		t.Errorf("eval with one gold line: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestEvalFromRecord measures the questions an owner marked on /admin,
// as the Quality page does, and keeps the run in the record.
func TestEvalFromRecord(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"LECTERN_DATA_DIR": data}
	db, _, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, m := range []record.Mark{
		{Source: "interview.txt", Start: 321, End: 325},
		{NotInText: true},
	} {
		id, err := db.Asked(ctx, record.Question{At: time.Now(), User: "555", Command: "ask", Query: "Why did the Bolsheviks dissolve the Constituent Assembly?"})
		if err != nil {
			t.Fatal(err)
		}
		m.QuestionID, m.At = id, time.Now()
		if err := db.SetMark(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if _, errOut, code := lecternEnv(t, env, "", "eval", "--from-record", "x.tsv"); code != 2 || !strings.Contains(errOut, "not both") {
		t.Errorf("eval --from-record with a file: exit %d, %q", code, errOut)
	}
	out, errOut, code := lecternEnv(t, env, "", "eval", "--from-record")
	if code != 0 || !strings.Contains(out, "questions 1  hit@1 1.000") {
		t.Fatalf("eval --from-record: exit %d\n%s\n%s", code, out, errOut)
	}
	db, _, err = sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if runs, err := db.Runs(ctx); err != nil || len(runs) != 1 || runs[0].HitAt1 != 1 {
		t.Errorf("runs kept: %+v (%v), want one with hit@1 1", runs, err)
	}
}
