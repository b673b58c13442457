package retrieval

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// TestNoteOfTitlePage: who wrote the interview, what it is called, who
// is interviewed and by whom get a note from its title page, and its
// questions one listing them; a dialogue whose title page names no
// interview gets none for who asks the questions.
func TestNoteOfTitlePage(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		question string
		asks     bool
	}{
		{"Who wrote this?", true},
		{"who wrote this", true},
		{"Who is the author?", true},
		{"Who's the author of this book?", true},
		{"hey, who wrote the interview?", true},
		{"What is the author's name?", true},
		{"Who wrote the Communist Manifesto?", false},
		{"Who is the author of a biography of Serge?", false},
		{"Who wrote about Serge?", false},
		{"What is the title of this book?", true},
		{"What is the title?", true},
		{"What's the interview called?", true},
		{"What is the title of chapter 4?", false},
		{"What is the title of the Trotsky biography?", false},
		{"Why did the Bolsheviks dissolve the Constituent Assembly?", false},
		{"How many chapters are there?", true}, // none: the note lists its questions instead
		{"Who is being interviewed?", true},
		{"Who is the interviewer?", true},
		{"Who asks the questions?", true},
		{"Who asks the questions about Kronstadt?", false},
		{"What are the questions?", true},
		{"What are the sections?", true},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			got := ix.Note(tt.question)
			if asks := got != ""; asks != tt.asks {
				t.Fatalf("Note(%q) = %q; want a note: %v", tt.question, got, tt.asks)
			}
			if tt.asks && !strings.Contains(got, "Suzi Weissman") {
				t.Errorf("Note(%q) = %q, want the interview's title and author named", tt.question, got)
			}
		})
	}
	want := "has 5 sections, as Lectern cites them: §1 What is it that makes the Russian Revolution so important for the left?; §2 What happened to these soviets?"
	if got := ix.Note("What are the questions?"); !strings.Contains(got, want) {
		t.Errorf("Note(questions) = %q, want it to hold %q", got, want)
	}
	dialogue := parsedIndex(t, "dialogue.txt", "THE FIRST DIALOGUE\n\nPHILONOUS. Good morrow, Hylas: I did not expect to find you abroad so early.\n")
	if got := dialogue.Note("Who asks the questions?"); got != "" {
		t.Errorf("Note(questions) of a dialogue = %q, want none", got)
	}
}

// TestNoteOfTitleNamed: "Who wrote Walden?" is answered by the title
// page of the text of that title, in a library of several, and by none
// where no text or several are so titled.
func TestNoteOfTitleNamed(t *testing.T) {
	doc := func(name, title, author string) *corpus.Document {
		d, err := corpus.Parse(name, []byte("CHAPTER I\n\nThe pond lay still under the ice all winter.\n"))
		if err != nil {
			t.Fatal(err)
		}
		d.Title, d.Author = title, author
		return d
	}
	ix := docIndex(t, doc("walden.txt", "Walden; or, Life in the Woods", "Henry David Thoreau"), doc("prince.txt", "The Prince", "Nicolo Machiavelli"),
		doc("a.txt", "Notes", "Ann"), doc("b.txt", "Notes", "Bea"))
	tests := []noteCase{
		{"Who wrote Walden?", "“Walden; or, Life in the Woods” is by Henry David Thoreau"},
		{"Who is the author of “The Prince”?", "“The Prince” is by Nicolo Machiavelli"},
		{"who wrote the prince", "“The Prince” is by Nicolo Machiavelli"},
		{"Who wrote Life in the Woods?", "“Walden; or, Life in the Woods” is by Henry David Thoreau"},
		{"Who wrote Notes?", ""},
		{"Who wrote the woods?", ""},
		{"Who wrote Hamlet?", ""},
		{"Who wrote about the pond?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			got := ix.Note(tt.question)
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("Note(%q) = %q, want %q in it", tt.question, got, tt.want)
			}
		})
	}
}

// TestNoteOfTranslator: "Who translated the book?" names the translator
// the title page or the file's details give, of the text a question names
// by its title, or of every text; and says so where none is named.
func TestNoteOfTranslator(t *testing.T) {
	const pond = "CHAPTER I\n\nThe pond lay still under the ice all winter.\n"
	prince, walden := titledDoc(t, "prince.txt", pond, "The Prince"), titledDoc(t, "walden.txt", pond, "Walden")
	prince.Translator = "W. K. Marriott"
	tests := []struct {
		ix             *Index
		question, want string
	}{
		{docIndex(t, prince), "Who translated the book?", "“The Prince” was translated by W. K. Marriott"},
		{docIndex(t, prince), "who is the translator", "“The Prince” was translated by W. K. Marriott"},
		{docIndex(t, walden), "Who translated this?", "“Walden” does not name a translator"},
		{docIndex(t, prince, walden), "Who translated The Prince?", "“The Prince” was translated by W. K. Marriott"},
		{docIndex(t, prince, walden), "Who was the translator of Walden?", "“Walden” does not name a translator"},
		{docIndex(t, prince, walden), "Who translated the book?", "As their title pages or the files' details say: “The Prince” was translated by W. K. Marriott."},
		{docIndex(t, prince, walden), "Who translated Hamlet?", ""},
		{docIndex(t, prince), "Who translated the letter into French in the story?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			got := tt.ix.Note(tt.question)
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("Note(%q) = %q, want %q in it", tt.question, got, tt.want)
			}
		})
	}
}

func TestNoteNames(t *testing.T) {
	doc := func(title, author string) *corpus.Document {
		return &corpus.Document{Name: "f.txt", Title: title, Author: author}
	}
	tests := []struct {
		name string
		docs []*corpus.Document
		want []string
	}{
		{"one text", []*corpus.Document{doc("Ten Days", "John Reed")}, []string{"“Ten Days” is by John Reed"}},
		{"no author known", []*corpus.Document{doc("Notes", "")}, []string{"“Notes” does not name its author"}},
		{"anonymous", []*corpus.Document{doc("Trial", "Anonymous")}, []string{"“Trial” names no author: its title page or the file's details say “Anonymous”."}},
		{"no title", []*corpus.Document{doc("", "Ann")}, []string{"“f.txt” is by Ann"}},
		{"several", []*corpus.Document{doc("A", "X"), doc("B", ""), doc("C", "Z")}, []string{"“A” is by X; “C” is by Z."}},
		{"many", []*corpus.Document{doc("A", "X"), doc("B", "Y"), doc("C", "Z"), doc("D", "W"), doc("E", "V")}, []string{"“C” is by Z; and 2 texts more."}},
		{"none known", []*corpus.Document{doc("A", ""), doc("B", "")}, []string{"None of the 2 texts names its author"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := titlePageNote(tt.docs)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("titlePageNote = %q, want it to hold %q", got, w)
				}
			}
		})
	}
}

// millBook is a short book of three chapters, a preface and an appendix.
const millBook = `PREFACE

This book was written in a hurry.

CHAPTER I. THE MILL.

The old miller ground the flour by the river every morning.

CHAPTER II. THE BAKER.

At noon the baker came for flour.

CHAPTER THE LAST.

In the evening the mill was quiet and the river ran on.

APPENDIX TO CHAPTER I.

The mill was built in 1820.
`

func TestNoteOfParts(t *testing.T) {
	ix := parsedIndex(t, "book.txt", millBook)
	tests := []noteCase{
		{"How many chapters are there?", "“book” has 3 chapters, by its headings."},
		{"how many chapters does the book have", "“book” has 3 chapters, by its headings."},
		{"How many chapters are in the novel?", "“book” has 3 chapters, by its headings."},
		{"How many acts are there?", "“book” has no acts by its headings; they name 3 chapters."},
		{"How many chapters did the miller read?", ""},
		{"What are the chapters?", "“book” has 3 chapters, by its headings: CHAPTER I: THE MILL; CHAPTER II: THE BAKER; CHAPTER THE LAST."},
		{"List the chapter titles of the book.", "“book” has 3 chapters, by its headings: CHAPTER I: THE MILL; CHAPTER II: THE BAKER; CHAPTER THE LAST."},
		{"What are the acts?", "“book” has no acts by its headings; they name 3 chapters."},
		{"How many sections are there?", ""},
	}
	wantNotes(t, ix, tests)
}

// TestNoteOfPartsInPart: "How many chapters are in book 2?" counts the
// chapters of that book alone.
func TestNoteOfPartsInPart(t *testing.T) {
	ix := parsedIndex(t, "novel.txt", twoBooks)
	tests := []noteCase{
		{"How many chapters are in book 2?", "“novel” has 3 chapters in book 2, by its headings."},
		{"How many chapters does Book I have?", "“novel” has 3 chapters in Book I, by its headings."},
		{"How many chapters are there?", "“novel” has 6 chapters, by its headings."},
		{"How many chapters are in book 9?", ""},
		{"How many chapters are in the orchard?", ""},
	}
	wantNotes(t, ix, tests)
}

// TestNoteOfPartsOfTitledText: among several texts, "How many chapters
// are in The Orchard Year?" counts that text's chapters, and "What are
// the chapters of The Mill?" lists the other's.
func TestNoteOfPartsOfTitledText(t *testing.T) {
	ix := docIndex(t, titledDoc(t, "orchard.txt", twoBooks, "The Orchard Year"), titledDoc(t, "mill.txt", millBook, "The Mill"))
	tests := []noteCase{
		{"How many chapters are in The Orchard Year?", "“The Orchard Year” has 6 chapters, by its headings."},
		{"how many books does the orchard year have", "“The Orchard Year” has 2 books, by its headings."},
		{"How many chapters are in book 2?", "“The Orchard Year” has 3 chapters in book 2, by its headings."},
		{"What are the chapters of The Mill?", "“The Mill” has 3 chapters, by its headings: CHAPTER I: THE MILL; CHAPTER II: THE BAKER; CHAPTER THE LAST."},
		{"How many chapters are there?", ""},
		{"What are the chapters?", ""},
		{"How many chapters are in the orchard?", ""},
		{"What are the chapters of the harvest?", ""},
	}
	wantNotes(t, ix, tests)
}

func TestPartsNote(t *testing.T) {
	doc := func(titles ...string) *corpus.Document {
		d := &corpus.Document{Title: "T"}
		for _, title := range titles {
			d.Sections = append(d.Sections, corpus.Section{Title: title})
		}
		return d
	}
	tests := []struct {
		name, kind string
		d          *corpus.Document
		want       string
	}{
		{"chapters over subsections", "chapter", doc("CHAPTER I: A", "CHAPTER I: A · SUB", "CHAPTER II"), "“T” has 2 chapters, by its headings."},
		{"a part numbered without its kind", "chapter", doc("INTRODUCTION · II", "CHAPTER I"), "“T” has 1 chapter, by its headings."},
		{"scenes in each act", "scene", doc("ACT I · SCENE I", "ACT I · SCENE II", "ACT II · SCENE I"), "“T” has 3 scenes, by its headings."},
		{"acts", "act", doc("ACT I · SCENE I", "ACT I · SCENE II", "ACT II · SCENE I"), "“T” has 2 acts, by its headings."},
		{"none", "chapter", doc("PREFACE"), ""},
		{"chapters numbered alone under books", "chapter", doc("Book I: The Coming · I: The Eve", "Book I: The Coming · II: The Star", "Book II: The Earth · I: Under Foot"), "“T” has 3 chapters, by its headings."},
		{"books named by their ordinal after the", "book", doc("INTRODUCTION", "HIS FIRST BOOK", "THE FIRST BOOK", "THE SECOND BOOK", "APPENDIX"), "“T” has 2 books, by its headings."},
		{"epilogues named by their ordinal", "epilogue", doc("BOOK XV · CHAPTER I", "FIRST EPILOGUE: 1813 - 20 · CHAPTER I", "FIRST EPILOGUE: 1813 - 20 · CHAPTER II", "SECOND EPILOGUE · CHAPTER I"), "“T” has 2 epilogues, by its headings."},
		{"chapters numbered alone, an appendix's parts aside", "chapter", doc("Introduction", "I: Among Animals", "II: Among Savages", "III: Among Ourselves", "Appendix · I: Swarms", "Appendix · II: The Ants"), "“T” has 3 chapters, by its headings."},
		{"a title opening with a letter that is a roman number", "chapter", doc("INSCRIPTIONS", "L. of G.'s Purport.", "The Last Invocation"), ""},
		{"books over chapters numbered alone", "book", doc("Book I: The Coming · I: The Eve", "Book I: The Coming · II: The Star", "Book II: The Earth · I: Under Foot"), "“T” has 2 books, by its headings."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := partsNote(tt.d, tt.kind, nil, ""); got != tt.want {
				t.Errorf("partsNote = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOrOtherParts: where no heading names a part of the kind asked
// for, the note says so and what the headings do divide the text into.
func TestOrOtherParts(t *testing.T) {
	doc := func(sections ...corpus.Section) *corpus.Document {
		d := &corpus.Document{Title: "T"}
		for i, s := range sections {
			s.Number = i + 1
			d.Sections = append(d.Sections, s)
		}
		return d
	}
	titled := func(level int, titles ...string) []corpus.Section {
		var out []corpus.Section
		for _, title := range titles {
			out = append(out, corpus.Section{Title: title, Level: level})
		}
		return out
	}
	tests := []struct {
		name, kind string
		d          *corpus.Document
		want       string
	}{
		{"parts of the kind", "chapter", doc(titled(2, "CHAPTER I", "CHAPTER II")...), "“T” has 2 chapters, by its headings."},
		{"other kinds", "chapter", doc(titled(3, "ACT I · SCENE I", "ACT I · SCENE II", "ACT II · SCENE I")...), "“T” has no chapters by its headings; they name 2 acts and 3 scenes."},
		{"other kinds among more", "chapter", doc(titled(2, "LETTER I", "A SPEECH", "AN ADDRESS", "A POEM")...), "“T” has no chapters by its headings; they name 1 letter among its 4 headed parts."},
		{"titles alone", "chapter", doc(titled(3, "Economy", "Sounds", "Solitude")...), "“T” has no chapters by its headings, which divide it into 3 parts: Economy; Sounds; Solitude."},
		{"the highest level of two or more", "chapter", doc(slices.Concat(titled(1, "Guide"), titled(2, "Guide · Install"), titled(3, "Install · On Linux"), titled(2, "Guide · Use"))...), "“T” has no chapters by its headings, which divide it into 2 parts: Install; Use."},
		{"no headings", "chapter", doc(titled(2, "Preface")...), "“T” has no chapters by its headings, nor any headings that divide it."},
		{"sections are Lectern's", "section", doc(titled(3, "Economy", "Sounds")...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := orOtherParts(partsNote(tt.d, tt.kind, nil, ""), tt.d, tt.kind); got != tt.want {
				t.Errorf("orOtherParts = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPartsListShowsTheFirst(t *testing.T) {
	d := &corpus.Document{Title: "T"}
	for i := 1; i <= maxListedParts+2; i++ {
		d.Sections = append(d.Sections, corpus.Section{Title: fmt.Sprintf("CHAPTER %d", i)})
	}
	got := partsList(d, "chapter")
	if want := fmt.Sprintf("“T” has %d chapters, by its headings: CHAPTER 1; CHAPTER 2;", maxListedParts+2); !strings.HasPrefix(got, want) {
		t.Errorf("partsList = %q, want it to open %q", got, want)
	}
	if want := fmt.Sprintf("CHAPTER %d; and 2 more.", maxListedParts); !strings.HasSuffix(got, want) {
		t.Errorf("partsList = %q, want it to end %q", got, want)
	}
}

// TestNoteOfLength: "How long is the book?" is answered by a note of its
// words, pages and chapters, of the one text a question names or of every
// text; a question of how long something in the text is gets none.
func TestNoteOfLength(t *testing.T) {
	short := "CHAPTER I\n\nOne two three.\n\nCHAPTER II\n\nFour five.\n\nCHAPTER III\n\nSix came last.\n"
	paged := "The mill stood by the river.\n\f\nThe baker came at noon.\n"
	one := parsedIndex(t, "book.txt", short)
	wantNotes(t, one, []noteCase{
		{"How long is the book?", "“book” is 8 words long, in 3 chapters by its headings."},
		{"how many words are in this novel", "“book” is 8 words long, in 3 chapters by its headings."},
		{"What is the length of the book?", "“book” is 8 words long, in 3 chapters by its headings."},
		{"How many pages does it have?", "“book” is 8 words long, in 3 chapters by its headings."},
		{"How long is the river?", ""},
		{"How long did the baker wait?", ""},
	})
	two := docIndex(t, titledDoc(t, "short.txt", short, "The Short Book"), titledDoc(t, "mill.txt", paged, "The Mill"))
	wantNotes(t, two, []noteCase{
		{"How long is The Mill?", "“The Mill” is 11 words long, on 2 pages."},
		{"How many words are there?", "The 2 texts are 19 words long in all: “The Short Book” 8; “The Mill” 11."},
		{"How long is the orchard?", ""},
	})
	voyage := docIndex(t, titledDoc(t, "voyage.txt", short, "The Voyage of the Beagle"))
	wantNotes(t, voyage, []noteCase{
		{"How long is the voyage?", ""},
		{"How long is the Voyage of the Beagle?", "“The Voyage of the Beagle” is 8 words long, in 3 chapters by its headings."},
	})
}

func TestGroupedDigits(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {69371, "69,371"}, {1746951, "1,746,951"}}
	for _, tt := range tests {
		if got := groupedDigits(tt.n); got != tt.want {
			t.Errorf("groupedDigits(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// noteCase is a question and the note it gets, "" for none.
type noteCase struct{ question, want string }

// wantNotes checks the note ix gives each question.
func wantNotes(t *testing.T, ix *Index, tests []noteCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := ix.Note(tt.question); got != tt.want {
				t.Errorf("Note(%q) = %q, want %q", tt.question, got, tt.want)
			}
		})
	}
}
