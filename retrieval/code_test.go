package retrieval

import (
	"context"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// docsPage is a documentation page: prose that says how, and the commands
// under it.
const docsPage = `---
title: Getting started
---

# Getting started

## Installing

Lectern is installed with the Go toolchain. To install the command-line tool, run the following command in a terminal:

` + "```sh" + `
# fetch and build
go install example.org/lectern/cmd/lectern@latest
` + "```" + `

The binary lands in your Go bin directory.

## Updating the index

The index is rebuilt whenever the text changes. To rebuild it by hand, remove the cache directory and start the tool again:

` + "```sh" + `
rm -rf ~/.cache/lectern
lectern index --corpus book.txt
` + "```" + `
`

// TestCodeComesWithItsAnswer checks that an answer to a question of how
// is prose, with the command under it, and that code beside prose is
// never a quote of Ask but may be found by Quote, marked as code.
func TestCodeComesWithItsAnswer(t *testing.T) {
	ix := parsedIndex(t, "start.md", docsPage)
	tests := []struct {
		question string
		code     string // in the code that comes with the first answer; "" for none
	}{
		{"How do I install the command-line tool?", "go install example.org/lectern/cmd/lectern@latest"},
		{"How can I rebuild the index by hand?", "rm -rf ~/.cache/lectern"},
		{"When is the index rebuilt?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 3)
			if err != nil || len(rs) == 0 {
				t.Fatalf("Ask: %v, %d results", err, len(rs))
			}
			for _, r := range rs {
				if r.Quote.Code || strings.Contains(r.Quote.Text, "\n") {
					t.Errorf("answer %d quotes code: %q", r.Rank, r.Quote.Text)
				}
			}
			switch got := rs[0].Code; {
			case tt.code == "" && got != nil:
				t.Errorf("the answer brings code %q, want none", got.Text)
			case tt.code != "" && (got == nil || !strings.Contains(got.Text, tt.code) || !got.Code):
				t.Errorf("the answer %q brings code %+v, want %q", rs[0].Quote.Text, got, tt.code)
			}
		})
	}
	rs, err := ix.Quote(context.Background(), "go install example.org", 1)
	if err != nil || len(rs) == 0 || !rs[0].Quote.Code {
		t.Errorf("Quote of a command: %v, %+v; want the code block, marked as code", err, rs)
	}
}

// TestCodeAloneAnswers: a section that holds code and no prose, as a
// README's "Installation" holds its command, is answered by the code,
// marked as code; code beside prose still comes with the prose.
func TestCodeAloneAnswers(t *testing.T) {
	readme := "# kettle\n\nA kettle for the command line, which boils water.\n\n" +
		"## Installation\n\n```sh\ngo install example.org/kettle@latest\n```\n\n" +
		"## Development\n\nHost setup installs the test dependencies and the database the tests run against.\n"
	ix := parsedIndex(t, "README.md", readme)
	rs, err := ix.Ask(context.Background(), "How do I install kettle?", 1)
	if err != nil || len(rs) == 0 {
		t.Fatalf("Ask: %v, %d results", err, len(rs))
	}
	if got := rs[0].Quote; !got.Code || !strings.Contains(got.Text, "go install example.org/kettle@latest") {
		t.Errorf("first quote %q (code %v), want the installation command, marked as code", got.Text, got.Code)
	}
}

func TestExcerptParts(t *testing.T) {
	d, err := corpus.Parse("start.md", []byte(docsPage))
	if err != nil {
		t.Fatal(err)
	}
	var p corpus.Passage
	for i, q := range d.Passages {
		if strings.Contains(d.PassageText(i), "go install") {
			p = q
		}
	}
	parts := passageExcerpt(d, p).Parts()
	var kinds []string
	for _, x := range parts {
		kind := "prose"
		if x.Code {
			kind = "code"
		}
		kinds = append(kinds, kind)
		if x.Code != strings.HasPrefix(x.Text, "# fetch") && x.Code {
			t.Errorf("code part %q is not the code block", x.Text)
		}
	}
	if got, want := strings.Join(kinds, " "), "prose code prose"; got != want {
		t.Errorf("passage parts %s, want %s", got, want)
	}
}
