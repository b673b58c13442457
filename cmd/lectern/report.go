package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/record/sqlite"
)

// reportCommand prints what readers asked.
type reportCommand struct {
	settings settingsFlags
	tsv      bool
	limit    int
}

func (*reportCommand) Name() string { return "report" }
func (*reportCommand) Args() string { return "" }
func (*reportCommand) Summary() string {
	return "what readers asked: the most asked, what found nothing, answers marked 👎"
}
func (c *reportCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs, config.KeyIndexDir)
	fs.BoolVar(&c.tsv, "tsv", false, "write the questions as a question file for 'lectern eval' (add the gold lines)")
	fs.IntVar(&c.limit, "limit", 20, "at most this `number` of questions in each list")
}

func (c *reportCommand) Run(ctx context.Context, a *app, args []string) error {
	if c.limit < 1 {
		return usagef("report: --limit must be at least 1")
	}
	cfg, err := a.config(c.settings)
	if err != nil {
		return err
	}
	db, err := openExistingRecord(ctx, a, cfg, "report")
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.Report(ctx, c.limit)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if c.tsv {
		return rep.WriteTSV(a.stdout)
	}
	return rep.WriteText(a.stdout)
}

// openExistingRecord opens the record the bot keeps, for a command that
// reads it; it is an error when there is none yet.
func openExistingRecord(ctx context.Context, a *app, cfg *config.Config, command string) (recordStore, error) {
	if cfg.DatabaseURL == "" {
		path := filepath.Join(cfg.DataDir, sqlite.FileName)
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no record of questions at %s yet (the bot writes it; set %s to where it keeps it, or %s to its PostgreSQL database)", command, path, config.KeyDataDir, config.KeyDatabase)
		}
	}
	db, damaged, err := openStore(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", command, err)
	}
	if damaged != "" {
		fmt.Fprintf(a.stderr, "warning: the record was damaged; it was kept as %s and a new, empty one started\n", damaged)
	}
	return db, nil
}
