package retrieval

import (
	"strings"
	"unicode"
)

// A collection's pieces may each be signed over their text: the
// Federalist's papers by MADISON, HAMILTON or JAY, an anthology's essays
// "By" their authors. "Who wrote Federalist No. 51?" is answered by that
// line, which holds none of the question's words but the paper's.

// bylineSentence finds the line that signs the one part a question asking
// who wrote it names; ok is false where the question asks no such thing,
// names no part or several, or the part is signed by none.
func (ix *Index) bylineSentence(text string) (doc, sent int, ok bool) {
	m := authorAsked.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, false
	}
	refs, rest := sectionRefs(m[1])
	if len(refs) == 0 || strings.Trim(rest, " ,.") != "" {
		return 0, 0, false
	}
	within := ix.sectionsReferred(refs)
	if len(within) != 1 {
		return 0, 0, false
	}
	for i, d := range ix.corpus.Documents {
		first := len(d.Sections)
		for sec := range within[d] {
			first = min(first, sec)
		}
		if first == len(d.Sections) {
			continue
		}
		s := d.Sections[first]
		text := pastMatter(d, s.FirstSentence, s.EndSentence)
		for at := s.FirstSentence; at < text; at++ {
			if byline(d.Sentence(at).Text) {
				return i, at, true
			}
		}
	}
	return 0, 0, false
}

// byline reports whether a line over a part's text names its author:
// "By Jane Addams", or names in capitals ("MADISON, with HAMILTON").
func byline(text string) bool {
	words := strings.Fields(text)
	if len(words) > 1 && words[0] == "By" {
		return true
	}
	upper := false
	for _, w := range words {
		w = strings.Trim(w, ".,:;")
		if titleSmallWords[w] {
			continue
		}
		for _, r := range w {
			if unicode.IsLower(r) || unicode.IsDigit(r) {
				return false
			}
			upper = upper || unicode.IsUpper(r)
		}
	}
	return upper
}
