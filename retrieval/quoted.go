package retrieval

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question may quote the text: "Who said 'Is this a dagger which I see
// before me'?", "What does she mean by “screw your courage to the
// sticking-place”?". The words quoted find the sentence better than any
// ranking of the question's words, most of which are stop words there.

// quotedPart is a stretch of a question between quotation marks.
var quotedPart = regexp.MustCompile(`"([^"]+)"|“([^”]+)”|(?:^|\s)'([^']+)'(?:[\s?.!,;:]|$)`)

// minQuotedWords is how many words a quotation needs to point to one
// sentence: "the '50'" or a quoted term points nowhere in particular.
const minQuotedWords = 3

// quotedPhrases are the quotations in a question long enough to look up,
// leaving out titles ("Children in Need"), which name a thing the text may
// mention anywhere.
func quotedPhrases(text string) []string {
	var out []string
	for _, m := range quotedPart.FindAllStringSubmatch(text, -1) {
		for _, p := range m[1:] {
			if words := strings.Fields(p); len(words) >= minQuotedWords && !titleCased(words) {
				out = append(out, p)
			}
		}
	}
	return out
}

// titleCased reports whether most of the words after the first begin
// with a capital, as a title's do.
func titleCased(words []string) bool {
	capitals := 0
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capitals++
		}
	}
	return 2*capitals >= len(words)-1
}

// minPastedWords is how many words text that reads as no question needs
// to be looked up as a quotation pasted whole ("they didn't use much
// ceremony with us"): fewer are keywords, which the ranking serves.
const minPastedWords = 5

// quotedSentence finds the sentence holding a phrase the question quotes,
// or the whole text where it reads as no question and is long enough to
// be a quotation pasted (asked is whether it reads as a question), word
// for word; ok is false when it quotes none the text holds.
func (ix *Index) quotedSentence(ctx context.Context, text string, asked bool, f Filter) (Result, bool, error) {
	phrases := quotedPhrases(text)
	pasted := !asked && len(strings.Fields(text)) >= minPastedWords
	if pasted {
		phrases = append(phrases, text)
	}
	var l *quoteLookup
	for _, p := range phrases {
		l = ix.newQuoteLookup(p, 1, f)
		if err := l.phrase(ctx, p, nil); err != nil {
			return Result{}, false, err
		}
		if len(l.out) > 0 {
			return l.out[0], true, nil
		}
	}
	if pasted {
		return l.misquoted(ctx, text) // l is the pasted text's, looked up last
	}
	return Result{}, false, nil
}

// misquoted finds the sentence a quotation pasted whole stands for where
// it is not word for word: one holding its words in their order but one
// (a word left out, two swapped, a plural for a singular).
func (l *quoteLookup) misquoted(ctx context.Context, text string) (Result, bool, error) {
	if err := l.allWords(ctx, text, nil); err != nil || len(l.out) == 0 {
		return Result{}, false, err
	}
	r := l.out[0]
	words := wordsOf(l.ix, text)
	if commonRun(words, wordsOf(l.ix, l.ix.corpus.Documents[r.Document].Sentence(r.Sentences[0]).Text)) < len(words)-1 {
		return Result{}, false, nil
	}
	return r, true, nil
}

// withFirst puts first before the results that do not quote its
// sentences, k in all, ranked again.
func withFirst(first Result, rs []Result, k int) []Result {
	out := []Result{first}
	for _, r := range rs {
		if len(out) == k {
			break
		}
		if r.Document != first.Document || !slices.ContainsFunc(r.Sentences, func(s int) bool { return slices.Contains(first.Sentences, s) }) {
			out = append(out, r)
		}
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
