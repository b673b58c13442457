package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestRunsOf(t *testing.T) {
	tests := []struct {
		name  string
		cands []candidate
		want  []sentenceRun
	}{
		{"none", nil, nil},
		{"one", []candidate{{doc: 1, sent: 4}}, []sentenceRun{{1, 4, 5}}},
		{"next to each other", []candidate{{doc: 0, sent: 2}, {doc: 0, sent: 3}, {doc: 0, sent: 4}}, []sentenceRun{{0, 2, 5}}},
		{"a gap", []candidate{{doc: 0, sent: 2}, {doc: 0, sent: 4}}, []sentenceRun{{0, 2, 3}, {0, 4, 5}}},
		{"another document", []candidate{{doc: 0, sent: 2}, {doc: 1, sent: 3}}, []sentenceRun{{0, 2, 3}, {1, 3, 4}}},
		{"out of order", []candidate{{doc: 0, sent: 3}, {doc: 0, sent: 2}}, []sentenceRun{{0, 3, 4}, {0, 2, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runsOf(tt.cands); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("runsOf = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestPrefetchAtTheEdges asks an index read from the cache for runs at
// the edges of its documents, where the sentences about a run run out.
func TestPrefetchAtTheEdges(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"one.txt": "A single sentence stands here.\n",
		"two.txt": "The first sentence. The second one. The third one. The fourth one.\n\nA new paragraph. And its end.\n",
	}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cache := context.Background(), t.TempDir()
	for range 2 { // the second open reads the cache
		ix, _, err := Open(ctx, dir, Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if ix.file == nil {
			continue
		}
		ix.file.holdWhole = 0 // ask, as for a library
		var runs []sentenceRun
		for doc, d := range ix.Corpus().Documents {
			n := d.SentenceCount()
			runs = append(runs, sentenceRun{doc, 0, 1}, sentenceRun{doc, n - 1, n}, sentenceRun{doc, 0, n}, sentenceRun{doc, n, n})
		}
		ix.prefetch(runs) // must not read outside the tables
		return
	}
	t.Fatal("an index opened from the cache does not read its data file in place")
}
