package retrieval

import (
	"math"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
)

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
	if len(ix.terms) >= maxCachedSentences {
		// A long-running bot on a large corpus would otherwise keep every
		// sentence it ever analysed; start afresh instead.
		ix.terms = make(map[sentenceRef]*sentenceTerms, maxCachedSentences/4)
	}
	ix.terms[ref] = st
	ix.mu.Unlock()
	return st
}

// maxCachedSentences bounds the analysed sentences kept between queries,
// at roughly 2 KB each.
const maxCachedSentences = 100_000

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

// coverage is the share of the question's weight that the terms in has hold.
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
