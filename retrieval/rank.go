package retrieval

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/lectern-bot/lectern/corpus"
)

// ranker scores the candidate sentences for a question and makes quotes
// of the best: from the corpus and its analysed sentences alone, so that
// ranking is tested without a search index.
type ranker struct {
	corpus *corpus.Corpus
	table  *sentenceTable
	lex    *lexicon
	stem   analysis.Analyzer // finds the words to highlight in quotes
	model  model
	links  SourceLinks // where a documentation site publishes the text
	// speakers are the stems of the speakers' names (speakerStems).
	speakers map[string][]string
	// authors are the stems of each document's authors' names
	// (authorStems), and authorsLater counts the sentences past each
	// document's front that hold each.
	authors      [][]string
	authorsLater []map[string]int
}

// candidate is a sentence being considered as a quote.
type candidate struct {
	doc, sent int
	passage   float64     // Bleve's score of the best passage holding it, over the best
	x         inputVector // its features, then the question's inputs
	matched   bool        // it holds something of the question
	kin       bool        // it holds a word WordNet relates to one of the question's
	informs   bool        // it holds a word the question lacks
	score     float64
}

// Weights are a linear model of the features, by name, and how a quote
// is extended to a neighbouring sentence.
type Weights struct {
	Features map[string]float64
	// Extend quotes a neighbour too when its score is at most this much
	// below the chosen sentence's (and the two fit in MaxQuoteRunes).
	Extend float64
}

// linear is Weights in the order of the features.
type linear struct {
	w      featureVector
	extend float64
}

// compile puts the weights in the order of the features. Every feature
// needs a weight, and every weight a feature.
func (w Weights) compile() (linear, error) {
	l := linear{extend: w.Extend}
	for i, f := range features {
		v, ok := w.Features[f.name]
		if !ok {
			return l, fmt.Errorf("retrieval: no weight for the feature %q; learn the weights again", f.name)
		}
		l.w[i] = v
	}
	if len(w.Features) != numFeatures {
		return l, fmt.Errorf("retrieval: %d weights for %d features", len(w.Features), numFeatures)
	}
	return l, nil
}

func (l *linear) score(f *featureVector) float64 {
	s := 0.0
	for i, v := range f {
		s += l.w[i] * v
	}
	return s
}

// model scores a candidate: the linear model's sum of weights, corrected
// by the forest's trees.
type model struct {
	linear
	forest forest
}

// newModel compiles a linear model and a forest.
func newModel(w Weights, f Forest) (model, error) {
	l, err := w.compile()
	if err != nil {
		return model{}, err
	}
	fo, err := f.compile()
	if err != nil {
		return model{}, err
	}
	return model{linear: l, forest: fo}, nil
}

func (m *model) score(x *inputVector) float64 {
	return m.linear.score(x.features()) + m.forest.score(x)
}

// features is the features part of x.
func (x *inputVector) features() *featureVector { return (*featureVector)(x[:numFeatures]) }

// scoreAll computes every candidate's features and score, and sorts the
// candidates best first.
func (r *ranker) scoreAll(q *question, cands []candidate) {
	m := newScratch(q)
	var best featureVector
	for i := range cands {
		c := &cands[i]
		e := r.gather(q, m, c.doc, c.sent, c.passage)
		e.vector(c.x.features())
		c.matched = e.matched()
		c.kin = e.related > 0
		c.informs = e.novel > 0
		for j := range features {
			best[j] = max(best[j], c.x[j])
		}
	}
	for i := range cands {
		c := &cands[i]
		for j, f := range features {
			if f.pooled && best[j] > 0 {
				c.x[j] /= best[j]
			}
		}
		questionVector(q, r.lex, &c.x)
		c.score = r.model.score(&c.x)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.sent < b.sent
	})
}

// choose turns the k best candidates into results, each quoting its
// sentence and, where a neighbour of its paragraph scores nearly as well,
// that neighbour too.
func (r *ranker) choose(q *question, cands []candidate, k int) []Result {
	scoreOf := map[[2]int]float64{}
	for _, c := range cands {
		scoreOf[[2]int{c.doc, c.sent}] = c.score
	}
	used := map[[2]int]bool{}
	stems := q.stems(r.lex)
	var out []Result
	// A sentence that holds nothing the question lacks ("Levi's Stadium"
	// for "When did Levi's Stadium open?") cannot answer a question: it
	// comes after those that can.
	var repeats, kin []candidate
	for _, c := range cands {
		if len(out) == k {
			break
		}
		if !c.matched && c.kin {
			kin = append(kin, c)
		}
		if used[[2]int{c.doc, c.sent}] || !c.matched {
			continue
		}
		d := r.corpus.Documents[c.doc]
		s := d.Sentence(c.sent)
		if s.Code && !codeAlone(d, s.Section) {
			continue // an answer is prose; code comes with it (followingCode)
		}
		if !c.informs && q.intent != intentNone {
			repeats = append(repeats, c)
			continue
		}
		if a, ok := answerTo(d, c.sent, s); ok && !used[[2]int{c.doc, a}] {
			c.sent = a // the reader asks what the interviewer asked: the answer answers
		}
		out = append(out, r.chosen(q, c, r.extend(c, scoreOf, used, q.asked), stems, used, len(out)+1))
	}
	for _, c := range repeats {
		if len(out) < k && !used[[2]int{c.doc, c.sent}] {
			out = append(out, r.chosen(q, c, []int{c.sent}, stems, used, len(out)+1))
		}
	}
	if len(out) > 0 {
		return out
	}
	// Where no sentence holds a word of the question, those holding a
	// word of the same meaning answer it ("marriage" for "Where was the
	// wedding?" of the King James Bible) rather than none.
	for _, c := range kin {
		if len(out) < k && !used[[2]int{c.doc, c.sent}] {
			out = append(out, r.chosen(q, c, r.extend(c, scoreOf, used, q.asked), stems, used, len(out)+1))
		}
	}
	return out
}

// codeAlone reports whether section sec of d holds code and no prose, as
// a README's "Installation" holds "go get …" alone: its code is the
// answer.
func codeAlone(d *corpus.Document, sec int) bool {
	s := d.Sections[sec]
	for i := s.FirstSentence; i < s.EndSentence; i++ {
		if !d.Sentence(i).Code {
			return false
		}
	}
	return true
}

// answerTo is the first sentence of the answer to an interviewer's
// question, sentence i (s) of d. What the interviewer says besides
// ("Suzi, you're the author of a biography of Victor Serge") is quoted as
// it stands.
func answerTo(d *corpus.Document, i int, s corpus.Sentence) (int, bool) {
	if !s.Question || !asks(s.Text) {
		return 0, false
	}
	for a := i + 1; a < d.SentenceCount(); a++ {
		switch n := d.Sentence(a); {
		case n.Section != s.Section:
			return 0, false
		case !n.Question:
			return a, true
		}
	}
	return 0, false
}

// chosen is the result of rank that quotes sentences sents of candidate
// c. It marks used the chosen sentence and the others it shows whole: a
// neighbour shown in part may still be quoted whole further down.
func (r *ranker) chosen(q *question, c candidate, sents []int, stems highlights, used map[[2]int]bool, rank int) Result {
	res := r.resultAt(c.doc, sents, stems, c.score, quoteWindow(r.corpus.Documents[c.doc], sents, c.sent))
	used[[2]int{c.doc, c.sent}] = true
	for _, s := range res.whole {
		used[[2]int{c.doc, s}] = true
	}
	if q.howTo {
		res.Code = followingCode(r.corpus.Documents[c.doc], sents)
	}
	res.Rank = rank
	return res
}

// quoteWindow is the part shown of a quote of sentences sents, chosen
// for sentence chosen, that is too long to show whole: its end where it
// answers a question the text asks (the question's end and the answer),
// else the chosen sentence whole and as much of its neighbour beside it
// as there is room for.
func quoteWindow(d *corpus.Document, sents []int, chosen int) window {
	if len(sents) < 2 {
		return window{focus: defaultFocus}
	}
	text := d.Sentence(chosen).Text // built on each call in a cached document: once here
	switch {
	case sents[len(sents)-2] == chosen && leadsOn(text) && !quotedLast(text):
		return window{focus: 1, anchored: true}
	case chosen == sents[0]:
		return window{focus: 0, anchored: true}
	case chosen == sents[len(sents)-1]:
		return window{focus: 1, anchored: true}
	}
	return window{focus: defaultFocus}
}

// extend returns the sentences to quote for a chosen sentence: it alone,
// or with the neighbour in its paragraph that scores within the Extend
// margin of it, that completes a very short sentence, that holds the
// cause of the result it states (leansBack), or, for a question
// asked, of two short enough to be read as one (pairedQuoteRunes), the
// better, and for a sentence that leads on (leadsOn), what follows it
// rather than what comes before. A neighbour that does not fit in a
// quote with the chosen sentence is taken only where none that fits is,
// and shown in part (quoteWindow).
func (r *ranker) extend(c candidate, scoreOf map[[2]int]float64, used map[[2]int]bool, asked bool) []int {
	d := r.corpus.Documents[c.doc]
	text := d.Sentence(c.sent).Text // built from the cache's records on each call: once here
	best, bestScore, bestFits := -1, math.Inf(-1), false
	fitsAlone := shortRun(d, c.sent, c.sent)
	for _, n := range []int{c.sent - 1, c.sent + 1} {
		if n < 0 || n >= d.SentenceCount() || used[[2]int{c.doc, n}] || !together(d, min(c.sent, n), max(c.sent, n), false) {
			continue
		}
		// A neighbour that does not fit whole is shown in part beside the
		// chosen sentence (quoteWindow), where one that fits does not qualify.
		fits := shortRun(d, min(c.sent, n), max(c.sent, n))
		if !fits && !fitsAlone || bestFits && !fits {
			continue
		}
		if n < c.sent && leadsOn(text) {
			continue // what it leads on to comes after it, and needs the room
		}
		sc, ok := scoreOf[[2]int{c.doc, n}]
		if !ok {
			sc = math.Inf(-1)
		}
		needed := n == c.sent+1 && (r.table.words[r.table.global(c.doc, c.sent)] < shortSentence || asks(text)) || n == c.sent-1 && leansBack(text)
		if needed {
			sc = math.Max(sc, c.score)
		}
		paired := asked && utf8.RuneCountInString(text)+utf8.RuneCountInString(d.Sentence(n).Text) <= pairedQuoteRunes
		if (sc > bestScore || fits && !bestFits) && (needed || paired || sc >= c.score-r.model.extend) {
			best, bestScore, bestFits = n, sc, fits
		}
	}
	var sents []int
	switch {
	case best < 0:
		sents = []int{c.sent}
	case best < c.sent:
		sents = []int{best, c.sent}
	default:
		sents = []int{c.sent, best}
	}
	// A question the text asks goes on to its answer ("Why does Spencer
	// call out so much reverence…? … Simply because…"), and a sentence
	// ending in a colon to what it introduces ("The madrina (or
	// godmother) is a most important personage:" / "She is an old steady
	// mare…").
	// Where the chosen sentence asks and the two do not fit whole, the
	// answer is quoted with the end of the question (quoteWindow): a long
	// verse sentence asking "Know'st thou not there is but one theme for
	// ever-enduring bards?" before "And that is the theme of War…". Not
	// where the question goes on in more questions, nor where it is
	// someone's, quoted (`Thesis 86 asks, "Why does the pope…?"`).
	for last := sents[len(sents)-1]; leadsOn(d.Sentence(last).Text) && last+1 < d.SentenceCount() && !used[[2]int{c.doc, last + 1}]; last++ {
		if quotableRun(d, sents[0], last+1, true) {
			sents = append(sents, last+1)
			continue
		}
		if last == c.sent && !quotedLast(text) && together(d, last, last+1, true) && answerFits(d, last+1) && !asks(d.Sentence(last+1).Text) {
			sents = append(sents, last+1)
		}
		break
	}
	return sents
}

// quotedLast reports whether a sentence ends inside quotation marks.
func quotedLast(text string) bool {
	t := strings.TrimRight(text, " ")
	return t != strings.TrimRight(t, "”’\"'")
}

// answerFits reports whether sentence n of d, answering the question
// before it, leaves room in a quote for that question's end: it takes at
// most two thirds of the quote's characters and half its lines.
func answerFits(d *corpus.Document, n int) bool {
	s := d.Sentence(n)
	return utf8.RuneCountInString(s.Text) <= MaxQuoteRunes*2/3 && s.Lines.End-s.Lines.Start+1 <= maxQuoteLines/2
}

// leansBackPattern opens a sentence that states a result of what the
// sentence before it says ("As a result, ABC was forced to sell…").
var leansBackPattern = regexp.MustCompile(`^(?:As a (?:result|consequence)|Therefore|Thus|Consequently|Hence|For (?:this|these) reasons?|Because of this)\b`)

// leansBack reports whether a sentence states a result of the sentence
// before it, which holds its cause: a quote of it goes back to that one.
func leansBack(text string) bool {
	return leansBackPattern.MatchString(text)
}

// leadsOn reports whether a quote ending on a sentence must go on to the
// next: the sentence asks a question the text answers after it, or ends
// in a colon.
func leadsOn(text string) bool {
	return asks(text) || strings.HasSuffix(strings.TrimRight(text, "”’\"' "), ":")
}

// asks reports whether a sentence is a question, which the text answers
// in the sentences after it ("Why does Spencer call out so much
// reverence…? … Simply because…").
func asks(text string) bool {
	return strings.HasSuffix(strings.TrimRight(text, "”’\"' "), "?")
}

// quotableRun reports whether sentences from to to of d may be quoted
// together: they belong together and are short enough.
func quotableRun(d *corpus.Document, from, to int, acrossParagraphs bool) bool {
	return together(d, from, to, acrossParagraphs) && shortRun(d, from, to)
}

// shortRun reports whether sentences from to to of d are short enough
// for one quote: at most MaxQuoteRunes, on fewer than maxQuoteLines.
func shortRun(d *corpus.Document, from, to int) bool {
	runes := -1
	for i := from; i <= to; i++ {
		runes += utf8.RuneCountInString(d.Sentence(i).Text) + 1
	}
	return runes <= MaxQuoteRunes && d.Sentence(to).Lines.End-d.Sentence(from).Lines.Start+1 < maxQuoteLines
}

// together reports whether sentences from to to of d belong in one
// quote, whatever its length: in the same paragraph (or, across
// paragraphs, the same section and speaker) and role (an interviewer's
// question, prose or code).
func together(d *corpus.Document, from, to int, acrossParagraphs bool) bool {
	first := d.Sentence(from)
	for i := from + 1; i <= to; i++ {
		s := d.Sentence(i)
		joined := s.Paragraph == first.Paragraph || acrossParagraphs && s.Section == first.Section && s.Speaker == first.Speaker
		if !joined || s.Question != first.Question || s.Code != first.Code {
			return false
		}
	}
	return true
}

// shortSentence is the length in words below which a quoted sentence
// takes the next one along ("It was then.").
const shortSentence = 6

// pairedQuoteRunes is the length, in characters, of two sentences of a
// paragraph that are quoted together whatever the neighbour's score: the
// answer is as often in the sentence beside the best one, and two short
// sentences read as one, as a post of a tweet's length does. On
// SQuAD-even it answers 0.789 -> 0.793 for quotes of 244 -> 259
// characters on average.
const pairedQuoteRunes = 280

// maxQuoteLines is the number of source lines a quote stays under.
const maxQuoteLines = 8
