package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// heading is a block that titles a section.
type heading struct {
	style   headingStyle
	keyword string // of a keyword heading: "chapter", "book", "letter", …
	rank    int    // 0 a volume, 1 a book, part or act, 2 a chapter, 3 a scene or sub-heading
	title   string
	kind    matterKind // for named headings that open front or back matter
	// numbered headings ("CHAPTER IV", "II.") may take the next short
	// line as their subtitle.
	numbered bool
	anchor   string // the id the source gives the heading ({#id}, id="…")
	entry    bool   // an entry's date at the start of its paragraph (entries.go)
	// within is the part a heading's line names before it: "ACT I" of
	// "ACT I. Scene I.", which is scene I within act I.
	within *heading
}

// headingStyle is how a heading was recognised: by its words, by its
// markup, or by its look alone.
type headingStyle uint8

const (
	styleNone     headingStyle = iota
	styleKeyword               // a keyword and a number: "CHAPTER IV", "BOOK ONE: 1805"
	styleNamed                 // a part with a name: "PREFACE", "CONTENTS"
	styleSummary               // "SUMMARY", "SYNOPSIS": a sub-heading
	styleVerse                 // where the chapter of verse numbers changes
	styleMarkdown              // "# Title"
	styleSetext                // a title over "=====" or "-----"
	styleWiki                  // "== Title =="
	styleSidenote              // "[Sidenote: Public debt.]": a marginal note over what it summarises
	// Looks: headings without heading words, which count only when a
	// text has several.
	styleCaps         // THE GREAT TOWNS.
	styleRoman        // IV.
	styleNumber       // 12
	styleRomanTitle   // IV. over a title line
	styleNumberTitle  // 12 over a title line
	styleItalic       // _Letter to Mr. Smith_
	styleTitle        // Early life
	stylePoemTitle    // a title line over verse
	stylePieceTitle   // The Old Umbrella Mender.: a piece's title in title case, with a full stop
	styleDate         // March 12, 1933.: a dated entry's date
	stylePartTitle    // a title in capitals set apart as the chapters are: a work bound after them
	styleNumberedLine // I. The Period: a numeral and a title in title case on one line
	styleGroupTitle   // I. LIFE.: a title in capitals over numbered pieces, the group they make
	styleDecimal      // 2.1 Participants: a section numbered in decimals (decimal.go)
	styleScene        // INT. SIGNAL BOX - LATER: a screenplay's scene heading (screenplay.go)
)

// byLook reports whether a style is a look that a heading opening the
// text must be followed by running text to count.
func (s headingStyle) byLook() bool {
	return s == styleCaps || s == styleItalic || s == styleTitle || s == stylePoemTitle || s == stylePieceTitle || s == styleDate
}

// capsShare is the share of letters in capitals from which a line reads
// as set in capitals.
const capsShare = 0.9

// label is the heading without its subtitle: "CHAPTER I" of "CHAPTER I:
// INTRODUCTORY".
func (h *heading) label() string {
	if h.numbered {
		if l, _, ok := strings.Cut(h.title, ": "); ok {
			return l
		}
	}
	return h.title
}

// matterKind says what a named heading opens.
type matterKind uint8

const (
	matterBody         matterKind = iota
	matterContents                // a table of contents or list of illustrations
	matterCast                    // the persons of a play or dialogue
	matterIndex                   // an index
	matterNotes                   // a transcriber's note
	matterBibliography            // a bibliography or list of further reading
	matterDivider                 // "FOOTNOTES:": a divider inside a chapter
)

// keywordHeading matches a numbered structural heading: "CHAPTER IV",
// "Chapter 3. On the Eve", "BOOK ONE: 1805", "THE FIRST DIALOGUE", "FIRST
// ACT", "FEDERALIST No. 10", "LECTURE II.", "ARTICLE I.".
var keywordHeading = regexp.MustCompile(`^(?i)(?:(?:the|his|her)\s+)?(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|last|final)\s+)?(` + strings.Join(headingKeywords, "|") + `)\b\.?(.*)$`)

// headingKeywords are the words of numbered headings, one owner for the
// pattern and for the words a heading may open with. A collection's
// pieces are numbered too: "ADVENTURE I. A SCANDAL IN BOHEMIA", "SONNET
// XVIII", "PSALM 23", "SURA II. THE COW", "MEDITATION XVII", "FIT THE
// FIRST".
var headingKeywords = strings.Fields("volume vol book part act chapter chap scene article section letter lecture essay dialogue canto stave epistle sermon federalist discourse lesson epilogue prologue " +
	"adventure story tale fable psalm sonnet hymn poem amendment sura surah meditation ode elegy eclogue georgic idyll satire homily fit " +
	"actus scena scoena scaena")

// numeralRest is what follows the keyword of a numbered heading: a number,
// numeral or ordinal ("BOOK FIRST", "Chapter the Twenty-First", the First
// Folio's "Actus Primus. Scoena Prima."), then perhaps a title.
var numeralRest = regexp.MustCompile(`^(?i)\s*(?:no\.?\s*)?((?:[ivxlcdm]+|\d+[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ]\w+)?|thirty(?:[- ]\w+)?|forty(?:[- ]\w+)?|fifty(?:[- ]\w+)?|(?:the\s+)?(?:(?:twenty|thirty|forty|fifty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|last)` +
	`|prim[ua]s?|secund[ua]s?|terti[ua]s?|quart[ua]s?|quint[ua]s?|sext[ua]s?|septim[ua]s?|octav[ua]s?)\b\.?)(.*)$`)

// namedHeading matches the headings of a book's parts that have names
// rather than numbers: "PREFACE", "Introduction", "APPENDIX TO CHAPTER I",
// "CONTENTS", "INDEX", "Persons Represented".
var namedHeading = regexp.MustCompile(`^(?i)(?:(?:the|an?|first|second|third|last|final|original)\s+)?(?:(?:translator|author|editor|publisher|transcriber)(?:'s|’s|s'|s’|s)?\s+)?(preface|preamble|prelude|introduction|introductory|foreword|afterword|prologue|epilogue|conclusion|appendix|appendices|table of contents|contents|index|glossary|bibliography|notes|footnotes?|endnotes|dedication|acknowledge?ments|abstract|postscript|note|summary|synopsis|addendum|illustrations|list of illustrations|persons represented|dramatis personae|persons of the dialogue|persons of the play|characters|the persons of the play|scenes of the play)\b(.*)$`)

// trialPart matches the heading of a part of a trial record, in
// capitals: "INDICTMENT", "ARGUMENT OF MR. SELDEN FOR THE DEFENDANT",
// "THE VERDICT".
var trialPart = regexp.MustCompile(`^(?:THE\s+)?(?:INDICTMENT|ARGUMENT|CHARGE|VERDICT|SENTENCE|OPINION|JUDGMENT|DECISION|TESTIMONY|EVIDENCE|MOTION|APPEARANCES|PLEA|PLEADINGS|SUMMING[- ]UP|CROSS-EXAMINATION|EXAMINATION)\b[A-Z0-9 .,;'’&-]*$`)

// bibliographyHeading matches the heading of a list of books: left out
// like a licence, wherever it stands.
var bibliographyHeading = regexp.MustCompile(`^(?i)(?:(?:a\s+)?(?:select|selected|short)\s+)?(?:bibliography|works cited|references|reading list|(?:(?:some\s+)?suggestions\s+for\s+|for\s+)?further\s+reading|books\s+for\s+further\s+reading|see\s+also|external\s+links)[.:]?$`)

// namedRest is what may follow a named heading's word: "TO THE SECOND
// EDITION", "BY THE TRANSLATOR", "A", "II".
var namedRest = regexp.MustCompile(`^(?i)(to|of|by|on|for|in|and)\s|^[A-Z0-9]{1,4}\.?$`)

var (
	romanAlone  = regexp.MustCompile(`^([IVXLC]+)\.?$`)
	numberAlone = regexp.MustCompile(`^(\d{1,3})\.?$`)
	separator   = regexp.MustCompile(`^\s*(?:[:.—–]+|--+|-)\s*`)
)

// strongHeading recognises a heading by its words alone: a numbered
// structural heading or a named part. line is the block's text.
func strongHeading(text string) (heading, bool) {
	t := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(t, "§"); ok {
		// a statute's section: "§ 3. Brewing." is "Section 3. Brewing."
		h, ok := strongHeading("Section " + strings.TrimSpace(rest))
		if !ok || h.keyword != "section" {
			return heading{}, false
		}
		h.title = "§ " + strings.TrimPrefix(h.title, "Section ")
		return h, true
	}
	if t == "" || len(t) > 480 || utf8.RuneCountInString(t) > 160 || !headingStarts[firstWord(t)] {
		return heading{}, false
	}
	if m := keywordHeading.FindStringSubmatch(t); m != nil {
		ordinal, word, rest := m[1], strings.ToLower(m[2]), m[3]
		h := heading{style: styleKeyword, keyword: word, rank: keywordRank(word), numbered: true}
		switch {
		case ordinal != "" && word == "amendment":
			// "FOURTEENTH AMENDMENT." titles an amendment a text quotes; a
			// constitution numbers its own: "Amendment XIV".
			return heading{}, false
		case ordinal != "":
			if rest = strings.TrimSpace(rest); rest != "" && !separator.MatchString(rest) {
				if word != "epilogue" && word != "prologue" {
					return heading{}, false
				}
			}
			h.title = strings.TrimRight(t, ".")
		default:
			n := numeralRest.FindStringSubmatch(rest)
			if n == nil {
				if (word == "epilogue" || word == "prologue") && strings.TrimSpace(strings.Trim(rest, ".:")) == "" {
					h.title = strings.TrimRight(t, ".:")
					return h, true
				}
				return heading{}, false
			}
			head := strings.TrimSpace(t[:len(t)-len(n[2])])
			head = strings.TrimRight(head, ".")
			sub := strings.TrimSpace(footnoteMarker.ReplaceAllString(n[2], "")) // "XVIII(*) -- CONCERNING…"
			if sub != "" {
				s := separator.ReplaceAllString(sub, "")
				if s == sub && !startsTitle(sub) {
					return heading{}, false // "Part of the reason…"
				}
				// "SECTION 1. The legislative authority shall be…" is text;
				// a scene's place is its title, however long ("SCENE III.
				// The same. A Park or Lawn, with a gate leading to the
				// Palace.").
				if upperShare(s) < capsShare && !isTitleCase(s) && len(strings.Fields(s)) > 8 && word != "scene" {
					return heading{}, false
				}
				sub = strings.TrimRight(s, ".")
				if inner, ok := strongHeading(sub); ok && inner.style == styleKeyword && inner.rank > h.rank {
					h.title = head
					inner.within = &h
					return inner, true
				}
			}
			h.title = head
			if sub != "" {
				h.title += ": " + sub
			}
		}
		return h, true
	}
	return namedPart(t)
}

// namedPart recognises a heading that names a part: a trial's
// ("INDICTMENT"), a bibliography, or a book's named parts ("PREFACE",
// "CONTENTS", "DRAMATIS PERSONAE").
func namedPart(t string) (heading, bool) {
	if trialPart.MatchString(t) && upperShare(t) >= capsShare {
		return heading{style: styleNamed, rank: 2, title: strings.TrimRight(t, ".:")}, true
	}
	if bibliographyHeading.MatchString(t) {
		return heading{style: styleNamed, rank: 2, title: strings.TrimRight(t, ".:"), kind: matterBibliography}, true
	}
	if m := namedHeading.FindStringSubmatch(ligatures.Replace(t)); m != nil && utf8.RuneCountInString(t) <= 70 {
		word, rest := strings.ToLower(m[1]), strings.TrimSpace(m[2])
		if rest != "" && !separator.MatchString(rest) && (!namedRest.MatchString(rest) || word == "preamble") {
			return heading{}, false // "The preamble of the federal constitution says:"
		}
		h := heading{style: styleNamed, rank: 2, title: strings.TrimRight(strings.TrimSpace(t), ".:")}
		switch word {
		case "contents", "table of contents", "illustrations", "list of illustrations", "scenes of the play":
			h.kind = matterContents
		case "persons represented", "dramatis personae", "persons of the dialogue", "persons of the play", "characters", "the persons of the play":
			h.kind = matterCast
		case "index":
			h.kind = matterIndex
		case "prologue", "epilogue":
			h.rank = 1
		case "summary", "synopsis":
			h.rank, h.style = 3, styleSummary
		case "note", "notes", "footnote", "footnotes", "endnotes":
			if strings.HasSuffix(t, ":") {
				h.kind = matterDivider
			} else if word == "note" && !strings.Contains(strings.ToLower(t), "transcriber") && !strings.Contains(strings.ToLower(t), "translator") {
				return heading{}, false
			}
		}
		if strings.Contains(strings.ToLower(t), "transcriber") {
			h.kind = matterNotes
		}
		return h, true
	}
	return heading{}, false
}

// ligatures spells out the ligature of older title pages, so that
// "Dramatis Personæ" reads as "Dramatis Personae" (a regular expression's
// \b takes "æ" for no letter).
var ligatures = strings.NewReplacer("æ", "ae", "Æ", "AE")

// headingStarts are the words a numbered or named heading may open with,
// lower-cased: a cheap test before the regular expressions.
var headingStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("the his her an a first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth last final original " +
		"translator translator's translator’s translators author author's author’s authors editor editor's editor’s editors publisher publisher's publisher’s publishers transcriber transcriber's transcriber’s transcribers " +
		"scenes preface preamble prelude introduction introductory foreword afterword conclusion appendix appendices table contents index glossary bibliography notes footnote footnotes endnotes dedication acknowledgments acknowledgements abstract postscript note summary synopsis addendum illustrations list persons dramatis characters " +
		"select selected short some suggestions for further works references reading books see external " +
		"indictment argument charge verdict sentence opinion judgment decision testimony evidence motion appearances plea pleadings summing cross-examination examination") {
		m[w] = true
	}
	for _, w := range headingKeywords {
		m[w] = true
	}
	return m
}()

// firstWord is the first word of s, lower-cased, without trailing
// punctuation.
func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return strings.ToLower(strings.TrimRight(w, ".:,;"))
}

func keywordRank(word string) int {
	switch word {
	case "volume", "vol":
		return 0
	case "book", "part", "act", "actus", "epilogue", "prologue":
		return 1
	case "scene", "scena", "scoena", "scaena", "section", "lesson":
		return 3
	}
	return 2
}

// startsTitle reports whether s begins like a title: a capital, digit or
// opening quote.
func startsTitle(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"‘'([", r)
}

// weakStyle names the look of a block that may be a heading without
// heading words: capitals (THE GREAT TOWNS.), a roman numeral (IV.), a
// number (12), _italics_ or a short title (Early life); styleNone when
// it has none.
func (p *parser) weakStyle(b *block) headingStyle {
	if !p.isShort(b) || b.speaker != "" || p.flags[b.first()]&lineTable != 0 {
		return styleNone // a table's row heads nothing
	}
	t := p.textOf(b)
	raw := strings.TrimSpace(p.raw[b.first()])
	switch {
	case romanAlone.MatchString(t) && len(b.lines) == 1:
		return styleRoman
	case numberAlone.MatchString(t) && len(b.lines) == 1:
		return styleNumber
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if letters(t) < 3 || strings.ContainsRune(",;", last) {
		return styleNone
	}
	if strings.HasPrefix(raw, "_") && len(b.lines) <= 3 && strings.HasSuffix(strings.TrimRight(strings.TrimSpace(p.raw[b.last()]), ".:"), "_") {
		return styleItalic // also when it opens with a quotation: _"A house divided…" On Lincoln's Nomination…_
	}
	if strings.ContainsAny(t[:1], "[(\"“‘'*") {
		return styleNone
	}
	switch {
	case upperShare(t) >= capsShare && len(b.lines) <= 2 && utf8.RuneCountInString(t) <= 120:
		return styleCaps
	case len(b.lines) == 1 && numberedLine.MatchString(t) && isTitleCase(numberedLine.FindStringSubmatch(t)[1]) && !strings.ContainsRune(".:", last):
		return styleNumberedLine
	case p.wrapsDecimalTitle(b) && p.indent(b) <= maxTitleIndent && !p.listItem(b) && decimalTitle(t):
		return styleDecimal
	case len(b.lines) == 1 && utf8.RuneCountInString(t) <= maxTitleRunes && len(strings.Fields(t)) <= 10 && p.indent(b) == 0 && !strings.ContainsRune(".:—", last) && (isTitleCase(t) || len(strings.Fields(t)) <= 6 && startsTitle(t)):
		return styleTitle
	case len(b.lines) == 1 && dateLine.MatchString(t):
		return styleDate
	case len(b.lines) == 1 && last == '.' && p.indent(b) == 0 && utf8.RuneCountInString(t) <= 80 && len(strings.Fields(t)) >= 2 && len(strings.Fields(t)) <= 12 &&
		startsWithLetter(t) && isTitleCase(strings.TrimSuffix(t, ".")) && allCapitalised(t) && !sentenceInside.MatchString(t):
		return stylePieceTitle
	case p.datedTitle(b):
		return styleDate
	}
	return styleNone
}

// maxTitleRunes is the length of the longest short title line ("Early
// life") that heads a section by its look.
const maxTitleRunes = 60

// maxDatedTitleLines is how many lines a title over its date may take:
// "State of the Union Address" / "George Washington" / "January 8, 1790".
const maxDatedTitleLines = 4

// datedTitle reports whether a block of short lines ends in a date, as a
// collection of addresses titles each: its name, who gave it, when.
func (p *parser) datedTitle(b *block) bool {
	if len(b.lines) < 2 || len(b.lines) > maxDatedTitleLines || !dateLine.MatchString(strings.TrimSpace(p.text[b.last()])) {
		return false
	}
	for _, i := range b.lines[:len(b.lines)-1] {
		t := strings.TrimSpace(p.text[i])
		if len(strings.Fields(t)) > 8 || letters(t) < 3 || endsSentence(t) && !strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") || !startsTitle(t) {
			// a letter's close is no title: "Your friend," / "A. LINCOLN." / "March 3, 1862."
			return false
		}
	}
	return true
}

// numberedLine matches a roman numeral and a title on one line: "I. The
// Period", "XII. A Disappointment".
var numberedLine = regexp.MustCompile(`^[IVXLC]{1,7}\.\s+(\S.{0,70})$`)

// startsWithLetter reports whether s opens with a capital letter, not a
// numeral or a letter that labels a line, as a title does and a numbered
// note ("3. Ibid.") or an answer in testimony ("A. Yes, sir.") does not.
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	first, _, _ := strings.Cut(s, " ")
	if len(strings.TrimRight(first, ".")) == 1 && strings.HasSuffix(first, ".") {
		return false
	}
	return unicode.IsUpper(r) && !isRoman(strings.TrimRight(first, ".")) || strings.HasPrefix(s, "I ")
}

// allCapitalised reports whether every word of s that is not a short
// function word starts with a capital, as a title's words do and a short
// sentence's do not ("The Old Umbrella Mender.", not "The End Came.").
func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "“”\"'‘’().,")
		if w == "" || len(w) <= 3 && strings.ToLower(w) == w {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isTitleCase reports whether most words of s that are not short function
// words start with a capital.
func isTitleCase(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	caps, words := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "“”\"'‘’()")
		if len(w) <= 3 && strings.ToLower(w) == w {
			continue // of, the, and, a, to, in
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return words > 0 && caps*3 >= words*2
}

// wikiHeading matches a MediaWiki heading, "== Early life ==".
var wikiHeading = regexp.MustCompile(`^(={2,6})\s*([^=].*?)\s*={2,6}\s*$`)

// underline matches the line under a setext heading: "=====" or "-----".
var underline = regexp.MustCompile(`^(=+|-{3,})$`)

// markdownHeading matches "# Title" through "###### Title".
var markdownHeading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)

// markupHeading recognises Markdown, setext and MediaWiki headings.
func (p *parser) markupHeading(b *block, markdown bool) (heading, bool) {
	if len(b.lines) == 2 {
		title, under := strings.TrimSpace(p.text[b.lines[0]]), strings.TrimSpace(p.text[b.lines[1]])
		if m := underline.FindString(under); m != "" && title != "" && utf8.RuneCountInString(title) <= 80 && !underline.MatchString(title) {
			rank := 3
			if m[0] == '=' {
				rank = 2
			}
			return heading{style: styleSetext, rank: rank, title: title}, true
		}
	}
	if len(b.lines) != 1 {
		return heading{}, false
	}
	raw := p.raw[b.first()]
	if m := wikiHeading.FindStringSubmatch(strings.TrimSpace(raw)); m != nil {
		return heading{style: styleWiki, rank: len(m[1]), title: m[2]}, true
	}
	if markdown {
		if m := markdownHeading.FindStringSubmatch(raw); m != nil {
			title := strings.TrimSpace(stripEmphasis(mdCode.ReplaceAllString(mdLink.ReplaceAllString(m[2], "$1"), "$1")))
			return heading{style: styleMarkdown, rank: len(m[1]) + 1, title: title}, true
		}
	}
	return heading{}, false
}

// monthName is a month, written out or abbreviated.
const monthName = `(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`

// dateLine matches a line that is a date and nothing else: "March 12,
// 1933.", "Tuesday, June 17th, 1873", "12 March 1933", "June, 1904".
var dateLine = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:` +
	monthName + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+` + monthName + `,?\s+\d{4}|` + monthName + `,?\s+\d{4})\.?$`)
