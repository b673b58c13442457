package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markMatter marks front and back matter as omitted: tables of contents
// and lists of illustrations, casts, indexes, transcribers' notes, and a
// title page before the first heading or text.
func (p *parser) markMatter(blocks []*block) {
	for k := 0; k < len(blocks); k++ {
		b := blocks[k]
		if b.role != roleHeading || b.head.kind == matterBody {
			continue
		}
		var end int
		reason := ""
		switch b.head.kind {
		case matterContents:
			end, reason = p.contentsEnd(blocks, k), "table of contents"
		case matterCast:
			if end = p.castEnd(blocks, k); p.keepCast(blocks[k+1 : end]) {
				continue
			}
			reason = "cast"
		case matterIndex:
			switch {
			case b.first() >= p.doc.Lines*6/10:
				end, reason = p.indexEnd(blocks, k), "index"
			case p.entriesFollow(blocks, k):
				end, reason = p.indexEnd(blocks, k), "index" // an index before an appendix
			case k+1 < len(blocks) && p.listLike(blocks[k+1]), k+2 < len(blocks) && p.listLike(blocks[k+2]):
				end, reason = p.contentsEnd(blocks, k), "index" // an index of pages at the front
			default:
				continue
			}
		case matterBibliography:
			end, reason = p.nextHeading(blocks, k, b.head.rank), "bibliography"
		case matterNotes:
			end, reason = p.noteEnd(blocks, k), "transcriber's note"
		}
		for _, o := range blocks[k:end] {
			o.role = roleOmitted
			o.speaker = ""
		}
		p.omitBlocks(blocks[k:end], reason)
		k = end - 1
	}
	p.omitPageLists(blocks)
	anchor := len(blocks)
	for k, b := range blocks {
		// Prose opens the text: three lines of it, or in a format that
		// sets a paragraph on one line (a web page, a Word document) a
		// paragraph.
		if b.role == roleHeading && p.opensText(blocks, k) || b.speaker != "" || (b.role == roleBody && p.isProse(b) && (len(b.lines) >= 3 || !p.doc.Format.LineBased())) {
			anchor = k
			break
		}
	}
	anchor = p.textOpening(blocks, anchor)
	headings := 0
	for _, b := range blocks {
		if b.role == roleHeading {
			headings++
		}
	}
	if anchor == len(blocks) || (headings == 0 && anchor <= 1) {
		return
	}
	var front []*block
	for _, b := range blocks[:anchor] {
		if b.role == roleHeading || b.role == roleBody && !b.code && p.titlePageLine(b) {
			b.role = roleOmitted
			p.noteTitle(b)
			p.noteAuthor(b)
			front = append(front, b)
		}
	}
	front = append(front, p.titleLinesUnder(blocks, anchor)...)
	p.omitBlocks(front, "title page")
}

// maxTitleLines is how many short lines a title page may set under the
// text's title heading, and maxTitleLineWords how many words each: a
// poem's lines are longer, or a stanza is more than one.
const (
	maxTitleLines     = 8
	maxTitleLineWords = 6
)

// titleLinesUnder leaves out, and returns, the title page's lines set
// under the text's first heading when nothing but them stands between it
// and the next heading: a web page's "COMMON SENSE;" over "addressed to
// the" / "INHABITANTS" / "of" / "AMERICA," / "On the following
// interesting" / "SUBJECTS".
func (p *parser) titleLinesUnder(blocks []*block, anchor int) []*block {
	if f := p.doc.Format; f != FormatText && f != FormatPDF && f != FormatHTML {
		return nil // a Markdown page's points under its title are its text
	}
	if anchor >= len(blocks) || blocks[anchor].role != roleHeading || slices.ContainsFunc(blocks[:anchor], func(b *block) bool { return b.role == roleHeading }) {
		return nil
	}
	end := anchor + 1
	for end < len(blocks) && blocks[end].role != roleHeading {
		b := blocks[end]
		t := strings.TrimSpace(p.textOf(b))
		if b.role != roleBody || b.code || len(b.lines) > 1 || len(strings.Fields(t)) > maxTitleLineWords || closesLikeText(t) || p.listItem(b) {
			return nil // text, or a list's items
		}
		end++
	}
	if end == anchor+1 || end-anchor-1 > maxTitleLines || end == len(blocks) {
		return nil
	}
	under := blocks[anchor+1 : end]
	for _, b := range under {
		b.role = roleOmitted
		p.noteAuthor(b)
	}
	if h := blocks[anchor].head; p.doc.Title == "" && blocks[end].head.rank > h.rank {
		p.doc.Title = h.title // the text's title, over its byline and its chapters
	}
	return under
}

// textOpening moves the text's opening back from block anchor: from
// running text to the heading it stands under, past paragraphs too short
// to open the text by themselves, and from a heading to the first of its
// look and rank with text under it. The Art of War's "I. LAYING PLANS"
// stands over such paragraphs ("1. Sun Tzu said: The art of war is of
// vital importance to the State.") and is its first chapter, not a title
// page's line.
func (p *parser) textOpening(blocks []*block, anchor int) int {
	if anchor == len(blocks) {
		return anchor
	}
	if blocks[anchor].role != roleHeading {
		k := anchor - 1
		for k >= 0 && (blocks[k].role == roleDivider || blocks[k].role == roleBody && p.isProse(blocks[k])) {
			k--
		}
		if k < 0 || blocks[k].role != roleHeading {
			return anchor
		}
		anchor = k
	}
	h := blocks[anchor].head
	for k, b := range blocks[:anchor] {
		if b.role != roleHeading || b.head.style != h.style || b.head.rank != h.rank {
			continue
		}
		if next := p.nextNonDivider(blocks, k); next != nil && next.role == roleBody {
			return k
		}
	}
	return anchor
}

// minPageListLines is how many lines of titles and page numbers make a
// list of contents without a heading.
const minPageListLines = 3

// omitPageLists leaves out lists of titles with page numbers wherever
// they stand, under a heading or not: "The Old Umbrella Mender 9".
func (p *parser) omitPageLists(blocks []*block) {
	for _, b := range blocks {
		if b.role == roleBody && b.speaker == "" && !b.code && len(b.lines) >= minPageListLines && p.pageList(b) {
			b.role = roleOmitted
			p.omitBlocks([]*block{b}, "table of contents")
		}
	}
}

// pageEntry matches a line of contents or an index: a title, then its page
// after spaces, dot leaders or a comma ("The Old Umbrella Mender 9",
// "Preface.......... iii", "Hunt, Judge, Opinion against Miss Anthony,  59").
// A page has at most three digits: four are a year.
var pageEntry = regexp.MustCompile(`^\s*(\S.*?)(?:\s*\.{2,}\s*|,?\s+)(\d{1,3}|[ivxlc]{1,7})\s*$`)

// pageList reports whether nearly every line of a block is a title and a
// page: words, not figures, code or sentences.
func (p *parser) pageList(b *block) bool {
	n := 0
	for _, i := range b.lines {
		m := pageEntry.FindStringSubmatch(p.text[i])
		if m == nil {
			continue
		}
		title := strings.TrimRight(m[1], " ,.")
		chars := len(strings.ReplaceAll(title, " ", ""))
		if letters(title) >= 3 && letters(title)*10 >= chars*7 && !strings.ContainsAny(title, "=;{}/|") && !sentenceInside.MatchString(title) {
			n++
		}
	}
	return n*5 >= len(b.lines)*4
}

// titlePageLine reports whether a short block before the text reads like
// a title page's: capitals, title case, a name, a date; not a sentence
// such as "This edition is dedicated to…", and not prose that names many
// things (a web page's opening paragraph, "Levi's Stadium is a football
// stadium in Santa Clara, California.").
func (p *parser) titlePageLine(b *block) bool {
	t := p.textOf(b)
	words := strings.Fields(t)
	if p.isProse(b) || p.fieldLines(b) {
		return false
	}
	// A page's lines without a full stop are its title, byline and date
	// only while short: the points of a list before a documentation page's
	// first heading ("Reducers take current state and an action, and
	// calculate a new state") are its text. A book's title page may run
	// long ("BEING A NARRATIVE OF THE VOYAGE …").
	unpunctuated := !strings.ContainsAny(t, ".?!") && (len(words) <= maxTaglineWords || !p.doc.Format.marksUp())
	return len(words) <= 2 || upperShare(t) >= 0.9 || isTitleCase(t) || unpunctuated
}

// fieldLabel opens a line that records a field of a meeting's minutes:
// "Present: Ruth Okafor (chair), …", "Apologies: John Thornton".
var fieldLabel = regexp.MustCompile(`^(?i:present|apologies|absent|attendees|attending|in attendance|chair|chaired by|minutes|minute taker|secretary|date|time|venue|location|place|agenda|action|actions|decision|decisions|next meeting|date of next meeting):\s+\S`)

// fieldLines reports whether every line of a block records a field
// (fieldLabel): minutes' "Present:" and "Apologies:" are what the text
// says, not its title page.
func (p *parser) fieldLines(b *block) bool {
	for _, i := range b.lines {
		if !isFieldLine(p.text[i]) {
			return false
		}
	}
	return true
}

// isFieldLine reports whether a line records a field of minutes: its
// label (fieldLabel) capitalised, as a wrapped line of prose ("place:
// yea though it be…") is not.
func isFieldLine(line string) bool {
	t := strings.TrimSpace(line)
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && fieldLabel.MatchString(t)
}

// maxTaglineWords is the longest line without a full stop that a
// page's title block holds: a tagline, a byline, a date.
const maxTaglineWords = 8

// opensText reports whether heading k opens the text: a heading by its
// words, or one by its look that running text or a list follows.
func (p *parser) opensText(blocks []*block, k int) bool {
	if !blocks[k].head.style.byLook() {
		return true
	}
	j := nextNonDividerAt(blocks, k)
	if j < len(blocks) && blocks[j].role == roleBody && salutes(strings.TrimSpace(p.textOf(blocks[j]))) {
		j = nextNonDividerAt(blocks, j) // "Fellow-Citizens of the Senate…:" over the address
	}
	if j == len(blocks) {
		return false
	}
	next := blocks[j]
	return next.role == roleHeading || next.speaker != "" || (p.isProse(next) && len(next.lines) >= 3) || p.listItem(next)
}

// noteEnd returns the block after a transcriber's note that starts at
// block k: the note's heading and the running text under it or, for a
// note at the back of the book, everything after it (its table of
// corrections, whatever markup the transcriber left in it).
func (p *parser) noteEnd(blocks []*block, k int) int {
	j := k + 1
	for j < len(blocks) && blocks[j].role == roleBody && (p.isProse(blocks[j]) || len(blocks[j].lines) >= 2) {
		j++
	}
	if blocks[k].first() < p.doc.Lines*6/10 {
		return j
	}
	end := j
	for end < len(blocks) && (blocks[end].role == roleBody || blocks[end].role == roleDivider) {
		end++
	}
	if end == len(blocks) {
		return end
	}
	return j
}

// noteTitle takes the book's title from the first line of its title page
// when the file had no Project Gutenberg header.
func (p *parser) noteTitle(b *block) {
	if p.doc.Title == "" {
		if t := strings.TrimSpace(p.textOf(b)); utf8.RuneCountInString(t) <= 100 && letters(t) >= 3 {
			p.doc.Title = strings.TrimRight(t, ".,")
		}
	}
}

// authorLine matches a title page's line that names its author and
// nothing else: "by Ann Example", "BY MARK TWAIN", "By Ann Example and
// Tom Rae" (byline, the looser test, also takes "By Eugene Debs, for the
// Appeal").
var authorLine = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|la|du))*)\.?$`)

// noteAuthor takes the text's author from a title page's byline when the
// file had no Project Gutenberg header to name one, and its translator
// from a line saying who translated it.
func (p *parser) noteAuthor(b *block) {
	line := strings.TrimSpace(p.textOf(b))
	if m := translatorLine.FindStringSubmatch(strings.Trim(line, "_*")); m != nil && p.doc.Translator == "" && len(strings.Fields(m[1])) <= maxTaglineWords {
		p.doc.Translator = m[1]
	}
	if p.doc.Author != "" {
		return
	}
	if m := authorLine.FindStringSubmatch(line); m != nil && len(strings.Fields(m[1])) <= maxTaglineWords {
		p.doc.Author = m[1]
	}
}

// translatorLine matches a title page's line that names who translated
// the text: "Translated by Florence Kelley Wischnewetzky", "TRANSLATED
// BY HELEN CHISHOLM", "Translated from the Russian by Louise and Aylmer
// Maude".
var translatorLine = regexp.MustCompile(`^(?i:translated(?:\s+(?:from|out\s+of)\s+the\s+\p{L}+)?(?:\s+into\s+english)?\s+by)\s+(\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|la|du))*)\.?$`)

// omitBlocks records the omitted blocks among bs as left out.
func (p *parser) omitBlocks(bs []*block, reason string) {
	for _, b := range bs {
		if b.role == roleOmitted {
			p.omit(b.first(), b.last()+1, reason)
		}
	}
}

// contentsEnd returns the block after a table of contents that starts at
// block k: where running text begins, after the headings just before it
// that open the text. Those start at the heading that repeats the table's
// first entry ("BOOK ONE: 1805" over "CHAPTER I"); failing that, at most
// two headings the table does not list.
func (p *parser) contentsEnd(blocks []*block, k int) int {
	first := ""
	for j := k + 1; j < len(blocks); j++ {
		b := blocks[j]
		if b.role == roleHeading && b.head.kind == matterCast {
			return j // the persons of the play, after its contents
		}
		if first == "" && b.role == roleHeading {
			first = headingKey(b.head)
			if p.listsLine(blocks, k, j, first) {
				return j // the text opens with the first entry, however short its sections
			}
		}
		if b.speaker == "" && (!p.isProse(b) || p.listLike(b) || p.wrappedEntry(blocks, j)) {
			continue
		}
		run := j
		for run > k+1 && blocks[run-1].role == roleHeading && j-run < 8 {
			run--
		}
		for r := run; r < j; r++ {
			if first != "" && headingKey(blocks[r].head) == first && r > k+1 && p.listedBefore(blocks, k, r, first) {
				return r
			}
		}
		if r := p.firstEntryAbove(blocks, k, j, first); r > 0 {
			return r
		}
		start := j
		for start > run && j-start < 2 && !p.listedBefore(blocks, k, start-1, headingKey(blocks[start-1].head)) {
			start--
		}
		return start
	}
	return len(blocks) // the contents end the text
}

// maxOpeningBlocks is how many short blocks may stand between the text's
// first heading and its first running text: a letter's addressee and
// date line.
const maxOpeningBlocks = 3

// firstEntryAbove finds the heading that opens the text above running
// text at block j, across a letter's addressee and date line ("Letter 1"
// / "_To Mrs. Saville, England._" / "St. Petersburgh, Dec. 11th, 17—."),
// where the contents list it on a line of their own; 0 when none does.
func (p *parser) firstEntryAbove(blocks []*block, k, j int, first string) int {
	for r := j - 1; r > k+1 && j-r <= maxOpeningBlocks+1; r-- {
		b := blocks[r]
		if b.role == roleHeading {
			if headingKey(b.head) == first && (p.listsLine(blocks, k, r, first) || p.listedBefore(blocks, k, r, first)) {
				return r
			}
			if blocks[r-1].role == roleHeading {
				continue // a scene under its act: "ACT I" over "SCENE I. Elsinore."
			}
			return 0
		}
		if b.role == roleDivider {
			continue // a subtitle taken: "FIRST ACT" over "SCENE"
		}
		if b.role != roleBody || p.isProse(b) || p.listLike(b) {
			return 0
		}
	}
	return 0
}

// listsLine reports whether a block of lines among blocks k+1 … end-1
// lists key on a line of its own, as an indented contents list does.
func (p *parser) listsLine(blocks []*block, k, end int, key string) bool {
	for _, b := range blocks[k+1 : end] {
		if b.role != roleBody || len(b.lines) < 2 {
			continue
		}
		for _, i := range b.lines {
			if lineKey(p.text[i]) == key {
				return true
			}
		}
	}
	return false
}

// wrappedEntry reports whether block j is the first line of a contents
// entry that wraps, its page number on the next line: "2.6 Basic package
// management operations with … apt-get(8)" over "/apt-cache(8) . . . 48".
func (p *parser) wrappedEntry(blocks []*block, j int) bool {
	b := blocks[j]
	if len(b.lines) != 1 || j+1 == len(blocks) || blocks[j+1].role != roleBody {
		return false
	}
	t := strings.TrimSpace(p.text[b.lines[0]])
	return !strings.ContainsAny(t[len(t)-1:], ".?!:;") && p.listLike(blocks[j+1])
}

// listedBefore reports whether a heading key stands among blocks k+1 …
// end-1, as a table of contents lists its entries.
func (p *parser) listedBefore(blocks []*block, k, end int, key string) bool {
	if key == "" {
		return false
	}
	for j := k + 1; j < end; j++ {
		b := blocks[j]
		if b.role == roleHeading && headingKey(b.head) == key {
			return true
		}
	}
	return false
}

// listLike reports whether most lines of a block end in page numbers,
// open with a section number or are joined by dashes, as the entries of
// a table of contents are.
func (p *parser) listLike(b *block) bool {
	n := 0
	for _, i := range b.lines {
		t := strings.TrimSpace(p.text[i])
		if pageNumberEnd.MatchString(t) || strings.Count(t, "—")+strings.Count(t, "--") >= 2 || decimalHeading.MatchString(t) {
			n++ // "Introduction 1", "Topic—topic—topic", "1.2 Where do I get lsof?"
		}
	}
	if n*2 > len(b.lines) {
		return true
	}
	// Topics run together with dashes: "Variability--Individual
	// differences--Doubtful species--…".
	t := p.textOf(b)
	return strings.Count(t, "—")+strings.Count(t, "--") >= 3 && len(sentenceInside.FindAllString(t, -1)) <= 1
}

// indexSample is how many blocks after an index's heading are looked at
// to tell its entries.
const indexSample = 8

// entriesFollow reports whether the blocks under heading k read as an
// index's entries: of the first indexSample, at least three, and three in
// four of them, end in page or section numbers ("Governor, how elected;
// 3 1"), however many lines an entry wraps to.
func (p *parser) entriesFollow(blocks []*block, k int) bool {
	n, numbered := 0, 0
	for _, b := range blocks[k+1 : min(len(blocks), k+1+indexSample)] {
		if b.role == roleHeading {
			break
		}
		n++
		if pageNumberEnd.MatchString(strings.TrimSpace(p.text[b.lines[len(b.lines)-1]])) {
			numbered++
		}
	}
	return n >= 3 && numbered*4 >= n*3
}

// headingKey is what a heading is listed by in a table of contents: its
// kind and number where it has them, so that "FIRST ACT" is the "ACT I."
// listed, or else entryKey of its label.
func headingKey(h *heading) string {
	if h.style == styleKeyword {
		if n := numberIn(h.label()); n > 0 {
			return h.keyword + strconv.Itoa(n)
		}
	}
	return entryKey(h.label())
}

// lineKey is headingKey of a line that reads as a heading, or else its
// entryKey.
func lineKey(s string) string {
	if h, ok := strongHeading(s); ok {
		return headingKey(&h)
	}
	return entryKey(s)
}

// numberIn is the number a heading's label gives in figures, a roman
// numeral, or a word ("FIRST ACT", "ACT I.", "Chapter 3", "BOOK ONE");
// 0 when none.
func numberIn(label string) int {
	for _, w := range strings.Fields(label) {
		w = strings.Trim(w, ".:,;")
		if n, err := strconv.Atoi(w); err == nil {
			return n
		}
		if isRoman(w) {
			return romanValue(w)
		}
		if n := slices.Index(numberWords, strings.ToLower(w)); n >= 0 {
			return n%20 + 1
		}
	}
	return 0
}

// numberWords are the cardinals and then the ordinals of 1 to 20.
var numberWords = strings.Fields("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty " +
	"first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth")

// romanValue is the value of an upper-case roman numeral.
func romanValue(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		v := romanDigit(s[i])
		if i+1 < len(s) && romanDigit(s[i+1]) > v {
			v = -v
		}
		n += v
	}
	return n
}

// romanDigit is the value of one roman digit, 0 for any other byte.
func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

// entryKey reduces a heading or table-of-contents line to its letters and
// digits, without a trailing page number: "CHAPTER I.   1" → "chapteri".
func entryKey(s string) string {
	s = pageNumberEnd.ReplaceAllString(strings.TrimSpace(s), "")
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// castEnd returns the block after a list of persons that starts at block
// k: the next heading, turn or running text.
func (p *parser) castEnd(blocks []*block, k int) int {
	turns := func(j int) bool {
		for n := j; n < j+3; n++ {
			if n >= len(blocks) || blocks[n].speaker == "" {
				return false
			}
		}
		return true
	}
	for j := k + 1; j < len(blocks); j++ {
		b := blocks[j]
		if b.role == roleHeading || turns(j) || (p.isProse(b) && len(b.lines) > 3 && !p.personsListed(b)) {
			return j
		}
	}
	return len(blocks)
}

// keepCast keeps as a section of its own the persons of a play listed a
// line each with who they are, among the blocks under a cast's heading:
// "BANQUO, General in the King's Army." says who Banquo is, and no one
// speaks it. The rest under the heading (persons named without saying
// who they are, the scene) is left out, as a whole cast is where none is
// listed so; keepCast reports whether it kept any.
func (p *parser) keepCast(cast []*block) bool {
	if !slices.ContainsFunc(cast, p.personsListed) {
		return false
	}
	for _, b := range cast {
		b.speaker = ""
		if !p.personsListed(b) {
			b.role = roleOmitted
			p.omitBlocks([]*block{b}, "cast")
		}
	}
	return true
}

// personsListed reports whether most lines of a block name a person and
// say who they are, as a cast lists them: "  Escalus, Prince of
// Verona.", "Tybalt, nephew to Lady Capulet."
func (p *parser) personsListed(b *block) bool {
	n := 0
	for _, i := range b.lines {
		if castEntry.MatchString(p.text[i]) {
			n++
		}
	}
	return n*5 >= len(b.lines)*3
}

// castEntry matches a line of a list of persons: a name in capitals or
// title case, a comma and a short description.
var castEntry = regexp.MustCompile(`^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},\s+[^.;:!?]{2,70}[.;]?\s*$`)

// indexEnd is where the index at block k ends: at the next heading of
// rank 2 or above, or at the notes set under it (a Texinfo page's
// footnotes follow its index).
func (p *parser) indexEnd(blocks []*block, k int) int {
	end := p.nextHeading(blocks, k, 2)
	for j := k + 1; j < end; j++ {
		if b := blocks[j]; b.role == roleHeading && notesTitles[strings.ToLower(b.head.title)] {
			return j
		}
	}
	return end
}

// notesTitles are the headings notes stand under.
var notesTitles = map[string]bool{"notes": true, "footnotes": true, "endnotes": true}

// nextHeading returns the index of the next heading of rank ≤ rank after
// block k, or len(blocks).
func (p *parser) nextHeading(blocks []*block, k, rank int) int {
	for j := k + 1; j < len(blocks); j++ {
		if b := blocks[j]; b.role == roleHeading && b.head.rank <= rank && b.head.kind != matterIndex {
			return j
		}
	}
	return len(blocks)
}
