package retrieval

import (
	"regexp"
	"strconv"

	"github.com/lectern-bot/lectern/corpus"
)

// In a verse-numbered text (a Bible book: "43:003:016 For God so
// loved…") a reader cites by chapter and verse: "John 3:16", "chapter 11,
// verse 35". Such a reference points to one verse, which is answered
// first (leadingAnswer).

var (
	// chapterColonVerse is "3:16"; not a time of day, which a
	// verse-numbered text's questions seldom hold.
	chapterColonVerse = regexp.MustCompile(`\b(\d{1,3}):(\d{1,3})\b`)
	// chapterThenVerse is "chapter 11, verse 35".
	chapterThenVerse = regexp.MustCompile(`(?i)\bchapter\s+(\d{1,3}),?\s+verses?\s+(\d{1,3})\b`)
	// verseOfChapter is "verse 35 of chapter 11".
	verseOfChapter = regexp.MustCompile(`(?i)\bverses?\s+(\d{1,3})\s+(?:of|in)\s+chapter\s+(\d{1,3})\b`)
)

// verseRef reads the chapter and verse a question cites; ok is false when
// it cites none.
func verseRef(text string) (chapter, verse int, ok bool) {
	number := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := chapterThenVerse.FindStringSubmatch(text); m != nil {
		return number(m[1]), number(m[2]), true
	}
	if m := verseOfChapter.FindStringSubmatch(text); m != nil {
		return number(m[2]), number(m[1]), true
	}
	if m := chapterColonVerse.FindStringSubmatch(text); m != nil {
		return number(m[1]), number(m[2]), true
	}
	return 0, 0, false
}

// verseSentences finds the sentences of the verse a question cites, in
// the one document whose verse-numbered chapter it names; ok is false
// when no such verse is found, or several texts have it.
func (ix *Index) verseSentences(text string) (doc int, sents []int, ok bool) {
	chapter, verse, cited := verseRef(text)
	if !cited || chapter == 0 || verse == 0 {
		return 0, nil, false
	}
	found := 0
	for i, d := range ix.corpus.Documents {
		for _, s := range d.Sections {
			if verseChapter(s) != chapter {
				continue
			}
			if in := verseRange(d, s, verse, verse); len(in) > 0 {
				doc, sents = i, in
				found++
			}
		}
	}
	return doc, sents, found == 1
}

// verseChapter is the chapter a section of a verse-numbered text holds
// (its title numbers it), 0 for any other section.
func verseChapter(s corpus.Section) int {
	if !s.Verses {
		return 0
	}
	refs, _ := sectionRefs(s.Title)
	for _, r := range refs {
		if r.kind == "chapter" {
			return r.number
		}
	}
	return 0
}

// verseOf is the verse that sentence n of section s, a verse-numbered
// chapter, stands in: its paragraphs are the verses, from 1.
func verseOf(d *corpus.Document, s corpus.Section, n int) int {
	return d.Sentence(n).Paragraph - d.Sentence(s.FirstSentence).Paragraph + 1
}

// verseRange is the sentences of verses first to last of section s, a
// verse-numbered chapter.
func verseRange(d *corpus.Document, s corpus.Section, first, last int) []int {
	var out []int
	for n := s.FirstSentence; n < s.EndSentence; n++ {
		if v := verseOf(d, s, n); v >= first && v <= last {
			out = append(out, n)
		}
	}
	return out
}
