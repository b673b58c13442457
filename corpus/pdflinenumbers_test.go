package corpus

import (
	"strconv"
	"testing"
)

// TestLineNumbers finds the numbers a manuscript sets by its lines in
// the margin, counting up down the page, and nothing else: numbers
// within the text's width (a table's first column) and numbers in the
// margin that do not count up (an index's page references) are text.
func TestLineNumbers(t *testing.T) {
	page := func(numberLeft float64, number func(k int) int) []pdfRun {
		var runs []pdfRun
		for k := range 12 {
			top := 700 - 12*float64(k)
			n := strconv.Itoa(number(k))
			runs = append(runs,
				pdfRun{left: numberLeft, right: numberLeft + 6*float64(len(n)), top: top, bottom: top - 9, size: 10, text: n},
				pdfRun{left: 72, right: 520, top: top, bottom: top - 9, size: 10, text: "the text of a line of the manuscript runs on here"})
		}
		return runs
	}
	tests := []struct {
		name string
		runs []pdfRun
		want int
	}{
		{"numbered lines", page(50, func(k int) int { return 14 + k }), 12},
		{"numbers within the text", page(80, func(k int) int { return 14 + k }), 0},
		{"numbers that do not count up", page(50, func(k int) int { return []int{12, 7, 30, 2, 18, 5, 44, 9, 21, 3, 16, 8}[k] }), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(lineNumbers(tt.runs)); got != tt.want {
				t.Errorf("got %d line numbers, want %d", got, tt.want)
			}
		})
	}
}
