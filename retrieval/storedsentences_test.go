package retrieval

import (
	"testing"
	"unsafe"

	"github.com/lectern-bot/lectern/corpus"
)

// TestStoredSentencesIntact checks that a data file whose sentence records
// point outside their tables is refused when it is read, rather than
// failing when a question reaches the sentence.
func TestStoredSentencesIntact(t *testing.T) {
	// Line starts are read in place as pairs of 32-bit words.
	if size, line := unsafe.Sizeof(corpus.LineStart{}), unsafe.Offsetof(corpus.LineStart{}.Line); size != 8 || line != 4 {
		t.Fatalf("corpus.LineStart is %d bytes with Line at %d; the data file stores 8 with Line at 4", size, line)
	}
	good := func() *storedSentences {
		return &storedSentences{
			text:      "One. Two.",
			speakers:  []string{"", "ANNA"},
			starts:    []corpus.LineStart{{Offset: 0, Line: 1}, {Offset: 2, Line: 2}},
			footnotes: []int{3},
			records: []sentenceRecord{
				{text: 0, section: 0, firstLine: 1, lastLine: 2, speaker: 1},
				{text: 5, section: 1, firstLine: 3, lastLine: 3, starts: 2, footnotes: 0},
			},
		}
	}
	tests := []struct {
		name   string
		damage func(*storedSentences)
		want   bool
	}{
		{"as written", func(*storedSentences) {}, true},
		{"text past its end", func(s *storedSentences) { s.records[1].text = 10 }, false},
		{"text going back", func(s *storedSentences) { s.records[0].text = 6 }, false},
		{"no such speaker", func(s *storedSentences) { s.records[0].speaker = 2 }, false},
		{"no such section", func(s *storedSentences) { s.records[1].section = 2 }, false},
		{"line starts past their end", func(s *storedSentences) { s.records[1].starts = 3 }, false},
		{"footnotes past their end", func(s *storedSentences) { s.records[1].footnotes = 2 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := good()
			tt.damage(s)
			if got := s.intact(2); got != tt.want {
				t.Errorf("intact: got %v, want %v", got, tt.want)
			}
		})
	}
	s := good()
	first, second := s.Sentence(0), s.Sentence(1)
	if first.Text != "One. " || second.Text != "Two." {
		t.Errorf("texts: got %q and %q, want %q and %q", first.Text, second.Text, "One. ", "Two.")
	}
	if first.Speaker != "ANNA" || len(first.Starts) != 2 || first.Footnotes != nil {
		t.Errorf("first sentence: got speaker %q, %d line starts, footnotes %v; want ANNA, 2, none", first.Speaker, len(first.Starts), first.Footnotes)
	}
	if second.Starts != nil || len(second.Footnotes) != 1 || second.Footnotes[0] != 3 {
		t.Errorf("second sentence: got line starts %v, footnotes %v; want none and [3]", second.Starts, second.Footnotes)
	}
}
