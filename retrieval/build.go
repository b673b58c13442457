package retrieval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/lectern-bot/lectern/corpus"
)

// A build writes the index of a corpus into a folder of the cache one
// file at a time: each file is parsed (or its document taken from the
// earlier build), written to the data file, analysed into the sentence
// table, its passages indexed, and then let go, while the next file is
// parsed. Building holds a file or two's parsed form at a time beside the
// sentence table, the lexicon and the search index's batch, never the
// whole library's.
type build struct {
	ctx      context.Context
	log      *slog.Logger
	index    bleve.Index
	closed   bool // index is closed, complete
	passages *passageIndexer
	data     *dataWriter
	table    *tableBuilder
	pdf      *corpus.PDFEngine
	load     corpus.LoadOptions
	known    func(corpus.Source) *corpus.Document
	updating bool // index is a copy of the earlier build's: only new documents are added
	folder   bool // a folder, whose unreadable files are left out
	progress Progress
	done     int // bytes of the files built so far, of total
	total    int
	skipped  []*corpus.FileError
	stats    buildStats
}

// buildStats says what a build did, for the log.
type buildStats struct {
	documents, parsed, passages int
}

// errUpdateFailed marks a build that could not update the earlier
// build's search index; building anew may still succeed.
var errUpdateFailed = errors.New("updating the earlier index failed")

// indexBatch is how many passages are sent to the search index at once.
const indexBatch = 2000

// write builds the corpus of src into dir, taking what it can from
// earlier, and updating earlier's search index when update is set and
// there is one. A listed source (without its bytes) is read when it must
// be parsed, and each source's bytes are let go once it is: src ends
// listed, with the hashes of the files as they were built.
func (dc *diskCache) write(ctx context.Context, dir string, src []corpus.Source, opts Options, earlier *prior, update bool) (buildStats, error) {
	b := &build{ctx: ctx, log: dc.logger(), known: earlier.document(), folder: len(src) > 1, progress: opts.Progress, pdf: opts.PDF,
		load: corpus.LoadOptions{MaxFileSize: opts.MaxFileSize}}
	if b.pdf == nil {
		b.pdf = NewPDFEngine(opts.CacheDir)
		defer b.pdf.Close()
	}
	var err error
	if from := earlier.indexDir(); update && from != "" {
		b.index, err = copyIndex(from, filepath.Join(dir, indexName))
		b.updating = true
	} else {
		b.index, err = newDiskIndex(filepath.Join(dir, indexName))
	}
	if err != nil {
		return buildStats{}, err
	}
	defer func() {
		if !b.closed { // a build that failed
			b.index.Close()
		}
	}()
	stem := b.index.Mapping().AnalyzerNamed(en.AnalyzerName)
	b.passages = newPassageIndexer(ctx, b.index)
	if b.updating {
		b.deleteGone(src, earlier)
	}
	text := 0 // about how many bytes of text the files hold
	for _, s := range src {
		b.total += s.Size()
		text += textShare(s)
	}
	b.table = newTableBuilder(stem, earlier, text/100, text)
	err = writeFileSync(filepath.Join(dir, dataName), func(w io.Writer) error {
		b.data = newDataWriter(w)
		if err := b.addAll(src); err != nil {
			return err
		}
		return b.finish()
	})
	b.stats.passages = b.passages.added
	return b.stats, err
}

// textShare is about how many bytes of text a source holds, to reserve
// the sentence table by: a PDF's or an EPUB's bytes are mostly not text
// (layout, fonts, compression), so a quarter of them is counted. The table
// grows past the reservation if need be.
func textShare(s corpus.Source) int {
	switch corpus.Detect(s.Name, nil) {
	case corpus.FormatPDF, corpus.FormatEPUB:
		return s.Size() / 4
	}
	return s.Size()
}

// copyIndex opens a copy at dir of the search index at from.
func copyIndex(from, dir string) (bleve.Index, error) {
	if err := os.CopyFS(dir, os.DirFS(from)); err != nil {
		return nil, fmt.Errorf("%w: copying %s: %w", errUpdateFailed, from, err)
	}
	b, err := bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: opening the copy: %w", errUpdateFailed, err)
	}
	return b, nil
}

// newDiskIndex creates an empty search index at dir.
func newDiskIndex(dir string) (bleve.Index, error) {
	m, err := newMapping(scoringModel)
	if err != nil {
		return nil, err
	}
	b, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("index cache: create: %w", err)
	}
	return b, nil
}

// deleteGone deletes from a copied index the passages of the earlier
// build's documents that src no longer has as they were: removed or
// changed files.
func (b *build) deleteGone(src []corpus.Source, earlier *prior) {
	kept := map[*corpus.Document]bool{}
	for _, s := range src {
		if d := b.known(s); d != nil {
			kept[d] = true
		}
	}
	for _, d := range earlier.corpus.Documents {
		if !kept[d] {
			b.passages.remove(d)
		}
	}
}

// addAll builds the sources in order, each parsed while the one before
// it is analysed and indexed (parsing is a build's other half, on one
// core).
func (b *build) addAll(src []corpus.Source) error {
	ctx, cancel := context.WithCancel(b.ctx)
	defer cancel()
	parsed := make(chan parsedSource, 1)
	go b.parseAll(ctx, src, parsed)
	var err error
	for p := range parsed { // drained to the end, so that the parser has stopped on return
		if err == nil {
			err = b.add(p)
		}
		if err != nil {
			cancel()
		}
	}
	if err == nil {
		err = b.ctx.Err() // the parser stopped early
	}
	return err
}

// parsedSource is a source read and parsed, or whose document the
// earlier build has, on its way to be built.
type parsedSource struct {
	name, path string
	size       int // bytes
	doc        *corpus.Document
	reused     bool  // doc is the earlier build's
	err        error // why it did not parse
	unread     error // why it could not be read
}

// parseAll parses the sources in order and sends them on, until ctx is
// done. Each source's bytes are let go once it is parsed.
func (b *build) parseAll(ctx context.Context, src []corpus.Source, out chan<- parsedSource) {
	defer close(out)
	for i := range src {
		if ctx.Err() != nil {
			return
		}
		out <- b.parse(ctx, &src[i])
	}
}

// parse reads a listed source and parses it, unless the earlier build
// has its document, and leaves it listed.
func (b *build) parse(ctx context.Context, src *corpus.Source) parsedSource {
	s := *src
	p := parsedSource{name: s.Name, path: s.Path}
	if b.known != nil {
		p.doc = b.known(s)
	}
	p.reused = p.doc != nil
	if !p.reused && s.Data == nil {
		var err error
		if s, err = corpus.ReadSource(ctx, s.Path, s.Name, b.load); err != nil {
			p.unread = err
			return p
		}
	}
	if !p.reused {
		p.doc, p.err = corpus.ParseSource(s, b.pdf)
	}
	*src = s.Listed(p.doc)
	p.size = s.Size()
	return p
}

// add builds the next parsed source.
func (b *build) add(p parsedSource) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if p.unread != nil {
		return p.unread
	}
	if !p.reused {
		b.stats.parsed++
	}
	b.done += p.size
	switch {
	case b.folder && corpus.LeftOut(p.err):
		b.log.Warn("left a file out of the corpus", "file", p.name, "why", p.err)
		b.skipped = append(b.skipped, &corpus.FileError{Path: p.name, Err: p.err})
		return nil
	case p.err != nil:
		return &corpus.FileError{Path: p.path, Err: p.err}
	}
	b.data.document(p.doc)
	b.table.add(p.doc)
	if !b.updating || !p.reused {
		if err := b.passages.add(p.doc); err != nil {
			return b.indexError(err)
		}
	}
	b.stats.documents++
	if b.progress != nil {
		b.progress(b.done, b.total)
	}
	return nil
}

// indexError marks an error of the search index while updating the
// earlier build's, which building anew may not meet.
func (b *build) indexError(err error) error {
	if b.updating && b.ctx.Err() == nil {
		return fmt.Errorf("%w: %w", errUpdateFailed, err)
	}
	return err
}

// finish completes the search index and the data file.
func (b *build) finish() error {
	if b.stats.documents == 0 && len(b.skipped) > 0 {
		return b.skipped[0]
	}
	if err := b.passages.flush(); err != nil {
		return b.indexError(err)
	}
	b.closed = true
	if err := b.index.Close(); err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	t, lex := b.table.finish()
	return b.data.finish(b.skipped, lex.terms, lex.surface, documentFrequencies(t, len(lex.terms)), t, newPostings(t, len(lex.terms)))
}
