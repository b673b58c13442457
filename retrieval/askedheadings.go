package retrieval

import (
	"regexp"
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

// maxAskedAnswer is the most sentences an interviewer's question may
// stand over for the first to be the answer: an interview's answer runs
// on and comes to the point later, where a FAQ's opens with it, however
// long it goes on.
const maxAskedAnswer = 5

// sectionNumber is the number a FAQ sets before its question: "1.9" of
// "1.9 Is there an lsof license?".
var sectionNumber = regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3})*\.?\s+`)

// askedTitle is a section titled by a question over a short answer, and
// what its title asks.
type askedTitle struct {
	doc, sec int
	intent   intent
	stems    []string
}

// askedHeadings lists the sections titled by a question, an
// interviewer's over at most maxAskedAnswer sentences.
func (ix *Index) askedHeadings() []askedTitle {
	var out []askedTitle
	for i, d := range ix.corpus.Documents {
		for j, s := range d.Sections {
			title := sectionNumber.ReplaceAllString(strings.TrimSpace(ownPart(s.Title)), "")
			if !strings.HasSuffix(title, "?") || s.EndSentence == s.FirstSentence || len(s.Speakers) > 0 && s.EndSentence-s.FirstSentence > maxAskedAnswer {
				continue
			}
			tq := ix.analyse(title)
			out = append(out, askedTitle{doc: i, sec: j, intent: tq.intent, stems: askedStems(&tq)})
		}
	}
	return out
}

// askedHeading finds the one section whose title asks what q asks and
// the first sentence under it; ok is false when none or several do.
func (ix *Index) askedHeading(q *question) (doc, sent int, ok bool) {
	want := askedStems(q)
	if len(want) == 0 {
		return 0, 0, false
	}
	ix.askedOnce.Do(func() { ix.asked = ix.askedHeadings() })
	found := 0
	for _, a := range ix.asked {
		if a.intent != q.intent || !asksSame(want, a.stems) {
			continue
		}
		d := ix.corpus.Documents[a.doc]
		if at, quotable := endOfSections(d, map[int]bool{a.sec: true}, false); quotable {
			doc, sent = a.doc, at
			found++
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
