package retrieval

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// spell returns up to three stems of the text within a small edit
// distance of a stem the text lacks, closest and most frequent first. A
// word of English the text lacks is no misspelling of another word
// ("cost" of "lost"), only of a longer or shorter form of itself
// ("catalogue" of "catalog", "unlimited" of "limit").
func (ix *Index) spell(stem string) []string {
	near := ix.closeTerms(fieldText, stem)
	if wordnetRelated(stem) == nil {
		return near
	}
	return slices.DeleteFunc(near, func(t string) bool {
		return !strings.Contains(t, stem) && !strings.Contains(stem, t)
	})
}

// Suggest returns words of the text close in spelling to the words of
// text that the text lacks in every form, at most three, closest first.
// An inflection or a derived form of a word of the text ("dissolve" for
// "dissolved") is not a misspelling, nor is a word that frames a question
// ("many"); a word of English is one only of its own forms (spell).
func (ix *Index) Suggest(text string) []string {
	known := map[string]bool{}
	var out []string
	tried := 0
	for _, w := range uniqueTerms(analyze(ix.exact, cleanQuery(text)), maxQueryTerms) {
		stems := analyze(ix.stem, w)
		if utf8.RuneCountInString(w) < 4 || len(stems) == 0 {
			continue
		}
		s := stems[0].term
		if ix.lex.framing(s) || ix.lex.dfOf(s) > 0 || ix.lex.titleDFOf(s) > 0 || len(ix.lex.derived(s)) > 0 || ix.lex.knownForm(s) {
			continue
		}
		if tried++; tried > maxSpellings {
			break
		}
		if near := ix.spell(s); len(near) > 0 {
			word := near[0]
			if id, ok := ix.lex.ids[word]; ok {
				word = strings.ToLower(ix.lex.surface[id])
			}
			if !known[word] {
				known[word] = true
				out = append(out, word)
			}
		}
	}
	return out
}

// closeTerms returns up to three terms of a field within a small edit
// distance of s, closest first, using the dictionary's Levenshtein
// automaton rather than a scan of the vocabulary.
func (ix *Index) closeTerms(field, s string) []string {
	if utf8.RuneCountInString(s) < 4 {
		return nil
	}
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil
	}
	r, err := adv.Reader()
	if err != nil {
		return nil
	}
	defer r.Close()
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	dict, err := fr.FieldDictFuzzy(field, s, fuzziness(s), "")
	if err != nil {
		return nil
	}
	defer dict.Close()
	type match struct {
		term string
		d    int
		df   uint64
	}
	var ms []match
	for e, err := dict.Next(); err == nil && e != nil; e, err = dict.Next() {
		if e.Term != s {
			ms = append(ms, match{e.Term, search.LevenshteinDistance(s, e.Term), e.Count})
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].d != ms[j].d {
			return ms[i].d < ms[j].d
		}
		if ms[i].df != ms[j].df {
			return ms[i].df > ms[j].df
		}
		return ms[i].term < ms[j].term
	})
	var out []string
	for _, m := range ms {
		if m.d > ms[0].d || len(out) == 3 {
			break
		}
		out = append(out, m.term)
	}
	return out
}

func fuzziness(w string) int {
	if utf8.RuneCountInString(w) >= 7 {
		return 2
	}
	return 1
}
