package corpus

import "strings"

// runningBand is how many lines at the head and at the foot of a page
// that form feeds set (as pdftotext writes a PDF's pages) may be its
// running head, running foot or page number.
const runningBand = 2

// dropRunningLines leaves out the running heads, feet and page numbers of
// a text whose pages form feeds set, and joins the words its lines
// break (joinBrokenWords): lines at a page's head or foot whose
// text, numbers aside, recurs on several pages ("RFC 9999  Tea Transfer
// Protocol  April 2026", "Doe  Informational  [Page 3]"), and numbers
// alone at a page's foot (or, in figures, at its head).
func (p *parser) dropRunningLines(lo, hi int) {
	var pages [][]int // each page's head and foot lines
	var page []int    // the current page's non-blank lines
	end := func() {
		if n := len(page); n > 0 {
			// A short page's band is a line at either end: its text is
			// between them.
			band := max(1, min(runningBand, n/3))
			head, foot := page[:min(n, band)], page[max(0, n-band):]
			pages = append(pages, append(append([]int{}, head...), foot...))
		}
		page = page[:0]
	}
	for i := lo; i < hi; i++ {
		if strings.Contains(p.raw[i], "\f") {
			end()
		}
		if !p.blank(i) {
			page = append(page, i)
		}
	}
	end()
	if len(pages) < 2 {
		return
	}
	p.joinBrokenWords(lo, hi)
	seen := map[string]int{}
	for _, band := range pages {
		keys := map[string]bool{}
		for _, i := range band {
			keys[bandKey(pageText(p.text[i]))] = true
		}
		for k := range keys {
			seen[k]++
		}
	}
	least := max(2, min(3, len(pages)/5))
	for _, band := range pages {
		for k, i := range band {
			t := pageText(p.text[i])
			foot := k >= len(band)/2
			number := pageNumberLine.MatchString(t) && (foot || !strings.ContainsAny(strings.ToLower(t), "ivxlcdm"))
			if seen[bandKey(t)] >= least || number {
				p.omit(i, i+1, "running head")
				p.text[i] = ""
			}
		}
	}
}

// pageText is a line without its form feed and the space around it.
func pageText(line string) string {
	return strings.TrimSpace(strings.ReplaceAll(line, "\f", ""))
}

// bandKey is what a line at a page's head or foot must share with those
// of other pages to be a running head: its text, numbers aside
// (runningKey), or, for a heading ("CHAPTER II", which chapters opening
// on a new page set there), its whole text.
func bandKey(t string) string {
	if _, ok := strongHeading(t); ok {
		return t
	}
	return runningKey(t)
}

// joinBrokenWords marks the hyphens that end lines of a text whose pages
// form feeds set where they break a word, as justified pages do ("morn-"
// / "ing"), so that the lines join into the word; a compound's hyphen
// ("well-" / "known") stays. The PDF reader decides them by the same
// rule (vocabulary.breaksWord).
func (p *parser) joinBrokenWords(lo, hi int) {
	v := vocabulary{}
	for i := lo; i < hi; i++ {
		v.add(p.text[i])
	}
	for i := lo; i+1 < hi; i++ {
		t := strings.TrimRight(p.text[i], " ")
		if wrappedAtDash(t) && strings.HasSuffix(t, "-") && !p.blank(i+1) && v.breaksWord(t, strings.TrimSpace(p.text[i+1])) {
			p.text[i] = strings.TrimSuffix(t, "-") + softHyphen
		}
	}
}
