package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/retrieval"
)

// searchCommand is ask or quote.
type searchCommand struct {
	kind     string // "ask" or "quote"
	settings settingsFlags
	json     bool
}

func (c *searchCommand) Name() string { return c.kind }

func (c *searchCommand) Args() string {
	if c.kind == "quote" {
		return "[PHRASE]"
	}
	return "[QUESTION]"
}

func (c *searchCommand) Summary() string {
	if c.kind == "quote" {
		return "look a quotation up by keyword or phrase"
	}
	return "the sentences that best answer a question"
}

func (c *searchCommand) Flags(fs *flag.FlagSet) {
	c.settings.register(fs, append(corpusSettings, config.KeyResults)...)
	fs.BoolVar(&c.json, "json", false, "print one JSON object per query")
}

// Run answers the arguments, or each line of standard input when there
// are none and it is not a terminal.
func (c *searchCommand) Run(ctx context.Context, a *app, args []string) error {
	cfg, err := a.config(c.settings)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(args, " "))
	batch := query == "" && !isTerminal(a.stdin)
	if query == "" && !batch {
		example := map[string]string{"ask": "What happened to the soviets?", "quote": "peace of shame"}[c.kind]
		return usagef("%s: give a %s, e.g. lectern %s %q", c.kind, strings.Trim(strings.ToLower(c.Args()), "[]"), c.kind, example)
	}
	var progress retrieval.Progress
	if isTerminal(a.stderr) {
		progress = newProgress(a.stderr, true) // a first build of a book takes seconds
	}
	ix, _, err := a.open(ctx, cfg, progress)
	if err != nil {
		return err
	}
	defer ix.Close()
	find := ix.Ask
	if c.kind == "quote" {
		find = ix.Quote
	}
	color := !c.json && isTerminal(a.stdout)
	out := bufio.NewWriter(a.stdout)
	defer out.Flush()
	answer := func(q string) error {
		rs, err := find(ctx, q, cfg.Results)
		if err != nil {
			return fmt.Errorf("%s: %w", c.kind, err)
		}
		ans := retrieval.NewAnswer(q, rs)
		if c.kind == "ask" {
			ans.Note = ix.Note(q)
		} else {
			ans.Note = retrieval.QuoteNote(q, rs)
		}
		if c.json {
			b, err := json.Marshal(ans)
			if err != nil {
				return err
			}
			out.Write(append(b, '\n'))
			return nil
		}
		if batch {
			fmt.Fprintf(out, "> %s\n\n", q)
		}
		printResults(out, ans, color)
		return nil
	}
	if !batch {
		return answer(query)
	}
	sc := bufio.NewScanner(a.stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			continue
		}
		if err := answer(q); err != nil {
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

// printResults writes an answer for people: its note, then each quote
// and its citation.
func printResults(w io.Writer, ans retrieval.Answer, color bool) {
	if ans.Note != "" {
		fmt.Fprintf(w, "%s\n\n", ans.Note)
	}
	if len(ans.Results) == 0 {
		fmt.Fprintf(w, "Nothing found for %q. Try other words, fewer words, or a name from the text.\n\n", retrieval.ShownQuery(ans.Query))
		return
	}
	for _, r := range ans.Results {
		if r.Asked != "" {
			fmt.Fprintln(w, "Q: "+r.Asked)
		}
		text := r.Quote.Text
		switch {
		case r.Quote.Code:
			text = indent(text)
		case color:
			text = r.Quote.Highlight("\x1b[1m", "\x1b[0m", nil)
		}
		fmt.Fprintln(w, text)
		if r.Code != nil {
			fmt.Fprintln(w, indent(r.Code.Text))
		}
		fmt.Fprintln(w, "— "+r.Citation().Long())
		if r.Location.URL != "" {
			fmt.Fprintln(w, "  "+r.Location.URL)
		}
		fmt.Fprintln(w)
	}
}

// indent sets code apart from prose on a terminal, four spaces in, as
// Markdown writes a code block.
func indent(code string) string {
	return "    " + strings.ReplaceAll(code, "\n", "\n    ")
}
