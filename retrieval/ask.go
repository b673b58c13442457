package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits on the work one query may do.
const (
	queryTimeout     = 2 * time.Second
	maxTermSearchers = 512
	candidatePool    = 100 // passages whose sentences are ranked per question
)

// ErrTimeout is returned when a query takes longer than it may.
var ErrTimeout = errors.New("the search took too long")

// timeoutErr is ErrTimeout for a deadline passed, else err.
func timeoutErr(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout
	}
	return err
}

// Ask returns up to k quotes that best answer question, best first. A
// question with no searchable words returns no results and no error.
func (ix *Index) Ask(ctx context.Context, question string, k int) ([]Result, error) {
	text := cleanQuery(question)
	if k <= 0 || text == "" {
		return nil, nil
	}
	q := analyseQuestion(ix, text)
	if !q.searchable() {
		return nil, nil
	}
	cands, err := ix.candidates(ctx, &q)
	if err != nil {
		return nil, err
	}
	ix.scoreAll(&q, cands)
	return ix.choose(&q, cands, k), nil
}

// candidate is a sentence being considered as a quote.
type candidate struct {
	doc, sent int
	passage   float64 // Bleve's score of the best passage holding it, over the best
	f         featureVector
	score     float64
}

// bleveQuery is the disjunction of every concept's stems in the passage
// text, in a fixed order so that scores never depend on map order.
func (q *question) bleveQuery(lex *lexicon) query.Query {
	var disj []query.Query
	for _, c := range q.concepts {
		for _, a := range c.alts {
			tq := query.NewTermQuery(lex.terms[a.term])
			tq.SetField(fieldText)
			boost := altBoost[a.how]
			if c.framing {
				boost *= framingBoost
			}
			tq.SetBoost(boost)
			disj = append(disj, tq)
		}
	}
	return query.NewDisjunctionQuery(disj)
}

// framingBoost weighs down a question's frame and everyday words in the
// passage search: they say little of where the answer is.
const framingBoost = 0.3

// altBoost weighs a concept's alternative stems in the passage search.
var altBoost = [...]float64{altExact: 1, altDerived: 0.7, altIrregular: 1, altSynonym: 0.8, altSpelling: 0.9, altWordNet: 0.4}

// passageHit is a passage the index found, with its score.
type passageHit struct {
	doc, passage int
	score        float64
}

func (ix *Index) search(ctx context.Context, q query.Query, size int) ([]passageHit, error) {
	ctx, cancel := context.WithTimeout(ctx, ix.timeout)
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

// A section whose title holds at least titledSection of the question's
// weight is a candidate by its first sectionOpening sentences, whether
// or not the search found them.
const (
	titledSection  = 0.5
	sectionOpening = 3
)

// candidates are the sentences of the best passages, and the opening
// sentences of sections whose titles hold the question.
func (ix *Index) candidates(ctx context.Context, q *question) ([]candidate, error) {
	var hits []passageHit
	if len(q.byTerm) > 0 {
		var err error
		hits, err = ix.search(ctx, q.bleveQuery(ix.lex), candidatePool)
		if err != nil {
			return nil, err
		}
	}
	seen := map[[2]int]int{}
	var out []candidate
	add := func(doc, sent int, passage float64) {
		key := [2]int{doc, sent}
		if i, ok := seen[key]; ok {
			out[i].passage = max(out[i].passage, passage)
			return
		}
		seen[key] = len(out)
		out = append(out, candidate{doc: doc, sent: sent, passage: passage})
	}
	top := 0.0
	if len(hits) > 0 {
		top = hits[0].score
	}
	for _, h := range hits {
		p := ix.corpus.Documents[h.doc].Passages[h.passage]
		for s := p.FirstSentence; s < p.EndSentence; s++ {
			add(h.doc, s, h.score/top)
		}
	}
	for di, d := range ix.corpus.Documents {
		for si, sec := range d.Sections {
			if ix.titleCoverage(q, di, si) < titledSection {
				continue
			}
			for s := sec.FirstSentence; s < min(sec.EndSentence, sec.FirstSentence+sectionOpening); s++ {
				add(di, s, 0)
			}
		}
	}
	return out, nil
}

// scoreAll computes every candidate's features and score.
func (ix *Index) scoreAll(q *question, cands []candidate) {
	m := newScratch(q)
	best := 0.0
	for i := range cands {
		c := &cands[i]
		ix.features(q, m, c.doc, c.sent, c.passage, &c.f)
		best = max(best, c.f[fBM25])
	}
	for i := range cands {
		c := &cands[i]
		if best > 0 {
			c.f[fBM25] /= best
		}
		c.score = ix.weights.score(&c.f)
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
func (ix *Index) choose(q *question, cands []candidate, k int) []Result {
	scoreOf := map[[2]int]float64{}
	for _, c := range cands {
		scoreOf[[2]int{c.doc, c.sent}] = c.score
	}
	used := map[[2]int]bool{}
	stems := q.stems(ix.lex)
	var out []Result
	for _, c := range cands {
		if len(out) == k {
			break
		}
		if used[[2]int{c.doc, c.sent}] || c.f[fCovLoose]+c.f[fTitle]+c.f[fCovFraming] == 0 {
			continue
		}
		sents := ix.extend(c, scoreOf, used)
		for _, s := range sents {
			used[[2]int{c.doc, s}] = true
		}
		r := ix.result(c.doc, sents, stems, c.score)
		r.Rank = len(out) + 1
		out = append(out, r)
	}
	return out
}

// extend returns the sentences to quote for a chosen sentence: it alone,
// or with the neighbour in its paragraph that scores within the Extend
// margin of it, or that completes a very short sentence; never longer
// than MaxQuoteRunes or maxQuoteLines.
func (ix *Index) extend(c candidate, scoreOf map[[2]int]float64, used map[[2]int]bool) []int {
	d := ix.corpus.Documents[c.doc]
	s := d.Sentences[c.sent]
	best, bestScore := -1, math.Inf(-1)
	for _, n := range []int{c.sent - 1, c.sent + 1} {
		if n < 0 || n >= len(d.Sentences) || used[[2]int{c.doc, n}] {
			continue
		}
		ns := d.Sentences[n]
		if ns.Paragraph != s.Paragraph || ns.Question != s.Question {
			continue
		}
		if utf8.RuneCountInString(s.Text)+utf8.RuneCountInString(ns.Text)+1 > MaxQuoteRunes {
			continue
		}
		lo, hi := min(s.Lines.Start, ns.Lines.Start), max(s.Lines.End, ns.Lines.End)
		if hi-lo+1 >= maxQuoteLines {
			continue
		}
		sc, ok := scoreOf[[2]int{c.doc, n}]
		if !ok {
			sc = math.Inf(-1)
		}
		short := n == c.sent+1 && ix.table.words[ix.table.global(c.doc, c.sent)] < shortSentence
		if short {
			sc = math.Max(sc, c.score)
		}
		if sc > bestScore && (short || sc >= c.score-ix.weights.Extend) {
			best, bestScore = n, sc
		}
	}
	switch {
	case best < 0:
		return []int{c.sent}
	case best < c.sent:
		return []int{best, c.sent}
	}
	return []int{c.sent, best}
}

// shortSentence is the length in words below which a quoted sentence
// takes the next one along ("It was then.").
const shortSentence = 6

// maxQuoteLines is the number of source lines a quote stays under.
const maxQuoteLines = 8

// matches returns the byte ranges of text whose stems are among terms.
func (ix *Index) matches(text string, terms []string) [][2]int {
	var out [][2]int
	for _, t := range analyze(ix.stem, text) {
		if i := sort.SearchStrings(terms, t.term); i < len(terms) && terms[i] == t.term {
			out = append(out, [2]int{t.start, t.end})
		}
	}
	return out
}

// joinSentences joins sentences' texts with single spaces and returns
// where each starts.
func joinSentences(texts []string) (string, []int) {
	starts := make([]int, len(texts))
	var b strings.Builder
	for i, t := range texts {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t)
	}
	return b.String(), starts
}
