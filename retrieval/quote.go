package retrieval

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Match tiers of Quote, best first.
const (
	tierPhrase = 3.0 // the words in this order
	tierAll    = 2.0 // all the words, stemmed
	tierFuzzy  = 1.0 // close spellings
)

// Quote looks a quotation up by keyword or phrase: exact phrase matches
// first, then passages with all the words, then close spellings
// ("Kronstat" finds "Kronstadt").
func (ix *Index) Quote(ctx context.Context, phrase string, k int) ([]Result, error) {
	phrase = cleanQuery(phrase)
	if k <= 0 || phrase == "" {
		return nil, nil
	}
	words := uniqueTerms(analyze(ix.exact, phrase), maxQueryTerms)
	if len(words) == 0 {
		return nil, nil
	}
	q := ix.parseQuestion(phrase)
	var out []Result
	seen := map[sentenceRef]bool{}
	add := func(tier float64, hits []passageHit, terms []string, pick func(doc, passage int) int) {
		for _, h := range hits {
			if len(out) == k {
				return
			}
			s := pick(h.doc, h.passage)
			if s < 0 || seen[sentenceRef{h.doc, s}] {
				continue
			}
			seen[sentenceRef{h.doc, s}] = true
			r := ix.result(h.doc, h.passage, []int{s}, terms, tier+h.score/(1+h.score))
			r.Rank = len(out) + 1
			out = append(out, r)
		}
	}

	// 1. The exact phrase, on the lower-cased field that keeps stop words.
	ph := query.NewMatchPhraseQuery(strings.ToLower(phrase))
	ph.SetField(fieldExact)
	hits, err := ix.search(ctx, ph, 4*k)
	if err != nil {
		return nil, err
	}
	needle := strings.Join(wordsOf(ix, phrase), " ")
	stems := q.stems()
	add(tierPhrase, hits, stems, func(doc, passage int) int {
		return ix.sentenceWithPhrase(doc, passage, needle, q)
	})

	// 2. All the words, stemmed, anywhere in a passage.
	if len(out) < k && len(q.concepts) > 0 && !q.misspelt() {
		var conj []query.Query
		for _, c := range q.concepts {
			var alts []query.Query
			for _, stem := range c.sortedAlts() {
				tq := query.NewTermQuery(stem)
				tq.SetField(fieldText)
				alts = append(alts, tq)
			}
			conj = append(conj, query.NewDisjunctionQuery(alts))
		}
		hits, err := ix.search(ctx, query.NewConjunctionQuery(conj), 4*k)
		if err != nil {
			return nil, err
		}
		add(tierAll, hits, stems, func(doc, passage int) int { return ix.bestSentence(q, doc, passage) })
	}

	// 3. Close spellings of each word.
	if len(out) < k {
		var conj []query.Query
		var fuzzyTerms []string
		for _, w := range words {
			if utf8.RuneCountInString(w) < 4 || len(analyze(ix.stem, w)) == 0 {
				continue // short words and stop words match too much when fuzzy
			}
			fq := query.NewFuzzyQuery(w)
			fq.SetField(fieldExact)
			fq.SetFuzziness(fuzziness(w))
			conj = append(conj, fq)
			fuzzyTerms = append(fuzzyTerms, w)
		}
		if len(conj) > 0 {
			hits, err := ix.search(ctx, query.NewConjunctionQuery(conj), 4*k)
			if err != nil {
				return nil, err
			}
			add(tierFuzzy, hits, nil, func(doc, passage int) int { return ix.fuzzySentence(doc, passage, fuzzyTerms) })
		}
	}
	// 4. Failing all that, the sentences that share the most words.
	if len(out) < k {
		rs, err := ix.Ask(ctx, phrase, k)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if len(out) == k {
				break
			}
			if seen[sentenceRef{r.Document, r.Sentences[0]}] {
				continue
			}
			r.Rank = len(out) + 1
			out = append(out, r)
		}
	}
	return out, nil
}

func fuzziness(w string) int {
	if utf8.RuneCountInString(w) >= 7 {
		return 2
	}
	return 1
}

// wordsOf returns the lower-cased words of text as the exact field sees them.
func wordsOf(ix *Index, text string) []string {
	ts := analyze(ix.exact, text)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.term
	}
	return out
}

// sentenceWithPhrase returns the sentence of a passage holding needle (a
// run of lower-cased words), or the best-matching one.
func (ix *Index) sentenceWithPhrase(doc, passage int, needle string, q question) int {
	p := ix.corpus.Documents[doc].Passages[passage]
	for s := p.FirstSentence; s < p.EndSentence; s++ {
		words := strings.Join(wordsOf(ix, ix.corpus.Documents[doc].Sentences[s].Text), " ")
		if strings.Contains(" "+words+" ", " "+needle+" ") {
			return s
		}
	}
	return ix.bestSentence(q, doc, passage)
}

// bestSentence returns the sentence of a passage that holds the most of
// the question's weight, the earliest on ties.
func (ix *Index) bestSentence(q question, doc, passage int) int {
	p := ix.corpus.Documents[doc].Passages[passage]
	best, bestScore := p.FirstSentence, -1.0
	for s := p.FirstSentence; s < p.EndSentence; s++ {
		st := ix.sentence(doc, s)
		score := 0.0
		if q.total > 0 {
			score = coverage(q, st.has) + 0.1*proximity(q, st)
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// fuzzySentence returns the sentence of a passage with the most words
// within a small edit distance of words.
func (ix *Index) fuzzySentence(doc, passage int, words []string) int {
	p := ix.corpus.Documents[doc].Passages[passage]
	best, bestN := p.FirstSentence, -1
	for s := p.FirstSentence; s < p.EndSentence; s++ {
		n := 0
		for _, sw := range wordsOf(ix, ix.corpus.Documents[doc].Sentences[s].Text) {
			for _, w := range words {
				if editDistance(sw, w) <= fuzziness(w) {
					n++
				}
			}
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
