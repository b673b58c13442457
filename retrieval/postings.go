package retrieval

import (
	"cmp"
	"slices"
)

// postings list, for each term, the sentences holding it, once per
// occurrence and in order, so that a question finds single sentences by
// BM25 as well as the passages Bleve finds: where the subject word stands
// in nearly every sentence, the one sentence holding all of the
// question's words may lie in no passage the search returns.
type postings struct {
	start []uint32    // the occurrences of term t are sent[start[t]:start[t+1]]
	sent  []uint32    // global sentence numbers
	file  *mappedFile // what sent is read from in place; nil in memory
}

// newPostings inverts a sentence table over a lexicon of terms terms. A
// sentence's speaker is not among its words here: the speaker feature
// weighs that.
func newPostings(t *sentenceTable, terms int) *postings {
	p := &postings{start: make([]uint32, terms+1)}
	for _, tk := range t.toks {
		if tk.pos != notInText {
			p.start[tk.term+1]++
		}
	}
	for i := 1; i <= terms; i++ {
		p.start[i] += p.start[i-1]
	}
	p.sent = make([]uint32, p.start[terms])
	next := slices.Clone(p.start[:terms])
	for g := range t.words {
		lo, hi := t.tokens(g)
		for k := lo; k < hi; k++ {
			if id := t.toks[k].term; t.toks[k].pos != notInText {
				p.sent[next[id]] = uint32(g)
				next[id]++
			}
		}
	}
	return p
}

func (p *postings) of(term uint32) []uint32 {
	if int(term)+1 >= len(p.start) {
		return nil
	}
	return p.sent[p.start[term]:p.start[term+1]]
}

// A term held by more than openingDF sentences only adds to the scores of
// sentences a rarer word of the question has found: it cannot find one by
// itself among so many, and this keeps a question's cost bounded.
const openingDF = 20000

// scoredSentence is a sentence and its BM25 for a question.
type scoredSentence struct {
	global uint32
	score  float64
}

// bestSentences returns the n sentences of the table with the highest
// BM25 for the question's own words, best first, ties in text order.
func (p *postings) bestSentences(q *question, t *sentenceTable, lex *lexicon, n int) []scoredSentence {
	type weighted struct {
		term   uint32
		weight float64
	}
	var terms []weighted
	for _, c := range q.concepts {
		for _, a := range c.alts {
			if a.how == altExact || a.how == altSpelling {
				terms = append(terms, weighted{a.term, c.weight})
			}
		}
	}
	slices.SortFunc(terms, func(a, b weighted) int { return cmp.Compare(b.weight, a.weight) })
	if p.file.advised() {
		lists := make([][]byte, len(terms))
		for i, w := range terms {
			lists[i] = bytesOf(p.of(w.term))
		}
		p.file.willNeed(lists...)
	}
	scores := map[uint32]float64{}
	avg := max(lex.avgLen, 1)
	for _, w := range terms {
		occ := p.of(w.term)
		opens := len(occ) <= openingDF
		for i := 0; i < len(occ); {
			g, tf := occ[i], 0
			for ; i < len(occ) && occ[i] == g; i++ {
				tf++
			}
			s, ok := scores[g]
			if !ok && !opens {
				continue
			}
			lo, hi := t.tokens(int(g))
			f := float64(tf)
			scores[g] = s + w.weight*f*(bm25K1+1)/(f+bm25K1*(1-bm25B+bm25B*float64(hi-lo)/avg))
		}
	}
	out := make([]scoredSentence, 0, len(scores))
	for g, s := range scores {
		out = append(out, scoredSentence{g, s})
	}
	slices.SortFunc(out, func(a, b scoredSentence) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.global, b.global)
	})
	return out[:min(n, len(out))]
}
