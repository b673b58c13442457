package corpus

import (
	"regexp"
	"slices"
	"strings"
)

// buildSections turns headings into sections and body blocks into their
// sentences. A book, part or act directly followed by a chapter or scene
// is context for the sections under it ("BOOK ONE: 1805 · CHAPTER I").
func (p *parser) buildSections(blocks []*block) {
	type open struct {
		rank  int
		title string
	}
	var stack []open
	sec := -1
	parts := (p.doc.Format == FormatMarkdown || p.doc.Format == FormatText) && severalTopHeadings(blocks)
	for k, b := range blocks {
		switch b.role {
		case roleHeading:
			h := b.head
			if w := h.within; w != nil {
				for len(stack) > 0 && stack[len(stack)-1].rank >= w.rank {
					stack = stack[:len(stack)-1]
				}
				stack = append(stack, open{w.rank, w.title})
			}
			for len(stack) > 0 && (stack[len(stack)-1].rank >= h.rank || h.style == styleNamed) {
				stack = stack[:len(stack)-1]
			}
			if next := p.nextNonDivider(blocks, k); next != nil && next.role == roleHeading && next.head.rank > h.rank {
				stack = append(stack, open{h.rank, h.title})
				continue
			}
			title := h.title
			if len(stack) > 0 {
				title = stack[len(stack)-1].title + " · " + title
			}
			if sec >= 0 {
				p.finishSection(sec, p.doc.Sections[sec].Lines.Start)
			}
			sec = p.openSection(1, title, p.headingText(b), b.first()+1)
			p.doc.Sections[sec].Level = min(max(h.rank, 1), 3)
			p.doc.Sections[sec].Anchor = h.anchor
			p.doc.Sections[sec].Verses = h.style == styleVerse
			if h.style != styleMarkdown && h.style != styleSetext || h.rank > 2 || parts {
				// A Markdown file's top heading names the whole file; the
				// sections under it need not repeat it. Several top
				// headings of a file written in Markdown are parts: a
				// changelog's versions over their "Features" and "Bug
				// Fixes". (A page's or a book's markup sets its levels
				// less carefully: an EPUB's "Introduction" over its
				// chapters.)
				stack = append(stack, open{h.rank, h.title})
			}
		case roleBody:
			if sec < 0 {
				sec = p.openSection(0, "", "", b.first()+1)
			}
			if b.code {
				p.addCode(sec, b.lines)
				continue
			}
			lines := p.srcLines(b.lines)
			if b.skip > 0 {
				lines[0] = p.line(b.first(), b.skip)
			}
			if len(lines) > 1 && bareNumber.MatchString(lines[0].text) {
				lines = lines[1:] // a numbered stanza's number: "5" over "We do not blame thee…"
			}
			pairEmphasis(lines)
			dropInsertions(lines)
			p.addBlock(sec, lines, b.speaker)
		}
	}
	if sec >= 0 {
		p.finishSection(sec, p.doc.Sections[sec].Lines.Start)
	}
	p.dropEmptySections()
	p.collectSpeakers()
	if len(p.doc.Sections) == 1 && p.doc.Sections[0].Number == 0 {
		s := &p.doc.Sections[0]
		s.Number, s.Title, s.Heading = 1, p.doc.Title, p.doc.Title
	}
}

func (p *parser) nextNonDivider(blocks []*block, k int) *block {
	if j := nextNonDividerAt(blocks, k); j < len(blocks) {
		return blocks[j]
	}
	return nil
}

// nextNonDividerAt is the index of the first block after k that is no
// divider, or len(blocks).
func nextNonDividerAt(blocks []*block, k int) int {
	j := k + 1
	for j < len(blocks) && blocks[j].role == roleDivider {
		j++
	}
	return j
}

// headingText is a heading block's lines as written, joined.
func (p *parser) headingText(b *block) string {
	if b.head.style == styleVerse || b.head.entry {
		return b.head.title // a verse number, or an entry's date at the start of its paragraph
	}
	if b.runIn > 0 {
		return p.textOf(b)
	}
	var parts []string
	for _, i := range b.lines {
		if t := strings.TrimSpace(p.text[i]); t != "" && !(b.head.style == styleSetext && underline.MatchString(t)) {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// openSection starts a section. number 0 asks for the front-matter
// section; otherwise the next number is used.
func (p *parser) openSection(number int, title, headingText string, line int) int {
	if number != 0 {
		number = 1
		if n := len(p.doc.Sections); n > 0 {
			number = p.doc.Sections[n-1].Number + 1
		}
	}
	if number == 0 {
		title = "Front matter"
	}
	if headingText == "" {
		headingText = title
	}
	p.doc.Sections = append(p.doc.Sections, Section{
		Number:        number,
		Title:         title,
		Heading:       headingText,
		Level:         2,
		Lines:         Span{Start: line},
		FirstSentence: len(p.doc.sentences),
	})
	return len(p.doc.Sections) - 1
}

// dropEmptySections removes sections that hold no sentences (a heading
// whose text was all omitted), renumbering those after.
func (p *parser) dropEmptySections() {
	if len(p.doc.Sections) < 2 {
		return
	}
	var kept []Section
	remap := make([]int, len(p.doc.Sections))
	for i, s := range p.doc.Sections {
		if s.EndSentence == s.FirstSentence {
			remap[i] = -1
			continue
		}
		remap[i] = len(kept)
		kept = append(kept, s)
	}
	if len(kept) == len(p.doc.Sections) || len(kept) == 0 {
		return
	}
	number := 1
	for i := range kept {
		if kept[i].Number != 0 {
			kept[i].Number = number
			number++
		}
	}
	for i := range p.doc.sentences {
		p.doc.sentences[i].Section = remap[p.doc.sentences[i].Section]
	}
	p.doc.Sections = kept
}

// collectSpeakers lists who speaks in each section.
func (p *parser) collectSpeakers() {
	for i := range p.doc.Sections {
		s := &p.doc.Sections[i]
		for _, x := range p.doc.sentences[s.FirstSentence:s.EndSentence] {
			if x.Speaker != "" && !slices.Contains(s.Speakers, x.Speaker) {
				s.Speakers = append(s.Speakers, x.Speaker)
			}
		}
	}
}

// bareNumber is a line holding only a number, as a poem's numbered
// sections are set: the number on a line of its own over the stanza.
var bareNumber = regexp.MustCompile(`^\s*\d{1,3}\.?\s*$`)

// severalTopHeadings reports whether blocks hold more than one top
// heading in Markdown or setext ("# 5.13.0", "# 5.12.0"), which then
// title parts rather than the file.
func severalTopHeadings(blocks []*block) bool {
	n := 0
	for _, b := range blocks {
		if b.role == roleHeading && (b.head.style == styleMarkdown || b.head.style == styleSetext) && b.head.rank <= 2 {
			n++
		}
	}
	return n > 1
}
