package corpus

import (
	"regexp"
	"strings"
)

// sidenoteBlock is a paragraph that is one marginal note, as Project
// Gutenberg sets a book's marginal summaries: "[Sidenote: Qualifications
// of Governor.]".
var sidenoteBlock = regexp.MustCompile(`^(?is)\[(?:sidenote|marginal note|margin):\s*(.*?)\]$`)

// sidenoteHeadings makes a text's marginal notes, where it has at least
// minLooks standing as paragraphs of their own, the headings of what
// follows them, one rank below the text's deepest heading: they summarise
// the provision or passage beside them, so they name it in citations and
// count for its sentences as a heading does, and are never quoted as its
// text. Notes in a row make one heading.
func (p *parser) sidenoteHeadings(blocks []*block) {
	var notes []int
	deepest := 2
	for k, b := range blocks {
		switch {
		case b.role == roleHeading:
			deepest = max(deepest, b.head.rank)
		case b.role == roleBody && b.speaker == "" && !b.code && p.sidenote(b) != "":
			notes = append(notes, k)
		}
	}
	if len(notes) < minLooks {
		return
	}
	last := -1
	for _, k := range notes {
		b := blocks[k]
		title := cleanTitle(p.sidenote(b))
		if last >= 0 && p.nextNonDivider(blocks, last) == b {
			blocks[last].head.title += "; " + title
			b.role = roleDivider
			continue
		}
		b.role, b.head = roleHeading, &heading{style: styleSidenote, rank: deepest + 1, title: title}
		last = k
	}
}

// sidenote returns the text of a block that is one marginal note, "" for
// any other block.
func (p *parser) sidenote(b *block) string {
	raw := make([]string, len(b.lines))
	for i, l := range b.lines {
		raw[i] = strings.TrimSpace(p.raw[l])
	}
	m := sidenoteBlock.FindStringSubmatch(strings.Join(raw, " "))
	if m == nil || strings.Contains(m[1], "]") {
		return ""
	}
	return m[1]
}
