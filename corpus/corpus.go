// Package corpus loads texts and parses them into sections, sentences,
// quotations and retrieval passages, each with the line span and page it
// stands on in the source file.
//
// Line numbers are 1-based lines of the source file as given, after dropping
// a UTF-8 byte order mark; CRLF counts as one line break.
package corpus

import (
	_ "embed"
	"fmt"
)

//go:embed interview.txt
var interviewText []byte

// DefaultName is the file name of the embedded default text.
const DefaultName = "interview.txt"

// DefaultText returns the embedded default text byte for byte.
func DefaultText() []byte {
	return append([]byte(nil), interviewText...)
}

// Default parses the embedded interview.
func Default() (*Corpus, error) {
	doc, err := Parse(DefaultName, interviewText)
	if err != nil {
		return nil, fmt.Errorf("corpus: default text: %w", err)
	}
	doc.Title = "The Russian Revolution: an interview with Suzi Weissman"
	doc.Author = "Suzi Weissman, interviewed by Dan La Botz for New Politics"
	return &Corpus{Documents: []*Document{doc}}, nil
}

// Span is an inclusive range of 1-based source lines.
type Span struct {
	Start int `json:"start_line"`
	End   int `json:"end_line"`
}

// Contains reports whether line n lies in the span.
func (s Span) Contains(n int) bool { return n >= s.Start && n <= s.End }

// Overlaps reports whether the spans share a line.
func (s Span) Overlaps(o Span) bool { return s.Start <= o.End && o.Start <= s.End }

// Label is "lines A–B", or "line A" for a single line.
func (s Span) Label() string {
	if s.Start == s.End {
		return "line " + s.String()
	}
	return "lines " + s.String()
}

// Pages is "p. A", or "pp. A–B" for a range of pages.
func Pages(first, last int) string {
	if first == last {
		return fmt.Sprintf("p. %d", first)
	}
	return fmt.Sprintf("pp. %d–%d", first, last)
}

// String formats the span as "A–B", or "A" for a single line.
func (s Span) String() string {
	if s.Start == s.End {
		return fmt.Sprint(s.Start)
	}
	return fmt.Sprintf("%d–%d", s.Start, s.End)
}

// Corpus is one or more parsed documents.
type Corpus struct {
	Documents []*Document
}

// Size returns the number of bytes of source text in the corpus.
func (c *Corpus) Size() int {
	n := 0
	for _, d := range c.Documents {
		n += d.Size
	}
	return n
}

// Document is one parsed source file.
type Document struct {
	Name       string // file name, as cited
	Title      string
	Author     string
	Size       int    // bytes of source text
	Hash       string // hex SHA-256 of the source bytes
	Lines      int    // number of source lines
	Pages      int    // number of pages; 0 when the text has no page breaks
	Epigraph   *Epigraph
	Sections   []Section
	Sentences  []Sentence
	Passages   []Passage
	Quotations []Quotation
	Footnotes  []Footnote
}

// Epigraph is a quotation and its attribution standing before the first
// section.
type Epigraph struct {
	Text        string
	Attribution string
	Lines       Span
}

// Section is a part of a document: a chapter or heading of a book, or one
// interviewer question with its answer.
type Section struct {
	Number    int      // 0 for front matter, then 1, 2, …
	Title     string   // short title: a heading, or the question's last question sentence
	Heading   string   // the full heading or question
	Speakers  []string // who speaks in the section, for interviews
	Lines     Span
	FirstPage int
	LastPage  int
	// Sentences are the indices into Document.Sentences of the section's
	// sentences: FirstSentence ≤ i < EndSentence. In an interview the
	// question's sentences come first, marked Question.
	FirstSentence, EndSentence int
}

// Sentence is one sentence of a section body, as displayed: lines joined,
// footnote markers removed.
type Sentence struct {
	Index     int
	Section   int // index into Document.Sections
	Text      string
	Lines     Span
	Page      int
	Footnotes []int // footnote numbers marked in the sentence
	Question  bool  // asked by the interviewer, not part of the answer
}

// Passage is a window of consecutive sentences inside one section, the unit
// of retrieval.
type Passage struct {
	Index         int
	Section       int // index into Document.Sections
	FirstSentence int
	EndSentence   int // exclusive
	Text          string
	Lines         Span
	Page          int
}

// Quotation is a passage of the text inside curly quotes.
type Quotation struct {
	Text     string
	Lines    Span
	Sentence int    // index of the sentence it starts in
	Speaker  string // who is quoted, where the text says so
}

// Footnote is a footnote marker glued to a word in the source.
type Footnote struct {
	Number int
	Line   int
}
