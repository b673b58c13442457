// Package questiongen makes distinct questions from a text, for
// benchmarks that measure what readers asking new questions pay: no two
// alike, so no cache of answers helps.
package questiongen

import (
	"math/rand"
	"strings"
	"unicode"

	"github.com/lectern-bot/lectern/corpus"
)

// Distinct makes n different questions from the text, each from
// four to six words of a sentence drawn at random ("What about the old
// oak on the road?"), so that no two searches are the same and no cache
// of answers helps: what a reader asking new questions pays.
func Distinct(c *corpus.Corpus, n int, seed int64) []string {
	rng := rand.New(rand.NewSource(seed))
	openers := []string{"What about", "Why did", "Who was", "When did", "How did", "Where is"}
	seen := map[string]bool{}
	var out []string
	for tries := 0; len(out) < n && tries < n*50; tries++ {
		d := c.Documents[rng.Intn(len(c.Documents))]
		if d.SentenceCount() == 0 {
			continue
		}
		var words []string
		for _, w := range strings.Fields(d.Sentence(rng.Intn(d.SentenceCount())).Text) {
			w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if len([]rune(w)) >= 4 {
				words = append(words, w)
			}
		}
		if len(words) < 4 {
			continue
		}
		start := rng.Intn(len(words) - 3)
		take := words[start:min(len(words), start+4+rng.Intn(3))]
		q := openers[rng.Intn(len(openers))] + " " + strings.Join(take, " ") + "?"
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}
