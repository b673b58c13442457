package retrieval

import "unicode/utf8"

// Suggest returns words of the text close in spelling to the words of
// text that the text does not contain, at most three, closest first.
func (ix *Index) Suggest(text string) []string {
	known := map[string]bool{}
	var out []string
	tried := 0
	for _, w := range uniqueTerms(analyze(ix.exact, cleanQuery(text)), maxQueryTerms) {
		if utf8.RuneCountInString(w) < 4 || len(analyze(ix.stem, w)) == 0 || ix.fieldDF(fieldExact, w) > 0 {
			continue
		}
		if tried++; tried > maxSpellings {
			break
		}
		if close := ix.closeTerms(fieldExact, w); len(close) > 0 && !known[close[0]] {
			known[close[0]] = true
			out = append(out, close[0])
		}
	}
	return out
}
