package postgres

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/lectern-bot/lectern/internal/pgtest"
	"github.com/lectern-bot/lectern/record/recordtest"
)

// freshDB starts a throwaway cluster for the test and returns the URL of
// a new, empty database in it.
func freshDB(t *testing.T) (string, *pgtest.Cluster) {
	t.Helper()
	c := pgtest.Start(t)
	name := strings.ToLower(strings.NewReplacer("/", "_", " ", "_", ",", "_", "'", "").Replace(t.Name()))
	conn, err := pgx.Connect(context.Background(), c.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	return strings.Replace(c.URL, "/postgres?", "/"+name+"?", 1), c
}

func openDB(t *testing.T, url string) *DB {
	t.Helper()
	db, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestContract(t *testing.T) {
	url, _ := freshDB(t)
	recordtest.Run(t, func(t *testing.T) recordtest.Store {
		// One database, emptied between tests: a cluster per test
		// would take seconds each.
		db := openDB(t, url)
		if _, err := db.pool.Exec(context.Background(), "TRUNCATE questions, ratings, marks, runs, cooldowns"); err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestCooldownIsShared plays two replicas on one database: a reader's
// cooldown started on one holds on the other.
func TestCooldownIsShared(t *testing.T) {
	url, _ := freshDB(t)
	a, b := openDB(t, url), openDB(t, url)
	ctx := context.Background()
	now := time.Now()
	const every = 3 * time.Second
	steps := []struct {
		name string
		on   *DB
		user string
		at   time.Duration
		want bool // must wait
	}{
		{"first search", a, "555", 0, false},
		{"the same reader on the other replica", b, "555", time.Second, true},
		{"another reader", b, "777", time.Second, false},
		{"after the cooldown", b, "555", every, false},
		{"again at once, back on the first", a, "555", every + time.Millisecond, true},
	}
	for _, s := range steps {
		wait, err := s.on.Claim(ctx, s.user, now.Add(s.at), every)
		if err != nil {
			t.Fatal(err)
		}
		if (wait > 0) != s.want {
			t.Errorf("%s: wait %v, want waiting %v", s.name, wait, s.want)
		}
	}
}

// TestDatabaseRestart stops the database mid-stream: recording fails
// while it is down and works again, with nothing lost before, once it is
// back.
func TestDatabaseRestart(t *testing.T) {
	url, c := freshDB(t)
	db := openDB(t, url)
	ctx := context.Background()
	if _, err := db.Asked(ctx, recordtest.Question("before")); err != nil {
		t.Fatal(err)
	}
	c.Stop()
	if _, err := db.Asked(ctx, recordtest.Question("while down")); err == nil {
		t.Error("recording succeeded with the database stopped")
	}
	c.Start()
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if _, err = db.Asked(ctx, recordtest.Question("after")); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("recording did not resume: %v", err)
	}
	rep, err := db.Report(ctx, 10)
	if err != nil || rep.Questions != 2 {
		t.Errorf("after the restart the record holds %+v (%v), want before and after", rep, err)
	}
}

// TestMigrations opens one database from several replicas at once, and
// refuses a database migrated by a newer Lectern.
func TestMigrations(t *testing.T) {
	url, _ := freshDB(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			db, err := Open(context.Background(), url)
			if err == nil {
				db.Close()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("opening at once: %v", err)
		}
	}
	db := openDB(t, url)
	var versions int
	if err := db.pool.QueryRow(context.Background(), "SELECT count(*) FROM schema_version").Scan(&versions); err != nil || versions != len(migrations) {
		t.Errorf("%d versions recorded (%v), want %d", versions, err, len(migrations))
	}
	if _, err := db.pool.Exec(context.Background(), "INSERT INTO schema_version VALUES (99)"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), url); err == nil || !strings.Contains(err.Error(), "upgrade Lectern") {
		t.Errorf("opening a newer schema: %v, want a refusal", err)
	}
}
