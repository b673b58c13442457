package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseBook parses everything that is not an interview: books, plays,
// dialogues, transcripts, articles and Markdown. It runs in stages, each
// over the paragraphs ("blocks") of lines [lo, hi):
//
//  1. turns: speaker labels that recur and alternate make a dialogue;
//  2. headings: numbered and named headings, then looks (ALL CAPS, a lone
//     numeral, _italics_) that recur before running text;
//  3. front and back matter: title page, table of contents, cast, index;
//  4. sections and sentences.
func (p *parser) parseBook(lo, hi int, markdown bool) {
	pageBreaks := p.paginate(lo, hi, lo)
	perLine := !pageBreaks && p.paragraphPerLine(lo, hi)
	blocks := p.splitBlocks(lo, hi, pageBreaks && !markdown, markdown, perLine)
	if !markdown {
		if speakers, ok := p.findSpeakers(blocks); ok {
			blocks = p.assignTurns(blocks, speakers)
		}
	}
	blocks = p.verseChapters(blocks)
	p.findHeadings(blocks, markdown)
	p.markMatter(blocks)
	p.continueTurns(blocks)
	p.buildSections(blocks)
}

// longLine is the length from which a line is a paragraph of its own.
const longLine = 200

// paragraphPerLine reports whether the text keeps each paragraph on one
// long line: most of its words stand on lines of longLine bytes or more.
func (p *parser) paragraphPerLine(lo, hi int) bool {
	long, total := 0, 0
	for i := lo; i < hi; i++ {
		n := len(p.text[i])
		total += n
		if n >= longLine {
			long += n
		}
	}
	return total > 0 && long*10 >= total*8
}

// assignTurns splits blocks where a speaker's label opens a line and marks
// each turn with its speaker.
func (p *parser) assignTurns(blocks []*block, speakers speakerSet) []*block {
	var out []*block
	for _, b := range blocks {
		cur := &block{}
		for _, i := range b.lines {
			if l, ok := labelOf(p.text[i]); ok {
				if name, known := speakers.of(l.name); known && (i == b.first() || l.alone) {
					if len(cur.lines) > 0 {
						out = append(out, cur)
					}
					cur = &block{speaker: name, skip: l.skip}
					if l.alone {
						cur.skip = len(p.text[i])
					}
				}
			}
			cur.lines = append(cur.lines, i)
		}
		if len(cur.lines) > 0 {
			out = append(out, cur)
		}
	}
	// A label alone in its paragraph gives the next paragraph its speaker.
	for k, b := range out {
		if b.speaker != "" && len(b.lines) == 1 && b.skip >= len(p.text[b.first()]) {
			b.role = roleDivider
			if k+1 < len(out) && out[k+1].speaker == "" {
				out[k+1].speaker = b.speaker
			}
		}
	}
	return out
}

// continueTurns gives a paragraph without a label the speaker of the turn
// it continues, unless a heading stands between or it is a stage direction.
func (p *parser) continueTurns(blocks []*block) {
	current := ""
	for _, b := range blocks {
		switch {
		case b.role == roleHeading || b.role == roleOmitted:
			current = ""
		case b.role == roleDivider:
		case b.speaker != "":
			current = b.speaker
		case current != "":
			if t := strings.TrimSpace(p.textOf(b)); strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(") || p.weakStyle(b) == "caps" {
				current = "" // a stage direction, or a title in capitals
				continue
			}
			b.speaker = current
		}
	}
}

// verseChapters opens a chapter wherever the chapter of verse numbers
// ("43:003:016 For God so loved…") changes, when most paragraphs start
// with one.
func (p *parser) verseChapters(blocks []*block) []*block {
	verses := 0
	for _, b := range blocks {
		if verseNumber.MatchString(p.raw[b.first()]) {
			verses++
		}
	}
	if verses < 3 || verses*2 < len(blocks) {
		return blocks
	}
	var out []*block
	chapter := ""
	for _, b := range blocks {
		if m := verseNumber.FindStringSubmatch(p.raw[b.first()]); m != nil {
			if m[2] != chapter {
				chapter = m[2]
				n, _ := strconv.Atoi(chapter)
				out = append(out, &block{lines: []int{b.first()}, role: roleHeading, head: &heading{style: "verse", rank: 2, title: "Chapter " + strconv.Itoa(n)}})
			}
			b.skip = len(m[0])
		}
		out = append(out, b)
	}
	return out
}

// findHeadings marks the blocks that are headings.
func (p *parser) findHeadings(blocks []*block, markdown bool) {
	chapters := map[string]int{} // numbered rank-2 styles, counted
	anyStrong := false
	for k, b := range blocks {
		if b.role != roleBody || b.speaker != "" {
			continue
		}
		h, ok := p.markupHeading(b, markdown)
		if !ok && !markdown && p.isShort(b) && p.headingPlace(b) {
			h, ok = strongHeading(p.textOf(b))
		}
		if !ok && !markdown && len(b.lines) <= 5 && p.headingPlace(b) {
			// "CHAPTER XXI" over a subtitle of several lines in capitals.
			first := strings.TrimSpace(p.text[b.first()])
			rest := p.textOf(&block{lines: b.lines[1:]})
			if fh, fok := strongHeading(first); fok && fh.numbered && !strings.Contains(fh.title, ": ") && upperShare(rest) >= 0.9 {
				h, ok = fh, true
				h.title += ": " + rest
			}
		}
		if !ok {
			continue
		}
		if h.kind == matterDivider {
			b.role = roleDivider
			continue
		}
		h.title = cleanTitle(h.title)
		b.role, b.head = roleHeading, &h
		anyStrong = true
		if h.numbered && h.rank == 2 {
			chapters[h.style]++
		}
		if h.numbered && !strings.Contains(h.title, ": ") && k+1 < len(blocks) {
			p.takeSubtitle(b, blocks[k+1])
		}
	}
	if markdown {
		return
	}
	chapterLevel, numbered := false, 0
	for _, n := range chapters {
		if n >= 2 {
			chapterLevel = true
		}
		numbered += n
	}
	// Looks that recur before running text are headings too. A line that
	// recurs word for word ("PUBLIUS", an author's name) is a signature.
	texts := map[string]int{}
	for _, b := range blocks {
		if b.role == roleBody && len(b.lines) == 1 {
			texts[entryKey(p.textOf(b))]++
		}
	}
	styles := make([]string, len(blocks))
	counts := map[string]int{}
	for k, b := range blocks {
		if b.role != roleBody {
			continue
		}
		style := p.weakStyle(b)
		if style == "" || k+1 >= len(blocks) {
			continue
		}
		if style == "caps" || style == "title" || style == "italic" {
			t := p.textOf(b)
			if texts[entryKey(t)] >= 3 || strings.HasSuffix(t, "!") || strings.HasSuffix(t, ":") || style != "italic" && sentenceInside.MatchString(t) || signature.MatchString(t) {
				continue
			}
			// After "I reproduce an editorial…:" comes the title of what
			// is quoted, not a heading of the book.
			if k > 0 && blocks[k-1].role == roleBody && strings.HasSuffix(strings.TrimSpace(p.textOf(blocks[k-1])), ":") {
				continue
			}
			// Inside numbered chapters, a centred line is the title of a
			// document the text quotes, not a sub-heading.
			if chapterLevel && p.indent(b) > 2 {
				continue
			}
		}
		next := blocks[k+1]
		switch {
		case (style == "roman" || style == "number") && p.titleLine(next):
			style += "-title"
		case style == "title" && p.beforeVerse(next):
			style = "poem-title"
		case !p.beforeText(style, next):
			continue
		}
		styles[k] = style
		counts[style]++
	}
	// A text without structural headings (an article, notes) takes its
	// sections from short title lines such as "Early life".
	plain := !anyStrong && counts["caps"] < 3 && counts["italic"] < 3 && counts["roman-title"] < 2 && counts["poem-title"] < 5
	rank, least := 2, 3
	if chapterLevel {
		// Sub-headings inside numbered chapters must be a habit of the
		// book, not a few names signed under letters.
		rank, least = 3, max(3, numbered/2)
	}
	for k, b := range blocks {
		style := styles[k]
		if style == "" || b.role != roleBody {
			continue
		}
		t := cleanTitle(p.textOf(b))
		switch {
		case style == "roman-title" || style == "number-title":
			if counts[style] < 2 && anyStrong {
				b.role = roleDivider
				continue
			}
			next := blocks[k+1]
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t + ": " + cleanTitle(p.textOf(next))}
			next.role = roleDivider
		case style == "roman" || style == "number":
			b.role = roleDivider // a numbered part without a title
		case style == "caps" && counts[style] >= least:
			// A heading set over two paragraphs: "AN HISTORICAL SKETCH…" /
			// "PREVIOUSLY TO THE PUBLICATION…".
			if prev := k - 1; prev >= 0 && blocks[prev].role == roleBody && styles[prev] == "" && p.weakStyle(blocks[prev]) == "caps" && blocks[prev].last()+3 >= b.first() {
				t = cleanTitle(p.textOf(blocks[prev])) + " " + t
				blocks[prev].role = roleDivider
			}
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t}
		case style == "italic" && counts[style] >= least,
			style == "title" && plain,
			style == "poem-title" && (plain || counts[style] >= 5):
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t}
		}
	}
	// A short title line standing right before a heading ("ON LIBERTY."
	// over "CHAPTER I.") is the book's title again, not text; so is a bare
	// "SCENE" over a scene's description.
	for k, b := range blocks {
		if b.role != roleBody || len(b.lines) != 1 {
			continue
		}
		t := p.textOf(b)
		if k+1 < len(blocks) && blocks[k+1].role == roleHeading && p.weakStyle(b) == "caps" && len(strings.Fields(t)) <= 8 {
			b.role = roleDivider
			if k == 0 {
				p.noteTitle(b)
			}
		}
		if keywordHeading.MatchString(t) && strings.TrimSpace(keywordHeading.FindStringSubmatch(t)[3]) == "" && len(strings.Fields(t)) == 1 {
			b.role = roleDivider
		}
	}
}

// footnoteMarker matches footnote references in a title: "[10]", "{7}", "(*)".
var footnoteMarker = regexp.MustCompile(`\s*(\[\d+[a-z]?\]|\{\d+[a-z]?\}|\([*+#$]\))`)

// cleanTitle trims a heading's text to a title: white space collapsed,
// footnote markers and trailing full stops and colons dropped.
func cleanTitle(t string) string {
	t = footnoteMarker.ReplaceAllString(t, "")
	t = strings.Join(strings.Fields(t), " ")
	return strings.TrimRight(t, ".: ")
}

// headingPlace reports whether a block stands where headings stand: at the
// left margin, or centred.
func (p *parser) headingPlace(b *block) bool {
	ind := p.indent(b)
	if ind <= 8 {
		return true
	}
	width := utf8.RuneCountInString(strings.TrimSpace(p.text[b.first()]))
	return ind >= 6 && ind+width/2 >= 25 && ind+width/2 <= 50
}

// takeSubtitle makes a short line right after a numbered heading its
// subtitle ("CHAPTER II" / "RIO DE JANEIRO", "CHAPTER I." / "INTRODUCTORY.").
func (p *parser) takeSubtitle(h, next *block) {
	if next.role != roleBody || next.speaker != "" || len(next.lines) > 2 || !p.isShort(next) {
		return
	}
	t := p.textOf(next)
	if sh, strong := strongHeading(t); strong && (sh.numbered || sh.kind != matterBody) {
		return
	}
	if p.isProse(next) || romanAlone.MatchString(t) || numberAlone.MatchString(t) || utf8.RuneCountInString(t) > 140 {
		return
	}
	if letters(t) < 2 || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(") || verseNumber.MatchString(p.raw[next.first()]) {
		return
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, closers))
	if strings.ContainsRune(",;?!", last) || (last == ':' && upperShare(t) < 0.9) {
		return
	}
	if upperShare(t) < 0.9 && (!isTitleCase(t) || sentenceInside.MatchString(t)) {
		return
	}
	h.head.title += ": " + cleanTitle(seeAlso.ReplaceAllString(t, ""))
	next.role = roleDivider
}

// signature matches a name signed under a letter or proclamation: "A. F.
// KERENSKY.", "W. L. COURTNEY".
var signature = regexp.MustCompile(`^(?:[A-Z]\.\s?){1,3}\s*[A-Z][\p{L}'’-]+\.?$`)

// sentenceInside matches a sentence ending inside a line: "(4). Gr.".
var sentenceInside = regexp.MustCompile(`[a-z)][.?!]\s+[A-Z]`)

// seeAlso matches a cross-reference such as "(See App. XI, Sect. 1)".
var seeAlso = regexp.MustCompile(`\s*\((?i:see)\s[^)]*\)`)

// titleLine reports whether a block is the title line of a two-line
// heading such as "IV." / "POSITION OF THE COMMUNISTS…".
func (p *parser) titleLine(b *block) bool {
	if b.role != roleBody || b.speaker != "" || len(b.lines) > 3 || !p.isShort(b) || p.isProse(b) {
		return false
	}
	t := p.textOf(b)
	return letters(t) >= 3 && (upperShare(t) >= 0.9 || isTitleCase(t)) && !strings.HasPrefix(t, "[")
}

// beforeText reports whether a block after a possible heading of a given
// look is what follows headings: running text or a speaker's turn. After
// a title line, two lines or one long one will do.
func (p *parser) beforeText(style string, next *block) bool {
	if next.role == roleHeading {
		return false
	}
	if next.speaker != "" || p.isProse(next) || len(next.lines) >= 4 {
		return true
	}
	return style == "title" && (len(next.lines) >= 2 || len(p.text[next.first()]) >= longLine)
}

// beforeVerse reports whether a block is verse: indented lines, as the
// poems under a title line are.
func (p *parser) beforeVerse(next *block) bool {
	return next.role == roleBody && next.speaker == "" && len(next.lines) >= 2 && p.indent(next) > 0
}

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
			end, reason = p.castEnd(blocks, k), "cast"
		case matterIndex:
			if b.first() < p.doc.Lines*6/10 {
				continue
			}
			end, reason = p.nextHeading(blocks, k, 2), "index"
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
	anchor := len(blocks)
	for k, b := range blocks {
		if b.role == roleHeading && p.opensText(blocks, k) || b.speaker != "" || (b.role == roleBody && p.isProse(b) && len(b.lines) >= 3) {
			anchor = k
			break
		}
	}
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
		if b.role == roleHeading || b.role == roleBody && p.titlePageLine(b) {
			b.role = roleOmitted
			p.noteTitle(b)
			front = append(front, b)
		}
	}
	p.omitBlocks(front, "title page")
}

// titlePageLine reports whether a short block before the text reads like
// a title page's: capitals, title case, a name, a date; not a sentence
// such as "This edition is dedicated to…".
func (p *parser) titlePageLine(b *block) bool {
	t := p.textOf(b)
	words := strings.Fields(t)
	return len(words) <= 2 || upperShare(t) >= 0.9 || isTitleCase(t) || !strings.ContainsAny(t, ".?!")
}

// opensText reports whether heading k opens the text: a heading by its
// words, or one by its look that running text follows.
func (p *parser) opensText(blocks []*block, k int) bool {
	h := blocks[k].head
	switch h.style {
	case "caps", "italic", "title", "poem-title":
		next := p.nextNonDivider(blocks, k)
		return next != nil && (next.role == roleHeading || next.speaker != "" || (p.isProse(next) && len(next.lines) >= 3))
	}
	return true
}

// noteEnd returns the block after a transcriber's note that starts at
// block k: the note's heading and the running text under it.
func (p *parser) noteEnd(blocks []*block, k int) int {
	j := k + 1
	for j < len(blocks) && blocks[j].role == roleBody && (p.isProse(blocks[j]) || len(blocks[j].lines) >= 2) {
		j++
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
		if first == "" && b.role == roleHeading {
			first = entryKey(b.head.label())
		}
		if b.speaker == "" && (!p.isProse(b) || p.listLike(b)) {
			continue
		}
		run := j
		for run > k+1 && blocks[run-1].role == roleHeading && j-run < 8 {
			run--
		}
		for r := run; r < j; r++ {
			if first != "" && entryKey(blocks[r].head.label()) == first && r > k+1 && p.listedBefore(blocks, k, r, first) {
				return r
			}
		}
		start := j
		for start > run && j-start < 2 && !p.listedBefore(blocks, k, start-1, entryKey(blocks[start-1].head.label())) {
			start--
		}
		return start
	}
	return k + 1
}

// listedBefore reports whether a heading key stands among blocks k+1 …
// end-1, as a table of contents lists its entries.
func (p *parser) listedBefore(blocks []*block, k, end int, key string) bool {
	if key == "" {
		return false
	}
	for j := k + 1; j < end; j++ {
		b := blocks[j]
		if b.role == roleHeading && entryKey(b.head.label()) == key {
			return true
		}
	}
	return false
}

// listLike reports whether most lines of a block end in page numbers or
// are joined by dashes, as the entries of a table of contents are.
func (p *parser) listLike(b *block) bool {
	n := 0
	for _, i := range b.lines {
		t := strings.TrimSpace(p.text[i])
		if pageNumberEnd.MatchString(t) || strings.Count(t, "—")+strings.Count(t, "--") >= 2 {
			n++
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
		if b.role == roleHeading || turns(j) || (p.isProse(b) && len(b.lines) > 3) {
			return j
		}
	}
	return len(blocks)
}

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

// buildSections turns headings into sections and body blocks into their
// sentences. A book, part or act directly followed by a chapter or scene
// is context for the sections under it ("BOOK ONE: 1805 · CHAPTER I").
func (p *parser) buildSections(blocks []*block) {
	type open struct {
		rank  int
		title string
	}
	var stack []open
	sec := -1
	for k, b := range blocks {
		switch b.role {
		case roleHeading:
			h := b.head
			for len(stack) > 0 && (stack[len(stack)-1].rank >= h.rank || h.style == "named") {
				stack = stack[:len(stack)-1]
			}
			if next := p.nextNonDivider(blocks, k); next != nil && next.role == roleHeading && next.head.rank > h.rank {
				stack = append(stack, open{h.rank, h.title})
				continue
			}
			title := h.title
			if len(stack) > 0 {
				title = stack[len(stack)-1].title + " · " + title
			}
			if sec >= 0 {
				p.finishSection(sec, p.doc.Sections[sec].Lines.Start)
			}
			sec = p.openSection(1, title, p.headingText(b), b.first()+1)
			p.doc.Sections[sec].Level = min(max(h.rank, 1), 3)
			if h.style != "md" && h.style != "setext" || h.rank > 2 {
				// A Markdown file's top heading names the whole file; the
				// sections under it need not repeat it.
				stack = append(stack, open{h.rank, h.title})
			}
		case roleBody:
			if sec < 0 {
				sec = p.openSection(0, "", "", b.first()+1)
			}
			lines := p.srcLines(b.lines)
			if b.skip > 0 {
				lines[0] = p.line(b.first(), b.skip)
			}
			p.addBlock(sec, lines, b.speaker)
		}
	}
	if sec >= 0 {
		p.finishSection(sec, p.doc.Sections[sec].Lines.Start)
	}
	p.dropEmptySections()
	p.collectSpeakers()
	if len(p.doc.Sections) == 1 && p.doc.Sections[0].Number == 0 {
		s := &p.doc.Sections[0]
		s.Number, s.Title, s.Heading = 1, p.doc.Title, p.doc.Title
	}
}

func (p *parser) nextNonDivider(blocks []*block, k int) *block {
	for j := k + 1; j < len(blocks); j++ {
		if blocks[j].role != roleDivider {
			return blocks[j]
		}
	}
	return nil
}

// headingText is a heading block's lines as written, joined.
func (p *parser) headingText(b *block) string {
	if b.head.style == "verse" {
		return b.head.title
	}
	var parts []string
	for _, i := range b.lines {
		if t := strings.TrimSpace(p.text[i]); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
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
		Level:         2,
		Lines:         Span{Start: line},
		FirstSentence: len(p.doc.Sentences),
	})
	return len(p.doc.Sections) - 1
}

// dropEmptySections removes sections that hold no sentences (a heading
// whose text was all omitted), renumbering those after.
func (p *parser) dropEmptySections() {
	if len(p.doc.Sections) < 2 {
		return
	}
	var kept []Section
	remap := make([]int, len(p.doc.Sections))
	for i, s := range p.doc.Sections {
		if s.EndSentence == s.FirstSentence {
			remap[i] = -1
			continue
		}
		remap[i] = len(kept)
		kept = append(kept, s)
	}
	if len(kept) == len(p.doc.Sections) || len(kept) == 0 {
		return
	}
	number := 1
	for i := range kept {
		if kept[i].Number != 0 {
			kept[i].Number = number
			number++
		}
	}
	for i := range p.doc.Sentences {
		p.doc.Sentences[i].Section = remap[p.doc.Sentences[i].Section]
	}
	p.doc.Sections = kept
}

// collectSpeakers lists who speaks in each section.
func (p *parser) collectSpeakers() {
	for i := range p.doc.Sections {
		s := &p.doc.Sections[i]
		for _, x := range p.doc.Sentences[s.FirstSentence:s.EndSentence] {
			if x.Speaker != "" && !slices.Contains(s.Speakers, x.Speaker) {
				s.Speakers = append(s.Speakers, x.Speaker)
			}
		}
	}
}
