package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/record"
)

// TestRecordGrowsBoundedPerQuestion asks 2,000 questions and checks that
// the file grows by a bounded amount for each: the row, its indexes and
// nothing that accumulates.
func TestRecordGrowsBoundedPerQuestion(t *testing.T) {
	ctx := context.Background()
	sizeAfter := func(n int) int64 {
		dir := t.TempDir()
		db, _, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			q := question(fmt.Sprintf("Why did the Bolsheviks dissolve the Constituent Assembly, reader %d?", i))
			q.User = fmt.Sprint(100000000000000000 + i)
			if _, err := db.Asked(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		db.Close() // checkpoints the write-ahead log into the file
		var size int64
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(filepath.Join(dir, FileName) + suffix); err == nil {
				size += fi.Size()
			}
		}
		return size
	}
	const n, maxPerQuestion = 2000, 400
	small, large := sizeAfter(10), sizeAfter(10+n)
	per := float64(large-small) / n
	t.Logf("%.0f bytes a question (a 66-character question)", per)
	if per > maxPerQuestion {
		t.Errorf("the record grows %.0f bytes a question, want at most %d", per, maxPerQuestion)
	}
}

func TestOverviewCountsDays(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, t.TempDir())
	today := time.Now().UTC().Truncate(24 * time.Hour).Add(12 * time.Hour)
	for i, q := range []struct {
		daysAgo int
		command string
		results int
		took    time.Duration
	}{
		{0, "ask", 3, 10 * time.Millisecond}, {0, "ask", 0, 30 * time.Millisecond}, {0, "quote", 3, 1000 * time.Millisecond},
		{2, "ask", 3, 20 * time.Millisecond}, {40, "ask", 3, 20 * time.Millisecond},
	} {
		qq := question(fmt.Sprint("question ", i%2))
		qq.At, qq.Command, qq.Results, qq.Took = today.AddDate(0, 0, -q.daysAgo), q.command, q.results, q.took
		if _, err := db.Asked(ctx, qq); err != nil {
			t.Fatal(err)
		}
	}
	o, err := db.Overview(ctx, today.AddDate(0, 0, -6), today, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Days) != 7 {
		t.Fatalf("got %d days, want 7", len(o.Days))
	}
	last := o.Days[6]
	if last.Questions() != 3 || last.ByCommand["quote"] != 1 || last.Nothing != 1 || last.P50 != 30*time.Millisecond || last.P95 != time.Second {
		t.Errorf("today: %+v, want 3 questions (1 quote), 1 found nothing, p50 30ms, p95 1s", last)
	}
	if got := o.Days[4].Questions(); got != 1 {
		t.Errorf("two days ago: %d questions, want 1", got)
	}
	total := 0
	for _, a := range o.MostAsked {
		total += a.Times
	}
	if total != 4 {
		t.Errorf("most asked count %d questions in the week, want 4 (the one 40 days ago is outside)", total)
	}
}

func TestMarksAndRuns(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, t.TempDir())
	id, err := db.Asked(ctx, question("What was War Communism?"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetMark(ctx, record.Mark{QuestionID: id + 100, NotInText: true, At: time.Now()}); err != record.ErrUnknownQuestion {
		t.Errorf("marking an unknown question: %v, want ErrUnknownQuestion", err)
	}
	for _, m := range []record.Mark{{QuestionID: id, NotInText: true}, {QuestionID: id, Source: "interview.txt", Start: 400, End: 402}} {
		m.At = time.Now()
		if err := db.SetMark(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	marks, err := db.Marks(ctx)
	if err != nil || len(marks) != 1 || marks[0].NotInText || marks[0].Start != 400 || marks[0].Query != "What was War Communism?" {
		t.Errorf("marks %+v (%v): want the second mark replacing the first", marks, err)
	}
	run := record.Run{At: time.Now(), Version: "v1", Questions: 1, HitAt1: 1, HitAt3: 1, MRR: 1, Misses: []string{"a", "b"}}
	if _, err := db.AddRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	runs, err := db.Runs(ctx)
	if err != nil || len(runs) != 1 || runs[0].Version != "v1" || len(runs[0].Misses) != 2 {
		t.Errorf("runs %+v (%v)", runs, err)
	}
}

// TestOlderRecordIsUpgraded opens a record written before query keys and
// daily tables, and checks that the overview counts its questions.
func TestOlderRecordIsUpgraded(t *testing.T) {
	dir := t.TempDir()
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	const older = `
CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user_hash TEXT NOT NULL, command TEXT NOT NULL,
	query TEXT NOT NULL, source TEXT NOT NULL, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL,
	results INTEGER NOT NULL, took_ms INTEGER NOT NULL);
INSERT INTO questions (at, user_hash, command, query, source, start_line, end_line, results, took_ms) VALUES
	(?, 'h1', 'ask', 'Why peace?', '', 0, 0, 0, 40),
	(?, 'h2', 'ask', '  why PEACE?', 'interview.txt', 1, 2, 3, 60),
	(?, 'h3', 'quote', 'bread', 'interview.txt', 1, 2, 3, 20);`
	now := time.Now().UTC()
	if _, err := raw.Exec(older, now.UnixMilli(), now.UnixMilli(), now.UnixMilli()); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db := openDB(t, dir)
	o, err := db.Overview(context.Background(), now, now, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := o.Days[0]; got.Questions() != 3 || got.Nothing != 1 || got.ByCommand["quote"] != 1 {
		t.Errorf("today %+v, want 3 questions, 1 found nothing, 1 quote", got)
	}
	if len(o.MostAsked) != 2 || o.MostAsked[0].Times != 2 {
		t.Errorf("most asked %+v, want the two forms of 'why peace?' together", o.MostAsked)
	}
	if _, err := db.Asked(context.Background(), question("why peace?")); err != nil {
		t.Fatal(err)
	}
	if o, _ := db.Overview(context.Background(), now, now, 10); o.MostAsked[0].Times != 3 {
		t.Errorf("a new question does not join its group: %+v", o.MostAsked)
	}
}
