package retrieval

import (
	"context"
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
	d := c.Documents[0]
	batch := b.NewBatch()
	for i, s := range d.Sentences {
		batch.Index(strconv.Itoa(i), map[string]any{"text": normalize(s.Text)})
	}
	if err := b.Batch(batch); err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		mq := query.NewMatchQuery(normalize(q.Text))
		mq.SetField("text")
		res, err := b.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(mq, 3, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		for rank, h := range res.Hits {
			i, _ := strconv.Atoi(h.ID)
			if hits(d.Sentences[i].Lines, q.Gold) {
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
