package postgres

import (
	"context"
	"fmt"
)

// migrations create and upgrade the schema: migration i brings the
// database to version i+1. Append; never edit one that has shipped.
var migrations = []string{
	`
CREATE TABLE meta (key TEXT PRIMARY KEY, value BYTEA NOT NULL);
CREATE TABLE questions (
	id BIGSERIAL PRIMARY KEY,
	at BIGINT NOT NULL,           -- Unix milliseconds
	user_hash TEXT NOT NULL,
	command TEXT NOT NULL,
	query TEXT NOT NULL,
	source TEXT NOT NULL,         -- '' when nothing was found
	start_line INTEGER NOT NULL,
	end_line INTEGER NOT NULL,
	results INTEGER NOT NULL,
	took_ms BIGINT NOT NULL,
	query_key BIGINT NOT NULL     -- record.QueryKey(query)
);
CREATE INDEX questions_at_key ON questions (at, query_key);
CREATE INDEX questions_key ON questions (query_key);
CREATE TABLE ratings (
	question_id BIGINT NOT NULL REFERENCES questions (id),
	user_hash TEXT NOT NULL,
	helpful BOOLEAN NOT NULL,
	at BIGINT NOT NULL,
	PRIMARY KEY (question_id, user_hash)
);
CREATE INDEX ratings_at ON ratings (at);
CREATE TABLE cooldowns (user_hash TEXT PRIMARY KEY, until BIGINT NOT NULL);
CREATE TABLE marks (
	question_id BIGINT PRIMARY KEY REFERENCES questions (id),
	source TEXT NOT NULL,
	start_line INTEGER NOT NULL,
	end_line INTEGER NOT NULL,
	not_in_text BOOLEAN NOT NULL,
	at BIGINT NOT NULL
);
CREATE TABLE runs (
	id BIGSERIAL PRIMARY KEY,
	at BIGINT NOT NULL,
	version TEXT NOT NULL,
	questions INTEGER NOT NULL,
	hit1 DOUBLE PRECISION NOT NULL,
	hit3 DOUBLE PRECISION NOT NULL,
	mrr DOUBLE PRECISION NOT NULL,
	misses JSONB NOT NULL
);`,
}

// migrationLock is the advisory lock replicas starting together take,
// so that one applies the migrations and the others wait.
const migrationLock = 0x6c6563746572 // "lecter"

// migrate applies the migrations the database lacks, in one transaction.
func (d *DB) migrate(ctx context.Context) error {
	tx, err := d.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("record: %s: %w", d.name, err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
		return fmt.Errorf("record: %s: %w", d.name, err)
	}
	if _, err := tx.Exec(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return fmt.Errorf("record: %s: %w", d.name, err)
	}
	var version int
	if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&version); err != nil {
		return fmt.Errorf("record: %s: %w", d.name, err)
	}
	if version > len(migrations) {
		return fmt.Errorf("record: %s has schema version %d, newer than this Lectern knows (%d): upgrade Lectern", d.name, version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.Exec(ctx, migrations[v]); err != nil {
			return fmt.Errorf("record: %s: migration %d: %w", d.name, v+1, err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO schema_version (version) VALUES ($1)", v+1); err != nil {
			return fmt.Errorf("record: %s: %w", d.name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("record: %s: %w", d.name, err)
	}
	return nil
}
