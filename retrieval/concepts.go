package retrieval

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"
)

// A concept is one content word of a question with the stems that count
// as it: the word's own stem, its derived forms found in the text
// ("revolution" also matches "revolutionary"), thesaurus equivalents
// ("tsar" matches "czar") and, for a word the text lacks, close spellings
// from the text's vocabulary ("Kronstat" matches "Kronstadt").
type concept struct {
	stem     string
	misspelt bool               // the text lacks the word; alts are close spellings
	weight   float64            // inverse document frequency
	alts     map[string]float64 // stem → how fully it counts (1 for the stem itself)
}

// sortedAlts returns the concept's stems in order, so that queries built
// from them are the same every time.
func (c concept) sortedAlts() []string {
	out := make([]string, 0, len(c.alts))
	for s := range c.alts {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// stems is the stemmed vocabulary of the text field with document
// frequencies, loaded once.
type stems struct {
	sorted []string
	df     map[string]int
}

func (ix *Index) stemVocabulary() *stems {
	ix.stemsOnce.Do(func() {
		ix.stems = &stems{df: map[string]int{}}
		dict, err := ix.bleve.FieldDict(fieldText)
		if err != nil {
			return
		}
		defer dict.Close()
		for e, err := dict.Next(); err == nil && e != nil; e, err = dict.Next() {
			ix.stems.sorted = append(ix.stems.sorted, e.Term)
			ix.stems.df[e.Term] = int(e.Count)
		}
	})
	return ix.stems
}

// idfOf is BM25's inverse document frequency over passages.
func (ix *Index) idfOf(df int) float64 {
	n := float64(ix.passages)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// concepts analyses a question into concepts.
func (ix *Index) concepts(text string) []concept {
	v := ix.stemVocabulary()
	var out []concept
	spellings := 0
	for _, s := range uniqueTerms(analyze(ix.stem, text), maxQueryTerms) {
		c := concept{stem: s, alts: map[string]float64{}}
		if df := v.df[s]; df > 0 {
			c.alts[s] = 1
			c.weight = ix.idfOf(df)
			for _, d := range derivedForms(v, s) {
				c.alts[d] = ix.tune.derived
			}
		} else if df := ix.fieldDF(fieldTitle, s); df > 0 {
			// A word of a section title only ("epigraph").
			c.alts[s] = 1
			c.weight = ix.idfOf(df)
		} else {
			// A word the text lacks: take its closest spellings.
			c.misspelt = true
			best, bestDF := "", 0
			if spellings++; spellings > maxSpellings {
				continue
			}
			for _, a := range ix.closeTerms(fieldText, s) {
				c.alts[a] = ix.tune.spelling
				if v.df[a] > bestDF {
					best, bestDF = a, v.df[a]
				}
			}
			if best == "" && len(synonymsOf(ix, s)) == 0 && len(inflectionsOf(ix, s)) == 0 {
				continue
			}
			c.weight = ix.idfOf(bestDF)
		}
		for _, f := range inflectionsOf(ix, s) {
			if _, ok := c.alts[f]; !ok && v.df[f] > 0 {
				c.alts[f] = ix.tune.inflected
				if c.weight == 0 || math.IsInf(c.weight, 0) {
					c.weight = ix.idfOf(v.df[f])
				}
			}
		}
		for _, syn := range synonymsOf(ix, s) {
			if _, ok := c.alts[syn]; !ok && v.df[syn] > 0 {
				c.alts[syn] = ix.tune.synonym
				if c.weight == 0 || math.IsInf(c.weight, 0) {
					c.weight = ix.idfOf(v.df[syn])
				}
			}
		}
		c.weight *= ix.wordWeight(s)
		if len(c.alts) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// frameWords frame a question rather than name what it is about ("What
// happened to…", "How would you describe…").
var frameWords = []string{
	"happen", "happened", "describe", "explain", "mean", "think", "tell", "role", "kind",
	"type", "way", "example", "important", "significance", "main", "like", "say", "said",
	"according", "author", "interview", "interviewer", "interviewee", "article",
}

// commonWords are everyday English verbs and adverbs. In a short text
// they are rare, so their inverse document frequency overstates how much
// they say about a question's topic.
var commonWords = []string{
	"see", "come", "go", "get", "make", "take", "know", "give", "find", "use", "want", "look",
	"seem", "feel", "try", "leave", "call", "keep", "let", "begin", "show", "hear", "run",
	"move", "live", "believe", "hold", "bring", "write", "sit", "stand", "meet", "continue",
	"set", "learn", "change", "follow", "stop", "speak", "read", "allow", "add", "spend",
	"grow", "open", "walk", "offer", "remember", "consider", "appear", "wait", "serve",
	"send", "expect", "stay", "fall", "reach", "remain", "suggest", "pass", "require",
	"report", "turn", "put", "ask", "work", "need", "become", "end", "last", "long",
	"finally", "really", "actually", "simply", "already", "quite", "rather", "almost",
	"perhaps", "probably", "certainly", "especially", "usually", "often", "always", "never",
	"ever", "sometimes", "later", "soon", "still", "also", "even", "just", "well", "much",
	"many", "eventually", "exactly", "mostly", "generally", "different", "certain",
}

// wordWeight is the weight of a frame or common word's stem relative to
// its inverse document frequency: 1 for other words.
func (ix *Index) wordWeight(stem string) float64 {
	ix.weightsOnce.Do(func() {
		ix.frame, ix.common = map[string]bool{}, map[string]bool{}
		// The speakers of an interview frame questions too: every answer
		// is theirs ("According to Weissman, …").
		frame := append([]string(nil), frameWords...)
		for _, d := range ix.corpus.Documents {
			for _, sec := range d.Sections {
				for _, sp := range sec.Speakers {
					if len(strings.Fields(sp)) <= 3 { // a name, not "Dan La Botz for New Politics"
						frame = append(frame, sp)
					}
				}
			}
		}
		for _, l := range []struct {
			words []string
			set   map[string]bool
		}{{commonWords, ix.common}, {frame, ix.frame}} {
			for _, w := range l.words {
				for _, t := range analyze(ix.stem, w) {
					l.set[t.term] = true
					for _, form := range inflectionsOf(ix, t.term) {
						l.set[form] = true // "held" is as everyday as "hold"
					}
				}
			}
		}
	})
	switch {
	case ix.frame[stem]:
		return ix.tune.frame
	case ix.common[stem]:
		return ix.tune.common
	}
	return 1
}

// derivationSuffixes are endings, as the Porter stemmer leaves them, that
// make one word of another: revolut/revolutionari, german/germani,
// russia/russian, social/socialist.
var derivationSuffixes = []string{"i", "n", "an", "ian", "al", "ic", "ist", "ism", "ari", "ionari", "ionist", "ion"}

// derivedForms returns the stems of the vocabulary that are s with a
// derivation suffix, or s without one. Short stems are left alone: they
// would match unrelated words.
func derivedForms(v *stems, s string) []string {
	const minStem = 4
	if utf8.RuneCountInString(s) < minStem {
		return nil
	}
	var out []string
	for _, suf := range derivationSuffixes {
		if _, ok := v.df[s+suf]; ok {
			out = append(out, s+suf)
		}
		if base, ok := strings.CutSuffix(s, suf); ok && utf8.RuneCountInString(base) >= minStem {
			if _, ok := v.df[base]; ok {
				out = append(out, base)
			}
		}
	}
	return out
}

// fieldDF is the number of passages whose field holds term.
func (ix *Index) fieldDF(field, term string) int {
	dict, err := ix.bleve.FieldDictRange(field, []byte(term), []byte(term))
	if err != nil {
		return 0
	}
	defer dict.Close()
	if e, err := dict.Next(); err == nil && e != nil && e.Term == term {
		return int(e.Count)
	}
	return 0
}

// maxSpellings bounds how many unknown words of one question are looked
// up for close spellings.
const maxSpellings = 4

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
			ms = append(ms, match{e.Term, editDistance(s, e.Term), e.Count})
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

// inflectionsOf returns the stems of the other forms of an irregular verb.
func inflectionsOf(ix *Index, s string) []string {
	ix.inflectionsOnce.Do(func() { ix.inflections = equivalences(ix, irregularVerbs) })
	return ix.inflections[s]
}

// synonymsOf returns the stems of a word's thesaurus equivalents.
func synonymsOf(ix *Index, s string) []string {
	ix.thesaurusOnce.Do(func() { ix.thesaurus = equivalences(ix, thesaurusGroups) })
	return ix.thesaurus[s]
}
