package corpus

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// srcLine is one non-blank source line, footnote markers removed.
type srcLine struct {
	no        int // 1-based line number
	text      string
	footnotes []footnoteMark
}

// footnoteMark is a footnote number found at byte offset pos of a cleaned line.
type footnoteMark struct {
	number int
	pos    int
}

// flow is a run of source lines joined into one string, with the offset at
// which each line starts, so that byte offsets map back to lines.
type flow struct {
	text      string
	starts    []int // offset in text of each line
	lines     []srcLine
	footnotes []flowFootnote
}

type flowFootnote struct {
	number int
	offset int
}

// softHyphen ends a line where a word was broken by typesetting (a PDF
// line's "pragma-"): joining the lines drops it and the line break.
const softHyphen = "\u00ad"

// join builds a flow from lines: a line break becomes a space, except after
// a dash or a hyphen ending a word, where the line wrap split the words
// ("Franco-" / "Prussian"), and after a soft hyphen, which is dropped.
func join(lines []srcLine) flow {
	var b strings.Builder
	f := flow{lines: lines, starts: make([]int, len(lines))}
	broken := false
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		lead := indentOf(l.text)
		if b.Len() > 0 && !broken && !wrappedAtDash(b.String()) {
			b.WriteByte(' ')
		}
		t, broken = strings.CutSuffix(t, softHyphen)
		if broken && i == len(lines)-1 {
			t += "-"
		}
		f.starts[i] = b.Len()
		for _, m := range l.footnotes {
			f.footnotes = append(f.footnotes, flowFootnote{number: m.number, offset: f.starts[i] + max(0, m.pos-lead)})
		}
		b.WriteString(t)
	}
	f.text = b.String()
	return f
}

// wrappedAtDash reports whether text ends with a dash, or with a hyphen
// ("-", or typeset: "‐") right after a letter.
func wrappedAtDash(text string) bool {
	if strings.HasSuffix(text, "—") || strings.HasSuffix(text, "–") {
		return true
	}
	rest, ok := strings.CutSuffix(text, "-")
	if !ok {
		rest, ok = strings.CutSuffix(text, typesetHyphen)
	}
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return unicode.IsLetter(r)
}

// lineAt returns the source line number holding byte offset off of the flow.
func (f flow) lineAt(off int) int {
	i := sort.Search(len(f.starts), func(i int) bool { return f.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return f.lines[i].no
}

// lineStarts returns where each source line of text[start:end] begins,
// relative to start: the first at offset 0.
func (f flow) lineStarts(start, end int) []LineStart {
	var out []LineStart
	for k, off := range f.starts {
		next := len(f.text) + 1
		if k+1 < len(f.starts) {
			next = f.starts[k+1]
		}
		if off >= end || next <= start {
			continue
		}
		out = append(out, LineStart{Offset: int32(max(0, off-start)), Line: int32(f.lines[k].no)})
	}
	return out
}

// span returns the source lines covered by text[start:end].
func (f flow) span(start, end int) Span {
	if end > start {
		end--
	}
	return Span{Start: f.lineAt(start), End: f.lineAt(end)}
}

// closers may follow a sentence's final punctuation.
const closers = "”’\"')]"

// bracketFootnote matches a footnote reference in brackets or braces, or
// an asterisk or dagger in parentheses: "[4]", "{12}", "{35a}", "(*)".
var bracketFootnote = regexp.MustCompile(`\s?(\[(\d{1,3})[a-z]?\]|\{(\d{1,3})[a-z]?\}|\[[*†‡]\]|\([*+#$†‡]\))`)

// wikiNoteRef is a reference to a note Wikipedia groups apart from its
// citations, glued to the word or full stop before it, as a page copied
// from the browser keeps it: "pressures.[j] Oxygen", "[note 2]",
// "[nb 1]". With a space before it, "[a]" may label a list's item; in
// code, "`[x]`" is a checkbox.
var wikiNoteRef = regexp.MustCompile(`[\p{L}\p{N}.,;:!?)”’"']\[(?:[a-z]|(?i:note|nb|n) ?\d{1,3})\]`)

// stripFootnotes removes footnote markers: digits glued to the end of a
// word or a closing quote ("purposes.3", "seen.”1", "1918”5—"), and
// references in brackets ("moribund.[4] No", "parties.{12}", "(*)"). It
// returns the line without them and the markers found.
func stripFootnotes(line string) (string, []footnoteMark) {
	var bracketed []footnoteMark
	if strings.ContainsAny(line, "[{(") {
		line = wikiNoteRef.ReplaceAllStringFunc(line, func(m string) string { return m[:strings.LastIndexByte(m, '[')] })
		line, bracketed = stripBracketFootnotes(line)
	}
	if !strings.ContainsAny(line, "0123456789") {
		return line, bracketed
	}
	stripped, marks := stripGluedFootnotes(line)
	if bracketed != nil {
		marks = append(bracketed, marks...)
		sort.Slice(marks, func(i, j int) bool { return marks[i].pos < marks[j].pos })
	}
	return stripped, marks
}

// stripBracketFootnotes removes bracketed footnote references.
func stripBracketFootnotes(line string) (string, []footnoteMark) {
	locs := bracketFootnote.FindAllStringSubmatchIndex(line, -1)
	if locs == nil {
		return line, nil
	}
	var b strings.Builder
	var marks []footnoteMark
	last := 0
	for _, m := range locs {
		// "[1]" between words inside a sentence that is not a reference,
		// such as a list "[a] [b]", is rare; a year in brackets is not
		// matched (at most three digits).
		b.WriteString(line[last:m[0]])
		n := 0
		for _, g := range [][2]int{{m[4], m[5]}, {m[6], m[7]}} {
			if g[0] >= 0 {
				n, _ = strconv.Atoi(line[g[0]:g[1]])
			}
		}
		marks = append(marks, footnoteMark{number: n, pos: b.Len()})
		last = m[1]
	}
	b.WriteString(line[last:])
	return b.String(), marks
}

// stripGluedFootnotes removes footnote numbers glued to a word or quote.
func stripGluedFootnotes(line string) (string, []footnoteMark) {
	var marks []footnoteMark
	var b strings.Builder
	i := 0
	for i < len(line) {
		c := line[i]
		if c < '0' || c > '9' || i == 0 {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j-i <= 2 && footnoteAfter(line[:i]) && footnoteBefore(line[j:]) {
			n := 0
			for _, d := range line[i:j] {
				n = n*10 + int(d-'0')
			}
			marks = append(marks, footnoteMark{number: n, pos: b.Len()})
		} else {
			b.WriteString(line[i:j])
		}
		i = j
	}
	if marks == nil {
		return line, nil
	}
	return b.String(), marks
}

// footnoteAfter reports whether a footnote marker may follow prefix: a
// closing quote, or sentence punctuation right after a word that is not an
// abbreviation such as "No.".
func footnoteAfter(prefix string) bool {
	r, size := utf8.DecodeLastRuneInString(prefix)
	switch r {
	case '”', '’', '"':
		return true
	case '.', ',', ';', ':', '!', '?':
		w := lastWord(prefix[:len(prefix)-size])
		if w == "" {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(w)
		return unicode.IsLetter(last) && !isAbbreviation(w)
	}
	return false
}

// footnoteBefore reports whether a footnote marker may precede rest: the end
// of the line, a space or a dash.
func footnoteBefore(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsSpace(r) || r == '—' || r == '–'
}

// lastWord returns the run of letters, digits and dots that ends s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		i -= size
	}
	return s[i:]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true,
	"capt": true, "lt": true, "sgt": true, "prof": true, "rev": true, "hon": true, "jr": true,
	"sr": true, "no": true, "nos": true, "vol": true, "vols": true, "pp": true, "p": true,
	"app": true, "sect": true, "ch": true, "chap": true, "cf": true, "vs": true, "co": true,
	"corp": true, "inc": true, "ltd": true, "mt": true, "ft": true, "gov": true, "pres": true,
	"sen": true, "rep": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true,
	"sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "approx": true, "fig": true,
	"ed": true, "eds": true, "esq": true, "mme": true, "mlle": true, "messrs": true, "viz": true,
	"ca": true, "art": true, "sec": true, "para": true, "v": true, "dist": true, "dept": true,
	"atty": true, "asst": true, "supt": true, "maj": true, "brig": true, "univ": true, "bros": true,
	"wm": true, "geo": true, "chas": true, "thos": true, "jas": true, "benj": true, "robt": true,
	"saml": true, "jno": true,
}

// isAbbreviation reports whether word, the text before a period, is an
// abbreviation or an initial rather than the end of a sentence.
func isAbbreviation(word string) bool {
	w := strings.TrimLeft(word, ".")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S, e.g, i.e, Ph.D; not 99.4 or Amazon.com
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) > 3 {
				return false
			}
		}
		return strings.IndexFunc(w, unicode.IsLetter) >= 0
	}
	if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
		return true // an initial
	}
	return abbreviations[strings.ToLower(w)]
}

// numberAbbreviations abbreviate a word a number follows: "No. 4",
// "art. IV", "p. 62".
var numberAbbreviations = map[string]bool{
	"no": true, "nos": true, "art": true, "sec": true, "sect": true, "para": true,
	"p": true, "pp": true, "ch": true, "chap": true, "fig": true,
}

// abbreviationBefore reports whether word, before a full stop, is an
// abbreviation that the text after the stop continues: not before a
// word that usually starts a sentence ("World War I. The"), and for an
// abbreviation of a numbered thing in small letters, or "No", not
// before a capitalised word ("yes or no. Notable…", "inspire art. Art
// is…", "“No. Certainly not.”"). Written with a capital, the others may
// be an initial or a title: "Theodore P. Shonts", "Ch. Dixon", "Sec.
// Stanton".
func abbreviationBefore(word, after string) bool {
	if !isAbbreviation(word) || startsCommonly(after) {
		return false
	}
	if lower := strings.ToLower(word); !numberAbbreviations[lower] || word != lower && lower != "no" {
		return true
	}
	next := after[:len(after)-len(strings.TrimLeftFunc(after, unicode.IsLetter))]
	return !capitalisedWord.MatchString(next)
}

// capitalisedWord is a word of a capital and small letters, "Notable",
// not a numeral ("VI") or an initial.
var capitalisedWord = regexp.MustCompile(`^\p{Lu}\p{Ll}+$`)

// sentenceBounds splits text into sentences and returns their byte ranges.
func sentenceBounds(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '?' && r != '!' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, sz := utf8.DecodeRuneInString(text[j:])
			if r2 != '.' && r2 != '?' && r2 != '!' && r2 != '…' && !strings.ContainsRune(closers, r2) {
				break
			}
			j += sz
		}
		if j >= len(text) {
			break
		}
		if spaceAt(text, j) == 0 {
			i = j
			continue
		}
		k := j
		for n := spaceAt(text, k); n > 0; n = spaceAt(text, k) {
			k += n
		}
		next, size := utf8.DecodeRuneInString(text[k:])
		if next == '’' { // an elision's apostrophe: "’Tis now struck twelve"
			if after, _ := utf8.DecodeRuneInString(text[k+size:]); unicode.IsUpper(after) {
				next = after
			}
		}
		if inBrackets(text[start:i], text[j:]) {
			i = j // a stage direction or note in brackets is one piece
			continue
		}
		if !startsSentence(next) || (r == '.' && j == i+1 && abbreviationBefore(lastWord(text[:i]), text[k:])) || (r == '.' && (isListMarker(text[start:i]) || decimalLabel.MatchString(text[start:i]) || sectionLabel.MatchString(text[start:i]))) {
			i = j
			continue
		}
		out = append(out, [2]int{start, j})
		start = k
		i = k
	}
	if end := len(strings.TrimRightFunc(text, unicode.IsSpace)); start < end {
		out = append(out, [2]int{start, end})
	}
	return out
}

// spaceAt is the length in bytes of the space at text[i:], 0 for none:
// a space, or a no-break space, which some texts set after every full
// stop ("cents. \u00a0And then…").
func spaceAt(text string, i int) int {
	switch {
	case i >= len(text):
		return 0
	case text[i] == ' ':
		return 1
	case strings.HasPrefix(text[i:], "\u00a0"):
		return len("\u00a0")
	}
	return 0
}

// inBrackets reports whether a sentence break would fall inside square
// brackets: before holds an unclosed "[" and after closes it soon.
func inBrackets(before, after string) bool {
	if strings.Count(before, "[") <= strings.Count(before, "]") {
		return false
	}
	end := strings.IndexByte(after, ']')
	return end >= 0 && end < 300
}

// isListMarker reports whether s, the text before a period at the start of
// a sentence, is a list item's label: "a", "e", "iv", "12".
func isListMarker(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) || unicode.IsDigit(r) || strings.Trim(s, "IVXLC") == ""
}

// decimalLabel is a decimal section number opening a sentence, which the
// sentence keeps: "2.1. The first results".
var decimalLabel = regexp.MustCompile(`^\d+(?:\.\d+)+$`)

// sectionLabel is a numbered provision's label opening a sentence, which
// the sentence keeps: "SEC. 2. No person shall…", "Section 4. The…"; and
// a caption's: "Table 1. Recall by sleep onset group".
var sectionLabel = regexp.MustCompile(`^(?i)(?:sec|sect|section|art|article|para|paragraph|clause|rule|§|table|figure|fig|plate|chart|map|exhibit|diagram)\.?\s*(?:\d+[a-z]?|[ivxlc]+)$`)

// startsCommonly reports whether s begins with a word that usually starts a
// sentence, so that "World War I. The" ends a sentence but "V. I. Lenin"
// does not.
func startsCommonly(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	w = strings.TrimRight(w, ",;:")
	return w != "I" && notNames[w]
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“‘\"'([—_*", r)
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// WordCount counts the whitespace-separated words of s.
func WordCount(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}
