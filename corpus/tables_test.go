package corpus

import (
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
	wantAmong(t, sentenceTexts(t, "climate.txt", text),
		"Latitude · Summer · Winter",
		"Tierra del Fuego · 53 38' S. · 50 · 33.08",
		"Dublin · 53 21' N. · 59.54 · 39.2",
		"Are the winters colder too?")
	d := wantSections(t, "climate.txt", text, []string{"climate"})
	if got := strings.Join(textsOf(d), "\n"); strings.Contains(got, "---") {
		t.Errorf("the table's rule is quoted: %q", got)
	}
}

// TestGridTables reads a table drawn with "+---+" borders and "|" bars, as
// Project Gutenberg's texts, pandoc and reStructuredText draw them, row
// by row: the lines between two borders are one row, each cell's lines
// joined, and no border is quoted; and a Markdown table typed into a
// text, a line a row.
func TestGridTables(t *testing.T) {
	congress := "The Congress was made up as follows:\n\n" +
		"  +---------------+----------------------------------------------------+\n" +
		"  | 100 delegates | Trade Unions                                       |\n" +
		"  +---------------+----------------------------------------------------+\n" +
		"  | 15 delegates  | Liberal Professions--Doctors, Lawyers,             |\n" +
		"  |               | Journalists, etc.                                  |\n" +
		"  +---------------+----------------------------------------------------+\n\n" +
		"_Cost of Food_\n\n" +
		"  +-------------+---------------+---------------+\n" +
		"  |             | August 1914   | _% Increase   |\n" +
		"  |             |               | since 1914_   |\n" +
		"  +=============+===============+===============+\n" +
		"  | Black bread | .02 1/2       |  .12          |\n" +
		"  | Beef        | .22           | 1.10          |\n" +
		"  | Veal        | .26           | 2.15          |\n" +
		"  | Pork        | .23           | 2.            |\n" +
		"  | Herring     | .06           |  .52          |\n" +
		"  +-------------+---------------+---------------+\n\n" +
		"Prices rose fourfold.\n"
	rows := []string{
		"100 delegates · Trade Unions",
		"15 delegates · Liberal Professions--Doctors, Lawyers, Journalists, etc.",
		"August 1914 · % Increase since 1914",
		"Black bread · .02 1/2 · .12",
		"Herring · .06 · .52",
		"Prices rose fourfold.",
	}
	feeding := "Feeding\n=======\n\n" +
		"+--------+--------------+-------------------+\n" +
		"| Month  | Feed         | Note              |\n" +
		"+========+==============+===================+\n" +
		"| March  | sugar syrup, | only when the     |\n" +
		"|        | one to one   | stores run low    |\n" +
		"+--------+--------------+-------------------+\n"
	pipes := "Feeding\n\nThe table gives the feed by month.\n\n" +
		"| Month | Feed |\n|-------|------|\n| March | sugar syrup |\n| April | pollen patties |\n\n" +
		"Bees need less in summer.\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"congress.txt", congress, rows},
		{"congress.md", congress, rows}, // pandoc's grid tables
		{"feeding.rst", feeding, []string{"March · sugar syrup, one to one · only when the stores run low"}},
		// Markdown's table typed into a text: bars and a rule, no borders.
		{"feeding.txt", pipes, []string{"Month · Feed", "April · pollen patties", "Bees need less in summer."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(t, tt.name, tt.text)
			wantAmong(t, got, tt.want...)
			for _, s := range got {
				if strings.ContainsAny(s, "+|") {
					t.Errorf("a border or bar is quoted: %q", s)
				}
			}
		})
	}
}
