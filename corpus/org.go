package corpus

import (
	"path/filepath"
	"regexp"
	"strings"
)

// An Org file (.org: Emacs's Org mode, org-roam's notes, books kept in
// Org) is rewritten as Markdown line for line, as reStructuredText and
// AsciiDoc are, and read as Markdown: "* Heading" and its deeper levels
// are headings, under the document's title ("#+TITLE:") where it has one,
// without their TODO keywords, priorities and tags; source and example
// blocks are code; quote, verse and centre blocks are text, their
// delimiters markup; comments, comment and export blocks, drawers
// (":PROPERTIES:" … ":END:") and settings ("#+OPTIONS:") are left out;
// links read as their description, "=verbatim=" and "~code~" as code,
// "/italic/" and "+struck+" as their words, a table's row as its cells;
// footnotes are Markdown's.

var (
	orgHeading  = regexp.MustCompile(`^(\*+)\s+(?:(?:TODO|DONE|NEXT|WAITING|CANCELLED|CANCELED)\s+)?(?:\[#[A-Za-z0-9]\]\s+)?(.*?)(?:\s+:[\w@#%:]+:)?\s*$`)
	orgKeyword  = regexp.MustCompile(`(?i)^\s*#\+(\w+):\s*(.*)$`)
	orgBegin    = regexp.MustCompile(`(?i)^\s*#\+begin_(\w+)\s*(\S*)`)
	orgDrawer   = regexp.MustCompile(`^\s*:[\w-]+:\s*$`)
	orgLink     = regexp.MustCompile(`\[\[([^\]]+)\](?:\[([^\]]+)\])?\]`)
	orgCode     = regexp.MustCompile(`(^|[\s(“"'])[=~](\S(?:[^=~]*?\S)?)[=~]($|[\s).,;:!?”"'])`)
	orgItalic   = regexp.MustCompile(`(^|[\s(“"'])[/+](\S(?:[^/+]*?\S)?)[/+]($|[\s).,;:!?”"'])`)
	orgFootRef  = regexp.MustCompile(`\[fn:([\w-]+)\]`)
	orgFootDef  = regexp.MustCompile(`^\[fn:([\w-]+)\]\s+`)
	orgTableSep = regexp.MustCompile(`^\s*\|[-+]+\|?\s*$`)
)

// isOrg reports whether a file is an Org file, by its name.
func isOrg(name string) bool { return strings.EqualFold(filepath.Ext(name), ".org") }

// orgMarkup rewrites Org lines as Markdown lines, as many.
func orgMarkup(raw []string) []string {
	o := &orgRewriter{raw: raw, out: make([]string, len(raw))}
	for _, l := range raw {
		if m := orgKeyword.FindStringSubmatch(l); m != nil && strings.EqualFold(m[1], "title") {
			o.titled = true
			break
		}
	}
	return rewriteLines(o.out, o.line)
}

// orgRewriter rewrites a file's lines, knowing whether it has a title
// (its headings then stand a level under it).
type orgRewriter struct {
	raw, out []string
	titled   bool
}

// line rewrites the line at i (and the block it opens) and returns the
// next line to read.
func (o *orgRewriter) line(i int) int {
	l := strings.TrimRight(o.raw[i], " \t\r")
	t := strings.TrimSpace(l)
	if m := orgBegin.FindStringSubmatch(l); m != nil {
		return o.block(i, strings.ToLower(m[1]), m[2])
	}
	if m := orgKeyword.FindStringSubmatch(l); m != nil {
		if strings.EqualFold(m[1], "title") {
			o.out[i] = "# " + o.inline(m[2])
		}
		return i + 1 // a setting: #+AUTHOR, #+OPTIONS, #+CAPTION …
	}
	if t == "#" || strings.HasPrefix(t, "# ") || strings.HasPrefix(strings.ToLower(t), "#+end_") {
		return i + 1 // a comment, or the end of a block of text
	}
	if orgDrawer.MatchString(l) && !strings.EqualFold(t, ":END:") {
		return o.drawer(i)
	}
	if m := orgHeading.FindStringSubmatch(l); m != nil {
		level := len(m[1])
		if o.titled {
			level++
		}
		o.out[i] = strings.Repeat("#", min(level, 6)) + " " + o.inline(m[2])
		return i + 1
	}
	switch {
	case orgTableSep.MatchString(l):
		return i + 1
	case strings.HasPrefix(t, "|"):
		o.out[i] = "* " + o.inline(tableRow(t)) // a row, as a point of its own
		return i + 1
	}
	if m := orgFootDef.FindStringSubmatch(l); m != nil {
		l = "[^" + m[1] + "]: " + l[len(m[0]):]
	}
	o.out[i] = o.inline(l)
	return i + 1
}

// drawer leaves out a drawer that opens at i, up to its ":END:".
func (o *orgRewriter) drawer(i int) int {
	for j := i + 1; j < len(o.raw) && j < i+200; j++ {
		if strings.EqualFold(strings.TrimSpace(o.raw[j]), ":END:") {
			return j + 1
		}
	}
	return i + 1 // no end: a line that only looks like a drawer's name
}

// block rewrites a block that opens at i: code fenced, a comment or an
// export left out, other blocks' delimiters dropped, their lines text.
func (o *orgRewriter) block(i int, kind, lang string) int {
	end := i + 1
	for end < len(o.raw) && !strings.EqualFold(strings.TrimSpace(o.raw[end]), "#+end_"+kind) {
		end++
	}
	if end == len(o.raw) {
		return i + 1 // a block that never ends is no block, as Org reads it: its lines are text
	}
	switch kind {
	case "src", "example":
		if kind == "example" {
			lang = ""
		}
		o.out[i] = "```" + lang
		for j := i + 1; j < end; j++ {
			o.out[j] = strings.TrimPrefix(o.raw[j], ",") // Org escapes a line that starts with * or #+ with a comma
		}
		o.out[end] = "```"
		return end + 1
	case "comment", "export", "html", "latex":
		return end + 1
	}
	return i + 1 // a quote, verse or centre block: its lines are text, its end markup
}

// inline rewrites a line's inline markup: links as their description,
// verbatim and code as code, italics and struck words as their words,
// footnote references as Markdown's.
func (o *orgRewriter) inline(s string) string {
	s = orgLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := orgLink.FindStringSubmatch(m)
		if sub[2] != "" {
			return sub[2]
		}
		_, target, ok := strings.Cut(sub[1], ":")
		if !ok || strings.HasPrefix(sub[1], "http") {
			target = sub[1]
		}
		return strings.TrimPrefix(target, "//")
	})
	s = orgCode.ReplaceAllString(s, "$1`$2`$3")
	s = orgItalic.ReplaceAllString(s, "$1$2$3")
	return orgFootRef.ReplaceAllString(s, "[^$1]")
}
