package retrieval

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
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

// respell corrects, in a question, each word the text lacks in every
// form (see misspeltStem) that is one edit from a word of it: "How
// were the soviets organiezd?" is asked as "How were the soviets
// organized?", with that word's forms, its weight and its neighbours, as
// if typed right. A name (a capital past the question's first word) may
// be one edit of any kind from a name of the text ("Antohny", "Antony");
// so may a word in lower case that is no word of English (isEnglish), but
// a word of English only two letters swapped inside it, since a word of
// English the text lacks is often a letter changed, added or left out
// from one it holds ("unable" and "usable", "bought" and "brought",
// "women" and "omen"). Words of five letters or more, at most
// maxSpellings.
func (ix *Index) respell(text string) string {
	tried := 0
	return replaceWords(text, analyze(ix.exact, text), func(w string, t token) (string, bool) {
		if tried > maxSpellings || !mayRespell(w) {
			return "", false
		}
		if _, ok := ix.misspeltStem(w); !ok {
			return "", false
		}
		if tried++; tried > maxSpellings {
			return "", false
		}
		return ix.respelled(w, isName(text, t))
	})
}

// shortQuestionWords are the short words a question is framed with
// ("what", "did", "the"), and swappedShortWords each mistyped with two
// neighbouring letters swapped ("waht", "teh"), where one word alone is
// so: "hwo" is "who" or "how". respell corrects only words of five
// letters or more.
var (
	shortQuestionWords = strings.Fields("what who why when where which how whom whose the and that was were did does is are has have had")
	swappedShortWords  = swapsOf(shortQuestionWords)
)

// swapsOf maps each word typed with two neighbouring letters swapped to
// the word, where one word alone is that word so.
func swapsOf(words []string) map[string]string {
	out, shared := map[string]string{}, map[string]bool{}
	for _, w := range words {
		for i := 0; i+1 < len(w); i++ {
			b := []byte(w)
			b[i], b[i+1] = b[i+1], b[i]
			typo := string(b)
			if typo == w || slices.Contains(words, typo) {
				continue
			}
			if prev, ok := out[typo]; ok && prev != w {
				shared[typo] = true
			}
			out[typo] = w
		}
	}
	for typo := range shared {
		delete(out, typo)
	}
	return out
}

// howMay is "how may" and the word after it, which is "how many" before
// a plural ("How may yards did Peyton Manning throw?"), not before "the"
// ("How may the President be removed?") or "this".
var howMay = regexp.MustCompile(`(?i)\b(how) may(\s+)(\p{L}+)`)

// notPlurals are words ending in "s" that are no plural nouns.
var notPlurals = map[string]bool{"this": true, "thus": true, "his": true, "its": true, "is": true, "us": true, "was": true, "has": true,
	"does": true, "yes": true, "always": true, "perhaps": true, "unless": true, "less": true, "besides": true, "whereas": true}

// manyBeforePlural is howMay's match as "how many" where a plural follows.
func manyBeforePlural(m string) string {
	parts := howMay.FindStringSubmatch(m)
	word := strings.ToLower(parts[3])
	if !strings.HasSuffix(word, "s") || strings.HasSuffix(word, "ss") || notPlurals[word] || utf8.RuneCountInString(word) < 4 {
		return m
	}
	return parts[1] + " many" + parts[2] + parts[3]
}

// retyped corrects a question's short question words typed with two
// letters swapped ("waht was War Communism?", "why did teh Bolsheviks…")
// where the text lacks the typed word and it is no word of English, and
// "how may" before a plural: the question's kind and its words are read
// from them.
func (ix *Index) retyped(text string) string {
	text = howMay.ReplaceAllStringFunc(text, manyBeforePlural)
	return replaceWords(text, analyze(ix.exact, text), func(w string, _ token) (string, bool) {
		lower := strings.ToLower(w)
		fix, ok := swappedShortWords[lower]
		if !ok || ix.isEnglish(lower) {
			return "", false
		}
		if stems := analyze(ix.stem, lower); len(stems) == 1 && ix.lex.dfOf(stems[0].term) > 0 {
			return "", false // a word of the text, as it writes it
		}
		return asTyped(w, fix), true
	})
}

// replaceWords is text with each word of toks that replace gives another
// for written so; text itself where it gives none.
func replaceWords(text string, toks []token, replace func(w string, t token) (string, bool)) string {
	var b strings.Builder
	last := 0
	for _, t := range toks {
		fix, ok := replace(text[t.start:t.end], t)
		if !ok {
			continue
		}
		b.WriteString(text[last:t.start])
		b.WriteString(fix)
		last = t.end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// mayRespell reports whether respell may correct a word: five letters
// or more, and nothing else.
func mayRespell(w string) bool {
	return utf8.RuneCountInString(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// isName reports whether a token of text is written as a name: with a
// capital, past the text's first word.
func isName(text string, t token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.start:])
	return t.start > 0 && unicode.IsUpper(r)
}

// respelled returns the word of the text a mistyped word stands for (see
// respell), written as a name where name is true.
func (ix *Index) respelled(w string, name bool) (string, bool) {
	lower := []rune(strings.ToLower(w))
	if !name {
		edits := innerSwaps(lower)
		if !ix.isEnglish(string(lower)) {
			edits = oneEdits(lower) // "revolutoin", "bolsheviks" typed in lower case
		}
		es, stop := ix.editedWords(string(lower), edits)
		if stop != "" {
			return asTyped(w, stop), true // "wihch", "becuase": no word of the text
		}
		if len(es) == 0 {
			return "", false
		}
		return asTyped(w, es[0].word), true
	}
	es, _ := ix.editedWords(string(lower), oneEdits(lower))
	if len(es) == 0 {
		return "", false
	}
	fix := es[0].word
	if i := slices.IndexFunc(es, ix.namedInText); i >= 0 {
		fix = es[i].word // "Frech" is "French" before "fresh"
	}
	return capitalised(fix), true
}

// asTyped is a word written with the capital of the word it replaces,
// as a question's first word has one.
func asTyped(typed, word string) string {
	if r, _ := utf8.DecodeRuneInString(typed); unicode.IsUpper(r) {
		return capitalised(word)
	}
	return word
}

// capitalised is a word of the letters a to z with a capital.
func capitalised(word string) string {
	return strings.ToUpper(word[:1]) + word[1:]
}

// isEnglish reports whether a word is one WordNet knows, by its stem or
// the stem of a word it inflects ("boycotting": the stemmer makes
// "boycot" of it, "boycott" of the verb).
func (ix *Index) isEnglish(word string) bool {
	for _, base := range inflected(word) {
		if stems := analyze(ix.stem, base); len(stems) == 1 && englishStem(stems[0].term) {
			return true
		}
	}
	return false
}

// inflected is a word and the words it may be an inflection of by
// English's regular endings, as WordNet's morphology reads them:
// "newer" of "new", "running" of "run", "studied" of "study".
func inflected(w string) []string {
	out := []string{w}
	for _, end := range []string{"ing", "ed", "er", "est", "es", "s"} {
		base, ok := strings.CutSuffix(w, end)
		if !ok || len(base) < 2 {
			continue
		}
		out = append(out, base, base+"e")
		if n := len(base); base[n-1] == base[n-2] && strings.IndexByte("bdgmnprt", base[n-1]) >= 0 {
			out = append(out, base[:n-1]) // a doubled consonant: "running"
		}
		if b, ok := strings.CutSuffix(base, "i"); ok {
			out = append(out, b+"y")
		}
	}
	return out
}

// namedInText reports whether the text writes an edited word's stem with
// a capital, as a name.
func (ix *Index) namedInText(e edited) bool {
	id, ok := ix.lex.ids[e.term]
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(ix.lex.surface[id])
	return unicode.IsUpper(r)
}

// misspeltStem returns the stem of a word of a question that the text
// lacks in every form, and whether it is one: not an inflection or a
// derived form of a word of the text ("dissolve" for "dissolved"), nor
// its other spelling ("behavior" for "behaviour"), a word that frames a
// question ("many"), or a word of four letters or fewer.
func (ix *Index) misspeltStem(w string) (string, bool) {
	stems := analyze(ix.stem, w)
	if utf8.RuneCountInString(w) < 4 || len(stems) == 0 {
		return "", false
	}
	s := stems[0].term
	if ix.lex.framing(s) || ix.lex.dfOf(s) > 0 || ix.lex.titleDFOf(s) > 0 || len(ix.lex.derived(s)) > 0 || len(ix.lex.alternated(s)) > 0 || ix.lex.knownForm(s) {
		return "", false
	}
	if len(ix.analyser().otherSpelt(strings.ToLower(w))) > 0 {
		return "", false // "behavior" where the text writes "behaviour"
	}
	return s, true
}

// Suggest returns words of the text close in spelling to the words of
// text that the text lacks in every form, at most three, closest first:
// the word a question is asked with instead (respell), or else the
// closest. An inflection or a derived form of a word of the text
// ("dissolve" for "dissolved") is not a misspelling, nor is a word that
// frames a question ("many"); a word of English is one only of its own
// forms (spell).
func (ix *Index) Suggest(text string) []string {
	text = ix.asAsked(cleanQuery(text))
	known := map[string]bool{}
	var out []string
	tried := 0
	for _, t := range analyze(ix.exact, text) {
		w := text[t.start:t.end]
		s, ok := ix.misspeltStem(w)
		if !ok || known[strings.ToLower(w)] {
			continue
		}
		known[strings.ToLower(w)] = true
		if tried++; tried > maxSpellings {
			break
		}
		word := ""
		fix, ok := "", false
		if mayRespell(w) {
			fix, ok = ix.respelled(w, isName(text, t))
		}
		if ok {
			word = strings.ToLower(fix)
		} else if near := ix.spell(s); len(near) > 0 {
			word = near[0]
			if id, ok := ix.lex.ids[word]; ok {
				word = strings.ToLower(ix.lex.surface[id])
			}
		}
		if word != "" && !known[word] {
			known[word] = true
			out = append(out, word)
		}
	}
	return out
}

// edited is a word one edit from a word typed, its stem, and how many of
// the text's sentences hold the stem.
type edited struct {
	word, term string
	df         int
}

// editedWords returns the edits of word (see oneEdits and swaps) whose
// stems the text holds, one for each stem, the most frequent stem first;
// and stop, the first edit that is a stop word, one the index leaves out
// ("which", "because", "their"), where no edit before it is a word of
// the text: "wihch" is "which" whatever the text holds one letter
// changed away, but "felow" is the text's "fellow" before "below".
func (ix *Index) editedWords(word string, edits [][]rune) (out []edited, stop string) {
	seen := map[string]bool{word: true}
	textWord := false
	for _, candidate := range edits {
		w := string(candidate)
		if seen[w] {
			continue
		}
		seen[w] = true
		stems := analyze(ix.stem, w)
		if len(stems) == 0 && !textWord && stop == "" && len(analyze(ix.exact, w)) > 0 {
			stop = w
		}
		for _, t := range stems {
			df := ix.lex.dfOf(t.term)
			textWord = textWord || df > 0
			if df == 0 || slices.ContainsFunc(out, func(e edited) bool { return e.term == t.term }) {
				continue
			}
			out = append(out, edited{w, t.term, df})
		}
	}
	slices.SortStableFunc(out, func(a, b edited) int { return b.df - a.df })
	return out, stop
}

// maxEditedWord is the longest word respell edits, in letters: the edits
// of a word grow with its length.
const maxEditedWord = 20

// swaps returns the words made by swapping two neighbouring letters of
// rs, of four to maxEditedWord letters.
func swaps(rs []rune) [][]rune {
	if len(rs) < 4 || len(rs) > maxEditedWord {
		return nil
	}
	var out [][]rune
	for i := range len(rs) - 1 {
		swapped := slices.Clone(rs)
		swapped[i], swapped[i+1] = swapped[i+1], swapped[i]
		out = append(out, swapped)
	}
	return out
}

// spellingPairs are the parts of words British and American English
// spell apart: colour and color, organisation and organization, analyse
// and analyze, centre and center, defence and defense, travelled and
// traveled (not filled and filed); and, one way, mediaeval and medieval,
// manoeuvre and maneuver.
var spellingPairs = []struct {
	a, b   string
	oneWay bool // only a becomes b
}{
	{a: "our", b: "or"}, {a: "ise", b: "ize"}, {a: "isa", b: "iza"}, {a: "yse", b: "yze"},
	{a: "tre", b: "ter"}, {a: "bre", b: "ber"}, {a: "ence", b: "ense"}, {a: "ogue", b: "og"},
	{a: "elled", b: "eled"}, {a: "elling", b: "eling"}, {a: "eller", b: "eler"},
	{a: "alled", b: "aled"}, {a: "alling", b: "aling"},
	{a: "ae", b: "e", oneWay: true}, {a: "oe", b: "e", oneWay: true},
}

// otherSpellings returns a word as the other side of the Atlantic may
// spell it, one part changed (see spellingPairs).
func otherSpellings(w string) [][]rune {
	var out [][]rune
	swap := func(from, to string) {
		for i := 0; i+len(from) <= len(w); i++ {
			if w[i:i+len(from)] == from {
				out = append(out, []rune(w[:i]+to+w[i+len(from):]))
			}
		}
	}
	for _, p := range spellingPairs {
		swap(p.a, p.b)
		if !p.oneWay {
			swap(p.b, p.a)
		}
	}
	return out
}

// innerSwaps are the swaps of two neighbouring letters inside a word,
// neither its first two nor its last two: swapping those turns words of
// English into others the stemmer reads as words of the text ("facet"
// into "facte", read as "fact"; "elast" into "least").
func innerSwaps(rs []rune) [][]rune {
	out := swaps(rs)
	if len(out) < 3 {
		return nil
	}
	return out[1 : len(out)-1]
}

// insertions returns the words made by adding a letter, a to z, to rs,
// of four to maxEditedWord letters.
func insertions(rs []rune) [][]rune {
	if len(rs) < 4 || len(rs) > maxEditedWord {
		return nil
	}
	var out [][]rune
	for i := 0; i <= len(rs); i++ {
		for r := 'a'; r <= 'z'; r++ {
			out = append(out, slices.Concat(rs[:i], []rune{r}, rs[i:]))
		}
	}
	return out
}

// oneEdits returns the words one edit from rs, of four to maxEditedWord
// letters, over the letters a to z: swaps, and a letter left out, added
// or changed.
func oneEdits(rs []rune) [][]rune {
	out := slices.Concat(swaps(rs), insertions(rs))
	if out == nil {
		return nil
	}
	for i := range rs {
		out = append(out, slices.Concat(rs[:i], rs[i+1:]))
		for r := 'a'; r <= 'z'; r++ {
			if rs[i] != r {
				out = append(out, slices.Concat(rs[:i], []rune{r}, rs[i+1:]))
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
