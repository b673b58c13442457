package retrieval

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

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
// the one chapter of that number, or the one of the book the question
// names ("Exodus 1:1" in a whole Bible); ok is false when no such verse is
// found, or several are.
func (ix *Index) verseSentences(text string) (doc int, sents []int, ok bool) {
	chapter, verse, cited := verseRef(text)
	if !cited || chapter == 0 || verse == 0 {
		return 0, nil, false
	}
	type found struct {
		doc   int
		sents []int
		title string
	}
	var all []found
	for i, d := range ix.corpus.Documents {
		for _, s := range d.Sections {
			if verseChapter(s) != chapter {
				continue
			}
			if in := verseRange(d, s, verse, verse); len(in) > 0 {
				all = append(all, found{i, in, s.Title})
			}
		}
	}
	if number, name, named := bookIn(text); named && len(all) > 1 {
		all = slices.DeleteFunc(all, func(f found) bool { return !titleNamesBook(f.title, number, name) })
	}
	if len(all) != 1 {
		return 0, nil, false
	}
	return all[0].doc, all[0].sents, true
}

// bookBefore is the book a question names before a chapter and verse:
// "Exodus 1:1", "1 Corinthians 13:4".
var bookBefore = regexp.MustCompile(`(?:\b([1-3])\s*)?\b(\p{Lu}\p{Ll}+)\s+\d{1,3}:\d{1,3}\b`)

// bookOrdinals are how a book's title numbers it: "The First Epistle of
// Paul the Apostle to the Corinthians".
var bookOrdinals = map[string]string{"1": "first", "2": "second", "3": "third"}

// bookIn is the book a question names before its chapter and verse: its
// number, if any, and its name ("1", "Corinthians"); ok is false when it
// names none.
func bookIn(question string) (number, name string, ok bool) {
	m := bookBefore.FindStringSubmatch(question)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// titleNamesBook reports whether a section's title names the book of that
// number and name: "The First Epistle of Paul the Apostle to the
// Corinthians" for 1 Corinthians.
func titleNamesBook(title, number, name string) bool {
	words := strings.Fields(strings.ToLower(strings.NewReplacer(":", " ", "·", " ", ",", " ").Replace(title)))
	if !slices.Contains(words, strings.ToLower(name)) {
		return false
	}
	return number == "" || slices.Contains(words, bookOrdinals[number]) || slices.Contains(words, number)
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
