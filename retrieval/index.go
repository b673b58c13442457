// Package retrieval indexes a corpus with Bleve and answers questions and
// quotation look-ups with cited quotes: the sentences of the text that best
// answer, with their section, lines and page.
package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/lectern-bot/lectern/corpus"
)

// MappingVersion changes whenever the index mapping or the documents fed to
// it change, so that cached indexes are rebuilt.
const MappingVersion = 5

// Field names in the index.
const (
	fieldText  = "text"  // passage text, English analyzer (stemmed, stop words removed)
	fieldExact = "exact" // passage text, lower-cased words only, for phrases
)

const exactAnalyzer = "lectern_exact"

// keyName is the internal key holding the cache key of an on-disk index.
var keyName = []byte("lectern_key")

// Index answers questions over one corpus.
type Index struct {
	corpus   *corpus.Corpus
	bleve    bleve.Index
	stem     analysis.Analyzer
	exact    analysis.Analyzer
	passages int
	path     string // on-disk location; "" in memory

	lex     *lexicon       // the text's words, built when the index opens
	table   *sentenceTable // every sentence analysed once
	weights Weights

	closeOnce sync.Once
	closeErr  error
}

// scoringModel is Bleve's scoring for candidate passages. BM25 and TF-IDF
// were measured on the question sets (TestTune); they pick the same
// answers, and BM25 was kept.
const scoringModel = "bm25"

func newMapping(model string) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = model
	if err := m.AddCustomAnalyzer(exactAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{lowercase.Name},
	}); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	field := func(analyzer string, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		f.IncludeTermVectors = vectors
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, field(en.AnalyzerName, false))
	doc.AddFieldMappingsAt(fieldExact, field(exactAnalyzer, true))
	m.DefaultMapping = doc
	m.DefaultAnalyzer = en.AnalyzerName
	return m, nil
}

// NewMemory indexes c in memory.
func NewMemory(ctx context.Context, c *corpus.Corpus) (*Index, error) {
	return newMemory(ctx, c, scoringModel)
}

func newMemory(ctx context.Context, c *corpus.Corpus, model string) (*Index, error) {
	m, err := newMapping(model)
	if err != nil {
		return nil, err
	}
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: create: %w", err)
	}
	ix := newIndex(c, b, "")
	if err := ix.fill(ctx, nil); err != nil {
		b.Close()
		return nil, err
	}
	return ix, nil
}

func newIndex(c *corpus.Corpus, b bleve.Index, path string) *Index {
	ix := &Index{corpus: c, bleve: b, path: path, weights: learnedWeights}
	ix.stem = b.Mapping().AnalyzerNamed(en.AnalyzerName)
	ix.exact = b.Mapping().AnalyzerNamed(exactAnalyzer)
	for _, d := range c.Documents {
		ix.passages += len(d.Passages)
	}
	ix.table, ix.lex = buildSentenceTable(ix.stem, c)
	ix.lex.relate(ix.stem, c)
	return ix
}

// Progress is told how many of total passages are indexed so far.
type Progress func(done, total int)

// fill adds every passage of the corpus to the index in batches.
func (ix *Index) fill(ctx context.Context, progress Progress) error {
	const batchSize = 2000
	batch := ix.bleve.NewBatch()
	done := 0
	for di, d := range ix.corpus.Documents {
		for pi, p := range d.Passages {
			text := normalize(p.Text)
			err := batch.Index(docID(di, pi), map[string]any{
				fieldText:  text,
				fieldExact: text,
			})
			if err != nil {
				return fmt.Errorf("index: %s: %w", d.Name, err)
			}
			if batch.Size() >= batchSize {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := ix.bleve.Batch(batch); err != nil {
					return fmt.Errorf("index: %w", err)
				}
				done += batch.Size()
				batch.Reset()
				if progress != nil {
					progress(done, ix.passages)
				}
			}
		}
	}
	if batch.Size() > 0 {
		if err := ix.bleve.Batch(batch); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	if progress != nil {
		progress(ix.passages, ix.passages)
	}
	return nil
}

func docID(doc, passage int) string {
	return strconv.Itoa(doc) + "/" + strconv.Itoa(passage)
}

func parseDocID(id string) (doc, passage int, ok bool) {
	for i := 0; i < len(id); i++ {
		if id[i] == '/' {
			d, err1 := strconv.Atoi(id[:i])
			p, err2 := strconv.Atoi(id[i+1:])
			return d, p, err1 == nil && err2 == nil
		}
	}
	return 0, 0, false
}

// CacheKey identifies a corpus's index: the names and hashes of its files,
// their passage counts (so that a parser change that moves passages is
// caught even without a version bump), the parser version and the mapping
// version.
func CacheKey(c *corpus.Corpus) string {
	h := sha256.New()
	fmt.Fprintf(h, "lectern parser=%d mapping=%d\n", corpus.ParserVersion, MappingVersion)
	for _, d := range c.Documents {
		fmt.Fprintf(h, "%s\x00%s\x00%d\n", d.Name, d.Hash, len(d.Passages))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// OpenCached opens the on-disk index for c under dir, keyed by key, and
// builds it when it is missing, stale or damaged. It reports whether it
// built the index. The key is CacheKey(c).
func OpenCached(ctx context.Context, c *corpus.Corpus, dir string, progress Progress) (*Index, bool, error) {
	key := CacheKey(c)
	path := filepath.Join(dir, key[:24])
	if b, err := bleve.Open(path); err == nil {
		stored, err := b.GetInternal(keyName)
		if err == nil && string(stored) == key {
			return newIndex(c, b, path), false, nil
		}
		b.Close()
		slog.Info("index cache is stale; rebuilding", "path", path)
	} else if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		slog.Warn("index cache is damaged; rebuilding", "path", path, "err", err)
	}
	ix, err := build(ctx, c, dir, path, key, progress)
	if err != nil {
		return nil, false, err
	}
	return ix, true, nil
}

// build writes a fresh index to a temporary directory and moves it into
// place, so that an interrupted build never leaves a half-written cache.
func build(ctx context.Context, c *corpus.Corpus, dir, path, key string, progress Progress) (*Index, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index cache: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, ".build-")
	if err != nil {
		return nil, fmt.Errorf("index cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	m, err := newMapping(scoringModel)
	if err != nil {
		return nil, err
	}
	b, err := bleve.New(filepath.Join(tmp, "index"), m)
	if err != nil {
		return nil, fmt.Errorf("index cache: create: %w", err)
	}
	ix := newIndex(c, b, "")
	if err := ix.fill(ctx, progress); err != nil {
		b.Close()
		return nil, err
	}
	if err := b.SetInternal(keyName, []byte(key)); err != nil {
		b.Close()
		return nil, fmt.Errorf("index cache: %w", err)
	}
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("index cache: %w", err)
	}
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("index cache: %w", err)
	}
	if err := os.Rename(filepath.Join(tmp, "index"), path); err != nil {
		return nil, fmt.Errorf("index cache: %w", err)
	}
	b, err = bleve.Open(path)
	if err != nil {
		return nil, fmt.Errorf("index cache: reopen: %w", err)
	}
	return newIndex(c, b, path), nil
}

// Close releases the index. Closing twice is harmless.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() { ix.closeErr = ix.bleve.Close() })
	return ix.closeErr
}

// Corpus returns the indexed corpus.
func (ix *Index) Corpus() *corpus.Corpus { return ix.corpus }

// Path returns where the index is stored, or "" for an in-memory index.
func (ix *Index) Path() string { return ix.path }
