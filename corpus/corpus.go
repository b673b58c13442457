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

// Overlaps reports whether the spans share a line.
func (s Span) Overlaps(o Span) bool { return s.Start <= o.End && o.Start <= s.End }

// Label is "lines A–B", or "line A" for a single line.
func (s Span) Label() string {
	if s.Start == s.End {
		return "line " + s.String()
	}
	return "lines " + s.String()
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
	// Omitted are the parts of the file left out of the text: a Project
	// Gutenberg header and licence, a title page, a table of contents, an
	// index. Nothing else is left out.
	Omitted []Omission
}

// Omission is a part of a file that is not text to quote.
type Omission struct {
	Lines  Span
	Reason string // "Project Gutenberg licence", "table of contents", …
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
	Title     string   // short title: a heading (after its book or act), or the question's last question sentence
	Heading   string   // the full heading or question
	Level     int      // 1 a book, part or act; 2 a chapter; 3 a scene or sub-heading
	Speakers  []string // who speaks in the section, for interviews, dialogues and plays
	Lines     Span
	FirstPage int
	LastPage  int
	// Sentences are the indices into Document.Sentences of the section's
	// sentences: FirstSentence ≤ i < EndSentence. In an interview the
	// question's sentences come first, marked Question.
	FirstSentence, EndSentence int
}

// Sentence is one sentence of a section body, as displayed: lines joined,
// markup and footnote markers removed.
type Sentence struct {
	Index     int
	Section   int // index into Document.Sections
	Text      string
	Lines     Span
	Page      int
	Footnotes []int  // footnote numbers marked in the sentence
	Question  bool   // asked by the interviewer, not part of the answer
	Speaker   string // who speaks it, in a dialogue, play or transcript
	Paragraph int    // sentences of one paragraph (or turn) share it
	// Starts are where each source line of a sentence on several lines
	// begins in Text; nil for a sentence on one line.
	Starts []LineStart
}

// LineStart is the byte offset in a sentence's text where a source line
// begins.
type LineStart struct {
	Offset int32
	Line   int32
}

// LinesOf returns the source lines that Text[start:end] stands on.
func (s Sentence) LinesOf(start, end int) Span {
	if len(s.Starts) == 0 || end <= start {
		return s.Lines
	}
	out := Span{Start: s.Lines.Start, End: s.Lines.Start}
	for _, ls := range s.Starts {
		if int(ls.Offset) <= start {
			out.Start = int(ls.Line)
		}
		if int(ls.Offset) < end {
			out.End = int(ls.Line)
		}
	}
	return out
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
