package retrieval

import (
	_ "embed"
	"strings"
)

// wordnetTable relates English word stems to the stems of their synonyms
// and derived forms, one stem a line, sorted: "marri<TAB>espous marriag
// wed …". It is generated from WordNet 3.0 by internal/wordnetgen (licence
// in WORDNET-LICENSE) and looked up in place, without loading.
//
//go:generate go run ../internal/wordnetgen -dict /usr/share/wordnet -out wordnet.txt -english english.txt
//go:embed wordnet.txt
var wordnetTable string

// englishStems are the stems of the single words WordNet knows, its
// lemmas and their irregular forms, one a line, sorted; generated with
// wordnetTable. A word of a question that is none of them is taken for a
// typo more readily (respelled).
//
//go:embed english.txt
var englishStems string

// wordnetRelated returns the stems WordNet relates to stem, or nil.
func wordnetRelated(stem string) []string {
	rest, ok := tableEntry(wordnetTable, stem)
	if !ok {
		return nil
	}
	return strings.Fields(rest)
}

// englishStem reports whether stem is the stem of a word WordNet knows.
func englishStem(stem string) bool {
	_, ok := tableEntry(englishStems, stem)
	return ok
}

// tableEntry finds the line of a sorted table whose key (before a tab, or
// the whole line) is key, and returns the rest of it.
func tableEntry(table, key string) (string, bool) {
	lo, hi := 0, len(table)
	for lo < hi {
		mid := lineStart(table, (lo+hi)/2)
		if mid < lo {
			mid = lo
		}
		end := strings.IndexByte(table[mid:], '\n')
		if end < 0 {
			end = len(table) - mid
		}
		line := table[mid : mid+end]
		k, rest, _ := strings.Cut(line, "\t")
		switch {
		case k == key:
			return rest, true
		case k < key:
			lo = mid + end + 1
		default:
			if mid == lo {
				return "", false
			}
			hi = mid
		}
	}
	return "", false
}

// lineStart returns the start of the line holding offset i.
func lineStart(s string, i int) int {
	return strings.LastIndexByte(s[:i], '\n') + 1
}
