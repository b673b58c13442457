package retrieval

import (
	"regexp"
	"sort"
	"strings"
)

// question is an analysed question.
type question struct {
	text     string
	concepts []concept
	total    float64 // sum of the concepts' weights
	intent   intent
}

// misspelt reports whether a concept stands for a word the text lacks.
func (q question) misspelt() bool {
	for _, c := range q.concepts {
		if c.misspelt {
			return true
		}
	}
	return false
}

// stems returns every stem that counts for the question, for highlighting.
func (q question) stems() []string {
	var out []string
	for _, c := range q.concepts {
		for s := range c.alts {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

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
	whoWords   = regexp.MustCompile(`(?i)^(who|whom|whose)\b|\bwho (was|were|is|led|said|wrote)\b`)
	whenWords  = regexp.MustCompile(`(?i)^when\b|\b(what|which) (year|date|month|day)\b|\bwhen (did|was|were)\b`)
	whereWords = regexp.MustCompile(`(?i)^where\b|\bwhere (did|was|were)\b`)
	whyWords   = regexp.MustCompile(`(?i)^why\b|\bwhy (did|do|does|was|were|is|are|would)\b|\b(what|which) (reason|cause|caused|led)\b`)
	saidWords  = regexp.MustCompile(`(?i)\bwhat did .{1,40}\b(say|said|write|wrote|call|declare|tell|reply|answer|shout|cry)\b|\bhow did .{1,40}\b(put it|describe|call)\b|\bwho said\b|\bin whose words\b`)
	definedAs  = regexp.MustCompile(`(?i)^(who|what) (is|was|are|were) (the |a |an )?[^ ]+( [^ ]+){0,3}\??$`)
	howMany    = regexp.MustCompile(`(?i)\bhow (many|much|large|big|long)\b|\bwhat (number|percentage|proportion|share)\b`)
)

func (ix *Index) parseQuestion(text string) question {
	q := question{text: text, concepts: ix.concepts(text)}
	for _, c := range q.concepts {
		q.total += c.weight
	}
	for _, f := range questionForms {
		if f.pattern.MatchString(text) {
			q.intent = f.intent
			break
		}
	}
	return q
}

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

var (
	timeWords     = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})s?\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|century|centuries)\b|\b\d{1,2}(st|nd|rd|th)\b`)
	quantityWords = regexp.MustCompile(`(?i)\b(\d{1,3}|\d{5,}|[02-9]\d{3})([,.]\d+)*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|half|third|quarter|percent|majority|minority)\b`)
	nameWords     = regexp.MustCompile(`\s[A-Z][\p{Ll}]+`)
	placeWords    = regexp.MustCompile(`\b(in|at|to|from|near|into|beside|outside|inside|across|along|toward|towards|on)\s+(the\s+)?([a-z]+\s+)?[A-Z][\p{Ll}]+`)
	reasonWords   = regexp.MustCompile(`(?i)\b(because|since|so that|in order to|due to|owing to|for fear|as a result|reason|caused|thanks to|therefore|thus|hence)\b`)
)

// intentPatterns recognise the kind of answer each intent asks for: a
// date, a number, a name, a place, a reason or a quotation.
var intentPatterns = map[intent]*regexp.Regexp{
	intentTime:      timeWords,
	intentQuantity:  quantityWords,
	intentPerson:    nameWords,
	intentPlace:     placeWords,
	intentReason:    reasonWords,
	intentQuotation: quotationMarks,
}

var (
	quotationMarks = regexp.MustCompile(`[“”"]`)
	// definitionAfter follows the defined word: "X, one of the pioneers",
	// "X was a group", "X (the Central Committee)".
	// definitionBefore precedes it: "this period, dubbed “War Communism”".
	definitionBefore = regexp.MustCompile(`\b(?i:dubbed|called|known as|named|termed|so-called)\s*[“"‘']?(\p{Lu}[\p{L}'’-]*\s+){0,2}$`)
	definitionAfter  = regexp.MustCompile(`^[’'s]*[._]*\s*(,|--|—|\(|\s+(is|was|are|were))\s*(a|an|the|one|so-called|also)\b`)
)

// answersIntent is 1 when a sentence holds the kind of answer the question
// asks for.
func (ix *Index) answersIntent(q question, doc, s int, st *sentenceTerms) float64 {
	if q.intent != intentDefinition {
		return float64(st.intents >> q.intent & 1)
	}
	// The question's rarest concept, followed by a definition.
	rarest := q.concepts[0]
	for _, c := range q.concepts[1:] {
		if c.weight > rarest.weight {
			rarest = c
		}
	}
	text := ix.corpus.Documents[doc].Sentences[s].Text
	for _, t := range st.tokens {
		if _, ok := rarest.alts[t.term]; !ok {
			continue
		}
		before, after := text[:t.start], text[t.end:]
		if definitionAfter.MatchString(after) || definitionBefore.MatchString(before) ||
			(strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")")) { // "Socialist Revolutionary Party (SRs)"
			return ix.tune.definitionBoost
		}
	}
	return 0
}
