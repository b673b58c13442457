package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestFindGutter checks which pages read as two columns: text on both
// sides of a gutter does, and a page of one column, a table of contents
// (titles, then page numbers far right) and verse numbered at the right
// margin do not.
func TestFindGutter(t *testing.T) {
	line := func(left, right, bottom float64, text string) pdfRun {
		return pdfRun{left: left, right: right, bottom: bottom, top: bottom + 10, size: 10, text: text}
	}
	prose := strings.Repeat("word ", 8)
	lines := func(n int, each func(k int, bottom float64) []pdfRun) []pdfRun {
		var out []pdfRun
		for k := range n {
			out = append(out, each(k, 700-12*float64(k))...)
		}
		return out
	}
	tests := []struct {
		name string
		runs []pdfRun
		want bool
	}{
		{"two columns", lines(20, func(_ int, y float64) []pdfRun {
			return []pdfRun{line(72, 290, y, prose), line(318, 540, y, prose)}
		}), true},
		{"two columns under a title across both", append(lines(20, func(_ int, y float64) []pdfRun {
			return []pdfRun{line(72, 290, y, prose), line(318, 540, y, prose)}
		}), line(150, 460, 740, "A Title Over Both Columns")), true},
		{"a short right column", lines(20, func(k int, y float64) []pdfRun {
			if k < 5 {
				return []pdfRun{line(72, 290, y, prose), line(318, 540, y, prose)}
			}
			return []pdfRun{line(72, 290, y, prose)}
		}), true},
		{"one column", lines(20, func(_ int, y float64) []pdfRun {
			return []pdfRun{line(72, 540, y, prose+prose)}
		}), false},
		{"a table of contents", lines(20, func(k int, y float64) []pdfRun {
			return []pdfRun{line(72, 300, y, "Chapter "+fmt.Sprint(k+1)+": A Title"), line(530, 540, y, fmt.Sprint(10*k+1))}
		}), false},
		{"verse numbered at the margin", lines(20, func(k int, y float64) []pdfRun {
			runs := []pdfRun{line(72, 260, y, "And the verse goes on its way")}
			if k%5 == 4 {
				runs = append(runs, line(530, 540, y, fmt.Sprint(k+1)))
			}
			return runs
		}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, got := findGutter(tt.runs)
			if got != tt.want {
				t.Errorf("two columns: got %v (gutter %v), want %v", got, g, tt.want)
			}
		})
	}
}

// TestColumnLinesOrder checks the reading order of a page in two
// columns: the title across both, the left column, the right one, then
// the note across both at the foot.
func TestColumnLinesOrder(t *testing.T) {
	run := func(left, right, bottom float64, text string) pdfRun {
		return pdfRun{left: left, right: right, bottom: bottom, top: bottom + 10, size: 10, text: text}
	}
	runs := []pdfRun{run(150, 460, 740, "Title")}
	for k := range 6 {
		y := 700 - 12*float64(k)
		runs = append(runs, run(72, 290, y, fmt.Sprintf("left %d", k)), run(318, 540, y, fmt.Sprintf("right %d", k)))
	}
	runs = append(runs, run(72, 400, 60, "A note across the foot"))
	g, ok := findGutter(runs)
	if !ok {
		t.Fatal("no gutter found")
	}
	var got []string
	for _, l := range columnLines(runs, g, 0) {
		got = append(got, l.text)
	}
	want := "Title|left 0|left 1|left 2|left 3|left 4|left 5|right 0|right 1|right 2|right 3|right 4|right 5|A note across the foot"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// TestPDFBullets lays out a slide: its points, each opening with a
// bullet and none ending a sentence, are paragraphs of their own, read
// without their bullets.
func TestPDFBullets(t *testing.T) {
	run := func(left, bottom, size float64, text string) pdfRun {
		return pdfRun{left: left, right: left + float64(len(text))*size*0.5, bottom: bottom, top: bottom + size, size: size, text: text}
	}
	page := pdfPage{number: 1, width: 960, height: 540, runs: []pdfRun{
		run(60, 440, 40, "Condensation"),
		run(60, 380, 24, "• Cooling vapour condenses into tiny droplets"),
		run(60, 340, 24, "• Droplets gather around dust to form clouds"),
		run(60, 300, 24, "• Fog is a cloud at ground level"),
	}}
	x, err := layOut([]pdfPage{page}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range x.blocks {
		if b.kind == xParagraph {
			var lines []string
			for _, i := range b.lines {
				lines = append(lines, x.text[i])
			}
			got = append(got, strings.Join(lines, " / "))
		}
	}
	want := []string{"Cooling vapour condenses into tiny droplets", "Droplets gather around dust to form clouds", "Fog is a cloud at ground level"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}
