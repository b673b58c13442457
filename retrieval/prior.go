package retrieval

import (
	"path/filepath"
	"slices"

	"github.com/lectern-bot/lectern/corpus"
)

// prior is an earlier build: its documents, and its analysis of their
// sentences, for a new build to take as they are where a file is
// unchanged, so that indexing again after one file changed parses and
// analyses that file alone.
type prior struct {
	corpus  *corpus.Corpus
	docs    map[*corpus.Document]int // position of each document in corpus
	table   *sentenceTable
	terms   []string // by term id of table
	surface []string
	// indexDir is the earlier build's search index on disk, for a new
	// build to copy and update; "" when there is none to trust.
	indexDir string
}

func newPrior(c *corpus.Corpus, table *sentenceTable, terms, surface []string) *prior {
	p := &prior{corpus: c, docs: map[*corpus.Document]int{}, table: table, terms: terms, surface: surface}
	for i, d := range c.Documents {
		p.docs[d] = i
	}
	return p
}

// priorOf is the build of an index in use, nil for none. Its search
// index is trusted only while its cache slot still holds this build,
// intact (another process may have replaced it; a disk may damage it).
func priorOf(ix *Index) *prior {
	if ix == nil {
		return nil
	}
	p := newPrior(ix.corpus, ix.table, ix.lex.terms, ix.lex.surface)
	if ix.path != "" {
		m, err := readManifest(ix.path)
		if err == nil && m.Key == corpusKey(ix.corpus) && verify(ix.path, m) == nil {
			p.indexDir = filepath.Join(ix.path, indexName)
		}
	}
	return p
}

// document returns the earlier build's document for a source whose name
// and bytes it has, or nil.
func (p *prior) document() func(corpus.Source) *corpus.Document {
	if p == nil {
		return nil
	}
	byName := map[string]*corpus.Document{}
	for _, d := range p.corpus.Documents {
		byName[d.Name] = d
	}
	return func(s corpus.Source) *corpus.Document {
		if d := byName[s.Name]; d != nil && d.Hash == s.Hash() {
			return d
		}
		return nil
	}
}

// analysed returns the earlier analysis of a document taken over from
// the earlier build, as analyseSentence made it; ok is false for a
// document the earlier build did not have. Each token's written form is
// its term's in the earlier build (the table keeps one a term), so a
// word shown in suggestions may be written as a removed file had it.
func (p *prior) analysed(d *corpus.Document) (out []analysed, ok bool) {
	if p == nil {
		return nil, false
	}
	di, ok := p.docs[d]
	if !ok {
		return nil, false
	}
	t := p.table
	out = make([]analysed, len(d.Sentences))
	for i := range d.Sentences {
		g := t.global(di, i)
		lo, hi := t.tokens(g)
		a := analysed{
			terms:   make([]string, 0, hi-lo),
			surface: make([]string, 0, hi-lo),
			pos:     slices.Clone(t.pos[lo:hi]),
			kind:    slices.Clone(t.kind[lo:hi]),
			words:   t.words[g],
			flags:   t.flags[g] &^ sentFirst, // fill sets it again
		}
		for _, id := range t.term[lo:hi] {
			a.terms = append(a.terms, p.terms[id])
			a.surface = append(a.surface, p.surface[id])
		}
		out[i] = a
	}
	return out, true
}
