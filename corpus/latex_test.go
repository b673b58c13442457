package corpus

import (
	"slices"
	"strings"
	"testing"
)

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
		{"arguments nested deeper than are read", strings.Repeat(`\emph{`, 70) + "deep\ntext" + strings.Repeat("}", 70) + "\nafter",
			[]string{strings.Repeat(`\emph{`, 70-maxLaTeXDepth) + "deep", "text" + strings.Repeat("}", 70-maxLaTeXDepth), "after"}},
		{"a table's rows", "\\begin{tabular}{ll}\nA & 1 \\\\ % the first row\nB & 2 \\\\\n\\end{tabular}",
			[]string{"", "- A · 1 ", "- B · 2 ", ""}},
		{"an enumeration in an enumeration", "\\begin{enumerate}\n\\item One\n\\begin{enumerate}\\item Inner\\end{enumerate}\n\\item Two\n\\end{enumerate}",
			[]string{"", "1. One", "    1. Inner", "2. Two", ""}},
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
