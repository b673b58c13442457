package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// cellGap separates the cells of a table set out in spaces: three spaces
// or more, or tabs. Two are the gap between sentences that typewritten
// texts leave ("Is your bank account more secure?  Are your working
// conditions better?").
var cellGap = regexp.MustCompile(`(?: {3,}|\t)[ \t]*`)

// tableRule is a line that rules a table set out in spaces: "-----",
// "=====  =====", "---+---".
var tableRule = regexp.MustCompile(`^[-=_+ ]*[-=_]{3,}[-=_+ ]*$`)

// minTableCells is how many cells each line of a table set out in spaces
// has at least: two columns may be a list's term and its page.
const minTableCells = 3

// spacedTables reads each line of a table set out in spaces ("Early
// sleepers    22    41") as a row: a paragraph of its own, its cells
// joined as every format's rows are. A table is two lines or more in a
// paragraph, each of minTableCells cells or more; one drawn with bars
// ("| Cotton | 1233 |") is read as its text is.
func (p *parser) spacedTables(lo, hi int) {
	var run []int
	rows := 0
	end := func() {
		if rows >= 2 && !p.pagesListed(run) {
			for _, i := range run {
				p.flags[i] |= lineTable
				p.text[i] = strings.Join(cellGap.Split(strings.TrimSpace(p.text[i]), -1), cellJoin)
				if tableRule.MatchString(p.text[i]) {
					p.text[i] = "" // the rule under its head
				}
			}
		}
		run, rows = run[:0], 0
	}
	for i := lo; i < hi; i++ {
		t := strings.TrimSpace(p.text[i])
		switch {
		case rows > 0 && tableRule.MatchString(t):
			run = append(run, i)
		case t == "" || strings.ContainsRune("|+", rune(t[0])) || !strings.Contains(t, "   ") && !strings.ContainsRune(t, '\t') ||
			len(cellGap.FindAllStringIndex(t, -1)) < minTableCells-1:
			end()
		default:
			run = append(run, i)
			rows++
		}
	}
	end()
}

// gridBorder is a border of a table drawn in characters, as Project
// Gutenberg's texts and pandoc draw them: "+--------+------+", "+===+".
var gridBorder = regexp.MustCompile(`^\s*\+(?:[-=]+\+)+\s*$`)

// maxCellLines is how many lines a row of a table drawn with borders
// may take between two borders; more, and the table draws borders only
// round its head and foot, each line a row.
const maxCellLines = 4

// gridTables reads each table drawn with "+---+" borders and "|" bars
// (two borders or more, its rows between) as rows, each a paragraph of
// its own (gridRows).
func (p *parser) gridTables(lo, hi int) {
	for i := lo; i < hi; i++ {
		if end := gridTableEnd(p.text, i, hi); end > i {
			gridRows(p.text, i, end)
			for k := i; k < end; k++ {
				p.flags[k] |= lineTable
			}
			i = end - 1
		}
	}
}

// barTables reads each table drawn with bars alone, as Markdown's are
// typed into a text ("| March | syrup |" under its head and rule,
// "|---|---|"), a row a paragraph with its cells joined; the rule reads
// as nothing. Bars without the rule are read as the text they are in.
func (p *parser) barTables(lo, hi int) {
	for i := lo; i < hi; i++ {
		end := i
		for end < hi && p.flags[end]&lineTable == 0 && rstGridRow.MatchString(p.text[end]) {
			end++
		}
		if end-i >= 3 && slices.ContainsFunc(p.text[i:end], mdTableRule.MatchString) {
			for k := i; k < end; k++ {
				p.flags[k] |= lineTable
				if mdTableRule.MatchString(p.text[k]) {
					p.text[k] = ""
				} else {
					p.text[k] = stripEmphasis(tableRow(p.text[k]))
				}
			}
		}
		i = max(i, end-1)
	}
}

// gridTableEnd is the end of the table drawn with borders that opens at
// line lo of text, or lo when none does: a run of borders and rows
// before hi, two borders or more.
func gridTableEnd(text []string, lo, hi int) int {
	if !gridBorder.MatchString(text[lo]) {
		return lo
	}
	end, borders := lo, 0
	for ; end < hi && (gridBorder.MatchString(text[end]) || rstGridRow.MatchString(text[end])); end++ {
		if gridBorder.MatchString(text[end]) {
			borders++
		}
	}
	if borders < 2 {
		return lo
	}
	return end
}

// gridRows rewrites lines [lo, hi) of text, a table drawn with borders,
// as its rows and returns the line each row is read from. The lines
// between two borders are one row, each cell's lines joined ("Liberal
// Professions--Doctors, Lawyers," over "Journalists, etc."), unless
// there are more than maxCellLines (a table bordered only round its
// head and foot, each line a row); a row's cells are joined as every
// format's rows are, and the borders and a row's other lines read as
// nothing.
func gridRows(text []string, lo, hi int) []int {
	var rows, group []int
	flush := func() {
		if len(group) > maxCellLines {
			for _, i := range group {
				text[i] = tableRow(text[i])
			}
			rows = append(rows, group...)
		} else if len(group) > 0 {
			joined := joinCells(text, group)
			for _, i := range group {
				text[i] = ""
			}
			text[group[0]] = joined
			rows = append(rows, group[0])
		}
		group = group[:0]
	}
	for i := lo; i < hi; i++ {
		if gridBorder.MatchString(text[i]) {
			flush()
			text[i] = ""
			continue
		}
		group = append(group, i)
	}
	flush()
	return rows
}

// joinCells joins the lines of one row of a table drawn with bars cell
// by cell, when each line has as many cells; else line by line.
func joinCells(text []string, row []int) string {
	var cols [][]string
	for _, i := range row {
		cells := strings.Split(strings.Trim(strings.TrimSpace(text[i]), "|"), "|")
		if cols != nil && len(cells) != len(cols) {
			var lines []string
			for _, k := range row {
				lines = append(lines, tableRow(text[k]))
			}
			return strings.Join(lines, cellJoin)
		}
		if cols == nil {
			cols = make([][]string, len(cells))
		}
		for c, cell := range cells {
			if cell = strings.TrimSpace(cell); cell != "" {
				cols[c] = append(cols[c], cell)
			}
		}
	}
	var out []string
	for _, col := range cols {
		if len(col) > 0 {
			out = append(out, stripEmphasis(strings.Join(col, " "))) // "_%" over "Increase_"
		}
	}
	return strings.Join(out, cellJoin)
}

// pagesListed reports whether the rows of a table set out in spaces end
// in page numbers, each past the one before: a table of contents
// ("CHAPTER II.    THE SILENCE    14"), read as contents are.
func (p *parser) pagesListed(rows []int) bool {
	last := 0
	for _, i := range rows {
		if tableRule.MatchString(strings.TrimSpace(p.text[i])) {
			continue
		}
		cells := cellGap.Split(strings.TrimSpace(p.text[i]), -1)
		n, err := strconv.Atoi(strings.TrimRight(cells[len(cells)-1], "."))
		if err != nil || n <= last || n > 9999 {
			return false
		}
		last = n
	}
	return true
}
