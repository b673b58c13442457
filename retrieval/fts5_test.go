package retrieval

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	_ "modernc.org/sqlite" // FTS5 in pure Go, for the baseline

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/questiongen"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// fts5 is the baseline Lectern is measured against: SQLite FTS5 with BM25
// over windows of three sentences (stepping one sentence), what a few
// lines over SQLite give. It runs in the same process on the same
// machine, through modernc.org/sqlite (SQLite translated to Go).
type fts5 struct {
	db *sql.DB
}

func buildFTS5(tb testing.TB, c *corpus.Corpus, path string) *fts5 {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		if _, err := db.Exec(q, args...); err != nil {
			tb.Fatal(err)
		}
	}
	mustExec(`CREATE VIRTUAL TABLE w USING fts5(text, tokenize='porter unicode61')`)
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO w(rowid, text) VALUES (?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	id := 0
	for _, d := range c.Documents {
		for i := range d.SentenceCount() {
			var parts []string
			for j := i; j < min(i+3, d.SentenceCount()); j++ {
				parts = append(parts, d.Sentence(j).Text)
			}
			id++
			if _, err := ins.Exec(id, strings.Join(parts, " ")); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return &fts5{db: db}
}

// ask returns the rowids of the best three windows for a question, its
// words joined with OR as FTS5 query terms.
func (f *fts5) ask(q string) ([]int, error) {
	var terms []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		terms = append(terms, `"`+w+`"`)
	}
	if len(terms) == 0 {
		return nil, nil
	}
	rows, err := f.db.Query(`SELECT rowid FROM w WHERE w MATCH ? ORDER BY bm25(w) LIMIT 3`, strings.Join(terms, " OR "))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// BenchmarkFTS5WarAndPeace is the baseline's first build of War and Peace
// (from the parsed sentences) and its answers to the same 300 distinct
// questions BenchmarkAskWarAndPeace asks.
func BenchmarkFTS5WarAndPeace(b *testing.B) {
	c, err := corpus.Load(testsupport.SharedCorpus(b, "war-and-peace.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("build", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			f := buildFTS5(b, c, filepath.Join(b.TempDir(), "fts.db"))
			f.db.Close()
		}
	})
	b.Run("ask", func(b *testing.B) {
		f := buildFTS5(b, c, filepath.Join(b.TempDir(), "fts.db"))
		defer f.db.Close()
		qs := questiongen.Distinct(c, 300, 3)
		timeQueries(b, func(_ context.Context, q string, _ int) ([]Result, error) {
			_, err := f.ask(q)
			return nil, err
		}, qs)
	})
}
