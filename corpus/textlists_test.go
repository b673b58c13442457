package corpus

import (
	"slices"
	"testing"
)

// TestTextLists reads each item of a list typed with hyphens or
// asterisks in a plain text as a paragraph of its own, without its
// marker, where the items had run into one sentence; a line that opens
// with a hyphen alone, and a divider of asterisks, stay as they were.
func TestTextLists(t *testing.T) {
	text := "Reading notes for March\n\nThemes:\n- Routine, and what it hides\n- Silence as news in a small village\n- The farmer as the village's conscience\n\n" +
		"Questions:\n* Why does the kettle stop?\n* What does the silence mean?\n\n* * *\n\n" +
		"The kettle boils every morning until the day it does not.\n\n- And nobody remembers a morning without it.\n"
	got := sentenceTexts(t, "notes.txt", text)
	want := []string{"Reading notes for March", "Themes:", "Routine, and what it hides", "Silence as news in a small village", "The farmer as the village's conscience",
		"Questions:", "Why does the kettle stop?", "What does the silence mean?",
		"The kettle boils every morning until the day it does not.", "- And nobody remembers a morning without it."}
	if !slices.Equal(got, want) {
		t.Errorf("got sentences %q, want %q", got, want)
	}
}
