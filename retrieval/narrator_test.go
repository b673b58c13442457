package retrieval

import (
	"testing"
)

// TestNarratorSentence: "Who is the narrator?" of a story told in the
// first person quotes where the narrator first speaks of themself in its
// first chapter: not the preface's "I" (its author's), not a speech in
// quotation marks, even one of several sentences, nor a chapter's
// synopsis; a story told in the third person gets none.
func TestNarratorSentence(t *testing.T) {
	first := parsedIndex(t, "story.txt", "PREFACE\n\nI wrote this book in a hurry, and I am sorry for it.\n\n"+
		"CHAPTER I\n\n"+
		"Three friends.—We agree to go.—A boat is hired.—The dog objects.\n\n"+
		"“Well, George,” said Harris. “I think we should go. I have said so before.”\n\n"+
		"The boat was ready at noon. Harris rowed, and George steered, and the dog slept while I watched the bank.\n")
	third := parsedIndex(t, "novel.txt", "CHAPTER I\n\n“I will not go,” said Anna. “I never go.”\n\nThe prince smiled and left the room. He was tired.\n\n"+
		"I. The prince was tired.\n\nII. The prince left.\n")
	tests := []struct {
		ix       *Index
		question string
		want     string
	}{
		{first, "Who is the narrator?", "Harris rowed, and George steered, and the dog slept while I watched the bank."},
		{first, "who narrates the story", "Harris rowed, and George steered, and the dog slept while I watched the bank."},
		{first, "Who is the narrator of the orchard?", ""},
		{first, "Who is Harris?", ""},
		{third, "Who is the narrator?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			doc, sent, ok := tt.ix.narratorSentence(tt.question)
			got := ""
			if ok {
				got = tt.ix.corpus.Documents[doc].Sentence(sent).Text
			}
			if got != tt.want {
				t.Errorf("narratorSentence(%q) = %q, want %q", tt.question, got, tt.want)
			}
		})
	}
	if got := firstResult(t, first, "Who is the narrator?").Quote.Text; got != tests[0].want {
		t.Errorf("first quote %q, want %q", got, tests[0].want)
	}
}
