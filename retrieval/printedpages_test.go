package retrieval

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// TestPrintedPages cites a page of an OCR'd book by the number it prints
// in its running head, not by its count from the file's first page, and
// finds the page a reader names so.
func TestPrintedPages(t *testing.T) {
	var b strings.Builder
	for page := 11; page <= 16; page++ {
		if page%2 == 0 {
			fmt.Fprintf(&b, "%d THE KETTLE. \n\n", page)
		} else {
			fmt.Fprintf(&b, "THE SILENT MORNING. %d \n\n", page)
		}
		b.WriteString(strings.Repeat("The kettle boiled at seven every morning, and the house woke to it slowly.\n", 20))
		if page == 13 {
			b.WriteString("The lamplighter whistled a tune about herrings on his way home.\n")
		}
		b.WriteString("\n\n")
	}
	d, err := corpus.Parse("kettle.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	ix := docIndex(t, d)
	rs, err := ix.Ask(context.Background(), "What did the lamplighter whistle about?", 1)
	if err != nil || len(rs) == 0 {
		t.Fatalf("%v, %d results; want an answer", err, len(rs))
	}
	if got, want := rs[0].Citation().String(), "· p. 13"; !strings.HasSuffix(got, want) {
		t.Errorf("got citation %q, want it to end %q (the page's printed number)", got, want)
	}
	span, err := Resolve(d, "p. 13")
	if err != nil || !span.Overlaps(rs[0].Quote.Span) {
		t.Errorf("p. 13 resolves to lines %v (%v), want the lines that hold %v", span, err, rs[0].Quote.Span)
	}
}
