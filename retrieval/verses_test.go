package retrieval

import (
	"context"
	"errors"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

func TestVerseRef(t *testing.T) {
	tests := []struct {
		text           string
		chapter, verse int
		ok             bool
	}{
		{"What does John 3:16 say?", 3, 16, true},
		{"What did Jesus say in chapter 11, verse 35?", 11, 35, true},
		{"What is verse 2 of chapter 1?", 1, 2, true},
		{"What did Jesus say at the wedding?", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			c, v, ok := verseRef(tt.text)
			if c != tt.chapter || v != tt.verse || ok != tt.ok {
				t.Errorf("verseRef = %d:%d %v, want %d:%d %v", c, v, ok, tt.chapter, tt.verse, tt.ok)
			}
		})
	}
}

// verseText is a verse-numbered book of two chapters, as the Project
// Gutenberg Bible sets one.
const verseText = `Book 43        John

43:001:001 In the beginning was the Word, and the Word was with God, and
           the Word was God.

43:001:002 The same was in the beginning with God.

43:001:003 All things were made by him; and without him was not any thing
           made that was made.

43:002:001 And the third day there was a marriage in Cana of Galilee; and
           the mother of Jesus was there.

43:002:002 And both Jesus was called, and his disciples, to the marriage.

43:002:003 And when they wanted wine, the mother of Jesus saith unto him,
           They have no wine.
`

// TestAskVerse: a question that cites a chapter and verse is answered
// first by that verse; one citing a verse the text lacks is answered as
// any other question.
func TestAskVerse(t *testing.T) {
	ix := parsedIndex(t, "john.txt", verseText)
	tests := []firstQuote{
		{"What does John 1:2 say?", "The same was in the beginning with God."},
		{"What is chapter 2, verse 3?", "And when they wanted wine"},
		{"What is verse 1 of chapter 2?", "And the third day"},
	}
	checkFirstQuotesBegin(t, ix, tests)
	if _, _, ok := ix.verseSentences("What does John 9:9 say?"); ok {
		t.Error("found a verse the text lacks")
	}
}

// TestVerseCitations: a verse-numbered text's quotes are cited by chapter
// and verse beside their lines, and "/lines 2:1-2" finds the verses.
func TestVerseCitations(t *testing.T) {
	d, err := corpus.Parse("john.txt", []byte(verseText))
	if err != nil {
		t.Fatal(err)
	}
	at := func(line int) int {
		t.Helper()
		for i := range d.SentenceCount() {
			if d.Sentence(i).Lines.Start == line {
				return i
			}
		}
		t.Fatalf("no sentence on line %d", line)
		return 0
	}
	tests := []struct {
		from, to int // lines of the first and last sentence cited
		want     string
	}{
		{3, 3, "1:1 · lines 3–4"},
		{8, 8, "1:3 · lines 8–9"},
		{11, 16, "2:1–3 · lines 11–17"},
		{6, 11, "1:2–2:1 · lines 6–12"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Cite(d, at(tt.from), at(tt.to)+1).Location.String(); got != tt.want {
				t.Errorf("cited %q, want %q", got, tt.want)
			}
		})
	}
	span, err := Resolve(d, "2:1-2")
	if err != nil || span.Start != 11 || span.End != 14 {
		t.Errorf("Resolve(2:1-2) = %v, %v; want lines 11–14", span, err)
	}
	if _, err := Resolve(d, "2:9"); err == nil {
		t.Error("Resolve found a verse the chapter lacks")
	}
}

// bibleText is two books of a whole Bible as Project Gutenberg's King
// James Version sets them: each under its title, verses labelled
// chapter:verse.
const bibleText = `The First Book of Moses:  Called Genesis


1:1 In the beginning God created the heaven and the earth.

1:2 And the earth was without form, and void; and darkness was upon
the face of the deep.

2:1 Thus the heavens and the earth were finished, and all the host of
them.

2:2 And on the seventh day God ended his work which he had made.



The Second Book of Moses:  Called Exodus


1:1 Now these are the names of the children of Israel, which came into
Egypt; every man and his household came with Jacob.

1:2 Reuben, Simeon, Levi, and Judah.
`

// TestAskVerseOfABook: in a whole Bible, a verse is found in the book the
// question names, and cited by its book's chapter; a chapter and verse
// that several books have, with no book named, is answered as any other
// question.
func TestAskVerseOfABook(t *testing.T) {
	ix := parsedIndex(t, "bible.txt", bibleText)
	checkFirstQuotesBegin(t, ix, []firstQuote{
		{"What does Exodus 1:1 say?", "Now these are the names of the children of Israel"},
		{"Genesis 1:2", "And the earth was without form"},
		{"What does Genesis 2:2 say about the seventh day?", "And on the seventh day God ended his work"},
	})
	if _, _, ok := ix.verseSentences("What does 1:1 say?"); ok {
		t.Error("found one verse 1:1 where two books have one")
	}
	rs, err := ix.Ask(context.Background(), "What does Exodus 1:2 say?", 1)
	if err != nil || len(rs) == 0 {
		t.Fatalf("Ask: %v, %d results", err, len(rs))
	}
	if got, want := rs[0].Section.Title+" · "+rs[0].Location.String(), "The Second Book of Moses: Called Exodus · Chapter 1 · 1:2 · line 22"; got != want {
		t.Errorf("cited %q, want %q", got, want)
	}
	d := ix.corpus.Documents[0]
	if span, err := Resolve(d, "Exodus 1:2"); err != nil || span.Start != 22 || span.End != 22 {
		t.Errorf("Resolve(Exodus 1:2) = %v, %v; want line 22", span, err)
	}
	if span, err := Resolve(d, "Genesis 1:1-2"); err != nil || span.Start != 4 || span.End != 7 {
		t.Errorf("Resolve(Genesis 1:1-2) = %v, %v; want lines 4–7", span, err)
	}
	var pe *PlaceError
	if _, err := Resolve(d, "Leviticus 1:1"); !errors.As(err, &pe) {
		t.Errorf("Resolve(Leviticus 1:1) = %v; want a place the text lacks", err)
	}
}
