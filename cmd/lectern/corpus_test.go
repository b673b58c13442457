package main

import (
	"slices"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// TestOmissionsCounted lists what was left out of a text one by one, but
// counts the parts left out for one reason when there are many (a book's
// running heads), with the first and the last.
func TestOmissionsCounted(t *testing.T) {
	omit := func(start, end int, reason string) corpus.Omission {
		return corpus.Omission{Lines: corpus.Span{Start: start, End: end}, Reason: reason}
	}
	tests := []struct {
		name    string
		omitted []corpus.Omission
		want    []string
	}{
		{"few", []corpus.Omission{omit(1, 27, "Project Gutenberg header"), omit(30, 31, "title page"), omit(40, 40, "running head")},
			[]string{"lines 1–27 Project Gutenberg header", "lines 30–31 title page", "line 40 running head"}},
		{"many of one reason", []corpus.Omission{omit(1, 27, "Project Gutenberg header"), omit(40, 40, "running head"), omit(80, 80, "running head"),
			omit(120, 120, "running head"), omit(160, 160, "running head"), omit(200, 200, "running head"), omit(900, 950, "Project Gutenberg licence")},
			[]string{"lines 1–27 Project Gutenberg header", "running head ×5 (line 40 … line 200)", "lines 900–950 Project Gutenberg licence"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &corpus.Document{Name: "book.txt", Format: corpus.FormatText, Omitted: tt.omitted}
			if got := omissions(d); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
