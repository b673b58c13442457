package corpus

import (
	"regexp"
	"strings"
)

// Documentation generators add markup of their own to Markdown: front
// matter, MkDocs admonitions (!!! note) and content tabs (=== "Tab")
// whose bodies are indented, Docusaurus admonitions (:::tip), MDX import
// lines and JSX components, Hugo and Jekyll shortcodes and Liquid tags,
// emoji shortcodes, attribute lists; and notes apps' (Obsidian's, GitHub's)
// callouts ("> [!NOTE]") and wiki links ("[[Page|the page]]"); MyST's
// (Sphinx's and Jupyter Book's Markdown) directives, targets, comments and
// roles. docsMarkup turns it into plain CommonMark line for line, keeping
// the prose inside it, so that line numbers stay those of the file.

var (
	mkdocsContainer = regexp.MustCompile(`^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"([^"]*)")?\s*$|^===\+?\s+"([^"]*)"\s*$`)
	docusaurusFence = regexp.MustCompile(`^:::\s*\w*.*$`)
	mdxImport       = regexp.MustCompile(`^(import\s+[\w{*].*\sfrom\s+['"].*|import\s+['"].*|export\s+(const|default|function|let|var)\b.*)$`)
	jsxTag          = regexp.MustCompile(`^</?[A-Z][\w.]*(\s|/?>|$)`)
	mdInHTML        = regexp.MustCompile(`^<(div|section|span|p|figure|details)\b[^>]*\bmarkdown\b[^>]*>\s*$|^</(div|section|span|p|figure|details)>\s*$`)
	snippetInclude  = regexp.MustCompile(`^-{1,2}8<-{1,2}`)
	abbreviation    = regexp.MustCompile(`^\*\[[^\]]+\]:`)
	bookDirective   = regexp.MustCompile(`^(\{\{#.*\}\}|(?i:\[TOC\]|\[\[_?TOC_?\]\])|<<<\s+\S.*)$`)
	docsifyHint     = regexp.MustCompile(`^[?!]> `)
	shortcode       = regexp.MustCompile(`\{\{[<%].*?[%>]\}\}|\{%-?.*?-?%\}|\{\{-?\s*[\w.$]+.*?\}\}`)
	emojiShortcode  = regexp.MustCompile(`:(?:material|octicons|fontawesome|simple|twemoji|[a-z]+)-[a-z0-9-]+:`)
	// CriticMarkup (MkDocs's pymdownx.critic): an addition or a
	// highlight reads as its text, a substitution as its new text; a
	// deletion and a comment are not read.
	criticKept    = regexp.MustCompile(`\{(\+\+|==)\s?(.*?)\s?(\+\+|==)\}`)
	criticChanged = regexp.MustCompile(`\{~~.*?~>\s?(.*?)\s?~~\}`)
	criticDropped = regexp.MustCompile(`\s?\{(--.*?--|>>.*?<<)\}`)
	// pandocCitation is Pandoc's and Quarto's citation ("[@smith2020, p.
	// 4; @jones2019]"), which a reader sees as its keys in brackets.
	pandocCitation = regexp.MustCompile(`\[(-?@[\w:.#$%&+?<>~/-]+[^\[\]]*)\]`)
	bracketedSpan  = regexp.MustCompile(`\[([^\]]+)\]\{[.#][^{}]*\}`)
	attributeList  = regexp.MustCompile(`\s*\{:?\s*(?:[.#:][^{}]*|[\w-]+=(?:"[^"]*"|[^\s{}]+)(?:\s+[.#]?[\w-]+(?:=(?:"[^"]*"|[^\s{}]+))?)*)\s*\}`)
	markedText     = regexp.MustCompile(`==([^=\s](?:[^=]*[^=\s])?)==`)
	keyboardKeys   = regexp.MustCompile(`\+\+([^+\s]+(?:\+[^+\s]+)*)\+\+`)
	fence          = regexp.MustCompile("^(`{3,}|~{3,})")
	calloutLine    = regexp.MustCompile(`^((?:>\s*)+)\[![A-Za-z-]+\][+-]?(?:\s.*)?$`)
	wikiLink       = regexp.MustCompile(`!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]`)
)

// frontMatter finds YAML (---) or TOML (+++) front matter at the start of
// the lines and returns the line after it and its title, or 0 when there
// is none.
func frontMatter(lines []string) (end int, title string) {
	if len(lines) == 0 {
		return 0, ""
	}
	delim := strings.TrimSpace(lines[0])
	if delim != "---" && delim != "+++" {
		return 0, ""
	}
	for i := 1; i < len(lines) && i < 400; i++ {
		l := strings.TrimSpace(lines[i])
		if l == delim || delim == "---" && l == "..." {
			return i + 1, title
		}
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "title" && title == "" {
			title = strings.Trim(strings.TrimSpace(v), `"'`)
		} else if k, v, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == "title" && title == "" {
			title = strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return 0, ""
}

// container is an open MkDocs admonition or content tab: its body is the
// lines indented by four more than base.
type container struct{ base int }

// docsLines holds the state of docsMarkup across lines.
type docsLines struct {
	out        []string // the lines written so far
	containers []container
	boxes      fencedBoxes
	fence      string // the open code fence, "" outside code
	// codeOptions is set in a MyST code directive's first lines, which
	// may be its options.
	codeOptions bool
	jsx         bool // inside a JSX tag that spans lines
	// script counts the brackets an MDX export or comment has left open
	// at the end of a line: its lines go on until they close.
	script int
	math   bool // inside a $$ block of TeX
}

// docsMarkup returns the lines as plain CommonMark, each standing for
// the line of the same number.
func docsMarkup(lines []string) []string {
	st := docsLines{out: make([]string, 0, len(lines))}
	for _, l := range lines {
		st.out = append(st.out, st.line(l))
	}
	st.boxes.flush(st.out)
	return st.out
}

// line cleans one line.
func (st *docsLines) line(l string) string {
	l = st.dedent(strings.ReplaceAll(l, "\t", "    "))
	t := strings.TrimSpace(l)
	// A fence is indented three spaces at most; deeper, it is a line of
	// the code it stands in.
	if st.fence != "" {
		if indent(l) <= 3 && strings.HasPrefix(t, st.fence) && strings.Trim(t, st.fence[:1]) == "" {
			st.fence = ""
		}
		if st.codeOptions = st.codeOptions && rstOption.MatchString(t); st.codeOptions {
			return "" // a MyST code directive's options (":caption: setup.py")
		}
		return l
	}
	if st.boxes.markup(t, indent(l), st.out) {
		return ""
	}
	return st.boxes.titled(st.prose(l))
}

// prose cleans a line outside code fences and MyST's markup.
func (st *docsLines) prose(l string) string {
	t := strings.TrimSpace(l)
	if m := fence.FindString(t); m != "" && indent(l) <= 3 {
		st.fence = m
		st.codeOptions = mystDirective.MatchString(t)
		return l
	}
	if st.jsx {
		st.jsx = !strings.Contains(t, ">")
		return ""
	}
	if t == "" {
		st.script = 0 // a bracket left open in a string never runs on into the prose
	}
	if st.script > 0 || mdxImport.MatchString(t) || strings.HasPrefix(t, "{/*") || strings.HasPrefix(t, "import {") && !strings.Contains(t, "}") {
		// An export's code, a comment ("{/* … */}"), over as many lines
		// as its brackets stay open, up to a blank line.
		st.script = max(0, st.script+bracketDepth(t))
		return ""
	}
	if t == "$$" || st.math || strings.HasPrefix(t, "$$") && strings.HasSuffix(t, "$$") {
		// TeX is not prose: a $$ block is dropped, its lines kept blank.
		st.math = st.math != (t == "$$")
		return ""
	}
	switch {
	case mkdocsContainer.MatchString(t):
		st.containers = append(st.containers, container{base: indent(l)})
		c := mkdocsContainer.FindStringSubmatch(t)
		st.boxes.entitle("admonition", c[1]+c[2], st.out)
		return ""
	case strings.HasPrefix(t, ":") && mkdocsContainer.MatchString(strings.TrimSpace(t[1:])):
		// An admonition as a definition (":   !!! note"): the definition's
		// indent, then the admonition's.
		st.containers = append(st.containers, container{base: indent(l)}, container{base: indent(l)})
		return ""
	case docusaurusFence.MatchString(t), snippetInclude.MatchString(t), abbreviation.MatchString(t), bookDirective.MatchString(t),
		mdInHTML.MatchString(t):
		return ""
	case jsxTag.MatchString(t):
		st.jsx = !strings.Contains(t, ">")
		return ""
	case calloutLine.MatchString(t):
		// A callout's type and title are its label, as an admonition's
		// are; its body is the quote's next lines.
		return strings.Repeat(" ", indent(l)) + calloutLine.FindStringSubmatch(t)[1]
	case docsifyHint.MatchString(t):
		return inlineMarkup(strings.Repeat(" ", indent(l)) + t[3:]) // Docsify's "?> tip" and "!> warning"
	}
	return inlineMarkup(l)
}

// dedent removes the indentation of the open containers from a line of
// their bodies, closing those the line is not indented into.
func (st *docsLines) dedent(l string) string {
	if strings.TrimSpace(l) == "" {
		return ""
	}
	for k, c := range st.containers {
		if indent(l) < c.base+4 {
			st.containers = st.containers[:k]
			break
		}
		l = l[:c.base] + l[c.base+4:]
	}
	return l
}

// inlineMarkup removes shortcodes, Liquid tags, emoji shortcodes and
// attribute lists, and writes keyboard keys, wiki links, Pandoc's spans
// ("[small caps]{.smallcaps}"), CriticMarkup and MyST's roles plainly (a
// link as its text, an embedded note not at all), outside inline code.
func inlineMarkup(l string) string {
	if !strings.ContainsAny(l, "{:+=[") {
		return l
	}
	l = mystRoles(l)
	parts := strings.Split(l, "`")
	for k := 0; k < len(parts); k += 2 {
		p := shortcode.ReplaceAllString(parts[k], "")
		p = emojiShortcode.ReplaceAllString(p, "")
		p = bracketedSpan.ReplaceAllString(p, "$1")
		if strings.Contains(p, "[@") || strings.Contains(p, "[-@") {
			p = pandocCitation.ReplaceAllStringFunc(p, citationText)
		}
		if strings.Contains(p, "{") {
			p = criticKept.ReplaceAllString(p, "$2")
			p = criticChanged.ReplaceAllString(p, "$1")
			p = criticDropped.ReplaceAllString(p, "")
		}
		p = attributeList.ReplaceAllString(p, "")
		p = markedText.ReplaceAllString(p, "$1")
		p = keyboardKeys.ReplaceAllString(p, "$1")
		p = wikiLink.ReplaceAllStringFunc(p, wikiLinkText)
		if p != parts[k] { // markup removed: close the gap it leaves, not the indent
			body := strings.TrimLeft(p, " \t")
			p = p[:len(p)-len(body)] + spaceRun.ReplaceAllString(body, " ")
		}
		parts[k] = p
	}
	return strings.Join(parts, "`")
}

// wikiLinkText is what a reader sees of a wiki link: "[[Page]]" its
// page's name, "[[Page|the page]]" its text, "![[Page]]" (an embedded
// note) nothing.
func wikiLinkText(link string) string {
	m := wikiLink.FindStringSubmatch(link)
	switch {
	case strings.HasPrefix(link, "!"):
		return ""
	case strings.Contains(link, "|"):
		return m[2]
	}
	return m[1]
}

// spaceRun is the space markup leaves where it is removed from a line.
var spaceRun = regexp.MustCompile(`[ \t]{2,}`)

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// bracketDepth is how many more brackets ( [ { a line of code opens than
// it closes, those in its strings and comments counted too: enough to
// tell where an export ends.
func bracketDepth(l string) int {
	n := 0
	for _, r := range l {
		switch r {
		case '(', '[', '{':
			n++
		case ')', ']', '}':
			n--
		}
	}
	return n
}

// citationText is a Pandoc citation as a reader sees it: its keys and
// locators in parentheses, "(frisch1967, p. 12; seeley2010)".
func citationText(c string) string {
	return "(" + strings.NewReplacer("-@", "", "@", "").Replace(c[1:len(c)-1]) + ")"
}
