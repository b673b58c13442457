package retrieval

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"
)

// TestSearchTies checks that passages of equal score come back the same
// from every build of the same text: in the order they stand where the
// ties fit among the hits fetched beyond those kept, and the same ones
// where they run far past them. Bleve alone orders them by its internal
// numbers, which a new build deals out afresh.
func TestSearchTies(t *testing.T) {
	tests := []struct {
		name       string
		paragraphs int // each the same sentence; passages hold about five
		size       int
		inOrder    bool // ties in the order the passages stand
	}{
		{"ties within the slack", 60, 3, true},
		{"ties past the slack", 400, 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Harbour\n\n" + strings.Repeat("The red lantern swung above the quiet harbour wall all through the night.\n\n", tt.paragraphs)
			first := lanternHits(t, parsedIndex(t, "harbour.txt", text), tt.size)
			if len(first) != tt.size {
				t.Fatalf("got %d hits, want %d", len(first), tt.size)
			}
			for i := 1; i < len(first); i++ {
				a, b := first[i-1], first[i]
				if a.score < b.score || tt.inOrder && a.score == b.score && a.passage > b.passage {
					t.Errorf("hits %d and %d out of order: %v", i-1, i, first)
				}
			}
			for build := range 4 {
				if got := lanternHits(t, parsedIndex(t, "harbour.txt", text), tt.size); !slices.Equal(got, first) {
					t.Fatalf("build %d: got %v, want %v as the first build", build+2, got, first)
				}
			}
		})
	}
}

// lanternHits searches ix for "lantern".
func lanternHits(t *testing.T, ix *Index, size int) []passageHit {
	t.Helper()
	tq := query.NewTermQuery("lantern")
	tq.SetField(fieldText)
	hits, err := ix.search(context.Background(), tq, size)
	if err != nil {
		t.Fatal(err)
	}
	return hits
}
