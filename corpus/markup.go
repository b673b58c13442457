package corpus

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Line cleaning removes markup from each source line, keeping line numbers:
// a line that is all markup (an HTML comment, a code fence, "[TOC]") becomes
// blank. What a quote shows is the cleaned text.

var (
	mdFence      = regexp.MustCompile("^\\s*(```|~~~)")
	mdDirective  = regexp.MustCompile(`^\s*(\{\{#.*\}\}|\[TOC\]|\[\[_TOC_\]\])\s*$`)
	mdRefDef     = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	mdQuote      = regexp.MustCompile(`^\s{0,3}(>\s?)+`)
	mdListItem   = regexp.MustCompile(`^\s*([-*+]|\d{1,3}[.)])\s+\S`)
	mdListMarker = regexp.MustCompile(`^\s*([-*+]|\d{1,3}[.)])\s+`)
	mdTableRule  = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|?\s*$`)
	mdImage      = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink       = regexp.MustCompile(`\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	mdRefLink    = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdAutoLink   = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	htmlComment  = regexp.MustCompile(`<!--.*?-->`)
	htmlTag      = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>`)
	mdStrong     = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmphasis   = regexp.MustCompile(`(^|[\s(“‘"'—–-])[*_](\S(?:[^*_]*?\S)?)[*_]($|[\s)”’"'.,;:!?—–-])`)
	mdCode       = regexp.MustCompile("`+([^`]+)`+")
	illustration = regexp.MustCompile(`(?i)^\s*\[(illustration|picture|image|graphic|frontispiece|(transcriber|redactor|editor|producer)['’]?s? note)\b`)
	// platePlace is where a plate is bound, on a line of its own: "To
	// face page 112".
	platePlace    = regexp.MustCompile(`(?i)^\s*(?:to\s+)?fac(?:e|ing)\s+(?:p\.|page)\s*\d+\s*$`)
	sidenote      = regexp.MustCompile(`(?i)\[(?:sidenote|marginal note|margin):\s*([^\]]*)\]?`)
	verseNumber   = regexp.MustCompile(`^(?:(\d{1,3}):)?(\d{1,3}):(\d{1,3})\s+`) // [book:]chapter:verse (verses.go)
	entityPattern = regexp.MustCompile(`&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);`)
)

// lineFlag marks what a cleaned line is.
type lineFlag uint8

const (
	lineCode     lineFlag = 1 << iota // inside a fenced code block
	lineListItem                      // a list item (Markdown's, or a bullet's): a paragraph of its own
	lineTable                         // a table's row (Markdown's, or one set out in spaces)
	lineTime                          // a caption's time alone on its line: no text, and no break between paragraphs
	linePageHead                      // a running head with its page number that opens a page printed without a form feed
	linePageTurn                      // a page's turn inside a paragraph: its running lines and the blank lines around them
)

// cleanLines fills p.text and p.flags for lines [lo, hi).
func (p *parser) cleanLines(lo, hi int, markdown bool) {
	inComment, inFence, inIllustration := false, false, false
	var notes textNotes
	defer func() {
		notes.end()
		p.notes = notes.found
	}()
	for i := lo; i < hi; i++ {
		l := p.raw[i]
		if inComment {
			if end := strings.Index(l, "-->"); end >= 0 {
				inComment = false
				l = strings.Repeat(" ", end+3) + l[end+3:]
			} else {
				p.text[i] = ""
				continue
			}
		}
		if inIllustration {
			p.text[i] = ""
			if strings.Contains(l, "]") {
				inIllustration = false
			}
			continue
		}
		if platePlace.MatchString(l) {
			p.text[i] = ""
			continue
		}
		if strings.Contains(l, "[") && illustration.MatchString(l) {
			p.text[i] = ""
			inIllustration = !strings.Contains(l, "]")
			continue
		}
		if markdown {
			if mdFence.MatchString(l) {
				inFence = !inFence
				p.text[i] = ""
				continue
			}
			if inFence {
				p.flags[i] |= lineCode
				continue
			}
		}
		if strings.Contains(l, "<!--") {
			l = htmlComment.ReplaceAllString(l, "")
			if start := strings.Index(l, "<!--"); start >= 0 {
				inComment = true
				l = l[:start]
			}
		}
		l = p.cleanMarkup(i, l, markdown)
		if !markdown && isRule(l) {
			l = "" // a rule across the page ends a paragraph, as a blank line does
		}
		if !markdown {
			l = notes.clean(i, l)
			if p.isEndMark(i, l) {
				l = ""
			}
		}
		p.text[i] = l
	}
}

// cleanMarkup removes the markup of line i (l, outside comments and
// code): Markdown's or tags, a bullet (flagging the line a list item),
// entities, sidenotes' brackets, a wiki's "[edit]" and emphasis.
func (p *parser) cleanMarkup(i int, l string, markdown bool) string {
	if markdown {
		l = p.cleanMarkdownLine(i, l)
	} else if strings.ContainsAny(l, "<&") {
		l = htmlTag.ReplaceAllString(l, "")
	}
	if rest, ok := cutBullet(l); ok {
		p.flags[i] |= lineListItem
		l = rest
	}
	if strings.Contains(l, "&") {
		l = entityPattern.ReplaceAllStringFunc(l, html.UnescapeString)
	}
	if strings.Contains(l, "[") {
		l = sidenote.ReplaceAllString(l, "$1")
		l = wikiEdit.ReplaceAllString(l, "")
	}
	if strings.ContainsAny(l, "_*") {
		l = stripEmphasis(l)
	}
	return l
}

// leadingTime is the time a transcript sets before each line, in
// brackets: "[00:00:14] OKAFOR: Thanks for having me."
var leadingTime = regexp.MustCompile(`^\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]\s*`)

// isRule reports whether a line is a rule drawn with underscores, tildes
// or asterisks, as a document saved as text sets one over its notes
// ("________________"). Hyphens and equals signs may underline a title,
// and are read so (markupHeading).
func isRule(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 3 && strings.Trim(t, t[:1]) == "" && strings.ContainsAny(t[:1], "_~*")
}

// wikiEdit is the link a heading copied from a wiki page ends with:
// "Background[edit]".
var wikiEdit = regexp.MustCompile(`\s*\[edit\]\s*$`)

// lineNumber opens a line with its number: "2. The Beneficent, the
// Merciful."
var lineNumber = regexp.MustCompile(`^\s*(\d{1,3})\.\s+\S`)

// minNumberedRun is how many lines numbered one after another, in one
// paragraph, make each a paragraph of its own.
const minNumberedRun = 3

// numberedRuns makes each line of a paragraph that numbers its lines one
// after another ("1. Praise be to Allah, Lord of the Worlds," / "2. The
// Beneficent, the Merciful." / "3. Owner of the Day of Judgment,") a
// paragraph of its own, as a bullet's line is, so that a verse's number
// never ends the sentence before it.
func (p *parser) numberedRuns(lo, hi int) {
	var run []int
	prev := 0
	end := func() {
		if len(run) >= minNumberedRun {
			for _, i := range run {
				p.flags[i] |= lineListItem
			}
		}
		run = run[:0]
	}
	for i := lo; i < hi; i++ {
		if p.blank(i) {
			end()
			continue
		}
		m := lineNumber.FindStringSubmatch(p.text[i])
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if len(run) > 0 && n != prev+1 {
			end()
		}
		run, prev = append(run, i), n
	}
	end()
}

// cellGap separates the cells of a table set out in spaces: three spaces
// or more, or tabs. Two are the gap between sentences that typewritten
// texts leave ("Is your bank account more secure?  Are your working
// conditions better?").
var cellGap = regexp.MustCompile(`(?: {3,}|\t)[ \t]*`)

// tableRule is a line that rules a table set out in spaces: "-----",
// "=====  =====", "---+---".
var tableRule = regexp.MustCompile(`^[-=_+ ]*[-=_]{3,}[-=_+ ]*$`)

// minTableCells is how many cells each line of a table set out in spaces
// has at least: two columns may be a list's term and its page.
const minTableCells = 3

// spacedTables reads each line of a table set out in spaces ("Early
// sleepers    22    41") as a row: a paragraph of its own, its cells
// joined as every format's rows are. A table is two lines or more in a
// paragraph, each of minTableCells cells or more; one drawn with bars
// ("| Cotton | 1233 |") is read as its text is.
func (p *parser) spacedTables(lo, hi int) {
	var run []int
	rows := 0
	end := func() {
		if rows >= 2 && !p.pagesListed(run) {
			for _, i := range run {
				p.flags[i] |= lineTable
				p.text[i] = strings.Join(cellGap.Split(strings.TrimSpace(p.text[i]), -1), cellJoin)
				if tableRule.MatchString(p.text[i]) {
					p.text[i] = "" // the rule under its head
				}
			}
		}
		run, rows = run[:0], 0
	}
	for i := lo; i < hi; i++ {
		t := strings.TrimSpace(p.text[i])
		switch {
		case rows > 0 && tableRule.MatchString(t):
			run = append(run, i)
		case t == "" || strings.ContainsRune("|+", rune(t[0])) || !strings.Contains(t, "   ") && !strings.ContainsRune(t, '\t') ||
			len(cellGap.FindAllStringIndex(t, -1)) < minTableCells-1:
			end()
		default:
			run = append(run, i)
			rows++
		}
	}
	end()
}

// gridBorder is a border of a table drawn in characters, as Project
// Gutenberg's texts and pandoc draw them: "+--------+------+", "+===+".
var gridBorder = regexp.MustCompile(`^\s*\+(?:[-=]+\+)+\s*$`)

// maxCellLines is how many lines a row of a table drawn with borders
// may take between two borders; more, and the table draws borders only
// round its head and foot, each line a row.
const maxCellLines = 4

// gridTables reads each table drawn with "+---+" borders and "|" bars
// (two borders or more, its rows between) as rows, each a paragraph of
// its own (gridRows).
func (p *parser) gridTables(lo, hi int) {
	for i := lo; i < hi; i++ {
		if end := gridTableEnd(p.text, i, hi); end > i {
			gridRows(p.text, i, end)
			for k := i; k < end; k++ {
				p.flags[k] |= lineTable
			}
			i = end - 1
		}
	}
}

// barTables reads each table drawn with bars alone, as Markdown's are
// typed into a text ("| March | syrup |" under its head and rule,
// "|---|---|"), a row a paragraph with its cells joined; the rule reads
// as nothing. Bars without the rule are read as the text they are in.
func (p *parser) barTables(lo, hi int) {
	for i := lo; i < hi; i++ {
		end := i
		for end < hi && p.flags[end]&lineTable == 0 && rstGridRow.MatchString(p.text[end]) {
			end++
		}
		if end-i >= 3 && slices.ContainsFunc(p.text[i:end], mdTableRule.MatchString) {
			for k := i; k < end; k++ {
				p.flags[k] |= lineTable
				if mdTableRule.MatchString(p.text[k]) {
					p.text[k] = ""
				} else {
					p.text[k] = stripEmphasis(tableRow(p.text[k]))
				}
			}
		}
		i = max(i, end-1)
	}
}

// gridTableEnd is the end of the table drawn with borders that opens at
// line lo of text, or lo when none does: a run of borders and rows
// before hi, two borders or more.
func gridTableEnd(text []string, lo, hi int) int {
	if !gridBorder.MatchString(text[lo]) {
		return lo
	}
	end, borders := lo, 0
	for ; end < hi && (gridBorder.MatchString(text[end]) || rstGridRow.MatchString(text[end])); end++ {
		if gridBorder.MatchString(text[end]) {
			borders++
		}
	}
	if borders < 2 {
		return lo
	}
	return end
}

// gridRows rewrites lines [lo, hi) of text, a table drawn with borders,
// as its rows and returns the line each row is read from. The lines
// between two borders are one row, each cell's lines joined ("Liberal
// Professions--Doctors, Lawyers," over "Journalists, etc."), unless
// there are more than maxCellLines (a table bordered only round its
// head and foot, each line a row); a row's cells are joined as every
// format's rows are, and the borders and a row's other lines read as
// nothing.
func gridRows(text []string, lo, hi int) []int {
	var rows, group []int
	flush := func() {
		if len(group) > maxCellLines {
			for _, i := range group {
				text[i] = tableRow(text[i])
			}
			rows = append(rows, group...)
		} else if len(group) > 0 {
			joined := joinCells(text, group)
			for _, i := range group {
				text[i] = ""
			}
			text[group[0]] = joined
			rows = append(rows, group[0])
		}
		group = group[:0]
	}
	for i := lo; i < hi; i++ {
		if gridBorder.MatchString(text[i]) {
			flush()
			text[i] = ""
			continue
		}
		group = append(group, i)
	}
	flush()
	return rows
}

// joinCells joins the lines of one row of a table drawn with bars cell
// by cell, when each line has as many cells; else line by line.
func joinCells(text []string, row []int) string {
	var cols [][]string
	for _, i := range row {
		cells := strings.Split(strings.Trim(strings.TrimSpace(text[i]), "|"), "|")
		if cols != nil && len(cells) != len(cols) {
			var lines []string
			for _, k := range row {
				lines = append(lines, tableRow(text[k]))
			}
			return strings.Join(lines, cellJoin)
		}
		if cols == nil {
			cols = make([][]string, len(cells))
		}
		for c, cell := range cells {
			if cell = strings.TrimSpace(cell); cell != "" {
				cols[c] = append(cols[c], cell)
			}
		}
	}
	var out []string
	for _, col := range cols {
		if len(col) > 0 {
			out = append(out, stripEmphasis(strings.Join(col, " "))) // "_%" over "Increase_"
		}
	}
	return strings.Join(out, cellJoin)
}

// pagesListed reports whether the rows of a table set out in spaces end
// in page numbers, each past the one before: a table of contents
// ("CHAPTER II.    THE SILENCE    14"), read as contents are.
func (p *parser) pagesListed(rows []int) bool {
	last := 0
	for _, i := range rows {
		if tableRule.MatchString(strings.TrimSpace(p.text[i])) {
			continue
		}
		cells := cellGap.Split(strings.TrimSpace(p.text[i]), -1)
		n, err := strconv.Atoi(strings.TrimRight(cells[len(cells)-1], "."))
		if err != nil || n <= last || n > 9999 {
			return false
		}
		last = n
	}
	return true
}

// fieldRuns makes each line of a paragraph of minutes' fields a
// paragraph of its own ("Present: …" / "Apologies: …"), as a list's
// items are.
func (p *parser) fieldRuns(lo, hi int) {
	for i := lo; i < hi; i++ {
		if isFieldLine(p.text[i]) {
			p.flags[i] |= lineListItem
		}
	}
}

// textBullet opens a list item as plain texts type it: "- ", "* ", "+ ".
var textBullet = regexp.MustCompile(`^\s*[-*+]\s+\S`)

// textLists makes each item of a list typed with hyphens, asterisks or
// pluses, two items or more one after another, a paragraph of its own,
// without its marker, as a bullet's is.
func (p *parser) textLists(lo, hi int) {
	for i := lo; i < hi; i++ {
		m := textBullet.FindString(p.text[i])
		if m == "" {
			continue
		}
		marker := strings.TrimSpace(m)[:1]
		prev := i > lo && strings.HasPrefix(strings.TrimSpace(p.raw[i-1]), marker+" ")
		next := i+1 < hi && strings.HasPrefix(strings.TrimSpace(p.raw[i+1]), marker+" ")
		if !prev && !next {
			continue
		}
		p.flags[i] |= lineListItem
		p.text[i] = strings.Repeat(" ", len(m)-1) + p.text[i][len(m)-1:] // the marker blanked, the columns kept
	}
}

// bullet is a bullet that opens a list item in a text or a PDF, as word
// processors and slides write them: "• Fog is a cloud at ground level".
var bullet = regexp.MustCompile(`^\s*[•◦▪▫●○■□‣⁃]\s+`)

// cutBullet returns a line without its bullet, and whether it had one.
func cutBullet(l string) (string, bool) {
	m := bullet.FindStringIndex(l)
	if m == nil {
		return l, false
	}
	return l[m[1]:], true
}

// cleanMarkdownLine removes the Markdown of one line outside code blocks.
func (p *parser) cleanMarkdownLine(i int, l string) string {
	if mdDirective.MatchString(l) || mdRefDef.MatchString(l) || mdTableRule.MatchString(l) {
		return ""
	}
	if m := mdQuote.FindString(l); m != "" {
		l = l[len(m):]
	}
	if mdListItem.MatchString(l) && !markdownHeading.MatchString(l) {
		p.flags[i] |= lineListItem
		l = mdListMarker.ReplaceAllString(l, "")
	}
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") {
		p.flags[i] |= lineTable
		cells := strings.Split(strings.Trim(t, "|"), "|")
		for k := range cells {
			cells[k] = strings.TrimSpace(cells[k])
		}
		l = strings.Join(cells, cellJoin)
	}
	if strings.ContainsAny(l, "[<") {
		l = mdImage.ReplaceAllString(l, "$1")
		l = mdLink.ReplaceAllString(l, "$1")
		l = mdRefLink.ReplaceAllString(l, "$1")
		l = mdAutoLink.ReplaceAllString(l, "$1")
		l = htmlTag.ReplaceAllString(l, "")
	}
	if strings.Contains(l, "`") {
		l = mdCode.ReplaceAllString(l, "$1")
	}
	return l
}

// stripEmphasis removes *emphasis*, **strong** and _italic_ markers around
// words, leaving snake_case and lone asterisks alone.
func stripEmphasis(l string) string {
	l = mdStrong.ReplaceAllString(l, "$2")
	for range 3 { // adjacent and nested spans
		n := mdEmphasis.ReplaceAllString(l, "$1$2$3")
		if n == l {
			break
		}
		l = n
	}
	// A span of _italics_ may open on one line and close on the next.
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "_") && len(t) > 1 && t[1] != '_' && t[1] != ' ' {
		l = strings.Replace(l, "_", "", 1)
	}
	if t := strings.TrimRight(l, " \t.,;:!?”’\"')"); strings.HasSuffix(t, "_") && len(t) > 1 && t[len(t)-2] != ' ' && t[len(t)-2] != '_' {
		k := len(t) - 1
		l = l[:k] + l[k+1:]
	}
	return l
}

var (
	// emphasisOpens and emphasisCloses find the underscores that open and
	// close a span of italics: at the start and end of a word.
	emphasisOpens  = regexp.MustCompile(`(?:^|[\s(“"‘'\[—])(_)[^\s_]`)
	emphasisCloses = regexp.MustCompile(`[^\s_](_)(?:$|[\s.,;:!?”’"')\]—])`)
)

// pairEmphasis removes the underscores of spans of italics that open on
// one line of a paragraph and close on a later one ("_more about his own
// works … / … before_,"), which a line alone cannot tell from text: an
// opener with its closer on a later line, and a closer whose opener the
// line before had at its start (stripEmphasis takes that one).
func pairEmphasis(lines []srcLine) {
	pending := -1 // the line with an opener not yet closed
	for j := range lines {
		for {
			t := lines[j].text
			o := emphasisOpens.FindStringSubmatchIndex(t)
			c := emphasisCloses.FindStringSubmatchIndex(t)
			switch {
			case c != nil && (o == nil || c[2] < o[2]): // a closer first
				lines[j].text = t[:c[2]] + t[c[2]+1:]
				if pending >= 0 {
					k := emphasisOpenAt(lines[pending].text)
					lines[pending].text = lines[pending].text[:k] + lines[pending].text[k+1:]
					pending = -1
				}
				continue
			case o != nil && pending < 0:
				if c == nil { // open at the line's end: closed on a later line
					pending = j
				}
			}
			break
		}
	}
}

// emphasisOpenAt is the byte offset of the last underscore that opens
// italics on a line.
func emphasisOpenAt(t string) int {
	m := emphasisOpens.FindAllStringSubmatchIndex(t, -1)
	return m[len(m)-1][2]
}

// editorialInsertion matches a bracketed insertion inside a sentence: an
// editor's note, a translation, a correction ("went [to the office] and"),
// closed on its line.
var editorialInsertion = regexp.MustCompile(`([\p{L}\p{N},;:’'”"])\s*\[([^\[\]]{1,300})\]`)

// editorsWords mark a bracketed insertion as the editor's or the
// reporter's, not the author's: a note, a correction, the audience.
var editorsWords = regexp.MustCompile(`(?i)\b(?:laughter|applause|cheers|cheering|cries|cried|voice|voices|sensation|hear|hisses|groans|interruption|sic|note|ed|i\.\s?e|viz|query|see|probably|perhaps|translator|editor|transcriber|illegible|blank|omitted)\b|^\?$`)

// dropInsertions takes an editor's or reporter's bracketed insertions
// ("[sic]", "[cries of 'Platform!']", "[Note: …]") out of a paragraph's
// sentences, where they stand inside one: after a word or a comma, not at
// the start of a paragraph or after a sentence's end ("[Applause.]" is a
// piece of its own). One that opens on a line and closes on the next goes
// too. Brackets without an editor's words are the author's and stay.
func dropInsertions(lines []srcLine) {
	for i := range lines {
		lines[i].text = editorialInsertion.ReplaceAllStringFunc(lines[i].text, func(m string) string {
			sub := editorialInsertion.FindStringSubmatch(m)
			if !editorsWords.MatchString(sub[2]) {
				return m // the author's own brackets
			}
			return sub[1]
		})
		open := strings.LastIndexByte(lines[i].text, '[')
		if open < 1 || strings.IndexByte(lines[i].text[open:], ']') >= 0 || i+1 >= len(lines) {
			continue
		}
		before := strings.TrimRight(lines[i].text[:open], " ")
		end := strings.IndexByte(lines[i+1].text, ']')
		if before == "" || end < 0 || end > 200 || strings.ContainsAny(before[len(before)-1:], ".?!") ||
			!editorsWords.MatchString(lines[i].text[open:]+" "+lines[i+1].text[:end]) {
			continue
		}
		lines[i].text = before
		lines[i+1].text = strings.TrimLeft(lines[i+1].text[end+1:], " ")
	}
}

// endMark matches the line that closes a book: "THE END", "Finis.".
var endMark = regexp.MustCompile(`(?i)^\s*(?:the\s+end|finis)\.?\s*$`)

// isEndMark reports whether line i, cleaned as l, is the mark that
// closes a book, a line of its own: not a sentence to quote ("How does
// the book end?" is answered by its last sentence), unless it titles a
// chapter ("CHAPTER XLII." over "THE END").
func (p *parser) isEndMark(i int, l string) bool {
	if !endMark.MatchString(l) || i+1 < len(p.raw) && strings.TrimSpace(p.raw[i+1]) != "" {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if prev := strings.TrimSpace(p.raw[k]); prev != "" {
			_, heading := strongHeading(prev)
			return !heading && k < i-1
		}
	}
	return true
}
