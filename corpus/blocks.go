package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// role is what a block of lines is in the book.
type role uint8

const (
	roleBody    role = iota // text: quotable
	roleHeading             // a heading: the title of a section
	roleOmitted             // front or back matter: left out
	roleDivider             // a bare numeral, "* * *" or "FOOTNOTES:": ends paragraphs, nothing more
)

// block is a paragraph: a run of non-blank lines (or one line of a text
// that keeps a paragraph per line), possibly a speaker's turn.
type block struct {
	lines   []int // 0-based line indices
	role    role
	speaker string // who speaks, for a turn of a dialogue or play
	skip    int    // bytes of the speaker label to drop from the first line
	// runIn is, for a heading that runs into the paragraph after it
	// ("2. Grant of Copyright License. Subject to…"), the bytes of its
	// line that are the heading's; 0 when the heading has the whole line.
	runIn int
	head  *heading
	code  bool   // a code block, quoted as written
	opens string // of a heading: whose speech follows it ("MR. CROWLEY opened the case as follows:")
}

func (b *block) first() int { return b.lines[0] }
func (b *block) last() int  { return b.lines[len(b.lines)-1] }

// blockRules say where, besides blank lines, a text's paragraphs end.
type blockRules struct {
	pageBreaks       bool // blank lines are page breaks, not paragraph ends
	markdown         bool // Markdown headings are paragraphs of their own
	linePerParagraph bool // every line is a paragraph
	indented         bool // an indented line opens a paragraph (indentParagraphed)
}

// splitBlocks cuts lines [lo, hi) into paragraphs at blank lines (unless
// blank lines are page breaks), Markdown headings, list items, code-block
// edges, verse numbers, an indented paragraph's first line and, when
// every long line is a paragraph, at each line.
func (p *parser) splitBlocks(lo, hi int, rules blockRules) []*block {
	var out []*block
	var cur []int
	flush := func() {
		if len(cur) > 0 {
			out = append(out, &block{lines: cur})
			cur = nil
		}
	}
	for i := lo; i < hi; i++ {
		if p.flags[i]&(lineTime|linePageTurn) != 0 {
			continue
		}
		if p.blank(i) {
			if !rules.pageBreaks {
				flush()
			}
			continue
		}
		switch {
		case rules.linePerParagraph:
			flush()
		case rules.indented && len(cur) > 0 && p.opensIndented(cur[len(cur)-1], i):
			flush()
		case rules.markdown && markdownHeading.MatchString(p.raw[i]), p.flags[i]&(lineListItem|lineTable) != 0:
			flush()
		case len(cur) > 0 && p.flags[i]&lineCode != p.flags[cur[len(cur)-1]]&lineCode:
			flush()
		case p.verses && len(cur) > 0 && verseNumber.MatchString(p.raw[i]):
			flush()
		}
		cur = append(cur, i)
		if rules.markdown && markdownHeading.MatchString(p.raw[i]) || p.flags[i]&lineTable != 0 || !rules.markdown && contentsLine(p.text[i]) {
			flush() // a heading, or a table's row, is a paragraph of its own
		}
	}
	flush()
	return out
}

// indentParagraphed reports whether lines [lo, hi) mark paragraphs by
// indenting their first line rather than by blank lines, as older
// etexts and typed manuscripts do: blank lines are rare, a third of the
// lines or more are flush left, and an indented line after a flush one
// comes at least every twentieth line, opening paragraphs of three lines
// or more on average (verse indenting every other line does not).
func (p *parser) indentParagraphed(lo, hi int) bool {
	lines, blank, flush, opens := 0, 0, 0, 0
	for i := lo; i < hi; i++ {
		if p.blank(i) {
			blank++
			continue
		}
		lines++
		switch in := lineIndent(p.text[i]); {
		case in == 0:
			flush++
		case i > lo && !p.blank(i-1) && lineIndent(p.text[i-1]) == 0:
			opens++
		}
	}
	return opens >= 5 && blank*10 < lines && flush*3 > lines && opens*20 >= lines && opens*3 <= lines
}

// opensIndented reports whether line i, in a text whose paragraphs open
// indented, opens a paragraph after line prev: it is indented and prev
// is flush or indented otherwise (a centred heading, the end of a block
// quotation), or prev is a short line ending a sentence ("“Yes,” said
// he." over the next speaker's line).
func (p *parser) opensIndented(prev, i int) bool {
	in := lineIndent(p.text[i])
	if in == 0 {
		return false
	}
	if lineIndent(p.text[prev]) != in {
		return true
	}
	return utf8.RuneCountInString(p.text[prev]) < shortIndentedLine && endsSentence(strings.TrimSpace(p.text[prev]))
}

// shortIndentedLine is the length under which an indented line ending a
// sentence ends its paragraph, in a text whose lines wrap near 70.
const shortIndentedLine = 50

// lineIndent is the leading white space of a line: its spaces and tabs.
func lineIndent(line string) int {
	return len(line) - len(strings.TrimLeft(line, " \t"))
}

// contentsLine reports whether a line is a table of contents' heading,
// which a copied web page sets right over its entries: "Contents" /
// "1 Background".
func contentsLine(line string) bool {
	t := strings.TrimSpace(line)
	if len(t) > len("table of contents:") {
		return false
	}
	h, ok := namedPart(t)
	return ok && h.kind == matterContents
}

// listItem reports whether a block opens with a list's item: a bullet's,
// a typed list's or a run of numbered lines (markup.go).
func (p *parser) listItem(b *block) bool {
	return p.flags[b.first()]&lineListItem != 0
}

// text is the block's cleaned lines joined by spaces, its label dropped.
func (p *parser) textOf(b *block) string {
	var sb strings.Builder
	for k, i := range b.lines {
		t := p.text[i]
		if k == 0 && b.runIn > 0 {
			t = t[:min(b.runIn, len(t))]
		}
		if k == 0 {
			t = t[min(b.skip, len(t)):]
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(t)
	}
	return sb.String()
}

// indent is the leading white space of the block's first line.
func (p *parser) indent(b *block) int {
	return lineIndent(p.text[b.first()])
}

// isShort reports whether a block could be a heading or a list entry: at
// most three lines of modest length.
func (p *parser) isShort(b *block) bool {
	if len(b.lines) > 3 {
		return false
	}
	if b.runIn > 0 {
		return true // a run-in title, up to its full stop (runInTitle)
	}
	total := 0
	for _, i := range b.lines {
		n := utf8.RuneCountInString(strings.TrimSpace(p.text[i]))
		if n > 100 {
			return false
		}
		total += n
	}
	return total <= 180
}

// pageNumberEnd matches a line ending in a page number or range, as
// entries of a table of contents or an index do.
var pageNumberEnd = regexp.MustCompile(`(\s\d{1,4}(-\d{1,4})?|[,.]\s*\d{1,4}[.,]?|_Pages_|PAGE)\s*$`)

// isProse reports whether a block reads as running text: a dozen words or
// more, mostly in lower case, with a sentence ending, and not a list of
// entries that end in page numbers.
func (p *parser) isProse(b *block) bool {
	if b.role == roleHeading {
		return false
	}
	t := p.textOf(b)
	words := strings.Fields(t)
	if len(words) < 12 {
		return false
	}
	lower := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "“‘\"'(["))
		if unicode.IsLower(r) {
			lower++
		}
	}
	if lower*10 < len(words)*4 {
		return false
	}
	numbered := 0
	for _, i := range b.lines {
		if pageNumberEnd.MatchString(p.text[i]) {
			numbered++
		}
	}
	if numbered*2 > len(b.lines) && len(b.lines) > 0 {
		return false
	}
	return strings.ContainsAny(t, ".?!;:")
}

// upperShare is the share of a string's letters that are upper case.
func upperShare(s string) float64 {
	up, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(up) / float64(all)
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// splitHangingTitles makes a title in capitals that stands over its
// text's indented lines, without a blank line between them, a block of
// its own, as a manual page saved as text sets its sections ("EXIT
// STATUS" over "       find exits with status 0…"), when minLooks such
// titles or more do; the look of headings then decides (lookStyles).
func (p *parser) splitHangingTitles(blocks []*block) []*block {
	var heads []int
	for k, b := range blocks {
		if b.role == roleBody && !b.code && b.speaker == "" && b.skip == 0 && p.hangsOver(b) {
			heads = append(heads, k)
		}
	}
	if len(heads) < minLooks {
		return blocks
	}
	out := make([]*block, 0, len(blocks)+len(heads))
	for k, b := range blocks {
		if len(heads) > 0 && heads[0] == k {
			heads = heads[1:]
			out = append(out, &block{lines: b.lines[:1]}, &block{lines: b.lines[1:]})
			continue
		}
		out = append(out, b)
	}
	return out
}

// hangsOver reports whether block b opens with a short title in capitals
// set out to the left of every line under it.
func (p *parser) hangsOver(b *block) bool {
	if len(b.lines) < 2 {
		return false
	}
	title := strings.TrimSpace(p.text[b.first()])
	if utf8.RuneCountInString(title) > maxTitleRunes || letters(title) < 3 || upperShare(title) < capsShare || strings.ContainsAny(title[len(title)-1:], ".,;:!?") {
		return false
	}
	in := lineIndent(p.text[b.first()])
	if in > maxTitleIndent {
		return false // a term over its definition: "       TZ" / "              Affects the time zone…"
	}
	for _, i := range b.lines[1:] {
		if lineIndent(p.text[i]) < in+2 {
			return false
		}
	}
	return true
}
