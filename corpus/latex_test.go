package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/internal/testsupport"
)

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

// TestLaTeXMarkup rewrites LaTeX line for line: the lines the Markdown
// reader is given, as many as the source's.
func TestLaTeXMarkup(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"chapters over sections", `\begin{document}
\chapter{Swarms}
\section{Scouts}
\appendix
\chapter{Tables}
\section*{Notes}
\end{document}`, []string{"", "# 1 Swarms", "## 1.1 Scouts", "", "# A Tables", "## Notes", ""}},
		{"a file without a preamble", `\section{Hives} Text.
More text.`, []string{"# 1 Hives Text.", "More text."}},
		{"a note with no line of its own", `Bees fly.\footnote{In summer.}
They sting.`, []string{"Bees fly. (In summer.)", "They sting."}},
		{"a note at the end", `\begin{document}
Bees fly.\footnote{In summer.}
\end{document}`, []string{"", "Bees fly.[^1]", "[^1]: In summer."}},
		{"a note on the blank line after its paragraph", `\begin{document}
Bees fly.\footnote{In summer.}

\end{document}`, []string{"", "Bees fly.[^1]", "[^1]: In summer.", ""}},
		{"verbatim text as code", `\begin{document}
\begin{lstlisting}[language=Go]
x := 50 % 7
\end{lstlisting}
\end{document}`, []string{"", "```", "x := 50 % 7", "```", ""}},
		{"comments and escapes", `\begin{document}
50\% of bees % not text
\end{document}`, []string{"", "50% of bees ", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := strings.Split(tt.src, "\n")
			got, _, _ := latexMarkup(raw)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
