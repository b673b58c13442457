package retrieval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
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

// Filter narrows a search to one speaker's words.
type Filter struct {
	Speaker string // as the corpus names them ("Miss Anthony"); "" for anyone
	// sections are the sections a question points to ("in chapter 3"),
	// by document; nil for every section.
	sections map[*corpus.Document]map[int]bool
}

// keeps reports whether sentence s of d passes the filter.
func (f Filter) keeps(d *corpus.Document, s int) bool {
	if f.sections == nil && f.Speaker == "" {
		return true
	}
	st := d.Sentence(s)
	return (f.sections == nil || f.sections[d][st.Section]) && (f.Speaker == "" || strings.EqualFold(st.Speaker, f.Speaker))
}

// Ask returns up to k quotes that best answer question, best first. A
// question with no searchable words returns no results and no error.
func (ix *Index) Ask(ctx context.Context, question string, k int) ([]Result, error) {
	return ix.AskFor(ctx, question, k, Filter{})
}

// AskFor is Ask among the sentences the filter keeps.
func (ix *Index) AskFor(ctx context.Context, question string, k int, f Filter) ([]Result, error) {
	text := cleanQuery(question)
	if k <= 0 || text == "" {
		return nil, nil
	}
	text = ix.asAsked(text)
	if questions := ix.separateQuestions(text); questions != nil {
		return ix.askEach(ctx, questions, k, f)
	}
	typed := text
	text = ix.respell(ix.spelledOut(text))
	q := ix.analyse(text)
	refs, rest := questionRefs(text)
	rs, err := ix.answerWithinParts(ctx, refs, rest, &q, k, f)
	if err != nil {
		return nil, err
	}
	lead, ok, err := ix.leadingAnswer(ctx, text, typed, refs, &q, rs, f)
	if err != nil || !ok {
		return rs, err
	}
	if len(rs) > 0 {
		lead.Score = rs[0].Score
	}
	return withFirst(lead, rs, k), nil
}

// askEach answers several questions asked at once: each one's best
// quote in the order they were asked, then each one's second, up to k.
// Only the first k are asked, as no more can have a quote: a message of
// many questions costs no more than k.
func (ix *Index) askEach(ctx context.Context, questions []string, k int, f Filter) ([]Result, error) {
	questions = questions[:min(len(questions), k)]
	answers := make([][]Result, len(questions))
	for i, question := range questions {
		rs, err := ix.AskFor(ctx, question, k, f)
		if err != nil {
			return nil, err
		}
		for j := range rs {
			rs[j].Asked = question
		}
		answers[i] = rs
	}
	var out []Result
	for rank := 0; len(out) < k; rank++ {
		added := false
		for _, rs := range answers {
			if rank < len(rs) && len(out) < k && !quotedAlready(out, rs[rank]) {
				out = append(out, rs[rank])
				added = true
			}
		}
		if !added && !slices.ContainsFunc(answers, func(rs []Result) bool { return rank < len(rs) }) {
			break
		}
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out, nil
}

// quotedAlready reports whether one of rs quotes a sentence r quotes.
func quotedAlready(rs []Result, r Result) bool {
	return slices.ContainsFunc(rs, func(o Result) bool {
		return o.Document == r.Document && slices.ContainsFunc(o.Sentences, func(s int) bool { return slices.Contains(r.Sentences, s) })
	})
}

// leadingAnswer is the answer that goes before those ranked by the
// question's words, where the question points to one sentence: a place
// (placeAnswer) or the words it quotes, as respelled and then as typed
// (a misspelling respelled into the wrong word is still found by its
// close spellings). ok is false when it points to none, or the best ranked
// answer quotes it already.
func (ix *Index) leadingAnswer(ctx context.Context, text, typed string, refs []sectionRef, q *question, rs []Result, f Filter) (Result, bool, error) {
	if f.Speaker == "" {
		if r, ok := ix.placeAnswer(text, refs, q); ok {
			return r, true, nil
		}
	}
	if r, ok, err := ix.firstMention(ctx, text, f); err != nil || ok {
		return r, ok, err
	}
	quoted, ok, err := ix.quotedSentence(ctx, text, q.asked, f)
	if err == nil && !ok && typed != text {
		quoted, ok, err = ix.quotedSentence(ctx, typed, reads(typed), f) // "groing" respelled "going", not "growing"
	}
	if err != nil || !ok {
		return Result{}, false, err
	}
	if len(rs) > 0 && rs[0].Document == quoted.Document && slices.Contains(rs[0].Sentences, quoted.Sentences[0]) {
		return Result{}, false, nil
	}
	return quoted, true, nil
}

// placeAnswer quotes the place a question points to by where it stands,
// not by its words: where the text opens or ends, the line signing a
// part, the first or last speech, a verse, a numbered paragraph, the
// answer under a heading that asks the same. None is sought where the
// reader asks for one speaker's words.
func (ix *Index) placeAnswer(text string, refs []sectionRef, q *question) (Result, bool) {
	if te, ok := readTextEnd(text); ok {
		if doc, sent, ok := ix.endSentence(te); ok {
			if d := ix.corpus.Documents[doc]; te.about {
				sent, _ = firstOfSection(d, partHead(d, d.Sentence(sent).Section)) // its synopsis or argument, where it has one
			}
			return ix.endResult(te, doc, sent), true
		}
	}
	if doc, sent, ok := ix.bylineSentence(text); ok {
		return ix.rank.result(doc, []int{sent}, highlights{}, 0), true
	}
	if doc, sents, ok := ix.datedSentences(text); ok {
		return ix.rank.result(doc, sents, highlights{}, 0), true
	}
	if doc, sent, ok := ix.narratorSentence(text); ok {
		return ix.rank.result(doc, []int{sent}, highlights{}, 0), true
	}
	if doc, sent, ok := ix.speakerSentence(text); ok {
		return ix.rank.result(doc, []int{sent}, highlights{}, 0), true
	}
	if doc, sents, ok := ix.verseSentences(text); ok {
		return ix.rank.result(doc, sents, highlights{}, 0), true
	}
	if doc, sent, ok := ix.numberedParagraph(refs, q); ok {
		return ix.rank.result(doc, []int{sent}, q.stems(ix.rank.lex), 0), true
	}
	if doc, sent, ok := ix.askedHeading(q); ok {
		return ix.rank.result(doc, []int{sent}, q.stems(ix.rank.lex), 0), true
	}
	return Result{}, false
}

// answerWithinParts answers q among the sentences f keeps, of the parts
// the question names (refs; rest is the question without them) where it
// names any ("In chapter 3, …").
func (ix *Index) answerWithinParts(ctx context.Context, refs []sectionRef, rest string, q *question, k int, f Filter) ([]Result, error) {
	if len(refs) > 0 {
		if within := ix.sectionsReferred(refs); within != nil {
			if asksAboutPart(rest, ix.analyse) {
				if r, ok := ix.partOpening(within, f, firstOfSection); ok {
					return []Result{r}, nil
				}
			}
			// "In chapter 3, why…": asked among chapter 3's sentences,
			// by the question's other words where it has any.
			narrowed := f
			narrowed.sections = within
			inPart := q
			if r := ix.analyse(rest); r.searchable() {
				inPart = &r
			}
			if rs, err := ix.answer(ctx, inPart, k, narrowed); err != nil || len(rs) > 0 {
				return rs, err
			}
			if r, ok := ix.entryOpening(refs, within, f); ok {
				return []Result{r}, nil
			}
		}
	}
	return ix.answer(ctx, q, k, f)
}

// entryOpening quotes the opening of the first dated entry or letter
// refs name ("What did Lincoln write in June 1836?") when none holds the
// question's other words: an entry is small, and what was asked of it is
// most likely in it, in other words. A chapter that holds nothing of the
// question leaves the whole text to answer instead: the reader may have
// its number wrong.
func (ix *Index) entryOpening(refs []sectionRef, within map[*corpus.Document]map[int]bool, f Filter) (Result, bool) {
	dated := slices.ContainsFunc(refs, func(r sectionRef) bool { return r.kind == "month" || r.kind == "day" || r.kind == "year" })
	if !dated {
		return Result{}, false
	}
	return ix.partOpening(within, f, entryStart)
}

// entryStart is where a dated entry's or a letter's text opens, past its
// epigraph or argument.
func entryStart(d *corpus.Document, sec int) (int, bool) {
	return endOfSections(d, map[int]bool{sec: true}, false)
}

// partOpening quotes the sentence opening finds in the first part of
// within, where it names parts of one document.
func (ix *Index) partOpening(within map[*corpus.Document]map[int]bool, f Filter, opening func(d *corpus.Document, sec int) (int, bool)) (Result, bool) {
	if len(within) != 1 || f.Speaker != "" {
		return Result{}, false
	}
	for i, d := range ix.corpus.Documents {
		if secs := within[d]; len(secs) > 0 {
			first := len(d.Sections)
			for sec := range secs {
				first = min(first, sec)
			}
			if sent, ok := opening(d, first); ok {
				r := ix.rank.result(i, []int{sent}, highlights{}, 0)
				r.Rank = 1
				return r, true
			}
		}
	}
	return Result{}, false
}

// partHead is the section that heads the part section sec opens the text
// of, where its title runs on under the part's: "CHAPTER I: VARIATION
// UNDER DOMESTICATION", over the chapter's synopsis, for "CHAPTER I:
// VARIATION UNDER DOMESTICATION · CAUSES OF VARIABILITY".
func partHead(d *corpus.Document, sec int) int {
	for sec > 0 && strings.HasPrefix(d.Sections[sec].Title, d.Sections[sec-1].Title+" · ") {
		sec--
	}
	return sec
}

// firstOfSection is the first sentence of section sec of d that is
// prose, a synopsis, argument or epigraph included: what the part is
// about.
func firstOfSection(d *corpus.Document, sec int) (int, bool) {
	s := d.Sections[sec]
	for at := pastMatter(d, s.FirstSentence, s.EndSentence); at < s.EndSentence; at++ {
		if prose(d.Sentence(at)) {
			return at, true
		}
	}
	return 0, false
}

// aboutVerbs are the words that ask what something is about.
const aboutVerbs = `(?:about|discuss(?:es|ed)?|cover(?:s|ed)?|deals? with|dealt with|treats? of|treated of)`

// aboutPart asks what a part the question names is about ("What is the
// sixth chapter about?", "What does chapter 3 cover?"), once the part is
// taken out of it; aboutWords are its words that ask so.
var (
	aboutPart  = regexp.MustCompile(`(?i)^\W*(?:what|which)\b.*\b` + aboutVerbs + `\W*$`)
	aboutWords = regexp.MustCompile(`(?i)\b` + aboutVerbs + `\b`)
)

// partTitleAsked asks what a part the question names is called, or what
// happens in it, once the part is taken out of it: "What is the title of
// chapter 4?", "What is chapter 4 called?", "In chapter 4, what's the
// heading?", "What happens in chapter 4?".
var partTitleAsked = regexp.MustCompile(`(?i)^\W*(?:in\W+)?what(?:(?:'s|’s|\s+is|\s+was)\s+(?:the\s+(?:title|name|heading)(?:\s+of)?|called)|\s+(?:happens|happened)(?:\s+in)?)\W*$`)

// asksAboutPart reports whether rest, a question without the part it
// names, asks what the part is about and nothing else: its argument or
// opening answers it.
func asksAboutPart(rest string, analyse func(string) question) bool {
	if partTitleAsked.MatchString(rest) {
		return true // the opening's citation gives the part's title, its synopsis what happens
	}
	if !aboutPart.MatchString(rest) {
		return false
	}
	q := analyse(aboutWords.ReplaceAllString(rest, " "))
	return !q.searchable()
}

// endResult quotes sentence sent of document doc, where a text or part
// opens or ends, with the sentence of its paragraph before an ending (or
// after an opening) too short to stand alone: Huckleberry Finn ends "I
// been there before.", after "But I reckon I got to light out for the
// Territory ahead of the rest…". Too long to show whole, it shows its
// start or its end.
func (ix *Index) endResult(te textEnd, doc, sent int) Result {
	d := ix.corpus.Documents[doc]
	sents, focus := []int{sent}, 0.0
	short := ix.table.words[ix.table.global(doc, sent)] < shortSentence
	switch {
	case te.last:
		focus = 1
		if short && sent > 0 && quotableRun(d, sent-1, sent, false) {
			sents = []int{sent - 1, sent}
		}
	case short && sent+1 < d.SentenceCount() && quotableRun(d, sent, sent+1, false):
		sents = []int{sent, sent + 1}
	}
	return ix.rank.resultAt(doc, sents, highlights{}, 0, window{focus: focus})
}

// answer answers an analysed question among the sentences f keeps.
func (ix *Index) answer(ctx context.Context, q *question, k int, f Filter) ([]Result, error) {
	if !q.searchable() {
		return nil, nil
	}
	cands, err := ix.candidates(ctx, q, f)
	if err != nil {
		return nil, err
	}
	ix.rank.scoreAll(q, cands)
	return ix.rank.choose(q, cands, k), nil
}

// speakerCandidates adds the sentences of the speaker the filter keeps,
// or the question names, that hold something of the question: passages
// found by their words alone may miss "what did Miss Anthony say about
// her prosecutors", whose answer never says "Anthony".
// definitionPool is the most sentences that define a definition
// question's word join the candidates, and definitionScan the most of
// the sentences holding the word that are looked at for them, so that a
// word in every other sentence of a large library costs little.
const (
	definitionPool = 40
	definitionScan = 2000
)

// definitionCandidates adds, for a question asking who or what something
// is, the sentences that define its rarest word ("Pierre, the one who…",
// "X was a …"), in the text's order: among the many sentences that only
// name it, a long one that says who it is scores low by BM25.
func (ix *Index) definitionCandidates(q *question, add func(doc, sent int, passage float64)) {
	if q.intent != intentDefinition || q.rarest < 0 {
		return
	}
	t := ix.table
	n := 0
	for _, a := range q.concepts[q.rarest].alts {
		holding := ix.postings.of(a.term)
		for _, g := range holding[:min(len(holding), definitionScan)] {
			lo, hi := t.tokens(int(g))
			for k := lo; k < hi; k++ {
				if t.toks[k].term == a.term && t.toks[k].kind&tokDefined != 0 {
					doc, sent := t.local(int(g))
					add(doc, sent, 0)
					n++
					break
				}
			}
			if n >= definitionPool {
				return
			}
		}
	}
}

func (ix *Index) speakerCandidates(q *question, f Filter, add func(doc, sent int, passage float64)) {
	named := map[string]bool{}
	if f.Speaker != "" {
		named[strings.ToLower(f.Speaker)] = true
	}
	for speaker := range ix.rank.speakers {
		if ix.rank.speakerCoverage(q, speaker) > 0 {
			named[strings.ToLower(speaker)] = true
		}
	}
	if len(named) == 0 {
		return
	}
	var spoken []uint32
	for name := range named {
		spoken = append(spoken, ix.spoken[name]...)
	}
	slices.Sort(spoken) // text order, whatever the map's
	t := ix.table
	if ix.file.advised() {
		runs := make([]sentenceRun, 0, len(spoken))
		for _, g := range spoken {
			di, si := t.local(int(g))
			runs = append(runs, sentenceRun{di, si, si + 1})
		}
		ix.prefetch(runs)
	}
	for _, g := range spoken {
		di, si := t.local(int(g))
		speaker := ix.corpus.Documents[di].Sentence(si).Speaker
		lo, hi := t.tokens(int(g))
		for k := lo; k < hi; k++ {
			if _, ok := q.byTerm[t.toks[k].term]; ok && !ix.rank.namesSpeaker(q, t.toks[k].term, speaker) {
				add(di, si, 0)
				break
			}
		}
	}
}

// bleveQuery is the disjunction of every concept's stems in the passage
// text, in a fixed order so that scores never depend on map order.
func (q *question) bleveQuery(lex *lexicon) query.Query {
	// As in the search over single sentences (openingDF), a term held by
	// more than openingDF sentences is searched only when the question has
	// no rarer one: scoring every passage that holds it is most of what a
	// question costs in a large library, and says least (its IDF is the
	// lowest). The ranker still weighs it in the candidates found.
	rare := false
	for _, c := range q.concepts {
		for _, a := range c.alts {
			rare = rare || lex.df[a.term] <= openingDF
		}
	}
	var disj []query.Query
	for _, c := range q.concepts {
		for _, a := range c.alts {
			if rare && lex.df[a.term] > openingDF {
				continue
			}
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

// search returns the best size passages for q, best first, those of
// equal score in the order they stand in the library. Bleve orders equal
// scores by its internal numbers, which differ from one build of the
// same index to the next (a batch's documents are a map, analysed
// concurrently; segments merge when they will), so a search fetches
// tieSlack hits more than it keeps and orders them itself. Only where
// the hits of the last score kept run past those fetched does Bleve
// order them by id, which costs it a stored-field read for every hit
// (War and Peace asks 45% slower so).
func (ix *Index) search(ctx context.Context, q query.Query, size int) ([]passageHit, error) {
	hits, err := ix.searchOrdered(ctx, q, size+tieSlack, false)
	if err != nil {
		return nil, err
	}
	if size > 0 && len(hits) == size+tieSlack && hits[size-1].score == hits[len(hits)-1].score {
		if hits, err = ix.searchOrdered(ctx, q, size, true); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(hits, func(a, b passageHit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc), cmp.Compare(a.passage, b.passage))
	})
	return hits[:min(size, len(hits))], nil
}

// tieSlack is how many hits past those it keeps a search fetches to
// order passages of equal score itself.
const tieSlack = 16

// searchOrdered runs q for the best size passages, ordered by Bleve: by
// score, and by id among equal scores where byID.
func (ix *Index) searchOrdered(ctx context.Context, q query.Query, size int, byID bool) ([]passageHit, error) {
	ctx, cancel := context.WithTimeout(ctx, ix.timeout)
	defer cancel()
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	if byID {
		req.SortBy([]string{"-_score", "_id"})
	}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, ErrTimeout
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]passageHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		d, p, ok := ix.parseDocID(h.ID)
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

// sentencePool is how many sentences BM25 over single sentences adds to
// the candidates, besides those of the best passages.
const sentencePool = 50

// candidates are the sentences of the best passages, and the opening
// sentences of sections whose titles hold the question.
func (ix *Index) candidates(ctx context.Context, q *question, f Filter) ([]candidate, error) {
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
		if !f.keeps(ix.corpus.Documents[doc], sent) {
			return
		}
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
	runs := make([]sentenceRun, 0, len(hits)+sentencePool)
	for _, h := range hits {
		p := ix.corpus.Documents[h.doc].Passages[h.passage]
		runs = append(runs, sentenceRun{h.doc, p.FirstSentence, p.EndSentence})
	}
	ix.prefetch(runs)
	for i, h := range hits {
		for s := runs[i].from; s < runs[i].to; s++ {
			add(h.doc, s, h.score/top)
		}
	}
	found := len(out)
	for _, s := range ix.postings.bestSentences(q, ix.table, ix.lex, sentencePool) {
		doc, sent := ix.table.local(int(s.global))
		add(doc, sent, 0)
	}
	for di, d := range ix.corpus.Documents {
		for si, sec := range d.Sections {
			if ix.rank.titleCoverage(q, di, si) < titledSection {
				continue
			}
			for s := sec.FirstSentence; s < min(sec.EndSentence, sec.FirstSentence+sectionOpening); s++ {
				add(di, s, 0)
			}
		}
	}
	ix.speakerCandidates(q, f, add)
	ix.definitionCandidates(q, add)
	ix.prefetch(runsOf(out[found:]))
	return out, nil
}
