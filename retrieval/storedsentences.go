package retrieval

import (
	"unsafe"

	"github.com/lectern-bot/lectern/corpus"
)

// A cached document's sentences are not decoded into Go structures: a
// library holds millions of them, and a question reads a few hundred. The
// data file keeps them as fixed-size records read in place, beside their
// texts, line starts and footnote numbers, and storedSentences builds a
// corpus.Sentence from them when one is asked for.

// sentenceRecord is one sentence in the data file, ten little-endian
// uint32s. A sentence's text, line starts and footnotes end where the
// next sentence's begin (the last sentence's where their tables end), so
// only where they begin is kept.
type sentenceRecord struct {
	text      uint32 // offset in the document's sentence text
	section   uint32
	firstLine uint32
	lastLine  uint32
	page      uint32
	paragraph uint32
	speaker   uint32 // index into the document's speakers; 0 is none
	starts    uint32 // index into the document's line starts
	footnotes uint32 // index into the document's footnote numbers
	flags     uint32
}

const (
	recordWords   = int(unsafe.Sizeof(sentenceRecord{}) / 4)
	flagQuestion  = 1 << 0
	flagCode      = 1 << 1
	storedMinSize = 4 * recordWords // the least a sentence takes in the file
)

// storedSentences are one document's sentences as the data file holds
// them; it is a corpus.SentenceStore. The line starts a sentence gives
// are the file's own bytes, mapped read-only: nothing may write to them.
type storedSentences struct {
	text      string // every sentence's text, one after another
	records   []sentenceRecord
	speakers  []string
	starts    []corpus.LineStart
	footnotes []int
}

func (s *storedSentences) Len() int { return len(s.records) }

// Sentence returns sentence i; its text and line starts share the file's
// bytes.
func (s *storedSentences) Sentence(i int) corpus.Sentence {
	r := &s.records[i]
	textEnd, startsEnd, notesEnd := len(s.text), len(s.starts), len(s.footnotes)
	if i+1 < len(s.records) {
		next := &s.records[i+1]
		textEnd, startsEnd, notesEnd = int(next.text), int(next.starts), int(next.footnotes)
	}
	out := corpus.Sentence{
		Index:     i,
		Section:   int(int32(r.section)),
		Text:      s.text[r.text:textEnd],
		Lines:     corpus.Span{Start: int(int32(r.firstLine)), End: int(int32(r.lastLine))},
		Page:      int(int32(r.page)),
		Speaker:   s.speakers[r.speaker],
		Paragraph: int(int32(r.paragraph)),
		Question:  r.flags&flagQuestion != 0,
		Code:      r.flags&flagCode != 0,
	}
	if int(r.starts) < startsEnd {
		out.Starts = s.starts[r.starts:startsEnd:startsEnd]
	}
	if int(r.footnotes) < notesEnd {
		out.Footnotes = s.footnotes[r.footnotes:notesEnd:notesEnd]
	}
	return out
}

// recordBytes is the memory of the records of sentences from ≤ i < to.
func (s *storedSentences) recordBytes(from, to int) []byte {
	return bytesOf(s.records[from:to])
}

// textBytes is the memory of the text of sentences from ≤ i < to; it
// reads their records.
func (s *storedSentences) textBytes(from, to int) []byte {
	end := len(s.text)
	if to < len(s.records) {
		end = int(s.records[to].text)
	}
	return stringBytes(s.text[s.records[from].text:end])
}

// encodeSentences writes a document's sentences: its speakers, footnote
// numbers and sentence text, then its line starts and records as tables.
func encodeSentences(w *dataWriter, d *corpus.Document) {
	speakers := map[string]uint32{"": 0}
	names := []string{""}
	var notes []int
	var starts []uint32
	var text uint32
	records := make([]uint32, 0, recordWords*d.SentenceCount())
	for _, s := range d.AllSentences() {
		k, ok := speakers[s.Speaker]
		if !ok {
			k = uint32(len(names))
			speakers[s.Speaker] = k
			names = append(names, s.Speaker)
		}
		var flags uint32
		if s.Question {
			flags |= flagQuestion
		}
		if s.Code {
			flags |= flagCode
		}
		records = append(records, text, uint32(s.Section), uint32(s.Lines.Start), uint32(s.Lines.End),
			uint32(s.Page), uint32(s.Paragraph), k, uint32(len(starts)/2), uint32(len(notes)), flags)
		text += uint32(len(s.Text))
		for _, ls := range s.Starts {
			starts = append(starts, uint32(ls.Offset), uint32(ls.Line))
		}
		notes = append(notes, s.Footnotes...)
	}
	w.strings(names)
	w.ints(notes)
	w.uint(uint64(text))
	for _, s := range d.AllSentences() {
		w.b = append(w.b, s.Text...)
		w.spill()
	}
	writeU32s(w, starts)
	writeU32s(w, records)
}

// decodeSentences reads what encodeSentences wrote for a document of
// sections sections, checking that every record points inside its
// tables.
func decodeSentences(r *dataReader, sections int) *storedSentences {
	s := &storedSentences{speakers: r.strings(), footnotes: r.ints()}
	n := r.count(1)
	if r.err != nil || r.off+n > len(r.b) {
		r.fail()
		return &storedSentences{}
	}
	s.text = r.text[r.off : r.off+n]
	r.off += n
	starts, records := readU32s(r), readU32s(r)
	if r.err != nil || len(starts)%2 != 0 || len(records)%recordWords != 0 {
		r.fail()
		return &storedSentences{}
	}
	if len(starts) > 0 {
		s.starts = unsafe.Slice((*corpus.LineStart)(unsafe.Pointer(&starts[0])), len(starts)/2)
	}
	if len(records) > 0 {
		s.records = unsafe.Slice((*sentenceRecord)(unsafe.Pointer(&records[0])), len(records)/recordWords)
	}
	if !s.intact(sections) {
		r.fail()
		return &storedSentences{}
	}
	return s
}

// intact reports whether every record points inside its tables, in
// order, and at one of sections sections: what Sentence relies on.
func (s *storedSentences) intact(sections int) bool {
	var text, starts, notes uint32
	for i := range s.records {
		r := &s.records[i]
		if r.text < text || r.starts < starts || r.footnotes < notes ||
			int(r.text) > len(s.text) || int(r.starts) > len(s.starts) || int(r.footnotes) > len(s.footnotes) ||
			int(r.speaker) >= len(s.speakers) || r.section >= uint32(sections) {
			return false
		}
		text, starts, notes = r.text, r.starts, r.footnotes
	}
	return true
}
