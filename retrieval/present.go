package retrieval

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// Citation says where text stands: its file, its section, and its
// location in the reference system of its format. The command line, the
// bot and the web reader all cite through it.
type Citation struct {
	Source   string
	Section  SectionRef
	Location Location
	Speaker  string // who speaks the cited text, if anyone does
}

// Citation cites the result's quote.
func (r Result) Citation() Citation {
	return Citation{Source: r.Source, Section: r.Section, Location: r.Location, Speaker: r.Speaker}
}

// PassageCitation cites the passage around the result's quote.
func (r Result) PassageCitation() Citation {
	c := r.Citation()
	c.Location = r.passage
	return c
}

// Cite cites sentences [from, to) of a document.
func Cite(d *corpus.Document, from, to int) Citation {
	first, last := d.Sentence(from), d.Sentence(to-1)
	sec := d.Sections[first.Section]
	sents := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		sents = append(sents, i)
	}
	return Citation{Source: d.Name, Section: SectionRef{Number: sec.Number, Title: sec.Title},
		Location: locate(d, from, to-1, corpus.Span{Start: first.Lines.Start, End: last.Lines.End}), Speaker: speakerOf(d, sents)}
}

// SectionCitation cites a whole section of a document.
func SectionCitation(d *corpus.Document, s corpus.Section) Citation {
	c := Citation{Source: d.Name, Section: SectionRef{Number: s.Number, Title: s.Title}}
	if s.EndSentence > s.FirstSentence {
		c.Location = locate(d, s.FirstSentence, s.EndSentence-1, s.Lines)
	} else {
		c.Location = Location{Kind: kindLines, StartLine: s.Lines.Start, EndLine: s.Lines.End}
	}
	return c
}

// Pages is "p. 3", "pp. 3–5" or "" where the cited text has no pages, with
// a PDF's printed labels.
func (c Citation) Pages() string { return c.Location.pages() }

// String is the short form: "interview.txt · lines 351–356 · p. 11",
// "crisis.pdf · p. 47", "origin.epub · ch. 3 ¶ 12".
func (c Citation) String() string { return c.Source + " · " + c.Location.String() }

// Long is the form with the section, after the speaker where there is
// one: `Suzi Weissman, §4 "What do you see…", lines 321–325, p. 10
// (interview.txt)`.
func (c Citation) Long() string {
	loc := c.Location.String()
	if c.Location.lineBased() {
		loc = strings.Replace(loc, " · ", ", ", 1)
	}
	who := ""
	if c.Speaker != "" {
		who = c.Speaker + ", "
	}
	return fmt.Sprintf("%s§%d %q, %s (%s)", who, c.Section.Number, c.Section.Title, loc, c.Source)
}

// Extent is how long d is, in the units it is cited by: "900 lines, 29
// pages", "136 pages", "12 chapters".
func Extent(d *corpus.Document) string {
	switch d.Format {
	case corpus.FormatPDF:
		return fmt.Sprintf("%d pages", d.Pages)
	case corpus.FormatEPUB:
		return fmt.Sprintf("%d chapters", len(d.Chapters))
	case corpus.FormatHTML:
		return "a web page"
	case corpus.FormatDOCX:
		return "a Word document"
	case corpus.FormatODT:
		return "an OpenDocument text"
	case corpus.FormatRTF:
		return "an RTF document"
	case corpus.FormatNotebook:
		return "a Jupyter notebook"
	}
	if d.Pages > 0 {
		return fmt.Sprintf("%d lines, %d pages", d.Lines, d.Pages)
	}
	return fmt.Sprintf("%d lines", d.Lines)
}

// TextPath is where the web reader shows a document, relative to its
// root: "/text/" and the document's name, each part escaped and its
// slashes kept ("/text/notes/week%201.md").
func TextPath(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return "/text/" + strings.Join(parts, "/")
}

// ReaderPath is where the web reader shows the cited text, relative to
// its root: "/text/interview.txt#L321-L325", "/text/crisis.pdf#p47".
func (c Citation) ReaderPath() string { return TextPath(c.Source) + "#" + c.Location.Anchor() }

// String is "§3 · How would you characterize this party?".
func (s SectionRef) String() string { return fmt.Sprintf("§%d · %s", s.Number, s.Title) }

// Highlight returns the excerpt's text with its matches wrapped in on and
// off, and everything else (matches too) passed through escape, which may
// be nil: "\x1b[1m" and "\x1b[0m" on a terminal, "**" and a Markdown
// escape on Discord, "<mark>" and an HTML escape on the web.
func (e Excerpt) Highlight(on, off string, escape func(string) string) string {
	if escape == nil {
		escape = func(s string) string { return s }
	}
	var b strings.Builder
	last := 0
	for _, m := range e.Matches {
		if m[0] < last || m[0] >= m[1] || m[1] > len(e.Text) {
			continue
		}
		b.WriteString(escape(e.Text[last:m[0]]))
		b.WriteString(on + escape(e.Text[m[0]:m[1]]) + off)
		last = m[1]
	}
	b.WriteString(escape(e.Text[last:]))
	return b.String()
}

// Clip shortens s to at most n characters, at a word boundary where one
// is near, marking the cut with "…".
func Clip(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:max(n-1, 0)])
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " \n,;:") + "…"
}

// shownQueryRunes is how much of a question a reply that echoes it shows:
// "Nothing found for …".
const shownQueryRunes = 200

// ShownQuery is a question as a reply echoes it, clipped.
func ShownQuery(q string) string { return Clip(q, shownQueryRunes) }

// CleanQuery is a question or phrase as it is read and shown: invalid
// bytes and control characters dropped, white space collapsed, at most
// MaxQueryRunes characters.
func CleanQuery(q string) string {
	q = strings.ToValidUTF8(q, " ")
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	if utf8.RuneCountInString(q) > MaxQueryRunes {
		q = string([]rune(q)[:MaxQueryRunes])
	}
	return strings.Join(strings.Fields(q), " ")
}

// Answer is the JSON shape of one query's results, as the command line
// prints it with --json and the web API returns it.
type Answer struct {
	Query string `json:"query"`
	// Note answers what no quote can (Index.Note); "" for most questions.
	Note    string   `json:"note,omitempty"`
	Results []Result `json:"results"`
}

// NewAnswer pairs a query with its results; no results is an empty list,
// never null.
func NewAnswer(query string, rs []Result) Answer {
	if rs == nil {
		rs = []Result{}
	}
	return Answer{Query: query, Results: rs}
}

// Verbatim reports whether the first of Quote's results holds the words
// looked up, in order or all of them, rather than the closest sentence.
func Verbatim(rs []Result) bool { return len(rs) > 0 && rs[0].Score >= tierAll }

// minSaidRun is how many words of a phrase in a row a quote must hold,
// one of them a word of four letters or more, for SaysInPart.
const minSaidRun = 3

// SaysInPart reports whether quote holds a run of phrase's words word for
// word, though not all of them: "someone said it was a peace of shame"
// quotes the text's "peace of shame", and "the ends justify the means"
// nothing of The Prince.
func SaysInPart(phrase, quote string) bool {
	p, q := plainWords(phrase), plainWords(quote)
	for i := range p {
		for j := range q {
			n := 0
			for i+n < len(p) && j+n < len(q) && p[i+n] == q[j+n] {
				n++
			}
			if n >= minSaidRun && slices.ContainsFunc(p[i:i+n], func(w string) bool { return utf8.RuneCountInString(w) >= 4 }) {
				return true
			}
		}
	}
	return false
}

// plainWords are text's words (letters and digits) in lower case,
// without punctuation: a phrase's and a quote's, a title's.
func plainWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// QuoteNote is what a front end says above Quote's results where the
// text does not hold the words looked up (Verbatim): the passages shown
// are the closest, not the quotation. "the ends justify the means" is
// no sentence of The Prince; without it a reader takes the first result
// for the line. "" where the words are found, or nothing is.
func QuoteNote(phrase string, rs []Result) string {
	if len(rs) == 0 || Verbatim(rs) {
		return ""
	}
	return fmt.Sprintf("The text does not say “%s” word for word; these passages come closest.", ShownQuery(CleanQuery(phrase)))
}
