package retrieval

import (
	"strings"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// MaxQuoteRunes is the longest quote returned; a longer sentence is cut to
// the part around its matched words.
const MaxQuoteRunes = 400

// Result is one answer: a quote, the passage around it, and where it stands.
type Result struct {
	Rank    int        `json:"rank"`
	Score   float64    `json:"score"`
	Quote   Excerpt    `json:"quote"`
	Passage Excerpt    `json:"passage"`
	Section SectionRef `json:"section"`
	Page    int        `json:"page"` // 0 when the text has no pages
	Source  string     `json:"source"`
	// Document is the index of the source document in the corpus.
	Document int `json:"-"`
	// Sentences are the quoted sentences' indices in the document.
	Sentences []int `json:"-"`
}

// Excerpt is verbatim text with its line span. Matches are byte ranges of
// Text that matched the query, for highlighting.
type Excerpt struct {
	Text string `json:"text"`
	corpus.Span
	Matches [][2]int `json:"-"`
}

// SectionRef names a section.
type SectionRef struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
}

// Around returns the excerpt cut to at most limit characters around its
// matches, at word boundaries, with "…" where it was cut.
func (e Excerpt) Around(limit int) Excerpt { return trimToMatches(e, limit) }

// trimToMatches cuts text longer than limit runes to a window around its
// matches, at word boundaries, marking the cuts with "…". Matches are
// shifted to the new text.
func trimToMatches(e Excerpt, limit int) Excerpt {
	if utf8.RuneCountInString(e.Text) <= limit {
		return e
	}
	// Centre the window on the densest run of matches.
	center := len(e.Text) / 3
	if len(e.Matches) > 0 {
		best, bestCount := 0, 0
		for i, m := range e.Matches {
			n := 0
			for _, m2 := range e.Matches[i:] {
				if m2[1]-m[0] > limit*3/4 {
					break
				}
				n++
			}
			if n > bestCount {
				best, bestCount = i, n
			}
		}
		last := e.Matches[min(len(e.Matches)-1, best+bestCount-1)]
		center = (e.Matches[best][0] + last[1]) / 2
	}
	// Work in bytes (limit bytes hold at most limit runes), keeping two
	// characters for the ellipses.
	limit -= 2
	start := max(0, center-limit/2)
	end := min(len(e.Text), start+limit)
	start = max(0, end-limit)
	for start > 0 && !utf8.RuneStart(e.Text[start]) {
		start++
	}
	for end < len(e.Text) && !utf8.RuneStart(e.Text[end]) {
		end--
	}
	if start > 0 {
		if sp := strings.IndexByte(e.Text[start:end], ' '); sp >= 0 {
			start += sp + 1
		}
	}
	if end < len(e.Text) {
		if sp := strings.LastIndexByte(e.Text[start:end], ' '); sp > 0 {
			end = start + sp
		}
	}
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(e.Text) {
		suffix = "…"
	}
	out := Excerpt{Text: prefix + e.Text[start:end] + suffix, Span: e.Span}
	for _, m := range e.Matches {
		if m[0] >= start && m[1] <= end {
			out.Matches = append(out.Matches, [2]int{m[0] - start + len(prefix), m[1] - start + len(prefix)})
		}
	}
	return out
}
