package corpus

import (
	"regexp"
	"strings"
)

// starRule is the top or bottom of a box drawn with asterisks, as
// licences set their warranty disclaimers apart (the Mozilla Public
// License's "6. Disclaimer of Warranty").
var starRule = regexp.MustCompile(`^\s*\*{20,}\s*$`)

// starLine is a line inside such a box: its text between an asterisk at
// each end.
var starLine = regexp.MustCompile(`^\s*\*(.*?)\*\s*$`)

// starBoxes reads each box drawn with asterisks (its rules as written:
// cleanLines reads a rule of asterisks alone as a divider), a rule of them over and
// under lines framed by one at each end, as the text inside it: the
// frame reads as nothing and the lines lose the indent they share within
// it, so a title underlined inside the box heads what follows it, and no
// asterisk reaches a quote.
func (p *parser) starBoxes(lo, hi int) {
	for i := lo; i < hi; i++ {
		if !starRule.MatchString(p.raw[i]) {
			continue
		}
		end := i + 1
		for end < hi && !starRule.MatchString(p.raw[end]) && starLine.MatchString(p.text[end]) {
			end++
		}
		if end >= hi || end == i+1 || !starRule.MatchString(p.raw[end]) {
			continue
		}
		p.unbox(i, end)
		i = end
	}
}

// unbox rewrites lines [top, bottom] of a box drawn with asterisks as
// the text inside it.
func (p *parser) unbox(top, bottom int) {
	inner := make([]string, 0, bottom-top-1)
	indent := -1
	for k := top + 1; k < bottom; k++ {
		t := strings.TrimRight(starLine.FindStringSubmatch(p.text[k])[1], " \t")
		inner = append(inner, t)
		if body := strings.TrimLeft(t, " "); body != "" && (indent < 0 || len(t)-len(body) < indent) {
			indent = len(t) - len(body)
		}
	}
	p.text[top], p.text[bottom] = "", ""
	for k, t := range inner {
		p.text[top+1+k] = t[min(max(indent, 0), len(t)):]
	}
}
