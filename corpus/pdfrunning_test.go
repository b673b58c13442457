package corpus

import (
	"fmt"
	"testing"
)

// TestRunningHeadFarIn drops a book's running head that its text block
// sets far in from the page's edge, above the band where heads are
// looked for ("2 CHAPTER 1. INTRODUCTION" an eighth of the way down a
// letter page, as pdflatex sets the LaTeXML manual), where it stands
// apart at the same place on page after page; a slide's title, set
// there larger than the text, stays.
func TestRunningHeadFarIn(t *testing.T) {
	tests := []struct {
		name     string
		headSize float64
		wantKept bool
	}{
		{"a running head in the body's type", 8.9, false},
		{"a slide's title", 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pages []pdfPage
			var lines [][]pdfLine
			for i := range 6 {
				pages = append(pages, pdfPage{number: i + 1, width: 612, height: 792})
				ls := []pdfLine{{page: i, top: 692.9, bottom: 692.9 - tt.headSize, size: tt.headSize, text: fmt.Sprintf("%d CHAPTER 1. INTRODUCTION", i+1)}}
				for k := range 20 {
					top := 665.0 - 12*float64(k)
					ls = append(ls, pdfLine{page: i, top: top, bottom: top - 8.9, size: 8.9, text: fmt.Sprintf("Line %d of page %d runs on as a book's lines do.", k, i+1)})
				}
				lines = append(lines, ls)
			}
			dropRunning(pages, lines)
			for i, ls := range lines {
				if kept := ls[0].text != "Line 0 of page "+fmt.Sprint(i+1)+" runs on as a book's lines do."; kept != tt.wantKept {
					t.Errorf("page %d: first line %q; the head kept %v, want %v", i+1, ls[0].text, kept, tt.wantKept)
				}
			}
		})
	}
}
