package retrieval

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// question is an analysed question: pure data, computed by an analyser
// from its text, the lexicon and, for words the text lacks, close
// spellings.
type question struct {
	concepts []concept
	intent   intent
	// byTerm maps a term id to the concepts it counts for.
	byTerm map[uint32][]alt
	// content is the total weight of the concepts that name what the
	// question is about; framing is that of frame and everyday words.
	content, framing float64
	rarest           int // the concept with the highest weight, or -1
	// head is the concept a definition question's term ends in, before
	// any "of" ("timeout" of "What is the read timeout?"), or -1: the word
	// a defining sentence defines, which need not be the rarest.
	head int
	// howTo is whether it asks how to do something: an answer may bring
	// the code block that follows it.
	howTo bool
	// units are the terms an answer to a question of measure states it
	// in ("how old": age, years), nil for other questions.
	units map[uint32]bool
	// dateUnits are the units that name a date before a number ("the
	// year 1914", "the year one thousand nine hundred and fourteen")
	// rather than state a measure.
	dateUnits map[uint32]bool
	// span is whether a question of measure may be answered by two dates:
	// "How long did Apollo run?", "from 1961 to 1972".
	span bool
	// unitsNeedNumber is whether the units alone state no measure: "old
	// age", "the ages of faith" give no one's age, as "a month" gives a
	// time and "twice" how often.
	unitsNeedNumber bool
	// money is whether a question of quantity asks for a sum of money:
	// "How much did the stadium cost?".
	money bool
	// narrator is the concept asking about the narrator ("the narrator's
	// wife"), which a story told in the first person calls "I"; -1 for
	// none.
	narrator int
	// counted are the concepts of what a "How many X…?" question counts,
	// the words of its noun phrase ("lifetime elision rules"): an answer
	// gives their number ("uses three rules", "threw 35 touchdowns").
	counted []int
	// role are the concepts of the role a "Who was the X…?" question
	// names ("head coach"): an answer names whoever holds it beside it
	// ("head coach John Fox").
	role []int
	// asked is whether the text reads as a question rather than words
	// looked up ("someone said it was a peace of shame"), whose sentence
	// is quoted without a neighbour it does not need.
	asked bool
}

// A concept is one word of a question with the stems that count as it.
type concept struct {
	stem     string
	word     string  // the question's word, in lower case
	weight   float64 // inverse document frequency over sentences
	misspelt bool    // the text lacks the word; alts are close spellings
	framing  bool    // a frame or everyday word ("happen", "see")
	proper   bool    // capital, and not the first word left once stop words are: a name
	capital  bool    // written with a capital, not as the question's first word
	number   bool    // a number or year
	pos      int     // word position in the question
	// object is whether it names the one a "who" question's verb acts
	// on ("Duncan" in "Who killed Duncan?"): a name, but not of who
	// speaks the answer.
	object bool
	alts   []alt
}

// alt is a stem that counts for a concept, and how.
type alt struct {
	concept int
	term    uint32
	how     altKind
}

type altKind uint8

const (
	altExact     altKind = iota // the question's own stem
	altDerived                  // revolution/revolutionary
	altIrregular                // won/win
	altSynonym                  // tsar/czar
	altSpelling                 // Kronstat/Kronstadt
	altWordNet                  // magician/sorcerer: related in WordNet
)

type intent int

const (
	intentNone intent = iota
	intentPerson
	intentTime
	intentPlace
	intentQuantity
	intentReason
	intentQuotation  // what someone said or wrote: a sentence quoting them
	intentDefinition // who or what something is: a sentence defining it
)

var (
	// leadingClause is a clause set before a question's own words: "When
	// violence is used, what is civil disobedience called?" asks what,
	// not when. The second group is the question. questionWord is a
	// question's word for what it asks.
	leadingClause = regexp.MustCompile(`(?i)^(\S+\s+[^,?]+),\s*((?:who|whom|whose|what|which|where|when|why|how)\b.*)$`)
	questionWord  = regexp.MustCompile(`(?i)^(who|whom|whose|what|which|where|why|how)\b`)
	// whoWords ask for a person, or for a name ("What is the name of the
	// stadium?"): either way a sentence holding a name the question lacks.
	whoWords   = regexp.MustCompile(`(?i)^(who|whom|whose)\b|\b(by|to|with|for|from) whom\b|\bwho (was|were|is|led|said|wrote)\b|\b(which|what) (\pL+ )?(person|man|woman|king|team|company|group|party|people|general|leader|president|player|film|movie|show|series|song|book|novel|ship|newspaper|organi[sz]ation|university|college|school|church|dynasty|emperor|queen|actor|band|network|station|channel|empire|tribe|nation)\b|\b(what|which) (is|was|are|were) (the|their|his|her|its) (full |last |first )?names? of\b`)
	whenWords  = regexp.MustCompile(`(?i)^when\b|\b(by|since) when\b|\bhow (soon|early)\b|\b(what|which) (year|date|month|day|century|decade|time|period|era)\b|\bwhen (did|was|were|is|does)\b|\bhow long ago\b|\b(date|year|month|century)\b\W*$|\bin (what|which) year\b`)
	whereWords = regexp.MustCompile(`(?i)^where\b|^whereabouts\b|\bwhere (did|was|were|is|does)\b|\b(what|which) (place|town|city|village|street|country|county|province|district|region|state|location|continent|river|island|lake|sea|mountain|valley|port)\b`)
	whyWords   = regexp.MustCompile(`(?i)^why\b|^how come\b|` + whatReason + `|\bwhy (did|do|does|was|were|is|are|would)\b|\b(what|which) (reason|cause|caused|led)\b`)
	saidWords  = regexp.MustCompile(`(?i)\bwhat did .{1,40}\b(say|said|write|wrote|call|declare|tell|reply|answer|shout|cry)\b|\bhow did .{1,40}\b(put it|describe|call)\b|\bwho said\b|\bin whose words\b`)
	// namedAs asks what something is called: "What was the Yuan's paper
	// money called?", "What is Cultural Imperialism often referred to
	// as?", "What was Tugh's Chinese-style name?"; the sentence that
	// names it answers. Its second group is the thing named.
	namedAs   = regexp.MustCompile(`(?i)^(?:what|which)\s+(?:is|was|are|were|would|will|had|has)\s+(?:be\s+|been\s+|have been\s+)?(.{1,60}?)\s+(?:(?:often|also|sometimes|commonly|usually|officially|later|previously|formerly|then|now|originally|first|popularly|be|been|become|became)\s+)*(?:called|named|renamed|known as|referred to as|termed|dubbed|nicknamed)\W*$|^(?:what|which)\s+(?:is|was|are|were)\s+(?:the\s+)?(.{1,60}?)(?:’s|'s|s')\s+(?:\S+\s+)?name\W*$`)
	definedAs = regexp.MustCompile(`(?i)^(who|what) (is|was|are|were) (the |a |an )?[^ ]+( [^ ]+){0,3}\??$`)
	// standsFor asks what an abbreviation is short for: "What does AFC
	// stand for?", "What is the AFC short for?", which the sentence that
	// spells it out answers ("the American Football Conference (AFC)").
	standsFor = regexp.MustCompile(`(?i)^(what|which)\b.*(\b(stands?|stood|short) for\W*$|\b(acronym|abbreviation|initialism)\b)`)
	// abbreviationWords are the words of a standsFor question that the
	// answer need not hold.
	abbreviationWords = regexp.MustCompile(`(?i)\b((stands?|stood|short) for|acronym|abbreviation|initialism)\b`)
	// kindOf asks which of a kind something is: "What type of climate
	// does Jacksonville have?" is answered by "a humid subtropical
	// climate", and a sentence about "two types of civil disobedience"
	// answers no better for its "types".
	kindOf = regexp.MustCompile(`(?i)\b(what|which)\s+(?:types?|kinds?|sorts?)\s+of\b`)
	// howManyWord is the word of "how many", "how much", which asks for a
	// number and is no word of the answer.
	howManyWord = regexp.MustCompile(`(?i)\b(how)\s+(?:many|much)\b`)
	// howManyCount asks how many of something there are ("How many
	// rules…?"), and howAsked finds what it counts once howManyWord has
	// left its "how" alone.
	howManyCount = regexp.MustCompile(`(?i)\bhow\s+many\s+\pL`)
	howAsked     = regexp.MustCompile(`(?i)\bhow\s+`)
	// whoIsThe asks who holds a role: "Who was the head coach…?", "What
	// was the name of his father?".
	whoIsThe = regexp.MustCompile(`(?i)^(?:who\s+(?:is|was|were|are|became|becomes)|what\s+(?:is|was|were|are)\s+the\s+names?\s+of)\s+(?:the|a|an|his|her|its|their)\s+`)
	// whoseRole asks who holds a role of someone named: "Who was
	// Douglass's wife?", "Who is the widow's sister?".
	whoseRole = regexp.MustCompile(`(?i)^who\s+(?:is|was|were|are|became|becomes)\s+(?:the\s+)?(?:[\pL.-]+\s+){0,2}[\pL.-]+(?:'s|’s|s')\s+`)
	// dealWith is a chat's way of asking about something: "what's the
	// deal with war communism", "what is the story behind Kronstadt".
	dealWith = regexp.MustCompile(`(?i)\b(what(?:'s|’s|s| is| was)?)\s+the\s+(?:deal|story|thing)\s+(?:with|behind|about)\b`)
	// takePlace is "take place", "happen", whose place is no word of
	// the answer.
	takePlace = regexp.MustCompile(`(?i)\b(take|takes|took|taken|taking)\s+place\b`)
	// notDefined are the last words of "what is the X?" questions that ask
	// for a date, a number or a name rather than a definition.
	notDefined = regexp.MustCompile(`(?i)^\W*what (is|was|are|were) the (full |last |first )?names? of\b|\b(date|year|month|day|time|number|size|population|name|age|length|height|cost|price|amount|total|percentage|distance|capital|largest|biggest|smallest|first|last)\W*$|` + whatQuantity + `|` + whatReason)
	howToWords = regexp.MustCompile(`(?i)^how (do|can|should|would|to|does|did)\b|\bhow (do|can|should) (i|you|we|one)\b|\b(what|which) (command|commands|option|flag|setting|syntax|code)\b|\b(an )?example of\b`)
	howMany    = regexp.MustCompile(`(?i)\bhow (many|much|large|big|` + measureWords + `)\b|\bwhat age\b|\bwhat (number|percentage|proportion|share|amount|size)\b|` + whatQuantity)
)

// whatThe opens a question asking for what it names: "What was the
// final score…?", "What is the population of…?", "What was Douglass's
// age…?".
const whatThe = `\bwhat (is|was|were|are) (?:the|(?:\pL+ ){0,2}\pL+(?:'s|’s)) (\pL+ )?`

// whatReason asks for a reason by its name: "What was the reason for
// the war?", "What were the main causes of the famine?".
const whatReason = whatThe + `(reasons?|causes?)\b`

// whatQuantity asks for a quantity by its name: "What was the final
// score…?", "What is the population of…?", "What was the cost of…?".
const whatQuantity = whatThe + `(score|cost|price|population|rating|rate|temperature|distance|length|height|weight|age|speed|total|budget|salary)\b`

// questionForms tell what kind of answer a question wants, first match
// winning: "Who was Plekhanov?" is a definition before it is a person.
var questionForms = []struct {
	pattern *regexp.Regexp
	intent  intent
}{
	{namedAs, intentDefinition},
	{definedAs, intentDefinition},
	{standsFor, intentDefinition},
	{howMany, intentQuantity},
	{whenWords, intentTime},
	{whoWords, intentPerson},
	{whereWords, intentPlace},
	{whyWords, intentReason},
	{saidWords, intentQuotation},
}

// maxSpellings bounds how many unknown words of one question are looked up
// for close spellings.
const maxSpellings = 4

// analyser turns questions into concepts and an intent, against one
// text's lexicon.
type analyser struct {
	stem analysis.Analyzer
	lex  *lexicon
	// spell returns close spellings, in the text's vocabulary, of a stem
	// the text lacks; nil finds none.
	spell func(stem string) []string
}

// otherSpelling adds to a concept the text's stems of its word as the
// other side of the Atlantic spells it, as its own, and reports whether
// there are any.
func (a analyser) otherSpelling(c *concept) bool {
	ids := a.otherSpelt(c.word)
	for _, id := range ids {
		if !slices.ContainsFunc(c.alts, func(x alt) bool { return x.term == id }) {
			c.alts = append(c.alts, alt{term: id, how: altExact})
		}
	}
	return len(ids) > 0
}

// otherSpelt returns the terms of the text that spell a word as the
// other side of the Atlantic does (see otherSpellings).
func (a analyser) otherSpelt(word string) []uint32 {
	var out []uint32
	for _, v := range otherSpellings(word) {
		for _, t := range analyze(a.stem, string(v)) {
			if id, ok := a.lex.ids[t.term]; ok && a.lex.df[id] > 0 && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// ownQuestion is the question itself, without a clause set before it (see
// leadingClause).
func ownQuestion(text string) string {
	if m := leadingClause.FindStringSubmatch(text); m != nil && !questionWord.MatchString(m[1]) {
		return m[2]
	}
	return text
}

// intentOf is what kind of answer a question wants.
func intentOf(text string) intent {
	text = ownQuestion(text)
	for _, f := range questionForms {
		if f.pattern.MatchString(text) && !(f.pattern == definedAs && notDefined.MatchString(text)) {
			return f.intent
		}
	}
	return intentNone
}

// measure reads what a question of measure asks for into q (its units,
// whether a span of dates or a number is wanted) and returns the stem of
// its measure word ("old") with the nouns naming the measure ("age") as
// that word's alternatives; "" and nil for other questions.
func (a analyser) measure(q *question, text string) (string, []alt) {
	m := howMeasure.FindStringSubmatch(text)
	if m == nil {
		return "", nil
	}
	measure := strings.ToLower(m[1])
	if m[2] != "" {
		measure = "old" // "At what age…?" asks "How old…?"
	}
	units := measureUnits[measure]
	if howLongDid.MatchString(text) {
		units = durationUnits // "How long did Thoreau live at Walden?" asks no distance
	}
	q.units = a.terms(units)
	q.dateUnits = a.terms([]string{"year"})
	q.span = measure == "long"
	q.unitsNeedNumber = measure == "old"
	if stems := analyze(a.stem, measure); len(stems) == 1 {
		return stems[0].term, a.measureNouns(measure)
	}
	return "", nil
}

// question turns cleaned question text into concepts and an intent.
func (a analyser) question(text string) question {
	q := question{byTerm: map[uint32][]alt{}, rarest: -1, head: -1, narrator: -1, intent: intentOf(text), howTo: howToWords.MatchString(text), asked: reads(text)}
	measureStem, measured := a.measure(&q, text)
	q.money = q.intent == intentQuantity && howMuchMoney.MatchString(text)
	spellings := 0
	if q.intent == intentDefinition && standsFor.MatchString(text) {
		text = abbreviationWords.ReplaceAllString(text, " ") // "short" of "short for" is no word of the answer
	}
	text = kindOf.ReplaceAllString(text, "$1 of") // "What type of climate…?": the answer names the climate, not a type
	text = takePlace.ReplaceAllString(text, "$1") // "When did it take place?" asks for no place
	counting := howManyCount.MatchString(text)
	text = howManyWord.ReplaceAllString(text, "$1") // "so many beetles" answers no better for "How many beetles…?"
	text = dealWith.ReplaceAllString(text, "$1")    // "what's the deal with X" asks about X
	toks := searchTokens(a.stem, text, true)
	abbreviations := a.abbreviations(text)
	joined := a.compounds(text, toks)
	objLo, objHi := whoObject(text)
	if q.intent == intentDefinition {
		objLo, objHi = whoIsName(text)
	}
	for _, s := range uniqueTerms(toks, maxQueryTerms) {
		if s == "whose" {
			continue // the one question word the analyzer keeps: "Whose tutorial…?" asks for a name, not the word
		}
		c := concept{stem: s, framing: a.lex.framing(s), alts: slices.Clone(joined[s])}
		if s == measureStem {
			c.alts = append(c.alts, measured...)
		}
		for i, t := range toks {
			if t.term == s {
				kind := tokenKind(text, t, t.start == 0)
				c.word = strings.ToLower(text[t.start:t.end])
				c.capital = kind&tokCapital != 0
				c.proper = c.capital && i != 0
				c.number = kind&tokNumber != 0 && isDigits(text[t.start:t.end])
				c.pos = t.pos
				c.object = t.start >= objLo && t.end <= objHi
				// "Miss" of "What did Miss Anthony say…?" names no one:
				// the name after it does.
				c.framing = c.framing || c.capital && honorifics[s]
				c.framing = c.framing && a.frames(s, text[:t.start])
				break
			}
		}
		if a.alternatives(&c, &spellings) {
			for _, id := range abbreviations[s] {
				if !slices.ContainsFunc(c.alts, func(x alt) bool { return x.term == id }) {
					c.alts = append(c.alts, alt{term: id, how: altDerived})
				}
			}
			q.add(c)
		}
	}
	q.head = a.termHead(q, text)
	if m := howAsked.FindStringIndex(text); counting && m != nil {
		q.counted = phraseConcepts(q, toks, m[1])
	}
	if m := whoIsThe.FindStringIndex(text); m != nil {
		q.role = phraseConcepts(q, toks, m[1])
	} else if m := whoseRole.FindStringIndex(text); m != nil {
		q.role = phraseConcepts(q, toks, m[1])
	}
	q.narrator = slices.IndexFunc(q.concepts, func(c concept) bool { return a.lex.narrators[c.stem] })
	return q
}

// phraseConcepts are the concepts of the run of words from byte from,
// no stop word between them: the noun phrase a "How many" question
// counts, or the role a "Who was the …" question names.
func phraseConcepts(q question, toks []token, from int) []int {
	i := slices.IndexFunc(toks, func(t token) bool { return t.start >= from })
	if i < 0 {
		return nil
	}
	var out []int
	for j := i; j < len(toks) && (j == i || toks[j].pos == toks[j-1].pos+1); j++ {
		if c := slices.IndexFunc(q.concepts, func(c concept) bool { return c.stem == toks[j].term }); c >= 0 {
			out = append(out, c)
		}
	}
	return out
}

// termHead is the concept the term a definition question asks about ends
// in, before any "of": "timeout" of "What is the read timeout?", "range"
// of "What is the range of a light?", "money" of "What was the Yuan's
// paper money called?"; -1 for other questions.
func (a analyser) termHead(q question, text string) int {
	if q.intent != intentDefinition {
		return -1
	}
	text = ownQuestion(text)
	term := namedTerm(text)
	if m := definedAs.FindStringSubmatchIndex(text); term == "" && m != nil {
		term, _, _ = strings.Cut(strings.TrimRight(text[m[5]:], "?"), " of ")
	}
	words := strings.Fields(term)
	if len(words) == 0 {
		return -1
	}
	toks := analyze(a.stem, words[len(words)-1])
	if len(toks) != 1 {
		return -1
	}
	return slices.IndexFunc(q.concepts, func(c concept) bool { return c.stem == toks[0].term && !c.framing })
}

// namedTerm is the term whose name a question asks (see namedAs), or "";
// question is the question's own words (ownQuestion).
func namedTerm(question string) string {
	m := namedAs.FindStringSubmatch(question)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

// compounds finds the words of the text that two neighbouring words of
// the question make written as one ("Fourscore and seven years ago" for
// "four score"), by the stems of the two words: each of them counts as
// held by a sentence that writes the compound.
func (a analyser) compounds(text string, toks []token) map[string][]alt {
	out := map[string][]alt{}
	for i := 0; i+1 < len(toks); i++ {
		t, u := toks[i], toks[i+1]
		if u.pos != t.pos+1 || u.start-t.end != 1 || text[t.end] != ' ' {
			continue
		}
		joint := analyze(a.stem, text[t.start:t.end]+text[u.start:u.end])
		if len(joint) != 1 {
			continue
		}
		if id, ok := a.lex.ids[joint[0].term]; ok && a.lex.df[id] > 0 {
			out[t.term] = append(out[t.term], alt{term: id, how: altExact})
			out[u.term] = append(out[u.term], alt{term: id, how: altExact})
		}
	}
	return out
}

// frames reports whether a framing word, with the question's text
// before it, frames the question: a word naming the text only after a
// determiner ("the book", not "What are books…?"), an everyday word only
// without one ("the name Cadets", "a standing army" are what a question
// asks about).
func (a analyser) frames(stem, before string) bool {
	last := lastWord(before)
	switch {
	case a.lex.textNouns[stem]:
		return determiners[last] && last != "a" && last != "an"
	case a.lex.common[stem] && !a.lex.frame[stem]:
		return !determiners[last]
	}
	return true
}

// lastWord is the last word of text, in lower case: what stands before a
// question's word.
func lastWord(text string) string {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	return strings.ToLower(text[strings.LastIndexFunc(text, unicode.IsSpace)+1:])
}

// determiners point a word at one thing: "the book", "his book", "a
// book".
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "your": true, "my": true, "our": true}

// nameRun is a name of two or more capitalised words, with the small
// words names hold between them: "National Football League", "Bank of
// England".
var nameRun = regexp.MustCompile(`\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|for|on)\s+)*\p{Lu}[\p{L}'’-]*)+`)

// abbreviations are the abbreviations a text writes for the names a
// question spells out, by the stems of the names' words: "NFL" in the
// text stands for "National Football League" of the question. The text
// must write the initials in capitals.
func (a analyser) abbreviations(text string) map[string][]uint32 {
	out := map[string][]uint32{}
	for _, m := range nameRun.FindAllStringIndex(text, -1) {
		words := strings.Fields(text[m[0]:m[1]])
		if m[0] == 0 {
			words = words[1:] // the question's first word: "What British TV…"
		}
		for i := range words {
			for j := i + 2; j <= len(words); j++ {
				id, ok := a.abbreviation(words[i:j])
				if !ok {
					continue
				}
				for _, t := range analyze(a.stem, strings.Join(words[i:j], " ")) {
					if !slices.Contains(out[t.term], id) {
						out[t.term] = append(out[t.term], id)
					}
				}
			}
		}
	}
	return out
}

// minAbbreviation is the fewest letters of an abbreviation that stands
// for a name: two-letter ones ("DW", "SR") are too often something else.
const minAbbreviation = 3

// abbreviation is the lexicon id of the abbreviation of a name's
// initials, when the text writes it.
func (a analyser) abbreviation(name []string) (uint32, bool) {
	var initials strings.Builder
	for _, w := range name {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			initials.WriteRune(r)
		}
	}
	abbr := initials.String()
	first, _ := utf8.DecodeRuneInString(name[0])
	last, _ := utf8.DecodeRuneInString(name[len(name)-1])
	if utf8.RuneCountInString(abbr) < minAbbreviation || !unicode.IsUpper(first) || !unicode.IsUpper(last) {
		return 0, false
	}
	id, ok := a.lex.ids[strings.ToLower(abbr)]
	return id, ok && a.lex.surface[id] == abbr
}

// interrogative matches the words a question opens with, and the verbs
// of a request for an answer ("Describe the witches").
var interrogative = regexp.MustCompile(`^(?i:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|in what|in which|tell|explain|describe|define|name|list|give|summari[sz]e)\b`)

// reads reports whether text reads as a question: it ends with a question
// mark or opens with a question word or a request.
func reads(text string) bool {
	return strings.HasSuffix(text, "?") || interrogative.MatchString(text)
}

// whoAsks matches a question asking who did something to someone named
// right after the verb: "Who killed Duncan?", "Who told Lady Macbeth…".
// Its verb is no auxiliary: in "Who did Macbeth kill?" Macbeth acts.
var whoAsks = regexp.MustCompile(`^(?i:who|whom)\s+([a-z]+)\s+((?:[A-Z][\p{L}'’.-]*\s*)+)`)

// auxiliaries are the verbs after "who" that leave the name after them
// the subject: "Who did Macbeth kill?", "Who was Banquo?".
var auxiliaries = map[string]bool{"is": true, "was": true, "are": true, "were": true, "do": true, "does": true, "did": true, "has": true, "had": true, "have": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "shall": true, "may": true, "might": true, "must": true}

// whoIs matches a question asking who someone is: "Who is Banquo?", "Who
// was the Thane of Cawdor?".
var whoIs = regexp.MustCompile(`^(?i:who)\s+(?i:is|was|are|were)\s+((?:(?i:the)\s+)?(?:[\p{Lu}][\p{L}'’.-]*\s*)+(?:(?i:of|de|van|von)\s+(?:[\p{Lu}][\p{L}'’.-]*\s*)+)?)`)

// whoIsName is the byte range of the name a question asking who someone
// is names (whoIs): what the answer says about them, not what they say.
func whoIsName(text string) (lo, hi int) {
	m := whoIs.FindStringSubmatchIndex(text)
	if m == nil {
		return 0, 0
	}
	return m[2], m[3]
}

// whoObject is the byte range of the name a "who" question's verb acts
// on (whoAsks); empty when it names none.
func whoObject(text string) (lo, hi int) {
	m := whoAsks.FindStringSubmatchIndex(text)
	if m == nil || auxiliaries[strings.ToLower(text[m[2]:m[3]])] {
		return 0, 0
	}
	return m[4], m[5]
}

// measureWords are the words after "how" that ask for a measure, each
// with its units in measureUnits.
const measureWords = `old|long|far|high|tall|often|frequently|fast|deep|wide|thick|heavy|hot|cold`

// howMeasure matches a question of measure ("At what age…?" is "How
// old…?"), and measureUnits are the words its answer states the measure
// in: "41 years old", "at the age of 18", "25 minutes", "6 miles", "twice
// a year".
var (
	howMeasure   = regexp.MustCompile(`(?i)\bhow (` + measureWords + `)\b|\bwhat (age)\b`)
	howMuchMoney = regexp.MustCompile(`(?i)` + whatThe + `(cost|price|budget|salary)\b|\bhow much\b.*\b(cost|costs|pay|paid|pays|spend|spends|spent|raise|raised|earn|earned|earns|worth|price|priced|sell|sold|buy|bought|charge|charged|owe|owed|bid|offer|offered|money|funds?|funding|fees?|salary|wages?|invest|invested|donate|donated|cash|dollars|pounds|roubles|rubles|francs)\b`)
	lengthUnits  = strings.Fields("mile miles kilometre kilometres kilometer kilometers km feet foot metre metres meter meters yard yards league leagues inch inches")
	// durationUnits state how long something went on; a question asking
	// how long someone did something (howLongDid) asks for them alone.
	durationUnits = strings.Fields("year years month months week weeks day days hour hours minute minutes century centuries decade decades until")
	howLongDid    = regexp.MustCompile(`(?i)\bhow long (?:did|does|do|has|have|had|will|would|can|could|should|must)\b`)
	degrees       = strings.Fields("degree degrees")
	// frequencyUnits state how often: "twice a year", "every week".
	frequencyUnits = strings.Fields("every times once twice daily weekly monthly annually yearly")
	measureUnits   = map[string][]string{
		"old":        strings.Fields("age aged old year years"),
		"long":       append(slices.Clone(durationUnits), lengthUnits...),
		"far":        lengthUnits,
		"high":       append(slices.Clone(degrees), lengthUnits...),
		"tall":       lengthUnits,
		"often":      frequencyUnits,
		"frequently": frequencyUnits,
		"fast":       append(strings.Fields("hour mph knot knots speed"), lengthUnits...),
		"deep":       lengthUnits,
		"wide":       lengthUnits,
		"thick":      lengthUnits,
		"heavy":      strings.Fields("pound pounds lb lbs ton tons tonne tonnes kilogram kilograms kg gram grams ounce ounces stone hundredweight"),
		"hot":        degrees,
		"cold":       degrees,
	}
)

// measureNames are the nouns that name what a question of measure asks
// for: "How deep is Walden Pond?" is answered by "The greatest depth was
// exactly one hundred and two feet".
var measureNames = map[string][]string{
	"old":        {"age"},
	"far":        {"distance"},
	"high":       {"height", "altitude"},
	"tall":       {"height"},
	"often":      {"frequency"},
	"frequently": {"frequency"},
	"fast":       {"speed", "velocity"},
	"deep":       {"depth"},
	"wide":       {"width", "breadth"},
	"thick":      {"thickness"},
	"heavy":      {"weight"},
	"hot":        {"temperature"},
	"cold":       {"temperature"},
}

// measureNouns are the alternatives the nouns naming a measure give the
// word of a question asking for it.
func (a analyser) measureNouns(word string) []alt {
	var out []alt
	for id := range a.terms(measureNames[word]) {
		out = append(out, alt{term: id, how: altDerived})
	}
	slices.SortFunc(out, func(x, y alt) int { return cmp.Compare(x.term, y.term) })
	return out
}

// terms are the lexicon ids of words as the text's analysis stems them;
// words the text lacks have none.
func (a analyser) terms(words []string) map[uint32]bool {
	ids := map[uint32]bool{}
	for _, w := range words {
		for _, t := range analyze(a.stem, w) {
			if id, ok := a.lex.ids[t.term]; ok {
				ids[id] = true
			}
		}
	}
	return ids
}

// alternatives fills a concept's alternative stems and its weight, and
// reports whether the text holds any of them. Close spellings are looked
// up for at most maxSpellings words the text lacks.
func (a analyser) alternatives(c *concept, spellings *int) bool {
	lex, s := a.lex, c.stem
	add := func(term string, how altKind) {
		id, ok := lex.ids[term]
		if !ok {
			return
		}
		for _, x := range c.alts {
			if x.term == id {
				return
			}
		}
		c.alts = append(c.alts, alt{term: id, how: how})
	}
	df := lex.dfOf(s)
	forms := append(lex.derived(s), lex.prefixForms(s)...)
	alternated := lex.alternated(s)
	held := append(slices.DeleteFunc(slices.Clone(forms), func(f string) bool { return len(f) <= len(s) }), alternated...)
	forms = append(forms, alternated...)
	switch {
	case df > 0:
		add(s, altExact)
		for _, d := range forms {
			add(d, altDerived)
		}
	case lex.titleDFOf(s) > 0:
		// A word of a section title only ("epigraph"): it counts through
		// the title feature.
		add(s, altExact)
		c.weight = lex.idf(1)
	case strings.Contains(s, "-"):
		return false // an identifier the text lacks: no close spellings
	case c.framing:
		// "many" the text lacks is no misspelling of "Manning".
	case len(held) > 0:
		// "slave" where the text writes only "slavery" is no
		// misspelling either: it is held in a longer form, as
		// "prescribe" is in "prescription".
		for _, d := range held {
			add(d, altDerived)
		}
	case lex.knownForm(s):
		// Nor is "five" where the text writes "5".
	case a.otherSpelling(c):
		// Nor is "behavior" where the text writes "behaviour".
	default:
		c.misspelt = true
		if *spellings++; *spellings <= maxSpellings && a.spell != nil {
			for _, x := range a.spell(s) {
				add(x, altSpelling)
			}
		}
	}
	for _, f := range lex.irregular[s] {
		add(f, altIrregular)
	}
	for _, f := range lex.numerals[s] {
		add(f, altExact) // "five" is "5" as written another way
	}
	for _, syn := range lex.equivalents[s] {
		add(syn, altSynonym)
	}
	if !c.framing {
		for _, rel := range wordnetRelated(s) {
			if lex.dfOf(rel) > 0 {
				add(rel, altWordNet)
			}
		}
	}
	return c.weight > 0 || a.weigh(c, df)
}

// weigh gives a concept the weight of its own stem or its most frequent
// alternative, held by df and by the alternatives' sentences, and reports
// whether the text holds any.
func (a analyser) weigh(c *concept, df int) bool {
	best := df
	for _, x := range c.alts {
		best = max(best, int(a.lex.df[x.term]))
	}
	if best == 0 && a.lex.narrators[c.stem] {
		best = max(1, a.lex.n/narratedShare) // the text calls its narrator "I"
	}
	if best == 0 {
		return false
	}
	c.weight = a.lex.idf(best)
	return true
}

// narratedShare is one over the share of a story's sentences taken to
// hold its narrator, where the question names the narrator and the text
// does not: the weight of "narrator" is that of a word one sentence in
// ten holds. (A count of the sentences told in the first person would
// read every sentence as the index opens; 3, 10 and 30 answer alike.)
const narratedShare = 10

// add appends a concept to the question, indexing its alternatives.
func (q *question) add(c concept) {
	i := len(q.concepts)
	for k := range c.alts {
		c.alts[k].concept = i
		q.byTerm[c.alts[k].term] = append(q.byTerm[c.alts[k].term], c.alts[k])
	}
	q.concepts = append(q.concepts, c)
	if c.framing {
		q.framing += c.weight
		return
	}
	q.content += c.weight
	if q.rarest < 0 || c.weight > q.concepts[q.rarest].weight {
		q.rarest = i
	}
}

// misspelt reports whether a concept stands for a word the text lacks.
func (q question) misspelt() bool {
	for _, c := range q.concepts {
		if c.misspelt && len(c.alts) > 0 {
			return true
		}
	}
	return false
}

// searchable reports whether the question has anything to look for.
func (q question) searchable() bool { return len(q.concepts) > 0 }

// highlights are the stems a quote highlights, in order, and the concept
// of the question each stands for: "life" stands for "live" where
// WordNet relates them.
type highlights struct {
	stems   []string
	concept map[string]int
}

// stems returns every stem that counts for the question, for highlighting.
func (q question) stems(lex *lexicon) highlights {
	h := highlights{concept: map[string]int{}}
	add := func(stem string, c int) {
		if _, ok := h.concept[stem]; !ok {
			h.concept[stem] = c
			h.stems = append(h.stems, stem)
		}
	}
	for i, c := range q.concepts {
		add(c.stem, i)
		for _, a := range c.alts {
			add(lex.terms[a.term], i)
		}
	}
	sort.Strings(h.stems)
	return h
}
