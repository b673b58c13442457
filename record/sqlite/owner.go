package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/lectern-bot/lectern/record"
)

// ownerSchema keeps the owner's marks and evaluation runs.
const ownerSchema = `
CREATE INDEX IF NOT EXISTS questions_at_key ON questions (at, query_key);
CREATE TABLE IF NOT EXISTS marks (
	question_id INTEGER PRIMARY KEY REFERENCES questions (id),
	source TEXT NOT NULL,
	start_line INTEGER NOT NULL,
	end_line INTEGER NOT NULL,
	not_in_text INTEGER NOT NULL,
	at INTEGER NOT NULL
);
-- Each day's counts, kept by a trigger as questions are recorded, so that
-- the overview of a busy record reads days, not questions.
CREATE TABLE IF NOT EXISTS daily (
	day INTEGER NOT NULL,         -- Unix milliseconds / 86,400,000 (UTC days)
	command TEXT NOT NULL,
	questions INTEGER NOT NULL,
	found_nothing INTEGER NOT NULL,
	PRIMARY KEY (day, command)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS daily_took (
	day INTEGER NOT NULL,
	took_ms INTEGER NOT NULL,     -- to two significant digits
	n INTEGER NOT NULL,
	PRIMARY KEY (day, took_ms)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS questions_daily AFTER INSERT ON questions BEGIN
	INSERT INTO daily (day, command, questions, found_nothing) VALUES (NEW.at / 86400000, NEW.command, 1, NEW.results = 0)
		ON CONFLICT (day, command) DO UPDATE SET questions = questions + 1, found_nothing = found_nothing + excluded.found_nothing;
	INSERT INTO daily_took (day, took_ms, n) VALUES (NEW.at / 86400000, ` + roundedTook + `, 1)
		ON CONFLICT (day, took_ms) DO UPDATE SET n = n + 1;
END;
CREATE TABLE IF NOT EXISTS runs (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	version TEXT NOT NULL,
	questions INTEGER NOT NULL,
	hit1 REAL NOT NULL,
	hit3 REAL NOT NULL,
	mrr REAL NOT NULL,
	misses TEXT NOT NULL          -- JSON array of questions
);
`

// roundedTook is NEW.took_ms to two significant digits: a day's answer
// times take a few hundred rows at most.
const roundedTook = `CASE WHEN NEW.took_ms < 100 THEN NEW.took_ms WHEN NEW.took_ms < 1000 THEN NEW.took_ms / 10 * 10
	WHEN NEW.took_ms < 10000 THEN NEW.took_ms / 100 * 100 ELSE NEW.took_ms / 1000 * 1000 END`

// backfillDaily fills the daily tables from a record kept before they
// existed; it runs once, when they are empty and the questions are not.
var backfillDaily = `
INSERT INTO daily (day, command, questions, found_nothing)
	SELECT at / 86400000, command, count(*), sum(results = 0) FROM questions GROUP BY 1, 2;
INSERT INTO daily_took (day, took_ms, n)
	SELECT at / 86400000, ` + roundedTookOld + `, count(*) FROM questions GROUP BY 1, 2;`

var roundedTookOld = strings.ReplaceAll(roundedTook, "NEW.", "")

// Overview summarises the days from since to until (UTC days), with at
// most limit of the most asked questions.
func (d *DB) Overview(ctx context.Context, since, until time.Time, limit int) (*record.Overview, error) {
	o := record.NewOverview(since, until)
	if err := d.dayQuestions(ctx, o); err != nil {
		return nil, err
	}
	if err := d.dayRatings(ctx, o); err != nil {
		return nil, err
	}
	var err error
	if o.MostAsked, err = d.mostAsked(ctx, o.Since, o.Until, limit); err != nil {
		return nil, err
	}
	return o, nil
}

// mostAsked groups the period's questions by their key (on an index of
// times and keys: no row is read but the latest of each group shown).
func (d *DB) mostAsked(ctx context.Context, since, until time.Time, limit int) ([]record.Asked, error) {
	rows, err := d.db.QueryContext(ctx, `
WITH top AS (
	SELECT max(id) AS id, count(*) AS times FROM questions WHERE at BETWEEN ? AND ?
	GROUP BY query_key ORDER BY times DESC, id DESC LIMIT ?
)
SELECT q.query, top.times FROM top JOIN questions q ON q.id = top.id ORDER BY top.times DESC, top.id DESC`,
		since.UnixMilli(), until.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	var out []record.Asked
	for rows.Next() {
		var a record.Asked
		if err := rows.Scan(&a.Query, &a.Times); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	return out, nil
}

// dayQuestions reads each day's questions by command, those that found
// nothing, and the day's answer times from the daily tables.
func (d *DB) dayQuestions(ctx context.Context, o *record.Overview) error {
	const dayMS = int64(record.DayLength / time.Millisecond)
	from, to := o.Since.UnixMilli()/dayMS, o.Until.UnixMilli()/dayMS
	err := d.each(ctx, func(v []int64, command string) {
		if dd := o.Day(time.UnixMilli(v[0] * dayMS)); dd != nil {
			dd.ByCommand[command] += int(v[1])
			dd.Nothing += int(v[2])
		}
	}, "SELECT day, questions, found_nothing, command FROM daily WHERE day BETWEEN ? AND ?", from, to)
	if err != nil {
		return err
	}
	took := map[int64][][2]int64{} // by day: each answer time and how often
	err = d.each(ctx, func(v []int64, _ string) {
		took[v[0]] = append(took[v[0]], [2]int64{v[1], v[2]})
	}, "SELECT day, took_ms, n, '' FROM daily_took WHERE day BETWEEN ? AND ? ORDER BY day, took_ms", from, to)
	for key, counts := range took {
		if dd := o.Day(time.UnixMilli(key * dayMS)); dd != nil {
			dd.P50 = time.Duration(percentile(counts, 0.50)) * time.Millisecond
			dd.P95 = time.Duration(percentile(counts, 0.95)) * time.Millisecond
		}
	}
	return err
}

// each runs a query whose rows are three integers and a string.
func (d *DB) each(ctx context.Context, f func(v []int64, s string), query string, args ...any) error {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	v := make([]int64, 3)
	var s string
	for rows.Next() {
		if err := rows.Scan(&v[0], &v[1], &v[2], &s); err != nil {
			return fmt.Errorf("record: %w", err)
		}
		f(v, s)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// percentile is the p-th value (nearest rank) of values given in order
// with their counts.
func percentile(counts [][2]int64, p float64) int64 {
	n := int64(0)
	for _, c := range counts {
		n += c[1]
	}
	rank := max(int64(math.Ceil(p*float64(n))), 1)
	for _, c := range counts {
		if rank -= c[1]; rank <= 0 {
			return c[0]
		}
	}
	return counts[len(counts)-1][0]
}

// dayRatings counts each day's 👍 and 👎.
func (d *DB) dayRatings(ctx context.Context, o *record.Overview) error {
	rows, err := d.db.QueryContext(ctx, "SELECT at, helpful FROM ratings WHERE at >= ? AND at <= ?", o.Since.UnixMilli(), o.Until.UnixMilli())
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var at int64
		var helpful bool
		if err := rows.Scan(&at, &helpful); err != nil {
			return fmt.Errorf("record: %w", err)
		}
		if dd := o.Day(time.UnixMilli(at)); dd != nil {
			if helpful {
				dd.Up++
			} else {
				dd.Down++
			}
		}
	}
	return rows.Err()
}

// Reviews returns the questions that found nothing or were marked 👎,
// newest first, at most limit, with the owner's marks.
func (d *DB) Reviews(ctx context.Context, limit int) ([]record.Review, error) {
	rows, err := d.db.QueryContext(ctx, `
SELECT q.id, q.at, q.command, q.query, q.source, q.start_line, q.end_line,
	(SELECT count(*) FROM ratings r WHERE r.question_id = q.id AND r.helpful = 0) AS down,
	m.source, m.start_line, m.end_line, m.not_in_text, m.at
FROM questions q LEFT JOIN marks m ON m.question_id = q.id
WHERE q.results = 0 OR down > 0
ORDER BY q.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	var out []record.Review
	for rows.Next() {
		var r record.Review
		var at int64
		var mSource sql.NullString
		var mStart, mEnd, mAt sql.NullInt64
		var mNot sql.NullBool
		if err := rows.Scan(&r.ID, &at, &r.Command, &r.Query, &r.Source, &r.Start, &r.End, &r.Down,
			&mSource, &mStart, &mEnd, &mNot, &mAt); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		r.At = time.UnixMilli(at).UTC()
		if mSource.Valid {
			r.Mark = &record.Mark{QuestionID: r.ID, Query: r.Query, Source: mSource.String, Start: int(mStart.Int64),
				End: int(mEnd.Int64), NotInText: mNot.Bool, At: time.UnixMilli(mAt.Int64).UTC()}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetMark keeps the owner's mark of a question, replacing an earlier one.
func (d *DB) SetMark(ctx context.Context, m record.Mark) error {
	_, err := d.db.ExecContext(ctx, `
INSERT INTO marks (question_id, source, start_line, end_line, not_in_text, at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (question_id) DO UPDATE SET source = excluded.source, start_line = excluded.start_line,
	end_line = excluded.end_line, not_in_text = excluded.not_in_text, at = excluded.at`,
		m.QuestionID, m.Source, m.Start, m.End, m.NotInText, m.At.UnixMilli())
	if err != nil && isForeignKey(err) {
		return record.ErrUnknownQuestion
	}
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// Marks returns every marked question, oldest mark first: the owner's
// question set.
func (d *DB) Marks(ctx context.Context) ([]record.Mark, error) {
	rows, err := d.db.QueryContext(ctx, `
SELECT m.question_id, q.query, m.source, m.start_line, m.end_line, m.not_in_text, m.at
FROM marks m JOIN questions q ON q.id = m.question_id ORDER BY m.at, m.question_id`)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	var out []record.Mark
	for rows.Next() {
		var m record.Mark
		var at int64
		if err := rows.Scan(&m.QuestionID, &m.Query, &m.Source, &m.Start, &m.End, &m.NotInText, &at); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		m.At = time.UnixMilli(at).UTC()
		out = append(out, m)
	}
	return out, rows.Err()
}

// AddRun keeps an evaluation run and returns its id.
func (d *DB) AddRun(ctx context.Context, r record.Run) (int64, error) {
	misses, err := json.Marshal(r.Misses)
	if err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	res, err := d.db.ExecContext(ctx, "INSERT INTO runs (at, version, questions, hit1, hit3, mrr, misses) VALUES (?, ?, ?, ?, ?, ?, ?)",
		r.At.UnixMilli(), r.Version, r.Questions, r.HitAt1, r.HitAt3, r.MRR, string(misses))
	if err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	return res.LastInsertId()
}

// Runs returns the evaluation runs, oldest first.
func (d *DB) Runs(ctx context.Context) ([]record.Run, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT id, at, version, questions, hit1, hit3, mrr, misses FROM runs ORDER BY at, id")
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	var out []record.Run
	for rows.Next() {
		var r record.Run
		var at int64
		var misses string
		if err := rows.Scan(&r.ID, &at, &r.Version, &r.Questions, &r.HitAt1, &r.HitAt3, &r.MRR, &misses); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		r.At = time.UnixMilli(at).UTC()
		if err := json.Unmarshal([]byte(misses), &r.Misses); err != nil {
			return nil, fmt.Errorf("record: run %d: %w", r.ID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// fillDaily backfills the daily tables of a record kept before them.
func (d *DB) fillDaily(ctx context.Context) error {
	var days, questions int
	if err := d.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM daily), (SELECT count(*) FROM questions LIMIT 1)").Scan(&days, &questions); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if days > 0 || questions == 0 {
		return nil
	}
	if _, err := d.db.ExecContext(ctx, backfillDaily); err != nil {
		return fmt.Errorf("record: counting the days of %s: %w", d.path, err)
	}
	return nil
}

// addQueryKeys adds the query_key column to a record kept before it, and
// fills it.
func (d *DB) addQueryKeys(ctx context.Context) error {
	var has int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info('questions') WHERE name = 'query_key'").Scan(&has); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if has > 0 {
		return nil
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "ALTER TABLE questions ADD COLUMN query_key INTEGER NOT NULL DEFAULT 0"); err != nil {
		return fmt.Errorf("record: adding query keys to %s: %w", d.path, err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, query FROM questions")
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	keys := map[int64]int64{}
	for rows.Next() {
		var id int64
		var q string
		if err := rows.Scan(&id, &q); err != nil {
			rows.Close()
			return fmt.Errorf("record: %w", err)
		}
		keys[id] = record.QueryKey(q)
	}
	rows.Close()
	for id, k := range keys {
		if _, err := tx.ExecContext(ctx, "UPDATE questions SET query_key = ? WHERE id = ?", k, id); err != nil {
			return fmt.Errorf("record: %w", err)
		}
	}
	return tx.Commit()
}
