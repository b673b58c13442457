package retrieval

import "testing"

func TestReadMention(t *testing.T) {
	tests := []struct {
		text string
		term string
		last bool
		ok   bool
	}{
		{"Where is Kornilov first mentioned?", "Kornilov", false, true},
		{"When does Kerensky first appear?", "Kerensky", false, true},
		{"Where is the Winter Palace mentioned for the first time?", "Winter Palace", false, true},
		{"first mention of Kornilov", "Kornilov", false, true},
		{"When is Lenin last mentioned?", "Lenin", true, true},
		{"What is the last appearance of the ghost?", "ghost", true, true},
		{"When did the plague first appear?", "", false, false},
		{"When did the plague first appear in Europe?", "", false, false},
		{"Who was mentioned first?", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			term, last, ok := readMention(tt.text)
			if term != tt.term || last != tt.last || ok != tt.ok {
				t.Errorf("readMention(%q) = %q, %v, %v; want %q, %v, %v", tt.text, term, last, ok, tt.term, tt.last, tt.ok)
			}
		})
	}
}

// TestAskFirstMention: "Where is the mill first mentioned?" quotes the
// first sentence holding "mill", in the text's order, not the one that
// says most of it; "last" the last.
func TestAskFirstMention(t *testing.T) {
	ix := parsedIndex(t, "book.txt", `CHAPTER I. THE RIVER.

The river ran past the village. A boy fished there, and beyond the bend stood a mill.

CHAPTER II. THE MILL.

The mill was old. The mill ground flour for the village, and the mill wheel turned day and night. The miller loved the mill.

CHAPTER III. THE NIGHT.

At night the mill was quiet.
`)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"Where is the mill first mentioned?", "beyond the bend stood a mill", "CHAPTER I: THE RIVER"},
		{"When is the mill last mentioned?", "At night the mill was quiet", "CHAPTER III: THE NIGHT"},
	})
}
