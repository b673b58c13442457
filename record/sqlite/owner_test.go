package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/record/recordtest"
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

func TestContract(t *testing.T) {
	recordtest.Run(t, func(t *testing.T) recordtest.Store { return openDB(t, t.TempDir()) })
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
