package retrieval

import (
	"strings"
	"testing"
)

// TestNoteOfCharacters: "Who are the main characters?" ("How many
// characters are there?") is answered by how many speak and those who
// speak most in a dialogue, and by the names a story mentions most in
// one without speakers, titles ("the Emperor", "Messer Harris") no
// names, and a name after "Mr." counted though a stop stands before it.
func TestNoteOfCharacters(t *testing.T) {
	dialogue := parsedIndex(t, "dialogue.txt", "THE FIRST DIALOGUE\n\n"+strings.Repeat(
		"PHILONOUS. Good morrow, Hylas: I did not expect to find you abroad so early.\n\n"+
			"HYLAS. It is indeed something unusual.\n\n"+
			"PHILONOUS. It happens well, for the morning is fair.\n\n", 4)+
		"PHILONOUS. Then let us walk.\n")
	story := parsedIndex(t, "story.txt", strings.Repeat("The boat left from Kingston at noon, and George rowed while Harris steered. "+
		"Then George’s banjo came out, and Harris sang, and Montmorency barked at George. "+
		"Reading was dull, and we were reading the map in Oxford. "+
		"The Emperor spoke to Messer Harris, and the Pope blessed Monsieur George. Then Mr. Harris rowed.\n\n", 3))
	wantNotes(t, dialogue, []noteCase{
		{"Who are the main characters?", "“dialogue” has 2 speakers; those who speak most: Philonous (9 speeches), Hylas (4)."},
		{"list the characters", "“dialogue” has 2 speakers; those who speak most: Philonous (9 speeches), Hylas (4)."},
		{"How many characters are there?", "“dialogue” has 2 speakers; those who speak most: Philonous (9 speeches), Hylas (4)."},
		{"How many characters are in a line?", ""},
		{"Who are the characters in the orchard?", ""},
		{"Who are the main characters' friends?", ""},
	})
	want := "The names “story” mentions most (Lectern counts names; it cannot tell a person from a place): George (12 times), Harris (12), Montmorency (3)."
	wantNotes(t, story, []noteCase{
		{"Who are the main characters?", want},
		{"Who is the protagonist of the story?", want},
	})
}
