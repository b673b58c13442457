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
//go:generate go run ../internal/wordnetgen -dict /usr/share/wordnet -out wordnet.txt
//go:embed wordnet.txt
var wordnetTable string

// wordnetRelated returns the stems WordNet relates to stem, or nil.
func wordnetRelated(stem string) []string {
	lo, hi := 0, len(wordnetTable)
	for lo < hi {
		mid := lineStart(wordnetTable, (lo+hi)/2)
		if mid < lo {
			mid = lo
		}
		end := strings.IndexByte(wordnetTable[mid:], '\n')
		if end < 0 {
			end = len(wordnetTable) - mid
		}
		line := wordnetTable[mid : mid+end]
		key, rest, _ := strings.Cut(line, "\t")
		switch {
		case key == stem:
			return strings.Fields(rest)
		case key < stem:
			lo = mid + end + 1
		default:
			if mid == lo {
				return nil
			}
			hi = mid
		}
	}
	return nil
}

// lineStart returns the start of the line holding offset i.
func lineStart(s string, i int) int {
	return strings.LastIndexByte(s[:i], '\n') + 1
}
