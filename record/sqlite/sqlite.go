// Package sqlite keeps the record of questions in an SQLite database
// (through modernc.org/sqlite, pure Go, so the binary needs no C
// compiler): one file in a folder, shared by the processes of one host.
// A damaged file is kept aside and replaced with a new one when the
// database is opened.
package sqlite

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/lectern-bot/lectern/record"
)

// FileName is the database's name in its folder.
const FileName = "lectern.db"

// DB is the record.
type DB struct {
	db   *sql.DB
	path string
	salt []byte
}

// schema creates the tables; it is safe to run on an existing database.
const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS questions (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,          -- Unix milliseconds
	user_hash TEXT NOT NULL,
	command TEXT NOT NULL,
	query TEXT NOT NULL,
	source TEXT NOT NULL,         -- '' when nothing was found
	start_line INTEGER NOT NULL,
	end_line INTEGER NOT NULL,
	results INTEGER NOT NULL,
	took_ms INTEGER NOT NULL,
	query_key INTEGER NOT NULL DEFAULT 0 -- record.QueryKey(query), to group questions quickly
);
CREATE INDEX IF NOT EXISTS questions_query ON questions (query COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS ratings (
	question_id INTEGER NOT NULL REFERENCES questions (id),
	user_hash TEXT NOT NULL,
	helpful INTEGER NOT NULL,     -- 1 for 👍, 0 for 👎
	at INTEGER NOT NULL,
	PRIMARY KEY (question_id, user_hash)
);
`

// Option adjusts how the database is opened.
type Option func(*options)

type options struct{ maxPages int }

// WithMaxPages caps the database at n pages, so that writes fail as they
// would on a full disk; for tests.
func WithMaxPages(n int) Option { return func(o *options) { o.maxPages = n } }

// Open opens the record in dir, creating the folder and the database
// when they do not exist. A file that is not a sound database is renamed
// aside (damaged is its new name) and a new one is made.
func Open(ctx context.Context, dir string, opts ...Option) (db *DB, damaged string, err error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, "", fmt.Errorf("record: %w", err)
	}
	path := filepath.Join(dir, FileName)
	db, err = open(ctx, path, o)
	if err == nil {
		return db, "", nil
	}
	if !isDamage(err) {
		return nil, "", err
	}
	damaged = fmt.Sprintf("%s.damaged-%s", path, time.Now().UTC().Format("20060102T150405"))
	if rerr := os.Rename(path, damaged); rerr != nil {
		return nil, "", fmt.Errorf("record: %s is damaged (%w) and cannot be moved aside: %w", path, err, rerr)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	db, err = open(ctx, path, o)
	if err != nil {
		return nil, damaged, err
	}
	return db, damaged, nil
}

// errDamaged marks a database that failed its integrity check.
var errDamaged = errors.New("record: the database is damaged")

func isDamage(err error) bool {
	if errors.Is(err, errDamaged) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "file is not a database") || strings.Contains(msg, "malformed") || strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "SQLITE_NOTADB")
}

func open(ctx context.Context, path string, o options) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	if o.maxPages > 0 {
		q.Add("_pragma", fmt.Sprintf("max_page_count(%d)", o.maxPages))
	}
	sdb, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	// One connection: writes from a busy bot queue here rather than
	// fight over the file's lock. Other processes wait on busy_timeout.
	sdb.SetMaxOpenConns(1)
	d := &DB{db: sdb, path: path}
	if err := d.init(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return d, nil
}

func (d *DB) init(ctx context.Context) error {
	var check string
	if err := d.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return fmt.Errorf("record: opening %s: %w", d.path, err)
	}
	if check != "ok" {
		return fmt.Errorf("%w: %s", errDamaged, check)
	}
	if _, err := d.db.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("record: creating tables in %s: %w", d.path, err)
	}
	if err := d.addQueryKeys(ctx); err != nil {
		return err
	}
	if _, err := d.db.ExecContext(ctx, ownerSchema); err != nil {
		return fmt.Errorf("record: creating tables in %s: %w", d.path, err)
	}
	if err := d.fillDaily(ctx); err != nil {
		return err
	}
	err := d.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'salt'").Scan(&d.salt)
	if errors.Is(err, sql.ErrNoRows) {
		d.salt = make([]byte, 32)
		rand.Read(d.salt)
		_, err = d.db.ExecContext(ctx, "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)", d.salt)
		if err == nil {
			// Another process may have won the race: use its salt.
			err = d.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'salt'").Scan(&d.salt)
		}
	}
	if err != nil {
		return fmt.Errorf("record: reading the salt in %s: %w", d.path, err)
	}
	return nil
}

// Path is the database file.
func (d *DB) Path() string { return d.path }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// hash is a user ID's salted hash: the same user gives the same hash in
// this database, and the ID cannot be read back from it.
func (d *DB) hash(user string) string {
	m := hmac.New(sha256.New, d.salt)
	m.Write([]byte(user))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// Asked records a question and returns its id, for ratings.
func (d *DB) Asked(ctx context.Context, q record.Question) (int64, error) {
	res, err := d.db.ExecContext(ctx,
		"INSERT INTO questions (at, user_hash, command, query, source, start_line, end_line, results, took_ms, query_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		q.At.UnixMilli(), d.hash(q.User), q.Command, q.Query, q.Source, q.Start, q.End, q.Results, q.Took.Milliseconds(), record.QueryKey(q.Query))
	if err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	return id, nil
}

// Rated records a reader's rating of an answer; a second rating by the
// same reader replaces the first.
func (d *DB) Rated(ctx context.Context, id int64, user string, helpful bool) error {
	h := 0
	if helpful {
		h = 1
	}
	_, err := d.db.ExecContext(ctx,
		"INSERT INTO ratings (question_id, user_hash, helpful, at) VALUES (?, ?, ?, ?) ON CONFLICT (question_id, user_hash) DO UPDATE SET helpful = excluded.helpful, at = excluded.at",
		id, d.hash(user), h, time.Now().UnixMilli())
	if err != nil && isForeignKey(err) {
		return record.ErrUnknownQuestion
	}
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

func isForeignKey(err error) bool { return strings.Contains(err.Error(), "FOREIGN KEY") }

// Report summarises the record, at most limit questions in each list.
// Questions are grouped ignoring case and surrounding space.
func (d *DB) Report(ctx context.Context, limit int) (*record.Report, error) {
	r := &record.Report{}
	var since *int64
	if err := d.db.QueryRowContext(ctx, "SELECT count(*), min(at) FROM questions").Scan(&r.Questions, &since); err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if since != nil {
		r.Since = time.UnixMilli(*since).UTC()
	}
	// Each group's latest answer, its count and its ratings.
	const grouped = `
WITH latest AS (
	SELECT lower(trim(query)) AS k, max(id) AS id, count(*) AS times, sum(results = 0) AS empty
	FROM questions GROUP BY k
), votes AS (
	SELECT lower(trim(q.query)) AS k, sum(r.helpful) AS up, sum(1 - r.helpful) AS down
	FROM ratings r JOIN questions q ON q.id = r.question_id GROUP BY k
)
SELECT q.query, l.times, q.source, q.start_line, q.end_line, coalesce(v.up, 0), coalesce(v.down, 0)
FROM latest l JOIN questions q ON q.id = l.id LEFT JOIN votes v ON v.k = l.k
WHERE %s ORDER BY %s LIMIT ?`
	lists := []struct {
		into         *[]record.Asked
		where, order string
	}{
		{&r.MostAsked, "1", "l.times DESC, q.id DESC"},
		{&r.NothingFound, "q.results = 0", "l.times DESC, q.id DESC"},
		{&r.MarkedDown, "v.down > 0", "v.down DESC, l.times DESC"},
	}
	for _, l := range lists {
		rows, err := d.db.QueryContext(ctx, fmt.Sprintf(grouped, l.where, l.order), limit)
		if err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		for rows.Next() {
			var a record.Asked
			if err := rows.Scan(&a.Query, &a.Times, &a.Source, &a.Start, &a.End, &a.Up, &a.Down); err != nil {
				rows.Close()
				return nil, fmt.Errorf("record: %w", err)
			}
			*l.into = append(*l.into, a)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
	}
	return r, nil
}
