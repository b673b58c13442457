package retrieval

import (
	"regexp"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
)

// Meditations, aphorisms and numbered essays number their paragraphs
// within each book: "I. Of my grandfather Verus I have learned…". A reader
// cites them so ("Book II, section 1", "the first book, paragraph 3"); such
// a paragraph is answered first (leadingAnswer), by its sentence that
// holds most of the question's other words, its first where none does.

// paragraphKinds are the words that number a paragraph within a part.
var paragraphKinds = map[string]bool{"section": true, "paragraph": true}

// numberedParagraph finds the sentence of the numbered paragraph a
// question cites (refs, its questionRefs) within a part its titles number
// ("Book II, section 1"); ok is false when it cites none, or the text has
// no such paragraph or several.
func (ix *Index) numberedParagraph(refs []sectionRef, q *question) (doc, sent int, ok bool) {
	var parts []sectionRef
	number := 0
	for _, r := range refs {
		if paragraphKinds[r.kind] && number == 0 {
			number = r.number
		} else {
			parts = append(parts, r)
		}
	}
	if number == 0 || len(parts) == 0 || ix.sectionsReferred(refs) != nil {
		return 0, 0, false // or its sections are titled so, and narrowing finds it
	}
	within := ix.sectionsReferred(parts)
	found := 0
	for i, d := range ix.corpus.Documents {
		for sec := range within[d] {
			s := d.Sections[sec]
			if first, ok := labelledParagraph(d, s, number); ok {
				doc, sent = i, ix.bestOfParagraph(d, first, q)
				found++
			}
		}
	}
	return doc, sent, found == 1
}

// paragraphLabel is the label a numbered paragraph opens with: "II.",
// "2.", "SEC. 6.", "Section 4.", "§ 3.".
var paragraphLabel = regexp.MustCompile(`^(?i:(?:sec|sect|section|§)\.?\s*)?([0-9]{1,4}|[IVXLC]{1,8})\.\s`)

// labelledParagraph finds the first sentence of section s whose
// paragraph opens with the label of number.
func labelledParagraph(d *corpus.Document, s corpus.Section, number int) (int, bool) {
	for n := s.FirstSentence; n < s.EndSentence; n++ {
		st := d.Sentence(n)
		if n > s.FirstSentence && d.Sentence(n-1).Paragraph == st.Paragraph {
			continue
		}
		if m := paragraphLabel.FindStringSubmatch(st.Text); m != nil && numeralValue(m[1]) == number {
			return n, true
		}
	}
	return 0, false
}

// bestOfParagraph is the sentence of the paragraph that opens at first
// holding most of the question's words; first where none holds more.
func (ix *Index) bestOfParagraph(d *corpus.Document, first int, q *question) int {
	stems := q.stems(ix.lex)
	best, most := first, 0
	para := d.Sentence(first).Paragraph
	for n := first; n < d.SentenceCount() && d.Sentence(n).Paragraph == para; n++ {
		if m := len(ix.rank.matches(d.Sentence(n).Text, stems)); m > most {
			best, most = n, m
		}
	}
	return best
}

// romanNumeral writes n (1–3999) in upper-case Roman numerals.
func romanNumeral(n int) string {
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	digits := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range values {
		for n >= v {
			b.WriteString(digits[i])
			n -= v
		}
	}
	return b.String()
}
