package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
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
