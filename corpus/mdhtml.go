package corpus

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// Raw HTML in Markdown is written by people who want what Markdown cannot
// say: a README's centred title (<h1 align="center">), a collapsed answer
// (<details><summary>Why…?</summary>), a table with merged cells, a note
// in a <div>. Its words are what readers see, so an HTML block is read
// as text: block elements end paragraphs, headings are headings, a row's
// cells are joined as a Markdown table's are, <pre> is code, and
// comments, scripts, styles, images and forms are left out. Paragraphs end only between lines: the
// text of one line stays one line of the extraction.

// htmlBreaks are the elements that end a paragraph inside an HTML block.
var htmlBreaks = []string{"p", "div", "details", "summary", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
	"thead", "tbody", "blockquote", "section", "article", "aside", "figure", "figcaption", "center", "header",
	"footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}

// htmlSkipped are the elements whose content is not text to read: code
// run by the page, drawings, and a form's controls (an interactive demo's
// buttons and options).
var htmlSkipped = []string{"script", "style", "template", "noscript", "svg", "math", "button", "select", "textarea", "form"}

// mdHTML gathers an HTML block's text into paragraphs.
type mdHTML struct {
	w       *mdWalk
	block   xblock         // the paragraph being read
	text    map[int]string // its text by line
	broken  bool           // a block element since its last text
	cell    bool           // a table cell since its last text
	heading int            // the level of the heading being read, 0 outside one
	pre     bool           // inside a <pre>: code, its lines as written
	skip    int            // depth of elements whose content is skipped
	aside   int            // depth of <aside>: a callout, as Notion writes one with its icon first
}

// htmlBlock reads an HTML block's text.
func (w *mdWalk) htmlBlock(n *ast.HTMLBlock) {
	segs := n.Lines()
	if segs.Len() == 0 {
		return
	}
	start, end := segs.At(0).Start, segs.At(segs.Len()-1).Stop
	if n.HasClosure() {
		end = max(end, n.ClosureLine.Stop)
	}
	h := &mdHTML{w: w, text: map[int]string{}, block: xblock{kind: xParagraph}}
	z := html.NewTokenizer(bytes.NewReader(w.src[start:end]))
	for off := start; ; {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := string(z.Raw())
		switch tt {
		case html.TextToken:
			if h.skip == 0 {
				h.write(off, raw)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			h.tag(string(name), tt)
		}
		off += len(raw)
	}
	h.end()
}

// tag takes an element's start or end.
func (h *mdHTML) tag(name string, tt html.TokenType) {
	switch {
	case name == "pre" && tt != html.SelfClosingTagToken:
		h.end()
		h.pre = tt == html.StartTagToken
		if h.pre {
			h.block.kind = xCode
		}
	case slices.Contains(htmlSkipped, name):
		if tt == html.StartTagToken {
			h.skip++
		} else if tt == html.EndTagToken {
			h.skip = max(0, h.skip-1)
		}
	case name == "td" || name == "th":
		h.cell = h.cell || tt == html.StartTagToken
	case name == "aside" && tt == html.StartTagToken:
		h.aside++
		h.broken = true
	case name == "aside" && tt == html.EndTagToken:
		h.aside = max(0, h.aside-1)
		h.broken = true
	case slices.Contains(htmlBreaks, name):
		h.broken = true
		h.heading = 0
		if tt == html.StartTagToken {
			h.heading = headingTag(name)
		}
	}
}

// write adds raw text that starts at byte off of the source, a line at a
// time.
func (h *mdHTML) write(off int, raw string) {
	for part := range strings.SplitSeq(raw, "\n") {
		t := strings.Join(strings.Fields(html.UnescapeString(part)), " ")
		if h.pre && t != "" {
			t = strings.TrimRight(html.UnescapeString(part), " \t\r")
		}
		if t != "" {
			h.put(h.w.lineOf(off), t)
		}
		off += len(part) + 1
	}
}

// put adds text t on line l: to the paragraph being read, or to a new one
// after a block element that ended it on an earlier line.
func (h *mdHTML) put(l int, t string) {
	n := len(h.block.lines)
	last := -1
	if n > 0 {
		last = h.block.lines[n-1]
	}
	if h.broken && l != last && !h.pre {
		h.end()
		last = -1
	}
	switch {
	case last == l && h.cell:
		h.text[l] += cellJoin + t
	case last == l:
		h.text[l] += " " + t
	default:
		if len(h.block.lines) == 0 && h.aside > 0 {
			t = withoutIcon(t) // "💡 We meet on…"
		}
		h.block.lines = append(h.block.lines, l)
		h.text[l] = t
		if len(h.block.lines) == 1 && h.heading > 0 {
			h.block.kind, h.block.level = xHeading, h.heading
		}
	}
	h.broken, h.cell = false, false
}

// end adds the paragraph being read, if it has text; a first heading of
// level 1 is the document's title when nothing else gives one.
func (h *mdHTML) end() {
	for _, l := range h.block.lines {
		h.w.x.text[l] = h.text[l]
	}
	h.w.add(h.block)
	if h.block.kind == xHeading && h.block.level == 1 && h.w.h1 == "" && len(h.block.lines) > 0 {
		h.w.h1 = cleanTitle(h.text[h.block.lines[0]])
	}
	h.block, h.text = xblock{kind: xParagraph}, map[int]string{}
}

// withoutIcon is a callout's text without the emoji it opens with, its
// icon ("💡", "⚠️"), and the joiners and selectors that go with it.
func withoutIcon(t string) string {
	r, size := utf8.DecodeRuneInString(t)
	if !isEmoji(r) {
		return t
	}
	rest := strings.TrimLeftFunc(t[size:], func(r rune) bool { return r == '\ufe0f' || r == '\u200d' || isEmoji(r) })
	if rest == "" {
		return t
	}
	return strings.TrimSpace(rest)
}

// isEmoji reports whether r is an emoji as icons are: pictographs,
// dingbats and miscellaneous symbols.
func isEmoji(r rune) bool {
	return r >= 0x1f300 && r <= 0x1faff || r >= 0x2600 && r <= 0x27bf || r >= 0x1f000 && r <= 0x1f2ff
}
