package retrieval

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Complete returns up to n words of the text that begin with prefix,
// ignoring case, the most frequent first, as the text writes them:
// "kronst" gives "Kronstadt". It looks in a sorted table, so it is cheap
// enough for every keystroke of an autocomplete.
func (ix *Index) Complete(prefix string, n int) []string {
	p := strings.ToLower(strings.TrimSpace(prefix))
	if n <= 0 || utf8.RuneCountInString(p) < 2 {
		return nil
	}
	// Terms are stems, which may be shorter than the word typed
	// ("happi" for "happin"): look among the terms sharing the first
	// letters, then keep the words that begin with all of it.
	key := p
	if r := []rune(p); len(r) > 3 {
		key = string(r[:3])
	}
	l := ix.lex
	type word struct {
		text string
		df   uint32
	}
	var words []word
	seen := map[string]bool{}
	i, _ := slices.BinarySearch(l.sorted, key)
	for ; i < len(l.sorted) && strings.HasPrefix(l.sorted[i], key); i++ {
		id := l.ids[l.sorted[i]]
		w := l.surface[id]
		lw := strings.ToLower(w)
		if l.df[id] == 0 || !strings.HasPrefix(lw, p) || seen[lw] {
			continue
		}
		seen[lw] = true
		words = append(words, word{w, l.df[id]})
	}
	slices.SortFunc(words, func(a, b word) int {
		return cmp.Or(cmp.Compare(b.df, a.df), cmp.Compare(a.text, b.text))
	})
	out := make([]string, 0, min(n, len(words)))
	for _, w := range words[:min(n, len(words))] {
		out = append(out, w.text)
	}
	return out
}
