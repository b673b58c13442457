package corpus

import (
	"regexp"
	"slices"
	"strings"
)

// MyST, the Markdown of Sphinx's myst-parser and of Jupyter Book, writes
// reStructuredText's directives as fences whose info string is the
// directive's name in braces ("```{note}", ":::{tip}"), with its options
// on the lines after (":class: dropdown", or a YAML block between "---"
// lines); cross-reference targets as "(name)=" lines, comments as "% …"
// lines, block breaks as "+++" and roles as "{ref}`the guide <guide>`".
// A directive whose content is text (an admonition, a version note, a
// dropdown, a tab, a card, a figure's caption) is read as that text, its
// title opening its first paragraph as an HTML box's does ("Why a
// virtual environment? A virtual environment keeps…"); a code directive
// stays code, and so does any name it does not know: Quarto's and
// R Markdown's code cells are fenced the same way ("```{python}").
// Quarto's callouts (Pandoc divs: "::: {.callout-tip}") are read as MyST's
// admonitions, titled by their title attribute or by a heading as their
// first line.

var (
	mystDirective = regexp.MustCompile("^(`{3,}|~{3,}|:{3,})\\s*\\{([A-Za-z][\\w:.-]*)\\}\\s*(.*)$")
	mystTarget    = regexp.MustCompile(`^\([\w.:-]+\)=$`)
	mystRole      = regexp.MustCompile("\\{([A-Za-z][\\w:+-]*)\\}`([^`]+)`")
	// fencedAdmonition is Docusaurus's, VitePress's and Starlight's
	// admonition: ":::tip Faster builds", ":::note[Custom title]".
	fencedAdmonition = regexp.MustCompile(`^(:{3,})\s*([A-Za-z][\w-]*)(?:\[([^\]]*)\])?(?:\s+([^{\s].*?))?\s*$`)
	quartoCallout    = regexp.MustCompile(`^(:{3,})\s*\{\.callout-[\w-]+(?:[^}]*?\btitle="([^"]*)")?[^}]*\}\s*$`)
	listMarker       = regexp.MustCompile(`^([-*+]|\d{1,9}[.)])(\s|$)`)
)

// mystTextDirectives are the directives whose content is text, beyond
// Sphinx's version notes (rstVersions) and API descriptions
// (rstDescribes): admonitions, asides, and sphinx-design's and Jupyter
// Book's containers.
var mystTextDirectives = map[string]bool{
	"admonition": true, "attention": true, "caution": true, "danger": true, "error": true, "hint": true,
	"important": true, "note": true, "seealso": true, "tip": true, "warning": true, "todo": true,
	"topic": true, "sidebar": true, "margin": true, "epigraph": true, "pull-quote": true, "highlights": true,
	"rubric": true, "dropdown": true, "card": true, "grid": true, "grid-item": true, "grid-item-card": true,
	"tab-set": true, "tab-item": true, "div": true, "container": true, "glossary": true, "centered": true,
	"aside": true, "exercise": true, "solution": true, "figure": true, "table": true, "list-table": true,
}

// mystTextRoles are the roles whose text is words, not a name to be set
// as code.
var mystTextRoles = map[string]bool{"term": true, "abbr": true, "kbd": true, "guilabel": true,
	"menuselection": true, "dfn": true, "sub": true, "sup": true, "emphasis": true, "strong": true,
	"index": true, "title-reference": true}

// fencedBoxes holds the boxes open at a line whose content is text:
// MyST's directives, Docusaurus's, VitePress's and Quarto's admonitions
// (fenced), and the title of the last until its first paragraph, which
// MkDocs's admonitions (indented) keep here too.
type fencedBoxes struct {
	fences  []string // the fences of the open directives
	drop    bool     // inside a directive whose content is left out
	options bool     // the lines after a directive's first: its options
	yaml    bool     // inside its options written as YAML
	headed  bool     // a callout's first line, which may be its title
	title   string   // the last directive's title, not yet written
	sep     string   // what joins the title to its first paragraph
	titleAt int      // the line of the last directive's first line
}

// markup reports whether trimmed line t, indented by ind, the line after
// out (the lines written so far), is markup, left out: a text directive's first and last lines and
// options, a directive whose content is not text to read (a toctree, an
// include: reStructuredText's rstDropped), a target, a comment or a
// block break.
func (m *fencedBoxes) markup(t string, ind int, out []string) bool {
	if m.headed && t != "" {
		m.headed = false
		if strings.HasPrefix(t, "#") {
			m.title, m.sep = mystTitle("callout", strings.TrimSpace(strings.TrimLeft(t, "#")))
			m.titleAt = len(out)
			return true
		}
	}
	if m.options {
		switch {
		case t == "---":
			m.yaml = !m.yaml
			return true
		case m.yaml || rstOption.MatchString(t):
			return true
		}
		m.options = false
	}
	if n := len(m.fences); n > 0 && t != "" && strings.Trim(t, m.fences[n-1][:1]) == "" && len(t) >= len(m.fences[n-1]) {
		m.fences = m.fences[:n-1]
		m.drop = false
		m.flush(out)
		return true
	}
	if m.drop || ind > 3 {
		return m.drop
	}
	// A comment or a break stands after a blank line: a line of a
	// paragraph may begin "% of respondents…".
	opens := len(out) == 0 || strings.TrimSpace(out[len(out)-1]) == ""
	if mystTarget.MatchString(t) || opens && (t == "%" || strings.HasPrefix(t, "% ") || t == "+++") {
		return true
	}
	if c := quartoCallout.FindStringSubmatch(t); c != nil {
		m.open(c[1], "callout", c[2], out)
		m.headed = true
		return true
	}
	d := mystDirective.FindStringSubmatch(t)
	if d == nil {
		if a := fencedAdmonition.FindStringSubmatch(t); a != nil {
			m.open(a[1], "admonition", a[3]+a[4], out)
			return true
		}
		return false
	}
	name := strings.ToLower(d[2])
	switch {
	case isMystText(name):
		m.open(d[1], name, d[3], out)
		m.options = true
		return true
	case rstDropped[name] || strings.HasPrefix(name, "auto"):
		m.open(d[1], name, "", out)
		m.drop = true
		return true
	}
	return false
}

// open opens a directive on the line after out, fenced by fence, with
// its name and argument.
func (m *fencedBoxes) open(fence, name, arg string, out []string) {
	m.entitle(name, arg, out)
	m.fences = append(m.fences, fence)
	m.options, m.yaml, m.headed = false, false, false
}

// entitle keeps the title a box on the line after out has by its name
// and argument for its first paragraph, as an admonition's that is not
// fenced (MkDocs's '!!! tip "Title"').
func (m *fencedBoxes) entitle(name, arg string, out []string) {
	m.flush(out)
	m.title, m.sep = mystTitle(name, strings.TrimSpace(arg))
	m.titleAt = len(out)
}

// isMystText reports whether a directive's content is text.
func isMystText(name string) bool {
	_, version := rstVersions[name]
	return mystTextDirectives[name] || version || rstDescribes(name) || strings.HasPrefix(name, "prf:")
}

// mystTitle is what opens a directive's first paragraph, and what joins
// it to the paragraph: a version note's label ("New in version 2.1: …"),
// an API's signature, an admonition's or a tab's title, joined as an
// HTML box's is (titleJoin); a figure's argument is its image's path,
// not text.
func mystTitle(name, arg string) (title, sep string) {
	if arg == "" || name == "figure" {
		return "", ""
	}
	arg = inlineMarkup(arg)
	if label, ok := rstVersions[name]; ok {
		return label + " " + arg, ": "
	}
	return arg, titleJoin(arg)
}

// titled opens line l, as cleaned, with the title of the directive just
// opened when l is its first paragraph's first line; a title before a
// list, a table, code or a heading is left out, as it was before titles
// were kept. A directive with no content keeps its title on its own line
// ("New in version 2.1").
func (m *fencedBoxes) titled(l string) string {
	t := strings.TrimSpace(l)
	if m.title == "" || t == "" {
		return l
	}
	if opensBlock(t) {
		m.title = "" // a label over a list or code ("Summary", "What You'll Learn") is no sentence
		return l
	}
	l = l[:len(l)-len(strings.TrimLeft(l, " "))] + m.title + m.sep + t
	m.title = ""
	return l
}

// flush writes a title not yet written on its directive's line.
func (m *fencedBoxes) flush(out []string) {
	if m.title != "" {
		out[m.titleAt] = m.title
		m.title = ""
	}
}

// opensBlock reports whether a trimmed Markdown line opens a block other
// than a paragraph.
func opensBlock(t string) bool {
	return strings.ContainsRune("#>|<!{$`~:", rune(t[0])) || listMarker.MatchString(t)
}

// mystRoles writes MyST's roles outside code spans as what a reader
// sees: a reference's text ("{ref}`the guide <guide>`"), a term as its
// word, a name or a formula as code ("{func}`reload`", "{math}`x^2`").
func mystRoles(l string) string {
	if !strings.Contains(l, "}`") {
		return l
	}
	spans := codeSpans(l)
	inSpan := func(i int) bool {
		return slices.ContainsFunc(spans, func(s [2]int) bool { return i >= s[0] && i < s[1] })
	}
	var b strings.Builder
	last := 0
	for from := 0; from < len(l); {
		m := mystRole.FindStringSubmatchIndex(l[from:])
		if m == nil {
			break
		}
		if start := from + m[0]; inSpan(start) {
			from = start + 1
			continue
		}
		b.WriteString(l[last : from+m[0]])
		b.WriteString(mystRoleText(l[from+m[2]:from+m[3]], l[from+m[4]:from+m[5]]))
		last, from = from+m[1], from+m[1]
	}
	b.WriteString(l[last:])
	return b.String()
}

// codeSpans finds a line's code spans, as CommonMark does: a run of
// backticks up to the next run of as many.
func codeSpans(l string) [][2]int {
	var spans [][2]int
	run := func(i int) int {
		j := i
		for j < len(l) && l[j] == '`' {
			j++
		}
		return j - i
	}
	for i := 0; i < len(l); {
		n := run(i)
		if n == 0 {
			i++
			continue
		}
		end := -1
		for j := i + n; j < len(l) && end < 0; {
			k := run(j)
			if k == n {
				end = j + k
			}
			j += max(k, 1)
		}
		if end < 0 {
			i += n
			continue
		}
		spans = append(spans, [2]int{i, end})
		i = end
	}
	return spans
}

// mystRoleText is what a reader sees of a role's text.
func mystRoleText(role, text string) string {
	if i := strings.LastIndex(text, "<"); i > 0 && strings.HasSuffix(text, ">") && role != "math" {
		return strings.TrimSpace(text[:i])
	}
	text = strings.TrimLeft(text, "~!")
	if mystTextRoles[role] || strings.Contains(text, " ") && role != "math" {
		return text
	}
	return "`" + text + "`"
}
