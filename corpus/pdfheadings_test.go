package corpus

import (
	"slices"
	"strings"
	"testing"
)

// TestStackedPDFHeadings reads a title, an act and a scene set one under
// the other in falling sizes (a play printed from a web page) as the
// document's title and two headings, where they had been joined as one
// title; a label over its title ("Lecture III" / "Some Metaphysical
// Problems") stays one; a running head with its page's number, or a
// part a book names ("Introduction"), is no title.
func TestStackedPDFHeadings(t *testing.T) {
	tests := []struct {
		name  string
		heads []pdfLine
		title string
		want  []string
	}{
		{"stacked", []pdfLine{{size: 24, text: "THE TRAGEDY OF HAMLET"}, {size: 18, text: "ACT I"}, {size: 14, text: "SCENE I. Elsinore. A platform before the Castle."}},
			"THE TRAGEDY OF HAMLET", []string{"ACT I", "SCENE I. Elsinore. A platform before the Castle."}},
		{"running head", []pdfLine{{size: 14, text: "18 PRAGMATISM"}}, "", []string{"18 PRAGMATISM"}},
		{"named part", []pdfLine{{size: 18, text: "Introduction"}}, "", []string{"Introduction"}},
		{"label over title", []pdfLine{{size: 18, text: "Lecture III"}, {size: 14, text: "Some Metaphysical Problems"}},
			"", []string{"Lecture III: Some Metaphysical Problems"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var page []pdfLine
			top := 50.0
			add := func(l pdfLine) {
				l.left, l.right, l.top, l.bottom = 72, 72+float64(len(l.text))*l.size/2, top, top+l.size
				top += l.size * 1.3
				page = append(page, l)
			}
			for _, h := range tt.heads {
				add(h)
			}
			for range 6 {
				add(pdfLine{size: 10, text: "Who is there? Nay, answer me: stand, and unfold yourself, for the night is cold."})
			}
			l := &pdfLayout{pages: []pdfPage{{width: 612, height: 792}}, body: 10, vocab: map[string]int{}, leading: 13}
			l.build([][]pdfLine{page})
			var got []string
			for _, b := range l.x.blocks {
				if b.kind == xHeading {
					var parts []string
					for _, i := range b.lines {
						parts = append(parts, l.x.text[i])
					}
					got = append(got, strings.Join(parts, " "))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got headings %q, want %q", got, tt.want)
			}
			if l.x.title != tt.title {
				t.Errorf("got title %q, want %q", l.x.title, tt.title)
			}
		})
	}
}
