package sqlite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/record"
)

func openDB(t *testing.T, dir string, opts ...Option) *DB {
	t.Helper()
	db, damaged, err := Open(context.Background(), dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if damaged != "" {
		t.Fatalf("a fresh database was reported damaged: %s", damaged)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func question(q string) record.Question {
	return record.Question{At: time.Now(), User: "123456789012345678", Command: "ask", Query: q, Source: "interview.txt", Start: 1, End: 2, Results: 3}
}

func TestSurvivesRestartAndHidesUsers(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	db := openDB(t, dir)
	id, err := db.Asked(ctx, question("Why did Lenin want peace?"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Rated(ctx, id, "999", true); err != nil {
		t.Fatal(err)
	}
	if err := db.Rated(ctx, id, "999", false); err != nil { // changed their mind
		t.Fatal(err)
	}
	if err := db.Rated(ctx, id+100, "999", true); !errors.Is(err, record.ErrUnknownQuestion) {
		t.Errorf("rating an unknown question: %v, want ErrUnknownQuestion", err)
	}
	db.Close()

	db = openDB(t, dir)
	rep, err := db.Report(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 1 || len(rep.MarkedDown) != 1 || rep.MarkedDown[0].Down != 1 || rep.MarkedDown[0].Up != 0 {
		t.Errorf("after a restart: %+v", rep)
	}
	db.Close()
	raw, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("123456789012345678")) {
		t.Error("a user ID is stored in the clear")
	}
}

func TestConcurrentWrites(t *testing.T) {
	db := openDB(t, t.TempDir())
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for i := range 400 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id, err := db.Asked(context.Background(), question(fmt.Sprintf("question %d", i%50)))
			if err == nil {
				err = db.Rated(context.Background(), id, fmt.Sprint(i), i%2 == 0)
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	rep, err := db.Report(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 400 || len(rep.MostAsked) != 50 || rep.MostAsked[0].Times != 8 {
		t.Errorf("%d questions, %d distinct, most asked %d times; want 400, 50, 8", rep.Questions, len(rep.MostAsked), rep.MostAsked[0].Times)
	}
}

// TestTwoProcessesShareTheFile opens the database twice, as two replicas
// on one volume would, and writes from both.
func TestTwoProcessesShareTheFile(t *testing.T) {
	dir := t.TempDir()
	a, b := openDB(t, dir), openDB(t, dir)
	for i := range 20 {
		for _, db := range []*DB{a, b} {
			if _, err := db.Asked(context.Background(), question(fmt.Sprint(i))); err != nil {
				t.Fatal(err)
			}
		}
	}
	rep, err := a.Report(context.Background(), 5)
	if err != nil || rep.Questions != 40 {
		t.Errorf("%v questions, err %v; want 40", rep, err)
	}
	if a.hash("x") != b.hash("x") {
		t.Error("the two handles hash users differently")
	}
}

func TestDamagedFileIsKeptAsideAndReplaced(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t, dir)
	if _, err := db.Asked(context.Background(), question("before")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	path := filepath.Join(dir, FileName)
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := os.WriteFile(path, bytes.Repeat([]byte("not a database "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	db2, damaged, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("opening a damaged database: %v", err)
	}
	defer db2.Close()
	if damaged == "" || !strings.Contains(damaged, ".damaged-") {
		t.Errorf("damaged file kept as %q", damaged)
	}
	if _, err := os.Stat(damaged); err != nil {
		t.Errorf("the damaged file is gone: %v", err)
	}
	if _, err := db2.Asked(context.Background(), question("after")); err != nil {
		t.Errorf("writing to the new database: %v", err)
	}
}

// TestFullDisk caps the database's size so that writes fail as on a full
// disk: they return an error, and the database still reads.
func TestFullDisk(t *testing.T) {
	db := openDB(t, t.TempDir(), WithMaxPages(24))
	var err error
	for i := 0; i < 10000 && err == nil; i++ {
		_, err = db.Asked(context.Background(), question(strings.Repeat("a long question ", 20)+fmt.Sprint(i)))
	}
	if err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("writes never failed, or failed otherwise: %v", err)
	}
	if _, err := db.Report(context.Background(), 5); err != nil {
		t.Errorf("reading a full database: %v", err)
	}
}
