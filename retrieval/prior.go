package retrieval

import (
	"path/filepath"

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
	// slot is the cache slot the earlier build was read from or put in,
	// "" for one in memory; its search index is copied and updated only
	// while the slot still holds this build, intact (trusted).
	slot    string
	trusted bool // slot was checked when the build was read from it
	// file is the data file the build was read from when it is no
	// index's (a stale cache lending its build): released after the new
	// build.
	file *mappedFile
}

// release lets go of the earlier build's data file when it was read for
// this build alone; the data of an index in use stays its index's.
func (p *prior) release() {
	if p != nil && p.file != nil {
		p.file.release()
		p.file = nil
	}
}

func newPrior(c *corpus.Corpus, table *sentenceTable, terms, surface []string) *prior {
	p := &prior{corpus: c, docs: map[*corpus.Document]int{}, table: table, terms: terms, surface: surface}
	for i, d := range c.Documents {
		p.docs[d] = i
	}
	return p
}

// priorOf is the build of an index in use, nil for none.
func priorOf(ix *Index) *prior {
	if ix == nil {
		return nil
	}
	p := newPrior(ix.corpus, ix.table, ix.lex.terms, ix.lex.surface)
	p.slot = ix.path
	return p
}

// indexDir is the earlier build's search index on disk, to copy and
// update, or "" when there is none to trust: its slot may have been
// replaced by another process since, or damaged.
func (p *prior) indexDir() string {
	if p == nil || p.slot == "" {
		return ""
	}
	if !p.trusted {
		m, err := readManifest(p.slot)
		if err != nil || m.Key != corpusKey(p.corpus) || verify(p.slot, m) != nil {
			return ""
		}
	}
	return filepath.Join(p.slot, indexName)
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
	out = make([]analysed, d.SentenceCount())
	for i := range d.SentenceCount() {
		g := t.global(di, i)
		lo, hi := t.tokens(g)
		a := analysed{
			terms:   make([]string, 0, hi-lo),
			surface: make([]string, 0, hi-lo),
			pos:     make([]uint16, 0, hi-lo),
			kind:    make([]uint8, 0, hi-lo),
			words:   t.words[g],
			flags:   t.flags[g] &^ sentFirst, // fill sets it again
		}
		for _, tk := range t.toks[lo:hi] {
			a.terms = append(a.terms, p.terms[tk.term])
			a.surface = append(a.surface, p.surface[tk.term])
			a.pos = append(a.pos, tk.pos)
			a.kind = append(a.kind, tk.kind)
		}
		out[i] = a
	}
	return out, true
}
