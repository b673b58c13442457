package corpus

import (
	"strings"
	"testing"
)

// TestKindleClippings reads a Kindle's "My Clippings.txt" a clipping to
// a section, titled by its book and page (or location), a reader's note
// marked so; the lines of details are not quoted.
func TestKindleClippings(t *testing.T) {
	text := "\ufeffThe Kettle (Ruth Okafor)\r\n- Your Highlight on page 12 | Location 180-182 | Added on Monday, 3 March 2025 10:04:11\r\n\r\n" +
		"The kettle boiled at seven every morning, and the house woke to it.\r\n==========\r\n" +
		"The Kettle (Ruth Okafor)\r\n- Your Note on page 12 | Location 182 | Added on Monday, 3 March 2025 10:05:40\r\n\r\n" +
		"This is the routine the whole book breaks.\r\n==========\r\n" +
		"Middlemarch (George Eliot)\r\n- Your Highlight at location 45-47 | Added on Tuesday, 4 March 2025 21:14:02\r\n\r\n" +
		"Miss Brooke had that kind of beauty which seems to be thrown into relief by poor dress.\r\n==========\r\n"
	d := wantSections(t, "My Clippings.txt", text, []string{
		"The Kettle (Ruth Okafor) · p. 12", "The Kettle (Ruth Okafor) · p. 12 · note", "Middlemarch (George Eliot) · loc. 45-47",
	})
	for _, s := range textsOf(d) {
		if strings.Contains(s, "Added on") || strings.Contains(s, "==") {
			t.Errorf("got sentence %q, want the details and separators left out", s)
		}
	}
}
