package corpus

import (
	"strconv"
	"strings"
)

// A verse-numbered text (a Bible) labels each verse with its chapter and
// number, and perhaps its book's: "43:003:016 For God so loved…" (the
// Gospel of John as Project Gutenberg sets it alone), "1:1 In the
// beginning God created the heaven and the earth." (its King James Bible,
// every book under its title: "The First Book of Moses: Called Genesis").
// Each chapter is a section, each verse a paragraph, and a book's title
// heads its chapters.

// minVerseShare is the share of a text's lines from which lines opening
// with a verse label make it a verse-numbered text: a verse wraps over two
// or three lines, and an ordinary text's line seldom opens with "10:30 ".
const minVerseShare = 0.2

// verseNumbered reports whether lines [lo, hi) are a verse-numbered text.
func (p *parser) verseNumbered(lo, hi int) bool {
	verses, lines := 0, 0
	for i := lo; i < hi; i++ {
		if p.blank(i) {
			continue
		}
		lines++
		if verseNumber.MatchString(p.raw[i]) {
			verses++
		}
	}
	return verses >= 3 && float64(verses) >= minVerseShare*float64(lines)
}

// verseChapters opens a chapter wherever the chapter of verse numbers
// changes, and makes a book of the short title standing over a book's
// first verse ("1:1"), when most paragraphs start with a verse.
func (p *parser) verseChapters(blocks []*block) []*block {
	verses := 0
	for _, b := range blocks {
		if verseNumber.MatchString(p.raw[b.first()]) {
			verses++
		}
	}
	if !p.verses || verses < 3 || verses*2 < len(blocks) {
		return blocks
	}
	var out []*block
	chapter := ""
	for k, b := range blocks {
		m := verseNumber.FindStringSubmatch(p.raw[b.first()])
		if m == nil {
			if p.bookTitle(blocks, k) {
				b.role, b.head = roleHeading, &heading{style: styleTitle, rank: 1, title: cleanTitle(p.textOf(b))}
				chapter = "" // its chapters count from 1 again
			}
			out = append(out, b)
			continue
		}
		if m[2] != chapter {
			chapter = m[2]
			n, _ := strconv.Atoi(chapter)
			out = append(out, &block{lines: []int{b.first()}, role: roleHeading, head: &heading{style: styleVerse, rank: 2, title: "Chapter " + strconv.Itoa(n)}})
		}
		b.skip = len(m[0])
		out = append(out, b)
	}
	return out
}

// bookTitle reports whether block k is a book's title: a short line, not
// a sentence, over the book's first verse ("1:1").
func (p *parser) bookTitle(blocks []*block, k int) bool {
	b := blocks[k]
	if b.role != roleBody || k+1 == len(blocks) || !p.isShort(b) || p.isProse(b) || len(b.lines) > 2 {
		return false
	}
	if _, strong := strongHeading(p.textOf(b)); strong {
		return false // "Book 43 John", a heading by its words
	}
	m := verseNumber.FindStringSubmatch(p.raw[blocks[k+1].first()])
	if m == nil {
		return false
	}
	first := func(s string) bool { return strings.TrimLeft(s, "0") == "1" }
	return first(m[2]) && first(m[3])
}
