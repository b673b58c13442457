package corpus

import (
	"fmt"
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
