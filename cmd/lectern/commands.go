package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// answer is the JSON shape of one query's results.
type answer struct {
	Query   string             `json:"query"`
	Results []retrieval.Result `json:"results"`
}

// search runs ask or quote on the arguments, or on each line of standard
// input when there are none.
func (a *app) search(ctx context.Context, cmd string, args []string) error {
	o := newOptions(cmd).withResults()
	rest, err := o.parse(args)
	if err != nil {
		return err
	}
	cfg, err := a.config(o)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(rest, " "))
	batch := query == "" && !isTerminal(a.stdin)
	if query == "" && !batch {
		return usagef("%s: give a %s, e.g. lectern %s %q", cmd, map[string]string{"ask": "question", "quote": "phrase"}[cmd], cmd, map[string]string{"ask": "What happened to the soviets?", "quote": "peace of shame"}[cmd])
	}
	var progress retrieval.Progress
	if isTerminal(a.stderr) {
		progress = newProgress(a.stderr, true) // a first build of a book takes seconds
	}
	ix, err := a.openIndex(ctx, cfg, progress)
	if err != nil {
		return err
	}
	defer ix.Close()
	find := ix.Ask
	if cmd == "quote" {
		find = ix.Quote
	}
	color := !o.json && isTerminal(a.stdout)
	out := bufio.NewWriter(a.stdout)
	defer out.Flush()
	answerOne := func(q string) error {
		rs, err := find(ctx, q, cfg.Results)
		if err != nil {
			return fmt.Errorf("%s: %w", cmd, err)
		}
		if o.json {
			if rs == nil {
				rs = []retrieval.Result{}
			}
			b, err := json.Marshal(answer{Query: q, Results: rs})
			if err != nil {
				return err
			}
			out.Write(append(b, '\n'))
			return nil
		}
		if batch {
			fmt.Fprintf(out, "> %s\n\n", q)
		}
		printResults(out, q, rs, color)
		return nil
	}
	if !batch {
		return answerOne(query)
	}
	sc := bufio.NewScanner(a.stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			continue
		}
		if err := answerOne(q); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading queries: %w", err)
	}
	return nil
}

// printResults writes results for people: the quote, then its citation.
func printResults(w io.Writer, q string, rs []retrieval.Result, color bool) {
	if len(rs) == 0 {
		fmt.Fprintf(w, "Nothing found for %q. Try other words, fewer words, or a name from the text.\n\n", q)
		return
	}
	for _, r := range rs {
		text := r.Quote.Text
		if color {
			text = highlight(text, r.Quote.Matches, "\x1b[1m", "\x1b[0m")
		}
		fmt.Fprintln(w, text)
		fmt.Fprintln(w, citation(r))
		fmt.Fprintln(w)
	}
}

// citation formats `— §N "title", lines A–B, p. P (file)`.
func citation(r retrieval.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "— §%d %q, %s", r.Section.Number, r.Section.Title, r.Quote.Label())
	if r.Page > 0 {
		fmt.Fprintf(&b, ", p. %d", r.Page)
	}
	fmt.Fprintf(&b, " (%s)", r.Source)
	return b.String()
}

// highlight wraps the byte ranges of text in on and off.
func highlight(text string, ranges [][2]int, on, off string) string {
	var b strings.Builder
	last := 0
	for _, m := range ranges {
		if m[0] < last || m[0] >= m[1] || m[1] > len(text) {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(on + text[m[0]:m[1]] + off)
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// sectionJSON is the JSON shape of a table-of-contents entry.
type sectionJSON struct {
	Source    string   `json:"source"`
	Number    int      `json:"number"`
	Title     string   `json:"title"`
	StartLine int      `json:"start_line"`
	EndLine   int      `json:"end_line"`
	FirstPage int      `json:"first_page,omitempty"`
	LastPage  int      `json:"last_page,omitempty"`
	Sentences int      `json:"sentences"`
	Speakers  []string `json:"speakers,omitempty"`
}

func (a *app) sections(_ context.Context, args []string) error {
	o := newOptions("sections")
	o.fs.BoolVar(&o.json, "json", false, "")
	rest, err := o.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("sections takes no arguments, got %q", strings.Join(rest, " "))
	}
	cfg, err := a.config(o)
	if err != nil {
		return err
	}
	c, err := loadCorpus(cfg)
	if err != nil {
		return err
	}
	var all []sectionJSON
	for _, d := range c.Documents {
		for _, s := range d.Sections {
			all = append(all, sectionJSON{
				Source: d.Name, Number: s.Number, Title: s.Title,
				StartLine: s.Lines.Start, EndLine: s.Lines.End,
				FirstPage: s.FirstPage, LastPage: s.LastPage,
				Sentences: s.EndSentence - s.FirstSentence, Speakers: s.Speakers,
			})
		}
	}
	if o.json {
		b, err := json.MarshalIndent(all, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.stdout, "%s\n", b)
		return err
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	current := ""
	for _, s := range all {
		if len(c.Documents) > 1 && s.Source != current {
			current = s.Source
			fmt.Fprintf(tw, "%s\n", current)
		}
		fmt.Fprintf(tw, "§%d\t%s\t%s", s.Number, s.Title, corpus.Span{Start: s.StartLine, End: s.EndLine}.Label())
		if s.FirstPage > 0 {
			fmt.Fprintf(tw, "\t%s", corpus.Pages(s.FirstPage, s.LastPage))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// index builds or refreshes the on-disk index of --corpus.
func (a *app) index(ctx context.Context, args []string) error {
	o := newOptions("index")
	rest, err := o.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("index takes no arguments; name the text with --corpus PATH")
	}
	cfg, err := a.config(o)
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
	c, err := loadCorpus(cfg)
	if err != nil {
		return err
	}
	ix, built, err := retrieval.OpenCached(ctx, c, cfg.IndexDir, newProgress(a.stderr, isTerminal(a.stderr)))
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer ix.Close()
	passages := 0
	for _, d := range c.Documents {
		passages += len(d.Passages)
	}
	if built {
		fmt.Fprintf(a.stdout, "indexed %d passages from %d file(s) in %s: %s\n", passages, len(c.Documents), time.Since(start).Round(time.Millisecond), ix.Path())
	} else {
		fmt.Fprintf(a.stdout, "index is up to date: %s\n", ix.Path())
	}
	return nil
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

// eval scores a question set against the corpus.
func (a *app) eval(ctx context.Context, args []string) error {
	o := newOptions("eval").withResults()
	rest, err := o.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("eval: give one QUESTIONS.tsv file (question, tab, line ranges such as 351-355;367-373)")
	}
	cfg, err := a.config(o)
	if err != nil {
		return err
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	qs, err := retrieval.ParseQuestions(f)
	if err != nil {
		return fmt.Errorf("eval: %s: %w", rest[0], err)
	}
	if len(qs) == 0 {
		return fmt.Errorf("eval: %s has no questions", rest[0])
	}
	ix, err := a.openIndex(ctx, cfg, nil)
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

// check validates the settings and the corpus and prints what run would
// use, without connecting to Discord.
func (a *app) check(ctx context.Context, args []string) error {
	o := newOptions("check")
	rest, err := o.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("check takes no arguments")
	}
	cfg, err := a.config(o)
	if err != nil {
		return err
	}
	c, err := loadCorpus(cfg)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, cfg.Summary())
	for _, d := range c.Documents {
		fmt.Fprintf(a.stdout, "corpus: %s (%q), %d bytes, %d lines, %d sections, %d sentences, %d passages\n",
			d.Name, d.Title, d.Size, d.Lines, len(d.Sections), len(d.Sentences), len(d.Passages))
	}
	if err := cfg.RequireToken(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "ok: lectern run would start with these settings")
	return nil
}
