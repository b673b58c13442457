package corpus

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A manuscript under review numbers its lines in the margin (LaTeX's
// lineno, a preprint server's PDF, Word's line numbering): read with its
// lines, "14 A ship approaching…" would put a number into every line of
// every sentence. lineNumbers finds them on a page: numbers alone, set
// one under the other at one place outside the text, counting up down
// the page.

// Proportions of a page's line numbers.
const (
	lineNumbersMin   = 8   // at least this many on a page
	lineNumbersShare = 0.8 // of the pairs one under the other, at least this share count up
	lineNumberDigits = 4   // the most digits a line's number has
)

// lineNumbers returns the runs of a page that are its lines' numbers, by
// index into runs.
func lineNumbers(runs []pdfRun) map[int]bool {
	byEdge := map[float64][]int{} // number runs by where they end (lineno sets them flush right)
	for i, r := range runs {
		t := strings.TrimSpace(r.text)
		if len(t) == 0 || len(t) > lineNumberDigits || strings.Trim(t, "0123456789") != "" {
			continue
		}
		edge := math.Round(r.right)
		byEdge[edge] = append(byEdge[edge], i)
	}
	var column []int
	for _, ix := range byEdge {
		if len(ix) > len(column) {
			column = ix
		}
	}
	if len(column) < lineNumbersMin || !outsideText(runs, column) || !numbersGrowDown(runs, column) {
		return nil
	}
	out := make(map[int]bool, len(column))
	for _, i := range column {
		out[i] = true
	}
	return out
}

// outsideText reports whether the runs of a column stand in a margin:
// left of where the page's other runs start, or right of where they end.
func outsideText(runs []pdfRun, column []int) bool {
	in := map[int]bool{}
	for _, i := range column {
		in[i] = true
	}
	left, right := math.Inf(1), math.Inf(-1)
	for i, r := range runs {
		if !in[i] {
			left, right = min(left, r.left), max(right, r.right)
		}
	}
	c := runs[column[0]]
	return c.right <= left || c.left >= right
}

// numbersGrowDown reports whether the numbers of a column grow down the page.
func numbersGrowDown(runs []pdfRun, column []int) bool {
	down := slices.Clone(column)
	slices.SortFunc(down, func(a, b int) int { return cmp.Compare(runs[b].top, runs[a].top) })
	up := 0
	for k := 1; k < len(down); k++ {
		prev, _ := strconv.Atoi(strings.TrimSpace(runs[down[k-1]].text))
		n, _ := strconv.Atoi(strings.TrimSpace(runs[down[k]].text))
		if n > prev {
			up++
		}
	}
	return float64(up) >= lineNumbersShare*float64(len(down)-1)
}
