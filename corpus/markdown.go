package corpus

import (
	"cmp"
	"html"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown and MDX are parsed by goldmark, a CommonMark parser, after
// docsMarkup has turned documentation generators' markup into plain
// Markdown. Code blocks are code, never headings or prose; inline code
// is kept as written; link text is kept, URLs and images are not; each
// table row is a paragraph. Line numbers are the file's.

// markdownParser is goldmark with GitHub's tables, strikethrough and task
// lists, footnotes (with the options given) and definition lists.
func markdownParser(footnotes ...extension.FootnoteOption) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.NewFootnote(footnotes...), extension.DefinitionList))
}

// highlightMarker matches Docusaurus's line-highlight comments, which
// mark lines of a code block and are not part of the program.
var highlightMarker = regexp.MustCompile(`^\s*(//|#|/\*|<!--|\{/\*)\s*highlight-(next-line|start|end)\b`)

// parseMarkdown parses a Markdown or MDX file.
func parseMarkdown(name string, data []byte) (*Document, error) {
	s, enc, err := checkText(data)
	if err != nil {
		return nil, err
	}
	raw := strings.Split(s, "\n")
	if len(raw) > 1 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	x := &extraction{format: FormatMarkdown, raw: raw, text: make([]string, len(raw))}
	clean := docsMarkup(raw)
	markupTitle := ""
	switch {
	case isLaTeX(name):
		clean, markupTitle, x.author = latexMarkup(raw)
	case isRST(name):
		clean, x.author = rstMarkup(raw)
	case isAsciiDoc(name):
		clean = asciidocMarkup(raw)
	case isOrg(name):
		clean = orgMarkup(raw)
	}
	end, title := frontMatter(raw)
	for i := range end {
		clean[i] = ""
	}
	if end > 0 {
		x.omitted = append(x.omitted, Omission{Lines: Span{Start: 1, End: end}, Reason: "front matter"})
	}
	x.title = cmp.Or(title, markupTitle)
	src := []byte(strings.Join(clean, "\n"))
	w := &mdWalk{x: x, src: src, starts: lineOffsets(src)}
	w.blocks(markdownParser().Parser().Parse(text.NewReader(src)))
	w.endTerm()
	// goldmark gathers footnotes at the end of its tree; the text keeps
	// them where the file has them.
	sort.SliceStable(x.blocks, func(i, j int) bool { return x.blocks[i].lines[0] < x.blocks[j].lines[0] })
	if x.title == "" {
		x.title = w.h1
	}
	if len(x.blocks) > 0 && !holdsText(x.blocks) {
		return nil, ErrNoContent // headings over links to the pages: a book's SUMMARY.md
	}
	doc, err := parseExtracted(name, data, x)
	if doc != nil {
		doc.Encoding = enc
	}
	return doc, err
}

// lineOffsets returns where each line of src starts.
func lineOffsets(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// mdWalk turns goldmark's tree into an extraction's blocks and text.
type mdWalk struct {
	x      *extraction
	src    []byte
	starts []int
	h1     string // the first top-level heading, a title when front matter has none
	quoted int    // depth of block quotes around the node walked
	// term is a definition list's term, not yet added: it opens its
	// definition's first paragraph.
	term *xblock
}

// lineOf is the 0-based line of a byte offset.
func (w *mdWalk) lineOf(off int) int { return sort.SearchInts(w.starts, off+1) - 1 }

// blocks walks the block nodes under n.
func (w *mdWalk) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			if w.quoted > 0 {
				// A sidebar's title: its section ends with the quote, so
				// it is a paragraph of the quote, not a heading.
				w.add(w.inline(c, xParagraph))
				continue
			}
			if b := w.inline(c, xHeading); len(b.lines) > 0 {
				b.level = c.Level
				b.anchor = explicitAnchor(w.x.raw[b.lines[0]])
				for _, l := range b.lines {
					w.x.text[l] = strings.ReplaceAll(w.x.text[l], "`", "")
				}
				w.add(b)
				if c.Level == 1 && w.h1 == "" {
					w.h1 = cleanTitle(w.x.text[b.lines[0]])
				}
			}
		case *ast.Paragraph, *ast.TextBlock:
			b := w.inline(c, xParagraph)
			if w.gridTable(b) {
				continue
			}
			if w.properties(b) {
				for _, l := range b.lines[:len(b.lines)-1] {
					w.add(xblock{kind: xParagraph, lines: []int{l}}) // a property a paragraph, not a sentence run over them all
				}
				b.lines = b.lines[len(b.lines)-1:]
			}
			if q, ok := w.boldQuestion(&b); ok {
				w.add(q)
			}
			w.add(b)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			w.code(c)
		case *east.Table:
			w.table(c)
		case *east.DefinitionTerm:
			w.endTerm()
			if b := w.inline(c, xParagraph); len(b.lines) > 0 {
				w.term = &b
			}
		case *ast.HTMLBlock:
			w.htmlBlock(c)
		case *ast.ThematicBreak:
			// markup, dropped
		case *ast.Blockquote:
			w.quoted++
			w.blocks(c)
			w.quoted--
		default: // lists, items, block quotes, footnotes, definition lists
			w.blocks(c)
		}
	}
}

// gridTable adds a paragraph that is a table drawn with "+---+"
// borders, as pandoc writes one, as its rows, and reports whether it
// was one.
func (w *mdWalk) gridTable(b xblock) bool {
	if len(b.lines) < 3 {
		return false
	}
	lo, hi := b.lines[0], b.lines[len(b.lines)-1]+1
	if gridTableEnd(w.x.raw, lo, hi) != hi {
		return false
	}
	copy(w.x.text[lo:hi], w.x.raw[lo:hi])
	for _, r := range gridRows(w.x.text, lo, hi) {
		w.add(xblock{kind: xParagraph, lines: []int{r}})
	}
	return true
}

// properties reports whether a paragraph is the properties a page
// lists under its title, a line each, as Notion exports them ("Created:
// September 2, 2024 7:41 PM", "Attendees: Dana Whitfield, Omar Haddad"):
// each is a statement of its own, not a sentence run over them all.
func (w *mdWalk) properties(b xblock) bool {
	if len(b.lines) < 2 || len(w.x.blocks) != 1 || w.x.blocks[0].kind != xHeading || w.x.blocks[0].level != 1 {
		return false
	}
	for _, l := range b.lines {
		if !propertyLine.MatchString(w.x.raw[l]) {
			return false
		}
	}
	return true
}

// propertyLine is a property and its value: a name of a few capitalised
// words, a colon, the value.
var propertyLine = regexp.MustCompile(`^\p{Lu}[\p{L}]*(?: [\p{L}]+){0,2}: \S`)

// boldQuestion takes from a paragraph its first line where that line is
// a question set in bold, as a FAQ sets its questions ("**How do I reset
// my password?**", "**Q: When am I charged?**" over "A: On the first day
// of each month…"), and returns it as a paragraph in bold of its own; the
// labels "Q:" and "A:" are left out. ok is false for any other paragraph.
func (w *mdWalk) boldQuestion(b *xblock) (xblock, bool) {
	if len(b.lines) == 0 || w.quoted > 0 {
		return xblock{}, false
	}
	first := b.lines[0]
	raw := strings.TrimSpace(w.x.raw[first])
	t := strings.TrimSpace(w.x.text[first])
	if !boldLine.MatchString(raw) || !strings.HasSuffix(t, "?") {
		return xblock{}, false
	}
	w.x.text[first] = faqLabel.ReplaceAllString(t, "")
	q := xblock{kind: xParagraph, lines: []int{first}, bold: true}
	b.lines = b.lines[1:]
	if len(b.lines) > 0 {
		w.x.text[b.lines[0]] = faqLabel.ReplaceAllString(w.x.text[b.lines[0]], "")
	}
	return q, true
}

var (
	// boldLine is a Markdown line wholly in bold.
	boldLine = regexp.MustCompile(`^(?:\*\*[^*]+\*\*|__[^_]+__)$`)
	// faqLabel is a FAQ's label of a question or an answer: "Q:", "A.".
	faqLabel = regexp.MustCompile(`^\s*[QA][:.]\s+`)
)

// markdownAnchor is the id a Markdown heading gives itself: "{#id}" or "{ #id
// .class }" after its text (MkDocs, Hugo, Docusaurus), or an HTML anchor
// in it.
var markdownAnchor = regexp.MustCompile(`\{[^{}]*#([A-Za-z][\w:.-]*)[^{}]*\}\s*#*\s*$|<a\s+(?:name|id)="([^"]+)"`)

// explicitAnchor is the id a heading's source line gives it, or "".
func explicitAnchor(line string) string {
	m := markdownAnchor.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

// add adds a block, after the definition list's term that opens it when
// it is a paragraph ("swarm — A colony's old queen…", as a web page's
// <dt> opens its <dd>). A term that opens no paragraph is one of its own.
func (w *mdWalk) add(b xblock) {
	if t := w.term; t != nil && b.kind == xParagraph && len(b.lines) > 0 && b.lines[0] > t.lines[len(t.lines)-1] {
		w.term = nil
		w.x.text[b.lines[0]] = strings.TrimLeft(termDash, " ") + strings.TrimLeft(w.x.text[b.lines[0]], " ")
		b.lines = append(t.lines, b.lines...)
	}
	w.endTerm()
	if len(b.lines) > 0 {
		w.x.blocks = append(w.x.blocks, b)
	}
}

// endTerm adds a definition list's term still waiting for its definition
// as a paragraph of its own.
func (w *mdWalk) endTerm() {
	if t := w.term; t != nil {
		w.term = nil
		w.x.blocks = append(w.x.blocks, *t)
	}
}

// segmentsStart is where a block node's text starts, or 0.
func (w *mdWalk) segmentsStart(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	return 0
}

// inline renders the inline content of a block a line at a time into the
// extraction's text, and returns the block of those lines.
func (w *mdWalk) inline(n ast.Node, kind xkind) xblock {
	pieces := map[int]*strings.Builder{}
	line := w.lineOf(w.segmentsStart(n))
	var put func(n ast.Node)
	inPageLink := false
	all, linked := 0, 0 // letters, and of them those in links to the site's pages
	write := func(l int, s string) {
		l = min(l, len(w.x.text)-1) // a line break ending the text moves past its last line
		b := pieces[l]
		if b == nil {
			b = &strings.Builder{}
			pieces[l] = b
		}
		b.WriteString(s)
		line = l
		all += letters(s)
		if inPageLink {
			linked += letters(s)
		}
	}
	put = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(w.src)
				if !c.IsRaw() {
					v = util.UnescapePunctuations(v) // "\#[cfg(test)]" reads "#[cfg(test)]", as CommonMark renders it
				}
				write(w.lineOf(c.Segment.Start), html.UnescapeString(string(v)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					line++
				}
			case *ast.String:
				write(line, string(c.Value))
			case *ast.CodeSpan:
				write(w.codeSpanLine(c, line), "`"+codeSpanText(c, w.src)+"`")
			case *ast.AutoLink:
				write(line, string(c.Label(w.src)))
			case *ast.Image, *ast.RawHTML, *east.FootnoteLink, *east.TaskCheckBox:
				// markup, dropped
			case *ast.Link:
				inPageLink = pageLink(string(c.Destination))
				put(c)
				inPageLink = false
			default: // emphasis, links (their text), strikethrough
				put(c)
			}
		}
	}
	put(n)
	var b xblock
	b.kind = kind
	for l := range pieces {
		b.lines = append(b.lines, l)
	}
	sort.Ints(b.lines)
	for _, l := range b.lines {
		w.x.text[l] = strings.TrimRight(pieces[l].String(), " ")
	}
	if kind == xParagraph && all > 0 && linked == all && w.contentsEntry(n, b) {
		// an entry of a book's contents (mdBook's and GitBook's
		// SUMMARY.md, Docsify's _sidebar.md) or of a list of pages to
		// read next: the page it links to is the text
		b.kind, b.reason = xOmitted, "table of contents"
	}
	return b
}

// contentsEntry reports whether a block of links to pages, n's, is an
// entry of contents: an item of a list each line as short as a page's
// title (a link that says what to do, "set up a single RTK Query API
// slice definition and add…", is text), or a line of a few words alone
// (mdBook's "[Introduction](./intro.md)" before its numbered chapters).
func (w *mdWalk) contentsEntry(n ast.Node, b xblock) bool {
	if _, listed := n.Parent().(*ast.ListItem); !listed {
		return len(b.lines) == 1 && len(strings.Fields(w.x.text[b.lines[0]])) <= maxLoneEntryWords
	}
	for _, l := range b.lines {
		if len(strings.Fields(w.x.text[l])) > maxTitleWords {
			return false
		}
	}
	return true
}

// The most words a linked page's title has in a list of contents, and
// standing alone.
const (
	maxTitleWords     = 12
	maxLoneEntryWords = 4
)

// pageLink reports whether a link's destination is another page of the
// same site or book ("./install.md", "guide/", "../api.html#x"), not a
// place on this page nor another site.
func pageLink(dest string) bool {
	return dest != "" && !strings.HasPrefix(dest, "#") && !strings.Contains(dest, "://") && !strings.HasPrefix(dest, "mailto:")
}

// codeSpanLine is the line where an inline code span starts.
func (w *mdWalk) codeSpanLine(c *ast.CodeSpan, def int) int {
	if t, ok := c.FirstChild().(*ast.Text); ok {
		return w.lineOf(t.Segment.Start)
	}
	return def
}

// codeSpanText is the text of inline code as written.
func codeSpanText(c *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		if t, ok := t.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		}
	}
	return b.String()
}

// code adds a code block, its lines as written, Docusaurus's
// line-highlight comments left out. An indented block that reads as
// verse (a poem indented in a book's Markdown) is verse, a paragraph a
// stanza; a fence without a language is not, since documentation fences
// a program's output so, and its messages read as sentences.
func (w *mdWalk) code(n ast.Node) {
	var b xblock
	b.kind = xCode
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		l := w.lineOf(seg.Start)
		v := strings.TrimRight(string(seg.Value(w.src)), "\n")
		if highlightMarker.MatchString(v) {
			continue
		}
		w.x.text[l] = v
		b.lines = append(b.lines, l)
	}
	if _, indented := n.(*ast.CodeBlock); indented && w.verse(b.lines) {
		return
	}
	w.add(b)
}

// verse adds the lines of a code block as verse when they read as verse,
// and reports whether they did.
func (w *mdWalk) verse(lines []int) bool {
	var body strings.Builder
	for _, l := range lines {
		body.WriteString(w.x.text[l] + "\n")
	}
	if !readsAsVerse(body.String()) {
		return false
	}
	stanza := xblock{kind: xParagraph}
	for k, l := range lines {
		if k > 0 && l > lines[k-1]+1 || strings.TrimSpace(w.x.text[l]) == "" {
			w.add(stanza)
			stanza = xblock{kind: xParagraph}
		}
		if t := strings.TrimSpace(w.x.text[l]); t != "" {
			w.x.text[l] = t
			stanza.lines = append(stanza.lines, l)
		}
	}
	w.add(stanza)
	return true
}

// table adds each row of a table as a paragraph, its cells joined.
func (w *mdWalk) table(t *east.Table) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		line := -1
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			b := w.inline(cell, xParagraph)
			for _, l := range b.lines {
				cells = append(cells, w.x.text[l])
				line = l
			}
		}
		if line < 0 {
			continue
		}
		w.x.text[line] = strings.Join(cells, cellJoin)
		w.add(xblock{kind: xParagraph, lines: []int{line}})
	}
}
