package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lectern-bot/lectern/corpus"
)

// Limits on the work one query may do.
const (
	queryTimeout     = 2 * time.Second
	maxTermSearchers = 512
	candidatePool    = 100 // passages re-ranked per question
)

// ErrTimeout is returned when a query takes longer than it may.
var ErrTimeout = errors.New("the search took too long")

// Ask returns up to k quotes that best answer question, best first. A
// question with no searchable words returns no results and no error.
func (ix *Index) Ask(ctx context.Context, question string, k int) ([]Result, error) {
	question = cleanQuery(question)
	if k <= 0 || question == "" {
		return nil, nil
	}
	q := ix.parseQuestion(question)
	if len(q.concepts) == 0 {
		return nil, nil
	}
	hits, err := ix.search(ctx, q.query(), candidatePool)
	if err != nil {
		return nil, err
	}
	return ix.rank(q, hits, k), nil
}

// query is the disjunction of every concept's stems in the passage text
// and, weaker, in the section title.
func (q question) query() query.Query {
	var disj []query.Query
	for _, c := range q.concepts {
		for _, stem := range c.sortedAlts() {
			f := c.alts[stem]
			tq := query.NewTermQuery(stem)
			tq.SetField(fieldText)
			tq.SetBoost(f)
			disj = append(disj, tq)
			tt := query.NewTermQuery(stem)
			tt.SetField(fieldTitle)
			tt.SetBoost(0.3 * f)
			disj = append(disj, tt)
		}
	}
	return query.NewDisjunctionQuery(disj)
}

// passageHit is a passage the index found, with its score.
type passageHit struct {
	doc, passage int
	score        float64
}

func (ix *Index) search(ctx context.Context, q query.Query, size int) ([]passageHit, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, ErrTimeout
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]passageHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		d, p, ok := parseDocID(h.ID)
		if !ok || d >= len(ix.corpus.Documents) || p >= len(ix.corpus.Documents[d].Passages) {
			continue
		}
		hits = append(hits, passageHit{doc: d, passage: p, score: h.Score})
	}
	return hits, nil
}

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
	switch {
	case definedAs.MatchString(text):
		q.intent = intentDefinition
	case howMany.MatchString(text):
		q.intent = intentQuantity
	case whenWords.MatchString(text):
		q.intent = intentTime
	case whoWords.MatchString(text):
		q.intent = intentPerson
	case whereWords.MatchString(text):
		q.intent = intentPlace
	case whyWords.MatchString(text):
		q.intent = intentReason
	case saidWords.MatchString(text):
		q.intent = intentQuotation
	}
	return q
}

// sentenceTerms is an analysed sentence.
type sentenceTerms struct {
	tokens  []token
	words   int
	has     map[string]int // term → count
	intents uint8          // bit i set when the sentence answers intent i
}

func (ix *Index) sentence(doc, i int) *sentenceTerms {
	ref := sentenceRef{doc, i}
	ix.mu.Lock()
	st, ok := ix.terms[ref]
	ix.mu.Unlock()
	if ok {
		return st
	}
	text := ix.corpus.Documents[doc].Sentences[i].Text
	st = &sentenceTerms{tokens: analyze(ix.stem, text), words: len(strings.Fields(text)), has: map[string]int{}}
	for _, t := range st.tokens {
		st.has[t.term]++
	}
	// Who a quotation in the sentence is by counts as said in it: "He
	// said, “…”" answers "What did Lenin say…".
	for _, name := range ix.speakers(doc, i) {
		for _, t := range analyze(ix.stem, name) {
			st.has[t.term]++
		}
	}
	for in := intentPerson; in <= intentQuotation; in++ {
		if intentPatterns[in].MatchString(text) {
			st.intents |= 1 << in
		}
	}
	ix.mu.Lock()
	ix.terms[ref] = st
	ix.mu.Unlock()
	return st
}

// candidate is a sentence being considered as a quote.
type candidate struct {
	doc, sent int
	score     float64
	passage   int
}

// rank scores every sentence of the candidate passages and returns the k
// best as results.
func (ix *Index) rank(q question, hits []passageHit, k int) []Result {
	if len(hits) == 0 || q.total == 0 {
		return nil
	}
	maxScore := hits[0].score
	best := map[sentenceRef]candidate{}
	add := func(doc, s, passage int, score float64) {
		ref := sentenceRef{doc, s}
		if c, ok := best[ref]; !ok || score > c.score {
			best[ref] = candidate{doc: doc, sent: s, score: score, passage: passage}
		}
	}
	scores := conceptScores{ix: ix, q: q, memo: map[sentenceRef][]float64{}}
	for _, h := range hits {
		d := ix.corpus.Documents[h.doc]
		p := d.Passages[h.passage]
		sec := d.Sections[p.Section]
		title := coverage(q, ix.sectionTerms(h.doc, p.Section))
		for s := p.FirstSentence; s < p.EndSentence; s++ {
			st := ix.sentence(h.doc, s)
			own := scores.of(h.doc, s)
			cov := weighted(q, own)
			if cov == 0 {
				if title >= ix.tune.titleOnly && s < sec.FirstSentence+3 {
					// The section's title answers; quote its opening.
					add(h.doc, s, h.passage, ix.tune.title*title/float64(1+s-sec.FirstSentence))
				}
				continue
			}
			score := ix.tune.coverage*cov*ix.lengthFactor(st.words) +
				ix.tune.context*scores.context(h.doc, s, sec) +
				ix.tune.subject*subject(q, st) +
				ix.tune.passage*h.score/maxScore +
				ix.tune.proximity*proximity(q, st) +
				ix.tune.title*title +
				ix.tune.intent*ix.answersIntent(q, h.doc, s, st)
			if d.Sentences[s].Question {
				score *= ix.tune.questionFactor
			}
			add(h.doc, s, h.passage, score)
		}
	}
	cands := make([]candidate, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].doc != cands[j].doc {
			return cands[i].doc < cands[j].doc
		}
		return cands[i].sent < cands[j].sent
	})
	var out []Result
	used := map[sentenceRef]bool{}
	for _, c := range cands {
		if len(out) == k {
			break
		}
		if used[sentenceRef{c.doc, c.sent}] {
			continue
		}
		sents := ix.extend(q, c.doc, c.sent, used)
		for _, s := range sents {
			used[sentenceRef{c.doc, s}] = true
		}
		r := ix.result(c.doc, c.passage, sents, q.stems(), c.score)
		r.Rank = len(out) + 1
		out = append(out, r)
	}
	return out
}

// conceptScore is how fully tokens hold concept c: the factor of its best
// alternative present, 0 when none is.
func conceptScore(c concept, has map[string]int) float64 {
	best := 0.0
	for stem, f := range c.alts {
		if has[stem] > 0 && f > best {
			best = f
		}
	}
	return best
}

// coverageOf is the share of the question's weight that a sentence holds.
func (ix *Index) coverageOf(q question, st *sentenceTerms) float64 {
	return coverage(q, st.has)
}

func coverage(q question, has map[string]int) float64 {
	if q.total == 0 {
		return 0
	}
	sum := 0.0
	for _, c := range q.concepts {
		sum += c.weight * conceptScore(c, has)
	}
	return sum / q.total
}

func termCounts(tokens []token) map[string]int {
	m := map[string]int{}
	for _, t := range tokens {
		m[t.term]++
	}
	return m
}

// lengthFactor gently prefers sentences of ordinary length to long ones
// that match by sheer size.
func (ix *Index) lengthFactor(words int) float64 {
	if words <= 30 {
		return 1
	}
	return 1 / (1 + ix.tune.lengthCost*float64(words-30))
}

// conceptScores computes, once per question and sentence, how fully the
// sentence holds each of the question's concepts.
type conceptScores struct {
	ix   *Index
	q    question
	memo map[sentenceRef][]float64
}

func (cs conceptScores) of(doc, s int) []float64 {
	ref := sentenceRef{doc, s}
	if v, ok := cs.memo[ref]; ok {
		return v
	}
	has := cs.ix.sentence(doc, s).has
	v := make([]float64, len(cs.q.concepts))
	for i, c := range cs.q.concepts {
		v[i] = conceptScore(c, has)
	}
	cs.memo[ref] = v
	return v
}

// context is the share of the question's weight held by a sentence
// together with the sentences either side of it in its section: an answer
// often names its subject only in the sentence before ("He was dismissed").
func (cs conceptScores) context(doc, s int, sec corpus.Section) float64 {
	best := append([]float64(nil), cs.of(doc, s)...)
	sents := cs.ix.corpus.Documents[doc].Sentences
	for _, n := range []int{s - 1, s + 1} {
		if n < sec.FirstSentence || n >= sec.EndSentence || sents[n].Question != sents[s].Question {
			continue
		}
		for i, v := range cs.of(doc, n) {
			best[i] = max(best[i], v)
		}
	}
	return weighted(cs.q, best)
}

// weighted is the share of the question's weight that per-concept scores
// hold.
func weighted(q question, scores []float64) float64 {
	if q.total == 0 {
		return 0
	}
	sum := 0.0
	for i, c := range q.concepts {
		sum += c.weight * scores[i]
	}
	return sum / q.total
}

// speakers returns who is quoted in sentence i of a document.
func (ix *Index) speakers(doc, i int) []string {
	ix.speakersOnce.Do(func() {
		ix.quoted = map[sentenceRef][]string{}
		for di, d := range ix.corpus.Documents {
			for _, q := range d.Quotations {
				if q.Speaker != "" {
					ref := sentenceRef{di, q.Sentence}
					ix.quoted[ref] = append(ix.quoted[ref], q.Speaker)
				}
			}
		}
	})
	return ix.quoted[sentenceRef{doc, i}]
}

// sectionTerms returns the analysed title and heading of a section.
func (ix *Index) sectionTerms(doc, sec int) map[string]int {
	key := [2]int{doc, sec}
	ix.mu.Lock()
	m, ok := ix.titles[key]
	ix.mu.Unlock()
	if ok {
		return m
	}
	s := ix.corpus.Documents[doc].Sections[sec]
	m = termCounts(analyze(ix.stem, s.Title+" "+s.Heading))
	ix.mu.Lock()
	ix.titles[key] = m
	ix.mu.Unlock()
	return m
}

// subject is 1 when the question's rarest concept stands among the first
// words of the sentence, as the subject of a definition or a statement
// about it does ("The Vikzhel was…", "Smolny Institute lay…").
func subject(q question, st *sentenceTerms) float64 {
	if len(q.concepts) == 0 || len(st.tokens) == 0 {
		return 0
	}
	rarest := q.concepts[0]
	for _, c := range q.concepts[1:] {
		if c.weight > rarest.weight {
			rarest = c
		}
	}
	first := st.tokens[0].pos
	for _, t := range st.tokens {
		if t.pos-first > 3 {
			break
		}
		if _, ok := rarest.alts[t.term]; ok {
			return 1
		}
	}
	return 0
}

// proximity is higher when a sentence's matched terms stand close
// together: the number of distinct matched terms over the width of the
// smallest window holding one of each.
func proximity(q question, st *sentenceTerms) float64 {
	// Which concept each token stands for, if any.
	conceptOf := map[string]int{}
	for i, c := range q.concepts {
		for stem := range c.alts {
			if _, ok := conceptOf[stem]; !ok {
				conceptOf[stem] = i
			}
		}
	}
	type hit struct{ concept, pos int }
	var ms []hit
	want := map[int]bool{}
	for _, t := range st.tokens {
		if i, ok := conceptOf[t.term]; ok {
			ms = append(ms, hit{i, t.pos})
			want[i] = true
		}
	}
	if len(want) < 2 {
		return 0
	}
	bestWidth := math.MaxInt
	count := map[int]int{}
	have, lo := 0, 0
	for hi, m := range ms {
		if count[m.concept] == 0 {
			have++
		}
		count[m.concept]++
		for have == len(want) {
			if w := ms[hi].pos - ms[lo].pos + 1; w < bestWidth {
				bestWidth = w
			}
			count[ms[lo].concept]--
			if count[ms[lo].concept] == 0 {
				have--
			}
			lo++
		}
	}
	return float64(len(want)) / float64(bestWidth)
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
	definitionAfter = regexp.MustCompile(`^[’'s]*[._]*\s*(,|--|—|\(|\s+(is|was|are|were))\s*(a|an|the|one|so-called|also)\b`)
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
		if _, ok := rarest.alts[t.term]; ok && definitionAfter.MatchString(text[t.end:]) {
			return ix.tune.definitionBoost
		}
	}
	return 0
}

// extend returns the sentences to quote for a chosen sentence: it alone, or
// with a neighbour in the same section that adds much of the question's
// weight it lacks, or that completes a very short sentence.
func (ix *Index) extend(q question, doc, sent int, used map[sentenceRef]bool) []int {
	d := ix.corpus.Documents[doc]
	s := d.Sentences[sent]
	sec := d.Sections[s.Section]
	st := ix.sentence(doc, sent)
	bestGain, bestN := 0.0, -1
	for _, n := range []int{sent + 1, sent - 1} {
		if n < sec.FirstSentence || n >= sec.EndSentence || used[sentenceRef{doc, n}] || d.Sentences[n].Question != s.Question {
			continue
		}
		if len([]rune(s.Text))+len([]rune(d.Sentences[n].Text)) > MaxQuoteRunes {
			continue
		}
		nt := ix.sentence(doc, n)
		gain := 0.0
		for _, c := range q.concepts {
			if extra := conceptScore(c, nt.has) - conceptScore(c, st.has); extra > 0 {
				gain += c.weight * extra
			}
		}
		gain /= q.total
		if gain > bestGain {
			bestGain, bestN = gain, n
		}
	}
	if bestN < 0 && st.words < 6 && sent+1 < sec.EndSentence && !used[sentenceRef{doc, sent + 1}] && d.Sentences[sent+1].Question == s.Question {
		bestN, bestGain = sent+1, 1
	}
	if bestN < 0 || bestGain < ix.tune.extendGain {
		return []int{sent}
	}
	if bestN < sent {
		return []int{bestN, sent}
	}
	return []int{sent, bestN}
}

// result builds the Result for quoting sentences sents of a document.
func (ix *Index) result(doc, passage int, sents []int, terms []string, score float64) Result {
	d := ix.corpus.Documents[doc]
	first, last := d.Sentences[sents[0]], d.Sentences[sents[len(sents)-1]]
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = d.Sentences[s].Text
	}
	quote := Excerpt{Text: strings.Join(texts, " "), Span: corpus.Span{Start: first.Lines.Start, End: last.Lines.End}}
	quote.Matches = ix.matches(doc, sents[0], sents[len(sents)-1]+1, terms)
	quote = trimToMatches(quote, MaxQuoteRunes)
	p := d.Passages[passage]
	if p.FirstSentence > sents[0] || p.EndSentence <= sents[len(sents)-1] {
		p = ix.passageAround(d, sents)
	}
	sec := d.Sections[first.Section]
	pass := Excerpt{Text: p.Text, Span: p.Lines}
	pass.Matches = ix.matches(doc, p.FirstSentence, p.EndSentence, terms)
	return Result{
		Score:     math.Round(score*1000) / 1000,
		Quote:     quote,
		Passage:   pass,
		Section:   SectionRef{Number: sec.Number, Title: sec.Title},
		Page:      first.Page,
		Source:    d.Name,
		Document:  doc,
		Sentences: sents,
	}
}

// passageAround returns the passage that holds the most of sents.
func (ix *Index) passageAround(d *corpus.Document, sents []int) corpus.Passage {
	best, bestN := d.Passages[0], -1
	for _, p := range d.Passages {
		n := 0
		for _, s := range sents {
			if s >= p.FirstSentence && s < p.EndSentence {
				n++
			}
		}
		if n > bestN {
			best, bestN = p, n
		}
		if p.FirstSentence > sents[len(sents)-1] {
			break
		}
	}
	return best
}

// matches returns the byte ranges, in sentences first to end-1 joined by
// single spaces, of the words whose stems are among terms.
func (ix *Index) matches(doc, first, end int, terms []string) [][2]int {
	want := map[string]bool{}
	for _, t := range terms {
		want[t] = true
	}
	var out [][2]int
	offset := 0
	for s := first; s < end; s++ {
		for _, t := range ix.sentence(doc, s).tokens {
			if want[t.term] {
				out = append(out, [2]int{offset + t.start, offset + t.end})
			}
		}
		offset += len(ix.corpus.Documents[doc].Sentences[s].Text) + 1
	}
	return out
}
