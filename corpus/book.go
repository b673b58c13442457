package corpus

// parseBook parses everything that is not an interview: books, plays,
// dialogues, transcripts, articles and Markdown. It runs in stages, each
// over the paragraphs ("blocks", blocks.go) of lines [lo, hi):
//
//  1. turns (readTurns): speaker labels that recur and alternate make a
//     dialogue (speakers.go), as a screenplay's cues (screenplay.go) and
//     testimony's questions (trial.go) do, and a catechism's questions
//     head their answers (catechism.go);
//  2. headings (headings.go, recognised by headingstyle.go): numbered and
//     named headings, then looks (ALL CAPS, a lone numeral, _italics_)
//     that recur before running text;
//  3. front and back matter (matter.go): title page, table of contents,
//     cast, index;
//  4. sections and sentences (sections.go).
func (p *parser) parseBook(lo, hi int, markdown bool) {
	pageBreaks := p.paginate(lo, hi, lo)
	p.dropRunningLines(lo, hi)
	rules := blockRules{pageBreaks: pageBreaks && !markdown, markdown: markdown}
	rules.linePerParagraph = !pageBreaks && p.paragraphPerLine(lo, hi)
	rules.indented = !pageBreaks && !markdown && !rules.linePerParagraph && p.indentParagraphed(lo, hi)
	p.verses = p.verseNumbered(lo, hi)
	blocks := p.splitBlocks(lo, hi, rules)
	if !markdown {
		blocks = p.splitHangingTitles(p.splitDecimalHeads(p.readTurns(blocks)))
	}
	blocks = p.verseChapters(blocks)
	p.findHeadings(blocks, markdown)
	blocks = p.datedEntries(rejoinRunIns(blocks))
	p.markMatter(blocks)
	keepText(blocks)
	p.continueTurns(blocks)
	p.buildSections(blocks)
}

// readTurns finds who speaks or asks in the blocks (stage 1): a
// screenplay's cues, a catechism's questions over their answers, or the
// turns of a dialogue, a play or testimony.
func (p *parser) readTurns(blocks []*block) []*block {
	if p.script = p.screenplay(blocks); p.script {
		return blocks
	}
	blocks, asked := p.catechism(blocks)
	if asked {
		return blocks
	}
	blocks = p.splitTestimony(blocks)
	speakers, ok := p.findSpeakers(blocks)
	if ok {
		blocks = p.assignTurns(blocks, speakers)
	}
	p.testimony(blocks, ok)
	return blocks
}

// keepText makes the headings of a text that has nothing but headings
// (a one-line note, a title with nothing under it) its text: a heading
// heads something, and a file is read to be quoted.
func keepText(blocks []*block) {
	for _, b := range blocks {
		if b.role == roleBody {
			return
		}
	}
	for _, b := range blocks {
		if b.role == roleHeading {
			b.role = roleBody
		}
	}
}

// longLine is the length from which a line is a paragraph of its own.
const longLine = 200

// paragraphPerLine reports whether the text keeps each paragraph on one
// long line: most of its words stand on lines of longLine bytes or more.
func (p *parser) paragraphPerLine(lo, hi int) bool {
	long, total := 0, 0
	for i := lo; i < hi; i++ {
		n := len(p.text[i])
		total += n
		if n >= longLine {
			long += n
		}
	}
	return total > 0 && long*10 >= total*8
}
