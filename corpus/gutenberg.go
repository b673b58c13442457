package corpus

import (
	"regexp"
	"strings"
)

// Markers of Project Gutenberg's header and licence, in the three
// generations the library holds: "*** START OF THIS PROJECT GUTENBERG
// EBOOK …" (also "***START OF", without the space), the 1990s "*END*THE
// SMALL PRINT!" header, and "End of (the) Project Gutenberg …" footers.
var (
	gutenbergStart     = regexp.MustCompile(`(?i)^\s*\*{3}\s*START OF (THE|THIS) PROJECT GUTENBERG`)
	gutenbergEnd       = regexp.MustCompile(`(?i)^\s*\*{3}\s*END OF (THE|THIS) PROJECT GUTENBERG`)
	gutenbergEndLine   = regexp.MustCompile(`(?i)^\s*End of (the )?Project Gutenberg`)
	smallPrintEnd      = regexp.MustCompile(`(?i)^\s*\*END\*?\s*THE SMALL PRINT`)
	smallPrintStart    = regexp.MustCompile(`(?i)^\s*\*{3}\s*START\W+THE SMALL PRINT`)
	gutenbergCredit    = regexp.MustCompile(`(?i)^\s*(produced|prepared|transcribed|e-?text prepared|etext prepared|this e-?(book|text) was (produced|prepared)|html version|updated) by\b|^\s*transcribed from\b`)
	gutenbergLicenceRe = regexp.MustCompile(`(?i)project gutenberg`)
)

// gutenberg finds a Project Gutenberg header and licence, takes the title
// and author from the header, records both as omitted and returns the
// body's line range [lo, hi).
func (p *parser) gutenberg() (lo, hi int) {
	defer func() { p.doc.Title, p.doc.Author = gutenbergTitle(p.doc.Title, p.doc.Author) }()
	lo, hi = 0, len(p.raw)
	n := len(p.raw)
	headerEnd := -1
	for i, l := range p.raw {
		if len(l) < 8 || !strings.Contains(l[:min(len(l), 12)], "*") {
			continue
		}
		switch {
		case gutenbergStart.MatchString(l) && i < n/2:
			headerEnd = i
		case smallPrintEnd.MatchString(l) && i < n/2 && i > headerEnd:
			headerEnd = i
		case (gutenbergEnd.MatchString(l) || smallPrintStart.MatchString(l)) && i > n/2 && i < hi:
			hi = i
		}
	}
	if headerEnd < 0 && hi == n {
		return 0, n
	}
	if headerEnd >= 0 {
		lo = headerEnd + 1
		// A long start marker may wrap: "…WORKING-CLASS" / "IN ENGLAND IN 1844***".
		if !strings.HasSuffix(strings.TrimSpace(p.raw[headerEnd]), "***") && lo < hi && strings.HasSuffix(strings.TrimSpace(p.raw[lo]), "***") {
			lo++
		}
		p.headerFields(0, lo)
	}
	// An older footer says "End of (the) Project Gutenberg …" a few lines
	// before the marker, or instead of one.
	for i := hi - 1; i > lo && i > hi-40 && i >= n*3/4; i-- {
		if mayEndGutenberg(p.raw[i]) && gutenbergEndLine.MatchString(p.raw[i]) {
			hi = i
		}
	}
	if headerEnd < 0 {
		for i := n - 1; i > lo && i >= n*3/4; i-- {
			if mayEndGutenberg(p.raw[i]) && gutenbergEndLine.MatchString(p.raw[i]) {
				hi = i
			}
		}
	}
	// Credits and notes of the volunteers who made the file ("Produced by
	// …", "This etext was prepared by …") right after the header.
	i := p.skipBlank(lo, hi)
	for i < hi && (gutenbergCredit.MatchString(p.raw[i]) || (gutenbergLicenceRe.MatchString(p.raw[i]) && i-lo < 30)) {
		for i < hi && !p.blank(i) {
			i++
		}
		i = p.skipBlank(i, hi)
	}
	if lo > 0 || i > lo {
		p.omit(0, i, "Project Gutenberg header")
	}
	lo = i
	if hi < n {
		p.omit(hi, n, "Project Gutenberg licence")
	}
	return lo, hi
}

// gutenbergTitlePrefix opens the title Project Gutenberg gives its web
// pages: "The Project Gutenberg eBook of Walden, by Henry David Thoreau".
var gutenbergTitlePrefix = regexp.MustCompile(`(?i)^the project gutenberg e-?(book|text) of\s+`)

// gutenbergTitle is a title without Project Gutenberg's "The Project
// Gutenberg eBook of" and without the ", by" and author that end it, the
// author taken from there when none is known.
func gutenbergTitle(title, author string) (string, string) {
	prefix := gutenbergTitlePrefix.FindString(title)
	rest, catalogued := title[len(prefix):], prefix != ""
	i := strings.LastIndex(rest, ", by ")
	if i < 0 {
		return rest, author
	}
	by := strings.TrimSpace(rest[i+len(", by "):])
	switch {
	case author == "" && catalogued:
		return rest[:i], by
	case strings.EqualFold(strings.TrimSuffix(by, "."), strings.TrimSuffix(author, ".")):
		return rest[:i], author
	}
	return rest, author
}

// mayEndGutenberg is a cheap test before gutenbergEndLine.
func mayEndGutenberg(l string) bool {
	t := strings.TrimLeft(l, " \t")
	return len(t) > 3 && (t[0] == 'E' || t[0] == 'e') && (t[1] == 'N' || t[1] == 'n')
}

func (p *parser) skipBlank(i, hi int) int {
	for i < hi && p.blank(i) {
		i++
	}
	return i
}

// headerFields takes the title, author and translator, where none is
// known, from a Project Gutenberg header's "Title:", "Author:" and
// "Translator:" lines, or from its
// first line ("The Project Gutenberg EBook of Walden, by Henry David
// Thoreau") in an old header without them.
func (p *parser) headerFields(lo, hi int) {
	catalogued := ""
	for _, l := range p.raw[lo:hi] {
		l = strings.TrimSpace(l)
		if v, ok := strings.CutPrefix(l, "Title:"); ok && p.doc.Title == "" {
			p.doc.Title = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(l, "Author:"); ok && p.doc.Author == "" {
			p.doc.Author = strings.TrimSpace(v)
		}
		for _, label := range []string{"Translator:", "Translators:"} {
			if v, ok := strings.CutPrefix(l, label); ok && p.doc.Translator == "" {
				p.doc.Translator = strings.TrimSpace(v)
			}
		}
		if catalogued == "" && gutenbergTitlePrefix.MatchString(l) {
			catalogued = l
		}
	}
	if p.doc.Title == "" {
		p.doc.Title = catalogued
	}
}

// omit records lines [lo, hi) (0-based) as left out of the text, trimmed
// of blank lines at either end; an all-blank range is not recorded.
func (p *parser) omit(lo, hi int, reason string) {
	for lo < hi && p.blank(lo) {
		lo++
	}
	for hi > lo && p.blank(hi-1) {
		hi--
	}
	if lo >= hi {
		return
	}
	span := Span{Start: lo + 1, End: hi}
	// A part left out for the same reason a few lines on from the last
	// extends it; one before it (a page's contents, found after the
	// links that stand at each of its parts) stands apart.
	if n := len(p.doc.Omitted); n > 0 && p.doc.Omitted[n-1].Reason == reason && p.doc.Omitted[n-1].Lines.End >= span.Start-4 && span.Start > p.doc.Omitted[n-1].Lines.Start {
		p.doc.Omitted[n-1].Lines.End = max(span.End, p.doc.Omitted[n-1].Lines.End)
		return
	}
	p.doc.Omitted = append(p.doc.Omitted, Omission{Lines: span, Reason: reason})
}
