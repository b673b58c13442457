package retrieval

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/parallel"
)

// What a token of a sentence is, beyond its term: eight bits, which fill
// tableToken's kind.
const (
	tokCapital uint8 = 1 << iota // starts with a capital letter, not the sentence's first word
	tokNumber                    // digits or a number word
	tokYear                      // a year or decade, 1000–2099 ("1920s")
	tokMonth                     // a month's, season's or weekday's name
	tokDefined                   // followed by a definition: "X, a …", "X was the …", "X (…)"
	tokSpeaker                   // not in the text: the sentence's speaker or quoted person
	tokPlace                     // a name after a preposition of place: "beside the wide Neva"
	tokAgent                     // a name after "by": "designed by Tiffany & Co."
)

// Bounds of the table's 16-bit fields. notInText is the word position of
// a token that is not in the sentence's text (its speaker, or whom it
// quotes); positions in the text stop at maxTextPos, below it, and word
// counts at maxWordCount.
const (
	notInText    uint16 = 65535
	maxTextPos   uint16 = 65000
	maxWordCount uint16 = 65535
)

// What a sentence holds.
const (
	sentQuotation uint16 = 1 << iota // quotation marks
	sentReason                       // "because", "so that", "due to" …
	sentQuestion                     // asked by an interviewer
	sentFirst                        // first sentence of its paragraph
	sentMoney                        // a sum of money: "$1.2 billion", "5,000 roubles"
)

// tableToken is one token of the sentence table. Its term, position and
// kind stand together (not in three tables), so that ranking a sentence
// reads one stretch of memory: where the page cache cannot hold a
// library's cache file, that is a third of the pages a question reads.
type tableToken struct {
	term uint32 // lexicon id
	pos  uint16 // word position in its sentence, counting stop words
	kind uint8  // tok* bits
	_    uint8
}

// sentenceTable holds every sentence of a corpus analysed once, when the
// index is built: the terms of each in order, their word positions and
// what kind of word each is. Features are computed from it at question
// time without analysing text again.
type sentenceTable struct {
	docStart []uint32     // global index of each document's first sentence
	start    []uint32     // tokens of sentence g are start[g] ≤ k < start[g+1]
	toks     []tableToken // each token, a sentence's together
	words    []uint16     // words in each sentence
	flags    []uint16     // sent* bits of each sentence

	secStart []uint32   // global index of each document's first section
	titles   [][]uint32 // lexicon ids of each section's title and heading
}

func (t *sentenceTable) section(doc, sec int) int { return int(t.secStart[doc]) + sec }

func (t *sentenceTable) global(doc, sent int) int { return int(t.docStart[doc]) + sent }

// docSentences is the number of sentences of document doc.
func (t *sentenceTable) docSentences(doc int) int {
	end := t.sentences()
	if doc+1 < len(t.docStart) {
		end = int(t.docStart[doc+1])
	}
	return end - int(t.docStart[doc])
}

// local is the document and sentence number of global sentence g.
func (t *sentenceTable) local(g int) (doc, sent int) {
	doc, found := slices.BinarySearch(t.docStart, uint32(g))
	if !found {
		doc--
	}
	// Documents without sentences share their start with the next one.
	for doc+1 < len(t.docStart) && t.docStart[doc+1] == uint32(g) {
		doc++
	}
	return doc, g - int(t.docStart[doc])
}

// sentences is how many sentences the table holds.
func (t *sentenceTable) sentences() int { return len(t.words) }

func (t *sentenceTable) tokens(g int) (lo, hi int) { return int(t.start[g]), int(t.start[g+1]) }

// analysed is one sentence's tokens before term ids are assigned.
type analysed struct {
	terms   []string
	surface []string // each token as written
	pos     []uint16
	kind    []uint8
	words   uint16
	flags   uint16
}

var (
	definitionAfter = regexp.MustCompile(`^[’'s]*[._”"` + "`" + `]*\s*(?:(,|--|—|\(|\s+(is|was|are|were))\s*(a|an|the|one|so-called|also|that)\b|,\s+which\s+(?:denotes|stands for|refers to)\s)`)
	// meansAfter is a definition's verb after its term: "\"Larger Work\"
	// means a work that…", "\"License\" shall mean the terms…".
	meansAfter = regexp.MustCompile(`^[’'s]*[”"’']?\s+(?:means|shall mean|refers to|is defined as|denotes)\s+(\pL+)`)
	// namingAfter is a name given after a word: ", renamed …", " was
	// later called …", " – which became known as …", ", or Emperor …".
	namingAfter = regexp.MustCompile(`^\s*(?:,\s*(?:or\s+\p{Lu}|(?:later\s+|also\s+|then\s+)?(?:renamed|called|known as|nicknamed|dubbed|officially)\b)|\s(?:is|was|are|were|would be|would have been|has been|had been|will be)\s+(?:(?:\pL+ly|later|also|then|now|once|first)\s+)?(?:renamed|called|named|known as|dubbed|termed|referred to as)\b|\s(?:became|becomes|become)\s+known as\b|\s*[,–—]?\s*(?:which|that)\s+(?:\pL+\s+){0,2}(?:known as|renamed|called)\b)`)
	// calledTo follows a naming verb that names nothing: "was called to
	// account", "were called up".
	calledTo = regexp.MustCompile(`^\s+(?:to|for|on|upon|in|into|off|out|up|back|away|at|by|before)\b`)
	// rankAfter is a place in an order after a name, which says when it
	// came, not what it is: "Pierre was the sixth to enter", "one of the
	// first to meet him".
	rankAfter        = regexp.MustCompile(`^[’'s]*[._”"]*\s*(,|\s+(is|was|are|were))\s*(the|a|an|one of the)\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|only|same)\b`)
	definitionBefore = regexp.MustCompile(`\b(?i:dubbed|called|known as|named|termed|so-called)\s*(?:[“"‘']?(\p{Lu}[\p{L}'’-]*\s+){0,2}|[“"‘']([\p{L}'’-]+\s+){0,2})$`)
	// calledBy is a naming verb with a pronoun for its subject, which
	// says who was called, not what a name is: "He called Natásha".
	calledBy = regexp.MustCompile(`\b(?i:he|she|they|I|we|you|who)\s+(?i:called|named|dubbed)\s*[“"‘']?(\p{Lu}[\p{L}'’-]*\s+){0,2}$`)
	// numberWords are words of numbers, found by their stem or as
	// written ("forty" stems to "forti"); maxNumberWord is the longest.
	numberWords = map[string]bool{
		"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
		"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true, "fourteen": true,
		"fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true, "twenty": true,
		"thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true,
		"hundred": true, "hundreds": true, "thousand": true, "thousands": true,
		"million": true, "millions": true, "billion": true, "dozen": true, "half": true, "third": true,
		"quarter": true, "percent": true, "majority": true, "minority": true, "first": true, "second": true,
	}
	monthNames = map[string]bool{
		"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
		"august": true, "september": true, "october": true, "november": true, "december": true,
		"century": true, "centuries": true, "spring": true, "summer": true, "autumn": true, "winter": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	}
)

// maxNumberWord is the length of the longest of numberWords.
const maxNumberWord = len("thousands")

// analyseSentence tokenises a sentence and marks its tokens and itself.
func analyseSentence(a analysis.Analyzer, s corpus.Sentence, speakers []string) analysed {
	toks := searchTokens(a, s.Text, false)
	out := analysed{
		terms:   make([]string, 0, len(toks)+len(speakers)),
		surface: make([]string, 0, len(toks)+len(speakers)),
		pos:     make([]uint16, 0, len(toks)+len(speakers)),
		kind:    make([]uint8, 0, len(toks)+len(speakers)),
		words:   uint16(min(corpus.WordCount(s.Text), int(maxWordCount))),
	}
	for i, t := range toks {
		out.terms = append(out.terms, t.term)
		out.surface = append(out.surface, s.Text[t.start:t.end])
		out.pos = append(out.pos, uint16(min(t.pos, int(maxTextPos))))
		out.kind = append(out.kind, tokenKind(s.Text, t, i == 0))
	}
	for _, sp := range speakers {
		for _, t := range analyze(a, sp) {
			out.terms = append(out.terms, t.term)
			out.surface = append(out.surface, sp[t.start:t.end])
			out.pos = append(out.pos, notInText)
			out.kind = append(out.kind, tokSpeaker|tokCapital)
		}
	}
	text := s.Text
	if strings.ContainsAny(text, "“”\"") {
		out.flags |= sentQuotation
	}
	if givesReason(text) {
		out.flags |= sentReason
	}
	if s.Question {
		out.flags |= sentQuestion
	}
	if statesMoney(text, &out) {
		out.flags |= sentMoney
	}
	return out
}

// currencySymbols stand before a sum: "$1.2 billion", "£304m".
const currencySymbols = "$£€¥"

// currencies are the names of currencies, which stand after a sum:
// "5,000 roubles", "forty pounds", "thirty-five millions of rubles".
var currencies = map[string]bool{"dollar": true, "pound": true, "franc": true, "rouble": true, "ruble": true,
	"kopeck": true, "cent": true, "shilling": true, "pence": true, "penny": true, "guinea": true, "mark": true,
	"yen": true, "euro": true, "crown": true, "florin": true, "ducat": true, "sovereign": true, "livre": true}

// statesMoney reports whether a sentence states a sum of money: a figure
// after a currency's symbol, or a currency's name after a number (one
// word, "of", may stand between them).
func statesMoney(text string, out *analysed) bool {
	for i, r := range text {
		if !strings.ContainsRune(currencySymbols, r) {
			continue
		}
		if rest := strings.TrimLeft(text[i+utf8.RuneLen(r):], " "); rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
	}
	for k := 1; k < len(out.surface) && out.pos[k] != notInText; k++ {
		if out.kind[k-1]&tokNumber != 0 && out.pos[k]-out.pos[k-1] <= 2 && currencies[strings.TrimSuffix(strings.ToLower(out.surface[k]), "s")] {
			return true
		}
	}
	return false
}

// reasonPhrases say why.
var reasonPhrases = []string{"because", "since", "so that", "in order to", "due to", "owing to", "for fear",
	"as a result", "reason", "caused", "thanks to", "therefore", "thus", "hence"}

// givesReason reports whether text holds a reason phrase as whole words.
func givesReason(text string) bool {
	lower := strings.ToLower(text)
	for _, p := range reasonPhrases {
		for from := 0; ; {
			i := strings.Index(lower[from:], p)
			if i < 0 {
				break
			}
			i += from
			end := i + len(p)
			if (i == 0 || !isWordByte(lower[i-1])) && (end == len(lower) || !isWordByte(lower[end])) {
				return true
			}
			from = end
		}
	}
	return false
}

func isWordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// placePrepositions come before the name of a place.
var placePrepositions = map[string]bool{"in": true, "at": true, "to": true, "from": true, "near": true, "into": true,
	"beside": true, "outside": true, "inside": true, "across": true, "along": true, "toward": true, "towards": true, "on": true}

// afterPlacePreposition reports whether before, the text before a name,
// ends with a preposition of place, the article and one more word allowed
// between: "in Paris", "at the Smolny Institute", "beside the wide Neva".
func afterPlacePreposition(before string) bool {
	words := strings.Fields(before[max(0, len(before)-60):])
	for i := len(words) - 1; i >= max(0, len(words)-3); i-- {
		w := words[i]
		if placePrepositions[strings.ToLower(w)] {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return false
}

// afterBy reports whether a name follows "by", or "by" and up to
// agentReach words in lower case naming what the agent is: "designed by
// Tiffany & Co.", "invented by a weaver, James Hargreaves", "by the
// engineer Gustave Eiffel".
func afterBy(before string) bool {
	words := strings.Fields(before[max(0, len(before)-60):])
	for i := len(words) - 1; i >= max(0, len(words)-1-agentReach); i-- {
		w := words[i]
		if w == "by" {
			return i < len(words)-1 || strings.HasSuffix(before, " ")
		}
		if i == len(words)-1 {
			w = strings.TrimSuffix(w, ",")
		}
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
			return false
		}
	}
	return false
}

// agentReach is how many words may stand between "by" and the name of
// who did it: "by a weaver, James Hargreaves".
const agentReach = 3

// tokenKind marks what kind of word a token is, from the original text.
func tokenKind(text string, t token, first bool) uint8 {
	var k uint8
	word := text[t.start:t.end]
	r, _ := utf8.DecodeRuneInString(word)
	if unicode.IsUpper(r) && !first {
		k |= tokCapital
		before := text[:t.start]
		if afterPlacePreposition(before) {
			k |= tokPlace
		}
		if afterBy(before) {
			k |= tokAgent
		}
	}
	if unicode.IsDigit(r) || numberWords[t.term] || numberWords[word] || unicode.IsUpper(r) && len(word) <= maxNumberWord && numberWords[strings.ToLower(word)] {
		k |= tokNumber
		if year := strings.TrimSuffix(word, "s"); len(year) == 4 && (word[0] == '1' || (word[0] == '2' && word[1] == '0')) && isDigits(year) {
			k |= tokYear
		}
	}
	if monthNames[strings.ToLower(word)] {
		k |= tokMonth
	}
	if definedAt(text, t.start, t.end) {
		k |= tokDefined
	}
	return k
}

// definedAt reports whether the word at text[start:end] is followed by a
// definition ("X, a …", "X was the …") or preceded by a naming ("dubbed
// X", "known as X"), stands alone in parentheses ("… Party (SRs)") or is
// the term a glossary entry opens with ("Red Guards. The armed factory
// workers…"). Cheap tests come before the regular expressions: this runs
// for every word of the text.
func definedAt(text string, start, end int) bool {
	if glossaryTerm(text, end) || castName(text, start, end) {
		return true
	}
	after := text[end:min(len(text), end+40)]
	before := text[max(0, start-60):start]
	if strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") {
		return true
	}
	rest := restOfName(text, end)
	if definedAfter(after) || definedAfter(rest) || namedAfter(after) || namedAfter(rest) || opensDefinition(text, start, end) || pluralDefined(text, start, end) || termMeans(text, start, end) {
		return true
	}
	if strings.Contains(before, "dubbed") || strings.Contains(before, "called") || strings.Contains(before, "known as") ||
		strings.Contains(before, "named") || strings.Contains(before, "termed") || strings.Contains(before, "so-called") ||
		strings.Contains(before, "Called") || strings.Contains(before, "Known as") || strings.Contains(before, "Dubbed") {
		return definitionBefore.MatchString(before) && !calledBy.MatchString(before)
	}
	return false
}

// definedAfter reports whether what follows a word defines it: ", a …",
// " was the …", " is that …" (what a rule says), "(…", ", which denotes
// …" (a term in a code span too: "`'static`, which denotes that…") — not
// a place in an order (rankAfter).
func definedAfter(after string) bool {
	a := strings.TrimLeft(after, "’'s._”\"`")
	if a == "" || !(a[0] == ',' || a[0] == '(' || strings.HasPrefix(a, "—") || strings.HasPrefix(a, "--") || strings.HasPrefix(a, " is ") || strings.HasPrefix(a, " was ") || strings.HasPrefix(a, " are ") || strings.HasPrefix(a, " were ")) {
		return false
	}
	return definitionAfter.MatchString(after) && !rankAfter.MatchString(after)
}

// namedAfter reports whether what follows a word gives it a name: ",
// renamed …", " would have been renamed …", " – which became known as
// …", ", or Emperor Chengzong". A naming word must be there before the
// regular expression runs: this runs for every word of the text.
func namedAfter(after string) bool {
	a := strings.TrimLeft(after, "’'s._”\"")
	if a == "" || !(a[0] == ',' || a[0] == ' ' || strings.HasPrefix(a, "–") || strings.HasPrefix(a, "—")) {
		return false
	}
	if !strings.Contains(a, "name") && !strings.Contains(a, "call") && !strings.Contains(a, "known") &&
		!strings.Contains(a, ", or ") && !strings.Contains(a, "dubbed") && !strings.Contains(a, "termed") &&
		!strings.Contains(a, "referred") && !strings.Contains(a, "officially") {
		return false
	}
	m := namingAfter.FindStringIndex(a)
	return m != nil && !calledTo.MatchString(a[m[1]:])
}

// termMeans reports whether the word at text[start:end], or the name it
// opens, is a term in quotation marks defined as laws, licences and
// contracts define one: before " means …", " shall mean …", " refers to
// …" ("\"Larger Work\" means a work that…"); not before "means that".
// Unquoted ("Freedom means…") it is as often a subject explained as a
// term defined, and is left to the other forms.
func termMeans(text string, start, end int) bool {
	for _, after := range []string{text[end:min(len(text), end+40)], restOfName(text, end)} {
		if !strings.Contains(after, " mean") && !strings.Contains(after, " refers") && !strings.Contains(after, " is defined") && !strings.Contains(after, " denotes") {
			continue // cheap: this runs for every word of the text
		}
		m := meansAfter.FindStringSubmatch(after)
		if m == nil || m[1] == "that" {
			continue
		}
		before := text[:start]
		if strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "“") || strings.HasSuffix(before, "‘") || strings.ContainsAny(after[:min(4, len(after))], "”\"’'") {
			return true // in quotation marks
		}
	}
	return false
}

// pluralDefined reports whether the word at text[start:end], among a
// sentence's first three, is a plural term the sentence defines without
// an article: "Iterator adapters are methods defined on the Iterator
// trait…", "Closures are anonymous functions that…" (not "Adapters are
// lazy").
func pluralDefined(text string, start, end int) bool {
	if !strings.HasPrefix(text[end:], " are ") || strings.Count(text[:start], " ") > 2 {
		return false
	}
	return pluralDefinition.MatchString(text[end:min(len(text), end+60)])
}

// pluralDefinition is what follows a plural term a sentence defines: one
// or two words for what it is, then what says more of it.
var pluralDefinition = regexp.MustCompile(`^ are (?:[\p{Ll}-]+ ){1,2}(?:that|which|who|whose|defined|used|made|called|for|of|in|with|to)\b`)

// opensDefinition reports whether the word at text[start:end] is the
// head of the phrase a sentence opens by defining: "The range of a light
// is the greatest distance…", a textbook's definition of a term with its
// complement.
func opensDefinition(text string, start, end int) bool {
	if start > len("The ") || !strings.HasPrefix(text[end:], " of ") {
		return false
	}
	if lead := strings.TrimSpace(text[:start]); lead != "" && lead != "The" && lead != "A" && lead != "An" {
		return false
	}
	return complementDefined.MatchString(text[end:min(len(text), end+80)])
}

// complementDefined is a term's complement and its definition: " of a
// light is the …", " of sound is a …".
var complementDefined = regexp.MustCompile(`^ of (?:(?:a|an|the) )?[\p{L}-]+(?: [\p{L}-]+)? (?:is|are) (?:a|an|the|one)\b`)

// restOfName is what follows the rest of a name a word at text[:end]
// opens ("RTK" of "RTK Query is a…", "Natásha" of "Natásha Rostóva, a…"),
// up to maxNameWords capitalised words on; "" when no such word follows.
func restOfName(text string, end int) string {
	i, words := end, 0
	for words < maxNameWords && i+1 < len(text) && text[i] == ' ' {
		r, size := utf8.DecodeRuneInString(text[i+1:])
		if !unicode.IsUpper(r) {
			break
		}
		j := strings.IndexAny(text[i+1+size:], " ,;:()")
		if j < 0 {
			return ""
		}
		i += 1 + size + j
		words++
	}
	if words == 0 {
		return ""
	}
	return text[i:min(len(text), i+40)]
}

// maxNameWords is the most capitalised words a name runs on over.
const maxNameWords = 3

// castName reports whether the word at text[start:end] stands in the name
// a play's list of persons opens an entry with, in capitals, before a
// comma and who they are: "BANQUO, General in the King's Army.", "YOUNG
// SIWARD, his Son."
func castName(text string, start, end int) bool {
	if start > maxCastName || len(text) <= end {
		return false
	}
	comma := strings.IndexByte(text, ',')
	if comma < end || comma > maxCastName {
		return false
	}
	name := text[:comma]
	return strings.ContainsFunc(name, unicode.IsLetter) && strings.ToUpper(name) == name && !strings.ContainsAny(name, ".:;!?")
}

// maxCastName is the longest name, in bytes, a list of persons opens an
// entry with.
const maxCastName = 40

// glossaryTerm reports whether a word ending at end stands in the term
// that opens a glossary entry: a few words and a period, then the
// definition, capitalised ("Vikzhel. All-Russian Central Committee…"),
// or after a dash, as older glossaries set it ("CIRRIPEDES.--An order of
// Crustaceans…").
func glossaryTerm(text string, end int) bool {
	stop, rest, dashed := termEnd(text)
	if stop <= 0 || end > stop || stop > maxTermBytes || strings.Count(text[:stop], " ") >= corpus.MaxTermWords {
		return false
	}
	if first, _, _ := strings.Cut(text[:stop], " "); dashed && (len(first) < 2 || strings.ToUpper(first) != first) {
		return false // a glossary sets its term in capitals before a dash, a speech its clauses
	}
	if last := text[strings.LastIndexByte(text[:stop], ' ')+1 : stop]; len(last) < 3 && last != strings.ToUpper(last) {
		return false // "St. George", "Mr. Smith": an abbreviation, not a term's end
	}
	if term := text[:stop]; !strings.ContainsFunc(term, unicode.IsLetter) || isRomanNumeral(strings.ToLower(term)) {
		return false // "2. There never was…", "IV. The…": a paragraph's number
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || r == '“' || r == '"'
}

// termEnd returns where the first period followed by a space or a dash
// ("--", "—", "–") stands in text, what follows them, and whether it was
// a dash; -1 when none does.
func termEnd(text string) (stop int, rest string, dashed bool) {
	for i := 0; i < len(text) && i <= maxTermBytes; i++ {
		if text[i] != '.' {
			continue
		}
		after := text[i+1:]
		if rest, ok := strings.CutPrefix(after, " "); ok {
			return i, rest, false
		}
		for _, d := range []string{"--", "—", "–"} {
			if rest, ok := strings.CutPrefix(after, d); ok {
				return i, strings.TrimLeft(rest, " "), true
			}
		}
	}
	return -1, "", false
}

// maxTermBytes is the longest glossary term, in bytes, beside its
// words (corpus.MaxTermWords).
const maxTermBytes = 50

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// analysisBatch is how many sentences are analysed together before their
// terms are numbered into the table, so that a library's analysis is
// never held as strings all at once, only a batch's.
const analysisBatch = 1 << 14

// buildSentenceTable analyses every sentence of c, in parallel batches,
// and assigns term ids from a new lexicon, whose frequencies it counts.
// A document the earlier build shares keeps its analysis.
func buildSentenceTable(a analysis.Analyzer, c *corpus.Corpus, earlier *prior) (*sentenceTable, *lexicon) {
	sentences, bytes := 0, 0
	for _, d := range c.Documents {
		sentences += d.SentenceCount()
		for _, s := range d.AllSentences() {
			bytes += len(s.Text)
		}
	}
	b := newTableBuilder(a, earlier, sentences, bytes)
	for _, d := range c.Documents {
		b.add(d)
	}
	t, lex := b.finish()
	lex.count(t)
	return t, lex
}

// tableBuilder lays out the sentence table of documents given one at a
// time, so that a build need not hold every document at once.
type tableBuilder struct {
	a       analysis.Analyzer
	earlier *prior
	t       *sentenceTable
	lex     *lexicon
	// titles are each section's title words, numbered when the table is
	// finished: after every sentence's words, as they always were.
	titles [][]token
	texts  []string // the title each of titles was analysed from
}

// newTableBuilder is an empty builder with room for about sentences
// sentences of bytes bytes of text.
func newTableBuilder(a analysis.Analyzer, earlier *prior, sentences, bytes int) *tableBuilder {
	// Stop words are not tokens: the shared books hold one token per 16
	// bytes (5.5 M sentences, 63 M tokens in the 1 GB library). Room for
	// one per 10 leaves a margin for denser text without reserving 2.6
	// times what is used.
	tokens := bytes / 10
	t := &sentenceTable{
		start: make([]uint32, 0, sentences+1), words: make([]uint16, 0, sentences), flags: make([]uint16, 0, sentences),
		toks: make([]tableToken, 0, tokens),
	}
	return &tableBuilder{a: a, earlier: earlier, t: t, lex: newLexicon()}
}

// add analyses the sentences and section titles of d, the next document.
func (b *tableBuilder) add(d *corpus.Document) {
	b.t.docStart = append(b.t.docStart, uint32(len(b.t.words)))
	b.t.secStart = append(b.t.secStart, uint32(len(b.titles)))
	jobs := documentJobs(d)
	if done, ok := b.earlier.analysed(d); ok {
		b.t.append(jobs, done, b.lex)
	} else {
		for len(jobs) > 0 {
			n := min(len(jobs), analysisBatch)
			b.t.append(jobs[:n], analyseJobs(b.a, jobs[:n]), b.lex)
			jobs = jobs[n:]
		}
	}
	for _, sec := range d.Sections {
		title := sec.Title + " " + sec.Heading
		b.titles = append(b.titles, analyze(b.a, title))
		b.texts = append(b.texts, title)
	}
}

// finish numbers the titles' words. The lexicon's frequencies are not
// counted here: buildSentenceTable counts them, and a build into the
// cache writes them with its terms (documentFrequencies).
func (b *tableBuilder) finish() (*sentenceTable, *lexicon) {
	t := b.t
	t.start = append(t.start, uint32(len(t.toks)))
	for i, toks := range b.titles {
		ids := make([]uint32, 0, len(toks)) // empty, not nil, as the cache reads a title of stop words back
		for _, tok := range toks {
			id := b.lex.add(tok.term, b.texts[i][tok.start:tok.end])
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		t.titles = append(t.titles, ids)
	}
	return t, b.lex
}

// sentenceJob is one sentence to analyse, with the speakers that count
// as its words: who says it and whom it quotes.
type sentenceJob struct {
	doc      *corpus.Document
	sentence int
	speakers []string
}

// documentJobs are the jobs of d's sentences.
func documentJobs(d *corpus.Document) []sentenceJob {
	jobs := make([]sentenceJob, 0, d.SentenceCount())
	quoted := map[int][]string{}
	for _, q := range d.Quotations {
		if q.Speaker != "" {
			quoted[q.Sentence] = append(quoted[q.Sentence], q.Speaker)
		}
	}
	for i, s := range d.AllSentences() {
		sp := quoted[i]
		if s.Speaker != "" {
			sp = append(sp, s.Speaker)
		}
		jobs = append(jobs, sentenceJob{doc: d, sentence: i, speakers: sp})
	}
	return jobs
}

// analyseJobs analyses the sentences of jobs on every core.
func analyseJobs(a analysis.Analyzer, jobs []sentenceJob) []analysed {
	parts := make([]analysed, len(jobs))
	parallel.Each(len(jobs), 8, func(i int) {
		j := jobs[i]
		parts[i] = analyseSentence(a, j.doc.Sentence(j.sentence), j.speakers)
	})
	return parts
}

// append lays the analysed sentences of jobs out at the end of the
// table, with term ids from lex.
func (t *sentenceTable) append(jobs []sentenceJob, parts []analysed, lex *lexicon) {
	for i, p := range parts {
		t.start = append(t.start, uint32(len(t.toks)))
		for k, term := range p.terms {
			t.toks = append(t.toks, tableToken{term: lex.add(term, p.surface[k]), pos: p.pos[k], kind: p.kind[k]})
		}
		t.words = append(t.words, p.words)
		flags := p.flags
		if j := jobs[i]; j.sentence == 0 || j.doc.Sentence(j.sentence-1).Paragraph != j.doc.Sentence(j.sentence).Paragraph {
			flags |= sentFirst
		}
		t.flags = append(t.flags, flags)
	}
}
