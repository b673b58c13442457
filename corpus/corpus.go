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
	"iter"
	"path/filepath"
	"sort"
	"strings"
	"time"
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
	// Skipped are the files of a folder left out: they hold no text to
	// quote, or cannot be opened (encrypted, damaged).
	Skipped []*FileError
}

// Size returns the number of bytes of source text in the corpus.
func (c *Corpus) Size() int {
	n := 0
	for _, d := range c.Documents {
		n += d.Size
	}
	return n
}

// Format is what kind of file a document came from. It decides how the
// document is cited: by the lines of the file (text, Markdown), by page
// (PDF), by chapter and paragraph (EPUB), or by section and paragraph
// (HTML, Word, OpenDocument, RTF, Jupyter notebooks).
type Format uint8

const (
	FormatText     Format = iota // plain text
	FormatMarkdown               // Markdown or MDX
	FormatHTML                   // a web page, or a book's HTML edition
	FormatEPUB                   // an EPUB 2 or 3 book
	FormatPDF                    // a PDF with a text layer
	FormatDOCX                   // a Word document (.docx)
	FormatODT                    // an OpenDocument text (.odt), LibreOffice's own
	FormatRTF                    // an RTF document (.rtf): WordPad's, TextEdit's
	FormatNotebook               // a Jupyter notebook (.ipynb)
)

var formatNames = [...]string{"text", "markdown", "html", "epub", "pdf", "docx", "odt", "rtf", "notebook"}

// BySection reports whether a format's quotes are cited by section and
// paragraph: a web page, a word processor's document, a notebook.
func (f Format) BySection() bool {
	return f == FormatHTML || f == FormatDOCX || f == FormatODT || f == FormatRTF || f == FormatNotebook
}

// Kind is what kind of file the document was read from, for people: its
// format, or the markup its Markdown was rewritten from ("reStructuredText",
// "AsciiDoc", "Quarto"), or "subtitles" for a text of cues ("timed
// transcript" for one whose lines open with their times).
func (d *Document) Kind() string {
	switch ext := strings.ToLower(filepath.Ext(d.Name)); {
	case len(d.Cues) > 0 && (ext == ".srt" || ext == ".vtt"):
		return "subtitles"
	case len(d.Cues) > 0:
		return "timed transcript"
	case d.Format != FormatMarkdown:
		return d.Format.String()
	case isRST(d.Name):
		return "reStructuredText"
	case isAsciiDoc(d.Name):
		return "AsciiDoc"
	case isOrg(d.Name):
		return "Org"
	case isLaTeX(d.Name):
		return "LaTeX"
	case ext == ".qmd":
		return "Quarto"
	case ext == ".rmd":
		return "R Markdown"
	case ext == ".mdx":
		return "MDX"
	}
	return "markdown"
}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// LineBased reports whether a format's lines are the lines of the file,
// which readers can cite; the lines of the other formats are those of
// the text Lectern extracted, kept in Document.Text.
func (f Format) LineBased() bool { return f == FormatText || f == FormatMarkdown }

// marksUp reports whether the format marks its headings, lists and
// paragraphs (Markdown, web pages, EPUBs, word processors' documents),
// rather than leaving them to be read from a text's look.
func (f Format) marksUp() bool { return f != FormatText && f != FormatPDF }

// Document is one parsed source file.
type Document struct {
	Name   string // file name, as cited
	Format Format
	Title  string
	Author string
	// Translator is who translated the text, where its Project Gutenberg
	// header ("Translator: W. K. Marriott") or its title page
	// ("Translated by Florence Kelley Wischnewetzky") says; "" elsewhere.
	Translator string
	// Encoding is what a text or Markdown file was read from when it was
	// not UTF-8: EncodingUTF16LE, EncodingUTF16BE or EncodingWindows1252;
	// "" for UTF-8 and for other formats, which declare their own.
	Encoding string
	Size     int    // bytes of source text
	Hash     string // hex SHA-256 of the source bytes
	Lines    int    // number of source lines (or of extracted text lines; see Text)
	Pages    int    // number of pages; 0 when the text has no page breaks
	// Text is the extracted text of a document whose format is not
	// line-based (HTML, EPUB, PDF), a line each: what the reader shows and
	// Lines counts. Nil for text and Markdown, whose lines are the file's.
	Text []string
	// PageLabels are a PDF's printed page labels ("iv", "31"), by
	// physical page (PageLabels[0] is page 1); nil when it has none.
	PageLabels []string
	// LinePages are the pages of the lines (LinePages[0] is line 1's);
	// nil when the text has no pages. They rise through the text, but a
	// PDF's footnotes, gathered after it, keep the pages they stand on.
	LinePages []int
	// Cues are subtitles' cues by the line their text starts on, in the
	// file's order; nil for any other text.
	Cues []Cue
	// Chapters are an EPUB's chapters, in reading order.
	Chapters   []Chapter
	Epigraph   *Epigraph
	Sections   []Section
	Passages   []Passage
	Quotations []Quotation
	Footnotes  []Footnote
	// Omitted are the parts of the file left out of the text: a Project
	// Gutenberg header and licence, a title page, a table of contents, an
	// index. Nothing else is left out.
	Omitted []Omission

	// The sentences are held as a slice when the document is parsed, and
	// by a store when a cache reads it back (see SetSentenceStore).
	sentences []Sentence
	store     SentenceStore
}

// SentenceStore gives a document's sentences one at a time, for a
// document whose sentences are not held in Go's heap: a cache keeps a
// library's millions of them in a file mapped into memory.
type SentenceStore interface {
	Len() int
	Sentence(i int) Sentence
}

// SetSentenceStore makes store the source of d's sentences, in place of
// those it was parsed with.
func (d *Document) SetSentenceStore(store SentenceStore) {
	d.sentences, d.store = nil, store
}

// SentenceStore is the store SetSentenceStore gave d, nil when d holds
// its sentences itself.
func (d *Document) SentenceStore() SentenceStore { return d.store }

// SentenceCount is the number of d's sentences.
func (d *Document) SentenceCount() int {
	if d.store != nil {
		return d.store.Len()
	}
	return len(d.sentences)
}

// Sentence returns sentence i of d, 0 ≤ i < SentenceCount(); it panics
// outside that range, as a slice does.
func (d *Document) Sentence(i int) Sentence {
	if d.store != nil {
		return d.store.Sentence(i)
	}
	return d.sentences[i]
}

// Sentences yields d's sentences from ≤ i < to with their indices.
func (d *Document) Sentences(from, to int) iter.Seq2[int, Sentence] {
	return func(yield func(int, Sentence) bool) {
		for i := from; i < to; i++ {
			if !yield(i, d.Sentence(i)) {
				return
			}
		}
	}
}

// SpokenSentences yields the sentences of d that have a speaker, with
// their indices, looking only in the sections that list one.
func (d *Document) SpokenSentences() iter.Seq2[int, Sentence] {
	return func(yield func(int, Sentence) bool) {
		for _, sec := range d.Sections {
			if len(sec.Speakers) == 0 {
				continue
			}
			for i, s := range d.Sentences(sec.FirstSentence, sec.EndSentence) {
				if s.Speaker != "" && !yield(i, s) {
					return
				}
			}
		}
	}
}

// AllSentences yields every sentence of d with its index.
func (d *Document) AllSentences() iter.Seq2[int, Sentence] {
	return d.Sentences(0, d.SentenceCount())
}

// Chapter is a chapter of an EPUB: a document of its spine, titled from
// its table of contents.
type Chapter struct {
	Title string
	Href  string // its path inside the EPUB
	// FirstSentence ≤ i < EndSentence are its sentences; FirstParagraph is
	// the Paragraph number of the first, so that a paragraph is cited as
	// the how-manyth of its chapter.
	FirstSentence, EndSentence int
	FirstParagraph             int
}

// PageLabel is the printed label of physical page page (1-based), or ""
// when the document has none for it.
func (d *Document) PageLabel(page int) string {
	if page < 1 || page > len(d.PageLabels) {
		return ""
	}
	return d.PageLabels[page-1]
}

// Cue is when a cue of subtitles is spoken: its text starts on Line
// (1-based) at Start from the beginning of the recording.
type Cue struct {
	Line  int
	Start time.Duration
}

// TimeOfLine is when line (1-based) of subtitles is spoken: the start of
// the cue it stands in. It reports false for a text without cues.
func (d *Document) TimeOfLine(line int) (time.Duration, bool) {
	k := sort.Search(len(d.Cues), func(k int) bool { return d.Cues[k].Line > line }) - 1
	if k < 0 {
		return 0, false
	}
	return d.Cues[k].Start, true
}

// PageOfLine is the page that line (1-based) stands on, 0 when the text
// has no pages.
func (d *Document) PageOfLine(line int) int {
	if line < 1 || line > len(d.LinePages) {
		return 0
	}
	return d.LinePages[line-1]
}

// PageLines are the lines of pages first to last: from the first line on
// first to the last line on last before the text leaves them (a PDF's
// footnotes, gathered after the text, are not among them). ok is false
// when no line stands on first.
func (d *Document) PageLines(first, last int) (lines Span, ok bool) {
	start := sort.SearchInts(d.LinePages, first)
	if start == len(d.LinePages) || d.LinePages[start] != first {
		for start = 0; start < len(d.LinePages) && d.LinePages[start] != first; start++ {
		}
		if start == len(d.LinePages) {
			return Span{}, false
		}
	}
	end := start
	for end+1 < len(d.LinePages) && d.LinePages[end+1] >= first && d.LinePages[end+1] <= last {
		end++
	}
	return Span{Start: start + 1, End: end + 1}, true
}

// ChapterOf returns the index of the chapter holding sentence s, or -1.
func (d *Document) ChapterOf(s int) int {
	for i, c := range d.Chapters {
		if s >= c.FirstSentence && s < c.EndSentence {
			return i
		}
	}
	return -1
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
	Number  int    // 0 for front matter, then 1, 2, …
	Title   string // short title: a heading (after its book or act), or the question's last question sentence
	Heading string // the full heading or question
	// Anchor is the id the source gives the heading, where it gives one:
	// Markdown's {#id}, an HTML heading's id attribute.
	Anchor    string
	Level     int      // 1 a book, part or act; 2 a chapter; 3 a scene or sub-heading
	Speakers  []string // who speaks in the section, for interviews, dialogues and plays
	Lines     Span
	FirstPage int
	LastPage  int
	// The section's sentences are the document's sentences
	// FirstSentence ≤ i < EndSentence. In an interview the
	// question's sentences come first, marked Question.
	FirstSentence, EndSentence int
	// Verses: the section is a chapter of a verse-numbered text
	// ("43:003:016 For God so loved…"), its paragraphs the chapter's
	// verses in order, from verse 1.
	Verses bool
}

// Sentence is one sentence of a section body, as displayed: lines joined,
// markup and footnote markers removed. A document gives its sentences by
// value (Document.Sentence): changing one changes nothing.
type Sentence struct {
	Index     int
	Section   int // index into Document.Sections
	Text      string
	Lines     Span
	Page      int
	Footnotes []int  // footnote numbers marked in the sentence
	Speaker   string // who speaks it, in a dialogue, play or transcript
	Paragraph int    // sentences of one paragraph (or turn) share it
	// Starts are where each source line of a sentence on several lines
	// begins in Text; nil for a sentence on one line.
	Starts   []LineStart
	Question bool // asked by the interviewer, not part of the answer
	// Code is a block of code (a documentation page's command or
	// listing), kept line by line as written; never prose.
	Code bool
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
// of retrieval. Its text is its sentences' (Document.PassageText), not
// kept a second time.
type Passage struct {
	Index         int
	Section       int // index into Document.Sections
	FirstSentence int
	EndSentence   int // exclusive
	Lines         Span
	Page          int
}

// PassageText is the text of passage p of d: its sentences joined by
// spaces.
func (d *Document) PassageText(p int) string {
	ps := d.Passages[p]
	var b strings.Builder
	for i, s := range d.Sentences(ps.FirstSentence, ps.EndSentence) {
		if i > ps.FirstSentence {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// Quotation is a passage of the text inside curly quotes.
type Quotation struct {
	Text     string
	Lines    Span
	Sentence int    // index of the sentence it starts in
	Speaker  string // who is quoted, where the text says so
}

// Footnote is a footnote marker in the source: a number glued to a
// word, or a note referenced from the text of an EPUB, HTML or PDF.
type Footnote struct {
	Number int
	Line   int
	// Text is the note itself, where the format says which note a marker
	// refers to.
	Text string
}
