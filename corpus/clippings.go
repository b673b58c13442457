package corpus

import (
	"regexp"
	"strings"
)

// A Kindle's "My Clippings.txt" keeps a reader's highlights and notes,
// each as the book's title, a line of details, the text, and a line of
// equals signs:
//
//	The Kettle (Ruth Okafor)
//	- Your Highlight on page 12 | Location 180-182 | Added on Monday, …
//
//	The kettle boiled at seven every morning.
//	==========
//
// Each clipping is a section titled by its book and where it stands in
// it; the details are left out.

var (
	// clippingEnd ends a clipping.
	clippingEnd = regexp.MustCompile(`^={10}\s*$`)
	// clippingDetails is a clipping's second line: what it is and where
	// it stands ("- Your Highlight on page 12 | Location 180-182 | Added
	// on …", "- Your Note at location 182 | Added on …").
	clippingDetails = regexp.MustCompile(`^-\s*Your (Highlight|Note|Bookmark)\b(?:.*?\bpage\s+([\w-]+))?(?:.*?\b[Ll]ocation\s+([\d-]+))?.*\|`)
)

// minClippings is how many clippings make a text a Kindle's clippings.
const minClippings = 2

// isClippings reports whether lines [lo, hi) are a Kindle's clippings.
func (p *parser) isClippings(lo, hi int) bool {
	n := 0
	for i := lo + 1; i < hi; i++ {
		if clippingEnd.MatchString(p.text[i]) {
			n++
		}
	}
	first := p.skipBlank(lo, hi)
	return n >= minClippings && first+1 < hi && clippingDetails.MatchString(strings.TrimSpace(p.text[first+1]))
}

// parseClippings reads a Kindle's clippings: a section for each, titled
// by its book and its page or location.
func (p *parser) parseClippings(lo, hi int) {
	var blocks []*block
	for i := p.skipBlank(lo, hi); i < hi; {
		end := i
		for end < hi && !clippingEnd.MatchString(p.text[end]) {
			end++
		}
		blocks = append(blocks, p.clipping(i, end)...)
		i = p.skipBlank(end+1, hi)
	}
	p.buildSections(blocks)
}

// clipping is the blocks of the clipping on lines [lo, hi): its title,
// its details (left out) and its text.
func (p *parser) clipping(lo, hi int) []*block {
	if hi-lo < 2 {
		return nil
	}
	title := strings.TrimSpace(p.text[lo])
	m := clippingDetails.FindStringSubmatch(strings.TrimSpace(p.text[lo+1]))
	switch {
	case m == nil:
	case m[2] != "":
		title += " · p. " + m[2]
	case m[3] != "":
		title += " · loc. " + m[3]
	}
	if m != nil && m[1] == "Note" {
		title += " · note"
	}
	p.omit(lo+1, lo+2, "clipping's details")
	out := []*block{{lines: []int{lo}, role: roleHeading, head: &heading{style: styleNamed, rank: 2, title: title}}}
	var text []int
	for i := lo + 2; i < hi; i++ {
		if !p.blank(i) {
			text = append(text, i)
		}
	}
	if len(text) > 0 {
		out = append(out, &block{lines: text})
	}
	return out
}
