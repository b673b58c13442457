package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/lectern-bot/lectern/admin"
	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/retrieval"
)

// evalCommand scores a question set against the corpus.
type evalCommand struct {
	settings   settingsFlags
	fromRecord bool
}

func (*evalCommand) Name() string { return "eval" }
func (*evalCommand) Args() string { return "QUESTIONS.tsv | --from-record" }
func (*evalCommand) Summary() string {
	return "hit@1, hit@3 and MRR of a question set (question, tab, line ranges)"
}
func (c *evalCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs, append(corpusSettings, config.KeyResults)...)
	fs.BoolVar(&c.fromRecord, "from-record", false, "measure the questions the owner marked on /admin's Review page, and keep the run in the record")
}

func (c *evalCommand) Run(ctx context.Context, a *app, args []string) error {
	if c.fromRecord {
		if len(args) != 0 {
			return usagef("eval: give a QUESTIONS.tsv file or --from-record, not both")
		}
		return c.runFromRecord(ctx, a)
	}
	if len(args) != 1 {
		return usagef("eval: give one QUESTIONS.tsv file (question, tab, line ranges such as 351-355;367-373), or --from-record")
	}
	cfg, err := a.config(c.settings)
	if err != nil {
		return err
	}
	qs, pending, err := readQuestions(args[0])
	if err != nil {
		return err
	}
	if pending > 0 {
		fmt.Fprintf(a.stderr, "%d questions have no gold lines yet and are skipped\n", pending)
	}
	ix, _, err := a.open(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep, err := retrieval.Evaluate(ctx, ix, qs, cfg.Results)
	if err != nil {
		return err
	}
	printEval(a, rep)
	return nil
}

// printEval prints an evaluation's figures and misses.
func printEval(a *app, rep retrieval.Report) {
	fmt.Fprintf(a.stdout, "questions %d  hit@1 %.3f  hit@3 %.3f  MRR %.3f\n", rep.Questions, rep.HitAt1, rep.HitAt3, rep.MRR)
	if len(rep.Misses) > 0 {
		fmt.Fprintln(a.stdout, "\nmisses (rank of first hit, 0 = none; gold; got):")
	}
	for _, m := range rep.Misses {
		got := make([]string, len(m.Got))
		for i, s := range m.Got {
			got[i] = s.String()
		}
		gold := make([]string, len(m.Question.Gold))
		for i, s := range m.Question.Gold {
			gold[i] = s.String()
		}
		fmt.Fprintf(a.stdout, "  [%d] %s\n      gold %s; got %s\n", m.Rank, m.Question.Text, strings.Join(gold, ";"), strings.Join(got, ", "))
	}
}

// runFromRecord measures the owner's marked questions, as /admin's
// Quality page does, and keeps the run in the record.
func (c *evalCommand) runFromRecord(ctx context.Context, a *app) error {
	cfg, err := a.config(c.settings)
	if err != nil {
		return err
	}
	db, err := openExistingRecord(ctx, a, cfg, "eval")
	if err != nil {
		return err
	}
	defer db.Close()
	marks, err := db.Marks(ctx)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	ix, _, err := a.open(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer ix.Close()
	run, rep, err := admin.Measure(ctx, ix, marks, cfg.Results, version(), nil)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if _, err := db.AddRun(ctx, run); err != nil {
		return fmt.Errorf("eval: keeping the run: %w", err)
	}
	printEval(a, rep)
	return nil
}

// readQuestions reads a question set from a file.
func readQuestions(path string) (qs []retrieval.EvalQuestion, pending int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	all, err := retrieval.ParseQuestions(f)
	if err != nil {
		return nil, 0, fmt.Errorf("eval: %s: %w", path, err)
	}
	for _, q := range all {
		if len(q.Gold) > 0 {
			qs = append(qs, q)
		}
	}
	switch {
	case len(all) == 0:
		return nil, 0, fmt.Errorf("eval: %s has no questions", path)
	case len(qs) == 0:
		return nil, 0, fmt.Errorf("eval: no question in %s has gold lines yet: after each question's tab, write the lines that answer it, such as 351-355", path)
	}
	return qs, len(all) - len(qs), nil
}
