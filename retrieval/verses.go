package retrieval

import (
	"regexp"
	"strconv"
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
			refs, _ := sectionRefs(s.Title)
			if !s.Verses || !containsRef(refs, sectionRef{"chapter", chapter}) || s.EndSentence == s.FirstSentence {
				continue
			}
			want := d.Sentence(s.FirstSentence).Paragraph + verse - 1
			var in []int
			for n := s.FirstSentence; n < s.EndSentence; n++ {
				if d.Sentence(n).Paragraph == want {
					in = append(in, n)
				}
			}
			if len(in) > 0 {
				doc, sents = i, in
				found++
			}
		}
	}
	return doc, sents, found == 1
}

// containsRef reports whether refs hold r.
func containsRef(refs []sectionRef, r sectionRef) bool {
	for _, x := range refs {
		if x == r {
			return true
		}
	}
	return false
}
