package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Stage 2 of parsing a book: which blocks are headings. Headings by their
// words or markup count wherever they stand; headings by their look alone
// count when the text has enough of them, and are read against the
// numbered chapters around them.

// Thresholds of the look of headings.
const (
	// minLooks is how many headings of one look (capitals, italics) a
	// text needs before they count; inside numbered chapters, at least
	// half the number of chapters.
	minLooks = 3
	// minNumberedTitles is how many numerals over title lines ("IV." /
	// "OF THE STATE") count as headings in a text with keyword headings.
	minNumberedTitles = 2
	// minPoemTitles is how many title lines over verse make a text of
	// poems.
	minPoemTitles = 5
	// signatureRepeats is how often a line recurs word for word ("PUBLIUS",
	// an author's name) to be a signature, not a heading.
	signatureRepeats = 3
	// maxCentredTitleIndent is the indent past which a title inside
	// numbered chapters is a quoted document's, not a sub-heading.
	maxCentredTitleIndent = 2
	// maxHeadingBlockLines is how many lines a keyword heading with a
	// subtitle in capitals may take ("CHAPTER XXI" over three lines).
	maxHeadingBlockLines = 5
	// minEmphasisWords is the length from which a line in italics ending
	// in a full stop, set as close as a paragraph, is a sentence stressed.
	minEmphasisWords = 8
	// minNamedTitles is how many short titles ("Early life") a text with
	// named parts ("Introduction", "References") needs for them to head
	// sections.
	minNamedTitles = 2
	// maxRepeatedTitleWords is the length of a short title in capitals
	// standing right before a heading: the book's title again.
	maxRepeatedTitleWords = 8
)

// findHeadings marks the blocks that are headings.
func (p *parser) findHeadings(blocks []*block, markdown bool) {
	chapters, anyStrong := p.strongHeadings(blocks, markdown)
	if markdown {
		return
	}
	l := p.lookStyles(blocks, chapters)
	p.applyLooks(blocks, l, anyStrong)
	p.partTitles(blocks)
	p.markRepeatedTitles(blocks)
	p.sidenoteHeadings(blocks)
}

// strongHeadings marks the headings recognised by their markup or their
// words, gives numbered ones their subtitles, and returns how many rank-2
// numbered headings each keyword has ("chapter": 27) and whether there
// were any such headings.
func (p *parser) strongHeadings(blocks []*block, markdown bool) (chapters map[string]int, any bool) {
	chapters = map[string]int{}
	for k, b := range blocks {
		if b.role != roleBody || b.speaker != "" {
			continue
		}
		h, ok := p.markupHeading(b, markdown)
		if !ok && !markdown && p.isShort(b) && p.headingPlace(b) {
			h, ok = strongHeading(p.textOf(b))
		}
		if !ok && !markdown {
			h, ok = p.headingWithCapsSubtitle(b)
		}
		if !ok && !markdown && inlineCast.MatchString(p.text[b.first()]) {
			// "PERSONS OF THE DIALOGUE: Socrates, who is the narrator,
			// Glaucon, …" over several lines: the persons, listed in their
			// heading's paragraph.
			h, ok = heading{style: styleNamed, rank: 2, title: strings.TrimSpace(inlineCast.FindString(p.text[b.first()])), kind: matterCast}, true
		}
		if !ok {
			continue
		}
		if h.kind == matterDivider {
			b.role = roleDivider
			continue
		}
		h.title = cleanTitle(h.title)
		if h.style == styleNamed && h.kind == matterBody && upperShare(h.title) >= capsShare {
			h.title = p.withName(blocks, k, h.title)
			b.opens = speechBy(h.title)
		}
		b.role, b.head = roleHeading, &h
		// A named part ("Introduction", "References", "Summary") heads
		// articles too, whose other headings are short titles.
		any = any || h.style != styleNamed && h.style != styleSummary
		if h.numbered && h.rank == 2 {
			chapters[h.keyword]++
		}
		if h.numbered && !strings.Contains(h.title, ": ") && k+1 < len(blocks) {
			p.takeSubtitle(b, blocks[k+1])
		}
		if h.keyword == "letter" || h.keyword == "epistle" {
			p.takeDateline(blocks, k)
		}
	}
	return chapters, any
}

// inlineCast matches the opening of a paragraph that lists a dialogue's
// or a play's persons after its heading's words.
var inlineCast = regexp.MustCompile(`^\s*(?i:persons of the dialogue|dramatis person(?:ae|æ)|persons represented|the persons)\s*:`)

// headingWithCapsSubtitle recognises "CHAPTER XXI" over a subtitle of
// several lines in capitals, as one block.
func (p *parser) headingWithCapsSubtitle(b *block) (heading, bool) {
	if len(b.lines) > maxHeadingBlockLines || !p.headingPlace(b) {
		return heading{}, false
	}
	first := strings.TrimSpace(p.text[b.first()])
	rest := p.textOf(&block{lines: b.lines[1:]})
	h, ok := strongHeading(first)
	if !ok || !h.numbered || strings.Contains(h.title, ": ") || upperShare(rest) < capsShare {
		return heading{}, false
	}
	h.title += ": " + rest
	return h, true
}

// looks are the blocks that look like headings, each with its look, and
// how many blocks have each look.
type looks struct {
	styles       []headingStyle // by block; styleNone for the rest
	counts       map[headingStyle]int
	chapterLevel bool // the text has numbered chapters: looks are sub-headings
	numbered     int  // numbered chapters, of every keyword
	// partNumerals is the look (styleRoman or styleNumber) of numerals
	// alone that count I, II, III… or 1, 2, 3… over parts of several
	// paragraphs each, Heart of Darkness's parts; styleNone when none do.
	partNumerals headingStyle
	// decimal reports whether the lines numbered in decimals ("2.1
	// Participants") count up as a paper's sections do (decimalSections).
	decimal bool
}

// lookStyles finds the blocks that look like headings and stand before
// running text, leaving out signatures, titles of quoted documents and
// lines that end a sentence.
func (p *parser) lookStyles(blocks []*block, chapters map[string]int) looks {
	l := looks{styles: make([]headingStyle, len(blocks)), counts: map[headingStyle]int{}}
	for _, n := range chapters {
		if n >= 2 {
			l.chapterLevel = true
		}
		l.numbered += n
	}
	texts := map[string]int{}
	for _, b := range blocks {
		if b.role == roleBody && len(b.lines) == 1 {
			texts[entryKey(p.textOf(b))]++
		}
	}
	for k, b := range blocks {
		if b.role != roleBody || k+1 >= len(blocks) {
			continue
		}
		style := p.weakStyle(b)
		if style == styleNone || !p.mayBeLookHeading(blocks, k, style, texts, l.chapterLevel) {
			continue
		}
		if style == styleDate && k > 0 && l.styles[k-1] != styleNone {
			continue // the date of the heading above it
		}
		next := blocks[k+1]
		switch {
		case (style == styleRoman || style == styleNumber) && p.titleLine(next):
			style = numeralOverTitle(style)
		case style == styleTitle && p.beforeVerse(next):
			style = stylePoemTitle
		case style == stylePieceTitle && !p.beforePiece(blocks, k):
			continue
		case p.titlesNumbered(blocks, k, style):
			style = styleGroupTitle // "I. LIFE." over "I." / "SUCCESS."
		case style == styleTitle && p.overRecurringTitle(blocks, k, texts):
			style = styleGroupTitle // "Scones" over "Ingredients", as every recipe has it
		case style == styleDecimal && next.role == roleBody:
			// its number says what it is: a section over its first
			// subsection ("2. Methods" / "2.1 Participants"), or over one
			// short paragraph
		case !p.beforeText(style, next) && !p.beforeSourcedText(style, blocks, k):
			continue
		}
		l.styles[k] = style
		l.counts[style]++
	}
	for _, style := range []headingStyle{styleRoman, styleNumber} {
		if p.numeralParts(blocks, l.styles, style) {
			l.partNumerals = style
		}
	}
	from := p.decimalSections(blocks, l.styles)
	l.decimal = from >= 0
	p.notDecimal(blocks, &l, from)
	return l
}

// titlesNumbered reports whether block k, of a look (style), is a title
// in capitals over a numeral alone: a group of numbered pieces ("I.
// LIFE." over "I." / "SUCCESS.").
func (p *parser) titlesNumbered(blocks []*block, k int, style headingStyle) bool {
	return style == styleCaps && k+1 < len(blocks) && p.weakStyle(blocks[k+1]) == styleRoman
}

// minPartBlocks is how many blocks the parts that numerals alone head
// hold at least, each: a part has paragraphs, a numbered paragraph one.
const minPartBlocks = 3

// numeralParts reports whether the numerals alone on their lines of a
// look (styleRoman or styleNumber) count from one without a gap, two or
// more, each over a part of at least minPartBlocks blocks or of stanzas
// (verseBetween): the parts of a text numbered without a title.
func (p *parser) numeralParts(blocks []*block, styles []headingStyle, style headingStyle) bool {
	var at []int
	for k, s := range styles {
		if s == style {
			if numberIn(p.textOf(blocks[k])) != len(at)+1 {
				return false
			}
			at = append(at, k)
		}
	}
	if len(at) < 2 {
		return false
	}
	at = append(at, len(blocks))
	for i := 1; i < len(at); i++ {
		if at[i]-at[i-1] <= minPartBlocks && !p.verseBetween(blocks, at[i-1]+1, at[i]) {
			return false
		}
	}
	return true
}

// maxVerseLine is the length of the longest line of a stanza: prose is
// wrapped longer.
const maxVerseLine = 60

// verseBetween reports whether blocks [from, to) are stanzas: one or
// more, each of three lines or more, none longer than maxVerseLine. A
// numbered poem is a part, however short (the Tao Te Ching's chapters,
// a sonnet sequence).
func (p *parser) verseBetween(blocks []*block, from, to int) bool {
	if from >= to {
		return false
	}
	for _, b := range blocks[from:to] {
		if b.role != roleBody || len(b.lines) < 3 {
			return false
		}
		for _, i := range b.lines {
			if utf8.RuneCountInString(strings.TrimSpace(p.text[i])) > maxVerseLine {
				return false
			}
		}
	}
	return true
}

// numeralOverTitle is the style of a roman numeral or number standing
// over a title line.
func numeralOverTitle(s headingStyle) headingStyle {
	if s == styleRoman {
		return styleRomanTitle
	}
	return styleNumberTitle
}

// mayBeLookHeading reports whether block k, with a look of capitals,
// italics or a title, can be a heading: not a line that recurs (a
// signature), ends as a sentence or introduces what follows, and not the
// title of a document quoted inside numbered chapters.
func (p *parser) mayBeLookHeading(blocks []*block, k int, style headingStyle, texts map[string]int, chapterLevel bool) bool {
	if style != styleCaps && style != styleTitle && style != styleItalic {
		return true
	}
	b := blocks[k]
	t := p.textOf(b)
	// A line set apart as a part's title is ("O Captain! My Captain!")
	// may exclaim; one set as close as a paragraph may not, nor be a
	// sentence in italics for emphasis ("_My paramount object in this
	// struggle is to save the Union…._").
	apart := p.gapBefore(b) >= minPartGap
	exclaims := !apart && (strings.HasSuffix(t, "!") || style != styleItalic && sentenceInside.MatchString(t))
	emphasis := !apart && style == styleItalic && strings.HasSuffix(t, ".") && len(strings.Fields(t)) >= minEmphasisWords && !isTitleCase(t)
	// "I. LIFE." over "I." is no signature ("A. LINCOLN.") nor reference
	// but a group of numbered pieces.
	group := p.titlesNumbered(blocks, k, style)
	signs := texts[entryKey(t)] >= signatureRepeats && !p.headsList(blocks, k)
	if signs || exclaims || emphasis || strings.HasSuffix(t, ":") || signature.MatchString(t) && !group {
		return false
	}
	if style == styleItalic && k > 0 && blocks[k-1].role == roleBody && p.weakStyle(blocks[k-1]) == styleItalic {
		return false // a signature's second line: "_Military Revolutionary Committee_" / "_Petrograd Soviet…_"
	}
	if citationLike(t) && !group || !p.headingPlace(b) {
		return false // a reference set under a quotation, "_Com. on Const., 1, 443-4._"
	}
	// After "I reproduce an editorial…:" comes the title of what is
	// quoted, not a heading of the book.
	if k > 0 && blocks[k-1].role == roleBody && strings.HasSuffix(strings.TrimSpace(p.textOf(blocks[k-1])), ":") {
		return false
	}
	// Inside numbered chapters, a centred line is the title of a document
	// the text quotes, not a sub-heading.
	return !chapterLevel || p.indent(b) <= maxCentredTitleIndent
}

// overRecurringTitle reports whether block k, a short title, stands
// right over a short title that recurs (texts counts the lines): the
// parts of a cookbook or a guide, each titled over the same sub-headings
// ("Scones" over "Ingredients" and "Method").
func (p *parser) overRecurringTitle(blocks []*block, k int, texts map[string]int) bool {
	if k+1 >= len(blocks) {
		return false
	}
	if title := p.textOf(blocks[k]); texts[entryKey(title)] >= 2 || !namesPart(title) {
		return false
	}
	next := blocks[k+1]
	t := p.textOf(next)
	return next.role == roleBody && len(next.lines) == 1 && p.weakStyle(next) == styleTitle && namesPart(t) && texts[entryKey(t)] >= 2
}

// namesPart reports whether a short line may title a part: it opens with
// a capital letter and does not end as a sentence, as a line of dialogue
// ("“Has he taken his medicine?”", "“Yes.”") does.
func namesPart(t string) bool {
	return startsWithLetter(t) && !endsSentence(t) && !strings.ContainsAny(t, "“”\"")
}

// headsList reports whether block k stands over a list, of points or
// numbered lines: a line that recurs so ("Ingredients" over each
// recipe's) is a sub-heading, not a signature.
func (p *parser) headsList(blocks []*block, k int) bool {
	if k+1 >= len(blocks) || blocks[k+1].role != roleBody {
		return false
	}
	return p.listItem(blocks[k+1]) || lineNumber.MatchString(p.text[blocks[k+1].first()])
}

// applyLooks makes headings of the looks a text has enough of: rank-3
// sub-headings inside numbered chapters, chapters otherwise. A text
// without structural headings (an article, notes) takes its sections
// from short title lines such as "Early life".
func (p *parser) applyLooks(blocks []*block, l looks, anyStrong bool) {
	plain := !anyStrong && l.counts[styleCaps] < minLooks && l.counts[styleItalic] < minLooks &&
		l.counts[styleRomanTitle] < minNumberedTitles && l.counts[stylePoemTitle] < minPoemTitles
	// Beside named parts ("PREFACE"), a short line heads a section only
	// as one of several: a book's one-line paragraph ("Then one day") is
	// no title.
	if plain && l.counts[styleTitle] < minNamedTitles && slices.ContainsFunc(blocks, func(b *block) bool { return b.role == roleHeading }) {
		plain = false
	}
	rank, least := 2, minLooks
	if l.chapterLevel {
		// Sub-headings inside numbered chapters must be a habit of the
		// book, not a few names signed under letters.
		rank, least = 3, max(minLooks, l.numbered/2)
	}
	// Italic sub-heads stand inside pieces titled in capitals (or title
	// case) when those titles are not far fewer than the italics.
	titles := l.counts[styleCaps] + l.counts[stylePieceTitle]
	titled := titles >= minLooks && titles*3 >= l.counts[styleItalic]
	numbered := 0 // the number of the last titled numbered heading
	for k, b := range blocks {
		style := l.styles[k]
		if style == styleNone || b.role != roleBody {
			continue
		}
		t := cleanTitle(p.textOf(b))
		if style == styleDate && len(b.lines) > 1 {
			t = p.linesTitle(b) // "State of the Union Address, George Washington, January 8, 1790"
		}
		switch {
		case (style == stylePieceTitle || style == styleDate) && l.counts[style] >= minLooks && !l.chapterLevel:
			// A collection's pieces, or dated entries; inside numbered
			// chapters such lines are the datelines and signatures of the
			// documents quoted.
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t}
		case style == styleItalic && k > 0 && (l.styles[k-1] == styleCaps || l.styles[k-1] == stylePieceTitle) && sourceNote.MatchString(t):
			// where the piece titled above came from: "_Written for the Gazette._"
		case style == styleItalic && k > 0 && blocks[k-1].role == roleHeading && blocks[k-1].head.style == styleCaps && l.counts[style] >= least:
			// under a title in capitals, its subtitle: "LINCOLN'S ENTRY INTO
			// RICHMOND…" / "_As Described at that time by a Writer…_"
			blocks[k-1].head.title += ": " + t
			b.role = roleDivider
		case style == styleItalic && l.counts[style] >= least && titled:
			b.role, b.head = roleHeading, &heading{style: style, rank: rank + 1, title: t}
		case style == styleRomanTitle || style == styleNumberTitle:
			if l.counts[style] < minNumberedTitles && anyStrong {
				b.role = roleDivider
				continue
			}
			next := blocks[k+1]
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t + ": " + cleanTitle(p.textOf(next))}
			next.role = roleDivider
			numbered = numberIn(t)
		case style == styleRoman || style == styleNumber:
			b.role = roleDivider // a numbered part without a title
			if n := numberIn(t); numbered > 0 && n == numbered+1 || style == l.partNumerals {
				// an untitled piece among titled ones: "II." between "I." /
				// "SUCCESS." and "III." / "ROUGE ET NOIR."
				b.role, b.head, numbered = roleHeading, &heading{style: style, rank: rank, title: strings.TrimRight(t, ".")}, n
			}
		case style == styleGroupTitle && l.counts[style] >= minNumberedTitles:
			b.role, b.head = roleHeading, &heading{style: style, rank: rank - 1, title: t}
		case style == styleDecimal && l.decimal:
			b.role, b.head = roleHeading, decimalHead(t, rank)
		case style == styleNumberedLine && l.counts[style] >= least:
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t}
		case style == styleCaps && l.counts[style] >= least:
			t = p.withDate(blocks, k, p.withName(blocks, k, p.joinCapsHeading(blocks, k, l, t)))
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t}
			b.opens = speechBy(t)
		case style == styleItalic && l.counts[style] >= least,
			style == styleTitle && plain,
			style == stylePoemTitle && (plain || l.counts[style] >= minPoemTitles):
			b.role, b.head = roleHeading, &heading{style: style, rank: rank, title: t}
		}
	}
}

// linesTitle is a title set over several lines, its lines joined by
// commas.
func (p *parser) linesTitle(b *block) string {
	parts := make([]string, 0, len(b.lines))
	for _, i := range b.lines {
		parts = append(parts, cleanTitle(p.text[i]))
	}
	return strings.Join(parts, ", ")
}

// endsOpen reports whether a title in capitals ends with a word that needs
// what follows: "ADDRESS OF" / "SUSAN B. ANTHONY,".
var endsOpen = regexp.MustCompile(`(?i)\s(?:of|by|to|the|and|on|for|from|with|in)$`)

// opensOn matches a line in capitals that goes on from the heading above
// it: "INDICTMENT" / "AGAINST SUSAN B. ANTHONY.".
var opensOn = regexp.MustCompile(`^(?:AGAINST|OF|IN|FOR|ON|BY|TO|FROM|WITH|AND)\s`)

// withName adds to heading title t of block k the line in capitals under
// it when one needs the other ("ADDRESS OF" / "SUSAN B. ANTHONY,",
// "INDICTMENT" / "AGAINST SUSAN B. ANTHONY."); the line then is no text.
func (p *parser) withName(blocks []*block, k int, t string) string {
	if k+1 >= len(blocks) || blocks[k+1].role != roleBody || len(blocks[k+1].lines) > 2 {
		return t
	}
	next := p.textOf(blocks[k+1])
	if upperShare(next) < capsShare || !endsOpen.MatchString(t) && !opensOn.MatchString(next) {
		return t
	}
	blocks[k+1].role = roleDivider
	return t + " " + cleanTitle(strings.TrimRight(next, ","))
}

// speechOf matches the heading of a speech that names its speaker:
// "ARGUMENT OF MR. SELDEN FOR THE DEFENDANT", "ADDRESS OF SUSAN B.
// ANTHONY".
var speechOf = regexp.MustCompile(`^(?:THE\s+)?(?:ADDRESS|SPEECH|ARGUMENT|OPINION|CHARGE|REMARKS|STATEMENT|LECTURE|SERMON)\s+OF\s+((?:` + speakerTitle + `\.?\s+)?[A-Z][A-Z.' -]*?[A-Z.])(?:\s+(?:FOR|ON|IN|AT|TO|BEFORE|UPON|AGAINST)\b.*|,.*)?$`)

// speechBy is who gives the speech a heading names, or "".
func speechBy(title string) string {
	if m := speechOf.FindStringSubmatch(title); m != nil {
		return displayName(strings.TrimRight(m[1], ". "))
	}
	return ""
}

// withDate adds to heading title t of block k the date standing under it,
// "THIRTEENTH AMENDMENT" / "DECEMBER 18, 1865.", which then is no text.
func (p *parser) withDate(blocks []*block, k int, t string) string {
	if k+1 >= len(blocks) || blocks[k+1].role != roleBody || len(blocks[k+1].lines) != 1 {
		return t
	}
	date := strings.TrimSpace(p.textOf(blocks[k+1]))
	if !dateLine.MatchString(date) {
		return t
	}
	blocks[k+1].role = roleDivider
	return t + ": " + cleanTitle(date)
}

// joinCapsHeading joins a heading in capitals set over two paragraphs
// ("AN HISTORICAL SKETCH…" / "PREVIOUSLY TO THE PUBLICATION…"): the
// paragraph before block k, in capitals and one blank line above it,
// becomes part of its title t. Two blank lines part a heading from the
// one it stands over ("ANECDOTES" / "LINCOLN'S ENTRY INTO RICHMOND…").
func (p *parser) joinCapsHeading(blocks []*block, k int, l looks, t string) string {
	prev := k - 1
	if prev < 0 || blocks[prev].role != roleBody || l.styles[prev] != styleNone || blocks[prev].last()+2 < blocks[k].first() {
		return t
	}
	// The paragraph above may end in a comma, which no heading of its own
	// does: "…ON THE ORIGIN OF SPECIES,".
	if above := p.textOf(blocks[prev]); !p.isShort(blocks[prev]) || len(blocks[prev].lines) > 2 || upperShare(above) < capsShare || letters(above) < 3 {
		return t
	}
	blocks[prev].role = roleDivider
	return cleanTitle(p.textOf(blocks[prev])) + " " + t
}

// markRepeatedTitles makes dividers of a short title line in capitals
// standing right before a heading ("ON LIBERTY." over "CHAPTER I."), the
// book's title again, and of a bare keyword such as "SCENE" over a
// scene's description.
func (p *parser) markRepeatedTitles(blocks []*block) {
	for k, b := range blocks {
		if b.role != roleBody || len(b.lines) != 1 {
			continue
		}
		t := p.textOf(b)
		if k+1 < len(blocks) && blocks[k+1].role == roleHeading && p.weakStyle(b) == styleCaps && len(strings.Fields(t)) <= maxRepeatedTitleWords {
			b.role = roleDivider
			if k <= 2 {
				p.noteAuthor(b) // "BY ANN EXAMPLE" over "CHAPTER I", at the top
			}
			if k == 0 {
				p.noteTitle(b)
			} else if blocks[k+1].head.kind == matterCast {
				// The work's title over its persons, after an introduction
				// (Jowett's Plato: "INTRODUCTION." … "CRITO" / "PERSONS OF
				// THE DIALOGUE: …"): the work starts here. Before the text
				// it is the title page's.
				b.role, b.head = roleHeading, &heading{style: styleCaps, rank: 2, title: cleanTitle(t)}
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
	t = leadingDash.ReplaceAllString(t, "")
	return strings.TrimRight(t, ".: ")
}

// leadingDash matches a dash left opening a title by markup that stood
// before it: MkDocs Material's "<!-- md:default --> – Default value".
var leadingDash = regexp.MustCompile(`^[-–—]+\s+`)

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
	if letters(t) < 2 || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(") || verseNumber.MatchString(p.raw[next.first()]) || p.stageDirection(next) ||
		keywordRank(h.head.keyword) != 2 && stageVerb.MatchString(t) { // "Scena Secunda." over "Enter Claudius King of Denmarke…"
		return
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, closers))
	if strings.ContainsRune(",;?!", last) || (last == ':' && upperShare(t) < capsShare) {
		return
	}
	if upperShare(t) < capsShare && (!isTitleCase(t) || sentenceInside.MatchString(t)) {
		return
	}
	next.role = roleDivider
	if slices.Contains(headingKeywords, strings.ToLower(strings.Trim(t, ".: "))) {
		return // a bare "SCENE" under "FIRST ACT", over the scene's setting
	}
	h.head.title += ": " + cleanTitle(seeAlso.ReplaceAllString(t, ""))
}

// takeDateline adds to letter k's title the line under it, or under its
// addressee, that says where and when it was written ("LETTER II: TO
// CASSANDRA AUSTEN" over "Steventon, Thursday (January 16, 1796)."), so
// that a question that names the date finds the letter; the line is then
// no sentence.
func (p *parser) takeDateline(blocks []*block, k int) {
	next := p.nextNonDivider(blocks, k)
	if next == nil || next.role != roleBody || next.speaker != "" || len(next.lines) != 1 {
		return
	}
	t := strings.TrimSpace(p.textOf(next))
	if len(strings.Fields(t)) > maxDatelineWords || !datelineDate.MatchString(t) || sentenceInside.MatchString(t) {
		return
	}
	blocks[k].head.title += ", " + cleanTitle(t)
	next.role = roleDivider
}

// maxDatelineWords is the most words a letter's dateline holds.
const maxDatelineWords = 10

// datelineDate finds the date in a letter's dateline: "January 16, 1796",
// "Dec. 11th, 17—", "August, 1796".
var datelineDate = regexp.MustCompile(monthName + `,?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?(?:\d{4}|\d\d—)`)

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
	return letters(t) >= 3 && (upperShare(t) >= capsShare || isTitleCase(t)) && !strings.HasPrefix(t, "[")
}

// beforeText reports whether a block after a possible heading of a given
// look is what follows headings: running text or a speaker's turn. After
// a title line, two lines, one long one or a list will do.
func (p *parser) beforeText(style headingStyle, next *block) bool {
	if next.role == roleHeading {
		return false
	}
	if next.speaker != "" || p.isProse(next) || len(next.lines) >= 4 {
		return true
	}
	// A short title may head a list ("Themes" over "- Routine, and what it
	// hides").
	return style == styleTitle && (len(next.lines) >= 2 || len(p.text[next.first()]) >= longLine || p.listItem(next))
}

// citationLike reports whether a short line is a reference to a source:
// figures after a comma ("1, 443-4") or mostly abbreviations ("Digest
// C.L.", "Com. on Con.").
func citationLike(t string) bool {
	if citedPages.MatchString(t) {
		return true
	}
	words := strings.Fields(t)
	abbreviated := 0
	for _, w := range words {
		if strings.HasSuffix(w, ".") && letters(w) <= 4 {
			abbreviated++
		}
	}
	return len(words) >= 2 && abbreviated*2 >= len(words)
}

// citedPages matches a reference's volume and pages: ", 1, 443-4", "12
// Wall., 430"; not a year (", 1865").
var citedPages = regexp.MustCompile(`,\s*\d{1,3}(?:\s*[-–]\s*\d+)?(?:,|\.?$)|\d+\s+\p{Lu}\p{L}*\.,\s*\d+`)

// beforeSourcedText reports whether the block after a possible title in
// capitals or a piece's title is where the piece came from or whom it
// addresses, then running text: "THE OLD UMBRELLA MENDER." / "(From the
// Labour Herald, 1902.)", "March 12, 1933." / "My Friends:".
func (p *parser) beforeSourcedText(style headingStyle, blocks []*block, k int) bool {
	if style != styleCaps && style != stylePieceTitle && style != styleDate || k+2 >= len(blocks) {
		return false
	}
	source, next := blocks[k+1], blocks[k+2]
	if source.role != roleBody || source.speaker != "" || len(source.lines) > 2 || !p.isShort(source) {
		return false
	}
	t := p.textOf(source)
	raw := strings.TrimSpace(p.raw[source.first()])
	sourced := strings.HasPrefix(t, "(") || strings.HasPrefix(raw, "_") || strings.HasPrefix(t, "[") || byline.MatchString(t) || dateLine.MatchString(t) || salutes(t)
	return sourced && p.beforeText(style, next)
}

// salutation matches the line that opens an address or a letter: "My
// Friends:", "Ladies and Gentlemen:", "Dear Sir,", "Fellow-Citizens of
// the Senate and House of Representatives:".
var salutation = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,7}[:,]$`)

// salutes reports whether a line is a salutation: a few words that end
// in a colon or comma and say nothing ("The following is a list of
// Lincoln's published works:" introduces what follows).
func salutes(t string) bool {
	return salutation.MatchString(t) && !copula.MatchString(t)
}

var copula = regexp.MustCompile(`\b(?:is|are|was|were)\b`)

// beforePiece reports whether a piece's title at block k is followed by a
// paragraph of running text, after where it came from if that is said.
func (p *parser) beforePiece(blocks []*block, k int) bool {
	paragraph := func(b *block) bool { return b.role == roleBody && b.speaker == "" && len(b.lines) >= 3 && p.isProse(b) }
	return paragraph(blocks[k+1]) || p.beforeSourcedText(stylePieceTitle, blocks, k) && paragraph(blocks[k+2])
}

// sourceNote matches a line that says where a piece came from: "Written
// for the Gazette", "From the Labour Herald, May 1902", "Delivered at …".
var sourceNote = regexp.MustCompile(`^(?i:written|from|delivered|published|reprinted|read|broadcast|printed|given|spoken|appeared|originally|reported)\b|\b1[6-9]\d\d\b`)

// byline matches a line that names a piece's author: "By Eugene Debs".
var byline = regexp.MustCompile(`^(?i:by)\s+\p{Lu}`)

// beforeVerse reports whether a block is verse: indented lines, as the
// poems under a title line are.
func (p *parser) beforeVerse(next *block) bool {
	return next.role == roleBody && next.speaker == "" && len(next.lines) >= 2 && p.indent(next) > 0
}
