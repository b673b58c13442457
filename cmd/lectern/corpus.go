package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/lectern-bot/lectern/config"
	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// settingsAndCorpus loads the settings and reads and parses the corpus
// they name.
func (a *app) settingsAndCorpus(ctx context.Context, s settingsFlags) (*config.Config, *corpus.Corpus, error) {
	cfg, err := a.config(s)
	if err != nil {
		return nil, nil, err
	}
	c, err := loadCorpus(ctx, cfg)
	return cfg, c, err
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
	pdf := retrieval.NewPDFEngine(cfg.IndexDir)
	defer pdf.Close()
	return corpus.ParseSources(src, pdf)
}

// largeOmission is the share of a file's lines, beyond a Project
// Gutenberg header and licence, that is worth a warning when left out.
const largeOmission = 0.25

// describeCorpus prints each document's size and structure, and what was
// left out of it as front or back matter, with a warning when that is a
// large share of the text.
func describeCorpus(w io.Writer, c *corpus.Corpus) {
	for _, f := range c.Skipped {
		fmt.Fprintf(w, "corpus: left out %s: %v\n", f.Path, f.Err)
	}
	for _, d := range c.Documents {
		fmt.Fprintf(w, "corpus: %s (%q, %s), %d bytes, %s, %s, %s, %s\n",
			d.Name, d.Title, d.Kind(), d.Size, retrieval.Extent(d), counted(len(d.Sections), "section"), counted(d.SentenceCount(), "sentence"), counted(len(d.Passages), "passage"))
		if d.Encoding != "" {
			fmt.Fprintf(w, "  read as %s (not UTF-8)\n", d.Encoding)
		}
		gutenberg, other := 0, 0
		for _, o := range d.Omitted {
			n := o.Lines.End - o.Lines.Start + 1
			if strings.HasPrefix(o.Reason, "Project Gutenberg") {
				gutenberg += n
			} else {
				other += n
			}
		}
		if parts := omissions(d); len(parts) > 0 {
			fmt.Fprintf(w, "  left out: %s\n", strings.Join(parts, "; "))
		}
		if body := d.Lines - gutenberg; body > 0 && float64(other) > largeOmission*float64(body) {
			fmt.Fprintf(w, "  warning: %d%% of %s was left out as front or back matter; check 'lectern sections' and report the layout if text is missing\n", other*100/body, d.Name)
		}
	}
}

// maxListedOmissions is the most parts left out for one reason that are
// listed one by one; more (a book's running heads, a line on each page)
// are counted, with the first and the last.
const maxListedOmissions = 4

// omissions lists what was left out of d and where, in the text's order,
// the parts left out for one reason counted when there are many.
func omissions(d *corpus.Document) []string {
	byReason := map[string][]corpus.Omission{}
	for _, o := range d.Omitted {
		byReason[o.Reason] = append(byReason[o.Reason], o)
	}
	var parts []string
	for _, o := range d.Omitted {
		all := byReason[o.Reason]
		switch {
		case len(all) <= maxListedOmissions:
			parts = append(parts, strings.TrimSpace(omittedWhere(d, o)+" "+o.Reason))
		case o == all[0]:
			first, last := omittedWhere(d, all[0]), omittedWhere(d, all[len(all)-1])
			part := fmt.Sprintf("%s ×%d", o.Reason, len(all))
			if first != "" {
				part += fmt.Sprintf(" (%s … %s)", first, last)
			}
			parts = append(parts, part)
		}
	}
	return parts
}

// omittedWhere is where a left-out part stands, as d is cited: its lines,
// a PDF's pages, nothing for other formats (their lines are Lectern's).
func omittedWhere(d *corpus.Document, o corpus.Omission) string {
	switch {
	case d.Format.LineBased():
		return o.Lines.Label()
	case d.Format == corpus.FormatPDF:
		first, last := d.PageOfLine(o.Lines.Start), d.PageOfLine(o.Lines.End)
		if first == last {
			return "p. " + retrieval.PageName(d, first)
		}
		return "pp. " + retrieval.PageName(d, first) + "–" + retrieval.PageName(d, last)
	}
	return ""
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
			fmt.Fprintf(w, "\rindexing [%s%s] %3d%%", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), pct)
			if done == total {
				fmt.Fprintln(w)
			}
			return
		}
		if q := pct / 25; q != lastQuarter {
			lastQuarter = q
			fmt.Fprintf(w, "indexing: %d%%\n", pct)
		}
	}
}

// counted is n things: "1 section", "3 sections".
func counted(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
