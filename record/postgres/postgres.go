// Package postgres keeps the record of questions in PostgreSQL (through
// github.com/jackc/pgx/v5), so that replicas of Lectern on any number of
// hosts share one record: questions, ratings, the owner's marks and
// runs, and each reader's cooldown. The schema is created and upgraded by
// numbered migrations when the database is opened.
//
// A database that goes away is survivable: calls fail with an error the
// caller logs, and work again once it is back (the pool reconnects).
package postgres

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/lectern-bot/lectern/record"
)

// DB is the record in PostgreSQL.
type DB struct {
	pool *pgxpool.Pool
	salt []byte
	name string // the database's address without its password, for messages
}

// Open connects to the database at url (postgres://…), applies the
// migrations it lacks and reads (or makes) the salt of user hashes.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("record: the database URL: %w", err)
	}
	cfg.MaxConns = 8
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	name := fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("record: %s: %w", name, err)
	}
	d := &DB{pool: pool, name: name}
	if err := d.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if err := d.readSalt(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return d, nil
}

// Path names the database (without a password), for logs.
func (d *DB) Path() string { return d.name }

// Close closes the connections.
func (d *DB) Close() error {
	d.pool.Close()
	return nil
}

func (d *DB) readSalt(ctx context.Context) error {
	salt := make([]byte, 32)
	rand.Read(salt)
	// The first replica's salt wins; every later one reads it.
	_, err := d.pool.Exec(ctx, "INSERT INTO meta (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING", salt)
	if err == nil {
		err = d.pool.QueryRow(ctx, "SELECT value FROM meta WHERE key = 'salt'").Scan(&d.salt)
	}
	if err != nil {
		return fmt.Errorf("record: reading the salt in %s: %w", d.name, err)
	}
	return nil
}

// hash is a user ID's salted hash, as record/sqlite makes it.
func (d *DB) hash(user string) string {
	m := hmac.New(sha256.New, d.salt)
	m.Write([]byte(user))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// Asked records a question and returns its id, for ratings.
func (d *DB) Asked(ctx context.Context, q record.Question) (int64, error) {
	var id int64
	err := d.pool.QueryRow(ctx, `
INSERT INTO questions (at, user_hash, command, query, source, start_line, end_line, results, took_ms, query_key)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		q.At.UnixMilli(), d.hash(q.User), q.Command, q.Query, q.Source, q.Start, q.End, q.Results, q.Took.Milliseconds(), record.QueryKey(q.Query)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	return id, nil
}

// Rated records a reader's rating; a second one by the same reader
// replaces the first.
func (d *DB) Rated(ctx context.Context, id int64, user string, helpful bool) error {
	_, err := d.pool.Exec(ctx, `
INSERT INTO ratings (question_id, user_hash, helpful, at) VALUES ($1, $2, $3, $4)
ON CONFLICT (question_id, user_hash) DO UPDATE SET helpful = excluded.helpful, at = excluded.at`,
		id, d.hash(user), helpful, time.Now().UnixMilli())
	if isForeignKey(err) {
		return record.ErrUnknownQuestion
	}
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// Claim starts a user's cooldown of length every unless one is running,
// and returns how long is left of the running one (0 when it started a
// new one). Replicas sharing the database share each user's cooldown.
func (d *DB) Claim(ctx context.Context, user string, now time.Time, every time.Duration) (time.Duration, error) {
	var until int64
	err := d.pool.QueryRow(ctx, `
INSERT INTO cooldowns (user_hash, until) VALUES ($1, $2)
ON CONFLICT (user_hash) DO UPDATE SET until = excluded.until WHERE cooldowns.until <= $3
RETURNING until`, d.hash(user), now.Add(every).UnixMilli(), now.UnixMilli()).Scan(&until)
	if err == nil {
		return 0, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("record: %w", err)
	}
	if err := d.pool.QueryRow(ctx, "SELECT until FROM cooldowns WHERE user_hash = $1", d.hash(user)).Scan(&until); err != nil {
		return 0, fmt.Errorf("record: %w", err)
	}
	return max(time.UnixMilli(until).Sub(now), time.Millisecond), nil
}

func isForeignKey(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}
