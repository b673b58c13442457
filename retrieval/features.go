package retrieval

import (
	"math"
)

// Features of a candidate sentence for a question. The score of a
// sentence is the dot product of its features with Weights; every feature
// is computed from the sentence table, without analysing text.
const (
	fCovExact     = iota // share of the question's content weight held by its own stems
	fCovLoose            // the same, counting derived forms, synonyms, close spellings
	fCovFraming          // share of the framing words' weight held ("happen", "see")
	fCovContext          // loose coverage of the sentence with its neighbours
	fBM25                // BM25 of the sentence alone, over the best in the pool
	fPassage             // Bleve's score of the passage it was found in, over the best
	fProximity           // matched words standing close together
	fTitle               // loose coverage of the section's title
	fSubject             // the question's rarest word among the first words
	fDefinition          // the rarest word followed by a definition ("X, a …")
	fPerson              // who-question and a name the question lacks
	fTime                // when-question and a date or year the question lacks
	fPlace               // where-question and "in/at Capitalised"
	fQuantity            // how-many question and a number the question lacks
	fReason              // why-question and "because", "so that" …
	fQuotation           // what-did-X-say question and quotation marks
	fLength              // log of the sentence's words
	fLong                // words past 30, in units of 30
	fQuestionTurn        // an interviewer's question
	fFirst               // first sentence of its paragraph
	fNovelty             // share of the sentence's words the question lacks
	fCovMorph            // coverage by the question's stems and their derived and irregular forms
	fBigram              // share of the question's neighbouring word pairs that stand close in the sentence
	fProper              // share of the question's names the sentence holds
	fNumber              // share of the question's numbers the sentence holds
	fRarest              // the question's rarest word is in the sentence
	fUnmatched           // content words of the question the sentence lacks
	fCovWordNet          // coverage counting words WordNet relates too
	fParagraph           // loose coverage of the sentence's whole paragraph (or turn)
	numFeatures
)

// featureNames name the features in the learned weights and reports.
var featureNames = [numFeatures]string{
	"covExact", "covLoose", "covFraming", "covContext", "bm25", "passage", "proximity",
	"title", "subject", "definition", "person", "time", "place", "quantity", "reason", "quotation",
	"length", "long", "questionTurn", "first", "novelty", "covMorph", "bigram", "proper",
	"number", "rarest", "unmatched", "covWordNet", "paragraph",
}

type featureVector [numFeatures]float64

// Weights are the ranker's parameters: a weight per feature, and how a
// quote is extended to a neighbouring sentence.
type Weights struct {
	Features [numFeatures]float64
	// Extend quotes a neighbour too when its score is at most this much
	// below the chosen sentence's (and the two fit in MaxQuoteRunes).
	Extend float64
}

func (w *Weights) score(f *featureVector) float64 {
	s := 0.0
	for i, v := range f {
		s += w.Features[i] * v
	}
	return s
}

// BM25 parameters for single sentences.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// matchScratch holds per-question working space, reused across candidates.
type matchScratch struct {
	exact, morph, loose, related []bool
	tf                           []int
	at                           [][]uint16 // word positions where each concept matched
	seen                         []int32    // concept of each matched token, -1 when none
}

func newScratch(q *question) *matchScratch {
	n := len(q.concepts)
	return &matchScratch{exact: make([]bool, n), morph: make([]bool, n), loose: make([]bool, n), related: make([]bool, n), tf: make([]int, n), at: make([][]uint16, n)}
}

// match fills which concepts sentence g holds.
func (m *matchScratch) match(q *question, t *sentenceTable, g int) {
	clear(m.exact)
	clear(m.morph)
	clear(m.loose)
	clear(m.related)
	clear(m.tf)
	for i := range m.at {
		m.at[i] = m.at[i][:0]
	}
	lo, hi := t.tokens(g)
	m.seen = m.seen[:0]
	for k := lo; k < hi; k++ {
		c := int32(-1)
		for _, a := range q.byTerm[t.term[k]] {
			m.related[a.concept] = true
			if a.how == altWordNet {
				continue
			}
			m.loose[a.concept] = true
			switch a.how {
			case altExact:
				m.exact[a.concept] = true
				m.morph[a.concept] = true
			case altDerived, altIrregular:
				m.morph[a.concept] = true
			}
			if t.kind[k]&tokSpeaker == 0 {
				m.tf[a.concept]++
				m.at[a.concept] = append(m.at[a.concept], t.pos[k])
			}
			c = int32(a.concept)
		}
		m.seen = append(m.seen, c)
	}
}

// features computes the feature vector of sentence g of document doc,
// found in a passage whose relative score is passage.
func (ix *Index) features(q *question, m *matchScratch, doc, sent int, passage float64, f *featureVector) {
	*f = featureVector{}
	t := ix.table
	g := t.global(doc, sent)
	m.match(q, t, g)
	lex := ix.lex
	content := q.content
	if content == 0 {
		content = q.framing
	}
	exact, morph, loose, related, framing := 0.0, 0.0, 0.0, 0.0, 0.0
	var proper, properN, number, numberN int
	bm25 := 0.0
	lo, hi := t.tokens(g)
	length := float64(hi - lo)
	for i, c := range q.concepts {
		if c.framing && q.content > 0 {
			if m.loose[i] {
				framing += c.weight
			}
			continue
		}
		if m.exact[i] {
			exact += c.weight
		}
		if m.morph[i] {
			morph += c.weight
		}
		if m.related[i] {
			related += c.weight
		}
		if c.proper {
			properN++
			if m.loose[i] {
				proper++
			}
		}
		if c.number {
			numberN++
			if m.loose[i] {
				number++
			}
		}
		if !m.loose[i] {
			f[fUnmatched]++
		}
		if m.loose[i] {
			loose += c.weight
		}
		if tf := float64(m.tf[i]); tf > 0 {
			bm25 += c.weight * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*length/max(lex.avgLen, 1)))
		}
	}
	if content > 0 {
		f[fCovExact] = exact / content
		f[fCovMorph] = morph / content
		f[fCovLoose] = loose / content
		f[fCovWordNet] = related / content
	}
	if properN > 0 {
		f[fProper] = float64(proper) / float64(properN)
	}
	if numberN > 0 {
		f[fNumber] = float64(number) / float64(numberN)
	}
	if q.rarest >= 0 && m.loose[q.rarest] {
		f[fRarest] = 1
	}
	f[fBigram] = bigrams(q, m)
	if q.framing > 0 && q.content > 0 {
		f[fCovFraming] = framing / q.framing
	}
	f[fBM25] = bm25 // normalised over the pool by the caller
	f[fPassage] = passage
	f[fProximity] = proximity(q, m, t, lo)
	f[fCovContext], f[fParagraph] = ix.contextCoverage(q, doc, sent, m)
	f[fTitle] = ix.titleCoverage(q, doc, int(ix.corpus.Documents[doc].Sentences[sent].Section))

	// Answer types: what the question asks for, present and not in the
	// question itself.
	var names, numbers, dates, novel int
	for k := lo; k < hi; k++ {
		if m.seen[k-lo] >= 0 {
			continue
		}
		kind := t.kind[k]
		if kind&tokSpeaker == 0 {
			novel++
		}
		if kind&tokCapital != 0 {
			names++
		}
		if kind&tokNumber != 0 {
			numbers++
		}
		if kind&(tokYear|tokMonth) != 0 {
			dates++
		}
	}
	flags := t.flags[g]
	switch q.intent {
	case intentPerson:
		f[fPerson] = float64(min(names, 1))
	case intentTime:
		f[fTime] = float64(min(dates, 1))
	case intentPlace:
		f[fPlace] = bit(flags&sentPlace != 0)
	case intentQuantity:
		f[fQuantity] = float64(min(numbers, 1))
	case intentReason:
		f[fReason] = bit(flags&sentReason != 0)
	case intentQuotation:
		f[fQuotation] = bit(flags&sentQuotation != 0)
	}
	if q.rarest >= 0 {
		first := -1
		for k := lo; k < hi; k++ {
			if t.pos[k] == notInText {
				continue
			}
			if first < 0 {
				first = int(t.pos[k])
			}
			if int(m.seen[k-lo]) == q.rarest {
				if int(t.pos[k])-first <= 3 {
					f[fSubject] = 1
				}
				if q.intent == intentDefinition && t.kind[k]&tokDefined != 0 {
					f[fDefinition] = 1
				}
			}
		}
	}
	words := float64(t.words[g])
	f[fLength] = math.Log1p(words)
	f[fLong] = max(0, words-30) / 30
	f[fQuestionTurn] = bit(flags&sentQuestion != 0)
	f[fFirst] = bit(flags&sentFirst != 0)
	if length > 0 {
		f[fNovelty] = float64(novel) / length
	}
}

// bigrams is the share of the question's neighbouring pairs of content
// words that stand within three words of each other in the sentence, in
// either order.
func bigrams(q *question, m *matchScratch) float64 {
	pairs, found := 0, 0
	prev := -1
	for i, c := range q.concepts {
		if c.framing && q.content > 0 {
			continue
		}
		if prev >= 0 && c.pos-q.concepts[prev].pos <= 3 {
			pairs++
			if near(m.at[prev], m.at[i], 3) {
				found++
			}
		}
		prev = i
	}
	if pairs == 0 {
		return 0
	}
	return float64(found) / float64(pairs)
}

// near reports whether some position of a and some of b are within d.
func near(a, b []uint16, d int) bool {
	for _, x := range a {
		for _, y := range b {
			if diff := int(x) - int(y); diff <= d && diff >= -d {
				return true
			}
		}
	}
	return false
}

func bit(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// proximity is the number of distinct matched concepts over the width of
// the smallest window of words holding one of each.
func proximity(q *question, m *matchScratch, t *sentenceTable, lo int) float64 {
	want := 0
	for i := range q.concepts {
		if m.loose[i] {
			want++
		}
	}
	if want < 2 {
		return 0
	}
	count := make(map[int32]int, want)
	have, left, best := 0, 0, math.MaxInt
	for right, c := range m.seen {
		if c < 0 || t.pos[lo+right] == notInText {
			continue
		}
		if count[c] == 0 {
			have++
		}
		count[c]++
		for have == want {
			for m.seen[left] < 0 || t.pos[lo+left] == notInText {
				left++
			}
			if w := int(t.pos[lo+right]) - int(t.pos[lo+left]) + 1; w < best {
				best = w
			}
			count[m.seen[left]]--
			if count[m.seen[left]] == 0 {
				have--
			}
			left++
		}
	}
	if best == math.MaxInt {
		return 0
	}
	return float64(want) / float64(best)
}

// contextCoverage is the share of the question's content weight held by
// a sentence together with its neighbours in the same section and role
// (an answer often names its subject only in the sentence before), and by
// its paragraph, up to five sentences either side.
func (ix *Index) contextCoverage(q *question, doc, sent int, m *matchScratch) (neighbours, paragraph float64) {
	d := ix.corpus.Documents[doc]
	s := d.Sentences[sent]
	near := make([]bool, len(q.concepts))
	para := make([]bool, len(q.concepts))
	copy(near, m.loose)
	copy(para, m.loose)
	t := ix.table
	for n := max(0, sent-5); n < min(len(d.Sentences), sent+6); n++ {
		ns := d.Sentences[n]
		adjacent := (n == sent-1 || n == sent+1) && ns.Section == s.Section && ns.Question == s.Question
		if n == sent || !adjacent && ns.Paragraph != s.Paragraph {
			continue
		}
		lo, hi := t.tokens(t.global(doc, n))
		for k := lo; k < hi; k++ {
			for _, a := range q.byTerm[t.term[k]] {
				if a.how == altWordNet {
					continue
				}
				if adjacent {
					near[a.concept] = true
				}
				if ns.Paragraph == s.Paragraph {
					para[a.concept] = true
				}
			}
		}
	}
	sumNear, sumPara, total := 0.0, 0.0, 0.0
	for i, c := range q.concepts {
		if c.framing && q.content > 0 {
			continue
		}
		total += c.weight
		if near[i] {
			sumNear += c.weight
		}
		if para[i] {
			sumPara += c.weight
		}
	}
	if total == 0 {
		return 0, 0
	}
	return sumNear / total, sumPara / total
}

// titleCoverage is the share of the question's weight held by a section's
// title and heading.
func (ix *Index) titleCoverage(q *question, doc, sec int) float64 {
	ids := ix.table.titles[ix.table.section(doc, sec)]
	sum, total := 0.0, 0.0
	for _, c := range q.concepts {
		total += c.weight
		for _, a := range c.alts {
			if containsID(ids, a.term) {
				sum += c.weight
				break
			}
		}
	}
	if total == 0 {
		return 0
	}
	return sum / total
}

func containsID(ids []uint32, id uint32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
