package retrieval

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// ZZ_DOC=path ZZ_Q=question [ZZ_WANT=substring] dumps candidates' features.
func TestZZFeat(t *testing.T) {
	path := os.Getenv("ZZ_DOC")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	ix, _, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := ix.analyse(os.Getenv("ZZ_Q"))
	cands, err := ix.candidates(ctx, &q, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ix.rank.scoreAll(&q, cands)
	want := os.Getenv("ZZ_WANT")
	fmt.Printf("intent %v, %d candidates\n", q.intent, len(cands))
	for i, c := range cands {
		text := ix.corpus.Documents[c.doc].Sentence(c.sent).Text
		if i >= 6 && (want == "" || !strings.Contains(text, want)) {
			continue
		}
		fmt.Printf("#%d %.3f %.120s\n   ", i, c.score, text)
		for j, f := range features {
			if c.x[j] != 0 {
				fmt.Printf("%s=%.2f ", f.name, c.x[j])
			}
		}
		fmt.Println()
	}
}
