package retrieval

import (
	"errors"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// essayDocuments are the test essay as a PDF with printed page numbers
// (two front pages in roman), an EPUB and a web page.
func essayDocuments(t *testing.T) map[corpus.Format]*corpus.Document {
	t.Helper()
	book := testformats.Essay()
	engine := corpus.NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { engine.Close() })
	pdf, _ := book.PDF(testformats.PDFOptions{PageNumbers: true, FrontMatter: 2, Labels: true, LinesPerPage: 22})
	docs := map[corpus.Format]*corpus.Document{}
	var err error
	if docs[corpus.FormatPDF], err = engine.Parse("essay.pdf", pdf); err != nil {
		t.Fatal(err)
	}
	if docs[corpus.FormatEPUB], err = corpus.Parse("essay.epub", book.EPUB(testformats.EPUBOptions{})); err != nil {
		t.Fatal(err)
	}
	if docs[corpus.FormatHTML], err = corpus.Parse("essay.html", book.HTML(testformats.HTMLOptions{})); err != nil {
		t.Fatal(err)
	}
	if docs[corpus.FormatDOCX], err = corpus.Parse("essay.docx", book.DOCX()); err != nil {
		t.Fatal(err)
	}
	if docs[corpus.FormatODT], err = corpus.Parse("essay.odt", book.ODT()); err != nil {
		t.Fatal(err)
	}
	if docs[corpus.FormatRTF], err = corpus.Parse("essay.rtf", book.RTF()); err != nil {
		t.Fatal(err)
	}
	if docs[corpus.FormatNotebook], err = corpus.Parse("essay.ipynb", book.Notebook()); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs[corpus.FormatText] = c.Documents[0]
	return docs
}

// TestResolveCitations checks that every sentence's citation, as answers
// write it and as the reader's anchors write it, leads back to it: to its
// lines, or for a page, to the page it stands on (a PDF's footnotes are
// gathered after the text, away from their page's lines).
func TestResolveCitations(t *testing.T) {
	for format, d := range essayDocuments(t) {
		t.Run(format.String(), func(t *testing.T) {
			for i := range d.SentenceCount() {
				loc := Cite(d, i, i+1).Location
				for _, form := range []string{loc.Place(), "#" + loc.Anchor()} {
					span, err := Resolve(d, form)
					if err != nil {
						t.Fatalf("sentence %d cited %q: %v", i, form, err)
					}
					onPage := loc.Kind == kindPage && d.PageOfLine(span.Start) == d.Sentence(i).Page
					if !span.Overlaps(d.Sentence(i).Lines) && !onPage {
						t.Fatalf("sentence %d (lines %s) cited %q resolves to lines %s", i, d.Sentence(i).Lines, form, span)
					}
				}
			}
		})
	}
}

func TestResolve(t *testing.T) {
	docs := essayDocuments(t)
	pdf := docs[corpus.FormatPDF]
	first, _ := Resolve(pdf, "p. 1")
	tests := []struct {
		name     string
		format   corpus.Format
		citation string
		want     error // nil: resolves
		page     int   // the physical page the lines are on, when set
	}{
		{"printed page", corpus.FormatPDF, "p. 1", nil, 3},
		{"bare number is the printed page", corpus.FormatPDF, "2", nil, 4},
		{"roman label", corpus.FormatPDF, "page ii", nil, 2},
		{"page range", corpus.FormatPDF, "pp. 1–2", nil, 3},
		{"page past the end", corpus.FormatPDF, "p. 400", &PlaceError{}, 0},
		{"lines of a PDF", corpus.FormatPDF, "lines 3-5", ErrCitationForm, 0},
		{"chapter", corpus.FormatEPUB, "ch. 2", nil, 0},
		{"chapter and paragraph", corpus.FormatEPUB, "ch. 2 ¶ 3", nil, 0},
		{"chapter paragraphs backwards", corpus.FormatEPUB, "ch. 2 ¶ 3–1", nil, 0},
		{"anchor", corpus.FormatEPUB, "c2-3", nil, 0},
		{"no such chapter", corpus.FormatEPUB, "ch. 9", &PlaceError{}, 0},
		{"no such paragraph", corpus.FormatEPUB, "ch. 1 ¶ 40", &PlaceError{}, 0},
		{"section", corpus.FormatHTML, "§2 ¶ 1", nil, 0},
		{"section anchor", corpus.FormatHTML, "s2-1", nil, 0},
		{"chapter of a web page", corpus.FormatHTML, "ch. 2 ¶ 1", ErrCitationForm, 0},
		{"lines", corpus.FormatText, "351-356", nil, 0},
		{"lines anchor", corpus.FormatText, "L351-L356", nil, 0},
		{"lines anchor with its hash", corpus.FormatText, "#L351-L356", nil, 0},
		{"lines in words", corpus.FormatText, "lines 351 to 356", nil, 0},
		{"one line", corpus.FormatText, "line 12", nil, 0},
		{"dotted range", corpus.FormatText, "351..356", nil, 0},
		{"open range", corpus.FormatText, "351-", ErrCitationForm, 0},
		{"negative", corpus.FormatText, "-5", ErrCitationForm, 0},
		{"three numbers", corpus.FormatText, "1 2 3", ErrCitationForm, 0},
		{"empty", corpus.FormatText, "", ErrCitationForm, 0},
		{"too long a number", corpus.FormatText, "99999999999", ErrCitationForm, 0},
		{"text's page", corpus.FormatText, "p. 11", nil, 11},
		{"past the last line", corpus.FormatText, "99999", &PlaceError{}, 0},
		{"words", corpus.FormatText, "the soviets", ErrCitationForm, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docs[tt.format]
			span, err := Resolve(d, tt.citation)
			var pe *PlaceError
			switch {
			case tt.want == nil && err != nil:
				t.Fatalf("Resolve(%q): %v", tt.citation, err)
			case tt.want == nil:
			case errors.As(tt.want, &pe):
				if !errors.As(err, &pe) {
					t.Errorf("Resolve(%q): got %v, want a PlaceError", tt.citation, err)
				}
				return
			case !errors.Is(err, tt.want):
				t.Errorf("Resolve(%q): got %v, want %v", tt.citation, err, tt.want)
				return
			default:
				return
			}
			if span.Start < 1 || span.End > d.Lines || span.Start > span.End {
				t.Errorf("Resolve(%q) = %s, outside lines 1–%d", tt.citation, span, d.Lines)
			}
			if tt.page > 0 && d.PageOfLine(span.Start) != tt.page {
				t.Errorf("Resolve(%q) starts on page %d, want %d", tt.citation, d.PageOfLine(span.Start), tt.page)
			}
		})
	}
	if got := pdf.PageOfLine(first.Start); pdf.PageLabel(got) != "1" {
		t.Errorf("p. 1 starts on the page labelled %q, want 1", pdf.PageLabel(got))
	}
}
