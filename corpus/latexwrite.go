package corpus

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latexWriter writes a LaTeX body as Markdown, a line for each of its
// lines.
type latexWriter struct {
	n     *latexNumbers
	lines []string
	cur   strings.Builder
	envs  []string // the open environments, innermost last
	items []int    // the items met in each open list, innermost last
	quote int      // open quotations
	row   bool     // in a table, the row has begun
	notes []latexNote
	depth int // arguments being written within arguments
	// title and author are set by \title and \author in the body.
	title, author string
}

// latexNote is a footnote: its number, its text and the line marked.
type latexNote struct {
	n    int
	line int
	text string
}

// run writes a body, its last line too.
func (w *latexWriter) run(s string) {
	w.write(s)
	w.newline()
}

// flat is s written on one line, its spaces collapsed: a heading's, a
// caption's, a footnote's text.
func (w *latexWriter) flat(s string) string {
	sub := &latexWriter{n: w.n, depth: w.depth}
	sub.run(s)
	return strings.ReplaceAll(strings.Join(strings.Fields(strings.Join(sub.lines, " ")), " "), " ,", ",")
}

// write writes s; an argument nested deeper than maxLaTeXDepth is
// written as it stands, so that a hostile file's nesting costs no more
// than its length.
func (w *latexWriter) write(s string) {
	if w.depth >= maxLaTeXDepth {
		for k, l := range strings.Split(s, "\n") {
			if k > 0 {
				w.newline() // the source's lines stay lines
			}
			w.put(l)
		}
		return
	}
	w.depth++
	defer func() { w.depth-- }()
	for i := 0; i < len(s); {
		i = w.step(s, i)
	}
}

// maxLaTeXDepth bounds how deep arguments are read within arguments.
const maxLaTeXDepth = 64

// step writes what s holds at i and returns where it goes on.
func (w *latexWriter) step(s string, i int) int {
	switch c := s[i]; {
	case c == '\n':
		w.newline()
		return i + 1
	case c == '%':
		if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
			return i + j
		}
		return len(s)
	case c == '\\':
		return w.command(s, i+1)
	case c == '{' || c == '}':
		return i + 1
	case c == '$':
		return w.math(s, i)
	case c == '~':
		w.put(" ")
		return i + 1
	case c == '&' && w.inTable():
		cell := strings.TrimRight(w.cur.String(), " \t")
		w.cur.Reset()
		w.cur.WriteString(cell)
		w.put(" · ")
		return skipSpaces(s, i+1)
	}
	for _, lig := range latexLigatures {
		if strings.HasPrefix(s[i:], lig[0]) {
			w.put(lig[1])
			return i + len(lig[0])
		}
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	w.put(s[i : i+size])
	return i + size
}

// skipSpaces skips the spaces and tabs at s[i:].
func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// latexLigatures are the character pairs TeX prints as one, longest first.
var latexLigatures = [][2]string{{"---", "—"}, {"--", "–"}, {"``", "“"}, {"''", "”"}, {"`", "‘"}, {"'", "’"}}

// put writes text on the current line: at a line's start, past its
// spaces and after the quotation's marks, and for a table's row its
// list item's.
func (w *latexWriter) put(text string) {
	if w.cur.Len() == 0 {
		text = strings.TrimLeft(text, " \t")
		if text == "" {
			return
		}
		w.cur.WriteString(strings.Repeat("> ", w.quote))
	}
	if w.inTable() && !w.row {
		if text = strings.TrimLeft(text, " \t"); text == "" {
			return // the spaces after a row's end, before the next
		}
		w.row = true
		w.cur.WriteString("- ")
	}
	w.cur.WriteString(text)
}

// newline ends the current line.
func (w *latexWriter) newline() {
	line := w.cur.String()
	if line == "" && w.quote > 0 {
		line = ">"
	}
	w.lines = append(w.lines, line)
	w.cur.Reset()
}

// inTable reports whether the innermost environment is a table's body.
func (w *latexWriter) inTable() bool {
	return len(w.envs) > 0 && latexTables[strings.TrimSuffix(w.envs[len(w.envs)-1], "*")]
}

// latexTables are the environments whose body is a table's rows.
var latexTables = map[string]bool{"tabular": true, "tabularx": true, "longtable": true, "tabulary": true, "array": true}

// math writes inline mathematics ($…$) as code, and displayed ($$…$$)
// as a code block.
func (w *latexWriter) math(s string, i int) int {
	if strings.HasPrefix(s[i:], "$$") {
		end := strings.Index(s[i+2:], "$$")
		if end < 0 {
			return len(s)
		}
		w.display(s[i+2 : i+2+end])
		return i + 2 + end + 2
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '$':
			w.code(s[i+1 : j])
			return j + 1
		}
	}
	w.put("$")
	return i + 1
}

// code writes text as inline code, its line breaks kept.
func (w *latexWriter) code(text string) {
	tick := "`"
	if strings.Contains(text, "`") {
		tick = "`` "
	}
	w.put(tick)
	for k, l := range strings.Split(text, "\n") {
		if k > 0 {
			w.newline()
		}
		w.put(l)
	}
	w.cur.WriteString(reverse(tick))
}

// reverse is a code span's closing ticks for its opening ones.
func reverse(tick string) string {
	if tick == "`` " {
		return " ``"
	}
	return tick
}

// display writes displayed mathematics as a code block: its first line
// opens the fence, its last closes it, labels left out.
func (w *latexWriter) display(text string) {
	for _, m := range latexLabel.FindAllStringSubmatch(text, -1) {
		w.n.labels[m[1]] = w.n.last
	}
	text = latexLabel.ReplaceAllString(text, "")
	w.block(text, "```")
}

// block writes text as a fenced block, a fence on the line it begins and
// on the line it ends; where it takes one line, on that line alone.
func (w *latexWriter) block(text, fence string) {
	lines := strings.Split(text, "\n")
	if len(lines) < 3 {
		w.code(strings.TrimSpace(strings.ReplaceAll(text, "\n", " ")))
		for range len(lines) - 1 {
			w.newline()
		}
		return
	}
	w.put(fence)
	for _, l := range lines[1 : len(lines)-1] {
		w.newline()
		w.cur.WriteString(l)
	}
	w.newline()
	w.put(fence)
}

// command writes the command at s[i:] (past its backslash) and returns
// where its arguments end.
func (w *latexWriter) command(s string, i int) int {
	if i >= len(s) {
		return i
	}
	name, j := latexName(s, i)
	if isLetters(name) {
		j = skipSpaces(s, j) // TeX reads the spaces after a command's name as its end
	}
	if next, ok := w.structure(name, s, j); ok {
		return next
	}
	if next, ok := w.inline(name, s, j); ok {
		return next
	}
	if k, ok := latexDropped[name]; ok {
		j = skipStar(s, j)
		_, j = latexOptional(s, j)
		for range k {
			_, j = latexArg(s, j)
			_, j = latexOptional(s, j)
		}
		return j
	}
	if sym, ok := latexSymbols[name]; ok {
		w.put(sym)
		return skipEmptyGroup(s, j)
	}
	if mark, ok := latexAccents[name]; ok {
		arg, next := latexArg(s, j)
		w.put(norm.NFC.String(arg + string(mark)))
		return next
	}
	// An unknown command: its name left out, its arguments written.
	_, j = latexOptional(s, skipStar(s, j))
	return skipEmptyGroup(s, j)
}

// latexName reads a command's name at s[i:]: letters, or one other
// character.
func latexName(s string, i int) (string, int) {
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '@') {
		j++
	}
	if j == i {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[i : i+size], i + size
	}
	return s[i:j], j
}

// isLetters reports whether a command's name is a word ("emph"), not a
// character ("\\%").
func isLetters(name string) bool {
	return name != "" && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z')
}

// skipEmptyGroup skips the "{}" that ends a command's name before a
// space ("\LaTeX{} is").
func skipEmptyGroup(s string, i int) int {
	if strings.HasPrefix(s[i:], "{}") {
		return i + 2
	}
	return i
}

// inline writes a command of the text: emphasis, code, links,
// references, citations, footnotes, line breaks.
func (w *latexWriter) inline(name, s string, j int) (int, bool) {
	switch {
	case latexText[name]:
		_, j = latexOptional(s, j)
		if name == "textcolor" || name == "colorbox" {
			_, j = latexArg(s, j)
		}
		arg, next := latexArg(s, j)
		w.write(arg)
		return next, true
	case name == "texttt" || name == "code" || name == "path" && j < len(s) && s[j] == '{':
		arg, next := latexArg(s, j)
		w.code(w.flat(arg))
		return next, true
	case name == "verb" || name == "lstinline" || name == "path" || name == "mintinline":
		return w.verb(s, skipStar(s, j)), true
	case name == "url" || name == "nolinkurl":
		arg, next := latexArg(s, j)
		w.put(arg)
		return next, true
	case name == "href":
		_, j = latexArg(s, j)
		arg, next := latexArg(s, j)
		w.write(arg)
		return next, true
	case name == "ref" || name == "autoref" || name == "cref" || name == "Cref" || name == "eqref" || name == "nameref":
		arg, next := latexArg(s, skipStar(s, j))
		w.reference(name, arg)
		return next, true
	case strings.Contains(strings.ToLower(name), "cite") && name != "nocite":
		return w.cite(s, skipStar(s, j)), true
	case name == "footnote":
		_, j = latexOptional(s, j)
		arg, next := latexArg(s, j)
		w.footnote(arg)
		return next, true
	case name == `\`:
		if w.inTable() {
			w.row = false
		} else {
			w.put(" ")
		}
		_, next := latexOptional(s, skipStar(s, j))
		return next, true
	case name == "multicolumn" || name == "multirow":
		_, j = latexArg(s, j)
		_, j = latexOptional(s, j)
		_, j = latexArg(s, j)
		arg, next := latexArg(s, j)
		w.write(arg)
		return next, true
	case name == "(":
		return w.until(s, j, `\)`, w.code), true
	case name == "[":
		return w.until(s, j, `\]`, w.display), true
	}
	return j, false
}

// until hands what s holds from i to end to write, and returns where
// end ends.
func (w *latexWriter) until(s string, i int, end string, write func(string)) int {
	k := strings.Index(s[i:], end)
	if k < 0 {
		write(s[i:])
		return len(s)
	}
	write(s[i : i+k])
	return i + k + len(end)
}

// verb writes \verb|text| (any delimiter, or braces) as code.
func (w *latexWriter) verb(s string, i int) int {
	_, i = latexOptional(s, i)
	if i >= len(s) {
		return i
	}
	if s[i] == '{' {
		arg, next := latexArg(s, i)
		w.code(arg)
		return next
	}
	end := strings.IndexByte(s[i+1:], s[i])
	if end < 0 {
		return i + 1
	}
	w.code(s[i+1 : i+1+end])
	return i + 1 + end + 1
}

// reference writes the number a label names, in parentheses for an
// equation's; nothing for a label the text does not number.
func (w *latexWriter) reference(name, label string) {
	n, ok := w.n.labels[strings.TrimSpace(label)]
	if !ok || n == "" {
		return
	}
	if name == "eqref" {
		n = "(" + n + ")"
	}
	w.put(n)
}

// cite writes a citation as the bibliography numbers it: "[3, 7]", with
// its page ("[3, p. 12]"); a key the text does not number as itself.
func (w *latexWriter) cite(s string, i int) int {
	first, i := latexOptional(s, i)
	second, i := latexOptional(s, i)
	keys, next := latexArg(s, i)
	var parts []string
	for key := range strings.SplitSeq(keys, ",") {
		key = strings.TrimSpace(key)
		if n, ok := w.n.cites[key]; ok {
			parts = append(parts, strconv.Itoa(n))
		} else if key != "" {
			parts = append(parts, key)
		}
	}
	if note := w.flat(cmp.Or(second, first)); note != "" {
		parts = append(parts, note) // \cite[p.~12]{key}, \cite[see][p.~12]{key}
	}
	if len(parts) > 0 {
		w.put("[" + strings.Join(parts, ", ") + "]")
	}
	return next
}

// footnote marks a footnote where it stands and keeps its text for a
// place of its own; the lines its text takes in the source stay lines.
func (w *latexWriter) footnote(text string) {
	n := len(w.notes) + 1
	w.notes = append(w.notes, latexNote{n: n, line: len(w.lines), text: w.flat(text)})
	w.cur.WriteString(fmt.Sprintf("[^%d]", n))
	for range strings.Count(text, "\n") {
		w.newline()
	}
}

// placeNotes writes each footnote's text on a blank line after the one
// that marks it, where the Markdown reader takes it as the note and not
// as a paragraph's line; a note with no such line is written in
// parentheses where it is marked.
func (w *latexWriter) placeNotes(out []string, begin int) {
	next := 0
	for _, note := range w.notes {
		at := begin + note.line
		next = max(next, at+1)
		for next < len(out) && !(strings.TrimSpace(out[next]) == "" && noteFits(out, next)) {
			next++
		}
		marker := fmt.Sprintf("[^%d]", note.n)
		if next >= len(out) {
			out[at] = strings.Replace(out[at], marker, " ("+note.text+")", 1)
			continue
		}
		out[next] = marker + ": " + note.text
		next++
	}
}

// noteFits reports whether a note written at line i ends there: the
// next line ends it (a blank line, a heading, a list's item, a fence).
func noteFits(out []string, i int) bool {
	if i+1 >= len(out) {
		return true
	}
	next := strings.TrimSpace(out[i+1])
	return next == "" || strings.HasPrefix(next, "#") || strings.HasPrefix(next, "- ") || strings.HasPrefix(next, "```") ||
		strings.HasPrefix(next, "[^") || strings.HasPrefix(next, ">")
}
