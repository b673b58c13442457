package retrieval

import (
	"context"
	"testing"
)

// TestAskWhoSignedPart: "Who wrote Federalist No. 10?" is answered by
// the line signing the paper over its text, "Who wrote the preface?" by
// the initials under it; a part that no line signs is answered as any
// question is, never by its greeting or a notice in capitals.
func TestAskWhoSignedPart(t *testing.T) {
	papers := parsedIndex(t, "federalist.txt", endsTexts["federalist.txt"])
	essays := parsedIndex(t, "essays.txt", `ESSAY I. THE SETTLEMENT

By Jane Addams

The settlement house stood among the tenements of the west side.

ESSAY II. THE SCHOOL

By John Dewey

The school is a form of community life.
`)
	book := parsedIndex(t, "book.txt", `PREFACE

This book is a slice of intensified history, as I saw it.

J. R. New York, January 1st 1919.

CHAPTER I

The Council met at night and passed two decrees before the morning.

CHAPTER II

The bridges will be raised at midnight.

REMEMBER, THERE WILL BE NO OTHER WARNING.

APPENDIX

Concerning Dwelling-Places

The Municipalities have the right to sequestrate all unoccupied dwelling-places.

People's Commissar of the Interior,

A. I. RYKOV.
`)
	tests := []struct {
		ix       *Index
		question string
		want     string // the first quote; "" for none signing a part
	}{
		{book, "Who wrote the preface?", "J. R. New York, January 1st 1919."},
		{book, "Who wrote the appendix?", "A. I. RYKOV."},
		{book, "Who wrote chapter 1?", ""},
		{book, "Who wrote chapter 2?", ""},
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

// TestAskWhenPartWritten: "When was the preface written?" is answered
// by the date under the signature closing it, on the signature's line or
// the next, or by a line of place and date closing a part no name signs;
// a part signed with no date, or neither signed nor dated, is answered as
// any question is. "When was the book written?" is answered by the date
// of its preface, foreword or introduction.
func TestAskWhenPartWritten(t *testing.T) {
	ix := parsedIndex(t, "book.txt", `PREFACE

The book, an English translation of which is here republished, was first issued in Germany in 1845.

F. ENGELS.
January 11th, 1892.

INTRODUCTION

The history of the proletariat in England begins with the invention of the steam-engine.

J. R.

FOREWORD

The chief beauty of this book lies in its simple truthfulness. Its pages were written on the river in 1888, and written in haste.

London, August, 1889.

CHAPTER I

The great towns were written about by many before me, in 1844 and since.
`)
	tests := []struct{ question, want string }{
		{"When was the preface written?", "F. ENGELS. January 11th, 1892."},
		{"when was the preface dated", "F. ENGELS. January 11th, 1892."},
		{"When was the foreword written?", "London, August, 1889."},
		{"When was the introduction written?", ""},
		{"When was chapter 1 written?", ""},
		{"When was the book written?", "F. ENGELS. January 11th, 1892."}, // by its preface's date
		{"when was it written", "F. ENGELS. January 11th, 1892."},
		{"When was the book first published?", "F. ENGELS. January 11th, 1892."},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			doc, sents, ok := ix.datedSentences(tt.question)
			if tt.want == "" {
				if ok {
					t.Errorf("datedSentences = document %d, sentences %v; want none", doc, sents)
				}
				return
			}
			rs, err := ix.Ask(context.Background(), tt.question, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || rs[0].Quote.Text != tt.want {
				t.Errorf("first quote %+v, want %q", rs, tt.want)
			}
		})
	}
}

func TestSignature(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"A. I. RYKOV.", true},
		{"F. ENGELS.", true},
		{"ULIANOV (LENIN).", true},
		{"CHARLES POOTER.", true},
		{"MADISON, with HAMILTON", true},
		{"J. R. New York, January 1st 1919.", true},
		{"H. C.", true},
		{"PUBLIUS", false},
		{"BRIGHTON.", false},
		{"LONDON, July, 1903.", false},
		{"MDCCLXXVI", false},
		{"THE END.", false},
		{"TO THE ATTENTION OF ALL CITIZENS.", false},
		{"REMEMBER, THERE WILL BE NO OTHER WARNING.", false},
		{"F I N I S.", false},
		{"People's Commissar of the Interior,", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := signature(tt.line); got != tt.want {
				t.Errorf("signature(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}
