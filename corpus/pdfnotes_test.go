package corpus

import (
	"strings"
	"testing"
)

// TestFootnotesApart reads small type at a page's foot as its notes
// where a mark opens them, or, where none does (an OCR'd page reads a
// raised "1" as "'"), where they stand apart from the text above them
// and say something: an epigraph's attribution or small type set close
// under the text is no note.
func TestFootnotesApart(t *testing.T) {
	tests := []struct {
		name  string
		notes []string
		gap   float64 // space between the last line of text and the first note line, in points
		want  int     // notes found
	}{
		{"unmarked, apart", []string{"'Translated in the Revue Philosophique for January, 1879 (vol. VII)."}, 12, 1},
		{"marked, close", []string{"1 Translated in the Revue Philosophique for January, 1879 (vol. VII)."}, 3, 1},
		{"unmarked, close", []string{"Translated in the Revue Philosophique for January, 1879 (vol. VII)."}, 3, 0},
		{"attribution, apart", []string{"Thomson."}, 12, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ls []pdfLine
			bottom := 700.0
			for range 12 {
				ls = append(ls, pdfLine{size: 9, top: bottom + 9, bottom: bottom, text: "Our conception of these effects, whether immediate or remote, is then for"})
				bottom -= 12
			}
			bottom -= tt.gap - 3 // lines of text stand 3 points apart
			for _, n := range tt.notes {
				ls = append(ls, pdfLine{size: 7, top: bottom + 7, bottom: bottom, text: n})
				if n, _ := splitNumber(n); n > 0 {
					ls[len(ls)-1].note = n
				}
				bottom -= 9
			}
			got := footnotes(ls, 9)
			if len(got) != tt.want {
				t.Fatalf("got %d notes, want %d", len(got), tt.want)
			}
			for _, l := range ls[len(ls)-len(tt.notes):] {
				if kept := l.text != ""; kept != (tt.want == 0) {
					t.Errorf("note line %q kept as text: %v, want %v", strings.Join(tt.notes, " "), kept, tt.want == 0)
				}
			}
		})
	}
}
