package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// runningBand is how many lines at the head and at the foot of a page
// that form feeds set (as pdftotext writes a PDF's pages) may be its
// running head, running foot or page number.
const runningBand = 2

// dropRunningLines leaves out the running heads, feet and page numbers of
// a text whose pages form feeds or running heads set, joins the
// paragraphs that run on over a page's turn (joinPageTurns) and the
// words its lines break (joinBrokenWords): lines at a page's head or foot whose
// text, numbers aside, recurs on several pages ("RFC 9999  Tea Transfer
// Protocol  April 2026", "Doe  Informational  [Page 3]"), and numbers
// alone at a page's foot (or, in figures, at its head).
func (p *parser) dropRunningLines(lo, hi int) {
	var pages [][]int // each page's head and foot lines
	var page []int    // the current page's non-blank lines
	end := func() {
		if n := len(page); n > 0 {
			// A short page's band is a line at either end: its text is
			// between them.
			band := max(1, min(runningBand, n/3))
			head, foot := page[:min(n, band)], page[max(0, n-band):]
			pages = append(pages, append(append([]int{}, head...), foot...))
		}
		page = page[:0]
	}
	for i := lo; i < hi; i++ {
		if p.opensPage(i) {
			end()
		}
		if !p.blank(i) {
			page = append(page, i)
		}
	}
	end()
	if len(pages) < 2 {
		return
	}
	seen := map[string]int{}
	for _, band := range pages {
		keys := map[string]bool{}
		for _, i := range band {
			keys[bandKey(pageText(p.text[i]))] = true
		}
		for k := range keys {
			seen[k]++
		}
	}
	least := recurringPages(len(pages))
	var printed []pagePrint
	for _, band := range pages {
		for k, i := range band {
			t := pageText(p.text[i])
			foot := k >= len(band)/2
			number := pageNumberLine.MatchString(t) && (foot || !strings.ContainsAny(strings.ToLower(t), "ivxlcdm"))
			if seen[bandKey(t)] >= least || number || p.flags[i]&linePageHead != 0 {
				if n, ok := printedNumber(t); ok {
					printed = append(printed, pagePrint{page: p.page[i], number: n})
				}
				p.omit(i, i+1, "running head")
				p.text[i] = ""
			}
		}
	}
	if p.doc.PageLabels == nil {
		p.doc.PageLabels = offsetLabels(printed, p.doc.Pages)
	}
	p.joinPageTurns(lo, hi)
	p.joinBrokenWords(lo, hi)
}

// pagePrint is a number a page's running line prints, and the page.
type pagePrint struct{ page, number int }

// printedNumber is the page number a running line prints: the line's
// number alone ("- 12 -", "Page 12") or at either end of its head ("12
// THE KETTLE", "THE SILENT MORNING 13").
func printedNumber(t string) (int, bool) {
	if m := pageNumberLine.FindStringSubmatch(t); m != nil {
		n, err := strconv.Atoi(m[2])
		return n, err == nil
	}
	words := strings.Fields(strings.Trim(t, "[]()"))
	if len(words) < 2 {
		return 0, false
	}
	for _, w := range []string{words[0], words[len(words)-1]} {
		if n, err := strconv.Atoi(strings.Trim(w, "[]()")); err == nil && len(w) <= 4 {
			return n, true
		}
	}
	return 0, false
}

// offsetLabels labels a book's pages by the numbers their running lines
// print, where most of those stand a fixed number of pages from the
// pages' count (the pages before its first, a title page and front
// matter, print none or roman numbers): the label of page k is k plus
// that offset, "" where that is below 1. Nil where no offset holds for
// most of the pages that print a number, or where the labels would be
// the pages' count.
func offsetLabels(printed []pagePrint, pages int) []string {
	offsets := map[int]int{}
	numbered := map[int]bool{}
	for _, pp := range printed {
		numbered[pp.page] = true
		offsets[pp.number-pp.page]++
	}
	best, count := 0, 0
	for o, c := range offsets {
		if c > count || c == count && o < best {
			best, count = o, c
		}
	}
	if best == 0 || count < 2 || count*2 < len(numbered) {
		return nil
	}
	labels := make([]string, pages)
	for k := range labels {
		if n := k + 1 + best; n >= 1 {
			labels[k] = strconv.Itoa(n)
		}
	}
	return labels
}

// joinPageTurns joins a paragraph that runs on over a page's turn: where
// the last line of a page ends no sentence and the next page's text
// opens in lower case ("…did not hold" / "it at the pleasure of…"), the
// blank and left-out lines between them part no paragraphs.
func (p *parser) joinPageTurns(lo, hi int) {
	last := -1 // the last line of text
	for i := lo; i < hi; i++ {
		if p.blank(i) {
			continue
		}
		if last >= 0 && i > last+1 && p.turnsPage(last, i) && !endsSentence(strings.TrimSpace(p.text[last])) && startsLower(p.text[i]) {
			for k := last + 1; k < i; k++ {
				p.flags[k] |= linePageTurn
			}
		}
		last = i
	}
}

// turnsPage reports whether a page opens after line a, up to line b.
func (p *parser) turnsPage(a, b int) bool {
	for k := a + 1; k <= b; k++ {
		if p.opensPage(k) {
			return true
		}
	}
	return false
}

// startsLower reports whether a line's text opens with a lower-case
// letter.
func startsLower(line string) bool {
	for _, r := range line {
		if !unicode.IsSpace(r) && r != '\f' {
			return unicode.IsLower(r)
		}
	}
	return false
}

// opensPage reports whether line i opens a page: a form feed stands in
// it, or it is a running head that runningHeadPages found.
func (p *parser) opensPage(i int) bool {
	return p.flags[i]&linePageHead != 0 || strings.Contains(p.raw[i], "\f")
}

// pageHead is a line that may be a running head with its page number, at
// either end: "10 ON LIBERTY.", "INTRODUCTORY. 11".
var pageHead = regexp.MustCompile(`^\s*(?:([0-9]{1,4})\s+(\S.{0,58}?)|(\S.{0,58}?)\s+([0-9]{1,4}))\s*$`)

// headCandidate is a line that may be a running head: its page number
// and its text with the number made alike (runningKey).
type headCandidate struct {
	line, number int
	key          string
}

// minRunningHeads is the fewest running heads that make a text's pages.
const minRunningHeads = 4

// runningHeadPages reports whether the text's pages are marked: by form
// feeds, or, in a book printed without them (an OCR'd book as
// archive.org's "djvu.txt" gives it), by running heads, which it marks
// as opening their pages. A running head stands apart from the text
// (a blank line before or after it), beside a page number that counts up
// from the last head's, and says what other heads say.
func (p *parser) runningHeadPages(lo, hi int) bool {
	var cands []headCandidate
	for i := lo; i < hi; i++ {
		if strings.Contains(p.raw[i], "\f") {
			return true
		}
		if c, ok := p.headCandidate(i, lo, hi); ok {
			cands = append(cands, c)
		}
	}
	keys := map[string]int{}
	for _, c := range cands {
		keys[c.key]++
	}
	var heads []headCandidate
	var lines []int
	for k, c := range cands {
		countsOn := k > 0 && countsUpTo(cands[k-1].number, c.number) || k+1 < len(cands) && countsUpTo(c.number, cands[k+1].number)
		if countsOn && keys[c.key] >= 2 {
			heads = append(heads, c)
			lines = append(lines, c.line)
		}
	}
	if len(heads) < minRunningHeads || len(heads)*2 < len(cands) || !evenlySpaced(lines) {
		return false
	}
	p.printed = map[int]int{}
	for _, h := range heads {
		p.flags[h.line] |= linePageHead
		p.printed[h.line] = h.number
	}
	return true
}

// printedLabels are the numbers the pages print, as running heads give
// them, for every page: a page without a head (a chapter's first) is the
// one after the page before it, the page before the first head the one
// before it. Nil where the heads' numbers would not count up.
func (p *parser) printedLabels() []string {
	if len(p.printed) == 0 {
		return nil
	}
	numbers := make([]int, p.doc.Pages)
	for line, n := range p.printed {
		numbers[p.page[line]-1] = n
	}
	for k := range numbers {
		if numbers[k] == 0 && k > 0 && numbers[k-1] > 0 {
			numbers[k] = numbers[k-1] + 1
		}
	}
	for k := len(numbers) - 1; k >= 0; k-- {
		if numbers[k] == 0 && k+1 < len(numbers) && numbers[k+1] > 1 {
			numbers[k] = numbers[k+1] - 1
		}
	}
	labels := make([]string, len(numbers))
	for k, n := range numbers {
		if n <= 0 || k > 0 && n <= numbers[k-1] {
			return nil
		}
		labels[k] = strconv.Itoa(n)
	}
	return labels
}

// headCandidate reads line i as a running head, if it may be one.
func (p *parser) headCandidate(i, lo, hi int) (headCandidate, bool) {
	m := pageHead.FindStringSubmatch(p.raw[i])
	if m == nil || (i > lo && !p.blank(i-1)) && (i+1 < hi && !p.blank(i+1)) {
		return headCandidate{}, false
	}
	number, text := m[1], m[2]
	if number == "" {
		number, text = m[4], m[3]
	}
	if len(strings.Fields(text)) > maxRunningHeadWords || !strings.ContainsFunc(text, unicode.IsLetter) {
		return headCandidate{}, false
	}
	if h, heading := strongHeading(p.raw[i]); heading && h.numbered || sectionLabel.MatchString(strings.TrimSpace(p.raw[i])) || countedWords[strings.ToLower(strings.Trim(text, ".:"))] {
		return headCandidate{}, false // "Letter 2", "Figure 3", "Day 12": numbered parts, not pages
	}
	n, _ := strconv.Atoi(number)
	return headCandidate{line: i, number: n, key: runningKey(text)}, true
}

// evenlySpaced reports whether lines stand a page apart: most of the
// gaps between them are about the same (the page's length), or twice it
// (a page without a head), and a page is more than a paragraph's few
// lines.
func evenlySpaced(lines []int) bool {
	gaps := make([]int, 0, len(lines)-1)
	for k := 1; k < len(lines); k++ {
		gaps = append(gaps, lines[k]-lines[k-1])
	}
	sorted := slices.Sorted(slices.Values(gaps))
	page := sorted[len(sorted)/2]
	if page < minPageLines {
		return false
	}
	even := 0
	for _, g := range gaps {
		if near(g, page) || near(g, 2*page) {
			even++
		}
	}
	return even*4 >= len(gaps)*3
}

// minPageLines is the fewest lines of a printed page.
const minPageLines = 15

// near reports whether n is within a fifth of m.
func near(n, m int) bool {
	return n*5 >= m*4 && n*5 <= m*6
}

// countedWords are the words a count of a text's own parts stands beside
// ("Day 12", "Session 3"), which a running head's page number never does.
var countedWords = map[string]bool{"day": true, "week": true, "month": true, "year": true, "entry": true, "session": true,
	"episode": true, "round": true, "step": true, "exercise": true, "problem": true, "question": true, "item": true,
	"unit": true, "module": true, "track": true, "level": true, "stage": true, "phase": true, "no": true, "number": true}

// maxRunningHeadWords is the most words of a running head beside its page
// number.
const maxRunningHeadWords = 10

// countsUpTo reports whether page number b may follow a: the next page's,
// or one a page or two further on (a chapter's first page, or a plate,
// prints no head).
func countsUpTo(a, b int) bool {
	return b > a && b-a <= 3
}

// pageText is a line without its form feed and the space around it.
func pageText(line string) string {
	return strings.TrimSpace(strings.ReplaceAll(line, "\f", ""))
}

// bandKey is what a line at a page's head or foot must share with those
// of other pages to be a running head: its text, numbers aside
// (runningKey), or, for a heading ("CHAPTER II", which chapters opening
// on a new page set there), its whole text.
func bandKey(t string) string {
	if _, ok := strongHeading(t); ok {
		return t
	}
	return runningKey(t)
}

// joinBrokenWords marks the hyphens that end lines of a text whose pages
// form feeds set where they break a word, as justified pages do ("morn-"
// / "ing"), so that the lines join into the word; a compound's hyphen
// ("well-" / "known") stays. The PDF reader decides them by the same
// rule (vocabulary.breaksWord).
func (p *parser) joinBrokenWords(lo, hi int) {
	v := vocabulary{}
	hyphen := false
	for i := lo; i < hi; i++ {
		hyphen = v.add(p.text[i], hyphen)
	}
	for i := lo; i+1 < hi; i++ {
		next := i + 1
		for next < hi && p.flags[next]&linePageTurn != 0 {
			next++ // the word runs on over the page's turn
		}
		t := strings.TrimRight(p.text[i], " ")
		if next < hi && wrappedAtDash(t) && strings.HasSuffix(t, "-") && !p.blank(next) && v.breaksWord(t, strings.TrimSpace(p.text[next])) {
			p.text[i] = strings.TrimSuffix(t, "-") + softHyphen
		}
	}
}

// typesetHyphen is the hyphen (U+2010) groff sets where it breaks a word
// at a line's end, as a manual page saved as text ("man find > find.txt")
// has them: "prop‐" / "erties".
const typesetHyphen = "\u2010"

// minTypesetBreaks is how many lines must end in typesetHyphen, and none
// hold it inside, for it to mark breaks rather than compounds.
const minTypesetBreaks = 3

// typesetBreaks marks the typeset hyphens that end lines [lo, hi) as
// breaks inside a word, which joining the lines drops, when the text
// sets that hyphen nowhere else: its own hyphens are "-".
func (p *parser) typesetBreaks(lo, hi int) {
	var ends []int
	for i := lo; i < hi; i++ {
		t := strings.TrimRight(p.text[i], " ")
		body, broken := strings.CutSuffix(t, typesetHyphen)
		if strings.Contains(body, typesetHyphen) {
			return // compounds are set with it: "well‐known"
		}
		if broken && body != "" {
			ends = append(ends, i)
		}
	}
	if len(ends) < minTypesetBreaks {
		return
	}
	for _, i := range ends {
		p.text[i] = strings.TrimSuffix(strings.TrimRight(p.text[i], " "), typesetHyphen) + softHyphen
	}
}
