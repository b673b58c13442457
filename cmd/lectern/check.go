package main

import (
	"context"
	"flag"
	"fmt"
)

// checkCommand validates the settings and the corpus.
type checkCommand struct{ settings settingsFlags }

func (*checkCommand) Name() string { return "check" }
func (*checkCommand) Args() string { return "" }
func (*checkCommand) Summary() string {
	return "validate settings and corpus and print them (token redacted)"
}
func (c *checkCommand) Flags(fs *flag.FlagSet) { c.settings.register(fs, corpusSettings...) }

// Run prints what run would use, without connecting to Discord.
func (c *checkCommand) Run(ctx context.Context, a *app, args []string) error {
	cfg, cp, err := a.settingsAndCorpus(ctx, c.settings)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, cfg.Summary())
	describeCorpus(a.stdout, cp)
	if err := cfg.RequireToken(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "ok: lectern run would start with these settings")
	return nil
}
