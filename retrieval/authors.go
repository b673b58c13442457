package retrieval

import (
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/lectern-bot/lectern/corpus"
)

// authorSeparator splits a document's author line into names: "Alexander
// Hamilton, John Jay, and James Madison".
var authorSeparator = regexp.MustCompile(`\s*(?:,|;|&|\band\b)\s*`)

// notAuthors are stems of author lines that name no one: "Anonymous",
// "Various".
var notAuthors = map[string]bool{"anonym": true, "variou": true, "unknown": true}

// authorStems finds, for each document, the stems of its authors' names:
// what a reader asks by ("Where was Douglass born?") and a first-person
// text seldom writes. A part of the line that says what someone else did
// ("interviewed by Dan La Botz for New Politics", "edited by …") names no
// author of the sentences.
func authorStems(a analysis.Analyzer, c *corpus.Corpus) [][]string {
	out := make([][]string, len(c.Documents))
	for i, d := range c.Documents {
		for _, name := range authorSeparator.Split(d.Author, -1) {
			if strings.Contains(" "+strings.ToLower(name)+" ", " by ") {
				continue
			}
			for _, t := range analyze(a, name) {
				if !speakerTitle(t.term) && !notAuthors[t.term] && !slices.Contains(out[i], t.term) {
					out[i] = append(out[i], t.term)
				}
			}
		}
	}
	return out
}

// authorConcepts are the question's content concepts that name an author
// of document doc: written as a name (a capital inside the question) and
// rare in the text, so that "mark" in "What mark did he leave?" is not
// Mark Twain, nor "London" Jack London in a book about London.
func (r *ranker) authorConcepts(q *question, doc int) []int {
	if doc >= len(r.authors) || len(r.authors[doc]) == 0 {
		return nil
	}
	var out []int
	for i, c := range q.concepts {
		if !c.framing && c.capital && slices.Contains(r.authors[doc], c.stem) && r.narrator(doc, c.stem) {
			out = append(out, i)
		}
	}
	return out
}

// narrator reports whether an author's name, as a stem, names who
// narrates document doc rather than what it is about: few of the
// library's sentences hold it (authorRarity), or few of the document's
// own past its front (authorFront), where a preface or an editor's
// introduction names the author throughout.
func (r *ranker) narrator(doc int, stem string) bool {
	if rareName(r.lex, stem) {
		return true
	}
	later := r.table.docSentences(doc) - r.table.docSentences(doc)/authorFront
	return r.authorsLater[doc][stem] <= max(later/authorRarity, 1)
}

// authorRarity: an author's name that more than one sentence in
// authorRarity holds is what the text is about, not who narrates it,
// unless it is the text's front that names it so often (its first
// sentence in authorFront, where prefaces and introductions stand).
const (
	authorRarity = 50
	authorFront  = 4
)

// rareName reports whether few of the library's sentences hold a name's
// stem: no more than one in authorRarity.
func rareName(lex *lexicon, stem string) bool {
	return lex.dfOf(stem) <= max(lex.n/authorRarity, 1)
}

// authorsLater counts, for each document, the sentences past its front
// that hold each stem of its authors' names that is not rare anyway, so
// that opening an index reads the sentences of those few documents only.
func authorsLater(t *sentenceTable, lex *lexicon, authors [][]string) []map[string]int {
	out := make([]map[string]int, len(authors))
	for doc := range authors {
		out[doc] = map[string]int{}
		n := t.docSentences(doc)
		for _, stem := range authors[doc] {
			if rareName(lex, stem) {
				continue // a narrator's name by its rarity alone
			}
			id := lex.ids[stem]
			for s := n / authorFront; s < n; s++ {
				if sentenceHolds(t, t.global(doc, s), id) {
					out[doc][stem]++
				}
			}
		}
	}
	return out
}

// sentenceHolds reports whether sentence g holds term id.
func sentenceHolds(t *sentenceTable, g int, id uint32) bool {
	lo, hi := t.tokens(g)
	for k := lo; k < hi; k++ {
		if t.toks[k].term == id {
			return true
		}
	}
	return false
}

// credit counts the concepts as held by the sentence being matched, as
// the concepts naming the document's author are by a sentence the author
// narrates (one with no speaker of its own): "Douglass" in "Where was
// Douglass born?" is the "I" of every sentence of his narrative, and a
// sentence that happens to print his name (an editor's preface) answers
// no better for it.
func (m *matchScratch) credit(concepts []int) {
	for _, i := range concepts {
		m.hold(i)
	}
}

// hold counts concept i as held, by every kind of match.
func (m *matchScratch) hold(i int) {
	m.exact[i], m.morph[i], m.loose[i], m.related[i] = true, true, true, true
}
