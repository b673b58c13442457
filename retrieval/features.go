package retrieval

import (
	"math"
)

// A feature is one thing the ranker knows of a candidate sentence for a
// question, read from the evidence gathered for it. The score of a
// sentence is computed from its features by the model (learned_weights.go).
type feature struct {
	name  string
	value func(e *evidence) float64
	// pooled features are divided by their best value among a question's
	// candidates.
	pooled bool
}

// features are every feature, in the order of a featureVector. A new
// feature is a row here and a weight the next learning gives it
// (TestEveryFeatureHasAWeight fails until it has one).
var features = [...]feature{
	{name: "covExact", value: func(e *evidence) float64 { return e.share(e.exact) }},
	{name: "covLoose", value: func(e *evidence) float64 { return e.share(e.loose) }},
	{name: "covFraming", value: (*evidence).framingShare},
	{name: "covContext", value: func(e *evidence) float64 { return e.neighbours }},
	{name: "bm25", value: func(e *evidence) float64 { return e.bm25 }, pooled: true},
	{name: "passage", value: func(e *evidence) float64 { return e.passage }},
	{name: "proximity", value: func(e *evidence) float64 { return e.proximity }},
	{name: "title", value: func(e *evidence) float64 { return e.title }},
	{name: "subject", value: func(e *evidence) float64 { return bit(e.subject) }},
	{name: "definition", value: func(e *evidence) float64 { return bit(e.defined && e.q.intent == intentDefinition) }},
	{name: "person", value: func(e *evidence) float64 { return e.asks(intentPerson, e.persons > 0) }},
	{name: "time", value: func(e *evidence) float64 { return e.asks(intentTime, e.dates > 0) }},
	{name: "place", value: func(e *evidence) float64 { return e.asks(intentPlace, e.places > 0) }},
	{name: "quantity", value: func(e *evidence) float64 { return e.asks(intentQuantity, e.givesMeasure()) }},
	{name: "reason", value: func(e *evidence) float64 { return e.asks(intentReason, e.flags&sentReason != 0) }},
	{name: "quotation", value: func(e *evidence) float64 { return e.asks(intentQuotation, e.flags&sentQuotation != 0) }},
	{name: "length", value: func(e *evidence) float64 { return math.Log1p(e.words) }},
	{name: "long", value: func(e *evidence) float64 { return min(1, max(0, e.words-longSentence)/longSentence) }},
	{name: "questionTurn", value: func(e *evidence) float64 { return bit(e.flags&sentQuestion != 0) }},
	{name: "first", value: func(e *evidence) float64 { return bit(e.flags&sentFirst != 0) }},
	{name: "novelty", value: (*evidence).novelty},
	{name: "covMorph", value: func(e *evidence) float64 { return e.share(e.morph) }},
	{name: "bigram", value: func(e *evidence) float64 { return e.bigram }},
	{name: "proper", value: func(e *evidence) float64 { return ratio(e.proper, e.properN) }},
	{name: "number", value: func(e *evidence) float64 { return ratio(e.number, e.numberN) }},
	{name: "rarest", value: func(e *evidence) float64 { return bit(e.rarest) }},
	{name: "unmatched", value: func(e *evidence) float64 { return float64(e.unmatched) }},
	{name: "covWordNet", value: func(e *evidence) float64 { return e.share(e.related) }},
	{name: "paragraph", value: func(e *evidence) float64 { return e.paragraph }},
	{name: "speaker", value: func(e *evidence) float64 { return e.speaker }},
	{name: "countNamed", value: func(e *evidence) float64 { return bit(e.countNamed) }},
	{name: "roleNamed", value: func(e *evidence) float64 { return bit(e.roleNamed) }},
	{name: "agentNamed", value: func(e *evidence) float64 { return bit(e.agentNamed) }},
}

// numFeatures is the length of a featureVector.
const numFeatures = len(features)

type featureVector [numFeatures]float64

// longSentence is the length in words past which a sentence counts as
// long, in units of itself, up to twice it: past that a sentence is no
// worse a quote for its length, since a quote shows the clauses that hold
// the question's words. Novels, trial records and old prose write
// sentences of a hundred words that answer ("I hoped they was going to
// say he could have … meat and greens with his bread and water"); without
// the cap their length outweighed every word they share with the
// question. Capped at 0.5, 1 and 2 lengths, 1 answered the most on the
// training sets and SQuAD's training articles.
const longSentence = 30

// subjectWindow is how near the start of a sentence the question's rarest
// word must stand to be its subject.
const subjectWindow = 3

// evidence is what a candidate sentence holds of a question, gathered
// once from the sentence table; features are read from it.
type evidence struct {
	q       *question
	words   float64 // the sentence's words
	passage float64 // the score of the best passage holding it, over the best
	flags   uint16  // sent* bits

	// Weights of the question's content concepts the sentence holds:
	// by their own stems, with derived and irregular forms, loosely (also
	// synonyms and close spellings), through WordNet; and of its framing
	// words.
	exact, morph, loose, related, content, framing  float64
	bm25                                            float64
	proper, properN, number, numberN, unmatched     int
	rarest, subject, defined, countNamed, roleNamed bool
	agentNamed                                      bool
	proximity, bigram                               float64
	neighbours, paragraph, title                    float64
	// speaker is the share of the question's content that names who
	// speaks the sentence.
	speaker float64

	// Words the question lacks: names, numbers, dates, names of places,
	// names of anything else (people's, most often), all of them.
	names, numbers, dates, places, persons, novel int
	// units counts the words of the measure the question asks for.
	units int
	// numberedUnits counts those of them a number stands beside ("41
	// years old", "the age of 18").
	numberedUnits int
	tokens        int
}

// share is w as a share of the question's content weight.
func (e *evidence) share(w float64) float64 {
	if e.content == 0 {
		return 0
	}
	return w / e.content
}

// framingShare is the share of the framing words' weight the sentence
// holds, when the question has content words besides.
func (e *evidence) framingShare() float64 {
	if e.q.framing == 0 || e.q.content == 0 {
		return 0
	}
	return e.framing / e.q.framing
}

// asks is 1 when the question asks for i and the sentence has it.
func (e *evidence) asks(i intent, has bool) float64 { return bit(e.q.intent == i && has) }

// statesMeasure reports whether the sentence states the measure a
// question of measure asks for: in its units, or for a length of time as
// a span of dates. Any sentence does for other questions.
func (e *evidence) statesMeasure() bool {
	return e.q.units == nil || e.units > 0 || e.q.span && e.dates >= 2
}

// givesMeasure reports whether the sentence gives the quantity a
// question of quantity asks for: a number, in the measure's units where
// it asks for one, or a unit alone ("for a month", "a mile off"); a sum
// for a question of money.
func (e *evidence) givesMeasure() bool {
	if e.q.money {
		return e.flags&sentMoney != 0
	}
	if e.q.unitsNeedNumber {
		return e.numberedUnits > 0
	}
	return e.numbers > 0 && e.statesMeasure() || e.q.units != nil && e.units > 0
}

// novelty is the share of the sentence's words that the question lacks.
func (e *evidence) novelty() float64 {
	if e.tokens == 0 {
		return 0
	}
	return float64(e.novel) / float64(e.tokens)
}

// matched reports whether the sentence holds anything of the question:
// a word, a framing word, or a word of its section's title.
func (e *evidence) matched() bool { return e.loose+e.framing+e.title > 0 }

func bit(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// vector reads every feature of the evidence.
func (e *evidence) vector(f *featureVector) {
	for i := range features {
		f[i] = features[i].value(e)
	}
}
