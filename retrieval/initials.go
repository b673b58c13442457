package retrieval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A reader types an abbreviation the text never writes: "NEP" of an
// interview that writes only "New Economic Policy". The question is
// asked with the name spelled out where a name of the text has those
// capitals for initials (the reverse of analyser.abbreviations, which
// reads a name a question spells out as the initials a text writes).

// maxAbbreviation is the most letters of an abbreviation spelledOut
// reads: longer words in capitals are words shouted, not initials.
const maxAbbreviation = 6

// spelledOut is text with each abbreviation the text never writes (a
// word of minAbbreviation to maxAbbreviation letters, in capitals, or in
// lower case where it is no English word: "nep") replaced by the name of
// the text it is the initials of, the one written most where several
// are. A question typed all in capitals is left as it is.
func (ix *Index) spelledOut(text string) string {
	if strings.IndexFunc(text, unicode.IsLower) < 0 {
		return text
	}
	return replaceWords(text, analyze(ix.exact, text), func(w string, _ token) (string, bool) {
		if n := utf8.RuneCountInString(w); n < minAbbreviation || n > maxAbbreviation || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return "", false
		}
		if toks := analyze(ix.stem, w); len(toks) != 1 || ix.lex.dfOf(toks[0].term) > 0 {
			return "", false
		}
		if strings.ToUpper(w) != w && (strings.ToLower(w) != w || ix.isEnglish(w)) {
			return "", false
		}
		name, ok := ix.initialsNames()[strings.ToUpper(w)]
		return name, ok
	})
}

// initialsNames are the names of two capitalised words or more the text
// writes (nameRun), and each run of them within a longer one ("New
// Economic Policy" in "Lenin’s New Economic Policy"), by their capitals'
// initials, the one written most for each; read once, at the first
// question that may need them.
func (ix *Index) initialsNames() map[string]string {
	ix.initialsOnce.Do(func() {
		counts := map[string]map[string]int{}
		for _, d := range ix.corpus.Documents {
			for _, s := range d.AllSentences() {
				for _, m := range nameRun.FindAllString(s.Text, -1) {
					countInitials(counts, strings.Fields(m))
				}
			}
		}
		ix.initials = make(map[string]string, len(counts))
		for abbr, names := range counts {
			ix.initials[abbr] = rankedByCount(names)[0]
		}
	})
	return ix.initials
}

// countInitials counts each run of words, two or more, opening and
// closing with a capitalised word, under the initials of its capitalised
// words: "Bank of England" under "BE".
func countInitials(counts map[string]map[string]int, words []string) {
	for i := range words {
		if !opensCapital(words[i]) {
			continue
		}
		var initials strings.Builder
		for j := i; j < len(words); j++ {
			if !opensCapital(words[j]) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(words[j])
			initials.WriteRune(r)
			if j == i || initials.Len() > maxAbbreviation {
				continue
			}
			abbr, name := initials.String(), strings.Join(words[i:j+1], " ")
			if counts[abbr] == nil {
				counts[abbr] = map[string]int{}
			}
			counts[abbr][name]++
		}
	}
}

// opensCapital reports whether a word opens with a capital letter.
func opensCapital(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}
