package retrieval

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unsafe"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/parallel"
)

// The cache's data file is a compact binary form of the parsed corpus and
// its sentence table, written once per build and read on every cached
// open. Integers are varints, except in tables read in place (the
// sentence table, postings, each document's sentence records); text is
// stored once, in blobs that the decoded strings share, so reading
// allocates little and copies less. Sentences are not decoded at all
// (see storedSentences), and passages' texts are not stored: they are
// their sentences joined.

const dataMagic = "LECTERN-DATA-16\n"

var errDataCorrupt = errors.New("data file is corrupt")

// dataWriter appends values to a buffer, which it passes on to out (when
// there is one) whenever it has grown past spillSize, so that writing a
// library's data never holds all of it in memory.
type dataWriter struct {
	b       []byte
	out     io.Writer
	err     error // the first error from out
	flushed int   // bytes passed on before b
	docs    []int // where each document starts
}

// offset is where the next byte written goes in the file.
func (w *dataWriter) offset() int { return w.flushed + len(w.b) }

// align pads the data to a multiple of size bytes, so that a table after
// it can be read in place (readTable).
func (w *dataWriter) align(size int) {
	for w.offset()%size != 0 {
		w.b = append(w.b, 0)
	}
}

const spillSize = 1 << 20

// spill passes the buffer on when it is full enough.
func (w *dataWriter) spill() {
	if w.out != nil && len(w.b) >= spillSize {
		w.flush()
	}
}

// flush passes the buffer on to out.
func (w *dataWriter) flush() {
	if w.err == nil {
		_, w.err = w.out.Write(w.b)
	}
	w.flushed += len(w.b)
	w.b = w.b[:0]
}

func (w *dataWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *dataWriter) int(v int)     { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *dataWriter) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }

func (w *dataWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}
func (w *dataWriter) span(s corpus.Span) { w.int(s.Start); w.int(s.End) }

func (w *dataWriter) strings(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
		w.spill()
	}
}

func (w *dataWriter) ints(vs []int) {
	w.uint(uint64(len(vs)))
	for _, v := range vs {
		w.int(v)
	}
}

func writeU32s(w *dataWriter, vs []uint32) {
	w.uint(uint64(len(vs)))
	w.align(4)
	for i, v := range vs {
		w.b = binary.LittleEndian.AppendUint32(w.b, v)
		if i%4096 == 0 {
			w.spill()
		}
	}
}

func writeU16s(w *dataWriter, vs []uint16) {
	w.uint(uint64(len(vs)))
	w.align(2)
	for i, v := range vs {
		w.b = binary.LittleEndian.AppendUint16(w.b, v)
		if i%4096 == 0 {
			w.spill()
		}
	}
}

// dataReader reads values back, remembering the first error.
type dataReader struct {
	b    []byte
	text string // the whole file as a string, for zero-copy strings
	off  int
	err  error
}

func (r *dataReader) fail() {
	if r.err == nil {
		r.err = errDataCorrupt
	}
	r.off = len(r.b)
}

func (r *dataReader) uint() uint64 {
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return v
}

func (r *dataReader) int() int {
	v, n := binary.Varint(r.b[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return int(v)
}

// count reads a length and checks that at least min bytes per item remain.
func (r *dataReader) count(min int) int {
	n := r.uint()
	if n > uint64(len(r.b)-r.off)/uint64(max(min, 1))+1 {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *dataReader) str() string {
	n := r.count(1)
	if r.off+n > len(r.b) {
		r.fail()
		return ""
	}
	s := r.text[r.off : r.off+n]
	r.off += n
	return s
}

func (r *dataReader) bool() bool {
	if r.off >= len(r.b) {
		r.fail()
		return false
	}
	v := r.b[r.off] == 1
	r.off++
	return v
}

func (r *dataReader) span() corpus.Span { return corpus.Span{Start: r.int(), End: r.int()} }

func (r *dataReader) strings() []string {
	out := make([]string, r.count(1))
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *dataReader) ints() []int {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = r.int()
	}
	return out
}

// writeTokens writes the sentence table's tokens as pairs of
// little-endian words: the term, then the position with the kind above
// it, which is how tableToken lies in memory on a little-endian machine.
func writeTokens(w *dataWriter, toks []tableToken) {
	w.uint(uint64(2 * len(toks)))
	w.align(4)
	for i, tk := range toks {
		w.b = binary.LittleEndian.AppendUint32(w.b, tk.term)
		w.b = binary.LittleEndian.AppendUint32(w.b, uint32(tk.pos)|uint32(tk.kind)<<16)
		if i%4096 == 0 {
			w.spill()
		}
	}
}

// readTokens reads what writeTokens wrote: in place where the machine
// is little-endian, as readTable reads tables.
func readTokens(r *dataReader) []tableToken {
	words := readU32s(r)
	if r.err != nil || len(words)%2 != 0 {
		r.fail()
		return nil
	}
	if len(words) == 0 {
		return []tableToken{}
	}
	if littleEndian {
		return unsafe.Slice((*tableToken)(unsafe.Pointer(&words[0])), len(words)/2)
	}
	out := make([]tableToken, len(words)/2)
	for i := range out {
		out[i] = tableToken{term: words[2*i], pos: uint16(words[2*i+1]), kind: uint8(words[2*i+1] >> 16)}
	}
	return out
}

func readU32s(r *dataReader) []uint32 { return readTable[uint32](r, binary.LittleEndian.Uint32) }

func readU16s(r *dataReader) []uint16 { return readTable[uint16](r, binary.LittleEndian.Uint16) }

// readTable reads a table of little-endian integers written by writeU32s
// or writeU16s. On a little-endian machine the table is the file's own
// bytes, not a copy: the file is read once and kept whole, for its
// strings, so a copy would hold the tables twice. Nothing writes to a
// table read from the cache.
func readTable[T uint16 | uint32](r *dataReader, decode func([]byte) T) []T {
	size := int(unsafe.Sizeof(T(0)))
	n := r.count(size)
	r.off += (size - r.off%size) % size
	if r.err != nil || r.off+size*n > len(r.b) {
		r.fail()
		return nil
	}
	data := r.b[r.off : r.off+size*n]
	r.off += size * n
	if n == 0 {
		return []T{}
	}
	if littleEndian && uintptr(unsafe.Pointer(&data[0]))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&data[0])), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = decode(data[size*i:])
	}
	return out
}

// littleEndian is whether this machine stores integers as the cache does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// encodeData is the cached data's encoding.
func encodeData(d *cachedData) []byte {
	var buf bytes.Buffer
	encodeDataTo(&buf, d) // a bytes.Buffer never fails
	return buf.Bytes()
}

// encodeDataTo writes the cached data to out as it encodes it.
func encodeDataTo(out io.Writer, d *cachedData) error {
	w := newDataWriter(out)
	for _, doc := range d.Corpus.Documents {
		w.document(doc)
	}
	return w.finish(d.Corpus.Skipped, d.Terms, d.Surface, d.DF, d.table(), &postings{start: d.PostStart, sent: d.PostSent})
}

// newDataWriter starts a data file on out, to which documents are then
// written one at a time, as a build reads them, and the rest at the end.
func newDataWriter(out io.Writer) *dataWriter {
	w := &dataWriter{b: make([]byte, 0, 2*spillSize), out: out}
	w.b = append(w.b, dataMagic...)
	return w
}

// document writes the next document.
func (w *dataWriter) document(d *corpus.Document) {
	w.docs = append(w.docs, w.offset())
	encodeDocument(w, d)
	w.spill()
}

// finish writes the tail, what follows the documents: the files left
// out, the lexicon's terms, their written forms and document
// frequencies, the sentence table and its postings, where each document
// starts; and last, where the tail starts, so that a reader can decode
// the documents side by side.
func (w *dataWriter) finish(skipped []*corpus.FileError, terms, surface []string, df []uint32, t *sentenceTable, post *postings) error {
	tail := w.offset()
	w.uint(uint64(len(skipped)))
	for _, f := range skipped {
		w.str(f.Path)
		w.str(f.Err.Error())
	}
	w.strings(terms)
	w.strings(surface)
	writeU32s(w, df)
	writeU32s(w, t.docStart)
	writeU32s(w, t.start)
	writeTokens(w, t.toks)
	writeU16s(w, t.words)
	writeU16s(w, t.flags)
	writeU32s(w, t.secStart)
	w.uint(uint64(len(t.titles)))
	for _, ids := range t.titles {
		writeU32s(w, ids)
		w.spill()
	}
	writeU32s(w, post.start)
	writeU32s(w, post.sent)
	w.ints(w.docs)
	w.b = binary.LittleEndian.AppendUint64(w.b, uint64(tail))
	w.flush()
	return w.err
}

func encodeDocument(w *dataWriter, d *corpus.Document) {
	w.str(d.Name)
	w.uint(uint64(d.Format))
	w.str(d.Title)
	w.str(d.Author)
	w.str(d.Translator)
	w.str(d.Encoding)
	w.int(d.Size)
	w.str(d.Hash)
	w.int(d.Lines)
	w.int(d.Pages)
	w.strings(d.Text)
	w.strings(d.PageLabels)
	w.ints(d.LinePages)
	cueLines, cueMillis := make([]int, len(d.Cues)), make([]int, len(d.Cues))
	for k, c := range d.Cues {
		cueLines[k], cueMillis[k] = c.Line, int(c.Start.Milliseconds())
	}
	w.ints(cueLines)
	w.ints(cueMillis)
	w.bool(d.Epigraph != nil)
	if e := d.Epigraph; e != nil {
		w.str(e.Text)
		w.str(e.Attribution)
		w.span(e.Lines)
	}
	w.uint(uint64(len(d.Chapters)))
	for _, c := range d.Chapters {
		w.str(c.Title)
		w.str(c.Href)
		w.int(c.FirstSentence)
		w.int(c.EndSentence)
		w.int(c.FirstParagraph)
	}
	w.uint(uint64(len(d.Sections)))
	for _, s := range d.Sections {
		w.int(s.Number)
		w.str(s.Title)
		w.str(s.Heading)
		w.str(s.Anchor)
		w.int(s.Level)
		w.strings(s.Speakers)
		w.span(s.Lines)
		w.int(s.FirstPage)
		w.int(s.LastPage)
		w.int(s.FirstSentence)
		w.int(s.EndSentence)
		w.bool(s.Verses)
	}
	encodeSentences(w, d)
	encodeParts(w, d)
}

// encodeParts writes a document's passages, quotations, notes and what
// was left out.
func encodeParts(w *dataWriter, d *corpus.Document) {
	w.uint(uint64(len(d.Passages)))
	for _, p := range d.Passages {
		w.int(p.Section)
		w.int(p.FirstSentence)
		w.int(p.EndSentence)
		w.span(p.Lines)
		w.int(p.Page)
	}
	w.uint(uint64(len(d.Quotations)))
	for _, q := range d.Quotations {
		w.str(q.Text)
		w.span(q.Lines)
		w.int(q.Sentence)
		w.str(q.Speaker)
	}
	w.uint(uint64(len(d.Footnotes)))
	for _, f := range d.Footnotes {
		w.int(f.Number)
		w.int(f.Line)
		w.str(f.Text)
	}
	w.uint(uint64(len(d.Omitted)))
	for _, o := range d.Omitted {
		w.span(o.Lines)
		w.str(o.Reason)
	}
}

// decodeData reads the cached data, checking its shape as it goes.
func decodeData(raw []byte) (*cachedData, error) {
	if !strings.HasPrefix(string(raw[:min(len(raw), len(dataMagic))]), dataMagic) {
		return nil, fmt.Errorf("%w: not a Lectern data file of this version", errDataCorrupt)
	}
	if len(raw) < len(dataMagic)+8 {
		return nil, fmt.Errorf("%w: too short", errDataCorrupt)
	}
	// The strings decoded share raw's bytes, which are never written after
	// this (a copy would hold the whole file twice while decoding).
	text := unsafe.String(unsafe.SliceData(raw), len(raw))
	end := len(raw) - 8
	tail := binary.LittleEndian.Uint64(raw[end:])
	if tail < uint64(len(dataMagic)) || tail > uint64(end) {
		return nil, fmt.Errorf("%w: no tail", errDataCorrupt)
	}
	r := &dataReader{b: raw[:end], text: text[:end], off: int(tail)}
	d, starts := decodeTail(r)
	if r.err != nil {
		return nil, r.err
	}
	if r.off != end {
		return nil, fmt.Errorf("%w: %d bytes too many", errDataCorrupt, end-r.off)
	}
	docs, err := decodeDocuments(raw[:tail], text[:tail], starts)
	if err != nil {
		return nil, err
	}
	d.Corpus.Documents = docs
	return d, nil
}

// decodeTail reads what follows the documents, and where each starts.
func decodeTail(r *dataReader) (*cachedData, []int) {
	d := &cachedData{Corpus: &corpus.Corpus{}}
	for range r.count(2) {
		d.Corpus.Skipped = append(d.Corpus.Skipped, &corpus.FileError{Path: r.str(), Err: errors.New(r.str())})
	}
	d.Terms = r.strings()
	d.Surface = r.strings()
	d.DF = readU32s(r)
	d.DocStart = readU32s(r)
	d.Start = readU32s(r)
	d.Tokens = readTokens(r)
	d.Words = readU16s(r)
	d.Flags = readU16s(r)
	d.SecStart = readU32s(r)
	d.Titles = make([][]uint32, r.count(1))
	for i := range d.Titles {
		d.Titles[i] = readU32s(r)
	}
	d.PostStart = readU32s(r)
	d.PostSent = readU32s(r)
	return d, r.ints()
}

// decodeDocuments reads the documents starting at starts in b on every
// core: a library's documents are most of what opening it costs.
func decodeDocuments(b []byte, text string, starts []int) ([]*corpus.Document, error) {
	docs := make([]*corpus.Document, len(starts))
	errs := make([]error, len(starts))
	parallel.Each(len(starts), 8, func(i int) {
		end := len(b)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if starts[i] < len(dataMagic) || starts[i] > end || end > len(b) {
			errs[i] = fmt.Errorf("%w: document %d out of place", errDataCorrupt, i)
			return
		}
		r := &dataReader{b: b[:end], text: text[:end], off: starts[i]}
		docs[i] = decodeDocument(r)
		if errs[i] = r.err; r.err == nil && r.off != end {
			errs[i] = fmt.Errorf("%w: document %d: %d bytes too many", errDataCorrupt, i, end-r.off)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

func decodeDocument(r *dataReader) *corpus.Document {
	d := &corpus.Document{Name: r.str(), Format: corpus.Format(r.uint()), Title: r.str(), Author: r.str(), Translator: r.str(), Encoding: r.str(), Size: r.int(), Hash: r.str(), Lines: r.int(), Pages: r.int()}
	if d.Text = r.strings(); len(d.Text) == 0 {
		d.Text = nil
	}
	if d.PageLabels = r.strings(); len(d.PageLabels) == 0 {
		d.PageLabels = nil
	}
	if d.LinePages = r.ints(); len(d.LinePages) == 0 {
		d.LinePages = nil
	}
	if cueLines, cueMillis := r.ints(), r.ints(); len(cueLines) > 0 && len(cueLines) == len(cueMillis) {
		d.Cues = make([]corpus.Cue, len(cueLines))
		for k := range cueLines {
			d.Cues[k] = corpus.Cue{Line: cueLines[k], Start: time.Duration(cueMillis[k]) * time.Millisecond}
		}
	}
	if r.bool() {
		d.Epigraph = &corpus.Epigraph{Text: r.str(), Attribution: r.str(), Lines: r.span()}
	}
	if n := r.count(5); n > 0 {
		d.Chapters = make([]corpus.Chapter, n)
	}
	for i := range d.Chapters {
		d.Chapters[i] = corpus.Chapter{Title: r.str(), Href: r.str(), FirstSentence: r.int(), EndSentence: r.int(), FirstParagraph: r.int()}
	}
	d.Sections = make([]corpus.Section, r.count(10))
	for i := range d.Sections {
		d.Sections[i] = corpus.Section{Number: r.int(), Title: r.str(), Heading: r.str(), Anchor: r.str(), Level: r.int(), Speakers: r.strings(),
			Lines: r.span(), FirstPage: r.int(), LastPage: r.int(), FirstSentence: r.int(), EndSentence: r.int(), Verses: r.bool()}
		if len(d.Sections[i].Speakers) == 0 {
			d.Sections[i].Speakers = nil
		}
	}
	d.SetSentenceStore(decodeSentences(r, len(d.Sections)))
	decodeParts(r, d)
	for _, s := range d.Sections {
		if s.FirstSentence < 0 || s.EndSentence > d.SentenceCount() || s.FirstSentence > s.EndSentence {
			r.fail()
		}
	}
	return d
}

// decodeParts reads a document's passages, quotations, notes and what was left out.
func decodeParts(r *dataReader, d *corpus.Document) {
	d.Passages = make([]corpus.Passage, r.count(6))
	for i := range d.Passages {
		p := corpus.Passage{Index: i, Section: r.int(), FirstSentence: r.int(), EndSentence: r.int(), Lines: r.span(), Page: r.int()}
		if p.FirstSentence < 0 || p.EndSentence > d.SentenceCount() || p.FirstSentence >= p.EndSentence {
			r.fail()
			break
		}
		d.Passages[i] = p
	}
	if n := r.count(5); n > 0 {
		d.Quotations = make([]corpus.Quotation, n)
	}
	for i := range d.Quotations {
		d.Quotations[i] = corpus.Quotation{Text: r.str(), Lines: r.span(), Sentence: r.int(), Speaker: r.str()}
	}
	if n := r.count(3); n > 0 {
		d.Footnotes = make([]corpus.Footnote, n)
	}
	for i := range d.Footnotes {
		d.Footnotes[i] = corpus.Footnote{Number: r.int(), Line: r.int(), Text: r.str()}
	}
	if n := r.count(3); n > 0 {
		d.Omitted = make([]corpus.Omission, n)
	}
	for i := range d.Omitted {
		d.Omitted[i] = corpus.Omission{Lines: r.span(), Reason: r.str()}
	}
}
