package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParserVersion changes whenever parsing or passage building changes the
// result, so that cached indexes built from an older parse are rebuilt.
const ParserVersion = 4

// Parse parses the content of one file. name is how the file is cited.
func Parse(name string, data []byte) (*Document, error) {
	text, err := checkText(data)
	if err != nil {
		return nil, err
	}
	raw := strings.Split(text, "\n")
	if len(raw) > 1 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	sum := sha256.Sum256(data)
	doc := &Document{Name: name, Size: len(data), Hash: hex.EncodeToString(sum[:]), Lines: len(raw)}
	p := &parser{doc: doc, raw: raw, page: make([]int, len(raw))}
	lo, hi := p.gutenberg()
	if !p.hasText(lo, hi) {
		return nil, errors.New("no text left after the Project Gutenberg header and licence")
	}
	markdown := isMarkdown(name)
	if turns := p.findTurns(lo, hi); !markdown && isDialogue(turns) {
		p.parseDialogue(lo, hi, turns)
	} else {
		p.parseBook(lo, hi, markdown)
	}
	if doc.Title == "" {
		doc.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	for i := range doc.Sections {
		if doc.Sections[i].Title == "" {
			doc.Sections[i].Title = doc.Title
			doc.Sections[i].Heading = doc.Title
		}
	}
	p.buildPassages()
	return doc, nil
}

func isMarkdown(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

type parser struct {
	doc        *Document
	raw        []string
	page       []int // page of each line, by 0-based index; 0 when unpaged
	wordCounts []int // words in each sentence, for building passages
}

// line returns source line i (0-based) as a srcLine with its footnote
// markers removed, after dropping the first skip bytes (a speaker label).
func (p *parser) line(i, skip int) srcLine {
	t := p.raw[i][skip:]
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
	for _, r := range p.raw[i] {
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

// gutenberg finds a Project Gutenberg header and licence footer, takes the
// title and author from the header, and returns the body's line range.
func (p *parser) gutenberg() (lo, hi int) {
	lo, hi = 0, len(p.raw)
	for i, l := range p.raw {
		if !strings.HasPrefix(l, "***") {
			continue
		}
		u := strings.ToUpper(l)
		switch {
		case strings.HasPrefix(u, "*** START OF") && strings.Contains(u, "GUTENBERG"):
			lo = i + 1
			p.headerFields(0, i)
		case (strings.HasPrefix(u, "*** END OF") || strings.HasPrefix(u, "***END OF")) && strings.Contains(u, "GUTENBERG"):
			if i > lo {
				hi = i
			}
		}
		if hi != len(p.raw) {
			break
		}
	}
	if lo == 0 {
		return lo, hi
	}
	for i := hi - 1; i > lo && i > hi-15; i-- {
		u := strings.ToUpper(strings.TrimSpace(p.raw[i]))
		if strings.HasPrefix(u, "END OF THE PROJECT GUTENBERG") || strings.HasPrefix(u, "END OF PROJECT GUTENBERG") {
			hi = i
		}
	}
	// A "Produced by" credit right after the header is not part of the book.
	i := lo
	for i < hi && p.blank(i) {
		i++
	}
	if i < hi && strings.HasPrefix(strings.TrimSpace(p.raw[i]), "Produced by") {
		for i < hi && !p.blank(i) {
			i++
		}
		lo = i
	}
	return lo, hi
}

func (p *parser) headerFields(lo, hi int) {
	for _, l := range p.raw[lo:hi] {
		l = strings.TrimSpace(l)
		if v, ok := strings.CutPrefix(l, "Title:"); ok && p.doc.Title == "" {
			p.doc.Title = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(l, "Author:"); ok && p.doc.Author == "" {
			p.doc.Author = strings.TrimSpace(v)
		}
	}
}

// paginate numbers pages. A form feed starts a page. Without form feeds, a
// text whose blank lines mostly fall in the middle of sentences is a printed
// page layout: each blank line (run) after start begins a new page.
// It reports whether blank lines are page breaks.
func (p *parser) paginate(lo, hi, start int) bool {
	formFeeds := false
	for i := lo; i < hi; i++ {
		if strings.Contains(p.raw[i], "\f") {
			formFeeds = true
			break
		}
	}
	if formFeeds {
		page := 1
		for i := range p.raw {
			if i >= lo && i < hi && strings.Contains(p.raw[i], "\f") && i > lo {
				page += strings.Count(p.raw[i], "\f")
			}
			p.page[i] = page
		}
		p.doc.Pages = page
		return false
	}
	for hi > start && p.blank(hi-1) {
		hi-- // blank lines at the end start no page
	}
	runs, mid := 0, 0
	for i := start + 1; i < hi; i++ {
		if p.blank(i) && !p.blank(i-1) {
			prev := strings.TrimSpace(p.raw[i-1])
			standalone := i < 2 || p.blank(i-2)
			if markdownHeading.MatchString(prev) || headingLevel(prev) > 0 || (standalone && len(prev) <= 60) {
				continue // a heading or title ends without punctuation anyway
			}
			runs++
			if !endsSentence(prev) {
				mid++
			}
		}
	}
	if mid < 3 || mid*2 < runs {
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

// addBlock splits a run of lines into sentences of section sec and extracts
// the quotations in it.
func (p *parser) addBlock(sec int, lines []srcLine) {
	if len(lines) == 0 {
		return
	}
	f := join(lines)
	var bounds []sentenceRange
	for _, b := range sentenceBounds(f.text) {
		t := strings.TrimSpace(f.text[b[0]:b[1]])
		if !hasLetter(t) {
			continue
		}
		s := Sentence{
			Index:   len(p.doc.Sentences),
			Section: sec,
			Text:    t,
			Lines:   f.span(b[0], b[1]),
		}
		s.Page = p.page[s.Lines.Start-1]
		for _, fn := range f.footnotes {
			if fn.offset > b[0] && fn.offset <= b[1] {
				s.Footnotes = append(s.Footnotes, fn.number)
			}
		}
		bounds = append(bounds, sentenceRange{start: b[0], end: b[1], index: s.Index})
		p.doc.Sentences = append(p.doc.Sentences, s)
	}
	p.extractQuotations(f, bounds)
}

type sentenceRange struct{ start, end, index int }

// blocks splits lines [lo, hi) into runs of non-blank lines. When blank
// lines are page breaks, the whole range is one run.
func (p *parser) blocks(lo, hi int, pageBreaks bool) [][]int {
	var out [][]int
	var cur []int
	for i := lo; i < hi; i++ {
		if p.blank(i) {
			if !pageBreaks && len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, i)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
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
	s.EndSentence = len(p.doc.Sentences)
	if s.Lines.Start == 0 {
		s.Lines.Start = from
	}
	s.Lines.End = max(s.Lines.End, s.Lines.Start)
	if s.EndSentence > s.FirstSentence {
		s.Lines.End = max(s.Lines.End, p.doc.Sentences[s.EndSentence-1].Lines.End)
	}
	s.FirstPage = p.page[s.Lines.Start-1]
	s.LastPage = p.page[s.Lines.End-1]
}

// speakerLabel matches a line that opens a speaker's turn: "NP: …",
// "Suzi Weissman: …", "Dan La Botz for New Politics: …".
var speakerLabel = regexp.MustCompile(`^([A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|for|of|de|la|van|von|and)){0,6}):\s+\S`)

type turn struct {
	line  int // 0-based
	label string
	skip  int // bytes of label and colon to drop from the line
}

func (p *parser) findTurns(lo, hi int) []turn {
	var turns []turn
	for i := lo; i < hi; i++ {
		l := p.raw[i]
		if l == "" || l[0] < 'A' || l[0] > 'Z' || !strings.Contains(l[:min(len(l), 42)], ":") {
			continue
		}
		m := speakerLabel.FindStringSubmatchIndex(l)
		if m == nil || m[3] > 40 {
			continue
		}
		skip := m[3] + 1
		for skip < len(p.raw[i]) && p.raw[i][skip] == ' ' {
			skip++
		}
		turns = append(turns, turn{line: i, label: p.raw[i][m[2]:m[3]], skip: skip})
	}
	canonicalize(turns)
	return turns
}

// canonicalize replaces an abbreviated label ("SW") by the earlier full
// label whose initials end with it ("Suzi Weissman").
func canonicalize(turns []turn) {
	var full []string
	for k, t := range turns {
		if len(t.label) > 4 || strings.ToUpper(t.label) != t.label {
			full = append(full, t.label)
			continue
		}
		for _, f := range full {
			if strings.HasSuffix(initials(f), t.label) {
				turns[k].label = f
				break
			}
		}
	}
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isDialogue reports whether the turns look like an interview: at least two
// questions and answers, alternating speakers, the first speaker asking.
func isDialogue(turns []turn) bool {
	if len(turns) < 4 {
		return false
	}
	asks, changes := 0, 0
	for k, t := range turns {
		if t.label == turns[0].label {
			asks++
		}
		if k > 0 && t.label != turns[k-1].label {
			changes++
		}
	}
	return asks >= 2 && changes*10 >= (len(turns)-1)*7
}

func (p *parser) parseDialogue(lo, hi int, turns []turn) {
	bodyStart := turns[0].line
	pageBreaks := p.paginate(lo, hi, bodyStart)
	p.frontMatter(lo, bodyStart)
	asker := turns[0].label
	for k := 0; k < len(turns); {
		q := turns[k]
		end := k + 1
		for end < len(turns) && turns[end].label != asker {
			end++
		}
		sec := len(p.doc.Sections)
		qLines := slices.Concat(p.turnLines(q, turnEnd(turns, k, hi))...)
		qf := join(qLines)
		heading := qf.text
		title := heading
		for _, b := range sentenceBounds(qf.text) {
			if t := qf.text[b[0]:b[1]]; strings.Contains(t, "?") {
				title = t
			}
		}
		speakers := []string{asker}
		for _, a := range turns[k+1 : end] {
			if !slices.Contains(speakers, a.label) {
				speakers = append(speakers, a.label)
			}
		}
		p.doc.Sections = append(p.doc.Sections, Section{
			Number:        sec + p.numberOffset(),
			Title:         title,
			Heading:       heading,
			Speakers:      speakers,
			Lines:         Span{Start: q.line + 1},
			FirstSentence: len(p.doc.Sentences),
		})
		// The question is quotable too, marked as the interviewer's.
		first := len(p.doc.Sentences)
		p.addBlock(sec, qLines)
		for i := first; i < len(p.doc.Sentences); i++ {
			p.doc.Sentences[i].Question = true
		}
		for a := k + 1; a < end; a++ {
			groups := p.turnLines(turns[a], turnEnd(turns, a, hi))
			if pageBreaks {
				groups = [][]srcLine{slices.Concat(groups...)}
			}
			for _, g := range groups {
				p.addBlock(sec, g)
			}
		}
		p.finishSection(sec, q.line+1)
		k = end
	}
}

// numberOffset makes section numbers start at 1 after a front-matter
// section numbered 0.
func (p *parser) numberOffset() int {
	if len(p.doc.Sections) > 0 && p.doc.Sections[0].Number == 0 {
		return 0
	}
	return 1
}

func turnEnd(turns []turn, k, hi int) int {
	if k+1 < len(turns) {
		return turns[k+1].line
	}
	return hi
}

// turnLines returns the non-blank lines of a turn, its label removed,
// grouped into runs separated by blank lines.
func (p *parser) turnLines(t turn, end int) [][]srcLine {
	var out [][]srcLine
	var cur []srcLine
	for i := t.line; i < end; i++ {
		if p.blank(i) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		skip := 0
		if i == t.line {
			skip = t.skip
		}
		cur = append(cur, p.line(i, skip))
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// frontMatter makes section 0 of the text before the first section: an
// epigraph when it is a few lines ending in an attribution, otherwise
// plain paragraphs.
func (p *parser) frontMatter(lo, hi int) {
	blocks := p.blocks(lo, hi, false)
	if len(blocks) == 0 {
		return
	}
	p.doc.Sections = append(p.doc.Sections, Section{Number: 0, Title: "Front matter", Lines: Span{Start: blocks[0][0] + 1}})
	if len(blocks) == 1 && len(blocks[0]) >= 2 && len(blocks[0]) <= 6 {
		b := blocks[0]
		last := strings.TrimSpace(p.raw[b[len(b)-1]])
		if !endsSentence(last) {
			quote := p.srcLines(b[:len(b)-1])
			text := join(quote).text
			p.doc.Epigraph = &Epigraph{Text: text, Attribution: last, Lines: Span{Start: b[0] + 1, End: b[len(b)-1] + 1}}
			s := &p.doc.Sections[0]
			s.Title = "Epigraph"
			s.Heading = text + " — " + last
			s.FirstSentence = len(p.doc.Sentences)
			first := len(p.doc.Quotations)
			p.addBlock(0, quote)
			speaker, _, _ := strings.Cut(last, ",")
			for q := first; q < len(p.doc.Quotations); q++ {
				p.doc.Quotations[q].Speaker = strings.TrimSpace(speaker)
			}
			s.Lines.End = b[len(b)-1] + 1
			p.finishSection(0, b[0]+1)
			return
		}
	}
	p.doc.Sections[0].FirstSentence = len(p.doc.Sentences)
	for _, b := range blocks {
		p.addBlock(0, p.srcLines(b))
	}
	p.finishSection(0, blocks[0][0]+1)
}
