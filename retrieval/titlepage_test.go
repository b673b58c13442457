package retrieval

import (
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

func TestTitlePageNote(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		question string
		asks     bool
	}{
		{"Who wrote this?", true},
		{"who wrote this", true},
		{"Who is the author?", true},
		{"Who's the author of this book?", true},
		{"hey, who wrote the interview?", true},
		{"What is the author's name?", true},
		{"Who wrote the Communist Manifesto?", false},
		{"Who is the author of a biography of Serge?", false},
		{"Who wrote about Serge?", false},
		{"What is the title of this book?", true},
		{"What's the interview called?", true},
		{"What is the title of chapter 4?", false},
		{"What is the title of the Trotsky biography?", false},
		{"Why did the Bolsheviks dissolve the Constituent Assembly?", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			got := ix.TitlePageNote(tt.question)
			if asks := got != ""; asks != tt.asks {
				t.Fatalf("TitlePageNote(%q) = %q; want a note: %v", tt.question, got, tt.asks)
			}
			if tt.asks && !strings.Contains(got, "Suzi Weissman") {
				t.Errorf("TitlePageNote(%q) = %q, want the interview's title and author named", tt.question, got)
			}
		})
	}
}

func TestTitlePageNoteNames(t *testing.T) {
	doc := func(title, author string) *corpus.Document {
		return &corpus.Document{Name: "f.txt", Title: title, Author: author}
	}
	tests := []struct {
		name string
		docs []*corpus.Document
		want []string
	}{
		{"one text", []*corpus.Document{doc("Ten Days", "John Reed")}, []string{"“Ten Days” is by John Reed"}},
		{"no author known", []*corpus.Document{doc("Notes", "")}, []string{"“Notes” does not name its author"}},
		{"anonymous", []*corpus.Document{doc("Trial", "Anonymous")}, []string{"“Trial” names no author: its title page or the file's details say “Anonymous”."}},
		{"no title", []*corpus.Document{doc("", "Ann")}, []string{"“f.txt” is by Ann"}},
		{"several", []*corpus.Document{doc("A", "X"), doc("B", ""), doc("C", "Z")}, []string{"“A” is by X; “C” is by Z."}},
		{"many", []*corpus.Document{doc("A", "X"), doc("B", "Y"), doc("C", "Z"), doc("D", "W"), doc("E", "V")}, []string{"“C” is by Z; and 2 texts more."}},
		{"none known", []*corpus.Document{doc("A", ""), doc("B", "")}, []string{"None of the 2 texts names its author"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := titlePageNote(tt.docs)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("titlePageNote = %q, want it to hold %q", got, w)
				}
			}
		})
	}
}
