package retrieval

import (
	"context"
	"flag"
	"fmt"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

var tune = flag.Bool("tune", false, "sweep the re-ranking weights and print hit@1 on both question sets")

// TestTune prints, for each weight, hit@1 and hit@3 on both question sets
// as the weight varies. It only runs with -tune; it measures, it asserts
// nothing.
func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune to sweep the weights")
	}
	interview, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	tenDays, err := corpus.Load(sharedCorpus(t, "ten-days-that-shook-the-world.txt"))
	if err != nil {
		t.Fatal(err)
	}
	type set struct {
		ix *Index
		qs []EvalQuestion
	}
	var sets []set
	build := func() {
		for _, s := range sets {
			s.ix.Close()
		}
		sets = nil
		for _, s := range []struct {
			c  *corpus.Corpus
			qs string
		}{{interview, "interview.tsv"}, {tenDays, "ten-days.tsv"}} {
			ix, err := NewMemory(context.Background(), s.c)
			if err != nil {
				t.Fatal(err)
			}
			sets = append(sets, set{ix, loadQuestions(t, s.qs)})
		}
	}
	defer func() {
		for _, s := range sets {
			s.ix.Close()
		}
	}()
	build()
	measure := func() string {
		out := ""
		for _, s := range sets {
			rep, err := Evaluate(context.Background(), s.ix, s.qs, 3)
			if err != nil {
				t.Fatal(err)
			}
			out += fmt.Sprintf("  %.3f/%.3f", rep.HitAt1, rep.HitAt3)
		}
		return out
	}
	for _, model := range []string{"tf-idf", "bm25"} {
		scoringModel = model
		build()
		fmt.Printf("scoring %-7s %s\n", model, measure())
	}
	fmt.Println("current weights:", measure())
	for _, w := range []struct {
		name string
		p    *float64
		vals []float64
	}{
		{"coverage", &wCoverage, []float64{0.5, 1, 1.5}},
		{"context", &wContext, []float64{0, 0.15, 0.3, 0.5, 0.8}},
		{"passage", &wPassage, []float64{0, 0.2, 0.35, 0.5, 0.8}},
		{"proximity", &wProximity, []float64{0, 0.1, 0.15, 0.3}},
		{"title", &wTitle, []float64{0, 0.1, 0.2, 0.4}},
		{"intent", &wIntent, []float64{0, 0.04, 0.08, 0.15}},
		{"subject", &wSubject, []float64{0, 0.05, 0.1, 0.2}},
		{"length", &lengthCost, []float64{0, 0.003, 0.01, 0.02}},
		{"derived", &factorDerived, []float64{0, 0.5, 0.7, 0.9}},
		{"synonym", &factorSynonym, []float64{0, 0.5, 0.8, 1}},
		{"common", &commonWeight, []float64{0.25, 0.5, 0.75, 1}},
		{"frame", &frameWeight, []float64{0.1, 0.2, 0.5, 1}},
	} {
		old := *w.p
		for _, v := range w.vals {
			*w.p = v
			fmt.Printf("%-10s %.3f %s\n", w.name, v, measure())
		}
		*w.p = old
	}
}
