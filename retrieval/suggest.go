package retrieval

import (
	"sort"
	"unicode/utf8"
)

// vocabulary returns the distinct lower-cased words of the corpus, read
// once from the exact field's dictionary.
func (ix *Index) vocabulary() []string {
	ix.vocabOnce.Do(func() {
		dict, err := ix.bleve.FieldDict(fieldExact)
		if err != nil {
			return
		}
		defer dict.Close()
		for e, err := dict.Next(); err == nil && e != nil; e, err = dict.Next() {
			ix.vocab = append(ix.vocab, e.Term)
		}
	})
	return ix.vocab
}

// Suggest returns words of the text close in spelling to the words of
// text that the text does not contain, at most three, closest first.
func (ix *Index) Suggest(text string) []string {
	vocab := ix.vocabulary()
	known := map[string]bool{}
	var out []string
	for _, w := range uniqueTerms(analyze(ix.exact, cleanQuery(text)), maxQueryTerms) {
		if utf8.RuneCountInString(w) < 4 || len(analyze(ix.stem, w)) == 0 {
			continue
		}
		i := sort.SearchStrings(vocab, w)
		if i < len(vocab) && vocab[i] == w {
			continue
		}
		best, bestD := "", fuzziness(w)+1
		for _, v := range vocab {
			if d := utf8.RuneCountInString(v) - utf8.RuneCountInString(w); d > bestD || -d > bestD {
				continue
			}
			if d := editDistance(w, v); d < bestD {
				best, bestD = v, d
			}
		}
		if best != "" && !known[best] {
			known[best] = true
			out = append(out, best)
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}
