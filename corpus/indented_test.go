package corpus

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// paragraphTexts is each paragraph of d's sentences, joined.
func paragraphTexts(t *testing.T, d *Document) []string {
	t.Helper()
	var out []string
	last := -1
	for _, s := range d.AllSentences() {
		if s.Paragraph != last || len(out) == 0 {
			out = append(out, "")
			last = s.Paragraph
		}
		out[len(out)-1] = strings.TrimSpace(out[len(out)-1] + " " + s.Text)
	}
	return out
}

// blankLineForm sets a text whose paragraphs open indented as the same
// text with a blank line before each indented line, but for the lines of
// a block quotation after its first (indented further, alike), and no
// indentation.
func blankLineForm(text string) string {
	var b strings.Builder
	prev := ""
	for _, l := range strings.Split(text, "\n") {
		in := len(l) - len(strings.TrimLeft(l, " "))
		if in > 0 && !(in >= 8 && in == len(prev)-len(strings.TrimLeft(prev, " "))) {
			b.WriteString("\n")
		}
		b.WriteString(strings.TrimSpace(l) + "\n")
		prev = l
	}
	return b.String()
}

// TestIndentedParagraphs: a text that opens its paragraphs by indenting
// them, without blank lines, reads as the same text with blank lines
// (its headings headings, its one-line speeches and its block quotation
// paragraphs of their own), while verse and code that indent lines keep
// their paragraphs.
func TestIndentedParagraphs(t *testing.T) {
	story, err := os.ReadFile(filepath.Join("testdata", "formats", "indented-etext.txt.input"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("story", func(t *testing.T) {
		got, err := Parse("story.txt", story)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse("story.txt", []byte(blankLineForm(string(story))))
		if err != nil {
			t.Fatal(err)
		}
		g, w := paragraphTexts(t, got), paragraphTexts(t, want)
		if strings.Join(g, "\n") != strings.Join(w, "\n") {
			t.Errorf("paragraphs\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
		}
		if n := len(got.Sections); n != 2 || got.Sections[1].Heading != "CHAPTER II" {
			t.Errorf("%d sections %+v, want chapters I and II", n, got.Sections)
		}
	})
	verse := strings.Repeat("The keeper climbs the stair at night,\n    and trims the wick, and lights the light;\nthe ships go by beyond the reef,\n    and none of them will come to grief.\n", 4)
	tabbed := regexp.MustCompile(`(?m)^ {4}`).ReplaceAllString(verse, "\t")
	for _, tt := range []struct{ name, text string }{{"verse", verse}, {"verse with tabs", tabbed}} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("poem.txt", []byte("THE LIGHT\n\n"+tt.text))
			if err != nil {
				t.Fatal(err)
			}
			p := paragraphTexts(t, d)
			if last := p[len(p)-1]; strings.Count(last, "keeper climbs") != 4 {
				t.Errorf("paragraphs %q, want the poem's four stanzas in one", p)
			}
		})
	}
}
