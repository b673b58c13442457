package corpus

import "strings"

// Works bound after the chapters: The Prince is followed by Machiavelli's
// "DESCRIPTION OF THE METHODS ADOPTED BY THE DUKE VALENTINO…" and "THE
// LIFE OF CASTRUCCIO CASTRACANI OF LUCCA", each a title in capitals set
// apart by as many blank lines as every chapter heading (Project
// Gutenberg's four), with a byline under it. Two such titles are too few
// for headings by their look, so the second work had been read as the
// last chapter's end.

// minPartGap is the fewest blank lines before the chapter headings for
// their gap to tell a part's title: paragraphs are one apart.
const minPartGap = 3

// maxBylineBlocks is how many short lines under a part's title (BY /
// NICOLO MACHIAVELLI / And sent to his friends…) are its title page.
const maxBylineBlocks = 4

// partTitles makes a heading, at the top rank of the text's headings, of
// a block in capitals after the first chapter that stands as far apart
// from the text before it as the numbered chapters' headings do, and
// leaves out the byline under it.
func (p *parser) partTitles(blocks []*block) {
	gap, first, rank := p.chapterGap(blocks)
	if gap < minPartGap {
		return
	}
	for k := first + 1; k+1 < len(blocks); k++ {
		b := blocks[k]
		if b.role != roleBody || b.speaker != "" || b.code || !p.isShort(b) || p.gapBefore(b) < gap {
			continue
		}
		t := p.textOf(b)
		if letters(t) < 3 || upperShare(t) < capsShare || strings.HasSuffix(t, ",") {
			continue
		}
		b.role, b.head = roleHeading, &heading{style: stylePartTitle, rank: rank, title: cleanTitle(t)}
		p.byline(blocks[k+1:])
	}
}

// chapterGap is the fewest blank lines standing before the numbered
// chapter headings after the first (whose gap is the front matter's; 0
// with fewer than two chapters), the first one's block and the top rank
// of the text's headings.
func (p *parser) chapterGap(blocks []*block) (gap, first, rank int) {
	gap, first, rank = -1, -1, 3
	for k, b := range blocks {
		if b.role != roleHeading || b.head == nil {
			continue
		}
		rank = min(rank, b.head.rank)
		if !b.head.numbered || b.head.rank != 2 {
			continue
		}
		switch g := p.gapBefore(b); {
		case first < 0:
			first = k
		case gap < 0:
			gap = g
		default:
			gap = min(gap, g)
		}
	}
	return max(gap, 0), first, rank
}

// gapBefore is how many blank lines stand right before block b in the
// file: a line left out (an illustration's note, "[Graphic, page 33: …]")
// does not widen the gap.
func (p *parser) gapBefore(b *block) int {
	n := 0
	for i := b.first() - 1; i >= 0 && strings.TrimSpace(p.raw[i]) == ""; i-- {
		n++
	}
	return n
}

// byline leaves out the short lines right under a part's title that do
// not end as sentences do: its author, to whom it was sent, a subtitle.
func (p *parser) byline(next []*block) {
	for _, b := range next[:min(len(next), maxBylineBlocks)] {
		if b.role != roleBody || !p.isShort(b) || closesLikeText(strings.TrimSpace(p.textOf(b))) {
			return
		}
		b.role = roleDivider
	}
}

// closesLikeText reports whether a short line ends as text does, with a
// stop or a closing quotation mark, not as a title page's lines do
// ("WRITTEN BY NICOLO MACHIAVELLI", "AMERICA,"); an empty line counts as
// text.
func closesLikeText(t string) bool {
	return t == "" || strings.ContainsAny(t[len(t)-1:], ".!?:;\"”")
}
