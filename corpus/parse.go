package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParserVersion changes whenever parsing or passage building changes the
// result, so that cached indexes built from an older parse are rebuilt.
const ParserVersion = 211

// Parse parses one file of any format but PDF, which needs a PDFEngine:
// plain text, Markdown and MDX, HTML, EPUB. name is how the file is cited;
// with the content, it tells the format (Detect).
func Parse(name string, data []byte) (*Document, error) {
	switch Detect(name, data) {
	case FormatMarkdown:
		return parseMarkdown(name, data)
	case FormatHTML:
		if isMHTML(name, data) {
			return parseMHTML(name, data)
		}
		return parseHTML(name, data)
	case FormatEPUB:
		return parseEPUB(name, data)
	case FormatDOCX:
		return parseDOCX(name, data)
	case FormatODT:
		return parseODT(name, data)
	case FormatRTF:
		return parseRTF(name, data)
	case FormatNotebook:
		return parseNotebook(name, data)
	case FormatPDF:
		return nil, ErrPDFEngine
	}
	if what := unsupported(name, data); what != "" {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, what)
	}
	return parseText(name, data)
}

// parseText parses a plain text: a book, an interview, a play, notes.
func parseText(name string, data []byte) (*Document, error) {
	text, enc, err := checkText(data)
	if err != nil {
		return nil, err
	}
	raw := strings.Split(text, "\n")
	if len(raw) > 1 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	if isSubtitles(text) {
		return parseSubtitles(name, data, raw, enc)
	}
	sum := sha256.Sum256(data)
	doc := &Document{Name: name, Encoding: enc, Size: len(data), Hash: hex.EncodeToString(sum[:]), Lines: len(raw)}
	p := &parser{doc: doc, raw: raw, text: slices.Clone(raw), flags: make([]lineFlag, len(raw)), page: make([]int, len(raw))}
	doc.sentences = make([]Sentence, 0, len(data)/120+8) // about one per 120 bytes of prose
	lo, hi := p.gutenberg()
	const markdown = false
	p.cleanLines(lo, hi, markdown)
	p.starBoxes(lo, hi)
	p.typesetBreaks(lo, hi)
	p.numberedRuns(lo, hi)
	p.gridTables(lo, hi)
	p.barTables(lo, hi)
	p.spacedTables(lo, hi)
	p.fieldRuns(lo, hi)
	p.textLists(lo, hi)
	if !p.hasText(lo, hi) {
		if lo > 0 || hi < len(raw) {
			return nil, errors.New("no text left after the Project Gutenberg header and licence")
		}
		return nil, ErrEmpty
	}
	captions := p.captions(lo, hi)
	if turns := p.findTurns(lo, hi); !markdown && p.isInterview(turns, hi) {
		p.parseDialogue(lo, hi, turns)
	} else if p.isClippings(lo, hi) {
		p.parseClippings(lo, hi)
	} else {
		p.parseBook(lo, hi, markdown)
	}
	doc.Cues = captions
	if captions == nil {
		doc.Cues = transcriptCues(raw[:hi], lo)
	}
	p.finish()
	return doc, nil
}

// finish gives the document and its sections a title where they lack
// one, builds the passages and orders what was left out.
func (p *parser) finish() {
	doc := p.doc
	if doc.Title == "" {
		doc.Title = strings.TrimSuffix(filepath.Base(doc.Name), filepath.Ext(doc.Name))
	}
	for i := range doc.Sections {
		if doc.Sections[i].Title == "" {
			doc.Sections[i].Title = doc.Title
			doc.Sections[i].Heading = doc.Title
		}
	}
	attachNotes(p.notes, doc.Footnotes)
	p.buildPassages()
	slices.SortFunc(doc.Omitted, func(a, b Omission) int { return a.Lines.Start - b.Lines.Start })
	if doc.Pages > 0 {
		doc.LinePages = p.page
	}
}

type parser struct {
	doc        *Document
	raw        []string   // source lines
	text       []string   // source lines with markup removed; "" where all markup
	flags      []lineFlag // what each cleaned line is
	page       []int      // page of each line, by 0-based index; 0 when unpaged
	paragraph  int        // paragraphs so far
	wordCounts []int      // words in each sentence, for building passages
	notes      []textNote // a plain text's notes, found as its lines are cleaned
	verses     bool       // the text is verse-numbered (verses.go)
	script     bool       // the text is a screenplay, every speech under its cue (screenplay.go)
	// printed are the page numbers running heads print, by the line of
	// the head (runningHeadPages).
	printed map[int]int
}

// line returns source line i (0-based) as a srcLine, its markup and
// footnote markers removed, after dropping the first skip bytes (a speaker
// label).
func (p *parser) line(i, skip int) srcLine {
	t := p.text[i][min(skip, len(p.text[i])):]
	if strings.IndexByte(t, '\f') >= 0 {
		t = strings.ReplaceAll(t, "\f", "")
	}
	t, marks := stripFootnotes(t)
	for _, m := range marks {
		p.doc.Footnotes = append(p.doc.Footnotes, Footnote{Number: m.number, Line: i + 1})
	}
	return srcLine{no: i + 1, text: t, footnotes: marks}
}

func (p *parser) blank(i int) bool {
	for _, r := range p.text[i] {
		if r != '\f' && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func (p *parser) hasText(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if !p.blank(i) {
			return true
		}
	}
	return false
}

// paginate numbers pages. A form feed starts a page, or a running head
// with its page number (runningHeadPages). Without them, a text whose
// blank lines mostly fall in the middle of sentences is a printed page
// layout: each blank line (run) after start begins a new page.
// It reports whether blank lines are page breaks.
func (p *parser) paginate(lo, hi, start int) bool {
	if p.runningHeadPages(lo, hi) {
		page := 1
		for i := range p.raw {
			if i > lo && i < hi && p.opensPage(i) {
				page += max(1, strings.Count(p.raw[i], "\f"))
			}
			p.page[i] = page
		}
		p.doc.Pages = page
		p.doc.PageLabels = p.printedLabels()
		return false
	}
	for hi > start && p.blank(hi-1) {
		hi-- // blank lines at the end start no page
	}
	runs, mid := 0, 0
	for i := start + 1; i < hi; i++ {
		if p.blank(i) && !p.blank(i-1) {
			prev := strings.TrimSpace(p.text[i-1])
			standalone := i < 2 || p.blank(i-2)
			_, heading := strongHeading(prev)
			if markdownHeading.MatchString(prev) || heading || (standalone && len(prev) <= 60) {
				continue // a heading or title ends without punctuation anyway
			}
			runs++
			if !endsSentence(prev) {
				mid++
			}
		}
	}
	// Pages are long: a text whose blank lines come every few lines is
	// made of paragraphs or stanzas, however they end.
	if mid < 3 || mid*2 < runs || runs*12 > hi-start {
		return false
	}
	page := 1
	for i := range p.raw {
		if i > start && i < hi && p.blank(i) && !p.blank(i-1) {
			page++
		}
		p.page[i] = page
	}
	p.doc.Pages = page
	return true
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, closers+"0123456789")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".?!…:;", r)
}

// addBlock splits a paragraph into sentences of section sec, spoken by
// speaker (or ""), and extracts the quotations in it.
func (p *parser) addBlock(sec int, lines []srcLine, speaker string) {
	if len(lines) == 0 {
		return
	}
	p.paragraph++
	f := join(lines)
	var bounds []sentenceRange
	for _, b := range p.withTerm(lines[0], f.text, sentenceBounds(f.text)) {
		t := strings.TrimSpace(f.text[b[0]:b[1]])
		if !hasLetter(t) {
			continue
		}
		s := Sentence{
			Index:     len(p.doc.sentences),
			Section:   sec,
			Text:      t,
			Lines:     f.span(b[0], b[1]),
			Speaker:   speaker,
			Paragraph: p.paragraph,
		}
		if s.Lines.End > s.Lines.Start {
			s.Starts = f.lineStarts(b[0]+strings.Index(f.text[b[0]:b[1]], t), b[1])
		}
		s.Page = p.page[s.Lines.Start-1]
		for _, fn := range f.footnotes {
			if fn.offset > b[0] && fn.offset <= b[1] {
				s.Footnotes = append(s.Footnotes, fn.number)
			}
		}
		bounds = append(bounds, sentenceRange{start: b[0], end: b[1], index: s.Index})
		p.doc.sentences = append(p.doc.sentences, s)
	}
	p.extractQuotations(f, bounds)
}

type sentenceRange struct{ start, end, index int }

// termOpening is a paragraph opening with a term in italics or bold that
// the rest defines, as a glossary's entries do: "_Tsay-ee-kah._ All-Russian
// Central Executive Committee…", "**Cadets.** The Constitutional
// Democrats…".
var termOpening = regexp.MustCompile(`^\s*(?:_{1,2}|\*{1,2})([^_*]{1,50}?)(?:\.(?:_{1,2}|\*{1,2})|(?:_{1,2}|\*{1,2})\.)\s+\S`)

// MaxTermWords is the most words a glossary's term has ("Knights of St.
// George"); a longer run in bold opens a paragraph as its first sentence
// ("**Memoization is a form of caching**.").
const MaxTermWords = 4

// withTerm joins a glossary entry's term to the sentence that defines it,
// which otherwise stand apart, the term a sentence of one word: the
// definition is what a reader asking "What was the Tsay-ee-kah?" wants,
// and it never names the term. bounds are the sentences of text, the
// paragraph first opens.
func (p *parser) withTerm(first srcLine, text string, bounds [][2]int) [][2]int {
	if len(bounds) < 2 {
		return bounds
	}
	m := termOpening.FindStringSubmatch(p.raw[first.no-1])
	if m == nil || len(strings.Fields(m[1])) > MaxTermWords || strings.TrimSpace(text[bounds[0][0]:bounds[0][1]]) != strings.TrimSpace(m[1])+"." {
		return bounds
	}
	return append([][2]int{{bounds[0][0], bounds[1][1]}}, bounds[2:]...)
}

func (p *parser) srcLines(idx []int) []srcLine {
	out := make([]srcLine, len(idx))
	for k, i := range idx {
		out[k] = p.line(i, 0)
	}
	return out
}

// finishSection sets the line span and pages of section sec from its
// sentences, widening the span to include from.
func (p *parser) finishSection(sec int, from int) {
	s := &p.doc.Sections[sec]
	s.EndSentence = len(p.doc.sentences)
	if s.Lines.Start == 0 {
		s.Lines.Start = from
	}
	s.Lines.End = max(s.Lines.End, s.Lines.Start)
	if s.EndSentence > s.FirstSentence {
		s.Lines.End = max(s.Lines.End, p.doc.sentences[s.EndSentence-1].Lines.End)
	}
	s.FirstPage = p.page[s.Lines.Start-1]
	s.LastPage = p.page[s.Lines.End-1]
}
