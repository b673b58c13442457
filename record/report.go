package record

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Asked is a question and what became of it, in a report.
type Asked struct {
	Query string
	Times int
	// Source, Start and End are where the latest answer stood; Source is
	// "" when nothing was found.
	Source     string
	Start, End int
	Up, Down   int // ratings
}

// Lines is "interview.txt 351–356", or "" when nothing was found.
func (a Asked) Lines() string {
	if a.Source == "" {
		return ""
	}
	if a.Start == a.End {
		return fmt.Sprintf("%s %d", a.Source, a.Start)
	}
	return fmt.Sprintf("%s %d–%d", a.Source, a.Start, a.End)
}

// Report is what the owner reads: the most asked questions, questions
// that found nothing, and answers readers marked 👎.
type Report struct {
	Questions    int // recorded in all
	Since        time.Time
	MostAsked    []Asked
	NothingFound []Asked
	MarkedDown   []Asked
}

// WriteText writes the report for people.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	if r.Questions == 0 {
		b.WriteString("No questions recorded yet.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%d questions recorded since %s.\n", r.Questions, r.Since.Format("2006-01-02 15:04 UTC"))
	section := func(title string, list []Asked, empty string) {
		fmt.Fprintf(&b, "\n%s\n", title)
		if len(list) == 0 {
			fmt.Fprintf(&b, "  (%s)\n", empty)
		}
		for _, a := range list {
			fmt.Fprintf(&b, "  %4d× %s", a.Times, a.Query)
			if l := a.Lines(); l != "" {
				fmt.Fprintf(&b, "  → %s", l)
			}
			if a.Up+a.Down > 0 {
				fmt.Fprintf(&b, "  (👍 %d, 👎 %d)", a.Up, a.Down)
			}
			b.WriteByte('\n')
		}
	}
	section("Most asked:", r.MostAsked, "none")
	section("Found nothing:", r.NothingFound, "none: every question found an answer")
	section("Marked 👎:", r.MarkedDown, "none")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteTSV writes the questions worth checking (those that found
// nothing, those marked 👎, then the most asked) as a question file for
// `lectern eval`: one question a line, a tab, and the gold lines for the
// owner to fill in. A comment above each says what the bot answered.
func (r *Report) WriteTSV(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Questions readers asked Lectern, from `lectern report --tsv`.\n")
	b.WriteString("# After each tab, write the lines that answer the question (e.g. 351-355;367-373),\n")
	b.WriteString("# delete the questions you do not want, then run: lectern eval THIS-FILE\n")
	b.WriteString("# Questions still without lines are skipped by eval.\n")
	seen := map[string]bool{}
	for _, list := range [][]Asked{r.NothingFound, r.MarkedDown, r.MostAsked} {
		for _, a := range list {
			q := strings.Join(strings.Fields(a.Query), " ")
			key := strings.ToLower(q)
			if q == "" || seen[key] {
				continue
			}
			seen[key] = true
			switch {
			case a.Source == "":
				fmt.Fprintf(&b, "# asked %d×, found nothing\n", a.Times)
			default:
				fmt.Fprintf(&b, "# asked %d×, answered with %s", a.Times, a.Lines())
				if a.Up+a.Down > 0 {
					fmt.Fprintf(&b, " (👍 %d, 👎 %d)", a.Up, a.Down)
				}
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%s\t\n", q)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
