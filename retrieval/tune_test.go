package retrieval

import (
	"context"
	"flag"
	"fmt"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

var tune = flag.Bool("tune", false, "sweep the re-ranking weights and print hit@1/hit@3 on each question set")

// TestTune prints hit@1/hit@3 on each question set for both of Bleve's
// scoring models, then for each weight as it varies around the default.
// It only runs with -tune; it measures and asserts nothing.
func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune to sweep the weights")
	}
	interview, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	tenDays, err := corpus.Load(testsupport.SharedCorpus(t, "ten-days-that-shook-the-world.txt"))
	if err != nil {
		t.Fatal(err)
	}
	warAndPeace, err := corpus.Load(testsupport.SharedCorpus(t, "war-and-peace.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sets := []struct {
		c  *corpus.Corpus
		qs []EvalQuestion
	}{
		{interview, loadQuestions(t, "interview.tsv")},
		{interview, loadQuestions(t, "interview-2.tsv")},
		{tenDays, loadQuestions(t, "ten-days.tsv")},
		{warAndPeace, loadQuestions(t, "war-and-peace.tsv")},
	}
	build := func(model string) []*Index {
		var ixs []*Index
		for _, s := range sets {
			ix, err := newMemory(context.Background(), s.c, model)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ix.Close() })
			ixs = append(ixs, ix)
		}
		return ixs
	}
	measure := func(ixs []*Index) string {
		out := ""
		for i, s := range sets {
			rep, err := Evaluate(context.Background(), ixs[i], s.qs, 3)
			if err != nil {
				t.Fatal(err)
			}
			out += fmt.Sprintf("  %.3f/%.3f", rep.HitAt1, rep.HitAt3)
		}
		return out
	}
	fmt.Println("columns: interview, interview second set, ten days, war and peace (never tuned on)")
	fmt.Printf("scoring tf-idf  %s\n", measure(build("tf-idf")))
	ixs := build(scoringModel)
	fmt.Printf("scoring bm25    %s\n", measure(ixs))
	for _, w := range []struct {
		name  string
		field func(*tuning) *float64
		vals  []float64
	}{
		{"coverage", func(t *tuning) *float64 { return &t.coverage }, []float64{0.3, 0.5, 0.7, 1}},
		{"context", func(t *tuning) *float64 { return &t.context }, []float64{0, 0.15, 0.3, 0.5}},
		{"passage", func(t *tuning) *float64 { return &t.passage }, []float64{0, 0.2, 0.35}},
		{"proximity", func(t *tuning) *float64 { return &t.proximity }, []float64{0, 0.1, 0.15, 0.3}},
		{"title", func(t *tuning) *float64 { return &t.title }, []float64{0, 0.1, 0.2}},
		{"intent", func(t *tuning) *float64 { return &t.intent }, []float64{0, 0.04, 0.08, 0.15}},
		{"subject", func(t *tuning) *float64 { return &t.subject }, []float64{0, 0.05, 0.1, 0.2}},
		{"length", func(t *tuning) *float64 { return &t.lengthCost }, []float64{0, 0.003, 0.01}},
		{"question", func(t *tuning) *float64 { return &t.questionFactor }, []float64{0.3, 0.6, 0.9}},
		{"extend", func(t *tuning) *float64 { return &t.extendGain }, []float64{0.1, 0.15, 0.25, 0.4}},
		{"definition", func(t *tuning) *float64 { return &t.definitionBoost }, []float64{1, 2, 3}},
		{"derived", func(t *tuning) *float64 { return &t.derived }, []float64{0, 0.5, 0.7, 0.9}},
		{"inflected", func(t *tuning) *float64 { return &t.inflected }, []float64{0, 0.8, 1}},
		{"synonym", func(t *tuning) *float64 { return &t.synonym }, []float64{0, 0.5, 0.8, 1}},
		{"spelling", func(t *tuning) *float64 { return &t.spelling }, []float64{0, 0.9}},
		{"common", func(t *tuning) *float64 { return &t.common }, []float64{0.25, 0.5, 1}},
		{"frame", func(t *tuning) *float64 { return &t.frame }, []float64{0.1, 0.2, 0.5, 1}},
	} {
		for _, v := range w.vals {
			for _, ix := range ixs {
				ix.tune = defaultTuning()
				*w.field(&ix.tune) = v
			}
			fmt.Printf("%-10s %.3f %s\n", w.name, v, measure(ixs))
		}
	}
}
