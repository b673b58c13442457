package retrieval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// MaxQueryRunes is how much of a question or phrase is read; the rest is
// ignored.
const MaxQueryRunes = 1000

// maxQueryTerms bounds the distinct terms a query may search for.
const maxQueryTerms = 32

// normalize prepares text for the analyzers: curly apostrophes become
// straight ones, accented Latin letters lose their accents, underscores
// and control characters become spaces, and the forms older English
// prints are written as today's ("look'd" as "looked", "believeth" as
// "believes", "to-morrow" as "tomorrow").
func normalize(s string) string {
	n, _ := normalizeMap(s)
	return n
}

// normalizeMap is normalize that also returns, for each byte offset of the
// result (and one past its end), the offset in s it came from.
func normalizeMap(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	idx := make([]int, 0, len(s)+1)
	skip := 0 // s up to here is written already ("eth" as "es")
	for i, r := range s {
		if i < skip {
			continue
		}
		var out string
		switch {
		case r == '-' && olderCompound(s, i):
			out = "" // "to-morrow" is "tomorrow"
		case r == 'e' && olderThirdPerson(s, i):
			out, skip = "es", i+len("eth") // "believeth" is "believes"
		case (r == '\'' || r == '’') && elidedPast(s, i, i+utf8.RuneLen(r)):
			out = "e" // "look'd" is "looked", as older verse and plays print it
		case r == '’' || r == '‘' || r == 'ʼ':
			out = "'"
		case r == '_':
			out = " " // _italics_ in Gutenberg and Markdown texts
		case r >= 0xC0 && r <= 0x17F && foldAccent(r) != r:
			out = string(foldAccent(r)) // "régime" matches "regime"
		case r == utf8.RuneError:
			out = " "
		case unicode.IsControl(r):
			out = " "
		default:
			out = s[i : i+utf8.RuneLen(r)]
		}
		for range len(out) {
			idx = append(idx, i)
		}
		b.WriteString(out)
	}
	idx = append(idx, len(s))
	return b.String(), idx
}

// elidedPast reports whether the apostrophe at s[at:next] elides the
// "e" of a past ending: "look'd", "wither'd", "belov’d", not "I'd" or
// "you'd", which are "would" or "had", nor "'d" standing alone.
func elidedPast(s string, at, next int) bool {
	if next >= len(s) || s[next] != 'd' {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[next+1:]); next+1 < len(s) && (unicode.IsLetter(r) || r == '\'' || r == '’') {
		return false
	}
	word := strings.ToLower(wordBefore(s, at))
	return utf8.RuneCountInString(word) >= 2 && !contractedWith[word]
}

// wordBefore is the run of letters that ends at s[at].
func wordBefore(s string, at int) string {
	start := at
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= size
	}
	return s[start:at]
}

// olderCompound reports whether the hyphen at s[at] joins a day word
// older texts hyphenate: "to-day", "to-morrow", "to-night".
func olderCompound(s string, at int) bool {
	if !strings.EqualFold(wordBefore(s, at), "to") {
		return false
	}
	rest := s[at+1:]
	for _, w := range []string{"day", "morrow", "night"} {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
			r, _ := utf8.DecodeRuneInString(rest[len(w):])
			return len(rest) == len(w) || !unicode.IsLetter(r) || r == 's'
		}
	}
	return false
}

// olderThirdPerson reports whether s[at:] opens the "eth" ending of an
// older verb's third person ("believeth", "cometh", "testifieth"): a
// word in lower case, two letters or more before it, not "teeth" nor an
// ordinal ("twentieth"). Names ("Macbeth", "Nazareth") are capitalised.
func olderThirdPerson(s string, at int) bool {
	if !strings.HasPrefix(s[at:], "eth") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[at+len("eth"):]); at+len("eth") < len(s) && unicode.IsLetter(r) {
		return false
	}
	stem := wordBefore(s, at)
	if strings.IndexFunc(stem, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return false // "Macbeth", "Nazareth"
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:at-len(stem)]); r == '\'' || r == '’' {
		return false // "o'eth"
	}
	return len(stem) >= 2 && stem != "te" && !strings.HasSuffix(stem, "ti")
}

// contractedWith are the words whose "'d" is "would" or "had": "they'd",
// "who'd", "there'd".
var contractedWith = map[string]bool{
	"you": true, "he": true, "she": true, "it": true, "we": true, "they": true, "who": true,
	"what": true, "that": true, "there": true, "here": true, "where": true, "how": true,
	"why": true, "when": true, "which": true, "this": true, "one": true, "thou": true,
	"ye": true, "nobody": true, "somebody": true, "everybody": true, "someone": true,
	"everyone": true, "anyone": true, "anybody": true, "i": true,
}

// accentFolds maps accented Latin letters to their base letters.
var accentFolds = buildAccentFolds()

func buildAccentFolds() map[rune]rune {
	folds := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą", 'A': "ÀÁÂÃÄÅĀĂĄ", 'c': "çćĉċč", 'C': "ÇĆĈĊČ", 'd': "ď", 'D': "Ď",
		'e': "èéêëēĕėęě", 'E': "ÈÉÊËĒĔĖĘĚ", 'g': "ĝğġģ", 'G': "ĜĞĠĢ", 'i': "ìíîïĩīĭįı", 'I': "ÌÍÎÏĨĪĬĮİ",
		'n': "ñńņňŉ", 'N': "ÑŃŅŇ", 'o': "òóôõöøōŏő", 'O': "ÒÓÔÕÖØŌŎŐ", 'r': "ŕŗř", 'R': "ŔŖŘ",
		's': "śŝşš", 'S': "ŚŜŞŠ", 't': "ţťŧ", 'T': "ŢŤŦ", 'u': "ùúûüũūŭůűų", 'U': "ÙÚÛÜŨŪŬŮŰŲ",
		'y': "ýÿŷ", 'Y': "ÝŸŶ", 'z': "źżž", 'Z': "ŹŻŽ",
	} {
		for _, r := range accented {
			folds[r] = base
		}
	}
	return folds
}

func foldAccent(r rune) rune {
	if b, ok := accentFolds[r]; ok {
		return b
	}
	return r
}

// cleanQuery trims user input to MaxQueryRunes and drops control
// characters, invalid bytes and what a chat sets around its words
// (withoutChatMarkup). A colon between letters parts two words
// ("title:soviets"), which the analyzer would read as one.
func cleanQuery(q string) string {
	return strings.Join(strings.Fields(partColons(normalize(CleanQuery(withoutChatMarkup(q))))), " ")
}

// partColons turns a colon between two letters into a space.
func partColons(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == ':' && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
			rs[i] = ' '
		}
	}
	return string(rs)
}

// token is one analysed word: its term and where it stands in the original
// text.
type token struct {
	term       string
	start, end int // byte offsets in the original text
	pos        int // word position, counting removed stop words
}

// analyze runs an analyzer over text and maps token offsets back to text.
func analyze(a analysis.Analyzer, text string) []token {
	norm, idx := normalizeMap(text)
	ts := a.Analyze([]byte(norm))
	out := make([]token, 0, len(ts))
	for _, t := range ts {
		out = append(out, token{term: string(t.Term), start: idx[t.Start], end: idx[t.End], pos: t.Position})
	}
	return out
}

// searchTokens are the tokens text is searched by: its analysed words,
// the parts of its dotted names, its identifiers and its operators as
// written. loose is for a question's text (see withIdentifiers and
// withOperators); a sentence's is read strictly.
func searchTokens(a analysis.Analyzer, text string, loose bool) []token {
	return withOperators(text, withIdentifiers(text, withNameParts(a, text, analyze(a, text)), loose), loose)
}

// withNameParts adds to the tokens of text a token for each part of a
// dotted name the analyzer keeps whole ("urllib3.PoolManager",
// "poetry.lock", "client.key"): each part of two characters or more
// holding a letter, analysed, at the name's word position, so that
// "PoolManager" or "the lock file" finds it. An abbreviation's parts are
// single letters ("U.S", "e.g"), a number's digits ("3.5"): they add
// nothing.
func withNameParts(a analysis.Analyzer, text string, toks []token) []token {
	for _, t := range toks {
		if !strings.Contains(t.term, ".") {
			continue
		}
		off := t.start
		for part := range strings.SplitSeq(text[t.start:t.end], ".") {
			start := off
			off += len(part) + 1
			if utf8.RuneCountInString(part) < 2 || !strings.ContainsFunc(part, unicode.IsLetter) {
				continue
			}
			for _, p := range analyze(a, part) {
				toks = append(toks, token{term: p.term, start: start + p.start, end: start + p.end, pos: t.pos})
			}
		}
	}
	return toks
}

// uniqueTerms returns the distinct terms of tokens in order, at most max.
func uniqueTerms(tokens []token, max int) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tokens {
		if seen[t.term] {
			continue
		}
		seen[t.term] = true
		out = append(out, t.term)
		if len(out) == max {
			break
		}
	}
	return out
}

// identifier finds what is searched as written as well as by its parts:
// a command-line option (-v, --no-root) or a name joined by hyphens
// (X-Signature-Ed25519, ISO-8859-1), which the analyzer splits into
// words or drops ("no" is a stop word).
var identifier = regexp.MustCompile(`(?:^|[^\pL\pN_.-])(--?[\pL][\pL\pN]*(?:-[\pL\pN]+)*|[\pL\pN]+(?:-[\pL\pN]+)+)`)

// withIdentifiers adds to the tokens of text a token for each
// identifier in it, at the word position of the first word it holds. In
// a text, an option always counts, and a hyphenated name when it holds a
// digit or has three parts or more, so that prose ("well-known") is left
// as it is; in a question (loose) every hyphenated word counts, and is
// kept only where the text has it. The term is the identifier in lower
// case, an option of several parts without its dashes ("no-root" for
// --no-root), so that it is found however the question writes it.
func withIdentifiers(text string, toks []token, loose bool) []token {
	if !strings.Contains(text, "-") {
		return toks
	}
	for _, m := range identifier.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[2], m[3]
		id := strings.ToLower(text[start:end])
		bare := strings.TrimLeft(id, "-")
		if !loose && id == bare && strings.Count(id, "-") < 2 && strings.IndexFunc(id, unicode.IsDigit) < 0 {
			continue
		}
		if strings.Contains(bare, "-") {
			id = bare
		}
		toks = append(toks, token{term: id, start: start, end: end, pos: firstPos(toks, start)})
	}
	return toks
}

// operator finds an operator standing alone between spaces (":=", "?=",
// "$<", "%>%", "::", "->"), which the analyzer drops, having no letter.
// One holds a sign of operatorSigns: dashes, dots and question marks
// alone are prose's.
var operator = regexp.MustCompile(`(?:^|\s)([=<>$%&|!?+*^~@#:/\\.-]{2,4})(?:\s|$)`)

// operatorSigns are the signs an operator holds one of at least.
const operatorSigns = "=<>$%&|^~@#:"

// withOperators adds to the tokens of text a token for each operator in
// it, as written, so that "What does := do?" finds the sentence
// explaining it. A question's operator may end in the question mark
// ("What is $<?"), so there it counts without it, and is kept only where
// the text has it.
func withOperators(text string, toks []token, loose bool) []token {
	if !strings.ContainsAny(text, operatorSigns) {
		return toks
	}
	for _, m := range operator.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[2], m[3]
		if loose && end-start > 2 && strings.ContainsRune(".?", rune(text[end-1])) {
			end--
		}
		op := text[start:end]
		if !strings.ContainsAny(op, operatorSigns) {
			continue
		}
		toks = append(toks, token{term: op, start: start, end: end, pos: firstPos(toks, start)})
	}
	return toks
}

// firstPos is the word position of the first token ending after offset.
func firstPos(toks []token, offset int) int {
	for _, t := range toks {
		if t.end > offset {
			return t.pos
		}
	}
	if len(toks) == 0 {
		return 0
	}
	return toks[len(toks)-1].pos
}
