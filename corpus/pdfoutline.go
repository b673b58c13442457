package corpus

import (
	"slices"
	"strings"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// outlineEntry is an entry of a PDF's outline (its bookmarks, which
// LaTeX, LibreOffice, Calibre and most PDF makers write from the
// document's headings): a heading's title, its depth, its page.
type outlineEntry struct {
	title string
	depth int // 0 for a top-level entry
	page  int // index into the pages
}

// Bounds on reading an outline: a damaged or hostile PDF's outline may
// loop, and PDFium's bookmark handles cannot tell an entry seen before.
const (
	maxOutlineEntries = 5000
	maxOutlineDepth   = 8
)

// readOutline reads a PDF's outline, depth first; nil when it has none.
func readOutline(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) []outlineEntry {
	var out []outlineEntry
	var walk func(parent *references.FPDF_BOOKMARK, depth int)
	walk = func(parent *references.FPDF_BOOKMARK, depth int) {
		if depth > maxOutlineDepth {
			return
		}
		child, err := inst.FPDFBookmark_GetFirstChild(&requests.FPDFBookmark_GetFirstChild{Document: doc, Bookmark: parent})
		if err != nil || child.Bookmark == nil {
			return
		}
		for b := *child.Bookmark; len(out) < maxOutlineEntries; {
			if e, ok := outlineEntryOf(inst, doc, b, depth); ok {
				out = append(out, e)
			}
			walk(&b, depth+1)
			next, err := inst.FPDFBookmark_GetNextSibling(&requests.FPDFBookmark_GetNextSibling{Document: doc, Bookmark: b})
			if err != nil || next.Bookmark == nil {
				return
			}
			b = *next.Bookmark
		}
	}
	walk(nil, 0)
	return out
}

// outlineEntryOf reads an outline entry's title and the page it leads
// to, by its destination or its go-to action.
func outlineEntryOf(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, b references.FPDF_BOOKMARK, depth int) (outlineEntry, bool) {
	title, err := inst.FPDFBookmark_GetTitle(&requests.FPDFBookmark_GetTitle{Bookmark: b})
	if err != nil || strings.TrimSpace(title.Title) == "" {
		return outlineEntry{}, false
	}
	var dest *references.FPDF_DEST
	if d, err := inst.FPDFBookmark_GetDest(&requests.FPDFBookmark_GetDest{Document: doc, Bookmark: b}); err == nil && d.Dest != nil {
		dest = d.Dest
	} else if a, err := inst.FPDFBookmark_GetAction(&requests.FPDFBookmark_GetAction{Bookmark: b}); err == nil && a.Action != nil {
		if d, err := inst.FPDFAction_GetDest(&requests.FPDFAction_GetDest{Document: doc, Action: *a.Action}); err == nil && d.Dest != nil {
			dest = d.Dest
		}
	}
	if dest == nil {
		return outlineEntry{}, false
	}
	page, err := inst.FPDFDest_GetDestPageIndex(&requests.FPDFDest_GetDestPageIndex{Document: doc, Dest: *dest})
	if err != nil || page.Index < 0 {
		return outlineEntry{}, false
	}
	return outlineEntry{title: title.Title, depth: depth, page: page.Index}, true
}

// outlineHeading is a heading an outline entry finds on its page: lines
// start to end-1 of the page's lines, at a level of the document.
type outlineHeading struct {
	end, level int
}

// maxOutlineLines is how many lines a heading an outline names may take
// ("I" over "The Eve of the War" for "I: The Eve of the War").
const maxOutlineLines = 4

// outlineHeadings finds each outline entry's heading on its page: the
// first run of at most maxOutlineLines lines whose words are the entry's,
// or the entry's after a label ("Chapter 3" over "The system
// initialization"). Keys are a page's index and its line's.
func outlineHeadings(outline []outlineEntry, lines [][]pdfLine) map[[2]int]outlineHeading {
	out := map[[2]int]outlineHeading{}
	for _, e := range outline {
		want := foldedWords(e.title)
		if e.page >= len(lines) || len(want) == 0 {
			continue
		}
		page := lines[e.page]
		for k := range page {
			if end, ok := linesSay(page, k, want); ok {
				if _, taken := out[[2]int{e.page, k}]; !taken {
					out[[2]int{e.page, k}] = outlineHeading{end: end, level: min(6, e.depth+2)}
				}
				break
			}
		}
	}
	return out
}

// linesSay reports whether lines k… of a page say want, and where they
// end.
func linesSay(page []pdfLine, k int, want []string) (int, bool) {
	var got []string
	first := len(foldedWords(page[k].text))
	for j := k; j < len(page) && j < k+maxOutlineLines && !page[j].mono; j++ {
		got = append(got, foldedWords(page[j].text)...)
		if len(got) > len(want)+maxLabelWords {
			return 0, false
		}
		extra := len(got) - len(want)
		if extra < 0 || !slices.Equal(got[extra:], want) || (extra > 0 && !isLabel(got[:extra])) {
			continue
		}
		if extra >= first && strings.ContainsAny(page[k].text, "()[],;") {
			return 0, false // a line of text ending in a number ("…(p. 219):"), not a label
		}
		return j + 1, true
	}
	return 0, false
}

// maxLabelWords is the longest label a heading's printed text may have
// that its outline entry leaves out ("Chapter 3", "Book II", "1.1.2").
const maxLabelWords = 5

// isLabel reports whether words are a heading's label: numbers ("1 1 2"
// of "1.1.2"), with a word such as "chapter" or "part" before them.
func isLabel(words []string) bool {
	for i, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) < 0 && !isRoman(strings.ToUpper(w)) && (i > 0 || !labelWords[w]) {
			return false
		}
	}
	last := words[len(words)-1]
	return strings.IndexFunc(last, unicode.IsDigit) >= 0 || isRoman(strings.ToUpper(last))
}

// labelWords name the parts of a book whose numbers label headings.
var labelWords = map[string]bool{"chapter": true, "part": true, "book": true, "section": true, "appendix": true,
	"lecture": true, "article": true, "act": true, "scene": true, "volume": true, "canto": true, "letter": true}
