package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// sectionsCommand prints the table of contents.
type sectionsCommand struct {
	settings settingsFlags
	json     bool
}

func (*sectionsCommand) Name() string    { return "sections" }
func (*sectionsCommand) Args() string    { return "" }
func (*sectionsCommand) Summary() string { return "the table of contents" }
func (c *sectionsCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs)
	fs.BoolVar(&c.json, "json", false, "print the sections as a JSON array")
}

// sectionJSON is the JSON shape of a table-of-contents entry.
type sectionJSON struct {
	Source    string   `json:"source"`
	Number    int      `json:"number"`
	Title     string   `json:"title"`
	Level     int      `json:"level"`
	StartLine int      `json:"start_line"`
	EndLine   int      `json:"end_line"`
	FirstPage int      `json:"first_page,omitempty"`
	LastPage  int      `json:"last_page,omitempty"`
	Sentences int      `json:"sentences"`
	Speakers  []string `json:"speakers,omitempty"`
}

func (c *sectionsCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("sections takes no arguments, got %q", strings.Join(args, " "))
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	cp, err := loadCorpus(ctx, cfg)
	if err != nil {
		return err
	}
	var all []sectionJSON
	for _, d := range cp.Documents {
		for _, s := range d.Sections {
			all = append(all, sectionJSON{
				Source: d.Name, Number: s.Number, Title: s.Title, Level: s.Level,
				StartLine: s.Lines.Start, EndLine: s.Lines.End,
				FirstPage: s.FirstPage, LastPage: s.LastPage,
				Sentences: s.EndSentence - s.FirstSentence, Speakers: s.Speakers,
			})
		}
	}
	if c.json {
		b, err := json.MarshalIndent(all, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.stdout, "%s\n", b)
		return err
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	current := ""
	for _, d := range cp.Documents {
		for _, s := range d.Sections {
			if len(cp.Documents) > 1 && d.Name != current {
				current = d.Name
				fmt.Fprintf(tw, "%s\n", current)
			}
			cite := retrieval.SectionCitation(d, s)
			fmt.Fprintf(tw, "§%d\t%s\t%s", s.Number, s.Title, s.Lines.Label())
			if p := cite.Pages(); p != "" {
				fmt.Fprintf(tw, "\t%s", p)
			}
			fmt.Fprintln(tw)
		}
	}
	return tw.Flush()
}

// loadCorpus reads and parses the configured corpus, or the embedded
// interview.
func loadCorpus(ctx context.Context, cfg *config.Config) (*corpus.Corpus, error) {
	if cfg.Corpus == "" {
		return corpus.Default()
	}
	src, err := corpus.ReadSources(ctx, cfg.Corpus, corpus.LoadOptions{MaxFileSize: cfg.MaxFileSize})
	if err != nil {
		return nil, err
	}
	return corpus.ParseSources(src)
}

// indexCommand builds or refreshes the cached index of a book.
type indexCommand struct{ settings settingsFlags }

func (*indexCommand) Name() string             { return "index" }
func (*indexCommand) Args() string             { return "" }
func (*indexCommand) Summary() string          { return "build or refresh the cached index of --corpus" }
func (c *indexCommand) Flags(fs *flag.FlagSet) { c.settings.register(fs) }

func (c *indexCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("index takes no arguments; name the text with --corpus PATH")
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	if cfg.Corpus == "" {
		return usagef("index: name a book with --corpus PATH (the embedded interview is indexed in memory)")
	}
	if cfg.IndexDir == "" {
		return usagef("index: no cache directory; set --index-dir DIR")
	}
	start := time.Now()
	ix, info, err := retrieval.Open(ctx, cfg.Corpus, retrieval.Options{
		CacheDir: cfg.IndexDir, MaxFileSize: cfg.MaxFileSize, Logger: a.log,
		Progress: newProgress(a.stderr, isTerminal(a.stderr)),
	})
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer ix.Close()
	describeCorpus(a.stdout, ix.Corpus())
	switch {
	case info.Path == "":
		fmt.Fprintf(a.stdout, "indexed in memory in %s: the cache directory %s could not be written\n", time.Since(start).Round(time.Millisecond), cfg.IndexDir)
	case info.Built:
		fmt.Fprintf(a.stdout, "indexed %d file(s) in %s: %s\n", len(ix.Corpus().Documents), time.Since(start).Round(time.Millisecond), info.Path)
	default:
		fmt.Fprintf(a.stdout, "index is up to date: %s\n", info.Path)
	}
	return nil
}

// largeOmission is the share of a file's lines, beyond a Project
// Gutenberg header and licence, that is worth a warning when left out.
const largeOmission = 0.25

// describeCorpus prints each document's size and structure, and what was
// left out of it as front or back matter, with a warning when that is a
// large share of the text.
func describeCorpus(w io.Writer, c *corpus.Corpus) {
	for _, d := range c.Documents {
		fmt.Fprintf(w, "corpus: %s (%q), %d bytes, %d lines, %d sections, %d sentences, %d passages\n",
			d.Name, d.Title, d.Size, d.Lines, len(d.Sections), len(d.Sentences), len(d.Passages))
		gutenberg, other := 0, 0
		var parts []string
		for _, o := range d.Omitted {
			n := o.Lines.End - o.Lines.Start + 1
			if strings.HasPrefix(o.Reason, "Project Gutenberg") {
				gutenberg += n
			} else {
				other += n
			}
			parts = append(parts, fmt.Sprintf("%s %s", o.Lines.Label(), o.Reason))
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "  left out: %s\n", strings.Join(parts, "; "))
		}
		if body := d.Lines - gutenberg; body > 0 && float64(other) > largeOmission*float64(body) {
			fmt.Fprintf(w, "  warning: %d%% of %s was left out as front or back matter; check 'lectern sections' and report the layout if text is missing\n", other*100/body, d.Name)
		}
	}
}

// newProgress reports indexing progress: a bar redrawn in place on a
// terminal, a line per quarter otherwise.
func newProgress(w io.Writer, terminal bool) retrieval.Progress {
	lastQuarter := -1
	return func(done, total int) {
		if total == 0 {
			return
		}
		pct := done * 100 / total
		if terminal {
			const width = 30
			fill := pct * width / 100
			fmt.Fprintf(w, "\rindexing [%s%s] %3d%% %d/%d passages", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), pct, done, total)
			if done == total {
				fmt.Fprintln(w)
			}
			return
		}
		if q := pct / 25; q != lastQuarter {
			lastQuarter = q
			fmt.Fprintf(w, "indexing: %d%% (%d/%d passages)\n", pct, done, total)
		}
	}
}

// evalCommand scores a question set against the corpus.
type evalCommand struct {
	settings settingsFlags
	results  resultFlags
}

func (*evalCommand) Name() string { return "eval" }
func (*evalCommand) Args() string { return "QUESTIONS.tsv" }
func (*evalCommand) Summary() string {
	return "hit@1, hit@3 and MRR of a question set (question, tab, line ranges)"
}
func (c *evalCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs)
	fs.IntVar(&c.results.k, "k", 3, "`number` of results scored per question, at least 3")
}

func (c *evalCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) != 1 {
		return usagef("eval: give one QUESTIONS.tsv file (question, tab, line ranges such as 351-355;367-373)")
	}
	cfg, err := a.config(fs, c.settings.envFile)
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

// checkCommand validates the settings and the corpus.
type checkCommand struct{ settings settingsFlags }

func (*checkCommand) Name() string { return "check" }
func (*checkCommand) Args() string { return "" }
func (*checkCommand) Summary() string {
	return "validate settings and corpus and print them (token redacted)"
}
func (c *checkCommand) Flags(fs *flag.FlagSet) { c.settings.register(fs) }

// Run prints what run would use, without connecting to Discord.
func (c *checkCommand) Run(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return usagef("check takes no arguments")
	}
	cfg, err := a.config(fs, c.settings.envFile)
	if err != nil {
		return err
	}
	cp, err := loadCorpus(ctx, cfg)
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
