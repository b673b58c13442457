package corpus

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A reStructuredText file (.rst: Sphinx's and docutils' sources, most
// Python projects' documentation) is rewritten as Markdown line for line,
// so that its line numbers are the file's, and read as Markdown is: titles
// over or under lines of punctuation are headings, at levels in the order
// their styles first appear; a literal block (after "::") and a code
// directive are code; an admonition's or other directive's content is text
// and its directive line markup; comments, targets, a toctree, images, raw
// markup and Sphinx's notes to itself (currentmodule, sectionauthor) are
// left out; a field list's fields read as docutils shows them ("Author:
// Paul McGuire"), the first author's the document's; angle brackets are
// text ("<salutation>"), never HTML; roles read as their text, as Sphinx
// shows it (":func:`reload`" as `reload`, ":class:`~pool.PoolManager`" as
// `PoolManager`, ":ref:`the guide <hives>`" as "the guide"), a link as its
// text and a substitution as what it replaces (a character code as its
// character); a definition list's term opens its definition ("swarm — A
// colony's…"). No maintained Go library parses reStructuredText; this is
// the part of it documentation uses.

var (
	rstDirective  = regexp.MustCompile(`^(\s*)\.\.\s+([A-Za-z][\w:-]*)::\s*(.*)$`)
	rstExplicit   = regexp.MustCompile(`^(\s*)\.\.(\s|$)`) // a comment, a target, a footnote, a substitution
	rstOption     = regexp.MustCompile(`^\s*:[\w-]+:`)
	rstRole       = regexp.MustCompile(":[\\w:+-]+:`([^`<]*?)\\s*(?:<[^`>]*>)?`")
	rstLink       = regexp.MustCompile("`([^`<]+?)\\s*<[^`>]+>`__?")
	rstRef        = regexp.MustCompile("`([^`]+)`__?")
	rstLiteral    = regexp.MustCompile("``([^`]+)``")
	rstRolePrefix = regexp.MustCompile(`:[\w:+-]+:$`) // a role's name before its text
	rstSubst      = regexp.MustCompile(`\|([\w -]+)\|_{0,2}`)
	rstReplace    = regexp.MustCompile(`^\s*\.\.\s+\|([\w -]+)\|\s+(replace|unicode)::\s*(.*)$`)
	rstCodePoint  = regexp.MustCompile(`^(?:0x|x|\\x|U\+|u|\\u)([0-9A-Fa-f]{1,6})$`)
	// rstField is a field of a field list: ":author: Paul McGuire",
	// ":param x: the value".
	rstField = regexp.MustCompile(`^:([^:\s][^:]*):(?:\s+(.*))?$`)
	// rstListStart opens a list item or a field, whose next lines are
	// indented to its text, not a definition.
	rstListStart = regexp.MustCompile(`^\s*([-*+•]\s|#\.\s|\d+[.)]\s|\(?[a-zA-Z0-9]\)\s|:[^:\s][^:]*:(\s|$))`)
	// A grid table's borders ("+----+====+") and a simple table's ("===  ==="),
	// and a grid table's row ("| March | syrup |").
	rstTableBorder = regexp.MustCompile(`^\s*(\+[-=+]*\+|=+( +=+)+)\s*$`)
	rstGridRow     = regexp.MustCompile(`^\s*\|.*\|\s*$`)
)

// rstCode are the directives whose content is code; rstDropped those
// whose content is not text to read.
var (
	rstCode    = map[string]bool{"code-block": true, "code": true, "sourcecode": true, "literalinclude": true, "doctest": true, "testcode": true, "prompt": true}
	rstDropped = map[string]bool{"toctree": true, "image": true, "figure": true, "raw": true, "include": true, "only": true,
		"contents": true, "sectnum": true, "autosummary": true, "automodule": true, "autoclass": true, "autofunction": true, "highlight": true,
		"index": true, "meta": true, "tabularcolumns": true, "graphviz": true, "math": true, "csv-table": true,
		"currentmodule": true, "py:currentmodule": true, "default-role": true, "default-domain": true, "role": true,
		"sectionauthor": true, "moduleauthor": true, "codeauthor": true}
)

// rstVersions are how Sphinx labels its version notes.
var rstVersions = map[string]string{"versionadded": "New in version", "versionchanged": "Changed in version",
	"deprecated": "Deprecated since version", "versionremoved": "Removed in version"}

// isRST reports whether a file is reStructuredText, by its name.
func isRST(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".rst")
}

// rstMarkup rewrites reStructuredText lines as Markdown lines, as many,
// and returns the author its bibliographic fields name.
func rstMarkup(raw []string) ([]string, string) {
	r := &rstRewriter{raw: slices.Clone(raw), out: make([]string, len(raw)), levels: map[string]int{}, substitutions: map[string]string{}}
	for _, l := range raw {
		if m := rstReplace.FindStringSubmatch(l); m != nil {
			text := strings.TrimSpace(m[3])
			if m[2] == "unicode" {
				text = codePoints(text)
			}
			r.substitutions[m[1]] = rstInline(text)
		}
	}
	return rewriteLines(r.out, r.line), r.author
}

// codePoints is the text a unicode directive gives: its character codes
// as the characters ("0xA9" as "©"), its other words as written, with
// no space between them, up to a comment ("..").
func codePoints(arg string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(arg) {
		if w == ".." {
			break // a comment
		}
		if m := rstCodePoint.FindStringSubmatch(w); m != nil {
			if n, err := strconv.ParseUint(m[1], 16, 32); err == nil && utf8.ValidRune(rune(n)) {
				b.WriteRune(rune(n))
				continue
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// rewriteLines fills out, a markup's lines rewritten as Markdown, by
// line: each call rewrites the line at i, or the block it opens, and
// returns the next line to read.
func rewriteLines(out []string, line func(i int) int) []string {
	for i := 0; i < len(out); {
		i = line(i)
	}
	return out
}

// rstRewriter rewrites a file's lines, knowing the title styles seen.
type rstRewriter struct {
	raw, out      []string
	levels        map[string]int    // heading level by title style
	substitutions map[string]string // text by name: ".. |project| replace:: Hivekeeper"
	author        string            // the first ":author:" field's
}

// inline rewrites a line's inline markup as Markdown (text), its angle
// brackets escaped: in reStructuredText they are text ("of the form
// <salutation>, <addressee>!"), never HTML.
func (r *rstRewriter) inline(s string) string {
	return escapeAngles(r.text(s))
}

// text is what a line's inline markup reads as, its substitutions
// replaced by the text they stand for: a field's value ("Author: Ada
// <ada@example.org>") as it is, not escaped for Markdown.
func (r *rstRewriter) text(s string) string {
	if strings.Contains(s, "|") && len(r.substitutions) > 0 {
		s = rstSubst.ReplaceAllStringFunc(s, func(m string) string {
			if text, ok := r.substitutions[rstSubst.FindStringSubmatch(m)[1]]; ok {
				return text
			}
			return m
		})
	}
	return rstInline(s)
}

// inlineAt rewrites the inline markup of s, the text of line i, whole
// where a role, link or literal it opens closes on the next line
// (":ref:`binary" over "mode <tut-files>`."): the construct's end moves
// up into s, or, where that would leave the next line blank, its start
// moves down, so that no paragraph is parted. (The rewriter's lines are
// its own copy of the file's.)
func (r *rstRewriter) inlineAt(i int, s string) string {
	open := openConstruct(s)
	if open < 0 || i+1 == len(r.raw) {
		return r.inline(s)
	}
	next := r.raw[i+1]
	t := strings.TrimLeft(next, " \t")
	closing := "`"
	if strings.HasPrefix(s[open:], "``") {
		closing = "``"
	}
	end := strings.Index(t, closing)
	if t == "" || end < 0 {
		return r.inline(s)
	}
	end += len(closing)
	for end < len(t) && t[end] != ' ' {
		end++ // "`__", the punctuation after it
	}
	indent := next[:len(next)-len(t)]
	if rest := strings.TrimLeft(t[end:], " "); rest != "" {
		r.raw[i+1] = indent + rest
		return r.inline(s + " " + t[:end])
	}
	if loc := rstRolePrefix.FindStringIndex(s[:open]); loc != nil {
		open = loc[0]
	}
	if strings.TrimSpace(s[:open]) == "" {
		return r.inline(s)
	}
	r.raw[i+1] = indent + s[open:] + " " + t
	return r.inline(strings.TrimRight(s[:open], " "))
}

// openConstruct returns where s opens an inline construct it does not
// close (a role's or link's backquote, a literal's two), or -1.
func openConstruct(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '`' {
			continue
		}
		mark := "`"
		if strings.HasPrefix(s[i:], "``") {
			mark = "``"
		}
		end := strings.Index(s[i+len(mark):], mark)
		if end < 0 {
			return i
		}
		i += len(mark) + end + len(mark) - 1
	}
	return -1
}

// line rewrites the line at i (and the block it opens) and returns the
// next line to read.
func (r *rstRewriter) line(i int) int {
	l := r.raw[i]
	if end, ok := r.title(i); ok {
		return end
	}
	if m := rstDirective.FindStringSubmatch(l); m != nil {
		return r.directive(i, m[2], m[3])
	}
	if rstExplicit.MatchString(l) {
		return r.skipBlock(i, indentOf(l))
	}
	if end := gridTableEnd(r.raw, i, len(r.raw)); end > i {
		rows := slices.Clone(r.raw[i:end]) // a grid table, a cell's lines joined
		gridRows(rows, 0, len(rows))
		for k, row := range rows {
			r.out[i+k] = r.inline(row)
		}
		return end
	}
	if isAdornment(l) || rstTableBorder.MatchString(l) {
		r.out[i] = "" // a transition, a table's border
		return i + 1
	}
	if rstGridRow.MatchString(l) {
		r.out[i] = r.inline(tableRow(l))
		return i + 1
	}
	if strings.HasPrefix(strings.TrimSpace(l), ">>> ") && i > 0 && strings.TrimSpace(r.raw[i-1]) == "" {
		return r.doctest(i)
	}
	if m := rstField.FindStringSubmatch(l); m != nil {
		return r.field(i, m[1], m[2])
	}
	if r.isTerm(i) {
		// A definition list's term: it opens its definition's first
		// line, as a glossary's term does in a web page.
		r.out[i] = ""
		r.out[i+1] = r.inline(strings.TrimSpace(l)) + termDash + r.inline(strings.TrimSpace(r.raw[i+1]))
		return i + 2
	}
	text := l
	if strings.HasSuffix(strings.TrimRight(l, " "), "::") {
		text = strings.TrimSuffix(strings.TrimRight(l, " "), ":") // "…the queen::" reads "…the queen:"
		if strings.TrimSpace(text) == ":" {
			text = ""
		}
		r.out[i] = r.inlineAt(i, strings.TrimLeft(text, " \t"))
		return r.code(i+1, "")
	}
	r.out[i] = r.inlineAt(i, strings.TrimLeft(text, " \t"))
	return i + 1
}

// field rewrites a field of a field list at i as the list item docutils
// shows it as: ":author: Paul McGuire" reads "Author: Paul McGuire", and a
// document's first author is its author.
func (r *rstRewriter) field(i int, name, body string) int {
	if strings.EqualFold(name, "author") && r.author == "" {
		r.author = r.text(body)
	}
	label := []rune(name)
	label[0] = unicode.ToUpper(label[0])
	r.out[i] = "- " + string(label) + ": " + r.inlineAt(i, body)
	return i + 1
}

// title rewrites a section title at i, under a line of punctuation and
// over one or not, as a heading.
func (r *rstRewriter) title(i int) (int, bool) {
	t := strings.TrimSpace(r.raw[i])
	over := i > 0 && isAdornment(r.raw[i-1]) && (i < 2 || strings.TrimSpace(r.raw[i-2]) == "")
	if t == "" || isAdornment(r.raw[i]) || i+1 == len(r.raw) || !isAdornment(r.raw[i+1]) {
		return 0, false
	}
	under := strings.TrimSpace(r.raw[i+1])
	if indentOf(r.raw[i]) > 0 && !over {
		return 0, false
	}
	style := under[:1]
	if over && strings.TrimSpace(r.raw[i-1])[:1] == style {
		style += "over"
		r.out[i-1] = ""
	}
	level, ok := r.levels[style]
	if !ok {
		level = min(len(r.levels)+1, 6)
		r.levels[style] = level
	}
	r.out[i] = strings.Repeat("#", level) + " " + r.inline(t)
	r.out[i+1] = ""
	return i + 2, true
}

// directive rewrites a directive at i: code as a fenced block, markup
// left out, an admonition's or another's content as text.
func (r *rstRewriter) directive(i int, name, arg string) int {
	name = strings.ToLower(name)
	indent := indentOf(r.raw[i])
	switch {
	case rstCode[name]:
		r.out[i] = ""
		return r.code(i+1, strings.TrimSpace(arg))
	case rstDropped[name] || strings.HasPrefix(name, "auto"):
		return r.skipBlock(i, indent)
	}
	if rstOption.MatchString(arg) {
		arg = "" // an option set on the directive's line: ".. sectnum:: :depth: 4"
	}
	r.out[i] = r.inlineAt(i, strings.TrimSpace(arg)) // an admonition's first line, a topic's title
	sep := termDash
	label, version := rstVersions[name]
	if version && arg != "" {
		r.out[i], sep = label+" "+r.out[i], ": " // "Changed in version 3.6: Accepts…"
	}
	j := i + 1
	for ; j < len(r.raw) && rstOption.MatchString(r.raw[j]) && indentOf(r.raw[j]) > indent; j++ {
		r.out[j] = "" // the directive's options
	}
	if !(rstDescribes(name) || version) || arg == "" {
		return j
	}
	// An API's description: its signature opens the description's first
	// paragraph ("chr(i) — Return the string…"), as a glossary's term; a
	// version note's label opens what changed.
	for ; j < len(r.raw) && strings.TrimSpace(r.raw[j]) == ""; j++ {
	}
	if j == len(r.raw) || indentOf(r.raw[j]) <= indent || rstDirective.MatchString(r.raw[j]) {
		return j
	}
	r.out[j] = r.out[i] + sep + r.inlineAt(j, strings.TrimSpace(r.raw[j]))
	r.out[i] = ""
	return j + 1
}

// rstDescribes reports whether a directive describes a part of an API
// (Sphinx's function, class, method…, in any domain: py:function).
func rstDescribes(name string) bool {
	_, local, _ := strings.Cut(name, ":")
	if local == "" {
		local = name
	}
	switch local {
	case "function", "method", "class", "attribute", "data", "exception", "decorator", "describe", "object",
		"classmethod", "staticmethod", "property", "module", "member", "macro", "type", "var", "option", "envvar":
		return true
	}
	return false
}

// code fences the indented block that starts at or after line i (past
// blank lines and options): its first blank line before it opens the
// fence and the blank line after it closes it.
func (r *rstRewriter) code(i int, lang string) int {
	j := i
	for ; j < len(r.raw) && (rstOption.MatchString(r.raw[j]) && indentOf(r.raw[j]) > 0); j++ {
		r.out[j] = ""
	}
	open := -1
	for ; j < len(r.raw) && strings.TrimSpace(r.raw[j]) == ""; j++ {
		open = j
	}
	if j == len(r.raw) || indentOf(r.raw[j]) == 0 {
		return j
	}
	block := indentOf(r.raw[j])
	if open >= 0 {
		r.out[open] = "```" + lang
	}
	last := j
	for ; j < len(r.raw) && (strings.TrimSpace(r.raw[j]) == "" || indentOf(r.raw[j]) >= block); j++ {
		if strings.TrimSpace(r.raw[j]) != "" {
			r.out[j] = r.raw[j][min(block, len(r.raw[j])):]
			last = j
		}
	}
	if last+1 < len(r.raw) && strings.TrimSpace(r.raw[last+1]) == "" {
		r.out[last+1] = "```"
		return last + 2
	}
	return last + 1
}

// doctest fences a doctest block (">>> print(1)" and its output), which
// stands without a directive or an indent: the blank line before it
// opens the fence, the one after closes it.
func (r *rstRewriter) doctest(i int) int {
	r.out[i-1] = "```pycon"
	j := i
	for ; j < len(r.raw) && strings.TrimSpace(r.raw[j]) != ""; j++ {
		r.out[j] = strings.TrimLeft(r.raw[j], " \t")
	}
	if j < len(r.raw) {
		r.out[j] = "```"
		return j + 1
	}
	return j
}

// skipBlock leaves out the line at i and the lines indented under it.
func (r *rstRewriter) skipBlock(i, indent int) int {
	r.out[i] = ""
	j := i + 1
	for ; j < len(r.raw) && (strings.TrimSpace(r.raw[j]) == "" || indentOf(r.raw[j]) > indent); j++ {
		r.out[j] = ""
	}
	for j > i+1 && strings.TrimSpace(r.raw[j-1]) == "" {
		j-- // the blank lines after the block part it from what follows
	}
	return j
}

// rstInline rewrites a line's inline markup: roles and links as their
// text, literals as Markdown's code; its angle brackets are left to
// inline, once substitutions have been made.
func rstInline(s string) string {
	s = rstLiteral.ReplaceAllString(s, "`$1`")
	s = rstRole.ReplaceAllStringFunc(s, func(m string) string {
		text := rstRole.FindStringSubmatch(m)[1]
		if rest, ok := strings.CutPrefix(text, "~"); ok {
			text = rest[strings.LastIndexByte(rest, '.')+1:] // Sphinx shows "~urllib3.PoolManager" as "PoolManager"
		}
		text = strings.TrimLeft(text, "!") // no link
		if strings.ContainsAny(text, " ") {
			return text
		}
		return "`" + text + "`"
	})
	s = rstLink.ReplaceAllString(s, "$1")
	s = rstRef.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, " --- ", " — ") // as Sphinx sets it
	return rstSubst.ReplaceAllString(s, "$1")
}

// escapeAngles escapes the angle brackets of a line rewritten as
// Markdown, outside its code.
func escapeAngles(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	code := false
	for _, c := range s {
		switch {
		case c == '`':
			code = !code
		case c == '<' && !code:
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// isAdornment reports whether a line is a title's underline or overline,
// or a transition: one punctuation character, three times or more.
func isAdornment(line string) bool {
	t := strings.TrimRightFunc(line, unicode.IsSpace)
	if len(t) < 3 || t[0] > unicode.MaxASCII || !unicode.IsPunct(rune(t[0])) && !unicode.IsSymbol(rune(t[0])) {
		return false
	}
	return strings.Count(t, t[:1]) == len(t)
}

// cellJoin joins a table row's cells into the one paragraph the row is
// read as, in every format: "March · Sugar syrup, one to one".
const cellJoin = " · "

// tableRow is a table's row written with bars ("| March | syrup |": a
// reStructuredText grid table's, an AsciiDoc or Org table's) as the
// paragraph it is read as, its cells joined.
func tableRow(row string) string {
	var cells []string
	for _, c := range strings.Split(row, "|") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, cellJoin)
}

// indentOf is how many spaces (a tab counted as one) a line opens with.
func indentOf(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// isTerm reports whether the line at i is a definition list's term: a
// line on its own after a blank one, its definition on the next line
// indented further, as reStructuredText defines it (a paragraph's lines
// share one indentation). A list item's or a field's next lines are its
// own.
func (r *rstRewriter) isTerm(i int) bool {
	l := r.raw[i]
	if strings.TrimSpace(l) == "" || i+1 >= len(r.raw) || i > 0 && strings.TrimSpace(r.raw[i-1]) != "" {
		return false
	}
	next := r.raw[i+1]
	return strings.TrimSpace(next) != "" && indentOf(next) > indentOf(l) && !rstListStart.MatchString(l) &&
		!strings.HasSuffix(strings.TrimSpace(l), "::") && !rstDirective.MatchString(next)
}
