package corpus

import (
	"slices"
	"testing"
)

// TestGutenbergTitle checks that a title as Project Gutenberg's pages
// give it loses the catalogue's words around it, and gives its author
// when none is known.
func TestGutenbergTitle(t *testing.T) {
	tests := []struct {
		title, author         string
		wantTitle, wantAuthor string
	}{
		{"The Project Gutenberg eBook of Walden, and On The Duty Of Civil Disobedience, by Henry David Thoreau", "",
			"Walden, and On The Duty Of Civil Disobedience", "Henry David Thoreau"},
		{"The Project Gutenberg E-text of Common Sense, by Thomas Paine.", "Thomas Paine", "Common Sense", "Thomas Paine"},
		{"The Project Gutenberg EBook of Pride and Prejudice, by Jane Austen", "Jane Austen", "Pride and Prejudice", "Jane Austen"},
		{"Three Men in a Boat, by Jerome K. Jerome", "Jerome K. Jerome", "Three Men in a Boat", "Jerome K. Jerome"},
		// A ", by" that names someone else stays: it is part of the title.
		{"Poems, by Request", "Ann Author", "Poems, by Request", "Ann Author"},
		{"Poems, by Request", "", "Poems, by Request", ""},
		{"The Project Gutenberg eBook of Walden", "", "Walden", ""},
		{"Walden", "Henry David Thoreau", "Walden", "Henry David Thoreau"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			title, author := gutenbergTitle(tt.title, tt.author)
			if title != tt.wantTitle || author != tt.wantAuthor {
				t.Errorf("got %q by %q, want %q by %q", title, author, tt.wantTitle, tt.wantAuthor)
			}
		})
	}
}

// TestReadingOrder checks that a creator named as a catalogue names them
// reads in the order the name is said, and that other names are kept.
func TestReadingOrder(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Thoreau, Henry David", "Henry David Thoreau"},
		{"Wells, H. G. (Herbert George)", "H. G. Wells"},
		{"Tolstoy, Leo, graf, 1828-1910", "Leo Tolstoy"},
		{"King, Martin Luther, Jr.", "Martin Luther King Jr."},
		{"Beauvoir, Simone de", "Simone de Beauvoir"},
		{"Peter Kropotkin", "Peter Kropotkin"},
		{"Department of Health, Victoria", "Department of Health, Victoria"},
		{"United States. Congress", "United States. Congress"},
		{"Smith, 1900-1980", "Smith, 1900-1980"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := readingOrder(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestChapterParts checks where a document of an EPUB's spine is cut into
// chapters: at each entry of the contents met in it, never at a section
// of a chapter (an entry deeper than the document's first, or one that
// links to a lower heading than the document's first), nor at an entry
// whose element is missing or out of order.
func TestChapterParts(t *testing.T) {
	entries := []tocEntry{
		{title: "I", depth: 1},
		{title: "I.1", depth: 2, fragment: "s1"},
		{title: "II", depth: 1, fragment: "c2"},
		{title: "III", depth: 1, fragment: "c3"},
		{title: "IV", depth: 1, fragment: "c4"},
		{title: "V", depth: 1, fragment: "c5"},
	}
	blocks := make([]xblock, 30)
	for i := range blocks {
		blocks[i] = xblock{kind: xHeading, level: 2}
	}
	blocks[20].level = 3 // a section's heading
	tests := []struct {
		name  string
		marks map[string]int
		want  []int // the blocks where chapters start
	}{
		{"every chapter met", map[string]int{"s1": 12, "c2": 14, "c3": 18, "c4": 21, "c5": 25}, []int{10, 14, 18, 21, 25}},
		{"one missing, one out of order", map[string]int{"s1": 12, "c2": 14, "c3": -1, "c4": 13, "c5": 25}, []int{10, 14, 25}},
		{"one after the last block", map[string]int{"c2": 14, "c5": 30}, []int{10, 14}},
		{"one at a section's heading", map[string]int{"c2": 14, "c3": 20, "c4": 22}, []int{10, 14, 22}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, p := range chapterParts(entries, tt.marks, blocks, 10) {
				got = append(got, p.block)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("chapters start at blocks %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSameTitle checks when a paragraph at a chapter's start says the
// title the contents give it.
func TestSameTitle(t *testing.T) {
	tests := []struct {
		paragraph, title string
		want             bool
	}{
		{"Economy", "Economy", true},
		{"CHAPTER I. ECONOMY", "Chapter I", true},
		{"Chapter 1", "Chapter 1: The Beginning", true},
		{"The Beginning", "Chapter 1: The Beginning", true},
		{"Where I Lived, and What I Lived For", "Where I Lived, and What I Lived For", true},
		{"Economy is the art of making the most of life, said the man who kept the accounts of the village.", "Economy", false},
		{"Solitude", "Economy", false},
		{"", "Economy", false},
	}
	for _, tt := range tests {
		t.Run(tt.paragraph, func(t *testing.T) {
			if got := sameTitle(tt.paragraph, tt.title); got != tt.want {
				t.Errorf("sameTitle(%q, %q) = %v, want %v", tt.paragraph, tt.title, got, tt.want)
			}
		})
	}
}
