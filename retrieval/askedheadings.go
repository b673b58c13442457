package retrieval

import (
	"slices"
	"strings"
)

// A frequently-asked-questions page, an interview published with its
// questions as headings, or a documentation page titled "How do I reset
// my password?" answers its heading's question under it, often without
// its words ("On the first day of each month." under "When am I
// charged?"). A question that asks what such a heading asks is answered
// first by the answer under it.

// maxExtraTitleWords is how many words a heading's question may have that
// the reader's does not, and still ask the same.
const maxExtraTitleWords = 1

// maxAskedAnswer is the most sentences under such a heading for its first
// to be the answer: a FAQ's answer is short, where an interview's runs on
// and comes to the point later.
const maxAskedAnswer = 5

// askedHeading finds the one section whose title asks what q asks and
// the first sentence under it; ok is false when none or several do.
func (ix *Index) askedHeading(q *question) (doc, sent int, ok bool) {
	want := askedStems(q)
	if len(want) == 0 {
		return 0, 0, false
	}
	found := 0
	for i, d := range ix.corpus.Documents {
		for j, s := range d.Sections {
			title := strings.TrimSpace(ownPart(s.Title))
			if !strings.HasSuffix(title, "?") || s.EndSentence == s.FirstSentence || s.EndSentence-s.FirstSentence > maxAskedAnswer {
				continue
			}
			tq := ix.analyse(title)
			if tq.intent != q.intent || !asksSame(want, askedStems(&tq)) {
				continue
			}
			if at, quotable := endOfSections(d, map[int]bool{j: true}, false); quotable {
				doc, sent = i, at
				found++
			}
		}
	}
	return doc, sent, found == 1
}

// askedStems are the stems of a question's words, its frame ("happen",
// "first") among them: "When did the soviets first appear?" asks other
// than "What happened to the soviets?".
func askedStems(q *question) []string {
	var out []string
	for _, c := range q.concepts {
		out = append(out, c.stem)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// asksSame reports whether a heading's stems hold every one of the
// reader's, with at most maxExtraTitleWords more where the reader's
// question has two or more.
func asksSame(reader, heading []string) bool {
	for _, s := range reader {
		if !slices.Contains(heading, s) {
			return false
		}
	}
	extra := len(heading) - len(reader)
	return extra == 0 || len(reader) >= 2 && extra <= maxExtraTitleWords
}
