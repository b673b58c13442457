package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlWalk turns an HTML tree into an extraction: each paragraph a line
// (or a line per <br>), headings, code, table rows, a blank line after
// each, so that the extracted text reads as a plain text does; notes
// referenced from the text are kept apart.
type htmlWalk struct {
	x     *extraction
	line  strings.Builder // the paragraph line being written
	lines []int           // lines of the paragraph being written
	notes map[string]string
	// refs are the ids of the links that refer to notes: a link to one
	// from a note is the note's way back, not a note.
	refs  map[string]bool
	inPre bool
	// Letters of the paragraph being written, and of them those in links
	// within the page: a paragraph of such links is a table of contents.
	letters, linked int
	inLink          bool
	// unread are the notes met that are not read where they stand (an
	// EPUB's footnote asides, a Distill footnote): addNotes writes them
	// under a heading of their own, so that what they say is found.
	unread []string
	// speaker is who speaks the paragraphs being written: a play's
	// persona (speech), "" for none.
	speaker string
	// bracketed is set after a note's mark set in brackets ("[1]", the
	// brackets outside its link), whose closing bracket goes with it.
	bracketed bool
	// inTerm is set after a glossary's term (<dt>), whose definition
	// (<dd>) continues its paragraph.
	inTerm bool
	// bold is how deep the walk is in bold elements, and bolded the
	// letters of the paragraph it wrote there: a paragraph all in bold
	// may be an interviewer's question.
	bold, bolded int
	// page is set when the walk reads a whole page rather than the
	// article readability found: its site header, footer and asides are
	// left out too.
	page bool
	// marks are the ids an EPUB's contents link to in the document being
	// walked, each with the block its element opens once met (-1 before).
	marks map[string]int
	// underNotes is set while the walk reads under a heading of notes
	// or references ("Notes", "Footnotes", "References").
	underNotes bool
	// footnotes are the texts of the notes referred to by footnotes'
	// ids (footnoteID), in the order referred to.
	footnotes []string
}

func newHTMLWalk(f Format) *htmlWalk {
	return &htmlWalk{x: &extraction{format: f}, notes: map[string]string{}, refs: map[string]bool{}}
}

// skipped are elements that hold no text to read.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "head": true,
	"nav": true, "form": true, "button": true, "input": true, "select": true, "textarea": true,
	"iframe": true, "object": true, "embed": true, "img": true, "picture": true, "video": true,
	"audio": true, "canvas": true, "map": true, "d-byline": true,
	// MathML's annotations are the formula again, as TeX: "w×h" is not
	// "w×hw \times h".
	"annotation": true, "annotation-xml": true,
}

// blockElements end the paragraph before them and after them.
var blockElements = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "li": true, "ul": true,
	"ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true, "figure": true,
	"figcaption": true, "hr": true, "header": true, "footer": true, "aside": true, "address": true,
	"center": true, "table": true, "tbody": true, "thead": true, "tfoot": true, "caption": true,
	"d-article": true, "d-appendix": true, "details": true, "summary": true, "body": true, "html": true,
}

// headingLevel is the level of h1 … h6, or 0.
func headingLevel(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	return headingTag(n.Data)
}

// headingTag is the level of a heading's tag name, "h1" … "h6", or 0.
func headingTag(name string) int {
	if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
		return int(name[1] - '0')
	}
	return 0
}

// walk reads the text under n.
func (w *htmlWalk) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.text(c.Data)
		case html.ElementNode:
			w.element(c)
		}
	}
}

// element reads one element.
func (w *htmlWalk) element(n *html.Node) {
	if w.marks != nil {
		w.mark(n)
	}
	switch {
	case skipped[n.Data] || hidden(n) || isPageNumber(n) || isChrome(n) && !wrapsText(n):
		return
	case w.page && (n.Data == "header" || n.Data == "footer" || n.Data == "aside"):
		return
	case w.isPopupNote(n):
		w.unread = append(w.unread, w.notes[attr(n, "id")]) // shown where it is referenced; searched under Notes
	case !w.underNotes && w.opensNote(n) && w.notesToEnd(n):
		// notes set after the text without a heading of their own, as
		// Google Docs and Word write them: they are the Notes
		w.flush()
		w.heading(2, "Notes", "")
		w.element(n)
	case n.Data == "br":
		w.lineBreak()
	case n.Data == "pre":
		w.flush()
		w.code(n)
	case n.Data == "hgroup":
		w.flush()
		w.hgroup(n)
	case headingLevel(n) > 0 && w.labelsNote(n):
		// a note's label set as a heading over it, as Texinfo sets "(1)":
		// the note is read, its label is not a section
	case headingLevel(n) > 0:
		w.flush()
		w.heading(headingLevel(n), textContent(n), headingID(n))
	case n.Data == "tr":
		w.tableRow(n)
	case n.Data == "d-footnote":
		text := strings.TrimSpace(textContent(n))
		w.note(strconv.Itoa(len(w.x.notes)+1), text)
		w.unread = append(w.unread, text)
	case n.Data == "a" && w.noteRef(n):
	case n.Data == "a" && strings.HasPrefix(attr(n, "href"), "#"):
		w.inLink = true
		w.walk(n)
		w.inLink = false
	case n.Data == "dt":
		// A glossary's term opens its definition's paragraph, as a text
		// glossary's "_Vikzhel._ All-Russian…" does: alone, the term
		// would be a sentence of one word.
		w.flush()
		w.walk(n)
		w.inTerm = strings.TrimSpace(w.line.String()) != ""
	case n.Data == "dd" && w.inTerm:
		w.inTerm = false
		term := strings.TrimRightFunc(w.line.String(), unicode.IsSpace)
		w.line.Reset()
		w.line.WriteString(term + termDash)
		w.walk(n)
		w.flush()
	case n.Data == "strong" || n.Data == "b":
		w.bold++
		w.walk(n)
		w.bold--
	case blockElements[n.Data]:
		if !strings.HasSuffix(w.line.String(), termDash) {
			w.flush() // a definition's first paragraph goes on from its term (an API reference's "os.path.basename(path) — Return…")
		}
		w.walk(n)
		w.flush()
	default:
		w.walk(n)
	}
}

// termDash joins a glossary's term to its definition.
const termDash = " — "

// titleJoin is what joins a box's title to the paragraph it opens: a
// dash ("TIP Incremental updates — The aim…"), or a space after a title
// that asks, a sentence of its own ("Why a virtual environment? A
// virtual environment keeps…").
func titleJoin(title string) string {
	if strings.HasSuffix(title, "?") || strings.HasSuffix(title, "!") {
		return " "
	}
	return termDash
}

// text adds text to the paragraph being written, its white space
// collapsed.
func (w *htmlWalk) text(s string) {
	if w.inPre {
		w.line.WriteString(s)
		return
	}
	s = invisible.Replace(s)
	if w.bracketed {
		w.bracketed = false
		s = strings.TrimPrefix(strings.TrimPrefix(s, "]"), ")")
	}
	if s == "" {
		return
	}
	if unicode.IsSpace(rune(s[0])) && w.line.Len() > 0 {
		w.line.WriteByte(' ')
	}
	w.line.WriteString(strings.Join(strings.Fields(s), " "))
	n := letters(s)
	w.letters += n
	if w.inLink {
		w.linked += n
	}
	if w.bold > 0 {
		w.bolded += n
	}
	if last := s[len(s)-1]; unicode.IsSpace(rune(last)) && len(strings.TrimSpace(s)) > 0 {
		w.line.WriteByte(' ')
	}
}

// invisible removes typography a reader does not see (word joiners,
// soft hyphens) and makes thin, hair and no-break spaces plain spaces.
var invisible = strings.NewReplacer("\u2060", "", "\ufeff", "", "\u00ad", "", "\u200b", "",
	"\u2061", "", "\u2062", "", "\u2063", "", "\u2064", "", // MathML's invisible operators ("3.57⁢h")
	"\u200a", " ", "\u2009", " ", "\u202f", " ", "\u00a0", " ")

// newLine ends the current line of the paragraph, at a <br>.
func (w *htmlWalk) newLine() {
	t := strings.TrimSpace(w.line.String())
	w.line.Reset()
	if t == "" {
		return
	}
	w.lines = append(w.lines, w.addLine(t))
}

// lineBreak reads a <br>: it ends a line, and a second one in a row
// ends the paragraph, as a blank line does ("<br><br>" is how many pages
// part their paragraphs, and poems their stanzas).
func (w *htmlWalk) lineBreak() {
	if strings.TrimSpace(w.line.String()) == "" && len(w.lines) > 0 {
		w.flush()
		return
	}
	w.newLine()
}

// mark records the block an element opens when the contents link to it:
// the next one, or the one after the paragraph being written when the
// element stands inside it.
func (w *htmlWalk) mark(n *html.Node) {
	id := anchorID(n)
	if block, ok := w.marks[id]; !ok || block >= 0 {
		return
	}
	block := len(w.x.blocks)
	if len(w.lines) > 0 || strings.TrimSpace(w.line.String()) != "" {
		block++
	}
	w.marks[id] = block
}

// flush ends the paragraph being written. A paragraph of links within
// the page is an entry of a table of contents, as is a title such as
// "CONTENTS" before the first.
func (w *htmlWalk) flush() {
	w.newLine()
	if len(w.lines) > 0 {
		b := xblock{kind: xParagraph, lines: w.lines, bold: w.letters > 0 && w.bolded == w.letters, speaker: w.speaker}
		if w.linked*10 >= w.letters*9 && w.letters > 0 {
			b.kind, b.reason = xOmitted, "table of contents"
			w.contentsTitle()
		}
		w.block(b)
		w.lines = nil
	}
	w.letters, w.linked, w.bolded = 0, 0, 0
	w.inTerm = false
}

// contentsTitle leaves out the paragraph before a table of contents when
// it is its title.
func (w *htmlWalk) contentsTitle() {
	n := len(w.x.blocks)
	if n == 0 || w.x.blocks[n-1].kind != xParagraph || len(w.x.blocks[n-1].lines) != 1 {
		return
	}
	if h, ok := strongHeading(w.x.text[w.x.blocks[n-1].lines[0]]); ok && h.kind == matterContents {
		w.x.blocks[n-1].kind, w.x.blocks[n-1].reason = xOmitted, "table of contents"
	}
}

// block adds a block whose lines are written, and a blank line after it.
func (w *htmlWalk) block(b xblock) {
	w.x.blocks = append(w.x.blocks, b)
	w.addLine("")
}

// addLine appends a line of extracted text and returns its index.
func (w *htmlWalk) addLine(t string) int {
	w.x.raw = append(w.x.raw, t)
	w.x.text = append(w.x.text, t)
	return len(w.x.text) - 1
}

// heading adds a heading of a level.
func (w *htmlWalk) heading(level int, text, anchor string) {
	t := strings.TrimRight(strings.Join(strings.Fields(text), " "), " ¶🔗") // a link to the heading, however marked
	if t == "" {
		return
	}
	h, named := namedPart(t)
	w.underNotes = named && (strings.Contains(strings.ToLower(h.title), "note") || h.kind == matterNotes || h.kind == matterBibliography)
	w.block(xblock{kind: xHeading, level: level, lines: []int{w.addLine(t)}, anchor: anchor})
}

// headingID is the id a heading can be linked by: its own, or that of an
// anchor inside it (<h2><a id="x">) or of the section it opens.
func headingID(n *html.Node) string {
	if id := attr(n, "id"); id != "" {
		return id
	}
	if a := find(n, "a"); a != nil {
		if id := attr(a, "id"); id != "" {
			return id
		}
		return attr(a, "name")
	}
	if p := n.Parent; p != nil && p.Data == "section" && p.FirstChild != nil {
		return attr(p, "id")
	}
	return ""
}

// hgroup adds a heading group as one heading: "I" and "The Eve of the
// War" make "I: The Eve of the War".
func (w *htmlWalk) hgroup(n *html.Node) {
	level := 0
	var parts []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || hidden(c) {
			continue
		}
		if l := headingLevel(c); l > 0 && level == 0 {
			level = l
		}
		if t := strings.Join(strings.Fields(textContent(c)), " "); t != "" {
			parts = append(parts, t)
		}
	}
	w.heading(max(level, 1), strings.Join(parts, ": "), headingID(n))
}

// code adds a <pre> block, its lines as written: code, or verse where it
// reads as verse (books' HTML editions set poems in <pre>).
func (w *htmlWalk) code(n *html.Node) {
	w.inPre = true
	w.walk(n)
	w.inPre = false
	body := strings.Trim(w.line.String(), "\n")
	w.line.Reset()
	if strings.TrimSpace(body) == "" {
		return
	}
	if !isCode(n, body) {
		w.verse(body)
		return
	}
	b := xblock{kind: xCode}
	for _, l := range strings.Split(body, "\n") {
		b.lines = append(b.lines, w.addLine(strings.TrimRight(l, " \t\r")))
	}
	w.block(b)
}

// verse adds preformatted lines of verse or prose: a paragraph a stanza,
// a line each.
func (w *htmlWalk) verse(body string) {
	for _, l := range strings.Split(body, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			w.lines = append(w.lines, w.addLine(t))
			continue
		}
		w.flush()
	}
	w.flush()
}

// isCode reports whether a <pre> block holds code: marked as code (a
// class that says so marked it too, in tidyTree), or written as code is,
// with brackets, operators and few sentences.
func isCode(n *html.Node, body string) bool {
	return find(n, "code") != nil || !readsAsProse(body)
}

// readsAsProse reports whether preformatted text is words, not code: no
// command at a prompt, and few brackets and operators among its letters.
func readsAsProse(body string) bool {
	if prompt.MatchString(body) {
		return false // a command at a shell's or Python's prompt
	}
	symbols, letters := 0, 0
	for _, r := range body {
		switch {
		case strings.ContainsRune("{}[]()<>=;$#/\\|&*_+^~`@", r):
			symbols++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return symbols*12 <= letters
}

// readsAsVerse reports whether a block set as code without a language is
// verse: prose by its characters, in lines of five words or more on
// average, two thirds of them opening with a capitalised word or a
// quotation mark as verse's lines do ("Nor wars did men molest,"), where
// code's open with a keyword, a command or an indented statement.
func readsAsVerse(body string) bool {
	if !readsAsProse(body) {
		return false
	}
	lines, opened, words := 0, 0, 0
	for l := range strings.SplitSeq(body, "\n") {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		lines++
		words += len(f)
		first := strings.TrimLeft(f[0], "\"“‘'(")
		r, size := utf8.DecodeRuneInString(first)
		rest := first[size:]
		if unicode.IsUpper(r) && (rest == "" || strings.ToUpper(rest) != rest || len(f[0]) > len(first)) {
			opened++
		}
	}
	return lines >= 2 && words >= 5*lines && opened*3 >= lines*2
}

// classedCode reports whether a <pre> block's class, or its parent's
// (Sphinx's <div class="highlight"><pre>), says it holds code.
func classedCode(n *html.Node) bool {
	class := strings.ToLower(attr(n, "class"))
	if n.Parent != nil && n.Parent.Type == html.ElementNode {
		class += " " + strings.ToLower(attr(n.Parent, "class"))
	}
	return strings.Contains(class, "code") || strings.Contains(class, "highlight") || strings.Contains(class, "language-") ||
		hasClassWord(n, codeWords)
}

// markCode sets the text of each <pre> block whose class says it holds
// code in a <code> element, which says so without a class, and takes
// verse out of a <code> that names no language.
func markCode(n *html.Node) {
	if n.Type == html.ElementNode && n.Data == "pre" {
		code := find(n, "code")
		switch {
		case code == nil && classedCode(n):
			code = &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
			for c := n.FirstChild; c != nil; c = n.FirstChild {
				n.RemoveChild(c)
				code.AppendChild(c)
			}
			n.AppendChild(code)
		case code != nil && code.Parent == n && !classedCode(n) && !classedCode(code) && readsAsVerse(textContent(code)):
			// pandoc sets every <pre> in a <code>, a book's quoted
			// verse too: verse naming no language is set as verse.
			for c := code.FirstChild; c != nil; c = code.FirstChild {
				code.RemoveChild(c)
				n.InsertBefore(c, code)
			}
			n.RemoveChild(code)
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markCode(c)
	}
}

// codeWords name, in a class, DocBook's blocks of code: a program's
// listing, a terminal's screen, a command's synopsis.
var codeWords = map[string]bool{"programlisting": true, "screen": true, "synopsis": true}

// prompt matches a shell's or Python's prompt at the start of a line.
var prompt = regexp.MustCompile(`(?m)^(\$|%|>>>|PS>|C:\\>) \S`)

// tableRow reads a table row: a play's speech, credited to the persona
// beside it; the cells of a table that lays a page out, each a part of
// the page; or a row of data, one paragraph.
func (w *htmlWalk) tableRow(tr *html.Node) {
	w.flush()
	persona := personaOf(tr)
	if persona == "" && !isLayoutRow(tr) {
		w.row(tr)
		return
	}
	w.speaker = persona
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !isPersona(c) {
			w.walk(c)
			w.flush()
		}
	}
	w.speaker = ""
}

// personaOf is the speaker a play's row names, as Standard Ebooks set
// drama: a cell of epub:type "z3998:persona" beside the speech.
func personaOf(tr *html.Node) string {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isPersona(c) {
			return strings.Join(strings.Fields(textContent(c)), " ")
		}
	}
	return ""
}

func isPersona(cell *html.Node) bool { return strings.Contains(attr(cell, "epub:type"), "persona") }

// isLayoutRow reports whether a table row lays a page out rather than
// holding data: a cell of it holds paragraphs, lists, headings or another
// table, line breaks that part paragraphs ("<br><br>"), or more text than
// a datum. A cell of data may break a line ("Anna Berg<br>Mayor").
func isLayoutRow(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") &&
			(leafBlocks(c) > 1 || holdsHeading(c) || hasDoubleBreak(c) || len(textContent(c)) > layoutCellText) {
			return true
		}
	}
	return false
}

// layoutCellText is the most text, in bytes, a cell of data holds.
const layoutCellText = 400

// leafBlocks counts the block elements under n that hold no other: the
// paragraphs of a cell that lays a page out; a cell of data holds one at
// most (docutils and Sphinx set each cell's text in a <p>).
func leafBlocks(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		inner := leafBlocks(c)
		if inner == 0 && blockElements[c.Data] {
			inner = 1
		}
		count += inner
	}
	return count
}

// holdsHeading reports whether an element holds a heading.
func holdsHeading(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (headingLevel(c) > 0 || holdsHeading(c)) {
			return true
		}
	}
	return false
}

// hasDoubleBreak reports whether two line breaks follow each other under
// n, with nothing but white space between them: "<br><br>" parts
// paragraphs, where one <br> ("£<br>[pounds sterling]") breaks a line.
func hasDoubleBreak(n *html.Node) bool {
	last := false
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && c.Data == "br":
				if last {
					return true
				}
				last = true
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			case c.Type == html.ElementNode:
				if visit(c) {
					return true
				}
			default:
				last = false
			}
		}
		return false
	}
	return visit(n)
}

// row adds a table row as a paragraph, its cells joined.
func (w *htmlWalk) row(n *html.Node) {
	var cells []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			if t := strings.Join(strings.Fields(invisible.Replace(textContent(c))), " "); t != "" {
				cells = append(cells, t)
			}
		}
	}
	if len(cells) > 0 {
		w.block(xblock{kind: xParagraph, lines: []int{w.addLine(strings.Join(cells, cellJoin))}})
	}
}

// noteRef reads a link that refers to a note ("¹", "[4]", "*"): it is
// kept as a note of the line where it stands, not as text. It reports
// whether the link was one.
func (w *htmlWalk) noteRef(n *html.Node) bool {
	href := attr(n, "href")
	_, frag, _ := strings.Cut(href, "#")
	// A backlink's arrow may carry a text-style selector ("↩︎", as
	// goldmark, and so Hugo, write it).
	label := strings.TrimRight(strings.Trim(strings.TrimSpace(textContent(n)), "[]()"), "\ufe0e\ufe0f")
	if frag == "" || !isNoteLabel(label) {
		return false
	}
	if attr(n, "epub:type") == "backlink" || attr(n, "role") == "doc-backlink" || label == "↩" || w.refs[frag] {
		return true
	}
	text, known := w.notes[frag]
	if !known && !strings.Contains(strings.ToLower(frag+attr(n, "class")+attr(n, "epub:type")+attr(n, "role")), "note") {
		return false
	}
	w.note(label, text)
	if line := w.line.String(); strings.HasSuffix(line, "[") || strings.HasSuffix(line, "(") {
		w.line.Reset()
		w.line.WriteString(line[:len(line)-1])
		w.bracketed = true
	}
	if footnoteID.MatchString(frag) {
		w.footnotes = append(w.footnotes, text) // a footnote's, not a citation's ("cite_note-1")
	}
	return true
}

// notesLeftOut queues the footnotes the text refers to that the walk
// did not read (readability leaves a Word document's out), for addNotes
// to write under Notes; a wiki's citations are not among them.
func (w *htmlWalk) notesLeftOut() {
	written := strings.Join(w.x.text, "\n")
	for _, t := range w.footnotes {
		if t != "" && !strings.Contains(written, t) && !slices.Contains(w.unread, t) {
			w.unread = append(w.unread, t)
		}
	}
}

// addNotes writes the notes met since the last call that were not read
// where they stand, under a heading "Notes", a paragraph each.
func (w *htmlWalk) addNotes() {
	if len(w.unread) == 0 {
		return
	}
	w.flush()
	w.heading(2, "Notes", "")
	for _, t := range w.unread {
		if t != "" {
			w.text(t)
			w.flush()
		}
	}
	w.unread = nil
}

// note keeps a note referenced from the line being written.
func (w *htmlWalk) note(label, text string) {
	number, _ := strconv.Atoi(label)
	w.x.notes = append(w.x.notes, Footnote{Number: number, Line: len(w.x.text) + 1, Text: text})
}

// isNoteLabel reports whether a link's text is a note's: a number or a
// symbol, as superscripts and bracketed markers are.
func isNoteLabel(s string) bool {
	if s == "↩" || s == "*" || s == "†" || s == "‡" {
		return true
	}
	if s == "" || len(s) > 4 {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// footnoteID is the id of a note that says so only by its name: "fn3",
// "fn-3", as Pandoc and Markdown processors write them; "ftnt3", as
// Google Docs does; "_ftn3" and "_edn3", Word's footnotes and endnotes;
// "FOOT3", Texinfo's.
var footnoteID = regexp.MustCompile(`^(?i)(?:[\w-]*[-_:])?(?:fn|ftnt?|edn|foot)[-_:]?\d+$`)

// collectNotes reads the notes of a document by id: the elements a note
// reference points to (footnotes, endnotes, asides).
func (w *htmlWalk) collectNotes(root *html.Node) {
	var visit func(n *html.Node, listed bool)
	visit = func(n *html.Node, listed bool) {
		if n.Type == html.ElementNode {
			id := anchorID(n)
			kind := strings.ToLower(attr(n, "epub:type") + " " + attr(n, "role") + " " + attr(n, "class") + " " + id)
			if id != "" && (strings.Contains(kind, "note") || footnoteID.MatchString(id) || listed && n.Data == "li") && !strings.Contains(kind, "noteref") {
				w.notes[id] = noteText(n)
			}
			// a list of notes whose items say so only by where they stand,
			// as WordPress's footnotes block ids its items by UUID
			listed = listed || (n.Data == "ol" || n.Data == "ul") && (strings.Contains(kind, "footnotes") || strings.Contains(kind, "endnotes"))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, listed)
		}
	}
	visit(root, false)
	var refer func(n *html.Node)
	refer = func(n *html.Node) {
		if _, frag, ok := strings.Cut(attr(n, "href"), "#"); ok && n.Data == "a" && attr(n, "id") != "" {
			if _, note := w.notes[frag]; note {
				w.refs[attr(n, "id")] = true // Substack's "footnote-anchor-1", which its note links back to
				delete(w.notes, attr(n, "id"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			refer(c)
		}
	}
	refer(root)
}

// opensNote reports whether a paragraph is a note: its id, or that of
// the link to its label it opens with, is a note's.
func (w *htmlWalk) opensNote(n *html.Node) bool {
	if n.Data != "p" && n.Data != "div" && n.Data != "li" {
		return false
	}
	if _, ok := w.notes[anchorID(n)]; ok {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			a := c
			switch a.Data {
			case "sup", "span":
				a = find(a, "a")
			case "p", "div":
				return w.opensNote(a) // the note's label a paragraph of its own, as readability leaves Substack's
			}
			if a == nil || a.Data != "a" {
				return false
			}
			_, ok := w.notes[anchorID(a)]
			return ok
		}
	}
	return false
}

// notesToEnd reports whether nothing but notes follows note n in the
// document: notes gathered after the text (Google Docs', Word's), not
// one set after the paragraph that refers to it (Project Gutenberg's),
// which the chapter goes on after.
func (w *htmlWalk) notesToEnd(n *html.Node) bool {
	for a := n; a != nil && a.Data != "body"; a = a.Parent {
		for sib := a.NextSibling; sib != nil; sib = sib.NextSibling {
			if sib.Type == html.ElementNode && strings.TrimSpace(textContent(sib)) != "" && !w.opensNote(sib) && !w.holdsNotesOnly(sib) {
				return false
			}
		}
	}
	return true
}

// holdsNotesOnly reports whether an element's children with text are
// all notes: a list of notes, Word's footnote list.
func (w *htmlWalk) holdsNotesOnly(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && strings.TrimSpace(textContent(c)) != "" && !w.opensNote(c) && !w.holdsNotesOnly(c) {
			return false
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// anchorID is what an element can be linked by: its id, or an anchor's
// name (<a name="_ftn1">, as Word writes its notes' anchors).
func anchorID(n *html.Node) string {
	if id := attr(n, "id"); id != "" || n.Data != "a" {
		return id
	}
	return attr(n, "name")
}

// noteText is the text of a note: the element's, or, where the note's
// id stands on its label's link (Google Docs' and Word's "[1]" before
// the note), the paragraph's after the label.
func noteText(n *html.Node) string {
	t := strings.Join(strings.Fields(textContent(n)), " ")
	if p := n.Parent; n.Data == "a" && p != nil && isNoteLabel(strings.Trim(t, "[]()")) {
		t = strings.TrimSpace(strings.TrimPrefix(strings.Join(strings.Fields(textContent(p)), " "), t))
		if next := nextElement(p); t == "" && headingLevel(p) > 0 && next != nil {
			t = strings.Join(strings.Fields(textContent(next)), " ") // the label a heading of its own over the note, as Texinfo sets it
		}
	}
	return strings.TrimRight(t, " ↩\ufe0e") // without its way back ("↩︎")
}

// labelsNote reports whether a heading holds only the label of a note
// the page refers to ("(1)").
func (w *htmlWalk) labelsNote(h *html.Node) bool {
	if !isNoteLabel(strings.Trim(strings.TrimSpace(textContent(h)), "[]()")) {
		return false
	}
	a := find(h, "a")
	if a == nil {
		return false
	}
	_, ok := w.notes[anchorID(a)]
	return ok
}

// nextElement is the element after n among its siblings, or nil.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// isPopupNote reports whether an element is a note that reading systems
// show only where it is referenced: an EPUB's footnote aside.
func (w *htmlWalk) isPopupNote(n *html.Node) bool {
	id := attr(n, "id")
	if _, ok := w.notes[id]; !ok || id == "" {
		return false
	}
	kind := attr(n, "epub:type") + " " + attr(n, "role")
	return n.Data == "aside" || strings.Contains(kind, "footnote")
}

// isNodeLinks reports whether an element is the links a Texinfo manual
// sets over each of its nodes: "Next: Stations, Previous: Overview, Up:
// Tide [Contents][Index]" in a header or navigation panel.
func isNodeLinks(n *html.Node) bool {
	if !hasClassWord(n, nodeLinksWords) {
		return false
	}
	t := strings.TrimSpace(textContent(n))
	return strings.HasPrefix(t, "Next:") || strings.HasPrefix(t, "Previous:") || strings.HasPrefix(t, "Up:")
}

// isIndexTable reports whether an element is a Texinfo index, or the
// letters that lead into it ("Jump to: C D I"): a table of class
// "index-cp" (Texinfo 6) or "cp-entries-printindex" (Texinfo 7), or one
// of links to an index's letters.
func isIndexTable(n *html.Node) bool {
	if n.Data != "table" {
		return false
	}
	class := attr(n, "class")
	return strings.HasPrefix(class, "index-") || strings.Contains(class, "printindex") || findClass(n, "summary-letter") != nil
}

// nodeLinksWords name, in a class, the header of a Texinfo node.
var nodeLinksWords = map[string]bool{"header": true, "panel": true}

// hidden reports whether an element is hidden from readers.
func hidden(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok || attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// chromeWords name, in a class or id, the parts of a page around its
// text: sharing and subscribing, comments, licence and citation boxes,
// navigation.
var chromeWords = map[string]bool{
	"subscribe": true, "subscription": true, "newsletter": true, "share": true, "sharing": true, "social": true,
	"disqus": true, "comment": true, "comments": true, "reuse": true, "citation": true, "cookie": true,
	"cookies": true, "banner": true, "navbar": true, "breadcrumb": true, "breadcrumbs": true, "pagination": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "promo": true, "related": true, "sidebar": true,
	"navheader": true, "navfooter": true, "docnav": true, "toc": true, // DocBook's and Publican's links between pages, a page's contents
}

// markerWords name, in a class, the marks a site sets inside its text
// that are not part of it: MediaWiki's "[edit]" links by each heading,
// and what it leaves out of print ("[citation needed]"); Sphinx's and
// Python-Markdown's "¶" links after each heading. Texinfo's links over
// each node and its index go too (isNodeLinks, isIndexTable).
var markerWords = map[string]bool{"editsection": true, "noprint": true, "headerlink": true}

// dropMarkers removes the elements markerWords name from the page, and
// printed page numbers ("[Pg 12]" in Project Gutenberg's books), before
// readability strips the classes that tell them.
func dropMarkers(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (hasClassWord(c, markerWords) || isPageNumber(c) || isNodeLinks(c) || isIndexTable(c)) {
			n.RemoveChild(c)
		} else {
			dropMarkers(c)
		}
		c = next
	}
}

// chromeRoles are the ARIA landmarks around a page's text: navigation,
// search, the site's banner and footer, asides.
var chromeRoles = map[string]bool{"navigation": true, "search": true, "banner": true, "contentinfo": true, "complementary": true}

// isChrome reports whether an element is one of the parts of a page
// around its text, by the words of its class and id, or its role. A box
// set in the text, which a class may call a sidebar too, has lost its
// class to tidyTree before any page is walked.
func isChrome(n *html.Node) bool {
	return hasClassWord(n, chromeWords) || chromeRoles[strings.ToLower(attr(n, "role"))] ||
		strings.Contains(attr(n, "class"), "list-of-") || // DocBook's lists of tables, figures and examples
		strings.EqualFold(attr(n, "id"), "footer") // the page's footer; a class "footer" may set a book's footnotes
}

// widgetWords name, in a class or id, a widget a site sets by its text
// (share buttons, a newsletter's form, an advertisement's slot), whose
// script may wrap the text itself: The Independent's article stands in
// "gigya-share-btns-2_gig_containerParent", Libération's in "ad-portal".
var widgetWords = map[string]bool{"share": true, "sharing": true, "social": true, "subscribe": true,
	"subscription": true, "newsletter": true, "reuse": true, "ad": true, "ads": true, "advert": true,
	"advertisement": true, "promo": true, "banner": true}

// minProseWords is the fewest words a widget's element holds, few of
// them in links, when it wraps the text rather than being a widget.
const minProseWords = 150

// wrapsText reports whether an element a widget's words name wraps the
// text rather than being the widget: it holds a text's worth of words.
func wrapsText(n *html.Node) bool {
	return hasClassWord(n, widgetWords) && holdsProse(n, minProseWords)
}

// holdsProse reports whether an element holds at least least words, few
// of them (under a quarter) in links.
func holdsProse(n *html.Node, least int) bool {
	words := len(strings.Fields(textContent(n)))
	return words >= least && linkedWords(n)*4 < words
}

// isTextBox reports whether an element a class calls a sidebar is a box
// set in the text — DocBook's and O'Reilly's sidebar (a "TIP" or "BACK TO
// BASICS" box with a title and paragraphs), Sphinx's sidebar directive —
// rather than a column of the site's links: it stands inside a section of
// the text and holds prose, few of its words in links.
func isTextBox(n *html.Node) bool {
	return hasClassWord(n, sidebarWords) && inTextSection(n) && holdsProse(n, minBoxWords)
}

// linkedWords counts the words of the links under n.
func linkedWords(n *html.Node) int {
	if n.Type == html.ElementNode && n.Data == "a" {
		return len(strings.Fields(textContent(n)))
	}
	c := 0
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += linkedWords(k)
	}
	return c
}

// sidebarWords name, in a class, a box beside the text.
var sidebarWords = map[string]bool{"sidebar": true}

// minBoxWords is the fewest words a box set in the text holds: a
// paragraph's worth, more than a widget's title and links.
const minBoxWords = 20

// sectionWords name, in a class, the parts of a book's text in DocBook's
// and similar HTML: a sidebar inside one is part of the text.
var sectionWords = map[string]bool{"section": true, "chapter": true, "appendix": true, "preface": true,
	"sect1": true, "sect2": true, "sect3": true, "sect4": true, "sect5": true, "part": true}

// inTextSection reports whether an element stands inside a section of a
// page's text: a <section> or <article>, or an element a class calls one.
func inTextSection(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "section" || p.Data == "article" || hasClassWord(p, sectionWords)) {
			return true
		}
	}
	return false
}

// tidyTree readies a parsed page to be read while the class names that
// tell its parts are there: it removes the marks a site sets inside its
// text and the labels of its admonitions, keeps the boxes set in its
// text, and marks its code.
func tidyTree(root *html.Node) {
	inlineNotes(root)
	dropMarkers(root)
	keepMisclassed(root) // after dropMarkers, which knows an index's table by its class
	dropAdmonitionLabels(root)
	keepTextBoxes(root)
	if body := find(root, "body"); body != nil {
		dropChrome(body, letters(textContent(body))) // after keepTextBoxes, which keeps the boxes a class calls sidebars
	}
	markCode(root)
	joinVerseLines(root)
}

// dropChrome removes the boxes set into an article that their class
// names (boxWords: a newsletter's sign-up box, an advertisement's slot,
// comments, sharing) before readability, which strips the classes and
// keeps what it finds in the article. A block that holds a good part of
// the page's text stays whatever its class says (Substack's post is an
// <article> of class "newsletter-post").
func dropChrome(n *html.Node, total int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && chromeBlocks[c.Data] && hasClassWord(c, boxWords) && letters(textContent(c))*chromeShare < total {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode && c.Data != "pre" {
			dropChrome(c, total)
		}
		c = next
	}
}

// boxWords name, in a class, the boxes a site sets into its articles:
// a newsletter's sign-up, an advertisement, sharing and comments.
var boxWords = map[string]bool{"newsletter": true, "subscribe": true, "subscription": true, "signup": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "promo": true, "share": true, "sharing": true,
	"comment": true, "comments": true, "disqus": true, "cookie": true, "cookies": true}

// chromeBlocks are the elements dropChrome removes: blocks, never a
// phrase inside a sentence (Pandoc's <span class="citation">).
var chromeBlocks = map[string]bool{"div": true, "section": true, "aside": true, "nav": true, "form": true,
	"ul": true, "ol": true, "header": true, "footer": true, "p": true, "figure": true, "table": true}

// chromeShare: a block of chrome holds less than a third of the page's
// letters.
const chromeShare = 3

// inlineNoteClasses are the classes of a note set inside the sentence
// that refers to it: LaTeXML's footnotes (an arXiv paper's HTML), Tufte
// CSS's side and margin notes.
var inlineNoteClasses = map[string]bool{"ltx_note": true, "sidenote": true, "marginnote": true}

// inlineNotes sets each note written inside its sentence apart as Distill
// does (<d-footnote>), which the walk keeps as the note of its line and
// writes under Notes, with its text alone (not LaTeXML's repeated marks);
// Tufte CSS's toggles of its notes go.
func inlineNotes(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type != html.ElementNode:
		case c.Data == "label" && hasClass(c, "margin-toggle"):
			n.RemoveChild(c)
		case c.Data != "div" && slices.ContainsFunc(strings.Fields(attr(c, "class")), func(w string) bool { return inlineNoteClasses[w] }):
			text := noteContent(c)
			note := &html.Node{Type: html.ElementNode, Data: "d-footnote"}
			note.AppendChild(&html.Node{Type: html.TextNode, Data: text})
			n.InsertBefore(note, c)
			n.RemoveChild(c)
		default:
			inlineNotes(c)
		}
		c = next
	}
}

// noteContent is the text of an inline note without its marks: LaTeXML
// repeats the number in the note's content (ltx_note_mark, ltx_tag_note).
func noteContent(n *html.Node) string {
	var b strings.Builder
	var read func(n *html.Node)
	read = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		class := attr(n, "class")
		if strings.Contains(class, "ltx_note_mark") || strings.Contains(class, "ltx_tag_note") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			read(c)
		}
	}
	if content := findClass(n, "ltx_note_content"); content != nil {
		n = content
	}
	read(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// hasClass reports whether an element is of a class, one of the names
// its class attribute lists.
func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

// findClass is the first element under n, or n, of a class.
func findClass(n *html.Node, class string) *html.Node {
	if n.Type == html.ElementNode && hasClass(n, class) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findClass(c, class); f != nil {
			return f
		}
	}
	return nil
}

// keepMisclassed takes the class off the elements of the text that
// readability would drop by a class that reads as a page's header: a
// heading whose class names it a header ("header-anchor-post", as
// Substack classes every heading of a post), and a table of data (with
// header cells or a caption) that is not a page's chrome (LaTeXML classes
// a paper's tables "ltx_guessed_headers").
func keepMisclassed(n *html.Node) {
	switch {
	case headingLevel(n) > 0 && strings.Contains(strings.ToLower(attr(n, "class")), "header"),
		n.Type == html.ElementNode && n.Data == "table" && !isChrome(n) && (find(n, "th") != nil || find(n, "caption") != nil):
		dropAttrs(n, "class")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		keepMisclassed(c)
	}
}

// dropAttrs takes attributes off an element.
func dropAttrs(n *html.Node, keys ...string) {
	n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return slices.Contains(keys, a.Key) })
}

// stanzaWords name, in a class, a stanza of verse; poemWords a poem, whose
// lines verseWords name.
var (
	stanzaWords = map[string]bool{"stanza": true}
	poemWords   = map[string]bool{"poem": true, "poetry": true}
	verseWords  = map[string]bool{"verse": true, "line": true}
)

// joinVerseLines sets the lines of a stanza, each a block of its own as
// Project Gutenberg's books set them (<div class="verse">), as lines of
// one paragraph, so that a sentence runs over them as it does in a text's
// verse.
func joinVerseLines(n *html.Node) {
	if n.Type == html.ElementNode && (hasClassWord(n, stanzaWords) || hasClassWord(n, poemWords) && allChildren(n, verseWords)) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.Data != "div" && c.Data != "p" || hasClassWord(c, stanzaWords) {
				continue
			}
			c.Data, c.DataAtom = "span", atom.Span
			if c.NextSibling != nil {
				n.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}, c.NextSibling)
				c = c.NextSibling
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		joinVerseLines(c)
	}
}

// allChildren reports whether every element under n is of a class words
// name.
func allChildren(n *html.Node, words map[string]bool) bool {
	any := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if !hasClassWord(c, words) {
				return false
			}
			any = true
		}
	}
	return any
}

// admonitionWords name, in a class, an admonition: a box headed by its
// kind ("Tip", "Note", "Warning"), as Sphinx, MkDocs and DocBook set
// them.
var admonitionWords = map[string]bool{"admonition": true, "note": true, "tip": true, "hint": true, "warning": true,
	"caution": true, "important": true, "danger": true, "attention": true, "seealso": true}

// dropAdmonitionLabels removes an admonition's label, the element holding
// only its kind: alone, "Tip" would be a sentence of one word.
func dropAdmonitionLabels(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && hasClassWord(c, admonitionWords) {
			dropLabels(c)
		}
		dropAdmonitionLabels(c)
		c = next
	}
}

// dropLabels removes the elements under box whose text is an admonition's
// kind alone.
func dropLabels(box *html.Node) {
	for c := box.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			label := strings.ToLower(strings.Join(strings.Fields(textContent(c)), ""))
			if admonitionWords[strings.TrimSuffix(label, ":")] {
				box.RemoveChild(c)
			} else {
				dropLabels(c)
			}
		}
		c = next
	}
}

// keepTextBoxes makes the boxes set in a page's text plain divisions
// before readability, which leaves out whatever a class calls a sidebar
// and every <aside>; the title of each opens its first paragraph.
func keepTextBoxes(n *html.Node) {
	if n.Type == html.ElementNode && isTextBox(n) {
		joinBoxTitle(n)
		n.Data, n.DataAtom = "div", atom.Div
		dropAttrs(n, "class", "id")
		return
	}
	if n.Type == html.ElementNode && hasClassWord(n, titledBlockWords) {
		joinBoxTitle(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		keepTextBoxes(c)
	}
}

// titledBlockWords name, in a class, Asciidoctor's blocks whose title
// (".The smoker" over a sidebar, an example or an admonition) is a label
// of the text in them.
var titledBlockWords = map[string]bool{"sidebarblock": true, "exampleblock": true, "admonitionblock": true}

// joinBoxTitle opens a box's first paragraph with the box's title ("TIP
// Incremental updates — The aim of…"), as a glossary's term opens its
// definition: alone, the title would be a sentence without a verb.
func joinBoxTitle(box *html.Node) {
	var title, para *html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil && para == nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode:
			case title == nil && (hasClassWord(c, titleWords) || headingLevel(c) > 0):
				title = c
			case title != nil && (c.Data == "p" || hasClassWord(c, paraWords)):
				para = c
			default:
				visit(c)
			}
		}
	}
	visit(box)
	text := strings.Join(strings.Fields(textContent(title)), " ")
	if para == nil || text == "" {
		return
	}
	if c := para.FirstChild; c != nil && c.Type == html.TextNode {
		c.Data = strings.TrimLeftFunc(c.Data, unicode.IsSpace)
	}
	para.InsertBefore(&html.Node{Type: html.TextNode, Data: text + titleJoin(text)}, para.FirstChild)
	title.Parent.RemoveChild(title)
}

// titleWords and paraWords name, in a class, a box's title and its
// paragraphs (DocBook's <div class="para">).
var (
	titleWords = map[string]bool{"title": true}
	paraWords  = map[string]bool{"para": true}
)

// hasClassWord reports whether a word of an element's class or id (split
// at spaces, hyphens and underscores) is one of words.
func hasClassWord(n *html.Node, words map[string]bool) bool {
	id := attr(n, "id")
	if anchorsHeading(n, id) {
		id = "" // docutils' "sharing-with-a-single-developer": its heading's words, not a widget's
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+id), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}) {
		if words[w] {
			return true
		}
	}
	return false
}

// anchorsHeading reports whether id is the anchor a section takes from
// the heading it opens with: its words, joined by hyphens.
func anchorsHeading(n *html.Node, id string) bool {
	if id == "" {
		return false
	}
	h := n.FirstChild
	for h != nil && h.Type != html.ElementNode {
		h = h.NextSibling
	}
	if h == nil || headingLevel(h) == 0 {
		return false
	}
	slug := strings.Join(foldedWords(textContent(h)), "-")
	return slug != "" && strings.HasPrefix(strings.ToLower(id), slug)
}

// isPageNumber reports whether an element is a page number of the
// printed original, set in the margin of a book's HTML edition.
func isPageNumber(n *html.Node) bool {
	c := strings.ToLower(attr(n, "class"))
	t := attr(n, "epub:type")
	return strings.Contains(c, "pagenum") || strings.Contains(c, "page-number") || c == "pb" || strings.Contains(t, "pagebreak")
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		name := a.Key
		if a.Namespace != "" {
			name = a.Namespace + ":" + a.Key
		}
		if name == key {
			return a.Val, true
		}
	}
	return "", false
}

// textContent is the text under n, scripts and styles left out.
func textContent(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || hidden(n) || isPageNumber(n)):
			return
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// find returns the first element named tag under n, or nil.
func find(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, tag); f != nil {
			return f
		}
	}
	return nil
}
