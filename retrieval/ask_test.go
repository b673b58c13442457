package retrieval

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"
)

// TestPassageSearchLeavesOutCommonTerms checks that a term held by more
// than openingDF sentences is searched only when the question has no
// rarer term.
func TestPassageSearchLeavesOutCommonTerms(t *testing.T) {
	lex := newLexicon()
	for _, w := range []string{"said", "one", "marshal"} {
		lex.add(w, w)
	}
	lex.df = []uint32{openingDF + 1, openingDF * 3, 12}
	ask := func(terms ...uint32) *question {
		q := &question{}
		for _, id := range terms {
			q.concepts = append(q.concepts, concept{stem: lex.terms[id], alts: []alt{{term: id, how: altExact}}})
		}
		return q
	}
	tests := []struct {
		name string
		q    *question
		want []string
	}{
		{"a rare term with common ones", ask(0, 1, 2), []string{"marshal"}},
		{"common terms alone", ask(0, 1), []string{"said", "one"}},
		{"a rare term alone", ask(2), []string{"marshal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range tt.q.bleveQuery(lex).(*query.DisjunctionQuery).Disjuncts {
				got = append(got, q.(*query.TermQuery).Term)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("searched %v, want %v", got, tt.want)
			}
		})
	}
}
