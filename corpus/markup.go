package corpus

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// Line cleaning removes markup from each source line, keeping line numbers:
// a line that is all markup (an HTML comment, a code fence, "[TOC]") becomes
// blank. What a quote shows is the cleaned text.

var (
	mdFence      = regexp.MustCompile("^\\s*(```|~~~)")
	mdDirective  = regexp.MustCompile(`^\s*(\{\{#.*\}\}|\[TOC\]|\[\[_TOC_\]\])\s*$`)
	mdRefDef     = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	mdQuote      = regexp.MustCompile(`^\s{0,3}(>\s?)+`)
	mdListItem   = regexp.MustCompile(`^\s*([-*+]|\d{1,3}[.)])\s+\S`)
	mdListMarker = regexp.MustCompile(`^\s*([-*+]|\d{1,3}[.)])\s+`)
	mdTableRule  = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|?\s*$`)
	mdImage      = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink       = regexp.MustCompile(`\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	mdRefLink    = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdAutoLink   = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	htmlComment  = regexp.MustCompile(`<!--.*?-->`)
	htmlTag      = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>`)
	mdStrong     = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmphasis   = regexp.MustCompile(`(^|[\s(“‘"'—–-])[*_](\S(?:[^*_]*?\S)?)[*_]($|[\s)”’"'.,;:!?—–-])`)
	mdCode       = regexp.MustCompile("`+([^`]+)`+")
	illustration = regexp.MustCompile(`(?i)^\s*\[(illustration|picture|image|graphic|frontispiece|(transcriber|redactor|editor|producer)['’]?s? note)\b`)
	// platePlace is where a plate is bound, on a line of its own: "To
	// face page 112".
	platePlace    = regexp.MustCompile(`(?i)^\s*(?:to\s+)?fac(?:e|ing)\s+(?:p\.|page)\s*\d+\s*$`)
	sidenote      = regexp.MustCompile(`(?i)\[(?:sidenote|marginal note|margin):\s*([^\]]*)\]?`)
	verseNumber   = regexp.MustCompile(`^(?:(\d{1,3}):)?(\d{1,3}):(\d{1,3})\s+`) // [book:]chapter:verse (verses.go)
	entityPattern = regexp.MustCompile(`&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);`)
)

// lineFlag marks what a cleaned line is.
type lineFlag uint8

const (
	lineCode     lineFlag = 1 << iota // inside a fenced code block
	lineListItem                      // a list item (Markdown's, or a bullet's): a paragraph of its own
	lineTable                         // a table's row (Markdown's, or one set out in spaces)
	lineTime                          // a caption's time alone on its line: no text, and no break between paragraphs
	linePageHead                      // a running head with its page number that opens a page printed without a form feed
	linePageTurn                      // a page's turn inside a paragraph: its running lines and the blank lines around them
)

// cleanLines fills p.text and p.flags for lines [lo, hi).
func (p *parser) cleanLines(lo, hi int, markdown bool) {
	inComment, inFence, inIllustration := false, false, false
	var notes textNotes
	defer func() {
		notes.end()
		p.notes = notes.found
	}()
	for i := lo; i < hi; i++ {
		l := p.raw[i]
		if inComment {
			if end := strings.Index(l, "-->"); end >= 0 {
				inComment = false
				l = strings.Repeat(" ", end+3) + l[end+3:]
			} else {
				p.text[i] = ""
				continue
			}
		}
		if inIllustration {
			p.text[i] = ""
			if strings.Contains(l, "]") {
				inIllustration = false
			}
			continue
		}
		if platePlace.MatchString(l) {
			p.text[i] = ""
			continue
		}
		if strings.Contains(l, "[") && illustration.MatchString(l) {
			p.text[i] = ""
			inIllustration = !strings.Contains(l, "]")
			continue
		}
		if markdown {
			if mdFence.MatchString(l) {
				inFence = !inFence
				p.text[i] = ""
				continue
			}
			if inFence {
				p.flags[i] |= lineCode
				continue
			}
		}
		if strings.Contains(l, "<!--") {
			l = htmlComment.ReplaceAllString(l, "")
			if start := strings.Index(l, "<!--"); start >= 0 {
				inComment = true
				l = l[:start]
			}
		}
		l = p.cleanMarkup(i, l, markdown)
		if !markdown && isRule(l) {
			l = "" // a rule across the page ends a paragraph, as a blank line does
		}
		if !markdown {
			l = notes.clean(i, l)
			if p.isEndMark(i, l) {
				l = ""
			}
		}
		p.text[i] = l
	}
}

// textTags are the HTML elements a plain text may carry as stray markup
// ("<i>Pravda</i>", "<br>"); other words in angle brackets are its text:
// a licence's placeholders ("Copyright (C) <year> <name of author>"), a
// type's parameter ("Vec<T>").
var textTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "big": true, "blockquote": true, "body": true, "br": true, "center": true,
	"cite": true, "dd": true, "del": true, "div": true, "dl": true, "dt": true, "em": true, "font": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true, "hr": true, "html": true,
	"i": true, "img": true, "ins": true, "li": true, "ol": true, "p": true, "pre": true, "small": true, "span": true,
	"strike": true, "strong": true, "sub": true, "sup": true, "table": true, "td": true, "th": true, "tr": true,
	"tt": true, "u": true, "ul": true,
}

// textTag is what a tag in a plain text reads as: nothing for an HTML
// element's (textTags), the tag itself for any other word in brackets.
func textTag(tag string) string {
	name := strings.TrimLeft(tag, "</")
	if end := strings.IndexAny(name, " \t/>"); end >= 0 {
		name = name[:end]
	}
	if textTags[strings.ToLower(name)] {
		return ""
	}
	return tag
}

// cleanMarkup removes the markup of line i (l, outside comments and
// code): Markdown's or tags, a bullet (flagging the line a list item),
// entities, sidenotes' brackets, a wiki's "[edit]" and emphasis.
func (p *parser) cleanMarkup(i int, l string, markdown bool) string {
	if markdown {
		l = p.cleanMarkdownLine(i, l)
	} else if strings.ContainsAny(l, "<&") {
		l = htmlTag.ReplaceAllStringFunc(l, textTag)
	}
	if rest, ok := cutBullet(l); ok {
		p.flags[i] |= lineListItem
		l = rest
	}
	if strings.Contains(l, "&") {
		l = entityPattern.ReplaceAllStringFunc(l, html.UnescapeString)
	}
	if strings.Contains(l, "[") {
		l = sidenote.ReplaceAllString(l, "$1")
		l = wikiEdit.ReplaceAllString(l, "")
		l = wikiCleanupTag.ReplaceAllString(l, "")
	}
	if strings.ContainsAny(l, "_*") {
		l = stripEmphasis(l)
	}
	return l
}

// leadingTime is the time a transcript sets before each line, in
// brackets: "[00:00:14] OKAFOR: Thanks for having me."
var leadingTime = regexp.MustCompile(`^\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]\s*`)

// isRule reports whether a line is a rule drawn with underscores, tildes
// or asterisks, as a document saved as text sets one over its notes
// ("________________"). Hyphens and equals signs may underline a title,
// and are read so (markupHeading).
func isRule(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 3 && strings.Trim(t, t[:1]) == "" && strings.ContainsAny(t[:1], "_~*")
}

// wikiEdit is the link a heading copied from a wiki page ends with:
// "Background[edit]".
var wikiEdit = regexp.MustCompile(`\s*\[edit\]\s*$`)

// wikiCleanupTag is a note Wikipedia's editors set in an article's text,
// which its printed version leaves out, as a page copied from the browser
// keeps it: "…during the Roman Empire[citation needed].", "[who?]".
var wikiCleanupTag = regexp.MustCompile(`\[(?i:(?:full |better )?citation needed|clarification needed|verification needed|` +
	`further explanation needed|better source needed|failed verification|page needed|year needed|not in citation given|` +
	`original research\??|(?:dubious|disputed)(?: [–—-] discuss)?|vague|update|needs update|unreliable source\??|` +
	`who\?|when\?|where\?|which\?|why\?|how\?|by whom\?|according to whom\?)\]`)

// lineNumber opens a line with its number: "2. The Beneficent, the
// Merciful."
var lineNumber = regexp.MustCompile(`^\s*(\d{1,3})\.\s+\S`)

// minNumberedRun is how many lines numbered one after another, in one
// paragraph, make each a paragraph of its own.
const minNumberedRun = 3

// numberedRuns makes each line of a paragraph that numbers its lines one
// after another ("1. Praise be to Allah, Lord of the Worlds," / "2. The
// Beneficent, the Merciful." / "3. Owner of the Day of Judgment,") a
// paragraph of its own, as a bullet's line is, so that a verse's number
// never ends the sentence before it.
func (p *parser) numberedRuns(lo, hi int) {
	var run []int
	prev := 0
	end := func() {
		if len(run) >= minNumberedRun {
			for _, i := range run {
				p.flags[i] |= lineListItem
			}
		}
		run = run[:0]
	}
	for i := lo; i < hi; i++ {
		if p.blank(i) {
			end()
			continue
		}
		m := lineNumber.FindStringSubmatch(p.text[i])
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if len(run) > 0 && n != prev+1 {
			end()
		}
		run, prev = append(run, i), n
	}
	end()
}

// fieldRuns makes each line of a paragraph of minutes' fields a
// paragraph of its own ("Present: …" / "Apologies: …"), as a list's
// items are.
func (p *parser) fieldRuns(lo, hi int) {
	for i := lo; i < hi; i++ {
		if isFieldLine(p.text[i]) {
			p.flags[i] |= lineListItem
		}
	}
}

// textBullet opens a list item as plain texts type it: "- ", "* ", "+ ".
var textBullet = regexp.MustCompile(`^\s*[-*+]\s+\S`)

// textLists makes each item of a list typed with hyphens, asterisks or
// pluses, two items or more one after another, a paragraph of its own,
// without its marker, as a bullet's is.
func (p *parser) textLists(lo, hi int) {
	for i := lo; i < hi; i++ {
		m := textBullet.FindString(p.text[i])
		if m == "" {
			continue
		}
		marker := strings.TrimSpace(m)[:1]
		prev := i > lo && strings.HasPrefix(strings.TrimSpace(p.raw[i-1]), marker+" ")
		next := i+1 < hi && strings.HasPrefix(strings.TrimSpace(p.raw[i+1]), marker+" ")
		if !prev && !next {
			continue
		}
		p.flags[i] |= lineListItem
		p.text[i] = strings.Repeat(" ", len(m)-1) + p.text[i][len(m)-1:] // the marker blanked, the columns kept
	}
}

// bullet is a bullet that opens a list item in a text or a PDF, as word
// processors and slides write them: "• Fog is a cloud at ground level".
var bullet = regexp.MustCompile(`^\s*[•◦▪▫●○■□‣⁃]\s+`)

// cutBullet returns a line without its bullet, and whether it had one.
func cutBullet(l string) (string, bool) {
	m := bullet.FindStringIndex(l)
	if m == nil {
		return l, false
	}
	return l[m[1]:], true
}

// cleanMarkdownLine removes the Markdown of one line outside code blocks.
func (p *parser) cleanMarkdownLine(i int, l string) string {
	if mdDirective.MatchString(l) || mdRefDef.MatchString(l) || mdTableRule.MatchString(l) {
		return ""
	}
	if m := mdQuote.FindString(l); m != "" {
		l = l[len(m):]
	}
	if mdListItem.MatchString(l) && !markdownHeading.MatchString(l) {
		p.flags[i] |= lineListItem
		l = mdListMarker.ReplaceAllString(l, "")
	}
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") {
		p.flags[i] |= lineTable
		cells := strings.Split(strings.Trim(t, "|"), "|")
		for k := range cells {
			cells[k] = strings.TrimSpace(cells[k])
		}
		l = strings.Join(cells, cellJoin)
	}
	if strings.ContainsAny(l, "[<") {
		l = mdImage.ReplaceAllString(l, "$1")
		l = mdLink.ReplaceAllString(l, "$1")
		l = mdRefLink.ReplaceAllString(l, "$1")
		l = mdAutoLink.ReplaceAllString(l, "$1")
		l = htmlTag.ReplaceAllString(l, "")
	}
	if strings.Contains(l, "`") {
		l = mdCode.ReplaceAllString(l, "$1")
	}
	return l
}

// stripEmphasis removes *emphasis*, **strong** and _italic_ markers around
// words, leaving snake_case and lone asterisks alone.
func stripEmphasis(l string) string {
	l = mdStrong.ReplaceAllString(l, "$2")
	for range 3 { // adjacent and nested spans
		n := mdEmphasis.ReplaceAllString(l, "$1$2$3")
		if n == l {
			break
		}
		l = n
	}
	// A span of _italics_ may open on one line and close on the next.
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "_") && len(t) > 1 && t[1] != '_' && t[1] != ' ' {
		l = strings.Replace(l, "_", "", 1)
	}
	if t := strings.TrimRight(l, " \t.,;:!?”’\"')"); strings.HasSuffix(t, "_") && len(t) > 1 && t[len(t)-2] != ' ' && t[len(t)-2] != '_' {
		k := len(t) - 1
		l = l[:k] + l[k+1:]
	}
	return l
}

var (
	// emphasisOpens and emphasisCloses find the underscores that open and
	// close a span of italics: at the start and end of a word.
	emphasisOpens  = regexp.MustCompile(`(?:^|[\s(“"‘'\[—])(_)[^\s_]`)
	emphasisCloses = regexp.MustCompile(`[^\s_](_)(?:$|[\s.,;:!?”’"')\]—])`)
)

// pairEmphasis removes the underscores of spans of italics that open on
// one line of a paragraph and close on a later one ("_more about his own
// works … / … before_,"), which a line alone cannot tell from text: an
// opener with its closer on a later line, and a closer whose opener the
// line before had at its start (stripEmphasis takes that one).
func pairEmphasis(lines []srcLine) {
	pending := -1 // the line with an opener not yet closed
	for j := range lines {
		for {
			t := lines[j].text
			o := emphasisOpens.FindStringSubmatchIndex(t)
			c := emphasisCloses.FindStringSubmatchIndex(t)
			switch {
			case c != nil && (o == nil || c[2] < o[2]): // a closer first
				lines[j].text = t[:c[2]] + t[c[2]+1:]
				if pending >= 0 {
					k := emphasisOpenAt(lines[pending].text)
					lines[pending].text = lines[pending].text[:k] + lines[pending].text[k+1:]
					pending = -1
				}
				continue
			case o != nil && pending < 0:
				if c == nil { // open at the line's end: closed on a later line
					pending = j
				}
			}
			break
		}
	}
}

// emphasisOpenAt is the byte offset of the last underscore that opens
// italics on a line.
func emphasisOpenAt(t string) int {
	m := emphasisOpens.FindAllStringSubmatchIndex(t, -1)
	return m[len(m)-1][2]
}

// editorialInsertion matches a bracketed insertion inside a sentence: an
// editor's note, a translation, a correction ("went [to the office] and"),
// closed on its line.
var editorialInsertion = regexp.MustCompile(`([\p{L}\p{N},;:’'”"])\s*\[([^\[\]]{1,300})\]`)

// editorsWords mark a bracketed insertion as the editor's or the
// reporter's, not the author's: a note, a correction, the audience.
var editorsWords = regexp.MustCompile(`(?i)\b(?:laughter|applause|cheers|cheering|cries|cried|voice|voices|sensation|hear|hisses|groans|interruption|sic|note|ed|i\.\s?e|viz|query|see|probably|perhaps|translator|editor|transcriber|illegible|blank|omitted)\b|^\?$`)

// dropInsertions takes an editor's or reporter's bracketed insertions
// ("[sic]", "[cries of 'Platform!']", "[Note: …]") out of a paragraph's
// sentences, where they stand inside one: after a word or a comma, not at
// the start of a paragraph or after a sentence's end ("[Applause.]" is a
// piece of its own). One that opens on a line and closes on the next goes
// too. Brackets without an editor's words are the author's and stay.
func dropInsertions(lines []srcLine) {
	for i := range lines {
		lines[i].text = editorialInsertion.ReplaceAllStringFunc(lines[i].text, func(m string) string {
			sub := editorialInsertion.FindStringSubmatch(m)
			if !editorsWords.MatchString(sub[2]) {
				return m // the author's own brackets
			}
			return sub[1]
		})
		open := strings.LastIndexByte(lines[i].text, '[')
		if open < 1 || strings.IndexByte(lines[i].text[open:], ']') >= 0 || i+1 >= len(lines) {
			continue
		}
		before := strings.TrimRight(lines[i].text[:open], " ")
		end := strings.IndexByte(lines[i+1].text, ']')
		if before == "" || end < 0 || end > 200 || strings.ContainsAny(before[len(before)-1:], ".?!") ||
			!editorsWords.MatchString(lines[i].text[open:]+" "+lines[i+1].text[:end]) {
			continue
		}
		lines[i].text = before
		lines[i+1].text = strings.TrimLeft(lines[i+1].text[end+1:], " ")
	}
}

// endMark matches the line that closes a book: "THE END", "Finis.".
var endMark = regexp.MustCompile(`(?i)^\s*(?:the\s+end|finis)\.?\s*$`)

// isEndMark reports whether line i, cleaned as l, is the mark that
// closes a book, a line of its own: not a sentence to quote ("How does
// the book end?" is answered by its last sentence), unless it titles a
// chapter ("CHAPTER XLII." over "THE END").
func (p *parser) isEndMark(i int, l string) bool {
	if !endMark.MatchString(l) || i+1 < len(p.raw) && strings.TrimSpace(p.raw[i+1]) != "" {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if prev := strings.TrimSpace(p.raw[k]); prev != "" {
			_, heading := strongHeading(prev)
			return !heading && k < i-1
		}
	}
	return true
}
