package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Papers, reports and manuals number their sections in decimals: "1.
// Introduction", "2.1 Participants", "4.2.3 Limits". Such a line is a
// heading when the text has several and their numbers count up as a
// paper's do.

// decimalHeading matches a section number in decimals and a title on one
// line.
var decimalHeading = regexp.MustCompile(`^((?:\d{1,2}\.){0,3}\d{1,2})\.?\s+(\p{Lu}.*)$`)

// maxDecimalTitleWords is the length of the longest title a decimal
// section number stands before; a numbered paragraph is longer. A FAQ's
// question may take maxDecimalQuestionWords.
const (
	maxDecimalTitleWords    = 10
	maxDecimalQuestionWords = 20
)

// maxTitleIndent is the deepest a title known by its number or its
// capitals (a decimal section's, a manual page's hanging title) may be
// set in: a licence sets its clauses' titles in as far as its paragraphs
// ("  0. Definitions.", "   1. Definitions.").
const maxTitleIndent = 4

// decimalTitle reports whether a line is a section number in decimals
// and a title: short, not a sentence, in title case or of a few words;
// in title case when it ends in a full stop, as a licence's or a
// contract's clauses are titled ("2. Basic Permissions.").
func decimalTitle(t string) bool {
	m := decimalHeading.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	title, stop := strings.CutSuffix(m[2], ".")
	words := len(strings.Fields(title))
	if strings.HasSuffix(strings.TrimRight(title, "\"”’'"), "?") {
		// a FAQ's question, or two: "1.3 Where can I get more lsof
		// documentation?", "3.23 Why doesn't lsof report fully on file
		// \"foo\" on UNIX dialect \"bar?\""
		return words <= maxDecimalQuestionWords && !sentenceInside.MatchString(strings.ReplaceAll(title, "?", ","))
	}
	last, _ := utf8.DecodeLastRuneInString(title)
	if utf8.RuneCountInString(title) > 80 || words > maxDecimalTitleWords || strings.ContainsRune(".:;,", last) || sentenceInside.MatchString(title) {
		return false
	}
	return isTitleCase(title) || words <= 6 && !stop
}

// wrapsDecimalTitle reports whether block b may hold a decimal section
// number and title: one line, or a long title wrapped onto a second that
// opens no section of its own (as a table of contents' next entry does).
func (p *parser) wrapsDecimalTitle(b *block) bool {
	return len(b.lines) == 1 || len(b.lines) == 2 && !decimalHeading.MatchString(strings.TrimSpace(p.text[b.lines[1]]))
}

// runInTitle is the length in bytes of a clause's number and title in
// title case that open line t, its text after them on the line: "2.
// Grant of Copyright License." of "2. Grant of Copyright License.
// Subject to the terms…"; 0 when none does. The title is the line's
// first sentence, so "12. Mr. Smith said…" has none.
func runInTitle(t string) int {
	lead := len(t) - len(strings.TrimLeft(t, " \t"))
	bounds := sentenceBounds(t[lead:])
	if len(bounds) < 2 || !strings.HasSuffix(t[lead:lead+bounds[0][1]], ".") || !decimalTitle(t[lead:lead+bounds[0][1]]) {
		return 0
	}
	return lead + bounds[0][1]
}

// sectionNumber is the numbers of a decimal section number: [2 1] of
// "2.1 Participants".
func sectionNumber(t string) []int {
	m := decimalHeading.FindStringSubmatch(t)
	if m == nil {
		return nil
	}
	var n []int
	for _, part := range strings.Split(m[1], ".") {
		v, err := strconv.Atoi(part)
		if err != nil {
			return nil
		}
		n = append(n, v)
	}
	for len(n) > 1 && n[len(n)-1] == 0 {
		n = n[:len(n)-1] // "7.0" numbers section 7, over its "7.1"
	}
	return n
}

// decimalHead is the heading a decimal section number and title (t)
// make, its rank below rank by the number's depth: "2" a section,
// "2.1" a subsection of it.
func decimalHead(t string, rank int) *heading {
	return &heading{style: styleDecimal, rank: rank + len(sectionNumber(t)) - 1, title: t}
}

// countsUp reports whether section numbers follow one another as a
// paper's do: the first top-level number 0 or 1, each number after the
// one before it ("1", "1.1", "1.2", "2"), and no top-level number
// skipped.
func countsUp(numbers [][]int) bool {
	if len(numbers) == 0 || numbers[0][0] > 1 {
		return false
	}
	for i := 1; i < len(numbers); i++ {
		a, b := numbers[i-1], numbers[i]
		if !after(a, b) || b[0] > a[0]+1 {
			return false
		}
	}
	return true
}

// after reports whether section number b comes after a.
func after(a, b []int) bool {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return b[i] > a[i]
		}
	}
	return len(b) > len(a)
}

// decimalSections is the block from which the blocks of the decimal
// look count up as a paper's sections do, minLooks of them or more; -1
// when none do. The count may start again: the entries of a table of
// contents come before the sections they list, and are no headings.
func (p *parser) decimalSections(blocks []*block, styles []headingStyle) int {
	var at []int
	var numbers [][]int
	for k, s := range styles {
		if s == styleDecimal {
			n := sectionNumber(p.textOf(blocks[k]))
			if len(numbers) > 0 && n[0] <= 1 && !after(numbers[len(numbers)-1], n) {
				at, numbers = at[:0], numbers[:0] // counting again from the first section
			}
			at, numbers = append(at, k), append(numbers, n)
		}
	}
	if len(numbers) < minLooks || !countsUp(numbers) {
		return -1
	}
	return at[0]
}

// notDecimal gives the lines numbered in decimals before block from (all
// of them when from is -1), which do not count up as sections do ("3
// Bedrooms", "2 Bathrooms", a table of contents' entries), the look they
// have without their numbers: a short title before running text, or
// none.
func (p *parser) notDecimal(blocks []*block, l *looks, from int) {
	for k, s := range l.styles {
		if s != styleDecimal || from >= 0 && k >= from {
			continue
		}
		l.counts[s]--
		l.styles[k] = styleNone
		t := p.textOf(blocks[k])
		if utf8.RuneCountInString(t) <= maxTitleRunes && p.beforeText(styleTitle, blocks[k+1]) {
			l.styles[k] = styleTitle
			l.counts[styleTitle]++
		}
	}
}

// extractedDecimals makes headings of the paragraphs of an extracted
// document (a web page, a Word or OpenDocument file, a PDF) that number
// its sections in decimals where its markup set no headings: "2.1
// Participants" typed in the body's style, each before a paragraph,
// counting up as a paper's sections do.
func (p *parser) extractedDecimals(blocks []*block) {
	styles := make([]headingStyle, len(blocks))
	for k, b := range blocks {
		if b.role == roleHeading {
			return // the markup heads the sections
		}
		if b.role == roleBody && !b.code && b.speaker == "" && len(b.lines) == 1 && k+1 < len(blocks) && blocks[k+1].role == roleBody && decimalTitle(p.textOf(b)) {
			styles[k] = styleDecimal
		}
	}
	from := p.decimalSections(blocks, styles)
	if from < 0 {
		return
	}
	for k := from; k < len(blocks); k++ {
		if styles[k] == styleDecimal {
			blocks[k].role, blocks[k].head = roleHeading, decimalHead(p.textOf(blocks[k]), 2)
		}
	}
}

// splitDecimalHeads makes a decimal section number and title that opens
// a paragraph a block of its own, when minLooks such lines or more count
// up as sections do, with the titles alone on their lines: its text on
// the next line ("1. Minutes of the last meeting" / "The minutes of the
// February meeting were agreed…", as minutes and notes are typed), or
// after it on the same line, as a licence's clauses run in ("2. Grant of
// Copyright License. Subject to the terms…"). The look of headings then
// decides (lookStyles).
func (p *parser) splitDecimalHeads(blocks []*block) []*block {
	heads := map[int]int{} // block → the bytes of a run-in title, 0 for one on its own line
	var numbers [][]int
	for k, b := range blocks {
		if b.role != roleBody || b.code || b.skip > 0 || p.listItem(b) {
			continue // a recipe's steps are no sections
		}
		first := p.text[b.first()]
		t := strings.TrimSpace(first)
		if t == "" || t[0] < '0' || t[0] > '9' {
			continue // no section number opens it
		}
		switch cut := runInTitle(first); {
		case len(b.lines) == 1 && decimalTitle(t):
			numbers = append(numbers, sectionNumber(t)) // counts, and needs no split
		case cut > 0:
			heads[k] = cut
			numbers = append(numbers, sectionNumber(t))
		case len(b.lines) >= 2 && decimalTitle(t) && startsWithLetter(strings.TrimSpace(p.text[b.lines[1]])) && !strings.HasSuffix(t, ","):
			heads[k] = 0
			numbers = append(numbers, sectionNumber(t))
		}
	}
	if len(heads) == 0 || len(numbers) < minLooks || !countsUp(numbers) {
		return blocks
	}
	out := make([]*block, 0, len(blocks)+len(heads))
	for k, b := range blocks {
		cut, ok := heads[k]
		switch {
		case !ok:
			out = append(out, b)
		case cut > 0:
			line := p.text[b.first()]
			skip := len(line) - len(strings.TrimLeft(line[cut:], " \t"))
			out = append(out, &block{lines: b.lines[:1], runIn: cut}, &block{lines: b.lines, speaker: b.speaker, skip: skip})
		default:
			out = append(out, &block{lines: b.lines[:1]}, &block{lines: b.lines[1:], speaker: b.speaker})
		}
	}
	return out
}

// rejoinRunIns gives each run-in title that findHeadings did not make a
// heading back to its paragraph, which then reads from the line's start.
func rejoinRunIns(blocks []*block) []*block {
	out := blocks[:0]
	for k, b := range blocks {
		if b.runIn > 0 && b.role != roleHeading && k+1 < len(blocks) {
			blocks[k+1].skip = 0
			continue
		}
		out = append(out, b)
	}
	return out
}
