package corpus

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pdftotextBook is a book as pdftotext writes a PDF's pages: a form feed
// before each page, the running heads (the book's title over even pages,
// the chapter's over odd ones, with the page's number) and the page
// number at the foot kept, words broken at lines' ends ("far-" / "mer")
// and compounds ("well-" / "known") alike; a chapter opens on a new page,
// under no head.
func pdftotextBook() string {
	var b strings.Builder
	b.WriteString("CHAPTER I\n\nThe well-known kettle boiled at seven every morning, and the house woke to it.\n\n1\n")
	for page := 2; page <= 7; page++ {
		b.WriteString("\f")
		switch {
		case page == 5:
			b.WriteString("CHAPTER II\n\n")
		case page%2 == 0:
			fmt.Fprintf(&b, "%d                         THE KETTLE\n\n", page)
		default:
			fmt.Fprintf(&b, "THE SILENT MORNING                         %d\n\n", page)
		}
		fmt.Fprintf(&b, "On the morning of page %d the far-\nmer came up the lane to ask after the well-\nknown kettle.\n\n%d\n", page, page)
	}
	return b.String()
}

// TestRunningLinesDropped leaves out the running heads and page numbers
// of a text whose pages form feeds set, keeps the chapter headings that
// open pages, and joins the words broken at lines' ends.
func TestRunningLinesDropped(t *testing.T) {
	d := wantSections(t, "kettle.txt", pdftotextBook(), []string{"CHAPTER I", "CHAPTER II"})
	got := strings.Join(textsOf(d), "\n")
	for _, running := range []string{"THE KETTLE", "THE SILENT MORNING"} {
		if strings.Contains(got, running) {
			t.Errorf("got sentences %q, want the running head %q left out", got, running)
		}
	}
	if want := "On the morning of page 7 the farmer came up the lane to ask after the well-known kettle."; !strings.Contains(got, want) {
		t.Errorf("got sentences %q, want %q among them", got, want)
	}
	for _, s := range d.AllSentences() {
		if _, err := strconv.Atoi(strings.Fields(s.Text)[0]); err == nil {
			t.Errorf("got sentence %q, want page numbers left out", s.Text)
		}
	}
}

// ocrBook is a book as archive.org's OCR text ("djvu.txt") gives it: no
// form feeds, each page opening with its running head and number (the
// book's title over even pages, the chapter's over odd ones) over a blank
// line, pages parted by blank lines, a paragraph and a word ("pleas-" /
// "ure") running on over a page's turn.
func ocrBook() string {
	var b strings.Builder
	b.WriteString("CHAPTER I.\n\nTHE SILENT MORNING.\n\n")
	filler := strings.Repeat("The kettle boiled at seven every morning, and the house woke to it slowly.\n", 24)
	for page := 9; page <= 16; page++ {
		if page > 9 {
			if page%2 == 0 {
				fmt.Fprintf(&b, "%d THE KETTLE. \n\n", page)
			} else {
				fmt.Fprintf(&b, "THE SILENT MORNING. %d \n\n", page)
			}
		}
		switch page {
		case 10:
			b.WriteString("the farmer came up the lane to ask after it, as he always did.\n\n")
		case 12:
			b.WriteString("ure of hearing it sing before the sun was up.\n\n")
		case 13:
			b.WriteString("CHAPTER II.\n\nTHE LANE.\n\n")
		}
		b.WriteString(filler)
		switch page {
		case 9:
			b.WriteString("Every morning without fail\n\n\n")
		case 11:
			b.WriteString("He said he took a great pleas-\n\n\n")
		default:
			b.WriteString("The morning went on.\n\n\n")
		}
	}
	return b.String()
}

// TestRunningHeadsWithoutFormFeeds reads the pages of an OCR'd book by
// their running heads: the heads are left out, every page is counted and
// labelled by the number it prints (the first, under no head, by the one
// before the next), and a paragraph and a word that run on over a page's
// turn are whole.
func TestRunningHeadsWithoutFormFeeds(t *testing.T) {
	d := wantSections(t, "kettle.txt", ocrBook(), []string{"CHAPTER I: THE SILENT MORNING", "CHAPTER II: THE LANE"})
	got := strings.Join(textsOf(d), "\n")
	if strings.Contains(got, "THE KETTLE") || strings.Contains(got, "MORNING. 1") {
		t.Errorf("got sentences %q, want the running heads left out", got)
	}
	for _, want := range []string{
		"Every morning without fail the farmer came up the lane to ask after it, as he always did.",
		"He said he took a great pleasure of hearing it sing before the sun was up.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got sentences %q, want %q among them", got, want)
		}
	}
	if d.Pages != 8 {
		t.Errorf("got %d pages, want 8", d.Pages)
	}
	if want := []string{"9", "10", "11", "12", "13", "14", "15", "16"}; !slices.Equal(d.PageLabels, want) {
		t.Errorf("got pages labelled %q, want %q (the numbers their heads print)", d.PageLabels, want)
	}
}

// TestCountedPartsAreNoPages keeps a log's entries, numbered as they come
// and about as long as one another ("Day 12"): they are no running heads,
// however evenly they stand.
func TestCountedPartsAreNoPages(t *testing.T) {
	var b strings.Builder
	for day := 1; day <= 8; day++ {
		fmt.Fprintf(&b, "Day %d\n\n", day)
		b.WriteString(strings.Repeat("We walked along the coast all morning and camped by the river at dusk.\n", 16))
		b.WriteString("\n")
	}
	d, err := Parse("log.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if d.Pages != 0 {
		t.Errorf("got %d pages, want none", d.Pages)
	}
	for _, o := range d.Omitted {
		t.Errorf("lines %v left out as %q, want every day kept", o.Lines, o.Reason)
	}
}

// TestFormFeedPagesPrinted labels the pages pdftotext writes by the
// numbers they print, counted from the text's first page after roman
// front matter: a quote is cited as the reader's copy numbers it.
func TestFormFeedPagesPrinted(t *testing.T) {
	var b strings.Builder
	b.WriteString("THE KETTLE\n\nA Story\n")
	for _, roman := range []string{"ii", "iii"} {
		fmt.Fprintf(&b, "\fPREFACE\n\nThe author wrote this preface on a rainy afternoon in the spring.\n\n%s\n", roman)
	}
	for page := 1; page <= 5; page++ {
		fmt.Fprintf(&b, "\f%d                         THE KETTLE\n\nOn the morning of page %d the farmer came up the lane to ask after the kettle.\n\n%d\n", page, page, page)
	}
	d, err := Parse("kettle.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"", "", "", "1", "2", "3", "4", "5"}
	if !slices.Equal(d.PageLabels, want) {
		t.Errorf("got pages labelled %q, want %q", d.PageLabels, want)
	}
}
