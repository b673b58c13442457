package retrieval

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/lectern-bot/lectern/corpus"
)

// sectionRef is a numbered part a question points to: "chapter 3",
// "Act II", "the fifth letter".
type sectionRef struct {
	kind   string // "chapter", "act", "book", …
	number int
}

// refKinds are the words that number a text's parts, and the kind each
// stands for.
var refKinds = map[string]string{
	"chapter": "chapter", "chap": "chapter", "ch": "chapter",
	"book": "book", "part": "part", "volume": "volume", "vol": "volume",
	"act": "act", "scene": "scene", "canto": "canto", "stave": "stave",
	"letter": "letter", "lecture": "lecture", "essay": "essay", "sermon": "sermon",
	"article": "article", "art": "article", "section": "section", "sec": "section",
	"paragraph": "paragraph", "para": "paragraph",
	"paper": "paper", "federalist": "paper",
	"adventure": "adventure", "story": "story", "tale": "tale", "fable": "fable",
	"psalm": "psalm", "sonnet": "sonnet", "hymn": "hymn", "poem": "poem",
	"amendment": "amendment", "sura": "sura", "surah": "sura", "meditation": "meditation", "ode": "ode", "elegy": "elegy",
	"epilogue": "epilogue", "eclogue": "eclogue", "georgic": "georgic", "idyll": "idyll", "satire": "satire", "homily": "homily",
}

const refNumeral = `(\d{1,4}|[ivxlcdm]{1,8}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)`

var (
	// refAfter is a kind followed by its number: "chapter 3", "ACT II",
	// "Federalist No. 10".
	refAfter = regexp.MustCompile(`(?i)\b(` + alternatives(refKinds) + `)\.?\s+(?:no\.?\s*)?` + refNumeral + `\b\.?`)
	// refBefore is an ordinal before the kind: "the third chapter".
	refBefore = regexp.MustCompile(`(?i)\b(?:the\s+)?(` + alternatives(ordinalWords) + `|\d{1,3}(?:st|nd|rd|th))\s+(` + alternatives(refKinds) + `)\b`)
	// refOrdinalAfter is an ordinal after the kind, as titles write it:
	// "BOOK FIRST", "CHAPTER THE SECOND". Only titles are read for it: a
	// question's "the book first published" names no book.
	refOrdinalAfter = regexp.MustCompile(`(?i)\b(` + alternatives(refKinds) + `)\s+(?:the\s+)?(` + alternatives(ordinalWords) + `)\b`)
)

// alternatives is the keys of m as a pattern's alternatives, the longest
// first ("chapter" before "chap" and "ch").
func alternatives[V any](m map[string]V) string {
	return wordAlternatives(slices.Collect(maps.Keys(m)))
}

// wordAlternatives is words as a pattern's alternatives, the longest
// first.
func wordAlternatives(words []string) string {
	words = slices.Clone(words)
	slices.SortFunc(words, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return strings.Join(slices.Compact(words), "|")
}

var numeralWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}

// ordinalValue is the number an ordinal gives, in words or figures
// ("nineteenth", "19th"); 0 when it gives none.
func ordinalValue(s string) int {
	s = strings.ToLower(s)
	if n, ok := ordinalWords[s]; ok {
		return n
	}
	n, _ := strconv.Atoi(strings.TrimRight(s, "stndrh"))
	return n
}

// lastPart is the number a question gives the last part of a kind: "the
// last chapter", "the final act" (sectionsReferred finds it).
const lastPart = -1

// refLast names the last part of a kind.
var refLast = regexp.MustCompile(`(?i)\b(?:the\s+)?(?:last|final|closing)\s+(` + alternatives(refKinds) + `)\b`)

// sectionSign is the sign statutes number their sections with, "§ 3",
// and the space after it.
var sectionSign = regexp.MustCompile(`§\s*`)

// sectionRefs finds the numbered and dated parts text points to, and the
// text without them, nor the words joining two of them ("chapter 3 of
// book 1" leaves nothing).
func sectionRefs(text string) ([]sectionRef, string) {
	var refs []sectionRef
	text = sectionSign.ReplaceAllString(text, "section ") // a statute's "§ 3"
	rest := refAfter.ReplaceAllStringFunc(text, func(m string) string {
		sub := refAfter.FindStringSubmatch(m)
		if n := numeralValue(sub[2]); n > 0 {
			refs = append(refs, sectionRef{refKinds[strings.ToLower(sub[1])], n})
			return refMark
		}
		return m
	})
	rest = refBefore.ReplaceAllStringFunc(rest, func(m string) string {
		sub := refBefore.FindStringSubmatch(m)
		refs = append(refs, sectionRef{refKinds[strings.ToLower(sub[2])], ordinalValue(sub[1])})
		return refMark
	})
	rest = refLast.ReplaceAllStringFunc(rest, func(m string) string {
		refs = append(refs, sectionRef{refKinds[strings.ToLower(refLast.FindStringSubmatch(m)[1])], lastPart})
		return refMark
	})
	for joined := refsJoined.ReplaceAllString(rest, refMark); joined != rest; joined = refsJoined.ReplaceAllString(rest, refMark) {
		rest = joined
	}
	rest = strings.ReplaceAll(rest, refMark, " ")
	dates, rest := dateRefs(rest)
	return append(refs, dates...), strings.Join(strings.Fields(rest), " ")
}

// refMark stands where sectionRefs took a part out, until the words
// joining two are gone.
const refMark = "\x00"

// refsJoined is two parts and the words that join them: "chapter 3 of
// book 1", "Act II, Scene iv", "the last chapter in the second book".
var refsJoined = regexp.MustCompile(`(?i)\x00\s*(?:,\s*|(?:of|in)\s+(?:the\s+)?)?\x00`)

// partKey is the part of kind a section's title lies in, as the titles
// of the parts above it and its own name it ("BOOK ONE: 1805 · CHAPTER
// III" for a chapter, "CHAPTER IV: NATURAL SELECTION" for "CHAPTER IV:
// NATURAL SELECTION · SEXUAL SELECTION"): the first part of the title
// that opens by naming a part of kind, numbered or named ("CHAPTER THE
// LAST", "FIRST EPILOGUE", "THE SECOND BOOK"), or, where bare, by a
// number alone ("Book I: … · III: On Horsell Common" for a chapter, in a
// text that names none) under parts that are numbered themselves, not
// under an appendix ("Appendix · II: The Ants"). ok is false where none
// does ("APPENDIX TO CHAPTER I" is none).
func partKey(title, kind string, bare bool) (key string, ok bool) {
	segments := strings.Split(title, " · ")
	for i, seg := range segments {
		if namedKind(seg) != kind && !(bare && bareNumber.MatchString(seg) && numberedAbove(segments[:i])) {
			continue
		}
		numbered := slices.ContainsFunc(titleRefs(seg), func(r sectionRef) bool { return r.kind == kind })
		if numbered || strings.HasPrefix(strings.ToLower(seg), kind+" ") {
			return strings.Join(segments[:i+1], " · "), true
		}
	}
	return "", false
}

// numberedAbove reports whether every part a title's segments name above
// a number alone is numbered itself ("Book I: …"), none an appendix's
// unnumbered name.
func numberedAbove(segments []string) bool {
	return !slices.ContainsFunc(segments, func(above string) bool { return len(titleRefs(above)) == 0 })
}

// namedKind is the kind of part a title opens by naming: "chapter" for
// "CHAPTER XXVI: …" or "CHAPTER THE LAST", "epilogue" for "FIRST
// EPILOGUE", "book" for "THE TWELFTH BOOK"; "" for none.
func namedKind(title string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	if len(words) > 1 && ordinalWords[words[0]] > 0 {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	return refKinds[words[0]]
}

// partKeys are the parts of kind each section of d lies in (partKey),
// "" where it lies in none. A chapter is numbered alone ("III. ON
// HORSELL COMMON") only in a text whose titles name no chapter (in one
// that does, "INTRODUCTION · II" numbers no chapter), and where at least
// minNumberedParts are: a poem titled "L. of G.'s Purport." is no
// fiftieth chapter.
func partKeys(d *corpus.Document, kind string) []string {
	titles := refTitles(d)
	keys := make([]string, len(titles))
	named := false
	for i, title := range titles {
		keys[i], _ = partKey(title, kind, false)
		named = named || keys[i] != ""
	}
	if named || kind != "chapter" {
		return keys
	}
	bare := map[string]bool{}
	for i, title := range titles {
		keys[i], _ = partKey(title, kind, true)
		if keys[i] != "" {
			bare[keys[i]] = true
		}
	}
	if len(bare) < minNumberedParts {
		clear(keys)
	}
	return keys
}

// openingSection is a section's number as a constitution's, a statute's
// or bylaws' first sentence gives it: "SEC. 4. That this State…",
// "Section 2. The Board…", "§ 3. …".
var openingSection = regexp.MustCompile(`^(?i:section|sec\.|§)\s*(\d{1,4})\.\s`)

// refTitles are d's section titles as the parts they lie in are read
// from them: where a title numbers no section and the section's first
// sentence opens by numbering one, under a sidenote or a subject for
// its title ("SEC. 4. That this State…" under "ARTICLE I: DECLARATION
// OF RIGHTS · That there is no right to secede"), that number is read as
// the title's last part ("… · SECTION 4"). It is so only where three
// sections or more open so: two amendments quoted in a trial record,
// each opening "Section 1.", are not a text numbered by sections.
func refTitles(d *corpus.Document) []string {
	titles := make([]string, len(d.Sections))
	opened := make([]string, len(d.Sections))
	n := 0
	for i, s := range d.Sections {
		titles[i] = s.Title
		if s.FirstSentence >= s.EndSentence {
			continue
		}
		m := openingSection.FindStringSubmatch(d.Sentence(s.FirstSentence).Text)
		if m != nil && !slices.ContainsFunc(titleRefs(s.Title), func(r sectionRef) bool { return r.kind == "section" }) {
			opened[i], n = " · SECTION "+m[1], n+1
		}
	}
	if n >= minNumberedParts {
		for i := range titles {
			titles[i] += opened[i]
		}
	}
	return titles
}

// lastParts are, in each document, the sections of the last part of
// kind: the last whose title names one (partKeys), with those under it;
// where within is not nil, the last among the sections it holds ("the
// last chapter of book 2").
func (ix *Index) lastParts(kind string, within map[*corpus.Document]map[int]bool) map[*corpus.Document]map[int]bool {
	var out map[*corpus.Document]map[int]bool
	for _, d := range ix.corpus.Documents {
		keys := partKeys(d, kind)
		inside := func(i int) bool { return keys[i] != "" && (within == nil || within[d][i]) }
		last := ""
		for i := range keys {
			if inside(i) {
				last = keys[i]
			}
		}
		for i := range keys {
			if inside(i) && keys[i] == last {
				out = withSection(out, d, i)
			}
		}
	}
	return out
}

// titleRefs finds the numbered and dated parts a section's title names,
// ordinals after their kind among them ("BOOK FIRST: A JUST MAN"); a part
// numbered without a kind ("III. ATTACK BY STRATAGEM", "IV") is the
// chapter readers call it.
func titleRefs(title string) []sectionRef {
	refs, _ := sectionRefs(title)
	if m := refBefore.FindStringSubmatch(title); m != nil && refKinds[strings.ToLower(m[2])] == "amendment" {
		// "FOURTEENTH AMENDMENT." titles an amendment a text quotes, as
		// the parser reads it too; a constitution's own is "Amendment XIV".
		refs = slices.DeleteFunc(refs, func(r sectionRef) bool { return r.kind == "amendment" && r.number == ordinalValue(m[1]) })
	}
	for _, m := range refOrdinalAfter.FindAllStringSubmatch(title, -1) {
		refs = append(refs, sectionRef{refKinds[strings.ToLower(m[1])], ordinalWords[strings.ToLower(m[2])]})
	}
	if m := bareNumber.FindStringSubmatch(ownPart(title)); m != nil {
		if n := numeralValue(m[1]); n > 0 {
			refs = append(refs, sectionRef{"chapter", n})
		}
	}
	return refs
}

// ownPart is a section title's last part, after the titles of the parts
// above it: "II. The Mail" of "Book the First: Recalled to Life · II. The
// Mail".
func ownPart(title string) string {
	if i := strings.LastIndex(title, " · "); i >= 0 {
		return title[i+len(" · "):]
	}
	return title
}

// bareNumber is a part's number without a kind: "III. ATTACK BY
// STRATAGEM", "IV", "12", an EPUB's "I: The Eve of the War" (its table
// of contents' label and title, as Lectern joins them).
var bareNumber = regexp.MustCompile(`^([IVXLC]{1,7}|\d{1,3})(?:[.:]\s|\.?$)`)

// uniqueRefs is refs in order, each once.
func uniqueRefs(refs []sectionRef) []sectionRef {
	var out []sectionRef
	for _, r := range refs {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// numeralValue reads 3, III or three; 0 when s is none.
func numeralValue(s string) int {
	s = strings.ToLower(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if n, ok := numeralWords[s]; ok {
		return n
	}
	return romanValue(s)
}

// romanValue reads a Roman numeral in lower case; 0 when s is not one.
func romanValue(s string) int {
	total := 0
	for i := 0; i < len(s); i++ {
		v := romanDigit(s[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && romanDigit(s[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

// romanDigit is the value of one lower-case Roman digit; 0 for any other
// byte.
func romanDigit(b byte) int {
	switch b {
	case 'i':
		return 1
	case 'v':
		return 5
	case 'x':
		return 10
	case 'l':
		return 50
	case 'c':
		return 100
	case 'd':
		return 500
	case 'm':
		return 1000
	}
	return 0
}

// sectionAt is a section of a corpus.
type sectionAt struct {
	doc *corpus.Document
	sec int
}

// numberedSections lists the sections by each part their titles number
// (refTitles): "BOOK ONE: 1805 · CHAPTER III" under book 1 and under
// chapter 3.
func numberedSections(c *corpus.Corpus) map[sectionRef][]sectionAt {
	out := map[sectionRef][]sectionAt{}
	for _, d := range c.Documents {
		for i, title := range refTitles(d) {
			for _, r := range uniqueRefs(titleRefs(title)) {
				out[r] = append(out[r], sectionAt{d, i})
			}
		}
	}
	return out
}

// sectionsReferred returns, for each document, the sections whose titles
// number every part refs names ("BOOK ONE: 1805 · CHAPTER III" for "book
// 1, chapter 3"), or nil when no section does.
func (ix *Index) sectionsReferred(refs []sectionRef) map[*corpus.Document]map[int]bool {
	ix.numberedOnce.Do(func() { ix.numbered = numberedSections(ix.corpus) })
	refs = uniqueRefs(refs)
	if i := slices.IndexFunc(refs, func(r sectionRef) bool { return r.number == lastPart }); i >= 0 {
		var within map[*corpus.Document]map[int]bool
		if others := slices.Delete(slices.Clone(refs), i, i+1); len(others) > 0 {
			if within = ix.sectionsReferred(others); within == nil {
				return nil // "the last chapter of book 99"
			}
		}
		return ix.lastParts(refs[i].kind, within)
	}
	count := map[sectionAt]int{}
	for _, r := range refs {
		for _, at := range ix.numbered[r] {
			count[at]++
		}
	}
	if len(count) == 0 {
		return ix.citedSection(refs)
	}
	var out map[*corpus.Document]map[int]bool
	for at, n := range count {
		if n == len(refs) {
			out = withSection(out, at.doc, at.sec)
		}
	}
	return out
}

// withSection is sections with section sec of d added, made where nil.
func withSection(sections map[*corpus.Document]map[int]bool, d *corpus.Document, sec int) map[*corpus.Document]map[int]bool {
	if sections == nil {
		sections = map[*corpus.Document]map[int]bool{}
	}
	if sections[d] == nil {
		sections[d] = map[int]bool{}
	}
	sections[d][sec] = true
	return sections
}

// citedSection is the section "section 3" or "§3" names by the number
// Lectern cites it with, in a text of one document whose titles number
// no section so (an interview's §3 "How did its strengths…"); nil
// otherwise.
func (ix *Index) citedSection(refs []sectionRef) map[*corpus.Document]map[int]bool {
	if len(refs) != 1 || refs[0].kind != "section" || len(ix.corpus.Documents) != 1 {
		return nil
	}
	d := ix.corpus.Documents[0]
	for i, s := range d.Sections {
		if s.Number == refs[0].number {
			return map[*corpus.Document]map[int]bool{d: {i: true}}
		}
	}
	return nil
}
