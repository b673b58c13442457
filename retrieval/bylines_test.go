package retrieval

import (
	"context"
	"testing"
)

// TestAskWhoSignedPart: "Who wrote Federalist No. 10?" is answered by
// the line signing the paper over its text; a part that no line signs is
// answered as any question is, never by its greeting.
func TestAskWhoSignedPart(t *testing.T) {
	papers := parsedIndex(t, "federalist.txt", endsTexts["federalist.txt"])
	essays := parsedIndex(t, "essays.txt", `ESSAY I. THE SETTLEMENT

By Jane Addams

The settlement house stood among the tenements of the west side.

ESSAY II. THE SCHOOL

By John Dewey

The school is a form of community life.
`)
	tests := []struct {
		ix       *Index
		question string
		want     string // the first quote; "" for none signing a part
	}{
		{papers, "Who wrote Federalist No. 10?", "MADISON, with HAMILTON"},
		{papers, "who is the author of paper 10", "MADISON, with HAMILTON"},
		{papers, "Who wrote Federalist No. 11?", ""},
		{papers, "Who wrote Federalist No. 12?", ""},
		{essays, "Who wrote the second essay?", "By John Dewey"},
		{essays, "Who wrote essay 1?", "By Jane Addams"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if tt.want == "" {
				if doc, sent, ok := tt.ix.bylineSentence(tt.question); ok {
					t.Errorf("bylineSentence = document %d, sentence %d; want none", doc, sent)
				}
				return
			}
			rs, err := tt.ix.Ask(context.Background(), tt.question, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || rs[0].Quote.Text != tt.want {
				t.Errorf("first quote %+v, want %q", rs, tt.want)
			}
		})
	}
}
