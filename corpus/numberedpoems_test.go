package corpus

import (
	"fmt"
	"strings"
	"testing"
)

// TestNumberedPoems heads a section for each poem of a sequence numbered
// without titles, however short (the Tao Te Ching's chapters, a sonnet
// sequence); numbered paragraphs of prose stay paragraphs of one text.
func TestNumberedPoems(t *testing.T) {
	stanza := "The tao that can be told\nis not the eternal Tao.\nThe name that can be named\nis not the eternal Name.\n"
	prose := "Numbered paragraphs of prose are set as a book's text is, wrapped at seventy\ncharacters a line, and each of them says one thing in a few sentences, as\nthe author's notes do.\n"
	for _, tc := range []struct {
		name, numerals, body string
		want                 []string
	}{
		{"tao.txt", "1 2 3", stanza, []string{"1", "2", "3"}},
		{"sonnets.txt", "I II III", strings.ReplaceAll("  "+stanza, "\n", "\n  "), []string{"I", "II", "III"}},
		{"notes.txt", "1 2 3", prose, []string{"A COLLECTION"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("A COLLECTION\n\n\n")
			for _, n := range strings.Fields(tc.numerals) {
				fmt.Fprintf(&b, "%s\n\n%s\n\n", n, tc.body)
			}
			d, err := Parse(tc.name, []byte(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			got := sectionTitles(d)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got sections %q, want %q", got, tc.want)
			}
		})
	}
}
