package corpus

import (
	"slices"
	"strings"
	"testing"
)

// TestSpacedTables reads a table set out in spaces row by row, each row
// its cells joined, never as a heading over the rule under it; sentences
// that typewritten texts part by two spaces stay sentences.
func TestSpacedTables(t *testing.T) {
	text := "The following table gives the mean temperature of three places:--\n\n" +
		"                     Latitude    Summer   Winter\n" +
		"  ---------------------------------------------\n" +
		"  Tierra del Fuego   53 38' S.   50       33.08\n" +
		"  Dublin             53 21' N.   59.54    39.2\n\n" +
		"Hence the summers are colder.  Are the winters colder too?  Not at all.\n"
	got := sentenceTexts(t, "climate.txt", text)
	for _, want := range []string{
		"Latitude · Summer · Winter",
		"Tierra del Fuego · 53 38' S. · 50 · 33.08",
		"Dublin · 53 21' N. · 59.54 · 39.2",
		"Are the winters colder too?",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("got sentences %q, want %q among them", got, want)
		}
	}
	d := wantSections(t, "climate.txt", text, []string{"climate"})
	if got := strings.Join(textsOf(d), "\n"); strings.Contains(got, "---") {
		t.Errorf("the table's rule is quoted: %q", got)
	}
}

// TestContentsSetOutInSpaces reads a table of contents set out in
// columns as contents, not as a table: it ends at the first chapter it
// lists.
func TestContentsSetOutInSpaces(t *testing.T) {
	text := "THE KETTLE\n\nCONTENTS\n\n   CHAPTER I.     THE MORNING           1\n   CHAPTER II.    THE SILENCE          14\n   CHAPTER III.   THE FARMER           27\n\n\n" +
		"CHAPTER I.\n\nTHE MORNING\n\nThe kettle boiled at seven every morning, and the house woke to it.\n\n" +
		"CHAPTER II.\n\nTHE SILENCE\n\nOne morning the kettle did not boil, and the house slept until noon.\n\n" +
		"CHAPTER III.\n\nTHE FARMER\n\nThe farmer came up the lane to ask whether anyone had died.\n"
	wantSections(t, "kettle.txt", text, []string{"CHAPTER I: THE MORNING", "CHAPTER II: THE SILENCE", "CHAPTER III: THE FARMER"})
}
