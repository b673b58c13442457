package retrieval

import (
	"encoding/json"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// MaxQuoteRunes is the longest quote, in characters: one or two
// sentences, and a longer one cut to the clauses around its matches.
const MaxQuoteRunes = 400

// How many answers a question gets: DefaultResults unless asked for
// more, at most MaxResults, for every front end.
const (
	DefaultResults = 3
	MaxResults     = 10
)

// Result is one answer: a quote, the passage around it, and where it stands.
type Result struct {
	Rank    int     `json:"rank"`
	Score   float64 `json:"score"`
	Quote   Excerpt `json:"quote"`
	Passage Excerpt `json:"passage"`
	// Code is the code block that follows the quote, for a question that
	// asks how to do something; nil otherwise.
	Code    *Excerpt   `json:"code,omitempty"`
	Section SectionRef `json:"section"`
	// Page is the page where the quote starts: a PDF's physical page, from
	// 1, or a text's page; 0 when the text has no pages. PageLabel is a
	// PDF's printed label of it.
	Page      int      `json:"page"`
	PageLabel string   `json:"page_label,omitempty"`
	Location  Location `json:"location"`
	// Speaker is who speaks the quote, in a dialogue, play, interview or
	// trial record; "" elsewhere.
	Speaker string `json:"speaker,omitempty"`
	// Asked is the question the quote answers, when the reader asked
	// several at once; "" when they asked one.
	Asked  string `json:"asked,omitempty"`
	Source string `json:"source"`
	// Document is the index of the source document in the corpus.
	Document int `json:"-"`
	// Sentences are the quoted sentences' indices in the document.
	Sentences []int `json:"-"`
	passage   Location
	// whole are the sentences of Sentences the quote shows whole.
	whole []int
}

// MarshalJSON writes a result as the command line and the API show it:
// the quote's and passage's start_line and end_line only where lines are
// how the text is cited (text and Markdown files).
func (r Result) MarshalJSON() ([]byte, error) {
	type result Result // the same fields, without this method
	if r.Location.lineBased() {
		return json.Marshal(result(r))
	}
	type excerpt struct {
		Text string `json:"text"`
		Code bool   `json:"code,omitempty"`
	}
	var code *excerpt
	if r.Code != nil {
		code = &excerpt{r.Code.Text, true}
	}
	return json.Marshal(struct {
		result
		Quote   excerpt  `json:"quote"`
		Passage excerpt  `json:"passage"`
		Code    *excerpt `json:"code,omitempty"`
	}{result(r), excerpt{r.Quote.Text, r.Quote.Code}, excerpt{r.Passage.Text, false}, code})
}

// Excerpt is verbatim text with its line span. Matches are byte ranges of
// Text that matched the query, for highlighting. Code is whether it is a
// code block, to be shown as written; prose that holds code blocks (a
// passage) says where they are for Parts.
type Excerpt struct {
	Text string `json:"text"`
	corpus.Span
	Code       bool     `json:"code,omitempty"`
	Matches    [][2]int `json:"-"`
	codeRanges [][2]int
}

// Parts splits an excerpt into its prose and its code blocks, in order,
// each with its own matches.
func (e Excerpt) Parts() []Excerpt {
	if len(e.codeRanges) == 0 {
		return []Excerpt{e}
	}
	var out []Excerpt
	part := func(lo, hi int, code bool) {
		t := strings.TrimSpace(e.Text[lo:hi])
		if t == "" {
			return
		}
		lo += strings.Index(e.Text[lo:hi], t)
		x := Excerpt{Text: t, Span: e.Span, Code: code}
		for _, m := range e.Matches {
			if m[0] >= lo && m[1] <= lo+len(t) {
				x.Matches = append(x.Matches, [2]int{m[0] - lo, m[1] - lo})
			}
		}
		out = append(out, x)
	}
	last := 0
	for _, r := range e.codeRanges {
		part(last, r[0], false)
		part(r[0], r[1], true)
		last = r[1]
	}
	part(last, len(e.Text), false)
	return out
}

// SectionRef names a section.
type SectionRef struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
}

// result builds the Result quoting sentences sents of a document. A
// quote too long to show whole shows the part around its matches.
func (r *ranker) result(doc int, sents []int, stems highlights, score float64) Result {
	return r.resultAt(doc, sents, stems, score, window{focus: defaultFocus})
}

// window says which part of a quote too long to show whole is shown:
// the part around its matches, or where it holds none the part around
// focus, a share of its length (0 its start, 1 its end); anchored, the
// part at focus whatever the matches.
type window struct {
	focus    float64
	anchored bool
}

// defaultFocus is where a long quote holding no match is shown: a third
// of the way in.
const defaultFocus = 1.0 / 3

// resultAt is result, showing the part of a quote too long to show
// whole that at says.
func (r *ranker) resultAt(doc int, sents []int, stems highlights, score float64, at window) Result {
	d := r.corpus.Documents[doc]
	quoted := make([]corpus.Sentence, len(sents)) // built once: a cached document builds a sentence on each call
	texts := make([]string, len(sents))
	for i, s := range sents {
		quoted[i] = d.Sentence(s)
		texts[i] = quoted[i].Text
	}
	text, starts := joinSentences(texts)
	quote := Excerpt{Text: text}
	var concepts []int
	quote.Matches, concepts = r.matchedConcepts(text, stems)
	around := newWindowMatches(quote.Matches, concepts)
	if at.anchored {
		around = windowMatches{}
	}
	focus := at.focus
	lo, hi := 0, len(text)
	if utf8.RuneCountInString(text) > MaxQuoteRunes {
		lo, hi = clauseWindow(text, around, MaxQuoteRunes, focus)
	}
	lines := quoteLines(quoted, starts)
	if sp := spanOf(lines, lo, hi); sp.End-sp.Start+1 >= maxQuoteLines {
		lo, hi = lineWindow(lines, around, lo, hi, int(float64(len(text))*focus))
		hi = lo + len(strings.TrimRight(text[lo:hi], " "))
	}
	var whole []int
	for i, s := range sents {
		if starts[i] >= lo && starts[i]+len(texts[i]) <= hi {
			whole = append(whole, s)
		}
	}
	// Cite the lines of what is shown, not of whole sentences.
	quote.Span = spanOf(lines, lo, hi)
	quote = quote.cut(lo, hi)

	first := quoted[0]
	quote.Code = first.Code
	p := passageAround(d, sents)
	pass := passageExcerpt(d, p)
	pass.Matches = r.matches(pass.Text, stems)
	sec := d.Sections[first.Section]
	loc := r.linked(locate(d, sents[0], sents[len(sents)-1], quote.Span), d, first.Section)
	return Result{
		Score:     math.Round(score*1000) / 1000,
		Quote:     quote,
		Passage:   pass,
		Section:   SectionRef{Number: sec.Number, Title: sec.Title},
		Page:      loc.Page,
		PageLabel: loc.PageLabel,
		Location:  loc,
		Speaker:   speakerOf(d, sents),
		Source:    d.Name,
		Document:  doc,
		Sentences: sents,
		passage:   r.linked(locate(d, p.FirstSentence, p.EndSentence-1, p.Lines), d, p.Section),
		whole:     whole,
	}
}

// speakerOf is who speaks sentences sents of d: their speaker when they
// share one, else "".
func speakerOf(d *corpus.Document, sents []int) string {
	who := d.Sentence(sents[0]).Speaker
	for _, s := range sents[1:] {
		if d.Sentence(s).Speaker != who {
			return ""
		}
	}
	return who
}

// linked is a location with the address of its section on the site.
func (r *ranker) linked(l Location, d *corpus.Document, sec int) Location {
	l.URL = r.links.URL(d, sec)
	return l
}

// passageExcerpt is a passage's text as it is shown: its sentences, and
// its code blocks set apart by blank lines and marked.
func passageExcerpt(d *corpus.Document, p corpus.Passage) Excerpt {
	e := Excerpt{Span: p.Lines}
	var b strings.Builder
	prevCode := false
	for i, s := range d.Sentences(p.FirstSentence, p.EndSentence) {
		switch {
		case i == p.FirstSentence:
		case s.Code || prevCode:
			b.WriteString("\n\n")
		default:
			b.WriteByte(' ')
		}
		if s.Code {
			e.codeRanges = append(e.codeRanges, [2]int{b.Len(), b.Len() + len(s.Text)})
		}
		b.WriteString(s.Text)
		prevCode = s.Code
	}
	e.Text = b.String()
	return e
}

// followingCode is the code block that follows sentences sents of a
// document, in their section, after the rest of their paragraph: what a
// documentation page shows after saying how to do something. Nil when
// there is none.
func followingCode(d *corpus.Document, sents []int) *Excerpt {
	last := d.Sentence(sents[len(sents)-1])
	n := last.Index + 1
	for n < d.SentenceCount() && d.Sentence(n).Paragraph == last.Paragraph && n-last.Index <= maxSentencesToCode {
		n++
	}
	if n >= d.SentenceCount() {
		return nil
	}
	c := d.Sentence(n)
	if !c.Code || c.Section != last.Section {
		return nil
	}
	return &Excerpt{Text: c.Text, Span: c.Lines, Code: true}
}

// maxSentencesToCode is how many sentences of its paragraph may stand
// between a quote and the code block it brings.
const maxSentencesToCode = 2

// passageAround returns the passage that holds the most of sents.
func passageAround(d *corpus.Document, sents []int) corpus.Passage {
	best, bestN := d.Passages[0], -1
	for _, p := range d.Passages {
		if p.EndSentence <= sents[0] {
			continue
		}
		if p.FirstSentence > sents[len(sents)-1] {
			break
		}
		n := 0
		for _, s := range sents {
			if s >= p.FirstSentence && s < p.EndSentence {
				n++
			}
		}
		if n > bestN {
			best, bestN = p, n
		}
	}
	return best
}

// matches returns the byte ranges of text whose stems are highlighted.
func (r *ranker) matches(text string, h highlights) [][2]int {
	out, _ := r.matchedConcepts(text, h)
	return out
}

// matchedConcepts returns the byte ranges of text whose stems are
// highlighted, and the question's concept each stands for.
func (r *ranker) matchedConcepts(text string, h highlights) ([][2]int, []int) {
	var out [][2]int
	var concepts []int
	for _, t := range analyze(r.stem, text) {
		if i := sort.SearchStrings(h.stems, t.term); i < len(h.stems) && h.stems[i] == t.term {
			out = append(out, [2]int{t.start, t.end})
			concepts = append(concepts, h.concept[t.term])
		}
	}
	return out, concepts
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

// cut keeps text[lo:hi], marking cuts with "…" and shifting the matches.
func (e Excerpt) cut(lo, hi int) Excerpt {
	if lo == 0 && hi == len(e.Text) {
		return e
	}
	prefix, suffix := "", ""
	if lo > 0 {
		prefix = "…"
	}
	if hi < len(e.Text) {
		suffix = "…"
	}
	out := Excerpt{Text: prefix + e.Text[lo:hi] + suffix, Span: e.Span}
	for _, m := range e.Matches {
		if m[0] >= lo && m[1] <= hi {
			out.Matches = append(out.Matches, [2]int{m[0] - lo + len(prefix), m[1] - lo + len(prefix)})
		}
	}
	return out
}

// clauseWindow chooses the part of text, at most limit characters (two
// kept for the ellipses), that holds the densest run of matches, and moves
// its ends to clause boundaries (after , ; : —) where that keeps the
// matches, else to word boundaries.
func clauseWindow(text string, wm windowMatches, limit int, focus float64) (lo, hi int) {
	limit -= 2
	center := int(float64(len(text)) * focus)
	matches := wm.ranges
	if len(matches) > 0 {
		best, bestCount, bestScore := 0, 0, -1
		for i, m := range matches {
			n := 0
			for _, m2 := range matches[i:] {
				if m2[1]-m[0] > limit*3/4 {
					break
				}
				n++
			}
			if sc := wm.score(i, i+n); sc > bestScore {
				best, bestCount, bestScore = i, n, sc
			}
		}
		last := matches[min(len(matches)-1, best+bestCount-1)]
		center = (matches[best][0] + last[1]) / 2
	}
	// Work in bytes: limit bytes hold at most limit runes.
	lo = max(0, center-limit/2)
	hi = min(len(text), lo+limit)
	lo = max(0, hi-limit)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	keepLo, keepHi := hi, lo // the matches inside the window must stay
	for _, m := range matches {
		if m[0] >= lo && m[1] <= hi {
			keepLo, keepHi = min(keepLo, m[0]), max(keepHi, m[1])
		}
	}
	// A clause boundary is looked for in the window's outer quarters
	// alone: the quote gives up no more than that to open or close on one.
	trim := limit / 4
	if lo > 0 {
		if c := clauseStart(text[lo:min(keepLo, hi, lo+trim)]); c > 0 {
			lo += c
		} else if sp := strings.IndexByte(text[lo:hi], ' '); sp >= 0 {
			lo += sp + 1
		}
	}
	if hi < len(text) {
		from := max(keepHi, lo, hi-trim)
		if c := clauseEnd(text[from:hi]); c >= 0 {
			hi = from + c
		} else if sp := strings.LastIndexByte(text[lo:hi], ' '); sp > 0 {
			hi = lo + sp
		}
	}
	return lo, hi
}

// windowMatches are the matches a window of a long quote is chosen by:
// their byte ranges, in order, the question's concept each stands for,
// and how many of them stand for each concept.
type windowMatches struct {
	ranges   [][2]int
	concepts []int
	total    map[int]int
}

// newWindowMatches counts the matches standing for each concept.
func newWindowMatches(ranges [][2]int, concepts []int) windowMatches {
	total := map[int]int{}
	for _, c := range concepts {
		total[c]++
	}
	return windowMatches{ranges: ranges, concepts: concepts, total: total}
}

// score ranks matches from to to (not included) as a window shows them:
// by the question's concepts they stand for, each counting one over the
// number of times the whole quote holds it, then by how many they are.
// A long verse sentence names its subject ("live-oak") at its start and
// its end, and what the question asks of it ("broke off a twig") once:
// the part that holds the word only it holds is the one to show.
func (wm windowMatches) score(from, to int) int {
	seen := map[int]bool{}
	sc := 0
	for _, c := range wm.concepts[from:to] {
		if !seen[c] {
			seen[c] = true
			sc += conceptShare / wm.total[c]
		}
	}
	return sc + to - from
}

// conceptShare is what a concept the whole quote holds once adds to a
// window's score; a match adds one, so that concepts come first.
const conceptShare = 1 << 16

// clauseStart returns the offset in s just after its first clause
// boundary, or 0 when it has none.
func clauseStart(s string) int {
	for _, sep := range []string{"; ", ": ", "— ", "—", ", "} {
		if i := strings.Index(s, sep); i >= 0 && i+len(sep) < len(s) {
			return i + len(sep)
		}
	}
	return 0
}

// clauseEnd returns the offset in s of its last clause boundary (keeping
// the punctuation), or -1 when it has none.
func clauseEnd(s string) int {
	for _, sep := range []string{"; ", ": ", " —", "—", ", "} {
		if i := strings.LastIndex(s, sep); i > 0 {
			return i + len(strings.TrimRight(sep, " "))
		}
	}
	return -1
}

// textLine is where a source line begins in a quote's text.
type textLine struct{ offset, line int }

// quoteLines are the source lines of a quote's text, sentences joined
// with their starts: where each line begins in the text.
func quoteLines(sentences []corpus.Sentence, starts []int) []textLine {
	var out []textLine
	for i, sent := range sentences {
		out = append(out, textLine{starts[i], sent.Lines.Start})
		for _, ls := range sent.Starts {
			if ls.Offset > 0 {
				out = append(out, textLine{starts[i] + int(ls.Offset), int(ls.Line)})
			}
		}
	}
	return out
}

// spanOf is the span of source lines that text[lo:hi] stands on.
func spanOf(lines []textLine, lo, hi int) corpus.Span {
	sp := corpus.Span{Start: math.MaxInt}
	for k, l := range lines {
		end := math.MaxInt
		if k+1 < len(lines) {
			end = lines[k+1].offset
		}
		if l.offset < hi && end > lo {
			sp.Start, sp.End = min(sp.Start, l.line), max(sp.End, l.line)
		}
	}
	return sp
}

// lineWindow narrows text[lo:hi] to whole source lines spanning fewer
// than maxQuoteLines, the run of them whose matches score best (of
// those, the one nearest the offset at, the first of those): subtitles'
// sentence spoken over many cues, a long sentence of verse, whose last
// lines are its ending.
func lineWindow(lines []textLine, wm windowMatches, lo, hi, at int) (int, int) {
	bestLo, bestHi, best, bestAway := lo, hi, -1, 0
	for a, first := range lines {
		if first.offset >= hi {
			break
		}
		end := hi
		for b := a + 1; b < len(lines); b++ {
			if lines[b].line-first.line+1 >= maxQuoteLines {
				end = min(end, lines[b].offset)
				break
			}
		}
		from := max(lo, first.offset)
		if end <= from {
			continue
		}
		i := sort.Search(len(wm.ranges), func(k int) bool { return wm.ranges[k][0] >= from })
		j := i
		for j < len(wm.ranges) && wm.ranges[j][1] <= end {
			j++
		}
		n := wm.score(i, j)
		away := max(from-at, at-end, 0)
		if n > best || n == best && away < bestAway {
			bestLo, bestHi, best, bestAway = from, end, n, away
		}
	}
	return bestLo, bestHi
}
