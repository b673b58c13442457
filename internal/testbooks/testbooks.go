// Package testbooks publishes the shared books in the other formats
// Lectern reads, for tests and benchmarks that compare a text with its
// PDF, EPUB or web edition: a parsed text as a testformats.Book, and a
// book of a given length.
package testbooks

import (
	"testing"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testformats"
)

// FromDocument is a parsed text as a book to publish in other formats:
// its sections as chapters, the sentences of each paragraph joined, a
// speaker's name before the turn.
func FromDocument(d *corpus.Document) testformats.Book {
	b := testformats.Book{Title: d.Title, Author: d.Author}
	for _, sec := range d.Sections {
		c := testformats.Chapter{Title: sec.Title}
		last := -1
		for _, s := range d.Sentences(sec.FirstSentence, sec.EndSentence) {
			if s.Paragraph == last {
				c.Paragraphs[len(c.Paragraphs)-1] += " " + s.Text
				continue
			}
			last = s.Paragraph
			text := s.Text
			if s.Speaker != "" {
				text = s.Speaker + ": " + text
			}
			c.Paragraphs = append(c.Paragraphs, text)
		}
		if len(c.Paragraphs) > 0 {
			b.Chapters = append(b.Chapters, c)
		}
	}
	return b
}

// Pages lays the start of the text at path out as a book of at least n
// pages (running heads, page numbers, hyphenation), and returns it as a
// PDF and as plain text.
func Pages(tb testing.TB, path string, n int) (pdf, text []byte) {
	tb.Helper()
	c, err := corpus.Load(path)
	if err != nil {
		tb.Fatal(err)
	}
	whole := FromDocument(c.Documents[0])
	book := testformats.Book{Title: whole.Title, Author: whole.Author}
	const charsPerPage = 2400 // fewer than a page holds: layout starts a little short
	for k := 1; k <= len(whole.Chapters); k++ {
		book.Chapters = whole.Chapters[:k]
		if len(book.Text()) < n*charsPerPage {
			continue
		}
		if pdf, pages := book.PDF(testformats.PDFOptions{RunningHeads: true, PageNumbers: true, Hyphenate: true}); len(pages) >= n {
			return pdf, []byte(book.Text())
		}
	}
	tb.Fatalf("%s is shorter than %d pages", path, n)
	return nil, nil
}
