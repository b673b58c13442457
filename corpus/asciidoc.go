package corpus

import (
	"path/filepath"
	"regexp"
	"strings"
)

// An AsciiDoc file (.adoc: Asciidoctor's and Antora's sources) is
// rewritten as Markdown line for line, as reStructuredText is, and read
// as Markdown: "= Title" and "== Section" are headings; listing and
// literal blocks (between "----" or "....") are code; example, sidebar,
// quote and open blocks are text, their delimiters and attribute lines
// ("[source,python]", "[NOTE]") markup; comments, passthroughs, includes,
// images and conditionals are left out; an admonition's label ("NOTE:")
// and a block's title (".The smoker") are not sentences of their own;
// cross references and links read as their text, and the document's
// attributes (":project: Beehive") as their values.

var (
	adocHeading   = regexp.MustCompile(`^(={1,6})\s+(\S.*)$`)
	adocDelimiter = regexp.MustCompile(`^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|/{4,}|\+{4,}|--|\|={3,})\s*$`)
	adocAttribute = regexp.MustCompile(`^:(!?[\w-]+!?):\s*(.*)$`)
	adocBlockAttr = regexp.MustCompile(`^\[[^\]]*\]\s*$`)
	adocMacro     = regexp.MustCompile(`^(include|image|toc|ifdef|ifndef|ifeval|endif|video|audio)::`)
	adocAdmonish  = regexp.MustCompile(`^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+`)
	adocTitle     = regexp.MustCompile(`^\.([^.\s].*)$`)
	adocList      = regexp.MustCompile(`^(\*{1,5}|-)\s+`)
	adocOrdered   = regexp.MustCompile(`^\.{1,5}\s+`)
	adocXref      = regexp.MustCompile(`<<[^,>]*,\s*([^>]+)>>|<<([^>]+)>>`)
	adocLink      = regexp.MustCompile(`(?:link:|xref:|mailto:|https?://)([^\s\[]*)\[([^\]]*)\]`)
	adocInlineMac = regexp.MustCompile(`\b(?:kbd|btn|menu|footnote|pass|icon):[^\s\[]*\[([^\]]*)\]`)
	adocAttrRef   = regexp.MustCompile(`\{([\w-]+)\}`)
	adocPassMark  = regexp.MustCompile("`\\+([^`]+)\\+`")
)

// isAsciiDoc reports whether a file is AsciiDoc, by its name.
func isAsciiDoc(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".adoc" || ext == ".asciidoc"
}

// asciidocMarkup rewrites AsciiDoc lines as Markdown lines, as many.
func asciidocMarkup(raw []string) []string {
	a := &adocRewriter{raw: raw, out: make([]string, len(raw)), attrs: map[string]string{}}
	return rewriteLines(a.out, a.line)
}

// adocRewriter rewrites a file's lines, knowing its attributes and the
// block title waiting for its block.
type adocRewriter struct {
	raw, out []string
	attrs    map[string]string
	title    string // a block's title (".The smoker"), for its first line
}

// line rewrites the line at i (and the block it opens) and returns the
// next line to read.
func (a *adocRewriter) line(i int) int {
	l := strings.TrimRight(a.raw[i], " \t")
	switch {
	case a.attribute(l):
		return i + 1
	case strings.HasPrefix(l, "//") && !strings.HasPrefix(l, "////"):
		return i + 1 // a comment
	case adocBlockAttr.MatchString(l) || adocMacro.MatchString(l) || strings.TrimSpace(l) == "+":
		return i + 1
	}
	if m := adocDelimiter.FindStringSubmatch(l); m != nil {
		return a.block(i, m[1])
	}
	if m := adocHeading.FindStringSubmatch(l); m != nil {
		a.out[i] = strings.Repeat("#", len(m[1])) + " " + a.inline(m[2])
		if len(m[1]) > 1 {
			return i + 1
		}
		j := i + 1 // the document's title: its author and revision lines under it are not text
		for ; j < len(a.raw) && strings.TrimSpace(a.raw[j]) != ""; j++ {
			a.attribute(a.raw[j])
		}
		return j
	}
	if m := adocTitle.FindStringSubmatch(l); m != nil {
		a.title = a.inline(m[1])
		return i + 1
	}
	text := adocAdmonish.ReplaceAllString(l, "")
	text = adocList.ReplaceAllString(text, "* ")
	text = adocOrdered.ReplaceAllString(text, "1. ")
	if strings.HasPrefix(text, "|") {
		text = "* " + tableRow(text) // a row, as a point of its own
	}
	if text = a.inline(strings.TrimLeft(text, " \t")); text != "" && a.title != "" {
		text, a.title = a.title+termDash+text, "" // "The smoker — A smoker is a tin can…"
	}
	a.out[i] = text
	return i + 1
}

// attribute keeps the value of a line that sets a document attribute
// (":project: Beehive") and reports whether it is one.
func (a *adocRewriter) attribute(line string) bool {
	m := adocAttribute.FindStringSubmatch(line)
	if m != nil {
		a.attrs[m[1]] = m[2]
	}
	return m != nil
}

// block rewrites a delimited block that opens at i: code fenced, a
// comment or passthrough left out, other blocks' delimiters dropped.
func (a *adocRewriter) block(i int, delim string) int {
	end := i + 1
	for end < len(a.raw) && strings.TrimRight(a.raw[end], " \t") != delim {
		end++
	}
	switch delim[0] {
	case '-', '.':
		if delim == "--" {
			return i + 1 // an open block: its content is text
		}
		a.title = ""
		a.out[i] = "```"
		for j := i + 1; j < end; j++ {
			a.out[j] = a.raw[j]
		}
		if end < len(a.raw) {
			a.out[end] = "```"
		}
		return end + 1
	case '/', '+':
		return end + 1 // a comment, raw markup
	}
	return i + 1 // an example, sidebar, quote or table: its lines are text
}

// inline rewrites a line's inline markup: cross references and links as
// their text, attributes as their values, passthroughs as code.
func (a *adocRewriter) inline(s string) string {
	s = adocXref.ReplaceAllString(s, "$1$2")
	s = adocLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := adocLink.FindStringSubmatch(m)
		if sub[2] == "" {
			return sub[1] // a bare link: its address
		}
		return sub[2]
	})
	s = adocInlineMac.ReplaceAllString(s, "$1")
	s = adocPassMark.ReplaceAllString(s, "`$1`")
	return adocAttrRef.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := a.attrs[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}
