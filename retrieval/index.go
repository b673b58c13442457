// Package retrieval indexes a corpus with Bleve and answers questions and
// quotation look-ups with cited quotes: the sentences of the text that best
// answer, with their section, lines and page.
package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

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
const MappingVersion = 8

// fieldText is the indexed passage text, English analyzer (stemmed, stop
// words removed). Phrases and close spellings are matched against the
// sentences themselves, which keeps the index small and quick to build.
const fieldText = "text"

// exactAnalyzer splits text into lower-cased words, stop words kept, for
// matching phrases.
const exactAnalyzer = "lectern_exact"

// Index answers questions over one corpus.
type Index struct {
	corpus *corpus.Corpus
	bleve  bleve.Index
	stem   analysis.Analyzer
	exact  analysis.Analyzer
	path   string      // on-disk location; "" in memory
	file   *mappedFile // the cache's data file the corpus and table are read from in place; nil in memory

	docByKey map[string]int // each document by its key in passage IDs (docKey)
	lex      *lexicon       // the text's words, built when the index opens
	table    *sentenceTable // every sentence analysed once
	postings *postings      // the sentences holding each term
	rank     *ranker
	spoken   map[string][]uint32 // each speaker's sentences (speakerIndex)
	timeout  time.Duration       // the longest a query may take

	// numbered are the sections by the parts their titles number
	// (numberedSections), read once, at the first question that names
	// a part.
	numberedOnce sync.Once
	numbered     map[sectionRef][]sectionAt
	// asked are the sections titled by a question over a short answer
	// (askedHeadings), read once, at the first question.
	askedOnce sync.Once
	asked     []askedTitle
	// initials are the text's names by their initials (initialsNames),
	// read once, at the first question typing an abbreviation the text
	// never writes.
	initialsOnce sync.Once
	initials     map[string]string

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
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store, text.IncludeInAll, text.DocValues, text.IncludeTermVectors = false, false, false, false
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text)
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
	ix, err := newIndex(c, b, "", nil, nil)
	if err == nil {
		err = ix.fill(ctx)
	}
	if err != nil {
		b.Close()
		return nil, err
	}
	return ix, nil
}

// newIndex wraps a Bleve index of c. The sentence table is analysed from
// the corpus (taking an earlier build's analysis of the documents it
// shares) unless the cache's data gives it, with its terms and postings.
func newIndex(c *corpus.Corpus, b bleve.Index, path string, cached *cachedData, earlier *prior) (*Index, error) {
	m, err := newModel(learnedWeights, learnedForest)
	if err != nil {
		return nil, err
	}
	ix := &Index{corpus: c, bleve: b, path: path, timeout: queryTimeout}
	ix.stem = b.Mapping().AnalyzerNamed(en.AnalyzerName)
	ix.exact = b.Mapping().AnalyzerNamed(exactAnalyzer)
	ix.docByKey = map[string]int{}
	for i, d := range c.Documents {
		ix.docByKey[docKey(d.Name)] = i
	}
	if cached == nil {
		ix.table, ix.lex = buildSentenceTable(ix.stem, c, earlier)
		ix.postings = newPostings(ix.table, len(ix.lex.terms))
	} else {
		ix.table, ix.lex = cached.table(), newLexicon()
		for i, t := range cached.Terms {
			ix.lex.add(t, cached.Surface[i])
		}
		ix.lex.counted(ix.table, cached.DF)
		ix.postings = &postings{start: cached.PostStart, sent: cached.PostSent, file: cached.file}
	}
	ix.lex.relate(ix.stem, c)
	ix.rank = &ranker{corpus: c, table: ix.table, lex: ix.lex, stem: ix.stem, model: m}
	ix.rank.speakers, ix.spoken = speakerIndex(ix.stem, c, ix.table)
	ix.rank.authors = authorStems(ix.stem, c)
	ix.rank.authorsLater = authorsLater(ix.table, ix.lex, ix.rank.authors)
	return ix, nil
}

// speakerIndex finds the stems of each speaker's name in the corpus, what
// a question names a speaker by ("what did Miss Anthony say"), and the
// sentences each speaks, by lower-case name and in text order, so that a
// question naming a speaker reads that speaker's sentences and not the
// whole library's.
func speakerIndex(a analysis.Analyzer, c *corpus.Corpus, t *sentenceTable) (stems map[string][]string, spoken map[string][]uint32) {
	stems, spoken = map[string][]string{}, map[string][]uint32{}
	for di, d := range c.Documents {
		for si, s := range d.SpokenSentences() {
			name := strings.ToLower(s.Speaker)
			spoken[name] = append(spoken[name], uint32(t.global(di, si)))
			if _, done := stems[s.Speaker]; done {
				continue
			}
			stems[s.Speaker] = []string{}
			for _, t := range analyze(a, s.Speaker) {
				if !speakerTitle(t.term) {
					stems[s.Speaker] = append(stems[s.Speaker], t.term)
				}
			}
		}
	}
	return stems, spoken
}

// honorifics are stems of the titles before names ("Miss Anthony", "Mr.
// Crowley"), which name no one in particular.
var honorifics = map[string]bool{"mr": true, "mrs": true, "miss": true, "ms": true, "dr": true, "sir": true, "hon": true}

// speakerTitle reports whether a stem before a speaker's name is no part
// of the name: an honorific, or "the" ("what did the Judge say" is about
// judges).
func speakerTitle(stem string) bool {
	return honorifics[stem] || stem == "the"
}

// analyse analyses a question against the text, with close spellings
// from the index's dictionary.
func (ix *Index) analyse(text string) question {
	return ix.analyser().question(text)
}

// analyser is the question analyser of the index's text.
func (ix *Index) analyser() analyser {
	return analyser{stem: ix.stem, lex: ix.lex, spell: ix.spell}
}

// Progress is told how far a build into the cache has gone: done of total
// bytes of the files.
type Progress func(done, total int)

// fill indexes the passages of every document of the corpus.
func (ix *Index) fill(ctx context.Context) error {
	passages := newPassageIndexer(ctx, ix.bleve)
	for _, d := range ix.corpus.Documents {
		if err := passages.add(d); err != nil {
			return err
		}
	}
	return passages.flush()
}

// passageIndexer sends documents' passages to a search index in batches.
type passageIndexer struct {
	ctx   context.Context
	index bleve.Index
	batch *bleve.Batch
	added int // passages
}

func newPassageIndexer(ctx context.Context, index bleve.Index) *passageIndexer {
	return &passageIndexer{ctx: ctx, index: index, batch: index.NewBatch()}
}

// add indexes the passages of d.
func (p *passageIndexer) add(d *corpus.Document) error {
	key := docKey(d.Name)
	for i := range d.Passages {
		if err := p.batch.Index(passageID(key, i), map[string]any{fieldText: normalize(d.PassageText(i))}); err != nil {
			return fmt.Errorf("index: %s: %w", d.Name, err)
		}
		if p.batch.Size() >= indexBatch {
			if err := p.flush(); err != nil {
				return err
			}
		}
	}
	p.added += len(d.Passages)
	return nil
}

// remove deletes the passages of d, as an earlier build indexed them.
func (p *passageIndexer) remove(d *corpus.Document) {
	key := docKey(d.Name)
	for i := range d.Passages {
		p.batch.Delete(passageID(key, i))
	}
}

// flush sends what the batch holds to the search index.
func (p *passageIndexer) flush() error {
	if err := p.ctx.Err(); err != nil {
		return err
	}
	if p.batch.Size() == 0 {
		return nil
	}
	if err := p.index.Batch(p.batch); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	// A new batch rather than Reset: Bleve's scorch may still be reading
	// the old one's operations from a goroutine of its own when Batch
	// returns (index/scorch/scorch.go, Batch; the race detector sees it).
	p.batch = p.index.NewBatch()
	return nil
}

// docKey names a document in passage IDs by its file name, so that a
// passage keeps its ID when other files come and go (an index updated in
// place deletes and adds one file's passages).
func docKey(name string) string {
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:6])
}

// passageID is the ID of passage p of the document with key.
func passageID(key string, p int) string { return key + "/" + strconv.Itoa(p) }

// parseDocID reads a passage ID back into its document, by the corpus's
// documents' keys, and passage number.
func (ix *Index) parseDocID(id string) (doc, passage int, ok bool) {
	key, p, found := strings.Cut(id, "/")
	if !found {
		return 0, 0, false
	}
	d, known := ix.docByKey[key]
	n, err := strconv.Atoi(p)
	return d, n, known && err == nil
}

// Close releases the index. Closing twice is harmless.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() {
		ix.closeErr = ix.bleve.Close()
		if ix.file != nil {
			ix.file.release()
		}
	})
	return ix.closeErr
}

// Corpus returns the indexed corpus.
func (ix *Index) Corpus() *corpus.Corpus { return ix.corpus }
