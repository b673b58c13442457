package retrieval

import (
	"context"
	"strings"
	"testing"
)

// meditations numbers its paragraphs within each book, as the
// Meditations do.
const meditations = `THE FIRST BOOK

I. Of my grandfather I learned to be gentle, and to refrain from anger.

II. Of my mother I learned to be religious and bountiful, and to live
simply. Of my tutor I learned to endure labour.

III. Of my brother I learned to love the truth.

THE SECOND BOOK

I. Remember how long you have put off these things. Say to yourself in
the morning that you will meet the busy and the ungrateful.

II. Be careful to do whatever you are about with gravity and justice.

III. Do not wander: the time is short.
`

func TestAskNumberedParagraph(t *testing.T) {
	ix := parsedIndex(t, "meditations.txt", meditations)
	tests := []firstQuote{
		{"What does the first book say in section 3?", "III. Of my brother"},
		{"What is in book II, paragraph 2?", "II. Be careful"},
		{"In the second book, section 1, what should one say in the morning?", "Say to yourself in the morning"},
		{"What did he learn from his tutor, in book 1, section 2?", "Of my tutor I learned"},
	}
	checkFirstQuotesBegin(t, ix, tests)
	q := ix.analyse("What is in book 3, section 1?")
	refs, _ := questionRefs("What is in book 3, section 1?")
	if _, _, ok := ix.numberedParagraph(refs, &q); ok {
		t.Error("found a paragraph in a book the text lacks")
	}
}

func TestRomanNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL", 1994: "MCMXCIV"} {
		if got := romanNumeral(n); got != want || romanValue(strings.ToLower(got)) != n {
			t.Errorf("romanNumeral(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestAskProvision: "Article II, Section 1" finds the provision labelled
// "SEC. 1." in the article, where only articles are titles.
func TestAskProvision(t *testing.T) {
	ix := parsedIndex(t, "constitution.txt", `ARTICLE I

SECTION 1. All political power is vested in and derived from the people.

SEC. 2. The people have the right to assemble and to petition.

ARTICLE II

SECTION 1. The legislative authority shall be vested in two branches.

SEC. 2. The Senate shall be composed of fifty Senators, and the people shall elect them.
`)
	rs, err := ix.Ask(context.Background(), "What does Article II, Section 2 say?", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 || !strings.HasPrefix(rs[0].Quote.Text, "SEC. 2. The Senate") {
		t.Errorf("results %+v, want Article II's second section", rs)
	}
}

// firstQuote is a question whose first quote begins with want.
type firstQuote struct{ question, want string }

// checkFirstQuotesBegin asks each question and checks how its first
// quote begins.
func checkFirstQuotesBegin(t *testing.T, ix *Index, tests []firstQuote) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 2)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || !strings.HasPrefix(rs[0].Quote.Text, tt.want) {
				t.Errorf("results %+v, want the first beginning %q", rs, tt.want)
			}
		})
	}
}

// TestTitledSectionIsNoLabel: where sections are titled "Section 2", a
// numbered list item "2." elsewhere in the article is not taken for it.
func TestTitledSectionIsNoLabel(t *testing.T) {
	ix := parsedIndex(t, "constitution.txt", `ARTICLE I

Section 1

All legislative powers shall be vested in a Congress. Its powers are these:

1. To lay and collect taxes.

2. To borrow money on the credit of the nation.

Section 2

The House of Representatives shall be composed of members chosen every second year.
`)
	q := ix.analyse("What does Article I, Section 2 say?")
	refs, _ := questionRefs("What does Article I, Section 2 say?")
	if doc, sent, ok := ix.numberedParagraph(refs, &q); ok {
		t.Errorf("took sentence %d of document %d for the titled Section 2", sent, doc)
	}
}
