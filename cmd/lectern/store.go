package main

import (
	"context"

	"github.com/lectern-bot/lectern/admin"
	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/record/postgres"
	"github.com/lectern-bot/lectern/record/sqlite"
)

// recordStore is the record of questions, in SQLite or PostgreSQL: what
// the bot, the owner's pages and the report use of it.
type recordStore interface {
	bot.Recorder
	admin.Store
	Report(ctx context.Context, limit int) (*record.Report, error)
	Path() string
	Close() error
}

// openStore opens the record: in PostgreSQL when LECTERN_DATABASE_URL is
// set, else in SQLite in the data directory (damaged names a damaged
// SQLite file kept aside).
func openStore(ctx context.Context, cfg *config.Config) (db recordStore, damaged string, err error) {
	if cfg.DatabaseURL != "" {
		db, err := postgres.Open(ctx, cfg.DatabaseURL.Reveal())
		if err != nil {
			return nil, "", err
		}
		return db, "", nil
	}
	s, damaged, err := sqlite.Open(ctx, cfg.DataDir)
	if err != nil {
		return nil, "", err
	}
	return s, damaged, nil
}
