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
