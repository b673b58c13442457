package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/lectern-bot/lectern/record"
)

// Report summarises the record, at most limit questions in each list,
// as record/sqlite's does.
func (d *DB) Report(ctx context.Context, limit int) (*record.Report, error) {
	r := &record.Report{}
	var since *int64
	if err := d.pool.QueryRow(ctx, "SELECT count(*), min(at) FROM questions").Scan(&r.Questions, &since); err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if since != nil {
		r.Since = time.UnixMilli(*since).UTC()
	}
	const grouped = `
WITH latest AS (
	SELECT query_key AS k, max(id) AS id, count(*) AS times FROM questions GROUP BY query_key
), votes AS (
	SELECT q.query_key AS k, count(*) FILTER (WHERE r.helpful) AS up, count(*) FILTER (WHERE NOT r.helpful) AS down
	FROM ratings r JOIN questions q ON q.id = r.question_id GROUP BY q.query_key
)
SELECT q.query, l.times, q.source, q.start_line, q.end_line, coalesce(v.up, 0), coalesce(v.down, 0)
FROM latest l JOIN questions q ON q.id = l.id LEFT JOIN votes v ON v.k = l.k
WHERE %s ORDER BY %s LIMIT $1`
	lists := []struct {
		into         *[]record.Asked
		where, order string
	}{
		{&r.MostAsked, "true", "l.times DESC, q.id DESC"},
		{&r.NothingFound, "q.results = 0", "l.times DESC, q.id DESC"},
		{&r.MarkedDown, "v.down > 0", "v.down DESC, l.times DESC"},
	}
	for _, l := range lists {
		rows, _ := d.pool.Query(ctx, fmt.Sprintf(grouped, l.where, l.order), limit)
		list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (record.Asked, error) {
			var a record.Asked
			err := row.Scan(&a.Query, &a.Times, &a.Source, &a.Start, &a.End, &a.Up, &a.Down)
			return a, err
		})
		if err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		*l.into = list
	}
	return r, nil
}

// Overview summarises the days from since to until (UTC days), with at
// most limit of the most asked questions.
func (d *DB) Overview(ctx context.Context, since, until time.Time, limit int) (*record.Overview, error) {
	o := record.NewOverview(since, until)
	from, to := o.Since.UnixMilli(), o.Until.UnixMilli()
	rows, _ := d.pool.Query(ctx, `
SELECT at / 86400000 * 86400000, command, count(*), count(*) FILTER (WHERE results = 0)
FROM questions WHERE at BETWEEN $1 AND $2 GROUP BY 1, 2`, from, to)
	var at, n, nothing int64
	var command string
	_, err := pgx.ForEachRow(rows, []any{&at, &command, &n, &nothing}, func() error {
		if dd := o.Day(time.UnixMilli(at)); dd != nil {
			dd.ByCommand[command] += int(n)
			dd.Nothing += int(nothing)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if err := d.dayTimes(ctx, o); err != nil {
		return nil, err
	}
	if err := d.dayRatings(ctx, o); err != nil {
		return nil, err
	}
	if o.MostAsked, err = d.mostAsked(ctx, from, to, limit); err != nil {
		return nil, err
	}
	return o, nil
}

// dayTimes sets each day's answer times over all its commands.
func (d *DB) dayTimes(ctx context.Context, o *record.Overview) error {
	rows, _ := d.pool.Query(ctx, `
SELECT at / 86400000 * 86400000, percentile_disc(0.5) WITHIN GROUP (ORDER BY took_ms), percentile_disc(0.95) WITHIN GROUP (ORDER BY took_ms)
FROM questions WHERE at BETWEEN $1 AND $2 GROUP BY 1`, o.Since.UnixMilli(), o.Until.UnixMilli())
	var at, p50, p95 int64
	_, err := pgx.ForEachRow(rows, []any{&at, &p50, &p95}, func() error {
		if dd := o.Day(time.UnixMilli(at)); dd != nil {
			dd.P50, dd.P95 = time.Duration(p50)*time.Millisecond, time.Duration(p95)*time.Millisecond
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// dayRatings counts each day's 👍 and 👎.
func (d *DB) dayRatings(ctx context.Context, o *record.Overview) error {
	rows, _ := d.pool.Query(ctx, `
SELECT at / 86400000 * 86400000, count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful)
FROM ratings WHERE at BETWEEN $1 AND $2 GROUP BY 1`, o.Since.UnixMilli(), o.Until.UnixMilli())
	var at, up, down int64
	_, err := pgx.ForEachRow(rows, []any{&at, &up, &down}, func() error {
		if dd := o.Day(time.UnixMilli(at)); dd != nil {
			dd.Up, dd.Down = int(up), int(down)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

func (d *DB) mostAsked(ctx context.Context, from, to int64, limit int) ([]record.Asked, error) {
	rows, _ := d.pool.Query(ctx, `
WITH top AS (
	SELECT max(id) AS id, count(*) AS times FROM questions WHERE at BETWEEN $1 AND $2
	GROUP BY query_key ORDER BY times DESC, id DESC LIMIT $3
)
SELECT q.query, top.times FROM top JOIN questions q ON q.id = top.id ORDER BY top.times DESC, top.id DESC`, from, to, limit)
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (record.Asked, error) {
		var a record.Asked
		err := row.Scan(&a.Query, &a.Times)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	return list, nil
}

// Reviews returns the questions that found nothing or were marked 👎,
// newest first, at most limit, with the owner's marks.
func (d *DB) Reviews(ctx context.Context, limit int) ([]record.Review, error) {
	rows, _ := d.pool.Query(ctx, `
SELECT q.id, q.at, q.command, q.query, q.source, q.start_line, q.end_line, v.down,
	m.source, m.start_line, m.end_line, m.not_in_text, m.at
FROM questions q
CROSS JOIN LATERAL (SELECT count(*) AS down FROM ratings r WHERE r.question_id = q.id AND NOT r.helpful) v
LEFT JOIN marks m ON m.question_id = q.id
WHERE q.results = 0 OR v.down > 0
ORDER BY q.id DESC LIMIT $1`, limit)
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (record.Review, error) {
		var r record.Review
		var at int64
		var mSource *string
		var mStart, mEnd *int
		var mNot *bool
		var mAt *int64
		err := row.Scan(&r.ID, &at, &r.Command, &r.Query, &r.Source, &r.Start, &r.End, &r.Down, &mSource, &mStart, &mEnd, &mNot, &mAt)
		r.At = time.UnixMilli(at).UTC()
		if err == nil && mSource != nil {
			r.Mark = &record.Mark{QuestionID: r.ID, Query: r.Query, Source: *mSource, Start: *mStart, End: *mEnd, NotInText: *mNot, At: time.UnixMilli(*mAt).UTC()}
		}
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	return list, nil
}

// SetMark keeps the owner's mark of a question, replacing an earlier one.
func (d *DB) SetMark(ctx context.Context, m record.Mark) error {
	_, err := d.pool.Exec(ctx, `
INSERT INTO marks (question_id, source, start_line, end_line, not_in_text, at) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (question_id) DO UPDATE SET source = excluded.source, start_line = excluded.start_line,
	end_line = excluded.end_line, not_in_text = excluded.not_in_text, at = excluded.at`,
		m.QuestionID, m.Source, m.Start, m.End, m.NotInText, m.At.UnixMilli())
	if isForeignKey(err) {
		return record.ErrUnknownQuestion
	}
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// Marks returns every marked question, oldest mark first.
func (d *DB) Marks(ctx context.Context) ([]record.Mark, error) {
	rows, _ := d.pool.Query(ctx, `
SELECT m.question_id, q.query, m.source, m.start_line, m.end_line, m.not_in_text, m.at
FROM marks m JOIN questions q ON q.id = m.question_id ORDER BY m.at, m.question_id`)
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (record.Mark, error) {
		var m record.Mark
		var at int64
		err := row.Scan(&m.QuestionID, &m.Query, &m.Source, &m.Start, &m.End, &m.NotInText, &at)
		m.At = time.UnixMilli(at).UTC()
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	return list, nil
}

// AddRun keeps an evaluation run and returns its id.
func (d *DB) AddRun(ctx context.Context, r record.Run) (int64, error) {
	misses, err := json.Marshal(r.Misses)
	if err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	var id int64
	err = d.pool.QueryRow(ctx, "INSERT INTO runs (at, version, questions, hit1, hit3, mrr, misses) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
		r.At.UnixMilli(), r.Version, r.Questions, r.HitAt1, r.HitAt3, r.MRR, misses).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	return id, nil
}

// Runs returns the evaluation runs, oldest first.
func (d *DB) Runs(ctx context.Context) ([]record.Run, error) {
	rows, _ := d.pool.Query(ctx, "SELECT id, at, version, questions, hit1, hit3, mrr, misses FROM runs ORDER BY at, id")
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (record.Run, error) {
		var r record.Run
		var at int64
		var misses []byte
		err := row.Scan(&r.ID, &at, &r.Version, &r.Questions, &r.HitAt1, &r.HitAt3, &r.MRR, &misses)
		r.At = time.UnixMilli(at).UTC()
		if err == nil {
			err = json.Unmarshal(misses, &r.Misses)
		}
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	return list, nil
}
