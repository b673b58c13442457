package corpus

import (
	"strings"
	"testing"
)

// TestStarBoxes reads a box drawn with asterisks, as a licence sets its
// disclaimer apart, as the text inside it: its underlined title heads a
// section and no asterisk reaches a sentence.
func TestStarBoxes(t *testing.T) {
	rule := strings.Repeat("*", 40)
	boxed := func(s string) string { return "*  " + s + strings.Repeat(" ", 35-len(s)) + "*" }
	text := "1. Definitions\n--------------\n\nThe Kettle is the program.\n\n" +
		"2. Grant\n--------\n\nYou may run the Kettle.\n\n" + rule + "\n" + boxed("") + "\n" +
		boxed("3. Disclaimer of Warranty") + "\n" + boxed("-------------------------") + "\n" + boxed("") + "\n" +
		boxed("The Kettle is provided as it is,") + "\n" + boxed("without warranty of any kind.") + "\n" + boxed("") + "\n" + rule + "\n\n" +
		"4. Termination\n--------------\n\nYour rights end when you sell it.\n"
	d := wantSections(t, "licence.txt", text, []string{"1. Definitions", "2. Grant", "3. Disclaimer of Warranty", "4. Termination"})
	for i := range d.SentenceCount() {
		if s := d.Sentence(i).Text; strings.Contains(s, "*") {
			t.Errorf("sentence %q holds the box's asterisks", s)
		}
	}
	if got, want := d.Sentence(d.Sections[2].FirstSentence).Text, "The Kettle is provided as it is, without warranty of any kind."; got != want {
		t.Errorf("the boxed section opens with %q, want %q", got, want)
	}
}
