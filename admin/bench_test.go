package admin

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/internal/testsupport"
	"github.com/lectern-bot/lectern/record/sqlite"
)

// yearOfHistory is a record of 1,000 questions a day for a year, built
// once per test binary with plain inserts (the record's triggers keep its
// daily tables; a question's key is its number, which groups as the
// record's own hash of its text would).
var yearOfHistory testsupport.Once[string]

const perDay, days = 1000, 365

func buildYear(dir string, now time.Time) (string, error) {
	db, _, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		return "", err
	}
	db.Close()
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName))
	if err != nil {
		return "", err
	}
	defer raw.Close()
	tx, err := raw.Begin()
	if err != nil {
		return "", err
	}
	q, err := tx.Prepare("INSERT INTO questions (at, user_hash, command, query, source, start_line, end_line, results, took_ms, query_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
	if err != nil {
		return "", err
	}
	r, err := tx.Prepare("INSERT INTO ratings (question_id, user_hash, helpful, at) VALUES (?, ?, ?, ?)")
	if err != nil {
		return "", err
	}
	commands := []string{"ask", "ask", "ask", "quote", "find"}
	for i := range perDay * days {
		at := now.Add(-time.Duration(i) * 24 * time.Hour / perDay)
		results := 3
		if i%9 == 0 {
			results = 0
		}
		res, err := q.Exec(at.UnixMilli(), fmt.Sprintf("%032x", i%5000), commands[i%5], fmt.Sprintf("What did Lenin say about question %d?", i%3000),
			"interview.txt", 351, 353, results, 20+i%200, i%3000)
		if err != nil {
			return "", err
		}
		if i%20 == 0 {
			id, _ := res.LastInsertId()
			if _, err := r.Exec(id, fmt.Sprintf("%032x", i), i%3 != 0, at.UnixMilli()); err != nil {
				return "", err
			}
		}
	}
	return dir, tx.Commit()
}

// BenchmarkOverviewYear renders the overview's longest period (90 days,
// 90,000 questions) from a record holding a year (365,000): the figure
// the README reports against the 200 ms the page should take.
func BenchmarkOverviewYear(b *testing.B) {
	now := time.Now().UTC()
	dir := yearOfHistory.Get(b, func() (string, error) { return buildYear(b.TempDir(), now) })
	db, _, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	h, err := New(Options{Token: testToken, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h.Ready(nil, db)
	session := h.sessions.start()
	for _, period := range []int{7, 90} {
		b.Run(fmt.Sprintf("%ddays", period), func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest("GET", fmt.Sprintf("/admin/?days=%d", period), nil)
				req.AddCookie(&http.Cookie{Name: cookieName, Value: session})
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("got %d", rec.Code)
				}
			}
		})
	}
}
