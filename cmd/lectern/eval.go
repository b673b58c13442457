package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/retrieval"
)

// evalCommand scores a question set against the corpus.
type evalCommand struct {
	settings settingsFlags
}

func (*evalCommand) Name() string { return "eval" }
func (*evalCommand) Args() string { return "QUESTIONS.tsv" }
func (*evalCommand) Summary() string {
	return "hit@1, hit@3 and MRR of a question set (question, tab, line ranges)"
}
func (c *evalCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs, append(corpusSettings, config.KeyResults)...)
}

func (c *evalCommand) Run(ctx context.Context, a *app, args []string) error {
	if len(args) != 1 {
		return usagef("eval: give one QUESTIONS.tsv file (question, tab, line ranges such as 351-355;367-373)")
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
