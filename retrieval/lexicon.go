package retrieval

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/lectern-bot/lectern/corpus"
)

// lexicon is what the ranker knows of a text's words, built once when the
// index opens: its stems with the number of sentences holding each, and
// the general knowledge that relates words (derived forms, irregular verbs,
// a small thesaurus, words that frame a question or say little).
type lexicon struct {
	ids     map[string]uint32
	terms   []string
	surface []string // a word of the text for each term, as written, for showing
	df      []uint32 // sentences holding each term
	titleDF []uint32 // section titles holding each term
	n       int      // sentences
	avgLen  float64  // mean tokens per sentence

	equivalents map[string][]string // thesaurus stems, both ways
	irregular   map[string][]string // irregular verb forms, both ways
	numerals    map[string][]string // a number in words and in figures, both ways
	textNouns   map[string]bool     // stems of textNouns
	narrators   map[string]bool     // stems of "narrator", "narrators" and "poet": who says "I" in a story or a poem
	frame       map[string]bool     // stems of words that frame a question
	common      map[string]bool     // stems of everyday verbs and adverbs
	sorted      []string            // the terms in order, for prefix search
}

func newLexicon() *lexicon { return &lexicon{ids: map[string]uint32{}} }

// add returns the id of term, adding it when new with the word it was
// found as.
func (l *lexicon) add(term, word string) uint32 {
	if id, ok := l.ids[term]; ok {
		return id
	}
	id := uint32(len(l.terms))
	l.ids[term] = id
	l.terms = append(l.terms, term)
	l.surface = append(l.surface, word)
	return id
}

// count fills the document frequencies and mean length from a table.
func (l *lexicon) count(t *sentenceTable) {
	l.counted(t, documentFrequencies(t, len(l.terms)))
}

// documentFrequencies counts, for each of terms terms, the sentences of
// t holding it: one pass over every token, which the cache does once, at
// build, and keeps (0.43 s of opening a 1 GB library otherwise).
func documentFrequencies(t *sentenceTable, terms int) []uint32 {
	df := make([]uint32, terms)
	seen := make([]uint32, terms) // last sentence (plus one) that counted each term
	for g := range len(t.words) {
		lo, hi := t.tokens(g)
		for _, tk := range t.toks[lo:hi] {
			if id := tk.term; seen[id] != uint32(g+1) {
				seen[id] = uint32(g + 1)
				df[id]++
			}
		}
	}
	return df
}

// counted fills the lexicon's statistics of t, whose terms' document
// frequencies are df.
func (l *lexicon) counted(t *sentenceTable, df []uint32) {
	l.df = df
	l.n = len(t.words)
	if l.n > 0 {
		l.avgLen = float64(t.start[l.n]-t.start[0]) / float64(l.n)
	}
	l.sorted = slices.Clone(l.terms)
	slices.Sort(l.sorted)
	l.titleDF = make([]uint32, len(l.terms))
	for _, ids := range t.titles {
		for _, id := range ids {
			l.titleDF[id]++
		}
	}
}

// dfOf is the number of sentences holding a stem, 0 when none does.
func (l *lexicon) dfOf(stem string) int {
	if id, ok := l.ids[stem]; ok {
		return int(l.df[id])
	}
	return 0
}

// titleDFOf is the number of section titles holding a stem.
func (l *lexicon) titleDFOf(stem string) int {
	if id, ok := l.ids[stem]; ok && int(id) < len(l.titleDF) {
		return int(l.titleDF[id])
	}
	return 0
}

// idf is BM25's inverse document frequency over sentences.
func (l *lexicon) idf(df int) float64 {
	n := float64(l.n)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// framing reports whether stem frames a question or says little ("how
// many", "tell"): such a word the text lacks is no misspelling.
func (l *lexicon) framing(stem string) bool { return l.frame[stem] || l.common[stem] }

// relate fills the word knowledge of the lexicon, analysed as the index
// analyses text; the speakers of an interview frame its questions too
// ("According to Weissman, …").
func (l *lexicon) relate(a analysis.Analyzer, c *corpus.Corpus) {
	l.equivalents = equivalences(a, thesaurusGroups)
	l.irregular = equivalences(a, irregularVerbs)
	l.numerals = equivalences(a, numeralGroups())
	frame := slices.Concat(frameWords, textNouns)
	for _, d := range c.Documents {
		var speakers []string
		for _, s := range d.Sections {
			for _, sp := range s.Speakers {
				if len(strings.Fields(sp)) <= 3 {
					speakers = append(speakers, sp)
				}
			}
		}
		if len(speakers) > 0 && interviewLike(d) {
			frame = append(frame, speakers...)
		}
	}
	l.frame = stemSet(a, frame, l.irregular)
	l.textNouns = stemSet(a, textNouns, nil)
	l.narrators = stemSet(a, []string{"narrator", "narrators", "poet"}, nil)
	l.common = stemSet(a, commonWords, l.irregular)
}

// knownForm reports whether the text holds an irregular form, a
// thesaurus equivalent or the figures of stem: a word the text lacks
// but writes another way is no misspelling.
func (l *lexicon) knownForm(stem string) bool {
	for _, forms := range [][]string{l.irregular[stem], l.equivalents[stem], l.numerals[stem]} {
		for _, f := range forms {
			if l.dfOf(f) > 0 {
				return true
			}
		}
	}
	return false
}

// numeralGroups pair a number's word with its figures ("five", "5") and
// an ordinal's ("fifth", "5th"): a question may write either. "One" and
// "first" are left out: they are more often no count ("one of them",
// "for the first time").
func numeralGroups() [][]string {
	var groups [][]string
	for w, n := range numeralWords {
		if n > 1 {
			groups = append(groups, []string{w, strconv.Itoa(n)})
		}
	}
	for w, n := range ordinalWords {
		if n > 1 {
			groups = append(groups, []string{w, strconv.Itoa(n) + ordinalSuffix(n)})
		}
	}
	slices.SortFunc(groups, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return groups
}

// ordinalSuffix is the ending of an ordinal in figures: 1st, 2nd, 3rd,
// 4th, 11th, 21st.
func ordinalSuffix(n int) string {
	if n%100/10 != 1 {
		switch n % 10 {
		case 1:
			return "st"
		case 2:
			return "nd"
		case 3:
			return "rd"
		}
	}
	return "th"
}

// interviewLike reports whether a document's questions are marked, as an
// interview's are: there every answer is the interviewee's.
func interviewLike(d *corpus.Document) bool {
	for _, s := range d.AllSentences() {
		if s.Question {
			return true
		}
	}
	return false
}

// stemSet analyses words into a set of stems, with their irregular forms
// ("held" is as everyday as "hold").
func stemSet(a analysis.Analyzer, words []string, irregular map[string][]string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words {
		for _, t := range analyze(a, w) {
			set[t.term] = true
			for _, f := range irregular[t.term] {
				set[f] = true
			}
		}
	}
	return set
}

// equivalences maps the stem of each word of a group to the stems of the
// group's other words.
func equivalences(a analysis.Analyzer, groups [][]string) map[string][]string {
	out := map[string][]string{}
	for _, g := range groups {
		var stems []string
		for _, w := range g {
			for _, t := range analyze(a, w) {
				if !slices.Contains(stems, t.term) {
					stems = append(stems, t.term)
				}
			}
		}
		for _, x := range stems {
			for _, y := range stems {
				if x != y && !slices.Contains(out[x], y) {
					out[x] = append(out[x], y)
				}
			}
		}
	}
	return out
}

// derivationSuffixes are endings, as the Porter stemmer leaves them, that
// make one word of another: revolut/revolutionari, german/germani,
// russia/russian, social/socialist.
var derivationSuffixes = []string{"i", "n", "an", "ian", "al", "ic", "ist", "ism", "ari", "ionari", "ionist", "ion"}

// derived returns the stems of the text that are s with a derivation
// suffix, or s without one. Short stems are left alone: they would match
// unrelated words.
func (l *lexicon) derived(s string) []string {
	const minStem = 4
	if utf8.RuneCountInString(s) < minStem || isRomanNumeral(s) {
		return nil // Super Bowl XXXIII is not XXXII with a suffix
	}
	var out []string
	for _, suf := range derivationSuffixes {
		if _, ok := l.ids[s+suf]; ok && !isRomanNumeral(s+suf) {
			out = append(out, s+suf)
		}
		if base, ok := strings.CutSuffix(s, suf); ok && utf8.RuneCountInString(base) >= minStem && !isRomanNumeral(base) {
			if _, ok := l.ids[base]; ok {
				out = append(out, base)
			}
		}
	}
	return out
}

// latinAlternations are the endings, as the Porter stemmer leaves them,
// by which a verb of Latin stock and its noun differ: decid/decis,
// conclud/conclus, prescrib/prescript, receiv/recept, admit/admiss,
// assum/assumpt, produc/product, expel/expuls, dissolv/dissolut,
// proclaim/proclam, satisfi/satisfact. "What did the doctor prescribe?"
// is answered by "he sat down and wrote out a prescription".
var latinAlternations = [][2]string{
	{"id", "is"}, {"ud", "us"}, {"ad", "as"}, {"od", "os"}, {"nd", "ns"},
	{"ib", "ipt"}, {"orb", "orpt"}, {"eiv", "ept"}, {"mit", "miss"}, {"sum", "sumpt"},
	{"duc", "duct"}, {"pel", "puls"}, {"olv", "olut"}, {"aim", "am"}, {"fi", "fact"},
}

// falseAlternations are stems the alternations pair with a word of
// another sense: "intend" is no "intense", "revolve" no "revolution",
// "involve" no "involution", "absolve" no "absolute".
var falseAlternations = []string{"intend", "intens", "revolv", "revolut", "involv", "involut", "absolv", "absolut"}

// alternated returns the stems of the text that are s with its Latin
// ending alternated (latinAlternations), where both stems have five
// letters or more.
func (l *lexicon) alternated(s string) []string {
	const minStem = 5
	if len(s) < minStem || slices.Contains(falseAlternations, s) {
		return nil
	}
	var out []string
	for _, pair := range latinAlternations {
		for _, p := range [][2]string{pair, {pair[1], pair[0]}} {
			base, ok := strings.CutSuffix(s, p[0])
			t := base + p[1]
			if !ok || len(t) < minStem || slices.Contains(falseAlternations, t) {
				continue
			}
			if id, ok := l.ids[t]; ok && l.df[id] > 0 {
				out = append(out, t)
			}
		}
	}
	return out
}

// prefixForms returns the stems of the text that extend s, or that s
// extends, by at most four letters, where the shorter has five letters
// or more: marri/marriag, priest/priesthood, settl/settlement.
func (l *lexicon) prefixForms(s string) []string {
	const minStem, maxExtra = 5, 4
	if len(s) < minStem || isRomanNumeral(s) {
		return nil
	}
	var out []string
	i, _ := slices.BinarySearch(l.sorted, s)
	for ; i < len(l.sorted) && strings.HasPrefix(l.sorted[i], s); i++ {
		if t := l.sorted[i]; t != s && len(t)-len(s) <= maxExtra && l.df[l.ids[t]] > 0 && formEnding(t[len(s):]) {
			out = append(out, t)
		}
	}
	for n := len(s) - 1; n >= minStem && len(s)-n <= maxExtra; n-- {
		if id, ok := l.ids[s[:n]]; ok && l.df[id] > 0 && formEnding(s[n:]) && !isRomanNumeral(s[:n]) {
			out = append(out, s[:n])
		}
	}
	return out
}

// isRomanNumeral reports whether a stem is a Roman numeral as written
// ("xxxiii" is no form of "xxxii"), not a word of its letters ("civil").
func isRomanNumeral(s string) bool {
	n := romanValue(s)
	return n > 0 && n < 4000 && strings.ToLower(romanNumeral(n)) == s
}

// formEnding reports whether s may end a form of a word: it holds no
// digit or hyphen. "oxygen-18" is no form of "oxygen"; "scotch'st" is one
// of "scotch".
func formEnding(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsDigit(r) || r == '-' }) < 0
}

// frameWords frame a question rather than name what it is about ("What
// happened to…", "How would you describe…").
var frameWords = []string{
	"happen", "happened", "describe", "explain", "mean", "think", "tell", "role", "kind",
	"type", "way", "example", "important", "significance", "main", "like", "say", "said",
	"according",
}

// textNouns name the text a question is asked of, or its author ("What
// does the book say…", "According to the author…"): framing words when
// a determiner points them at it, not as bare plurals or with "a"
// ("What are books…?").
var textNouns = []string{
	"author", "interview", "interviewer", "interviewee", "article", "text", "book",
	"chapter", "passage", "writer", "narrator",
}

// wholeTextNouns are how a question names the whole text it is asked of:
// "How does the novel open?", "Why does Huck run away in the story?".
var wholeTextNouns = []string{
	"novel", "book", "story", "narrative", "text", "play", "poem", "essay", "diary", "memoir",
	"journal", "work", "tale", "document", "interview", "dialogue", "conversation", "lecture",
	"pamphlet", "report", "reading", "paper", "article", "post", "page",
}

// commonWords are everyday English verbs and adverbs, modal verbs among
// them ("What can a reducer return?"; not "will" and "may", which are
// also a testament and a month). In a short text they are rare, so their
// inverse document frequency overstates how much they say about a
// question's topic.
var commonWords = []string{
	"can", "could", "must", "shall", "might", "would", "should", "ought", "done",
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
	"many", "eventually", "exactly", "mostly", "generally", "different", "certain", "called",
	"name", "named", "one", "two", "first", "new", "old", "time", "year", "years", "day",
}
