package corpus

import "testing"

// TestLinesSay finds an outline entry's heading among a page's lines:
// the lines that say its title, after a label or not, and not a line of
// text or code that ends in a number over it.
func TestLinesSay(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		title   string
		k       int
		end     int
		matches bool
	}{
		{"the title", []string{"In Function Definitions"}, "In Function Definitions", 0, 1, true},
		{"over two lines", []string{"Some Metaphysical", "Problems Pragmatically", "Considered"}, "Some Metaphysical Problems Pragmatically Considered", 0, 3, true},
		{"after a label line", []string{"Lecture III", "Some Metaphysical Problems"}, "Some Metaphysical Problems", 0, 2, true},
		{"a numbered heading", []string{"1.1.7 How to leave the command prompt"}, "How to leave the command prompt", 0, 1, true},
		{"a title and its number", []string{"I", "The Eve of the War"}, "I: The Eve of the War", 0, 2, true},
		{"a note's last line", []string{"Brehm, vol. iii. (p. 219):", "IV Sociability of Animals"}, "IV: Sociability of Animals", 0, 0, false},
		{"a command ending in a number", []string{"# chvt 3", "1.1.7 How to leave the command prompt"}, "How to leave the command prompt", 0, 0, false},
		{"other words", []string{"The Eve of the Battle"}, "The Eve of the War", 0, 0, false},
		{"too many lines", []string{"A", "B", "C", "D", "E"}, "A B C D E", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var page []pdfLine
			for _, l := range tt.lines {
				page = append(page, pdfLine{text: l})
			}
			end, ok := linesSay(page, tt.k, foldedWords(tt.title))
			if ok != tt.matches || (ok && end != tt.end) {
				t.Errorf("linesSay = %d, %v; want %d, %v", end, ok, tt.end, tt.matches)
			}
		})
	}
}
