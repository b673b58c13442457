package corpus

import (
	"fmt"
	"slices"
	"strings"
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

// TestDocumentSavedAsText reads a document saved as plain text (as Google
// Docs writes one): short titles over lists head them, also beside a
// named part ("Summary"), and the rule over the notes ends a paragraph
// rather than opening the first note's sentence.
func TestDocumentSavedAsText(t *testing.T) {
	text := "\ufeffReading Group Notes: The Kettle\r\n\r\nSummary\r\n\r\nThe kettle boils every morning until the day it does not, and the village takes its silence for a sign.[1]\r\n\r\n" +
		"Themes\r\n\r\n* Routine, and what it hides\r\n* Silence as news in a small village\r\n\r\n" +
		"Questions\r\n\r\n* Why does the kettle stop?\r\n* What does the silence mean?\r\n\r\n________________\r\n[1] The narrator calls it the loudest morning in forty years.\r\n"
	d := wantSections(t, "notes.txt", text, []string{"Summary", "Themes", "Questions"})
	if got := textsOf(d); !slices.Contains(got, "The narrator calls it the loudest morning in forty years.") {
		t.Errorf("got sentences %q, want the note's sentence without the rule", got)
	}
}

// TestCookbook reads recipes typed as a cookbook: each recipe's title
// heads its part, and "Ingredients" and "Method", which every recipe
// repeats over its list, head sections within it rather than being taken
// for a signature; the lists are not a title page.
func TestCookbook(t *testing.T) {
	var b strings.Builder
	b.WriteString("THE KETTLE CLUB COOKBOOK\n\n")
	for _, r := range []struct{ title, ingredient, step string }{
		{"Lemon Drizzle Cake", "225g butter", "Bake for 45 minutes."},
		{"Scones", "350g self-raising flour", "Bake for 10 minutes."},
		{"Rock Cakes", "75g currants", "Bake for 15 minutes."},
	} {
		fmt.Fprintf(&b, "%s\n\nIngredients\n- %s\n- 2 eggs\n\nMethod\n1. Heat the oven to 200C.\n2. Mix everything together.\n3. %s\n\n", r.title, r.ingredient, r.step)
	}
	wantSections(t, "cookbook.txt", b.String(), []string{
		"Lemon Drizzle Cake · Ingredients", "Lemon Drizzle Cake · Method", "Scones · Ingredients", "Scones · Method",
		"Rock Cakes · Ingredients", "Rock Cakes · Method",
	})
}

// TestOneLineParagraphIsNoTitle keeps a book's one-line paragraph ("Then
// one day") text beside its named parts: beside them, short titles head
// sections only as several.
func TestOneLineParagraphIsNoTitle(t *testing.T) {
	text := "THE KETTLE\n\nPREFACE\n\nThis little book was written in the winter of 1890, when the author had nothing better to do than to listen to the kettle.\n\n\n" +
		"The kettle boiled at seven every morning, and the house woke to it. Nobody in the house remembered a morning without it.\n\n" +
		"Then one day\n\nThe kettle did not boil. The house slept until noon, and the farmer came up the lane to ask whether anyone had died.\n"
	wantSections(t, "kettle.txt", text, []string{"PREFACE"})
}
