package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
)

// An extraction is a document as a format's extractor reads it: its
// lines, and the blocks they form, told apart by the format's markup
// rather than by their look. For Markdown the lines are the file's; for
// HTML, EPUB and PDF they are the lines of the text extracted, which the
// document keeps (Document.Text).
type extraction struct {
	format     Format
	raw        []string // each line as the file has it (Markdown) or as extracted
	text       []string // what each line says, markup removed; "" for none
	page       []int    // the physical page of each line (PDF); nil when unpaged
	blocks     []xblock
	title      string
	author     string
	translator string   // who translated it, where the file says (EPUB)
	labels     []string // printed page labels (PDF)
	// chapters start at these lines (EPUB), in reading order.
	chapters []chapterStart
	omitted  []Omission // parts left out by the extractor, by line
	notes    []Footnote // notes referenced from the text
}

// xkind is what an extracted block is.
type xkind uint8

const (
	xParagraph xkind = iota
	xHeading
	xCode    // a code block: quoted as written, never as prose
	xDivider // ends paragraphs and nothing more (a rule)
	xOmitted // not text to quote: a table of contents; reason says what
)

// xblock is a block of an extraction: lines (0-based) of one kind.
type xblock struct {
	kind   xkind
	level  int // of a heading: 1 the title, 2 a chapter, … 6
	lines  []int
	reason string // of an omitted block
	anchor string // of a heading: the id the source gives it, if any
	bold   bool   // of a paragraph: all of it in bold
	// speaker of a paragraph, where the format names who speaks it (a
	// WebVTT voice)
	speaker string
}

// chapterStart is where an EPUB chapter begins.
type chapterStart struct {
	title, href string
	line        int // 0-based
}

// parseExtracted builds a document from an extraction, through the stages
// a book goes through once its headings are known: Project Gutenberg's
// header and licence, speakers' turns, front and back matter, sections,
// sentences and passages.
func parseExtracted(name string, data []byte, x *extraction) (*Document, error) {
	sum := sha256.Sum256(data)
	doc := &Document{Name: name, Format: x.format, Title: strings.Join(strings.Fields(x.title), " "), Author: strings.Join(strings.Fields(x.author), " "), Translator: x.translator, Size: len(data), Hash: hex.EncodeToString(sum[:]),
		Lines: len(x.text), PageLabels: x.labels, Footnotes: x.notes, Omitted: x.omitted}
	if !x.format.LineBased() {
		doc.Text = x.raw
	}
	page := x.page
	if page == nil {
		page = make([]int, len(x.text))
	}
	for _, pg := range page {
		doc.Pages = max(doc.Pages, pg)
	}
	if len(doc.PageLabels) > doc.Pages {
		doc.PageLabels = doc.PageLabels[:doc.Pages] // blank pages at the end hold nothing to cite
	}
	p := &parser{doc: doc, raw: x.raw, text: x.text, flags: make([]lineFlag, len(x.text)), page: page}
	doc.sentences = make([]Sentence, 0, len(data)/120+8)
	lo, hi := p.gutenberg()
	if !p.hasText(lo, hi) {
		if lo > 0 || hi < len(x.text) {
			return nil, errors.New("no text left after the Project Gutenberg header and licence")
		}
		return nil, ErrEmpty
	}
	if turns, ok := p.extractedInterview(x, lo, hi); ok {
		// An interview published as a web page, an EPUB or a document
		// reads as the text of one does: a section for each question.
		p.parseDialogue(lo, hi, turns)
		p.finish()
		return doc, nil
	}
	boldHeadings(x)
	blocks := p.extractedBlocks(x.blocks, lo, hi)
	if x.format != FormatMarkdown {
		blocks = p.readTurns(blocks)
		p.extractedDecimals(blocks)
	}
	blocks = p.datedEntries(blocks)
	p.markMatter(blocks)
	p.continueTurns(blocks)
	p.buildSections(blocks)
	p.titleIntroduction()
	p.placeChapters(x.chapters)
	p.finish()
	return doc, nil
}

// extractedInterview finds the turns of an interview in an extraction:
// turns labelled as a text's are ("SW: …"), or, where no label stands,
// questions set in bold, each answered by the paragraphs after it.
func (p *parser) extractedInterview(x *extraction, lo, hi int) ([]turn, bool) {
	if x.format == FormatMarkdown {
		return nil, false
	}
	if turns := p.findTurns(lo, hi); p.isInterview(turns, hi) {
		return turns, true
	}
	turns := boldTurns(x.blocks, lo, hi)
	return turns, p.isInterview(turns, hi)
}

// maxBoldTitleWords is the most words a paragraph in bold holds to be a
// heading.
const maxBoldTitleWords = 10

// maxBoldQuestionWords is the most words a question in bold holds to head
// its answer.
const maxBoldQuestionWords = 16

// boldHeadings makes headings of the paragraphs a web page or a word
// processor's document sets in bold as headings, without a heading's
// markup: a short line in bold, without a closing stop, over a paragraph
// that is not in bold ("<p><strong>Winter</strong></p>", a Word
// document's bold line with no heading style). It heads a section a level
// under the document's deepest heading. An interview's questions in bold
// were read as turns before; a run-in heading that ends with a stop
// ("The first hive.") stays text.
func boldHeadings(x *extraction) {
	switch x.format {
	case FormatHTML, FormatDOCX, FormatODT, FormatRTF, FormatMarkdown:
	default:
		return
	}
	level := 1
	for _, b := range x.blocks {
		if b.kind == xHeading {
			level = max(level, b.level)
		}
	}
	for i, b := range x.blocks {
		if b.kind != xParagraph || !b.bold || len(b.lines) != 1 || i+1 == len(x.blocks) {
			continue
		}
		next, t := x.blocks[i+1], x.text[b.lines[0]]
		// A question in bold heads its answer, as a FAQ sets them; in
		// Markdown only such a question is a paragraph in bold.
		asks, most := strings.HasSuffix(strings.TrimSpace(t), "?"), maxBoldTitleWords
		if asks {
			most = maxBoldQuestionWords
		}
		if next.kind == xParagraph && !next.bold && len(strings.Fields(t)) <= most && letters(t) >= 3 && (!endsSentence(t) || asks) {
			x.blocks[i].kind, x.blocks[i].level = xHeading, min(level+1, 6)
		}
	}
}

// boldTurns reads each paragraph set in bold as the interviewer's turn
// ("Q") and the paragraph after it as the start of the answer ("A").
func boldTurns(blocks []xblock, lo, hi int) []turn {
	var turns []turn
	asked := false
	for _, b := range blocks {
		if b.kind != xParagraph || len(b.lines) == 0 || b.lines[0] < lo || b.lines[0] >= hi {
			continue
		}
		switch {
		case b.bold:
			turns = append(turns, turn{line: b.lines[0], label: "Q"})
			asked = true
		case asked:
			turns = append(turns, turn{line: b.lines[0], label: "A"})
			asked = false
		}
	}
	return turns
}

// titleIntroduction names a page's text before its first heading after
// the page: on a documentation page or a web article it is the
// introduction, not a book's front matter.
func (p *parser) titleIntroduction() {
	d := p.doc
	if (d.Format == FormatMarkdown || d.Format.BySection()) && d.Title != "" && len(d.Sections) > 0 && d.Sections[0].Number == 0 {
		d.Sections[0].Title, d.Sections[0].Heading = d.Title, d.Title
	}
}

// holdsText reports whether an extraction's blocks hold text to quote, a
// paragraph or code, beside headings and what is left out.
func holdsText(blocks []xblock) bool {
	return slices.ContainsFunc(blocks, func(b xblock) bool { return b.kind == xParagraph || b.kind == xCode })
}

// extractedBlocks turns an extraction's blocks within lines [lo, hi)
// into the parser's: headings with their titles, code, paragraphs.
func (p *parser) extractedBlocks(xs []xblock, lo, hi int) []*block {
	var out []*block
	for _, x := range xs {
		var lines []int
		for _, i := range x.lines {
			if i >= lo && i < hi {
				lines = append(lines, i)
			}
		}
		if len(lines) == 0 {
			continue
		}
		b := &block{lines: lines, speaker: x.speaker}
		switch x.kind {
		case xHeading:
			title := cleanTitle(p.textOf(b))
			if title == "" {
				continue
			}
			h := &heading{style: styleMarkdown, rank: x.level + 1, title: title, anchor: x.anchor}
			if named, ok := strongHeading(title); ok && named.style == styleNamed {
				h.kind = named.kind
			}
			if h.kind == matterDivider {
				b.role = roleDivider
				break
			}
			b.role, b.head = roleHeading, h
		case xCode:
			b.code = true
		case xDivider:
			b.role = roleDivider
		case xOmitted:
			b.role = roleOmitted
			p.omit(b.first(), b.last()+1, x.reason)
		}
		out = append(out, b)
	}
	return out
}

// placeChapters records the chapters of an EPUB by the sentences that
// begin in each; a chapter left with none (a cover, an imprint) is left
// out.
func (p *parser) placeChapters(starts []chapterStart) {
	d := p.doc
	s := 0
	for k, c := range starts {
		end := len(p.text)
		if k+1 < len(starts) {
			end = starts[k+1].line
		}
		for s < len(d.sentences) && d.sentences[s].Lines.Start-1 < c.line {
			s++
		}
		first := s
		for s < len(d.sentences) && d.sentences[s].Lines.Start-1 < end {
			s++
		}
		if first == s {
			continue
		}
		d.Chapters = append(d.Chapters, Chapter{Title: c.title, Href: c.href, FirstSentence: first, EndSentence: s, FirstParagraph: d.sentences[first].Paragraph})
	}
}

// addCode adds a code block of section sec as one sentence, its lines
// kept as written.
func (p *parser) addCode(sec int, lines []int) {
	for len(lines) > 0 && strings.TrimSpace(p.text[lines[0]]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(p.text[lines[len(lines)-1]]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return
	}
	parts := make([]string, len(lines))
	for k, i := range lines {
		parts[k] = strings.TrimRight(p.text[i], " \t")
	}
	text := strings.Join(parts, "\n")
	p.paragraph++
	first, last := lines[0], lines[len(lines)-1]
	s := Sentence{
		Index:     len(p.doc.sentences),
		Section:   sec,
		Text:      text,
		Lines:     Span{Start: first + 1, End: last + 1},
		Page:      p.page[first],
		Paragraph: p.paragraph,
		Code:      true,
	}
	if last > first {
		s.Starts = codeLineStarts(text, lines)
	}
	p.doc.sentences = append(p.doc.sentences, s)
}

// codeLineStarts maps the lines of a code block's text to source lines.
func codeLineStarts(text string, lines []int) []LineStart {
	var out []LineStart
	off := 0
	for k, part := range strings.Split(text, "\n") {
		if k < len(lines) {
			out = append(out, LineStart{Offset: int32(off), Line: int32(lines[k] + 1)})
		}
		off += len(part) + 1
	}
	return out
}
