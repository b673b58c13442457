package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

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
	c.settings.register(fs, corpusSettings...)
	fs.BoolVar(&c.json, "json", false, "print the sections as a JSON array")
}

// sectionJSON is the JSON shape of a table-of-contents entry.
type sectionJSON struct {
	Source string `json:"source"`
	Number int    `json:"number"`
	Title  string `json:"title"`
	Level  int    `json:"level"`
	// StartLine and EndLine are the section's lines in a text or Markdown
	// file, absent for other formats; Location cites the section as its
	// format is cited.
	StartLine int                `json:"start_line,omitempty"`
	EndLine   int                `json:"end_line,omitempty"`
	FirstPage int                `json:"first_page,omitempty"`
	LastPage  int                `json:"last_page,omitempty"`
	Location  retrieval.Location `json:"location"`
	Sentences int                `json:"sentences"`
	Speakers  []string           `json:"speakers,omitempty"`
}

func (c *sectionsCommand) Run(ctx context.Context, a *app, args []string) error {
	_, cp, err := a.settingsAndCorpus(ctx, c.settings)
	if err != nil {
		return err
	}
	var all []sectionJSON
	for _, d := range cp.Documents {
		for _, s := range d.Sections {
			e := sectionJSON{
				Source: d.Name, Number: s.Number, Title: s.Title, Level: s.Level,
				Location:  retrieval.SectionCitation(d, s).Location,
				Sentences: s.EndSentence - s.FirstSentence, Speakers: s.Speakers,
			}
			if d.Format.LineBased() {
				e.StartLine, e.EndLine, e.FirstPage, e.LastPage = s.Lines.Start, s.Lines.End, s.FirstPage, s.LastPage
			}
			all = append(all, e)
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
			loc := retrieval.SectionCitation(d, s).Location
			fmt.Fprintf(tw, "§%d\t%s\t%s\n", s.Number, retrieval.Clip(s.Title, sectionTitleWidth), strings.ReplaceAll(loc.String(), " · ", "\t"))
		}
	}
	return tw.Flush()
}

// sectionTitleWidth is the most of a title the table of contents shows,
// so that one long title (a marginal note, a question in an interview)
// does not push every location off the screen; --json gives titles whole.
const sectionTitleWidth = 80
