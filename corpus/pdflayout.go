package corpus

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Laying out a PDF's text: PDFium reports runs of text (one font on one
// line) with their positions; layOut rebuilds lines, drops running heads
// and feet and page numbers, keeps footnotes as notes, tells headings by
// their size, paragraphs by the space between lines and their indents, and
// joins words hyphenated at a line's end.

// pdfRun is a run of text on one line in one size; positions are in
// points from the page's bottom left, and the size is the height of the
// characters' loose boxes (a font size's own measure, in proportion to
// it).
type pdfRun struct {
	left, bottom, right, top float64
	size                     float64
	bold                     bool
	mono                     bool // set in a fixed-pitch font, as code is
	text                     string
	first, last              int // the indexes of its first and last characters on the page
}

// charRuns groups a page's characters into runs: a run ends at a line
// break, where the size changes or the baseline moves (a superscript),
// and where characters stand far apart.
func charRuns(chars []pdfChar) []pdfRun {
	var out []pdfRun
	var cur *pdfRun
	var b strings.Builder
	end := func() {
		if cur != nil {
			cur.text = b.String()
			out = append(out, *cur)
			cur = nil
		}
		b.Reset()
	}
	for k, c := range chars {
		h := c.top - c.bottom
		switch {
		case c.r == '\r' || c.r == '\n':
			end()
			continue
		case h <= 0: // a space PDFium puts between words
			if cur != nil {
				b.WriteRune(c.r)
			}
			continue
		}
		if cur != nil && (math.Abs(h-cur.size) > 0.1*cur.size || math.Abs(c.bottom-cur.bottom) > 0.15*cur.size || c.left-cur.right > 1.5*cur.size) {
			end()
		}
		if cur == nil {
			cur = &pdfRun{left: c.left, bottom: c.bottom, right: c.right, top: c.top, size: h, first: k}
		}
		b.WriteRune(c.r)
		cur.last = k
		cur.left, cur.right = min(cur.left, c.left), max(cur.right, c.right)
		cur.bottom, cur.top = min(cur.bottom, c.bottom), max(cur.top, c.top)
	}
	end()
	return out
}

// pdfPage is a page's runs of text.
type pdfPage struct {
	number        int // physical, from 1
	label         string
	width, height float64
	runs          []pdfRun
}

// pdfLine is a line of text on a page.
type pdfLine struct {
	page                     int // index into the pages
	left, right, top, bottom float64
	size                     float64 // of most of its text
	bold                     bool
	mono                     bool // all of it in a fixed-pitch font
	text                     string
	marks                    []int    // footnote markers in it
	note                     int      // the number a footnote line starts with, or 0
	symbolNote               bool     // it starts with a raised symbol that marks a note ("*", "†")
	column                   int      // 1 or 2 on a page in two columns, 0 for a line across them
	parts                    []string // its text in the parts that stand apart (partGap), where there are several
}

// Proportions of the layout, in units of the font size or of the page.
const (
	bandShare      = 0.12 // the top and bottom of a page where running heads and feet stand
	headingSize    = 1.15 // a line this much larger than the body's is a heading
	runningSize    = 1.05 // a running head far in from the page's edge is no larger than the body
	noteSize       = 0.92 // a line this much smaller at the foot is a footnote
	paragraphGap   = 1.45 // leading between lines that starts a paragraph
	firstIndentMin = 0.8  // a first line's indent, in font sizes
	firstIndentMax = 4.0  // wider, the line wraps around a picture
	marginGap      = 4.0  // a number this far from the text is a page number in the margin
	minPageLetters = 20   // a text layer has more letters than this a page on average
)

// layOut turns the pages of a PDF into an extraction.
func layOut(pages []pdfPage, outline []outlineEntry) (*extraction, error) {
	var lines [][]pdfLine
	letters := 0
	for i, p := range pages {
		ls := pageLines(p, i)
		for _, l := range ls {
			letters += countLetters(l.text)
		}
		lines = append(lines, ls)
	}
	if len(pages) == 0 || letters < minPageLetters*len(pages) {
		return nil, ErrNoTextLayer
	}
	printed := dropRunning(pages, lines)
	body := bodySize(lines)
	l := &pdfLayout{pages: pages, body: body, vocab: vocabularyOf(lines), codeFont: monoShare(lines) <= maxCodeShare,
		outlined: outlineHeadings(outline, lines), printed: printed}
	for i := range lines {
		for _, column := range columns(lines[i]) {
			l.notes = append(l.notes, footnotes(column, body)...)
		}
	}
	l.leading = leading(lines, body)
	l.build(lines)
	return l.x, nil
}

// maxCodeShare is the largest share of a document's lines that a fixed-pitch
// font may set for it to mark code: beyond it, the font is the text's (a
// typescript, a plain-text book printed as it is).
const maxCodeShare = 0.3

// monoShare is the share of lines set in a fixed-pitch font.
func monoShare(lines [][]pdfLine) float64 {
	mono, all := 0, 0
	for _, ls := range lines {
		for _, l := range ls {
			all++
			if l.mono {
				mono++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(mono) / float64(all)
}

// pageLines groups a page's runs into lines in reading order: top to
// bottom, each line's runs left to right, and a page in two columns
// column by column (columnLines).
func pageLines(p pdfPage, page int) []pdfLine {
	runs := make([]pdfRun, 0, len(p.runs))
	for _, r := range p.runs {
		if strings.TrimSpace(r.text) != "" && r.top > r.bottom {
			runs = append(runs, r)
		}
	}
	if numbers := lineNumbers(runs); numbers != nil {
		kept := runs[:0]
		for i, r := range runs {
			if !numbers[i] {
				kept = append(kept, r)
			}
		}
		runs = kept
	}
	if g, ok := findGutter(runs); ok {
		return columnLines(runs, g, page)
	}
	return groupLines(runs, page)
}

// groupLines groups runs into lines, top to bottom.
func groupLines(runs []pdfRun, page int) []pdfLine {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].top > runs[j].top })
	var groups [][]pdfRun
	for _, r := range runs {
		placed := false
		for k := len(groups) - 1; k >= 0 && k >= len(groups)-3; k-- {
			if sameLine(groups[k], r) {
				groups[k] = append(groups[k], r)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []pdfRun{r})
		}
	}
	out := make([]pdfLine, 0, len(groups))
	for _, g := range groups {
		if l, ok := makeLine(g, page); ok {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].bottom > out[j].bottom })
	return out
}

// sameLine reports whether a run stands on the line of a group: their
// heights overlap by half the smaller.
func sameLine(g []pdfRun, r pdfRun) bool {
	top, bottom := g[0].top, g[0].bottom
	for _, x := range g[1:] {
		top, bottom = max(top, x.top), min(bottom, x.bottom)
	}
	overlap := min(top, r.top) - max(bottom, r.bottom)
	return overlap > 0.5*min(top-bottom, r.top-r.bottom)
}

// makeLine writes a line of runs: note markers (small raised numbers) are
// kept apart, a number far out in the margin left out, and a space put
// where runs stand apart.
func makeLine(g []pdfRun, page int) (pdfLine, bool) {
	sort.SliceStable(g, func(i, j int) bool { return g[i].left < g[j].left })
	main := mainRun(g)
	l := pdfLine{page: page, left: math.Inf(1), size: main.size, bold: main.bold, bottom: main.bottom, mono: true}
	var b strings.Builder
	var parts []int // where a part set apart begins in b
	prevRight := math.Inf(-1)
	for k, r := range g {
		t := r.text
		digits := strings.Trim(strings.TrimSpace(t), "[]()")
		raised := r.size < 0.85*main.size && r.bottom > main.bottom+0.15*main.size
		if raised && noteSymbols[digits] {
			l.symbolNote = l.symbolNote || b.Len() == 0 // a note's mark, at its head or where it is referred to
			continue
		}
		if n, err := strconv.Atoi(digits); err == nil {
			switch {
			case raised:
				if b.Len() == 0 {
					l.note = n // a footnote begins with its number
				} else {
					l.marks = append(l.marks, n)
				}
				continue
			case k == len(g)-1 && k > 0 && r.left-prevRight > marginGap*main.size:
				continue // a page number of the printed original, in the margin
			}
		}
		if b.Len() > 0 && r.left-prevRight > partGap*main.size {
			parts = append(parts, b.Len()) // names set side by side, cells of a row
		}
		if b.Len() > 0 && r.left-prevRight > 0.15*r.size && !strings.HasSuffix(b.String(), " ") && !strings.HasPrefix(t, " ") {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		l.mono = l.mono && r.mono
		l.left, l.right = min(l.left, r.left), max(l.right, r.right)
		l.top = max(l.top, r.top)
		prevRight = r.right
	}
	l.text = strings.Join(strings.Fields(b.String()), " ")
	if len(parts) > 0 {
		from := 0
		for _, to := range append(parts, b.Len()) {
			l.parts = append(l.parts, strings.Join(strings.Fields(b.String()[from:to]), " "))
			from = to
		}
	}
	return l, l.text != ""
}

// partGap is the space, in font sizes, between the parts of a line set
// apart: authors' names side by side under a title, a table's cells.
// Words stand a third of a font size apart, a justified line's no more
// than one.
const partGap = 1.5

// noteSymbols mark notes where numbers do not: an author's affiliation
// (LaTeX's \thanks), a note in a book that numbers none.
var noteSymbols = map[string]bool{"*": true, "∗": true, "†": true, "‡": true, "§": true, "¶": true, "‖": true}

// mainRun is the run with the most text: its font is the line's.
func mainRun(g []pdfRun) pdfRun {
	best := g[0]
	for _, r := range g[1:] {
		if utf8.RuneCountInString(r.text) > utf8.RuneCountInString(best.text) {
			best = r
		}
	}
	return best
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// pageNumberLine matches a running foot or head that is a page number:
// "12", "xiv", "- 12 -", "Page 3", "3/40", "3 of 40".
var pageNumberLine = regexp.MustCompile(`(?i)^[-–—\s]*(page\s+)?([0-9]+|[ivxlcdm]+)(\s*(/|of)\s*[0-9]+)?[-–—\s]*$`)

// recurringPages is the fewest pages of a document's n on which a line
// recurs to be a running head or foot: two, or three from fifteen pages.
// The PDF reader and the text reader (dropRunningLines) decide it alike.
func recurringPages(n int) int {
	return max(2, min(3, n/5))
}

// runningKey is a line's text with its numbers made alike, so that the
// same running head on different pages has the same key: arabic numbers
// and a roman numeral at either end.
func runningKey(s string) string {
	if ws := strings.Fields(s); len(ws) > 1 {
		if isRoman(strings.ToUpper(ws[0])) {
			ws[0] = "#"
		}
		if last := len(ws) - 1; isRoman(strings.ToUpper(ws[last])) {
			ws[last] = "#"
		}
		s = strings.Join(ws, " ")
	}
	var b strings.Builder
	digit := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsDigit(r) {
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// dropRunning removes running heads and feet and page numbers: lines in
// the top or bottom band of a page whose text, numbers aside, recurs on
// several pages, or which stand apart from the text at the same place on
// several pages (a chapter's title over its pages). It returns the page
// numbers the lines it removed print, with their pages (from 1).
func dropRunning(pages []pdfPage, lines [][]pdfLine) []pagePrint {
	inBand := func(l pdfLine) bool {
		h := pages[l.page].height
		return h > 0 && (l.bottom > h*(1-bandShare) || l.top < h*bandShare)
	}
	// A book's text block may sit far in from the page's edges, its
	// running head above the band ("2 CHAPTER 1. INTRODUCTION" an eighth
	// of the way down a letter page): a page's first or last line in the
	// body's type or smaller stands where a head or foot does too, if it
	// stands apart there on several pages. A slide's title, larger, does
	// not.
	body := bodySize(lines)
	atEdge := func(l pdfLine) bool { return inBand(l) || l.size <= body*runningSize }
	seen, places := map[string]int{}, map[string]int{}
	for _, ls := range lines {
		keys := map[string]bool{}
		for _, l := range ls {
			if inBand(l) {
				keys[runningKey(l.text)] = true
			}
		}
		for k := range keys {
			seen[k]++
		}
		for _, k := range apartPlaces(ls, atEdge) {
			places[k]++
		}
	}
	least := recurringPages(len(pages))
	var printed []pagePrint
	for i, ls := range lines {
		apart := map[string]bool{}
		for _, k := range apartPlaces(ls, atEdge) {
			apart[k] = places[k] >= least
		}
		kept := ls[:0]
		for k, l := range ls {
			if inBand(l) && (seen[runningKey(l.text)] >= least || pageNumberLine.MatchString(l.text)) || atEdge(l) && apart[placeKey(l)] ||
				edgeNumber(pages[i], ls, k) {
				if n, ok := printedNumber(l.text); ok {
					printed = append(printed, pagePrint{page: i + 1, number: n})
				}
				continue
			}
			kept = append(kept, l)
		}
		lines[i] = kept
	}
	return printed
}

// edgeNumber reports whether line k of a page's lines is a page number
// set at its top or bottom farther in than the band: the page's first or
// last line, a number alone and apart from the text, within the outer
// numberShare of the page (LaTeX sets its foot 1.2 inches up a letter
// page, an eighth of its height).
func edgeNumber(p pdfPage, ls []pdfLine, k int) bool {
	l := ls[k]
	if len(ls) < 2 || !pageNumberLine.MatchString(l.text) {
		return false
	}
	switch k {
	case 0:
		return l.bottom > p.height*(1-numberShare) && l.bottom-ls[1].top > apartGap*l.size
	case len(ls) - 1:
		return l.top < p.height*numberShare && ls[k-1].bottom-l.top > apartGap*l.size
	}
	return false
}

// numberShare is the top and bottom of a page where a page number stands
// apart from the text.
const numberShare = 0.2

// apartGap is the space, in font sizes, that sets a running head or foot
// apart from the text beside it.
const apartGap = 1.8

// apartPlaces are the places (placeKey) of the first and last lines of a
// page (y grows upwards) where they are in the band and stand apart
// from the next line in. A footnote the page refers to is not one.
func apartPlaces(ls []pdfLine, inBand func(pdfLine) bool) []string {
	var out []string
	if n := len(ls); n >= 2 {
		if first := ls[0]; inBand(first) && first.bottom-ls[1].top > apartGap*first.size {
			out = append(out, placeKey(first))
		}
		if last := ls[n-1]; inBand(last) && ls[n-2].bottom-last.top > apartGap*last.size && !isReferredNote(ls, last) {
			out = append(out, placeKey(last))
		}
	}
	return out
}

// isReferredNote reports whether a line is a footnote that a line of its
// page refers to: it starts with the number of a mark on the page.
func isReferredNote(ls []pdfLine, l pdfLine) bool {
	n := l.note
	if n == 0 {
		n, _ = splitNumber(l.text)
	}
	for _, o := range ls {
		if n > 0 && slices.Contains(o.marks, n) {
			return true
		}
	}
	return false
}

// placeKey is where a line stands and how large its type is.
func placeKey(l pdfLine) string {
	return fmt.Sprintf("%.0f/%.0f", l.bottom, 2*l.size)
}

// bodySize is the font size of most of the text.
func bodySize(lines [][]pdfLine) float64 {
	weight := map[float64]int{}
	for _, ls := range lines {
		for _, l := range ls {
			weight[math.Round(l.size*2)/2] += len(l.text)
		}
	}
	best, bestW := 0.0, -1
	for s, w := range weight {
		if w > bestW || w == bestW && s < best {
			best, bestW = s, w
		}
	}
	return best
}

// leading is the usual distance between the baselines of lines of body
// text, measured on each page: the distance a quarter of the gaps are
// no wider than, so that a text of short paragraphs (a screenplay's
// cues and speeches, a blank line between most lines) is measured by the
// lines of its paragraphs, not the gaps between them. Gaps narrower than
// a line are runs of one line set a little apart.
func leading(lines [][]pdfLine, body float64) float64 {
	var gaps []float64
	for _, ls := range lines {
		for k := 1; k < len(ls); k++ {
			if math.Abs(ls[k].size-body) < 0.5 && math.Abs(ls[k-1].size-body) < 0.5 {
				if g := ls[k-1].bottom - ls[k].bottom; g >= minLeading*body {
					gaps = append(gaps, g)
				}
			}
		}
	}
	if len(gaps) == 0 {
		return body * 1.2
	}
	sort.Float64s(gaps)
	return gaps[len(gaps)/4]
}

// minLeading is the narrowest distance between baselines, in units of
// the body text's size, that advances a line.
const minLeading = 0.8
