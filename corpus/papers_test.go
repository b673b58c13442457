package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/internal/testsupport"
)

// TestLaTeXPapers reads a paper as pdflatex prints it (testdata/papers,
// made from lighthouse.tex), in one column and in two under a title
// across both: its title and authors from the first page, which the PDF
// does not record; the page numbers LaTeX sets at the foot, further in
// than a running foot, left out; the notes at the foot of a page or of a
// column (the first marked "*") under Notes, not in the text nor between
// the halves of a sentence that runs on over the page; the columns read
// one after the other; a table a row a paragraph; the numbers a
// manuscript sets by its lines left out; and no control character that a
// bitmap font's bullet gives.
func TestLaTeXPapers(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	wantWhole := []string{
		"Each log recorded the weather, the hours the lamp burned and, at some stations, the distance at which passing ships reported the light.",
		"Its adoption depended on institutions: a central commission could equip a coast in twenty years, while divided authorities took forty.",
		"Their polished copper bowls tarnished within weeks, and keepers spent much of each day scrubbing them.",
		"we assemble the first complete register of lens installations before 1860;",
		"A first-order lens has a focal distance of 920 millimetres and stands taller than a grown man; a sixth-order lens, used in harbours, has a focal distance of 150 millimetres.",
		"Sixth · 150 harbour or pier", // a table's row, its cells apart
	}
	wantNotes := []string{
		"Department of Maritime History, Harbour University.",
		"One keeper at Skerryvore recorded eleven hours of polishing in a single week of February 1839.",
		"The Board’s first report, in 1852, described the American lights as the worst in the civilised world.",
	}
	for _, name := range []string{"lighthouse.pdf", "lighthouse-2col.pdf", "lighthouse-lineno.pdf"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "papers", name))
			if err != nil {
				t.Fatal(err)
			}
			d, err := parseWith(pdf, name, data)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			testsupport.Golden(t, filepath.Join("testdata", "structure", "papers", name+".golden"), describe(d))
			if want := "Light at Sea: How the Fresnel Lens Changed Coastal Navigation"; d.Title != want {
				t.Errorf("got title %q, want %q", d.Title, want)
			}
			if want := "Marta Okonkwo and Piet Vermeulen"; d.Author != want {
				t.Errorf("got author %q, want %q", d.Author, want)
			}
			var body, notes []string
			for i := range d.SentenceCount() {
				s := d.Sentence(i)
				if d.Sections[s.Section].Title == "Notes" {
					notes = append(notes, s.Text)
				} else {
					body = append(body, s.Text)
				}
				if strings.ContainsFunc(s.Text, func(r rune) bool { return r >= 0x80 && r <= 0x9f }) || pageNumberLine.MatchString(s.Text) {
					t.Errorf("sentence %q holds a control character or is a page number", s.Text)
				}
			}
			for _, w := range wantWhole {
				if !slices.Contains(body, w) {
					t.Errorf("no sentence of the text reads %q", w)
				}
			}
			for _, w := range wantNotes {
				if !slices.Contains(notes, w) {
					t.Errorf("got notes %q, want among them %q", notes, w)
				}
				if slices.ContainsFunc(body, func(s string) bool { return strings.Contains(s, w) }) {
					t.Errorf("the note %q stands in the text", w)
				}
			}
		})
	}
}

// TestPageAuthors takes a scholarly page's authors from what it says of
// them for citation: the names LaTeXML sets apart (an arXiv paper's web
// page), not the affiliation readability takes for its byline; the
// citation_author metadata journals and encyclopedias write, in reading
// order.
func TestPageAuthors(t *testing.T) {
	tests := []struct{ input, want string }{
		{"latexml-paper.html.input", "Marta Okonkwo and Piet Vermeulen"},
		{"sep-entry.html.input", "Marta Okonkwo"},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "formats", tt.input))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(strings.TrimSuffix(tt.input, ".input"), data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Author != tt.want {
				t.Errorf("got author %q, want %q", d.Author, tt.want)
			}
		})
	}
}

// TestTexinfoIndexLeftOut reads a Texinfo manual's index page, made by
// makeinfo from testdata/texinfo/tide.texi, as a page without text to
// quote: its tables of entries and letters are no sentences.
func TestTexinfoIndexLeftOut(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "texinfo", "Index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse("Index.html", data); !errors.Is(err, ErrNoContent) {
		t.Errorf("got %v, want %v", err, ErrNoContent)
	}
}

// TestLaTeXSourceReadsAsItsPDF reads a paper's LaTeX source and the PDF
// pdflatex made of it (testdata/papers): the same title and authors, and
// the source's every sentence of prose one the PDF reads too.
func TestLaTeXSourceReadsAsItsPDF(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "papers", "lighthouse.tex"))
	if err != nil {
		t.Fatal(err)
	}
	tex, err := Parse("lighthouse.tex", src)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "papers", "lighthouse.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	engine := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { engine.Close() })
	pdf, err := parseWith(engine, "lighthouse.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if tex.Title != pdf.Title || tex.Author != pdf.Author || tex.Kind() != "LaTeX" {
		t.Errorf("got %q by %q (%s), want %q by %q (LaTeX)", tex.Title, tex.Author, tex.Kind(), pdf.Title, pdf.Author)
	}
	printed := textsOf(pdf)
	prose, same := 0, 0
	for i := range tex.SentenceCount() {
		s := tex.Sentence(i)
		if s.Code || strings.Contains(s.Text, " · ") {
			continue // mathematics and tables the PDF reads otherwise
		}
		prose++
		if slices.Contains(printed, s.Text) {
			same++
		} else {
			t.Logf("the source reads %q, the PDF does not", s.Text)
		}
	}
	if prose < 50 || float64(same) < 0.9*float64(prose) {
		t.Errorf("the PDF reads %d of the source's %d sentences, want at least 50 and nine in ten", same, prose)
	}
}
