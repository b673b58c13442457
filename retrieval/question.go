package retrieval

import (
	"regexp"
	"sort"
)

// question is an analysed question: pure data, computed from its text,
// the lexicon and, for words the text lacks, close spellings from the
// index's dictionary.
type question struct {
	concepts []concept
	intent   intent
	// byTerm maps a term id to the concepts it counts for.
	byTerm map[uint32][]alt
	// content is the total weight of the concepts that name what the
	// question is about; framing is that of frame and everyday words.
	content, framing float64
	rarest           int // the concept with the highest weight, or -1
}

// A concept is one word of a question with the stems that count as it.
type concept struct {
	stem     string
	weight   float64 // inverse document frequency over sentences
	misspelt bool    // the text lacks the word; alts are close spellings
	framing  bool    // a frame or everyday word ("happen", "see")
	proper   bool    // written with a capital inside the question: a name
	number   bool    // a number or year
	pos      int     // word position in the question
	alts     []alt
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
	intentCount
)

var (
	whoWords   = regexp.MustCompile(`(?i)^(who|whom|whose)\b|\bwho (was|were|is|led|said|wrote)\b|\b(which|what) (person|man|woman|king|team|company|group|party|people|country|city|general|leader|president)\b`)
	whenWords  = regexp.MustCompile(`(?i)^when\b|\b(what|which) (year|date|month|day|century|decade|time|period|era)\b|\bwhen (did|was|were|is|does)\b|\bhow long ago\b|\b(date|year|month|century)\b\W*$|\bin (what|which) year\b`)
	whereWords = regexp.MustCompile(`(?i)^where\b|\bwhere (did|was|were|is|does)\b|\b(what|which) (place|town|region|state|location|continent|river|island)\b`)
	whyWords   = regexp.MustCompile(`(?i)^why\b|\bwhy (did|do|does|was|were|is|are|would)\b|\b(what|which) (reason|cause|caused|led)\b`)
	saidWords  = regexp.MustCompile(`(?i)\bwhat did .{1,40}\b(say|said|write|wrote|call|declare|tell|reply|answer|shout|cry)\b|\bhow did .{1,40}\b(put it|describe|call)\b|\bwho said\b|\bin whose words\b`)
	definedAs  = regexp.MustCompile(`(?i)^(who|what) (is|was|are|were) (the |a |an )?[^ ]+( [^ ]+){0,3}\??$`)
	// notDefined are the last words of "what is the X?" questions that ask
	// for a date, a number or a name rather than a definition.
	notDefined = regexp.MustCompile(`(?i)\b(date|year|month|day|time|number|size|population|name|age|length|height|cost|price|amount|total|percentage|distance|capital|largest|biggest|smallest|first|last)\W*$`)
	howMany    = regexp.MustCompile(`(?i)\bhow (many|much|large|big|long|old|far|high|tall|often)\b|\bwhat (number|percentage|proportion|share|amount|size)\b`)
)

// questionForms tell what kind of answer a question wants, first match
// winning: "Who was Plekhanov?" is a definition before it is a person.
var questionForms = []struct {
	pattern *regexp.Regexp
	intent  intent
}{
	{definedAs, intentDefinition},
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

// analyseQuestion turns cleaned question text into concepts and an intent.
func analyseQuestion(ix *Index, text string) question {
	lex := ix.lex
	q := question{byTerm: map[uint32][]alt{}, rarest: -1}
	for _, f := range questionForms {
		if f.pattern.MatchString(text) && !(f.intent == intentDefinition && notDefined.MatchString(text)) {
			q.intent = f.intent
			break
		}
	}
	spellings := 0
	toks := analyze(ix.stem, text)
	for _, s := range uniqueTerms(toks, maxQueryTerms) {
		c := concept{stem: s, framing: lex.frame[s] || lex.common[s]}
		for i, t := range toks {
			if t.term == s {
				kind := tokenKind(text, t, i == 0 || t.start == 0)
				c.proper = kind&tokCapital != 0
				c.number = kind&tokNumber != 0 && isDigits(text[t.start:t.end])
				c.pos = t.pos
				break
			}
		}
		var alts []alt
		addAlt := func(term string, how altKind) {
			id, ok := lex.ids[term]
			if !ok {
				return
			}
			for _, a := range alts {
				if a.term == id {
					return
				}
			}
			alts = append(alts, alt{term: id, how: how})
		}
		df := lex.dfOf(s)
		switch {
		case df > 0:
			addAlt(s, altExact)
			for _, d := range lex.derived(s) {
				addAlt(d, altDerived)
			}
			for _, d := range lex.prefixForms(s) {
				addAlt(d, altDerived)
			}
		case lex.titleDFOf(s) > 0:
			// A word of a section title only ("epigraph"): it counts
			// through the title feature.
			addAlt(s, altExact)
			c.weight = lex.idf(1)
		default:
			c.misspelt = true
			if spellings++; spellings <= maxSpellings {
				for _, a := range ix.spell(s) {
					addAlt(a, altSpelling)
				}
			}
		}
		for _, f := range lex.irregular[s] {
			addAlt(f, altIrregular)
		}
		for _, syn := range lex.equivalents[s] {
			addAlt(syn, altSynonym)
		}
		if !c.framing {
			for _, rel := range wordnetRelated(s) {
				if lex.dfOf(rel) > 0 {
					addAlt(rel, altWordNet)
				}
			}
		}
		if c.weight == 0 {
			best := df
			for _, a := range alts {
				best = max(best, int(lex.df[a.term]))
			}
			if best == 0 {
				continue
			}
			c.weight = lex.idf(best)
		}
		i := len(q.concepts)
		for k := range alts {
			alts[k].concept = i
			q.byTerm[alts[k].term] = append(q.byTerm[alts[k].term], alts[k])
		}
		c.alts = alts
		q.concepts = append(q.concepts, c)
		if c.framing {
			q.framing += c.weight
		} else {
			q.content += c.weight
			if q.rarest < 0 || c.weight > q.concepts[q.rarest].weight {
				q.rarest = i
			}
		}
	}
	return q
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

// stems returns every stem that counts for the question, for highlighting.
func (q question) stems(lex *lexicon) []string {
	var out []string
	for _, c := range q.concepts {
		out = append(out, c.stem)
		for _, a := range c.alts {
			out = append(out, lex.terms[a.term])
		}
	}
	sort.Strings(out)
	return out
}
