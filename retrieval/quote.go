package retrieval

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Match tiers of Quote, best first.
const (
	tierPhrase = 3.0 // the words in this order
	tierAll    = 2.0 // all the words, stemmed
	tierFuzzy  = 1.0 // close spellings
	tierAsked  = 0.0 // the sentences that answer the phrase asked as a question
)

// quoteLookup is one look-up of Quote: the phrase, what it found so far.
type quoteLookup struct {
	ix    *Index
	k     int
	q     question
	stems highlights
	out   []Result
	seen  map[[2]int]bool
	f     Filter
}

// Quote looks a quotation up by keyword or phrase: exact phrase matches
// first, then passages with all the words, then close spellings
// ("Kronstat" finds "Kronstadt"), then the sentences that share the most
// words.
func (ix *Index) Quote(ctx context.Context, phrase string, k int) ([]Result, error) {
	return ix.QuoteFor(ctx, phrase, k, Filter{})
}

// QuoteFor is Quote among the sentences the filter keeps.
func (ix *Index) QuoteFor(ctx context.Context, phrase string, k int, f Filter) ([]Result, error) {
	phrase = quotedWithin(cleanQuery(phrase))
	if k <= 0 || phrase == "" {
		return nil, nil
	}
	words := uniqueTerms(analyze(ix.exact, phrase), maxQueryTerms)
	if len(words) == 0 {
		return nil, nil
	}
	l := ix.newQuoteLookup(phrase, k, f)
	for _, tier := range []func(context.Context, string, []string) error{l.phrase, l.allWords, l.fuzzy, l.ask} {
		if len(l.out) >= k {
			break
		}
		if err := tier(ctx, phrase, words); err != nil {
			return nil, err
		}
	}
	return l.out, nil
}

// quotedWithin is the quotation a reader sets in quotation marks among
// a few words of their own ("“peace of shame” who said it?", "Lenin:
// “thrust on us by war and ruin”"), fewer than its own or than a pasted
// quotation has: those words are none of the text's. Else the phrase as
// typed, a sentence quoting a few words of another among them.
func quotedWithin(phrase string) string {
	quoted := quotedPhrases(phrase)
	if len(quoted) != 1 {
		return phrase
	}
	inner := len(strings.Fields(quoted[0]))
	if outer := len(strings.Fields(phrase)) - inner; outer == 0 || outer >= max(inner, minPastedWords) {
		return phrase
	}
	return strings.TrimSpace(quoted[0])
}

// newQuoteLookup starts a look-up of phrase for k quotes among the
// sentences f keeps.
func (ix *Index) newQuoteLookup(phrase string, k int, f Filter) *quoteLookup {
	l := &quoteLookup{ix: ix, k: k, q: ix.analyse(phrase), seen: map[[2]int]bool{}, f: f}
	l.stems = l.q.stems(ix.lex)
	return l
}

// add quotes, for each hit, the sentence pick chooses, until k.
func (l *quoteLookup) add(tier float64, hits []passageHit, pick func(doc, passage int) int) {
	for _, h := range hits {
		if len(l.out) == l.k {
			return
		}
		s := pick(h.doc, h.passage)
		if s < 0 || l.seen[[2]int{h.doc, s}] || !l.f.keeps(l.ix.corpus.Documents[h.doc], s) {
			continue
		}
		l.seen[[2]int{h.doc, s}] = true
		r := l.ix.rank.result(h.doc, []int{s}, l.stems, tier+h.score/(1+h.score))
		r.Rank = len(l.out) + 1
		l.out = append(l.out, r)
	}
}

// phrase finds the words in this order, stop words included, in the
// sentences of passages that hold all its content words (or, for a
// phrase of stop words only, in every sentence).
func (l *quoteLookup) phrase(ctx context.Context, phrase string, _ []string) error {
	words := wordsOf(l.ix, phrase)
	holds := l.ix.holdsWords(words)
	if len(l.q.concepts) == 0 {
		return l.scan(ctx, words, holds)
	}
	hits, err := l.allWordHits(ctx, altExact, 16*l.k)
	if err != nil || hits == nil {
		return err
	}
	l.add(tierPhrase, hits, func(doc, passage int) int {
		p := l.ix.corpus.Documents[doc].Passages[passage]
		for s := p.FirstSentence; s < p.EndSentence; s++ {
			if holds(doc, s) {
				return s
			}
		}
		return -1
	})
	if len(l.out) < l.k {
		return l.phraseInSentences(ctx, holds)
	}
	return nil
}

// phraseInSentences looks for the phrase, where the best passages holding
// its words hold it nowhere ("in fact, the only states to", whose words
// stand together in hundreds of passages), in the sentences holding its
// rarest word, in the text's order, up to phraseScan of them.
func (l *quoteLookup) phraseInSentences(ctx context.Context, holds func(doc, s int) bool) error {
	rarest := l.ix.rarestExact(&l.q)
	prev := -1
	for i, g := range rarest[:min(len(rarest), phraseScan)] {
		if int(g) == prev {
			continue // a sentence holding the word twice
		}
		prev = int(g)
		if i%256 == 0 && ctx.Err() != nil {
			return timeoutErr(ctx.Err())
		}
		if doc, s := l.ix.table.local(int(g)); holds(doc, s) {
			l.add(tierPhrase, []passageHit{{doc: doc, passage: -1, score: 1}}, func(int, int) int { return s })
			if len(l.out) == l.k {
				return nil
			}
		}
	}
	return nil
}

// holdsWords reports, of a sentence, whether it holds words (as wordsOf
// reads them, stop words included) in this order.
func (ix *Index) holdsWords(words []string) func(doc, s int) bool {
	needle := " " + strings.Join(words, " ") + " "
	return func(doc, s int) bool {
		return strings.Contains(" "+strings.Join(wordsOf(ix, ix.corpus.Documents[doc].Sentence(s).Text), " ")+" ", needle)
	}
}

// rarestExact is the sentences, in the text's order, holding the rarest
// of q's words as written: a phrase stands only in those. Empty where one
// of its words is in no sentence.
func (ix *Index) rarestExact(q *question) []uint32 {
	var rarest []uint32
	chosen := false
	for _, c := range q.concepts {
		for _, a := range c.alts {
			if a.how != altExact {
				continue
			}
			if p := ix.postings.of(a.term); !chosen || len(p) < len(rarest) {
				rarest, chosen = p, true
			}
		}
	}
	return rarest
}

// phraseScan is how many sentences holding a phrase's rarest word
// phraseInSentences (and firstMention) reads at most.
const phraseScan = 5000

// scan looks for a phrase of stop words only ("to be or not to be"),
// which the index does not hold, in every sentence: a regular expression
// over the text finds the few sentences worth analysing, and the scan
// stops at the time a search may take.
func (l *quoteLookup) scan(ctx context.Context, words []string, holds func(doc, s int) bool) error {
	ctx, cancel := context.WithTimeout(ctx, l.ix.timeout)
	defer cancel()
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	near, err := regexp.Compile(`(?i)(?:^|[^\pL\pN'])` + strings.Join(quoted, `[^\pL\pN']+`) + `(?:$|[^\pL\pN'])`)
	if err != nil {
		return fmt.Errorf("quote: %w", err)
	}
	for di, d := range l.ix.corpus.Documents {
		for s, st := range d.AllSentences() {
			if len(l.out) == l.k {
				return nil
			}
			if s%256 == 0 && ctx.Err() != nil {
				return timeoutErr(ctx.Err())
			}
			if near.MatchString(normalize(st.Text)) && holds(di, s) {
				l.add(tierPhrase, []passageHit{{doc: di, passage: -1, score: 1}}, func(int, int) int { return s })
			}
		}
	}
	return nil
}

// allWordHits searches for passages holding every concept of the phrase,
// through the alternatives up to kind (altExact: the words' own stems).
// It returns nil when some concept has none.
func (l *quoteLookup) allWordHits(ctx context.Context, kind altKind, size int) ([]passageHit, error) {
	var conj []query.Query
	for _, c := range l.q.concepts {
		var alts []query.Query
		for _, a := range c.alts {
			if a.how > kind {
				continue
			}
			tq := query.NewTermQuery(l.ix.lex.terms[a.term])
			tq.SetField(fieldText)
			alts = append(alts, tq)
		}
		if len(alts) == 0 {
			return nil, nil
		}
		conj = append(conj, query.NewDisjunctionQuery(alts))
	}
	return l.ix.search(ctx, query.NewConjunctionQuery(conj), size)
}

// allWords finds passages holding every word, stemmed, or a derived or
// irregular form of it.
func (l *quoteLookup) allWords(ctx context.Context, text string, _ []string) error {
	if len(l.q.concepts) == 0 || l.q.misspelt() {
		return nil
	}
	hits, err := l.allWordHits(ctx, altIrregular, 16*l.k)
	if err != nil || hits == nil {
		return err
	}
	l.addWhole(tierAll, text, hits, l.bestSentence)
	return nil
}

// addWhole quotes, for each hit, the sentence pick chooses, those holding
// every word of the phrase first. A passage holds every word, but its
// sentences may share them out: a sentence that holds them all is what
// was misquoted ("soldiers sat around small" for "three soldiers sat
// around a small fire"), before better-scored passages whose words stand
// in several; of those, the one keeping most of the phrase's words in
// their order comes first.
func (l *quoteLookup) addWhole(tier float64, text string, hits []passageHit, pick func(doc, passage int) (sent int, whole bool)) {
	type picked struct {
		hit     passageHit
		sent    int
		whole   bool
		inOrder int
	}
	phrase := wordsOf(l.ix, text)
	picks := make([]picked, len(hits))
	for i, h := range hits {
		p := picked{hit: h}
		p.sent, p.whole = pick(h.doc, h.passage)
		if p.whole {
			p.inOrder = commonRun(phrase, wordsOf(l.ix, l.ix.corpus.Documents[h.doc].Sentence(p.sent).Text))
		}
		picks[i] = p
	}
	slices.SortStableFunc(picks, func(a, b picked) int {
		if a.whole != b.whole {
			if a.whole {
				return -1
			}
			return 1
		}
		return b.inOrder - a.inOrder
	})
	for _, p := range picks {
		l.add(tier, []passageHit{p.hit}, func(int, int) int { return p.sent })
	}
}

// commonRun is how many words of a stand in b in the same order: the
// length of their longest common subsequence.
func commonRun(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// fuzzy finds passages holding close spellings of every word.
func (l *quoteLookup) fuzzy(ctx context.Context, text string, words []string) error {
	var conj []query.Query
	var terms []string
	for _, w := range words {
		stems := analyze(l.ix.stem, w)
		if utf8.RuneCountInString(w) < 4 || len(stems) == 0 {
			continue // short words and stop words match too much when fuzzy
		}
		fq := query.NewFuzzyQuery(stems[0].term)
		fq.SetField(fieldText)
		fq.SetFuzziness(fuzziness(w))
		conj = append(conj, fq)
		terms = append(terms, w)
	}
	if len(conj) == 0 {
		return nil
	}
	hits, err := l.ix.search(ctx, query.NewConjunctionQuery(conj), 16*l.k)
	if err != nil {
		return err
	}
	l.addWhole(tierFuzzy, text, hits, func(doc, passage int) (int, bool) { return l.fuzzySentence(doc, passage, terms) })
	return nil
}

// fuzzySentence returns the sentence of a passage holding the most words
// spelt close to terms (the earliest on ties), and whether it holds a
// close spelling of each.
func (l *quoteLookup) fuzzySentence(doc, passage int, terms []string) (sent int, whole bool) {
	p := l.ix.corpus.Documents[doc].Passages[passage]
	best, bestN, bestHeld := p.FirstSentence, -1, 0
	for s := p.FirstSentence; s < p.EndSentence; s++ {
		n, held := 0, map[string]bool{}
		for _, sw := range wordsOf(l.ix, l.ix.corpus.Documents[doc].Sentence(s).Text) {
			for _, w := range terms {
				if search.LevenshteinDistance(sw, w) <= fuzziness(w) {
					n++
					held[w] = true
				}
			}
		}
		if n > bestN {
			best, bestN, bestHeld = s, n, len(held)
		}
	}
	return best, bestHeld == len(terms)
}

// ask falls back on the sentences that best answer the phrase as a
// question.
func (l *quoteLookup) ask(ctx context.Context, phrase string, _ []string) error {
	rs, err := l.ix.AskFor(ctx, phrase, l.k, l.f)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if len(l.out) == l.k {
			break
		}
		if l.seen[[2]int{r.Document, r.Sentences[0]}] {
			continue
		}
		r.Rank = len(l.out) + 1
		// The ranker's score, squashed below tierFuzzy in its order: left
		// as it is (5 to 12) it stood above tierPhrase, so that Verbatim
		// read an answer to the phrase as the phrase found.
		r.Score = tierAsked + 1/(1+math.Exp(-r.Score))
		l.out = append(l.out, r)
	}
	return nil
}

// bestSentence returns the sentence of a passage that holds the most of
// the phrase's words, closest together (the earliest on ties), and
// whether it holds them all.
func (l *quoteLookup) bestSentence(doc, passage int) (sent int, whole bool) {
	p := l.ix.corpus.Documents[doc].Passages[passage]
	m := newScratch(&l.q)
	best, bestScore, bestShare := p.FirstSentence, -1.0, 0.0
	for s := p.FirstSentence; s < p.EndSentence; s++ {
		e := l.ix.rank.gather(&l.q, m, doc, s, 0)
		share := e.share(e.loose)
		if score := share + 0.1*e.proximity; score > bestScore {
			best, bestScore, bestShare = s, score, share
		}
	}
	return best, bestShare > 0.999
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
