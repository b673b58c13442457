package retrieval

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

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
		speaker := t.toks[k].kind&tokSpeaker != 0
		for _, a := range q.byTerm[t.toks[k].term] {
			if speaker && q.concepts[a.concept].object {
				continue // "Duncan" of "Who killed Duncan?" is not who speaks
			}
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
			if !speaker {
				m.tf[a.concept]++
				m.at[a.concept] = append(m.at[a.concept], t.toks[k].pos)
			}
			c = int32(a.concept)
		}
		m.seen = append(m.seen, c)
	}
}

// gather collects what sentence sent of document doc holds of the
// question, found in a passage whose relative score is passage.
func (r *ranker) gather(q *question, m *matchScratch, doc, sent int, passage float64) *evidence {
	t := r.table
	g := t.global(doc, sent)
	m.match(q, t, g)
	s := r.corpus.Documents[doc].Sentence(sent)
	if s.Speaker == "" {
		m.credit(r.authorConcepts(q, doc))
		if q.narrator >= 0 && tellsFirstHand(s.Text) {
			m.hold(q.narrator)
		}
	}
	sec := r.corpus.Documents[doc].Sections[s.Section]
	opening := sent == sec.FirstSentence && !strings.HasPrefix(s.Text, "[") // not a stage direction under a scene's setting
	m.creditTitle(q, r.table.titles[t.section(doc, s.Section)], sec.EndSentence-sec.FirstSentence <= shortSection || opening)
	r.creditNamed(q, m, doc, sent, s.Paragraph)
	r.creditPronoun(q, m, doc, sent, s.Text, s.Paragraph)
	r.creditThere(q, m, doc, sent, s.Text, s.Paragraph)
	lo, hi := t.tokens(g)
	e := &evidence{q: q, passage: passage, flags: t.flags[g], words: float64(t.words[g]), tokens: hi - lo}
	r.matchWeights(e, m, hi-lo)
	e.proximity = proximity(q, m, t, lo)
	e.bigram = bigrams(q, m)
	e.neighbours, e.paragraph = r.contextCoverage(q, doc, sent, m)
	e.title = r.titleCoverage(q, doc, s.Section)
	e.speaker = r.speakerCoverage(q, s.Speaker)
	answerWords(e, m, t, lo, hi)
	rarestPlace(e, m, t, lo, hi)
	return e
}

// speakerCoverage is the share of the question's content that names the
// sentence's speaker: "Anthony" in "What did Miss Anthony say about her
// prosecutors?", for a sentence she speaks.
func (r *ranker) speakerCoverage(q *question, speaker string) float64 {
	stems := r.speakers[speaker]
	if len(stems) == 0 || q.content == 0 {
		return 0
	}
	named := 0.0
	for _, c := range q.concepts {
		if !c.framing && !c.object && slices.Contains(stems, c.stem) {
			named += c.weight
		}
	}
	return named / q.content
}

// namesSpeaker reports whether a term of the question is a word of the
// speaker's name, which their sentences need not hold to answer.
func (r *ranker) namesSpeaker(q *question, term uint32, speaker string) bool {
	stems := r.speakers[speaker]
	for _, a := range q.byTerm[term] {
		if c := q.concepts[a.concept]; !c.object && slices.Contains(stems, c.stem) {
			return true
		}
	}
	return false
}

// matchWeights adds up the weights of the question's concepts the
// sentence holds, by kind of match, and its BM25 over length tokens.
func (r *ranker) matchWeights(e *evidence, m *matchScratch, length int) {
	q := e.q
	e.content = q.content
	if e.content == 0 {
		e.content = q.framing // a question of framing words alone
	}
	for i, c := range q.concepts {
		if c.framing && q.content > 0 {
			if m.loose[i] {
				e.framing += c.weight
			}
			continue
		}
		e.exact += c.weight * bit(m.exact[i])
		e.morph += c.weight * bit(m.morph[i])
		e.related += c.weight * bit(m.related[i])
		e.loose += c.weight * bit(m.loose[i])
		if !m.loose[i] {
			e.unmatched++
		}
		if c.proper {
			e.properN++
			e.proper += int(bit(m.loose[i]))
		}
		if c.number {
			e.numberN++
			e.number += int(bit(m.loose[i]))
		}
		if tf := float64(m.tf[i]); tf > 0 {
			e.bm25 += c.weight * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float64(length)/max(r.lex.avgLen, 1)))
		}
	}
	e.rarest = q.rarest >= 0 && m.loose[q.rarest]
}

// namesDate reports whether token k of a sentence ending at hi is a unit
// that names a date, not a measure: "year" just before a number ("in
// the year 1914").
func namesDate(q *question, t *sentenceTable, k, hi int) bool {
	return q.dateUnits[t.toks[k].term] && k+1 < hi && t.toks[k+1].kind&tokNumber != 0 && t.toks[k+1].pos == t.toks[k].pos+1
}

// unitReach is how many words from a unit its number may stand: "41
// years old", "at the age of 18".
const unitReach = 2

// numberBeside reports whether a number (not a year) stands within
// unitReach words of token k.
func numberBeside(t *sentenceTable, k, lo, hi int) bool {
	for j := max(lo, k-unitReach); j < min(hi, k+unitReach+1); j++ {
		d := int(t.toks[j].pos) - int(t.toks[k].pos)
		if j != k && d >= -unitReach && d <= unitReach && t.toks[j].kind&tokNumber != 0 && t.toks[j].kind&tokYear == 0 {
			return true
		}
	}
	return false
}

// answerWords counts the words of the sentence that the question lacks,
// and of them the names, numbers and dates: what the question asks for;
// for "who", a name after "by" ("designed by Tiffany & Co.") most of all.
// A year is a date, not a count ("founded by its miners in 1902" gives
// no number of miners).
func answerWords(e *evidence, m *matchScratch, t *sentenceTable, lo, hi int) {
	for k := lo; k < hi; k++ {
		if e.q.units[t.toks[k].term] && !namesDate(e.q, t, k, hi) {
			e.units++
			if numberBeside(t, k, lo, hi) {
				e.numberedUnits++
			}
		}
		if m.seen[k-lo] >= 0 {
			continue
		}
		kind := t.toks[k].kind
		if kind&tokSpeaker == 0 {
			e.novel++
		}
		if kind&tokCapital != 0 {
			e.names++
			person := kind&(tokPlace|tokMonth) == 0
			if person {
				e.persons++
			}
			e.roleNamed = e.roleNamed || kind&tokPlace == 0 && besideRole(e.q, m, t, k, lo, hi)
			e.agentNamed = e.agentNamed || person && kind&tokAgent != 0 && e.q.intent == intentPerson
		}
		if kind&tokNumber != 0 && kind&tokYear == 0 {
			e.numbers++
			e.countNamed = e.countNamed || k+1 < hi && slices.Contains(e.q.counted, int(m.seen[k+1-lo])) && t.toks[k+1].pos-t.toks[k].pos <= 2
		}
		if kind&(tokYear|tokMonth) != 0 {
			e.dates++
		}
		if kind&tokPlace != 0 {
			e.places++
		}
	}
}

// rarestPlace says whether the question's rarest word is the sentence's
// subject (among its first words), and whether a definition follows it
// or the head of the term a definition question asks about.
func rarestPlace(e *evidence, m *matchScratch, t *sentenceTable, lo, hi int) {
	if e.q.rarest < 0 {
		return
	}
	first := -1
	for k := lo; k < hi; k++ {
		if t.toks[k].pos == notInText {
			continue
		}
		if first < 0 {
			first = int(t.toks[k].pos)
		}
		c := int(m.seen[k-lo])
		if c == e.q.rarest {
			e.subject = e.subject || int(t.toks[k].pos)-first <= subjectWindow
		}
		if c == e.q.rarest || c == e.q.head && c >= 0 {
			e.defined = e.defined || t.toks[k].kind&tokDefined != 0
		}
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
		if c < 0 || t.toks[lo+right].pos == notInText {
			continue
		}
		if count[c] == 0 {
			have++
		}
		count[c]++
		for have == want {
			for m.seen[left] < 0 || t.toks[lo+left].pos == notInText {
				left++
			}
			if w := windowWidth(m.seen[left:right+1], t.toks[lo+left:lo+right+1]); w < best {
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

// windowWidth is how many word positions the matched tokens of a window
// span. Positions do not always grow along the tokens: a token searched
// as written (an identifier, see withIdentifiers) follows the sentence's
// words at the position of its first word, so the window's ends alone
// could give a width of zero or less.
func windowWidth(seen []int32, toks []tableToken) int {
	lo, hi := math.MaxInt, math.MinInt
	for i, c := range seen {
		if c < 0 || toks[i].pos == notInText {
			continue
		}
		lo, hi = min(lo, int(toks[i].pos)), max(hi, int(toks[i].pos))
	}
	return hi - lo + 1
}

// contextWindow is how many sentences either side of a sentence its
// paragraph is looked for in.
const contextWindow = 5

// contextCoverage is the share of the question's content weight held by
// a sentence together with its neighbours in the same section and role
// (an answer often names its subject only in the sentence before), and by
// its paragraph, up to contextWindow sentences either side.
func (r *ranker) contextCoverage(q *question, doc, sent int, m *matchScratch) (neighbours, paragraph float64) {
	d := r.corpus.Documents[doc]
	s := d.Sentence(sent)
	near := make([]bool, len(q.concepts))
	para := make([]bool, len(q.concepts))
	copy(near, m.loose)
	copy(para, m.loose)
	t := r.table
	for n := max(0, sent-contextWindow); n < min(d.SentenceCount(), sent+contextWindow+1); n++ {
		ns := d.Sentence(n)
		adjacent := (n == sent-1 || n == sent+1) && ns.Section == s.Section && ns.Question == s.Question
		if n == sent || !adjacent && ns.Paragraph != s.Paragraph {
			continue
		}
		lo, hi := t.tokens(t.global(doc, n))
		for k := lo; k < hi; k++ {
			for _, a := range q.byTerm[t.toks[k].term] {
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
func (r *ranker) titleCoverage(q *question, doc, sec int) float64 {
	ids := r.table.titles[r.table.section(doc, sec)]
	sum, total := 0.0, 0.0
	for _, c := range q.concepts {
		total += c.weight
		if c.namedIn(ids, false) {
			sum += c.weight
		}
	}
	if total == 0 {
		return 0
	}
	return sum / total
}

// creditTitle counts the names a section's title gives, as the question
// writes them (with a capital), as held by every sentence under it: a
// section is about what its title names, and its sentences say "the
// game" or "it" ("Where did Super Bowl 50 take place?" of the article
// "Super Bowl 50", whose answer is "The game was played … at Levi's
// Stadium"), while a sentence that happens to print the name answers no
// better for it. A common word of a title may be the scene's setting
// ("A Room of state in the Palace"), not its subject, except over a
// section too short to name it again: a constitution's sidenote over its
// section, a glossary's term, a documentation page's heading.
func (m *matchScratch) creditTitle(q *question, title []uint32, short bool) {
	for i, c := range q.concepts {
		if !c.framing && (c.capital || short) && c.namedIn(title, true) && (short || wholeNameIn(q, i, title)) {
			m.hold(i)
		}
	}
}

// wholeNameIn reports whether a title holds every word of the name the
// question's concept i is part of: "Walden Pond" is not named by "The
// Pond in Winter", whose capital is the title's, not a name's.
func wholeNameIn(q *question, i int, title []uint32) bool {
	lo, hi := i, i
	for lo > 0 && q.concepts[lo-1].capital && q.concepts[lo-1].pos == q.concepts[lo].pos-1 {
		lo--
	}
	for hi+1 < len(q.concepts) && q.concepts[hi+1].capital && q.concepts[hi+1].pos == q.concepts[hi].pos+1 {
		hi++
	}
	for j := lo; j <= hi; j++ {
		if !q.concepts[j].namedIn(title, true) {
			return false
		}
	}
	return true
}

// namedIn reports whether a title's words (ids) hold the concept: as the
// question writes it when exact, or in any of its forms.
func (c concept) namedIn(ids []uint32, exact bool) bool {
	for _, a := range c.alts {
		if (!exact || a.how == altExact) && containsID(ids, a.term) {
			return true
		}
	}
	return false
}

func containsID(ids []uint32, id uint32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// shortSection is the most sentences a section may have for every word
// of its title to count as held by them; a longer section's opening
// sentence holds them, as it opens on what the title names (a
// changelog's "5.13.0 · Security Fixes" over "Panic in Rows.Values on
// malformed server responses"), unless it is a stage direction: a play's
// scene is titled by its setting ("A Room of state in the Palace" over
// "[Enter Macbeth, Lady Macbeth, Ross…]").
const shortSection = 2

// nameWindow is how many sentences of its paragraph before a sentence may
// give a name the sentence calls by its last word.
const nameWindow = 8

// creditNamed counts a question's words that are the first words of a
// name given earlier in paragraph para as held by sentence sent, of that
// paragraph, when it calls the name by its last word in lower case: "The
// $1.2 billion stadium opened in 2014" after "…awarded the game to
// Levi's Stadium" answers "When did Levi's Stadium open?".
func (r *ranker) creditNamed(q *question, m *matchScratch, doc, sent, para int) {
	d := r.corpus.Documents[doc]
	t := r.table
	lo, hi := t.tokens(t.global(doc, sent))
	for n := sent - 1; n >= max(0, sent-nameWindow) && d.Sentence(n).Paragraph == para; n-- {
		plo, phi := t.tokens(t.global(doc, n))
		for k := plo; k < phi; k++ {
			if !isNameWord(t.toks[k]) || len(q.byTerm[t.toks[k].term]) == 0 {
				continue
			}
			head := k
			for head+1 < phi && isNameWord(t.toks[head+1]) && t.toks[head+1].pos == t.toks[head].pos+1 {
				head++
			}
			if head > k && callsByLowerCase(t.toks[lo:hi], t.toks[head].term) {
				for _, a := range q.byTerm[t.toks[k].term] {
					if a.how != altWordNet && !q.concepts[a.concept].framing {
						m.hold(a.concept)
					}
				}
			}
		}
	}
}

// creditPronoun counts the question's names that make up the first name
// the sentence before sent gives, in its paragraph, as held by sent when
// it opens with a pronoun: "He was able to adopt the epidemiology of the
// bubonic plague for the second edition in 1908" after "The historian
// Francis Aidan Gasquet wrote about the 'Great Pestilence' in 1893"
// answers "When did the second edition of Gasquet's book come out?". A
// sentence before that opens with a pronoun too points further back, up
// to pronounChain sentences.
func (r *ranker) creditPronoun(q *question, m *matchScratch, doc, sent int, text string, para int) {
	if sent == 0 || !opensWithPronoun(text) {
		return
	}
	d := r.corpus.Documents[doc]
	if d.Sentence(sent-1).Paragraph != para {
		return
	}
	from := sent - 1 // past sentences opening with pronouns too, to the name they stand for
	for from > 0 && sent-from < pronounChain && opensWithPronoun(d.Sentence(from).Text) && d.Sentence(from-1).Paragraph == para {
		from--
	}
	t := r.table
	plo, phi := t.tokens(t.global(doc, from))
	inName := false
	for k := plo; k < phi; k++ {
		tk := t.toks[k]
		// A sentence's first word has no tokCapital: it is a name
		// where the question writes it as one ("Jacksonville is…").
		name := isNameWord(tk) || k == plo && tk.pos == 0 && slices.ContainsFunc(q.byTerm[tk.term], func(a alt) bool { return q.concepts[a.concept].capital })
		if !name && inName {
			return // the first name ends here
		}
		if !name {
			continue
		}
		inName = true
		m.holdName(q, tk.term)
	}
}

// placeThere is "there" standing for a place after a word of the
// sentence, and existential its next words when they are a verb that says
// something is ("and there were four of us"), not a place.
var (
	placeThere  = regexp.MustCompile(`\b\p{Ll}[\p{L}']*\s+there\b(\s+\p{L}+)?`)
	existential = regexp.MustCompile(`^\s+(?:is|are|was|were|be|been|being|has|have|had|will|would|may|might|must|can|could|shall|should|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed|lies|lay|lived|came|comes|arose)$`)
)

// saysThere reports whether text says "there" of a place (placeThere).
func saysThere(text string) bool {
	if !strings.Contains(text, "there") {
		return false // most sentences: the expression is read only where it may match
	}
	for _, m := range placeThere.FindAllStringSubmatch(text, -1) {
		if !existential.MatchString(m[1]) {
			return true
		}
	}
	return false
}

// creditThere counts the question's names the sentence before sent, in
// its paragraph, holds as held by sent when it says "there" of a place:
// "I lived there two years and two months." after "…on the shore of
// Walden Pond, in Concord, Massachusetts" answers "How long did Thoreau
// live at Walden?".
func (r *ranker) creditThere(q *question, m *matchScratch, doc, sent int, text string, para int) {
	if sent == 0 || !saysThere(text) {
		return
	}
	d := r.corpus.Documents[doc]
	if d.Sentence(sent-1).Paragraph != para {
		return
	}
	t := r.table
	plo, phi := t.tokens(t.global(doc, sent-1))
	for k := plo; k < phi; k++ {
		if tk := t.toks[k]; isNameWord(tk) {
			m.holdName(q, tk.term)
		}
	}
}

// holdName counts the question's names term is a word of, as the
// question writes them, as held: the name a pronoun or "there" stands
// for.
func (m *matchScratch) holdName(q *question, term uint32) {
	for _, a := range q.byTerm[term] {
		if a.how != altWordNet && q.concepts[a.concept].capital && !q.concepts[a.concept].framing {
			m.hold(a.concept)
		}
	}
}

// pronounChain is how many sentences back, each opening with a pronoun,
// creditPronoun looks for the name they stand for. One answers a
// training question fewer than 2; 2, 3 and 4 answer alike on every set
// and on SQuAD.
const pronounChain = 3

// opensWithPronoun reports whether a sentence opens with a pronoun for
// whom or what the sentence before named: "He", "She", "It", "They", or
// "Then he", "After that, he" (leadPronoun).
func opensWithPronoun(text string) bool {
	first, _, _ := strings.Cut(text, " ")
	switch first {
	case "He", "She", "It", "They", "His", "Her", "Its", "Their":
		return true
	}
	return leadPronoun.MatchString(text)
}

// leadPronoun is a pronoun opening a sentence's first clause after a
// word or a short phrase leading into it: "After that, he sat down and
// wrote out a prescription", "Then she left".
var leadPronoun = regexp.MustCompile(`^(?:(?:And|But|Then|So|Yet|Now|Thus|Soon|Still|Later|Afterwards|Finally)\s+|[^,;:.!?]{1,30},\s+)(?:he|she|it|they|his|her|its|their)\b`)

// isNameWord reports whether a token is written with a capital in the text.
func isNameWord(tk tableToken) bool {
	return tk.kind&tokCapital != 0 && tk.kind&tokSpeaker == 0
}

// callsByLowerCase reports whether toks, a sentence's, hold term in lower
// case. The first word's case says nothing.
func callsByLowerCase(toks []tableToken, term uint32) bool {
	for i, tk := range toks {
		if i > 0 && tk.term == term && tk.kind&(tokCapital|tokSpeaker) == 0 {
			return true
		}
	}
	return false
}

// firstPerson matches a word a narrator says of themselves.
var firstPerson = regexp.MustCompile(`\b(?:I|[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)\b`)

// tellsFirstHand reports whether a sentence's narration, outside its
// quotation marks, speaks in the first person ("I landed on the
// Middlesex bank"): told by the narrator of a story told so, about them.
func tellsFirstHand(text string) bool {
	own, _ := narration(text, false)
	return firstPerson.MatchString(own)
}

// besideRole reports whether token k stands beside a word of the role
// a question names, a word or two away.
func besideRole(q *question, m *matchScratch, t *sentenceTable, k, lo, hi int) bool {
	for _, j := range []int{k - 1, k + 1} {
		if j >= lo && j < hi && slices.Contains(q.role, int(m.seen[j-lo])) && t.toks[max(j, k)].pos-t.toks[min(j, k)].pos <= 2 {
			return true
		}
	}
	return false
}
