package corpus

import (
	"math"
	"slices"
	"sort"
)

// Pages set in two columns (most papers, many magazines and reprints):
// a line across the page would join a line of one column to the line
// beside it in the other. findGutter finds the space between the
// columns, and columnLines reads the left column before the right one
// between any lines that cross the gutter (a title over both columns,
// notes under both).

// Proportions of a two-column page.
const (
	gutterLow        = 0.3  // the gutter lies within the middle of the text's width:
	gutterHigh       = 0.7  // between these shares of it
	gutterMinWidth   = 0.5  // in font sizes
	gutterCrossShare = 0.15 // at most this share of the runs cross the gutter (titles, notes)
	columnMinRuns    = 4    // runs of text in each column, at least
	columnTextShare  = 0.1  // each column holds at least this share of the page's letters
	columnFill       = 0.5  // most of a column's lines fill at least this share of its width
	gutterStrays     = 2    // runs that may cross a gutter beyond the fewest: a page number, an overflowing line
	gutterStrayShare = 30   // or one run in this many
)

// gutterBand is the space between two columns, in points from the left.
type gutterBand struct{ lo, hi float64 }

// side is 1 for a run in the left column, 2 in the right one, and 0 for
// one that crosses the gutter.
func (g gutterBand) side(r pdfRun) int {
	switch {
	case r.right <= g.lo:
		return 1
	case r.left >= g.hi:
		return 2
	}
	return 0
}

// findGutter finds the gutter of a page set in two columns: a band in
// the middle of the text that few runs cross, with columns of text on
// both sides of it. A table of contents (titles, then page numbers far
// right) and verse with line numbers are not columns: one side holds
// little text.
func findGutter(runs []pdfRun) (gutterBand, bool) {
	if len(runs) < 2*columnMinRuns {
		return gutterBand{}, false
	}
	left, right, size := math.Inf(1), math.Inf(-1), medianSize(runs)
	for _, r := range runs {
		left, right = min(left, r.left), max(right, r.right)
	}
	width := right - left
	crossing := func(x float64) int {
		n := 0
		for _, r := range runs {
			if r.left < x && x < r.right && !r.mono { // code may run over the gutter
				n++
			}
		}
		return n
	}
	bestX, best := 0.0, len(runs)+1
	for x := math.Ceil(left + gutterLow*width); x <= left+gutterHigh*width; x++ {
		if n := crossing(x); n < best {
			bestX, best = x, n
		}
	}
	if float64(best) > gutterCrossShare*float64(len(runs)) {
		return gutterBand{}, false
	}
	// The gutter is where fewest runs cross; it is wide enough where few
	// more cross it than there: a page number at the foot, a line that
	// overflows its column, stand across a gutter here and there.
	widen := func(limit int) gutterBand {
		g := gutterBand{bestX, bestX}
		for g.lo-1 > left && crossing(g.lo-1) <= limit {
			g.lo--
		}
		for g.hi+1 < right && crossing(g.hi+1) <= limit {
			g.hi++
		}
		return g
	}
	g := widen(best)
	if wide := widen(best + max(gutterStrays, len(runs)/gutterStrayShare)); wide.hi-wide.lo < gutterMinWidth*size {
		return gutterBand{}, false
	}
	return g, isColumn(runs, g, 1, left, g.lo) && isColumn(runs, g, 2, g.hi, right)
}

// isColumn reports whether the runs on one side of a gutter, between
// from and to, are a column of text: several lines, a fair share of the
// page's letters, most lines filling most of its width.
func isColumn(runs []pdfRun, g gutterBand, side int, from, to float64) bool {
	letters, all, lines := 0, 0, 0
	extents := map[float64][2]float64{} // the text's extent on each baseline: a table's cells, a formula's parts are one line
	for _, r := range runs {
		n := countLetters(r.text)
		all += n
		if g.side(r) == side {
			letters += n
			lines++
			if !r.mono { // code's lines are as long as they are
				base := math.Round(r.bottom / 2)
				e, ok := extents[base]
				if !ok {
					e = [2]float64{r.left, r.right}
				}
				extents[base] = [2]float64{min(e[0], r.left), max(e[1], r.right)}
			}
		}
	}
	if lines < columnMinRuns || float64(letters) < columnTextShare*float64(all) {
		return false
	}
	if len(extents) == 0 {
		return true // a column of code
	}
	fill := make([]float64, 0, len(extents))
	for _, e := range extents {
		fill = append(fill, (e[1]-e[0])/(to-from))
	}
	sort.Float64s(fill)
	return fill[len(fill)/2] >= columnFill
}

// medianSize is the median size of the runs' type.
func medianSize(runs []pdfRun) float64 {
	sizes := make([]float64, len(runs))
	for i, r := range runs {
		sizes[i] = r.size
	}
	sort.Float64s(sizes)
	return sizes[len(sizes)/2]
}

// columnLines lays out a page in two columns, top to bottom: lines that
// cross the gutter as they stand, and between them the left column's
// lines, then the right column's. The right column's lines are moved
// onto the left one's, so that margins, indents and centring are
// measured within a column, as on a page of one.
func columnLines(runs []pdfRun, g gutterBand, page int) []pdfLine {
	runs = slices.Clone(runs)
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].top > runs[j].top })
	shift := columnMargin(runs, g, 2) - columnMargin(runs, g, 1)
	var out []pdfLine
	var across, leftCol, rightCol []pdfRun
	flush := func() {
		out = append(out, groupLines(across, page)...)
		for column, runs := range [][]pdfRun{leftCol, rightCol} {
			ls := groupLines(runs, page)
			for k := range ls {
				ls[k].column = column + 1
			}
			out = append(out, ls...)
		}
		across, leftCol, rightCol = nil, nil, nil
	}
	for _, r := range runs {
		side := g.side(r)
		if side == 0 && r.mono && r.left < g.lo {
			side = 1 // a line of code too long for its column, which LaTeX lets run over the gutter
		}
		switch side {
		case 0:
			if len(leftCol)+len(rightCol) > 0 {
				flush()
			}
			across = append(across, r)
		case 1:
			leftCol = append(leftCol, r)
		case 2:
			r.left, r.right = r.left-shift, r.right-shift
			rightCol = append(rightCol, r)
		}
	}
	flush()
	return out
}

// columnMargin is where most lines of a column start.
func columnMargin(runs []pdfRun, g gutterBand, side int) float64 {
	lefts := map[float64]int{}
	for _, r := range runs {
		if g.side(r) == side {
			lefts[math.Round(r.left)]++
		}
	}
	return mode(lefts)
}
