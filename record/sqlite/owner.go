package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/lectern-bot/lectern/record"
)

// ownerSchema keeps the owner's marks and evaluation runs.
const ownerSchema = `
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
CREATE TABLE IF NOT EXISTS marks (
	question_id INTEGER PRIMARY KEY REFERENCES questions (id),
	source TEXT NOT NULL,
	start_line INTEGER NOT NULL,
	end_line INTEGER NOT NULL,
	not_in_text INTEGER NOT NULL,
	at INTEGER NOT NULL
);
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

const day = 24 * time.Hour

// Overview summarises the days from since to until (UTC days), with at
// most limit of the most asked questions.
func (d *DB) Overview(ctx context.Context, since, until time.Time, limit int) (*record.Overview, error) {
	since, until = since.UTC().Truncate(day), until.UTC()
	o := &record.Overview{Since: since, Until: until}
	days := map[int64]*record.Day{}
	for t := since; !t.After(until); t = t.Add(day) {
		o.Days = append(o.Days, record.Day{Date: t, ByCommand: map[string]int{}})
	}
	for i := range o.Days {
		days[o.Days[i].Date.Unix()] = &o.Days[i]
	}
	if err := d.dayQuestions(ctx, since, until, days); err != nil {
		return nil, err
	}
	if err := d.dayRatings(ctx, since, until, days); err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, `
SELECT min(query), count(*), sum(results = 0) FROM questions WHERE at >= ? AND at <= ?
GROUP BY lower(trim(query)) ORDER BY count(*) DESC, max(id) DESC LIMIT ?`, since.UnixMilli(), until.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a record.Asked
		var empty int
		if err := rows.Scan(&a.Query, &a.Times, &empty); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		o.MostAsked = append(o.MostAsked, a)
	}
	return o, rows.Err()
}

// dayQuestions counts each day's questions by command, those that found
// nothing, and the day's answer times.
func (d *DB) dayQuestions(ctx context.Context, since, until time.Time, days map[int64]*record.Day) error {
	rows, err := d.db.QueryContext(ctx, "SELECT at, command, results, took_ms FROM questions WHERE at >= ? AND at <= ? ORDER BY at",
		since.UnixMilli(), until.UnixMilli())
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	defer rows.Close()
	took := map[int64][]int64{}
	for rows.Next() {
		var at, ms int64
		var command string
		var results int
		if err := rows.Scan(&at, &command, &results, &ms); err != nil {
			return fmt.Errorf("record: %w", err)
		}
		key := time.UnixMilli(at).UTC().Truncate(day).Unix()
		dd := days[key]
		if dd == nil {
			continue
		}
		dd.ByCommand[command]++
		if results == 0 {
			dd.Nothing++
		}
		took[key] = append(took[key], ms)
	}
	for key, ms := range took {
		slices.Sort(ms)
		days[key].P50 = time.Duration(percentile(ms, 0.50)) * time.Millisecond
		days[key].P95 = time.Duration(percentile(ms, 0.95)) * time.Millisecond
	}
	return rows.Err()
}

// percentile is the p-th value of sorted ms (nearest rank).
func percentile(ms []int64, p float64) int64 {
	i := int(p*float64(len(ms))+0.999999) - 1
	return ms[min(max(i, 0), len(ms)-1)]
}

// dayRatings counts each day's 👍 and 👎.
func (d *DB) dayRatings(ctx context.Context, since, until time.Time, days map[int64]*record.Day) error {
	rows, err := d.db.QueryContext(ctx, "SELECT at, helpful FROM ratings WHERE at >= ? AND at <= ?", since.UnixMilli(), until.UnixMilli())
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
		if dd := days[time.UnixMilli(at).UTC().Truncate(day).Unix()]; dd != nil {
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
