package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headingWord matches the start of a book's structural heading: "CHAPTER
// IV", "Chapter 3. On the Eve", "BOOK ONE: 1805", "APPENDIX TO CHAPTER I",
// "Preface", "SECOND EPILOGUE".
var headingWord = regexp.MustCompile(`^(?i)(?:(?:first|second|third|fourth|fifth|last|final)\s+)?(book|part|volume|chapter|appendix|appendices|epilogue|prologue|preface|introduction|foreword|afterword|conclusion|notes|contents|table of contents|glossary|bibliography|index)\b(.*)$`)

// headingStarts are the first words a heading may have.
var headingStarts = map[string]bool{
	"book": true, "part": true, "volume": true, "chapter": true, "appendix": true, "appendices": true,
	"epilogue": true, "prologue": true, "preface": true, "introduction": true, "foreword": true,
	"afterword": true, "conclusion": true, "notes": true, "contents": true, "table": true,
	"glossary": true, "bibliography": true, "index": true,
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "last": true, "final": true,
}

// headingRest is what may follow the heading word: nothing; a number or
// numeral, then perhaps a title ("3. On the Eve", "ONE: 1805"); a colon and
// a title; "to …" ("APPENDIX TO CHAPTER I"); or a short title-case phrase
// ("Notes and Explanations").
var headingRest = regexp.MustCompile(`^(?:` +
	`\s*` +
	`|\s+(?i:[IVXLCDM]+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b[\s.:—-]*(?:[A-Z0-9(].*)?` +
	`|\s*[:—-]\s*[A-Z0-9].*` +
	`|\s+(?i:to)\s.*` +
	`|(?:\s+(?:[A-Z][\p{L}'’]*|and|of|the|to|in|on|a))+\s*` +
	`)$`)

// headingLevel reports whether a line is a book heading and its level:
// 1 for a book, part or volume that contains chapters, 2 for a chapter.
func headingLevel(line string) int {
	if line == "" || line != strings.TrimLeftFunc(line, unicode.IsSpace) || len(line) > 80 {
		return 0
	}
	first, _, _ := strings.Cut(line, " ")
	if !headingStarts[strings.ToLower(strings.TrimRight(first, ".:"))] {
		return 0
	}
	m := headingWord.FindStringSubmatch(strings.TrimRight(strings.TrimSpace(line), "."))
	if m == nil || !headingRest.MatchString(m[2]) {
		return 0
	}
	switch strings.ToLower(m[1]) {
	case "book", "part", "volume", "epilogue", "prologue":
		return 1
	}
	return 2
}

// seeAlso matches a cross-reference such as "(See App. XI, Sect. 1)".
var seeAlso = regexp.MustCompile(`\s*\((?i:see)\s[^)]*\)`)

// isContentsList reports whether every line of a block is itself a
// heading, as in an indented table of contents.
func (p *parser) isContentsList(b []int) bool {
	for _, i := range b {
		if headingLevel(strings.TrimSpace(p.raw[i])) == 0 && strings.ToUpper(strings.TrimSpace(p.raw[i])) != "CONTENTS" {
			return false
		}
	}
	return true
}

// wikiHeading matches a MediaWiki heading, "== Early life ==".
var wikiHeading = regexp.MustCompile(`^(={2,6})\s*([^=].*?)\s*={2,6}\s*$`)

// underline matches the line under a setext heading: "=====" or "-----".
var underline = regexp.MustCompile(`^(=+|-{3,})$`)

// markdownHeading matches "# Title" through "###### Title".
var markdownHeading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)

type heading struct {
	level int
	text  string
	line  int // 0-based
}

func (p *parser) parseBook(lo, hi int, markdown bool) {
	pageBreaks := p.paginate(lo, hi, lo)
	blocks := p.blocks(lo, hi, pageBreaks && !markdown)
	if markdown {
		blocks = splitMarkdownHeadings(p.raw, blocks)
	}
	if !pageBreaks && p.paragraphPerLine(lo, hi) {
		// Each line is a paragraph (text extracted from the web often
		// comes so, without blank lines): a short line is then a heading,
		// not the start of the next sentence.
		var lines [][]int
		for _, b := range blocks {
			for _, i := range b {
				lines = append(lines, []int{i})
			}
		}
		blocks = lines
	}
	headingOf := func(b []int) (heading, bool) {
		if len(b) == 2 {
			// An underlined heading: "Early life" over "----------".
			title, under := strings.TrimSpace(p.raw[b[0]]), strings.TrimSpace(p.raw[b[1]])
			if m := underline.FindString(under); m != "" && title != "" && len(title) <= 80 && !underline.MatchString(title) {
				level := 2
				if m[0] == '=' {
					level = 1
				}
				return heading{level: level, text: title, line: b[0]}, true
			}
		}
		if len(b) != 1 {
			return heading{}, false
		}
		if m := wikiHeading.FindStringSubmatch(strings.TrimSpace(p.raw[b[0]])); m != nil {
			return heading{level: 2, text: m[2], line: b[0]}, true
		}
		l := p.raw[b[0]]
		if markdown {
			if m := markdownHeading.FindStringSubmatch(l); m != nil {
				return heading{level: len(m[1]), text: m[2], line: b[0]}, true
			}
			return heading{}, false
		}
		if lvl := headingLevel(strings.TrimRight(l, " \t")); lvl > 0 {
			return heading{level: lvl, text: strings.TrimSpace(l), line: b[0]}, true
		}
		return heading{}, false
	}

	// A text without chapter headings (an article, notes) takes its
	// structure from short standalone lines such as "Early life". In a
	// book those are letters' signatures and proclamation titles.
	plainHeadings := !markdown
	for _, b := range blocks {
		if _, ok := headingOf(b); ok {
			plainHeadings = false
			break
		}
	}
	context := ""     // the current book or part, prefixed to chapter titles
	sec := -1         // current section index
	skipBody := false // a table of contents is not indexed
	for k := 0; k < len(blocks); k++ {
		b := blocks[k]
		h, ok := headingOf(b)
		if !ok && plainHeadings && p.isSubheading(blocks, k) {
			h, ok = heading{level: 2, text: strings.TrimSpace(p.raw[b[0]]), line: b[0]}, true
		}
		if !ok {
			if !markdown && p.isContentsList(b) {
				continue
			}
			if sec < 0 {
				sec = p.openSection(0, "", "", b[0]+1)
			}
			if !skipBody {
				p.addBlock(sec, p.srcLines(b))
			}
			continue
		}
		title := strings.TrimRight(h.text, ".")
		if markdown && h.level == 1 && p.doc.Title == "" {
			p.doc.Title = title
		}
		if !markdown && h.level == 1 {
			// A book or part directly followed by a chapter heading is
			// context for the chapters, not a section of its own.
			if k+1 < len(blocks) {
				if next, ok := headingOf(blocks[k+1]); ok && next.level == 2 {
					context = title
					continue
				}
			}
			context = ""
		}
		// A short line right after a chapter heading is its subtitle.
		if !markdown && !plainHeadings && k+2 < len(blocks) && len(blocks[k+1]) == 1 {
			sub := strings.TrimSpace(p.raw[blocks[k+1][0]])
			if _, isHeading := headingOf(blocks[k+1]); !isHeading && len(sub) <= 60 && hasLetter(sub) && !endsSentence(sub) && !strings.ContainsAny(sub, "“\"") {
				title += ": " + strings.TrimSpace(seeAlso.ReplaceAllString(sub, ""))
				k++
			}
		}
		full := title
		if context != "" && h.level == 2 {
			full = context + " · " + title
		}
		if sec >= 0 {
			p.finishSection(sec, p.doc.Sections[sec].Lines.Start)
		}
		sec = p.openSection(1, full, h.text, h.line+1)
		lower := strings.ToLower(title)
		skipBody = lower == "contents" || lower == "table of contents"
	}
	if sec >= 0 {
		p.finishSection(sec, p.doc.Sections[sec].Lines.Start)
	}
	p.dropEmptyFront()
	if len(p.doc.Sections) == 1 && p.doc.Sections[0].Number == 0 {
		p.doc.Sections[0].Number = 1
		p.doc.Sections[0].Title = p.doc.Title
	}
}

// longLine is the length from which a line is a paragraph of its own.
const longLine = 200

// paragraphPerLine reports whether the text keeps each paragraph on one
// long line: most of its words stand on lines of longLine bytes or more.
func (p *parser) paragraphPerLine(lo, hi int) bool {
	long, total := 0, 0
	for i := lo; i < hi; i++ {
		n := len(p.raw[i])
		total += n
		if n >= longLine {
			long += n
		}
	}
	return total > 0 && long*10 >= total*8
}

// isSubheading reports whether block k is a heading without a heading
// word ("Early life", "KERENSKY IN FLIGHT"): a short line standing alone,
// capitalised, not ending like a sentence, followed by a paragraph.
func (p *parser) isSubheading(blocks [][]int, k int) bool {
	if len(blocks[k]) != 1 || k+1 >= len(blocks) {
		return false
	}
	if next := blocks[k+1]; len(next) < 2 && len(p.raw[next[0]]) < longLine {
		return false // not followed by a paragraph
	}
	line := p.raw[blocks[k][0]]
	t := strings.TrimSpace(line)
	if t == "" || t != strings.TrimLeftFunc(line, unicode.IsSpace) || len(t) > 60 || len(strings.Fields(t)) > 8 || !hasLetter(t) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return (unicode.IsUpper(first) || unicode.IsDigit(first)) && !strings.ContainsRune(".!?:;,”\"’)—-", last)
}

// openSection starts a section. number 0 asks for the front-matter
// section; otherwise the next number is used.
func (p *parser) openSection(number int, title, headingText string, line int) int {
	if number != 0 {
		number = 1
		if n := len(p.doc.Sections); n > 0 {
			number = p.doc.Sections[n-1].Number + 1
		}
	}
	if number == 0 {
		title = "Front matter"
	}
	if headingText == "" {
		headingText = title
	}
	p.doc.Sections = append(p.doc.Sections, Section{
		Number:        number,
		Title:         title,
		Heading:       headingText,
		Lines:         Span{Start: line},
		FirstSentence: len(p.doc.Sentences),
	})
	return len(p.doc.Sections) - 1
}

// dropEmptyFront removes a front-matter section that holds no sentences.
func (p *parser) dropEmptyFront() {
	if len(p.doc.Sections) < 2 || p.doc.Sections[0].Number != 0 {
		return
	}
	if s := p.doc.Sections[0]; s.EndSentence > s.FirstSentence {
		return
	}
	p.doc.Sections = p.doc.Sections[1:]
	for i := range p.doc.Sentences {
		p.doc.Sentences[i].Section--
	}
}

// splitMarkdownHeadings makes every Markdown heading line a block of its
// own, even without blank lines around it.
func splitMarkdownHeadings(raw []string, blocks [][]int) [][]int {
	var out [][]int
	for _, b := range blocks {
		var cur []int
		for _, i := range b {
			if markdownHeading.MatchString(raw[i]) {
				if len(cur) > 0 {
					out = append(out, cur)
				}
				out = append(out, []int{i})
				cur = nil
				continue
			}
			cur = append(cur, i)
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
	}
	return out
}
