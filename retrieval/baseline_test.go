package retrieval

import (
	"context"
	"sort"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lectern-bot/lectern/corpus"
)

// baseline scores plain BM25 over single sentences (what a few lines over
// SQLite FTS5 give), the yardstick Ask must beat.
func baseline(t *testing.T, c *corpus.Corpus, qs []EvalQuestion) (hit1, hit3 float64) {
	t.Helper()
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.DefaultAnalyzer = en.AnalyzerName
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// Every sentence of every document, numbered in one sequence.
	type sentence struct {
		source string
		lines  corpus.Span
	}
	var all []sentence
	batch := b.NewBatch()
	for _, d := range c.Documents {
		for _, s := range d.AllSentences() {
			batch.Index(strconv.Itoa(len(all)), map[string]any{"text": normalize(s.Text)})
			all = append(all, sentence{d.Name, s.Lines})
		}
	}
	if err := b.Batch(batch); err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		mq := query.NewMatchQuery(normalize(q.Text))
		mq.SetField("text")
		// Bleve orders equal scores by where documents landed in its
		// segments, which varies from run to run: take more, and break
		// ties by the sentences' order.
		res, err := b.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(mq, 50, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		top := make([]int, len(res.Hits))
		for k, h := range res.Hits {
			top[k], _ = strconv.Atoi(h.ID)
		}
		score := func(k int) float64 { return res.Hits[k].Score }
		order := make([]int, len(top))
		for k := range order {
			order[k] = k
		}
		sort.SliceStable(order, func(a, b int) bool {
			if score(order[a]) != score(order[b]) {
				return score(order[a]) > score(order[b])
			}
			return top[order[a]] < top[order[b]]
		})
		for rank, k := range order[:min(3, len(order))] {
			s := all[top[k]]
			if q.Answers(Result{Source: s.source, Quote: Excerpt{Span: s.lines}}) {
				if rank == 0 {
					hit1++
				}
				hit3++
				break
			}
		}
	}
	n := float64(len(qs))
	return hit1 / n, hit3 / n
}
