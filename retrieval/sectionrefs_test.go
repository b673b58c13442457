package retrieval

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestSectionRefs reads the parts titles and questions name; a year alone
// counts in a question (questionRefs), not in a title.
func TestSectionRefs(t *testing.T) {
	tests := []struct {
		text, rest string
		want       []sectionRef
		question   bool
	}{
		{"In chapter 3, what did Miss Watson say about prayer?", "In , what did Miss Watson say about prayer?", []sectionRef{{"chapter", 3}}, false},
		{"What happens in Act II, Scene iv?", "What happens in ?", []sectionRef{{"act", 2}, {"scene", 4}}, false},
		{"What happens in chapter 3 of book 1?", "What happens in ?", []sectionRef{{"chapter", 3}, {"book", 1}}, false},
		{"Summarize the first chapter of the second book", "Summarize", []sectionRef{{"chapter", 1}, {"book", 2}}, false},
		{"How does the last chapter in book 2 end?", "How does end?", []sectionRef{{"book", 2}, {"chapter", lastPart}}, false},
		{"Compare chapter 3 and chapter 4", "Compare and", []sectionRef{{"chapter", 3}, {"chapter", 4}}, false},
		{"What does Madison argue in Federalist No. 10?", "What does Madison argue in ?", []sectionRef{{"paper", 10}}, false},
		{"In the third chapter, who arrives?", "In , who arrives?", []sectionRef{{"chapter", 3}}, false},
		{"BOOK ONE: 1805 · CHAPTER XII", ": 1805 ·", []sectionRef{{"book", 1}, {"chapter", 12}}, false},
		{"What does Sonnet 18 compare the beloved to?", "What does compare the beloved to?", []sectionRef{{"sonnet", 18}}, false},
		{"ADVENTURE II: THE RED-HEADED LEAGUE", ": THE RED-HEADED LEAGUE", []sectionRef{{"adventure", 2}}, false},
		{"What did the book say?", "What did the book say?", nil, false},
		{"Why did the act pass in 1862?", "Why did the act pass in 1862?", nil, false},
		{"Why was Pooter late on April 11?", "Why was Pooter late on ?", []sectionRef{{"month", 4}, {"day", 11}}, false},
		{"What was named in May 1940?", "What was named in ?", []sectionRef{{"month", 5}, {"year", 1940}}, false},
		{"October 22,1933", "", []sectionRef{{"month", 10}, {"day", 22}, {"year", 1933}}, false},
		{"Whom did he meet on the 3rd of Sept.?", "Whom did he meet on the ?", []sectionRef{{"month", 9}, {"day", 3}}, false},
		{"14 August 1666", "", []sectionRef{{"month", 8}, {"day", 14}, {"year", 1666}}, false},
		{"What happened on the 14th?", "What happened ?", []sectionRef{{"day", 14}}, false},
		{"CHAPTER II · APRIL 8, Sunday", "· , Sunday", []sectionRef{{"chapter", 2}, {"month", 4}, {"day", 8}}, false},
		{"Why may the 12 may vote in March?", "Why may the 12 may vote in March?", nil, false},
		{"What did the 14th Amendment create?", "What did create?", []sectionRef{{"amendment", 14}}, false},
		{"What does the Second Amendment say?", "What does say?", []sectionRef{{"amendment", 2}}, false},
		{"Amendment XIX", "", []sectionRef{{"amendment", 19}}, false},
		{"What does § 2 define?", "What does define?", []sectionRef{{"section", 2}}, false},
		{"§3: Brewing", ": Brewing", []sectionRef{{"section", 3}}, false},
		{"In the nineteenth chapter, who dies?", "In , who dies?", []sectionRef{{"chapter", 19}}, false},
		{"What happens in the last chapter?", "What happens in ?", []sectionRef{{"chapter", lastPart}}, false},
		{"Who dies in the final act?", "Who dies in ?", []sectionRef{{"act", lastPart}}, false},
		{"Who came last?", "Who came last?", nil, false},
		{"What happened in 1917?", "What happened in 1917?", nil, false},
		{"What did he say about banks in 1933?", "What did he say about banks ?", []sectionRef{{"year", 1933}}, true},
		{"What did he say in May 1940?", "What did he say in ?", []sectionRef{{"month", 5}, {"year", 1940}}, true},
		{"Why did the act of 1862 pass?", "Why did the act of 1862 pass?", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			read := sectionRefs
			if tt.question {
				read = questionRefs
			}
			if refs, rest := read(tt.text); !slices.Equal(refs, tt.want) || rest != tt.rest {
				t.Errorf("refs = %v, %q; want %v, %q", refs, rest, tt.want, tt.rest)
			}
		})
	}
}

// TestTitleRefs reads the ordinals titles write after their kind, which a
// question's words never count as.
func TestTitleRefs(t *testing.T) {
	tests := []struct {
		title string
		want  []sectionRef
	}{
		{"VOLUME I: FANTINE · BOOK FIRST: A JUST MAN · CHAPTER II", []sectionRef{{"volume", 1}, {"chapter", 2}, {"book", 1}}},
		{"CHAPTER THE TWELFTH", []sectionRef{{"chapter", 12}}},
		{"The Second Part", []sectionRef{{"part", 2}}},
		{"III. ATTACK BY STRATAGEM", []sectionRef{{"chapter", 3}}},
		{"Book the First: Recalled to Life · II. The Mail", []sectionRef{{"book", 1}, {"chapter", 2}}},
		{"Book I: The Coming of the Martians · III: On Horsell Common", []sectionRef{{"book", 1}, {"chapter", 3}}},
		{"1805", nil},
		{"Amendment XIV", []sectionRef{{"amendment", 14}}},
		{"FOURTEENTH AMENDMENT: JULY 28, 1868", []sectionRef{{"month", 7}, {"day", 28}, {"year", 1868}}},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := titleRefs(tt.title); !slices.Equal(got, tt.want) {
				t.Errorf("titleRefs = %v, want %v", got, tt.want)
			}
		})
	}
	if refs, _ := questionRefs("Why was the book first published in Paris?"); refs != nil {
		t.Errorf("a question's \"book first\" was read as %v", refs)
	}
}

// TestAskWithinChapter: a question that names a chapter is answered from
// it, though another chapter holds its words more plainly; a chapter the
// text lacks, or one that holds nothing of the question, leaves the whole
// text to answer.
func TestAskWithinChapter(t *testing.T) {
	ix := parsedIndex(t, "book.txt", `CHAPTER I

The old miller ground the flour by the river every morning. The miller sang as the flour fell.

CHAPTER II

At noon the baker came for flour, and the miller weighed it out. Zebras never came to the mill.

CHAPTER III

In the evening the mill was quiet and the river ran on.
`)
	tests := []quotedFrom{
		{"What did the miller do with the flour?", "ground the flour", "CHAPTER I"},
		{"In chapter 2, what did the miller do with the flour?", "weighed it out", "CHAPTER II"},
		{"In chapter II, what did the miller do with the flour?", "weighed it out", "CHAPTER II"},
		{"In chapter 9, what did the miller do with the flour?", "ground the flour", "CHAPTER I"},
		{"What happens in chapter 3?", "In the evening", "CHAPTER III"},
		{"In chapter 3, what did the baker want?", "the baker came for flour", "CHAPTER II"},
	}
	checkFirstQuotes(t, ix, tests)
}

// twoBooks is a novel of two books of three chapters each.
const twoBooks = `BOOK I

CHAPTER I

The orchard lay white with blossom in April.

CHAPTER II

A traveller came up the lane with a pack of books.

CHAPTER III

The traveller slept in the hayloft. Nobody asked his name.

BOOK II

CHAPTER I

Winter shut the farm in snow for six weeks.

CHAPTER II

The well froze and the cattle were watered from the river.

CHAPTER III

The thaw came at last. The traveller left as he had come.
`

// TestAskPartOfPart: a chapter of a book is named either way round ("book
// 2, chapter 3", "chapter 3 of book 2"), and "the last chapter of book
// 1" is the last of that book's, not of the text's; an epilogue is
// numbered as War and Peace's are ("FIRST EPILOGUE"), a book as the
// Meditations' ("THE SECOND BOOK").
func TestAskPartOfPart(t *testing.T) {
	ix := parsedIndex(t, "novel.txt", twoBooks)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"What happens in chapter 2 of book 2?", "The well froze", "BOOK II · CHAPTER II"},
		{"What happens in book 2, chapter 2?", "The well froze", "BOOK II · CHAPTER II"},
		{"What happens in the last chapter of book 1?", "The traveller slept", "BOOK I · CHAPTER III"},
		{"Summarize the first chapter of the second book", "Winter shut the farm", "BOOK II · CHAPTER I"},
		{"How does the last chapter of the last book end?", "The traveller left as he had come", "BOOK II · CHAPTER III"},
		{"How does the last chapter end?", "The traveller left as he had come", "BOOK II · CHAPTER III"},
	})
	epilogues := parsedIndex(t, "novel.txt", `BOOK I

The war ended in the spring.

FIRST EPILOGUE

Seven years had passed.

SECOND EPILOGUE

History is the life of nations.
`)
	checkFirstQuotes(t, epilogues, []quotedFrom{
		{"How does the first epilogue begin?", "Seven years had passed", "FIRST EPILOGUE"},
		{"What is the second epilogue about?", "History is the life", "SECOND EPILOGUE"},
	})
	meditations := parsedIndex(t, "meditations.txt", `THE FIRST BOOK

Of my grandfather Verus I have learned to be gentle and meek.

THE SECOND BOOK

Remember how long thou hast already put off these things.

APPENDIX

The letters of Fronto follow here.
`)
	checkFirstQuotes(t, meditations, []quotedFrom{
		{"How does the last book end?", "Remember how long", "THE SECOND BOOK"},
	})
}

// TestAskCitedSection: in a text whose titles number no sections, "section
// 3" and "§3" are the sections as Lectern cites them.
func TestAskCitedSection(t *testing.T) {
	checkFirstQuotes(t, interview(t), []quotedFrom{
		{"How does section 3 begin?", "The Bolshevik Party differed", "How did its strengths and weaknesses affect the revolution?"},
		{"What is §3 about?", "The Bolshevik Party differed", "How did its strengths and weaknesses affect the revolution?"},
		{"In section 2, what happened to the soviets?", "soviets", "What happened to these soviets?"},
	})
}

// TestAskWhatPartIsAbout: "What is the second chapter about?" is
// answered by the chapter's synopsis, or its opening, not by a sentence
// of it that says "chapter"; "What is chapter 2 called?" so too, its
// citation giving the title.
func TestAskWhatPartIsAbout(t *testing.T) {
	ix := parsedIndex(t, "book.txt", `CHAPTER I. THE MILL.

 The miller--The river--The flour.

The old miller ground the flour by the river every morning.

CHAPTER II. THE BAKER.

 The baker--Noon at the mill--A quarrel.

At noon the baker came for flour. The baker said this second chapter of his life was hard.

CHAPTER III. THE EVENING.

In the evening the mill was quiet and the river ran on. The miller slept.
`)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"What is the second chapter about?", "Noon at the mill", "CHAPTER II: THE BAKER"},
		{"What does chapter 1 cover?", "The river", "CHAPTER I: THE MILL"},
		{"What is chapter III about?", "In the evening", "CHAPTER III: THE EVENING"},
		{"What does the baker say about the second chapter?", "second chapter of his life", "CHAPTER II: THE BAKER"},
		{"What is the title of chapter 3?", "In the evening", "CHAPTER III: THE EVENING"},
		{"What happens in the last chapter?", "In the evening", "CHAPTER III: THE EVENING"},
		{"In the final chapter, who slept?", "The miller slept", "CHAPTER III: THE EVENING"},
		{"What is chapter 2 called?", "The baker", "CHAPTER II: THE BAKER"},
	})
}

// TestAskAmendment: a constitution's amendments are its parts ("What
// does the Second Amendment say?"), however the question numbers them; a
// text that quotes an amendment under its title in words ("FOURTEENTH
// AMENDMENT.") answers from all it says of it.
func TestAskAmendment(t *testing.T) {
	ix := parsedIndex(t, "constitution.txt", `Preamble

We the People of the United States, in Order to form a more perfect Union, do ordain and establish this Constitution.

Article I

Section 1. All legislative Powers herein granted shall be vested in a Congress of the United States.

Section 2. The House of Representatives shall be composed of Members chosen every second Year by the People.

Amendment I

Congress shall make no law respecting an establishment of religion, or abridging the freedom of speech.

Amendment II

A well regulated Militia, being necessary to the security of a free State, the right of the people to keep and bear Arms, shall not be infringed.

Amendment XIX

The right of citizens of the United States to vote shall not be denied or abridged on account of sex.
`)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"What does the Second Amendment say?", "A well regulated Militia", "Amendment II"},
		{"What does the 19th Amendment say?", "on account of sex", "Amendment XIX"},
		{"What is in Amendment I?", "freedom of speech", "Amendment I"},
		{"What does the preamble say?", "more perfect Union", "Preamble"},
	})
	quoting := parsedIndex(t, "trial.txt", `THE CHARGE

The Court charged the jury at length on the law of the case, and the jury retired to consider it.

FOURTEENTH AMENDMENT.

Section 1. All persons born or naturalized in the United States are citizens of the United States.

THE VERDICT

The Court said that the Fourteenth Amendment gave no right to vote to women, and directed a verdict of guilty.
`)
	checkFirstQuotes(t, quoting, []quotedFrom{
		{"What did the court say the 14th Amendment gave women?", "gave no right to vote", "THE VERDICT"},
	})
}

// TestSectionsReferred: every part a question names must be numbered by
// the section's title, its book's included.
func TestSectionsReferred(t *testing.T) {
	var b strings.Builder
	for _, book := range []string{"ONE", "TWO"} {
		b.WriteString("BOOK " + book + "\n\n")
		for _, ch := range []string{"I", "II"} {
			b.WriteString("CHAPTER " + ch + "\n\nThe regiment marched on through the rain in book " + book + ", chapter " + ch + ".\n\n")
		}
	}
	ix := parsedIndex(t, "novel.txt", b.String())
	doc := ix.corpus.Documents[0]
	tests := []struct {
		question string
		want     []string
	}{
		{"In book 2, chapter 1, where did the regiment march?", []string{"BOOK TWO · CHAPTER I"}},
		{"In chapter 2, where did the regiment march?", []string{"BOOK ONE · CHAPTER II", "BOOK TWO · CHAPTER II"}},
		{"In chapter 2 of book two, chapter 2, where?", []string{"BOOK TWO · CHAPTER II"}},
		{"In book 3, where did the regiment march?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			refs, _ := sectionRefs(tt.question)
			var got []string
			for i, s := range doc.Sections {
				if ix.sectionsReferred(refs)[doc][i] {
					got = append(got, s.Title)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sections %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAskOnDate: a question that names a day is answered from that day's
// entry, and one naming a month and year from the address given then.
func TestAskOnDate(t *testing.T) {
	ix := parsedIndex(t, "diary.txt", `CHAPTER I

APRIL 3.—The grocer's boy brought the wrong bacon again, and I spoke to him sharply.

APRIL 4.—Carrie and I walked to the park. The grocer's boy brought the bacon late and I said nothing.

APRIL 5.—A quiet day. We dined at home on the bacon.

APRIL 6.—Gowing called in the evening and stayed too long.

APRIL 7.—Cummings brought his bicycle round to show us.

APRIL 8, Sunday.—Church in the morning; a walk with Carrie after.
`)
	tests := []quotedFrom{
		{"What did the grocer's boy bring?", "wrong bacon", "CHAPTER I · April 3"},
		{"What did the grocer's boy bring on April 4?", "bacon late", "CHAPTER I · April 4"},
		{"On the 4th, what did the grocer's boy bring?", "bacon late", "CHAPTER I · April 4"},
		{"What did the grocer's boy bring on April 9?", "wrong bacon", "CHAPTER I · April 3"},
		{"What became of the bacon on April 6?", "Gowing called", "CHAPTER I · April 6"},
	}
	checkFirstQuotes(t, ix, tests)
}

// quotedFrom is a question whose first quote holds want, from the section
// titled section.
type quotedFrom struct {
	question, want, section string
}

// checkFirstQuotes asks each question and checks its first quote.
func checkFirstQuotes(t *testing.T, ix *Index, tests []quotedFrom) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || !strings.Contains(rs[0].Quote.Text, tt.want) || rs[0].Section.Title != tt.section {
				t.Errorf("first quote %+v, want one with %q from %s", rs, tt.want, tt.section)
			}
		})
	}
}

// TestAskInYear: a question that names a year alone is answered from the
// addresses dated in it.
func TestAskInYear(t *testing.T) {
	var b strings.Builder
	for _, d := range []struct{ date, text string }{
		{"March 12, 1933", "The banks were closed, and the banks reopened."},
		{"May 7, 1933", "We have passed laws for the farms."},
		{"June 28, 1934", "The farms are recovering."},
		{"April 28, 1935", "Work relief has begun across the country."},
		{"May 26, 1940", "Our banks are sound now, and so are the farms, the mills, the railways, the schools and the roads of every state."},
		{"December 9, 1941", "We are now in this war."},
	} {
		b.WriteString(d.date + ".\n\nMy friends: " + d.text + " I thank you.\n\n")
	}
	ix := parsedIndex(t, "chats.txt", b.String())
	checkFirstQuotes(t, ix, []quotedFrom{
		{"What did he say about the banks?", "The banks were closed", "March 12, 1933"},
		{"What did he say about the banks in 1940?", "Our banks are sound", "May 26, 1940"},
	})
}

// TestAskSectionsOpenedByNumber: a constitution whose sections are
// titled by sidenotes numbers them in their first sentences ("SEC. 2.
// That all…"); "Article I, Section 2" and "the last section of Article
// I" are read from those, and the sections are counted. Two amendments a
// trial record quotes, each opening "Section 1.", number no sections.
func TestAskSectionsOpenedByNumber(t *testing.T) {
	ix := parsedIndex(t, "constitution.txt", `ARTICLE I.

DECLARATION OF RIGHTS.

[Sidenote: The equality and rights of men.]

SECTION 1. That we hold it to be self-evident that all men are created equal.

[Sidenote: Political power and government.]

SEC. 2. That all political power is vested in, and derived from, the people.

[Sidenote: Other rights of the people.]

SEC. 3. This enumeration of rights shall not be construed to impair others retained by the people.

ARTICLE II.

LEGISLATIVE DEPARTMENT.

[Sidenote: Two branches.]

SECTION 1. The legislative authority shall be vested in a Senate and a House of Representatives.

[Sidenote: Time of assembling.]

SEC. 2. The Senate and House of Representatives shall meet biennially in January.
`)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"What does Article I, Section 2 say?", "political power is vested", "ARTICLE I: DECLARATION OF RIGHTS · Political power and government"},
		{"What does section 2 of article 2 say?", "meet biennially", "ARTICLE II: LEGISLATIVE DEPARTMENT · Time of assembling"},
		{"What does the last section of Article I say?", "This enumeration of rights", "ARTICLE I: DECLARATION OF RIGHTS · Other rights of the people"},
		{"What is the last section of Article I?", "This enumeration of rights", "ARTICLE I: DECLARATION OF RIGHTS · Other rights of the people"},
	})
	if got, want := ix.Note("How many sections are there?"), "“constitution” has 5 sections, by its headings."; got != want {
		t.Errorf("Note(sections) = %q, want %q", got, want)
	}
	trial := parsedIndex(t, "trial.txt", `THE CHARGE

The Court charged the jury at length on the law of the case, and read the amendments to it.


THIRTEENTH AMENDMENT.

DECEMBER 18, 1865.

"1. Neither slavery nor involuntary servitude shall exist within the United States."


FOURTEENTH AMENDMENT.

JULY 28, 1868.

Section 1. "All persons born or naturalized in the United States are citizens of the United States."

Section 2. "Representatives shall be apportioned among the several States."


FIFTEENTH AMENDMENT.

Section 1. "The right of citizens of the United States to vote shall not be denied on account of race."


THE VERDICT

The jury was directed to find the defendant guilty.
`)
	if got := trial.Note("How many sections are there?"); got != "" {
		t.Errorf("Note(sections) of a trial quoting amendments = %q, want none", got)
	}
}
