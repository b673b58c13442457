package corpus

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfLayout builds an extraction from the lines of a PDF's pages.
type pdfLayout struct {
	pages   []pdfPage
	body    float64 // font size of the body text
	leading float64 // distance between its baselines
	vocab   vocabulary
	notes   []pdfNote
	x       *extraction
	// refs are the extracted lines that refer to each footnote, by page
	// and number.
	refs map[[2]int]int
	// indents is whether the text indents its paragraphs' first lines.
	// Where it does, a lone indented line is a paragraph's first, not a
	// block; and in ragged-right text, a short line that ends a sentence
	// does not end a paragraph (the next one is indented where it does).
	indents, justified bool
	// printed are the page numbers the running lines print, with their
	// pages: the labels of a PDF that records none.
	printed []pagePrint
	// outlined are the headings the PDF's outline names, by page and line.
	outlined map[[2]int]outlineHeading
	// codeFont is whether a fixed-pitch font marks code: it sets a few
	// of the lines, not the text.
	codeFont bool
	// blockLines counts the indented lines before the current one.
	blockLines int
}

// pdfNote is a footnote at the foot of a page.
type pdfNote struct {
	page   int
	number int
	lines  []pdfLine
}

// footnotes takes the footnotes off the foot of a page's lines: the last
// lines, smaller than the body text, each note opening with its number.
func footnotes(ls []pdfLine, body float64) []pdfNote {
	start := len(ls)
	for start > 0 && ls[start-1].size > 0 && ls[start-1].size < noteSize*body {
		start--
	}
	if start == len(ls) {
		return nil
	}
	if marked := ls[start].note != 0 || ls[start].symbolNote || startsWithNumber(ls[start].text); !marked && !notesApart(ls, start) {
		return nil
	}
	var out []pdfNote
	for _, l := range ls[start:] {
		n := l.note
		if m, rest := splitNumber(l.text); n == 0 && m > 0 && (len(out) == 0 || m == out[len(out)-1].number+1) {
			n, l.text = m, rest // a note numbered in line, the next one
		}
		if n > 0 || l.symbolNote || len(out) == 0 {
			out = append(out, pdfNote{page: l.page, number: n})
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, l)
	}
	for k := range ls[start:] {
		ls[start+k].text = "" // read as notes, not as body text
	}
	return out
}

// columns parts a page's lines where they go from one column to the
// other, so that each column's foot is read for its notes.
func columns(ls []pdfLine) [][]pdfLine {
	var out [][]pdfLine
	start := 0
	for k := 1; k <= len(ls); k++ {
		if k == len(ls) || ls[k].column != ls[k-1].column {
			out = append(out, ls[start:k])
			start = k
		}
	}
	return out
}

// notesApart reports whether the lines from start, in smaller type at a
// page's foot, stand apart from the text above them as notes do, where
// their marks do not say so (an OCR'd page reads a raised "1" as "'"):
// further below it than its lines stand from each other, a few lines
// of several words.
func notesApart(ls []pdfLine, start int) bool {
	words := 0
	for _, l := range ls[start:] {
		words += len(strings.Fields(l.text))
	}
	if start < 3 || len(ls)-start > max(noteLinesMin, len(ls)/3) || words < noteWordsMin {
		return false // a line or two of small type under the text: an epigraph's attribution, a caption
	}
	var spaces []float64
	for k := 1; k < start; k++ {
		spaces = append(spaces, ls[k-1].bottom-ls[k].top)
	}
	slices.Sort(spaces)
	gap := ls[start-1].bottom - ls[start].top
	return gap > noteGap*max(spaces[len(spaces)/2], 0) && gap > 0.5*ls[start].size
}

// Notes set apart without marks: the space above them, as a multiple of
// the space between the text's lines, and how many lines they may take
// on a page of few.
const (
	noteGap      = 2.0
	noteLinesMin = 4
	noteWordsMin = 6
)

func startsWithNumber(s string) bool {
	n, _ := splitNumber(s)
	return n > 0
}

// splitNumber reads the number a line opens with: "3 The text" → 3, "The
// text".
func splitNumber(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 || i < len(s) && s[i] != ' ' && s[i] != '.' {
		return 0, s
	}
	n := 0
	for _, c := range s[:i] {
		n = n*10 + int(c-'0')
	}
	return n, strings.TrimLeft(s[i:], ". ")
}

// vocabulary counts the words of a text, lower-cased, as they stand
// inside lines: what decides whether a hyphen at a line's end joins a
// word broken there or is part of a compound.
type vocabulary map[string]int

// add counts the words of a line but those a hyphen may break: its
// last word when it ends in one, and its first when the line before
// (afterHyphen) did. It reports whether the line ends in a hyphen.
func (v vocabulary) add(line string, afterHyphen bool) (endsInHyphen bool) {
	ws := strings.Fields(line)
	if len(ws) == 0 {
		return false
	}
	endsInHyphen = strings.HasSuffix(ws[len(ws)-1], "-") || strings.HasSuffix(ws[len(ws)-1], "\x02")
	if endsInHyphen {
		ws = ws[:len(ws)-1]
	}
	if afterHyphen && len(ws) > 0 {
		ws = ws[1:]
	}
	for _, w := range ws {
		v[strings.ToLower(strings.Trim(w, `.,;:!?"“”‘’'()[]`))]++
	}
	return endsInHyphen
}

// vocabularyOf is the vocabulary of a PDF's lines, page by page: a
// word may break over a page's turn.
func vocabularyOf(lines [][]pdfLine) vocabulary {
	v := vocabulary{}
	hyphen := false
	for _, ls := range lines {
		for _, l := range ls {
			hyphen = v.add(l.text, hyphen)
		}
	}
	return v
}

// breaksWord decides a hyphen that ends a line before next: a word
// broken there (it is written whole elsewhere, or nowhere with its
// hyphen) or a compound ("free-and-easy", "well-known").
func (v vocabulary) breaksWord(line, next string) bool {
	words := strings.Fields(line)
	if len(words) == 0 {
		return false
	}
	before := strings.TrimRight(words[len(words)-1], "-\x02")
	after := strings.Fields(next)
	if len(after) == 0 || strings.Contains(before, "-") {
		return false
	}
	a := strings.TrimRight(after[0], `.,;:!?"“”‘’'()[]`)
	if r, _ := utf8.DecodeRuneInString(a); !unicode.IsLower(r) {
		return false
	}
	b := strings.ToLower(strings.TrimLeft(before, `"“‘'([`))
	whole, compound := v[b+a], v[b+"-"+a]
	switch {
	case whole != compound:
		return whole > compound
	case len(b) >= 3 && len(a) >= 3 && v[b] > 0 && v[a] > 0:
		return false // two words of the text: a compound ("well-known")
	case len(b) >= 4 && strings.HasSuffix(b, "ly") && len(a) >= 3 && v[a] > 0:
		return false // an adverb before a word of the text: "oddly-named"
	}
	return true // most hyphens at the end of a justified line break a word
}

// build lays the lines out as the extraction's text and blocks: headings,
// paragraphs across pages, then the notes.
func (l *pdfLayout) build(lines [][]pdfLine) {
	l.x = &extraction{format: FormatPDF}
	l.refs = map[[2]int]int{}
	l.indents, l.justified = l.indentsParagraphs(lines), l.isJustified(lines)
	var para []int // lines of the paragraph or code being written
	var prev *pdfLine
	code := false // para is code
	titlePage, titled := titleLines(lines, l.body)
	flush := func() {
		if len(para) > 0 {
			kind := xParagraph
			if code {
				kind = xCode
			}
			l.block(xblock{kind: kind, lines: para})
			para = nil
		}
	}
	for i := range lines {
		for k := 0; k < len(lines[i]); k++ {
			line := &lines[i][k]
			if line.text == "" {
				continue
			}
			if mono := l.codeFont && line.mono; mono || code {
				if mono != code {
					flush()
					code = mono
				}
				if mono {
					para = append(para, l.line(line)) // code, a line as set
					prev = line
					continue
				}
			}
			if i == titlePage && k == 0 && titled > 0 {
				flush()
				k = l.title(lines[i], titled) - 1
				continue
			}
			if l.isHeading(lines[i], k) || l.named(line.page, k) {
				flush()
				k = l.heading(lines[i], k) - 1
				prev = nil
				continue
			}
			if pdfTableRow(lines[i], k) {
				flush()
				line.text = strings.Join(line.parts, cellJoin) // a row of a table, its cells apart
				l.block(xblock{kind: xParagraph, lines: []int{l.line(line)}})
				prev = nil
				continue
			}
			if prev != nil && l.newParagraph(prev, line, lines[i]) {
				flush()
			}
			if len(para) > 0 {
				l.joinLast(line.text)
			}
			para = append(para, l.line(line))
			prev = line
		}
	}
	flush()
	l.addNotes()
	l.labels()
}

// pdfTableRow reports whether line k of a page is a row of a table: its
// text stands in parts set apart, two of them words, as does a line next
// to it. A row of figures alone ("90 = 29,886") is no sentence: it stays
// with the lines around it.
func pdfTableRow(page []pdfLine, k int) bool {
	cells := func(j int) bool {
		if j < 0 || j >= len(page) || page[j].mono {
			return false
		}
		worded := 0
		for _, p := range page[j].parts {
			if countLetters(p) > 0 {
				worded++
			}
		}
		return worded > 1
	}
	return cells(k) && (cells(k-1) || cells(k+1))
}

// titleLines finds the title a document opens with: the first lines of
// its first page with text, in a size larger than the text's that no
// other page uses (a paper's or a report's title over its authors), and
// not a numbered part ("Chapter 1"). It returns the page and the number
// of the title's lines, 0 for none.
func titleLines(lines [][]pdfLine, body float64) (page, n int) {
	page = slices.IndexFunc(lines, func(ls []pdfLine) bool { return len(ls) > 0 })
	if page < 0 {
		return 0, 0
	}
	first := lines[page]
	size := first[0].size
	_, head := printedNumber(first[0].text)
	named, isNamed := strongHeading(first[0].text)
	if size < headingSize*body || numberedPart(first[0].text) || head || isNamed && named.style == styleNamed {
		return page, 0 // no title: a numbered part, a part a book names ("Introduction"), or a running head with its page's number ("18 PRAGMATISM")
	}
	for i, ls := range lines {
		for k, l := range ls {
			if l.size >= 0.95*size && (i != page || k > 0 && math.Abs(l.size-size) > 0.05*size) {
				return page, 0 // the size of headings, or larger type further on
			}
		}
	}
	for n < len(first) && math.Abs(first[n].size-size) <= 0.05*size {
		n++
	}
	return page, n
}

// title adds the title that opens a page, its first n lines, with the
// lines under it that are set as headings but not in bold (its authors,
// a date), as the document's title left out of the text, and returns the
// line after them.
func (l *pdfLayout) title(ls []pdfLine, n int) int {
	var words []string
	for _, line := range ls[:n] {
		words = append(words, line.text)
	}
	l.x.title = strings.Join(words, " ")
	end := n
	var names []string
	for end < len(ls) && l.isHeading(ls, end) && !ls[end].bold && !numberedPart(ls[end].text) {
		if end == n || math.Abs(ls[end].bottom-ls[n].bottom) < 1 && names != nil {
			names = append(names, authorNames(ls[end])...) // the names on the line under the title, in two columns two lines
		}
		end++
	}
	l.x.author = joinNames(names)
	b := xblock{kind: xOmitted, reason: "title"}
	for k := 0; k < end; k++ {
		b.lines = append(b.lines, l.line(&ls[k]))
	}
	l.block(b)
	return end
}

// authorNames reads the authors' names from a line under a title: names
// alone, set apart side by side or listed ("A. Berg and C. Diaz"); none
// for anything else (an affiliation, a date).
func authorNames(line pdfLine) []string {
	names := slices.Clone(line.parts)
	if len(names) == 0 {
		names = strings.FieldsFunc(strings.ReplaceAll(line.text, " and ", ","), func(r rune) bool { return r == ',' })
	}
	for i, n := range names {
		names[i] = strings.TrimSpace(n)
		if !personNames(names[i], 4) || len(strings.Fields(names[i])) < 2 {
			return nil
		}
	}
	return names
}

// joinNames lists names as a byline does: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// line adds a line of a page to the extracted text and returns its index.
func (l *pdfLayout) line(p *pdfLine) int {
	n := len(l.x.text)
	for _, m := range p.marks {
		l.refs[[2]int{p.page, m}] = n
	}
	t, _ := cutBullet(strings.ReplaceAll(p.text, "\x02", "-"))
	l.x.raw = append(l.x.raw, t)
	l.x.text = append(l.x.text, t)
	l.x.page = append(l.x.page, l.pages[p.page].number)
	return n
}

// joinLast ends the last line written at a hyphen that breaks a word
// with a soft hyphen, which joining the lines drops.
func (l *pdfLayout) joinLast(next string) {
	n := len(l.x.text) - 1
	t := l.x.text[n]
	if !strings.HasSuffix(t, "-") || !l.vocab.breaksWord(t, next) {
		return
	}
	t = strings.TrimSuffix(t, "-") + softHyphen
	l.x.text[n], l.x.raw[n] = t, t
}

// block adds a block, and a blank line after it.
func (l *pdfLayout) block(b xblock) {
	l.x.blocks = append(l.x.blocks, b)
	l.x.raw = append(l.x.raw, "")
	l.x.text = append(l.x.text, "")
	l.x.page = append(l.x.page, l.x.page[len(l.x.page)-1])
}

// isHeading reports whether line k of a page is (part of) a heading:
// larger than the body text, in bold and set apart, or in capitals and
// centred.
func (l *pdfLayout) isHeading(page []pdfLine, k int) bool {
	line := &page[k]
	if line.size >= headingSize*l.body {
		return true
	}
	if l.boldHeading(page, k) || line.bold && namedAlone(line.text) {
		return true
	}
	if upperShare(line.text) < capsShare || countLetters(line.text) < 4 || strings.HasSuffix(line.text, "-") {
		return false
	}
	left, right := l.margins(page)
	center := (line.left + line.right) / 2
	return line.left-left > 2*line.size && math.Abs(center-(left+right)/2) < 2*line.size
}

// namedAlone reports whether a line is only the name of a part a
// paper or a book has ("Abstract", "Acknowledgements"), as a paper sets
// its abstract's heading in bold smaller than its text.
func namedAlone(text string) bool {
	m := namedHeading.FindStringSubmatch(strings.TrimRight(text, ".:"))
	return m != nil && m[2] == "" && unicode.IsUpper([]rune(text)[0])
}

// named reports whether line k of a page opens a heading the PDF's
// outline names.
func (l *pdfLayout) named(page, k int) bool {
	_, ok := l.outlined[[2]int{page, k}]
	return ok
}

// maxBoldHeadingWords is the most words a heading in the body's size, set
// apart in bold, holds: a paragraph in bold holds more.
const maxBoldHeadingWords = 12

// boldHeading reports whether line k of a page is a heading in the body's
// size, as word processors set a third level ("In Function Definitions"):
// in bold, short, without a closing stop, with space above and below it
// and no bold line under it.
func (l *pdfLayout) boldHeading(page []pdfLine, k int) bool {
	line := &page[k]
	if !line.bold || line.mono || line.size < 0.9*l.body || len(strings.Fields(line.text)) > maxBoldHeadingWords || endsSentence(line.text) {
		return false
	}
	apart := func(upper, lower *pdfLine) bool {
		return upper.bottom-lower.bottom > paragraphGap*l.leading
	}
	if k > 0 && !apart(&page[k-1], line) {
		return false
	}
	return k+1 == len(page) || (apart(line, &page[k+1]) && !page[k+1].bold)
}

// heading adds the heading that starts at line k of a page's lines,
// joined with the heading lines right under it ("Lecture I" over "The
// Present Dilemma in Philosophy"), and returns the line after it.
func (l *pdfLayout) heading(ls []pdfLine, k int) int {
	end := k + 1
	outlined, named := l.outlined[[2]int{ls[k].page, k}]
	if named {
		end = max(end, outlined.end)
	}
	for end < len(ls) && (l.isHeading(ls, end) || l.named(ls[end].page, end)) && ls[end-1].bottom-ls[end].top < 2.5*ls[end].size && !numberedPart(ls[end].text) {
		o, ok := l.outlined[[2]int{ls[end].page, end}]
		switch {
		case ok && named:
			return l.addHeading(ls, k, end, outlined, named) // the next entry of the outline
		case ok:
			outlined, named = o, true // "Lecture III" over the title the outline names
			end = max(end+1, o.end)
		default:
			end++
		}
	}
	return l.addHeading(ls, k, end, outlined, named)
}

// numberedPart reports whether a line is a numbered part's heading
// ("ACT I", "SCENE II. Elsinore…", "CHAPTER 3"): a heading of its own,
// not the next line of the title above it.
func numberedPart(line string) bool {
	h, ok := strongHeading(line)
	return ok && h.numbered
}

// addHeading adds lines k to end-1 of a page as a heading, at the level
// the outline gives it if it names it, else by its size, and returns end.
func (l *pdfLayout) addHeading(ls []pdfLine, k, end int, outlined outlineHeading, named bool) int {
	size := 0.0
	b := xblock{kind: xHeading}
	for j := k; j < end; j++ {
		size = max(size, ls[j].size)
		b.lines = append(b.lines, l.line(&ls[j]))
	}
	if end-k > 1 && math.Abs(ls[k].size-ls[k+1].size) > 0.05*ls[k].size && !wrapsOn(ls[k].text) {
		n := b.lines[0]
		l.x.text[n] = strings.TrimRight(l.x.text[n], ".:") + ":"
	}
	b.level = max(1, 3-int(math.Round((size/l.body-1)/0.4)))
	switch {
	case named:
		b.level = outlined.level
	case size < headingSize*l.body && l.boldHeading(ls, k):
		b.level = 4 // under the headings larger than the text
	}
	l.block(b)
	return end
}

// wrapsOn reports whether a heading's line breaks off in mid-phrase, at
// a word that joins ("Functional Language Features: Iterators and" over
// "Closures"): the next line goes on with it rather than adding a title.
func wrapsOn(line string) bool {
	words := strings.Fields(line)
	return len(words) > 0 && joiningWords[strings.ToLower(words[len(words)-1])]
}

var joiningWords = map[string]bool{"and": true, "or": true, "of": true, "the": true, "a": true, "an": true, "to": true,
	"in": true, "on": true, "for": true, "with": true, "from": true, "by": true, "at": true}

// newParagraph reports whether line starts a paragraph after prev: after
// space between them, at a first line's indent, after an indented block,
// or after a short line that ends a sentence (unless the text is ragged
// right and indents its paragraphs). A line far to the right wraps
// around a picture.
func (l *pdfLayout) newParagraph(prev, line *pdfLine, page []pdfLine) bool {
	size := line.size
	left, right := l.margins(page)
	indent, prevIndent := line.left-left, prev.left-left
	if prevIndent > firstIndentMin*size && prevIndent < firstIndentMax*size {
		l.blockLines++
	} else {
		l.blockLines = 0
	}
	switch {
	case prev.page == line.page && prev.bottom-line.bottom > paragraphGap*l.leading:
		return true
	case bullet.MatchString(line.text):
		return true // a list item, a slide's point
	case indent > firstIndentMin*size && indent < firstIndentMax*size && prevIndent < 0.3*size:
		return true
	case l.indents && indent > firstIndentMin*size && indent < firstIndentMax*size && math.Abs(indent-prevIndent) < 0.3*size &&
		prev.right < right-2.5*size && (endsSentence(prev.text) || endsBroken(prev.text)):
		return true // after a paragraph of one line ("“You don’t mean to say—”" over "“I do.")
	case l.blockLines > 0 && indent < 0.3*size && !strings.HasSuffix(prev.text, "-"):
		if l.indents && l.blockLines < 2 {
			return false // a paragraph's first line
		}
		return prev.left-line.left > firstIndentMin*size && endsSentence(prev.text) // the end of an indented block
	}
	return (l.justified || !l.indents) && endsSentence(prev.text) && prev.right < right-2.5*size
}

// endsBroken reports whether a line ends in a dash, as speech broken off
// does ("You don’t mean to say—”").
func endsBroken(s string) bool {
	s = strings.TrimRight(s, closers)
	return strings.HasSuffix(s, "—") || strings.HasSuffix(s, "--")
}

// justified reports whether most of the text's lines end at its right
// margin.
func (l *pdfLayout) isJustified(lines [][]pdfLine) bool {
	flush, all := 0, 0
	for _, page := range lines {
		_, right := l.margins(page)
		for _, line := range page {
			if line.text != "" && math.Abs(line.size-l.body) < 0.5 {
				all++
				if right-line.right < 0.5*line.size {
					flush++
				}
			}
		}
	}
	return flush*3 > all*2
}

// indentsParagraphs reports whether the text marks its paragraphs by
// indenting their first lines: at least one in three pages starts so.
func (l *pdfLayout) indentsParagraphs(lines [][]pdfLine) bool {
	n := 0
	for _, page := range lines {
		left, _ := l.margins(page)
		for k := 1; k < len(page); k++ {
			line, prev := &page[k], &page[k-1]
			indent := line.left - left
			if line.text != "" && prev.text != "" && math.Abs(line.size-l.body) < 0.5 &&
				indent > firstIndentMin*line.size && indent < firstIndentMax*line.size && prev.left-left < 0.3*line.size {
				n++
			}
		}
	}
	return n >= max(2, len(lines)/3)
}

// margins are the left and right edges of a page's body text: where most
// of its lines start and end.
func (l *pdfLayout) margins(page []pdfLine) (left, right float64) {
	lefts, rights := map[float64]int{}, map[float64]int{}
	for _, p := range page {
		if math.Abs(p.size-l.body) < 0.5 {
			lefts[math.Round(p.left)]++
			rights[math.Round(p.right)]++
		}
	}
	return mode(lefts), mode(rights)
}

func mode(m map[float64]int) float64 {
	best, n := 0.0, -1
	for v, c := range m {
		if c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}

// addNotes adds the footnotes after the text, under a heading of their
// own, each the note of the line that refers to it.
func (l *pdfLayout) addNotes() {
	if len(l.notes) == 0 {
		return
	}
	l.x.page = append(l.x.page, l.pages[l.notes[0].page].number)
	l.x.raw = append(l.x.raw, "Notes")
	l.x.text = append(l.x.text, "Notes")
	l.block(xblock{kind: xHeading, level: 1, lines: []int{len(l.x.text) - 1}})
	for _, n := range l.notes {
		var b xblock
		b.kind = xParagraph
		var text strings.Builder
		for _, line := range n.lines {
			if len(b.lines) > 0 {
				l.joinLast(line.text)
				if strings.HasSuffix(l.x.text[b.lines[len(b.lines)-1]], softHyphen) {
					joined := strings.TrimSuffix(text.String(), "-") // a word broken over the lines: "polish-" / "ing"
					text.Reset()
					text.WriteString(joined)
				} else {
					text.WriteByte(' ')
				}
			}
			text.WriteString(line.text)
			b.lines = append(b.lines, l.line(&line))
		}
		l.block(b)
		ref, ok := l.refs[[2]int{n.page, n.number}]
		if !ok {
			ref = b.lines[0]
		}
		l.x.notes = append(l.x.notes, Footnote{Number: n.number, Line: ref + 1, Text: text.String()})
	}
}

// labels records the pages' printed labels, where the PDF has any, or
// else the numbers its running heads and feet print (offsetLabels).
func (l *pdfLayout) labels() {
	any := false
	labels := make([]string, len(l.pages))
	for i, p := range l.pages {
		labels[i] = p.label
		any = any || p.label != ""
	}
	if any {
		l.x.labels = labels
		return
	}
	l.x.labels = offsetLabels(l.printed, len(l.pages))
}
