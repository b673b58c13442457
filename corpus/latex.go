package corpus

import (
	"cmp"
	"path/filepath"
	"strings"
)

// A LaTeX source (.tex, .ltx, .latex: a paper as arXiv gives its source, a
// thesis's chapter) is rewritten as Markdown line for line, so that its
// line numbers are the file's, and read as Markdown is. The preamble is
// left out but for the title and author it sets; sectioning commands are
// headings, numbered as LaTeX numbers them; lists, quotations, footnotes,
// tables (a row a list item, cells joined by " · "), floats' captions
// ("Table 1: …"), theorems ("Definition 1.") and an inline bibliography
// read as they print; \ref and \cite give the numbers LaTeX would (a
// citation of a BibTeX file its key); verbatim text and displayed
// mathematics are code; inline mathematics is kept as written, as code;
// comments, labels, layout and unknown commands' names are left out,
// their arguments kept. No maintained Go library reads LaTeX documents
// (go-latex reads mathematics); this is the part of it papers use.

// isLaTeX reports whether a file is a LaTeX source, by its name.
func isLaTeX(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tex", ".ltx", ".latex":
		return true
	}
	return false
}

// latexMarkup rewrites LaTeX source lines as Markdown lines, as many, and
// returns the title and author the source sets.
func latexMarkup(raw []string) (out []string, title, author string) {
	begin, end := latexBody(raw)
	preamble := stripLaTeXComments(raw[:begin])
	numbers := &latexNumbers{labels: map[string]string{}, cites: map[string]int{}, theorems: latexTheorems(preamble)}
	body := strings.Join(raw[begin:end], "\n")
	// The first reading numbers what labels and bibliography items
	// name; the second writes with those numbers.
	(&latexWriter{n: numbers.fresh()}).run(body)
	w := &latexWriter{n: numbers.fresh()}
	w.run(body)
	out = make([]string, len(raw))
	copy(out[begin:end], w.lines)
	w.placeNotes(out, begin)
	title, author = latexField(preamble, "title", numbers), latexField(preamble, "author", numbers)
	if title == "" {
		title, author = w.title, w.author // set in the body, as some classes ask
	}
	return out, title, author
}

// latexBody is the lines between \begin{document} and \end{document}; all
// of them in a file without (a chapter \input by its book).
func latexBody(raw []string) (begin, end int) {
	end = len(raw)
	for i, l := range raw {
		l = stripLaTeXComment(l)
		if begin == 0 && strings.Contains(l, `\begin{document}`) {
			begin = i + 1
		}
		if strings.Contains(l, `\end{document}`) {
			end = i
		}
	}
	return begin, max(begin, end)
}

// stripLaTeXComment is a line without its comment: from the first % that
// no backslash escapes.
func stripLaTeXComment(l string) string {
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '%':
			return l[:i]
		}
	}
	return l
}

// latexField is the text of a preamble's \title or \author (the preamble
// without its comments), on one line: authors joined ("A, B and C"),
// their affiliations and \thanks left out.
func latexField(preamble, name string, n *latexNumbers) string {
	at := strings.Index(preamble, `\`+name+"{")
	if at < 0 {
		return ""
	}
	arg, _ := latexArg(preamble, at+len(name)+1)
	w := &latexWriter{n: n.fresh()}
	if name != "author" {
		return w.flat(arg)
	}
	var names []string
	for part := range strings.SplitSeq(arg, `\and`) {
		part, _, _ = strings.Cut(part, `\\`) // a name's line, not its affiliation's
		if name := w.flat(part); name != "" {
			names = append(names, name)
		}
	}
	return joinNames(names)
}

// latexTheorems are the theorem-like environments a preamble (without
// its comments) declares, by name: what they print and the counter they
// share ("\newtheorem{lemma}[theorem]{Lemma}"), with LaTeX's usual ones.
func latexTheorems(src string) map[string][2]string {
	out := map[string][2]string{}
	for _, name := range []string{"theorem", "lemma", "proposition", "corollary", "definition", "remark", "example", "conjecture", "claim"} {
		out[name] = [2]string{strings.ToUpper(name[:1]) + name[1:], name}
	}
	for at := 0; ; {
		i := strings.Index(src[at:], `\newtheorem`)
		if i < 0 {
			return out
		}
		at += i + len(`\newtheorem`)
		at = skipStar(src, at)
		env, next := latexArg(src, at)
		shared, next := latexOptional(src, next)
		label, next := latexArg(src, next)
		counter := cmp.Or(shared, env)
		out[env] = [2]string{label, counter}
		at = next
	}
}

// stripLaTeXComments joins lines without their comments.
func stripLaTeXComments(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(stripLaTeXComment(l))
		b.WriteByte('\n')
	}
	return b.String()
}

// skipStar skips a starred command's star ("\section*").
func skipStar(s string, i int) int {
	if i < len(s) && s[i] == '*' {
		return i + 1
	}
	return i
}

// latexArg reads a command's argument at s[i:], past spaces: a group in
// braces (without them) or a single character; it returns what follows.
func latexArg(s string, i int) (string, int) {
	i = skipSpaces(s, i)
	if i >= len(s) {
		return "", i
	}
	if s[i] != '{' {
		return s[i : i+1], i + 1
	}
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[i+1 : j], j + 1
			}
		}
	}
	return s[i+1:], len(s)
}

// latexOptional reads an optional argument in brackets at s[i:], if there
// is one: a bracket opened and not closed within maxLaTeXOptional bytes is
// text, so that a hostile file's thousand "\\item[" are not each read to
// its end.
func latexOptional(s string, i int) (string, int) {
	j := skipSpaces(s, i)
	if j >= len(s) || s[j] != '[' {
		return "", i
	}
	depth := 0
	for k := j; k < min(len(s), j+maxLaTeXOptional); k++ {
		switch s[k] {
		case '{':
			depth++
		case '}':
			depth--
		case ']':
			if depth == 0 {
				return s[j+1 : k], k + 1
			}
		}
	}
	return "", i
}

// maxLaTeXOptional is the longest optional argument read.
const maxLaTeXOptional = 2000

// latexNumbers are what a source's labels and bibliography items are
// numbered, and the counters that number them.
type latexNumbers struct {
	labels   map[string]string    // number by label
	cites    map[string]int       // bibliography item's number by key
	theorems map[string][2]string // label and counter by environment
	// The counters, reset for each reading.
	sections [5]int         // part, chapter, section, subsection, subsubsection
	counters map[string]int // figures, tables, equations, theorems, bibliography items
	appendix bool
	chapters bool   // the source has chapters: sections are their parts
	last     string // what a \label names: the number last given
}

// fresh is the numbers with their counters reset, for a new reading.
func (n *latexNumbers) fresh() *latexNumbers {
	n.sections = [5]int{}
	n.counters = map[string]int{}
	n.appendix = false
	n.last = ""
	return n
}

// accents are the combining marks of LaTeX's accent commands.
var latexAccents = map[string]rune{"'": '\u0301', "`": '\u0300', "^": '\u0302', "\"": '\u0308', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030C', "H": '\u030B', "c": '\u0327', "k": '\u0328', "r": '\u030A'}

// latexSymbols are commands that print a character or word.
var latexSymbols = map[string]string{"ldots": "…", "dots": "…", "textellipsis": "…", "LaTeX": "LaTeX", "TeX": "TeX",
	"LaTeXe": "LaTeX2e", "%": "%", "&": "&", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", ",": " ", ";": " ",
	":": " ", "quad": " ", "qquad": " ", " ": " ", "textbackslash": `\`, "S": "§", "P": "¶", "copyright": "©",
	"textemdash": "—", "textendash": "–", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "and": ", ", "newline": " ", "linebreak": " ",
	"textasciitilde": "~", "textbar": "|", "textless": "<", "textgreater": ">", "textdegree": "°", "euro": "€",
	"pounds": "£", "dag": "†", "ddag": "‡", "textregistered": "®", "texttrademark": "™", "slash": "/"}

// latexDropped are commands left out with as many arguments as they take.
var latexDropped = map[string]int{"label": 1, "index": 1, "vspace": 1, "hspace": 1, "includegraphics": 1,
	"bibliographystyle": 1, "bibliography": 1, "addbibresource": 1, "input": 1, "include": 1, "usepackage": 1,
	"setlength": 2, "addtolength": 2, "setcounter": 2, "addtocounter": 2, "pagestyle": 1, "thispagestyle": 1,
	"nocite": 1, "pageref": 1, "thanks": 1, "date": 1, "newtheorem": 2, "hypersetup": 1, "graphicspath": 1,
	"pagenumbering": 1, "fontsize": 2, "color": 1, "definecolor": 3, "captionsetup": 1, "vskip": 0, "hskip": 0,
	"rule": 2, "enlargethispage": 1, "numberwithin": 2, "DeclareMathOperator": 2, "let": 0, "def": 0,
	"newcommand": 2, "renewcommand": 2, "providecommand": 2, "newenvironment": 3, "renewenvironment": 3}

// latexText are commands whose argument is text, printed as it is.
var latexText = map[string]bool{"emph": true, "textit": true, "textbf": true, "textsl": true, "textsc": true,
	"textup": true, "textrm": true, "textsf": true, "textnormal": true, "textmd": true, "underline": true,
	"mbox": true, "text": true, "hbox": true, "fbox": true, "uppercase": true, "MakeUppercase": true, "textsuperscript": true,
	"textsubscript": true, "uline": true, "sout": true, "hl": true, "textcolor": true, "colorbox": true, "caps": true}
