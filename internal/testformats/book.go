// Package testformats writes documents in the formats Lectern reads, from
// a plain structure, for tests: a book laid out in PDF pages with running
// heads, printed page numbers, hyphenated lines and footnotes; the same
// book as an EPUB with a table of contents; as a web page inside a site's
// menus and footer; as a Word, OpenDocument or RTF document; as a Jupyter
// notebook. Tests check that a text reads the same in every form,
// and that bad documents are refused clearly.
package testformats

import "strings"

// Book is a text in chapters of paragraphs.
type Book struct {
	Title, Author string
	Chapters      []Chapter
}

// Chapter is a titled run of paragraphs.
type Chapter struct {
	Title      string
	Paragraphs []string
	// Notes are footnotes by paragraph: Notes[i], where set, is the note
	// whose marker ends paragraph i.
	Notes map[int]string
}

// Text is the book as plain text: the title, then each chapter's title
// and paragraphs, separated by blank lines.
func (b Book) Text() string {
	var s strings.Builder
	s.WriteString(b.Title + "\n\n")
	for _, c := range b.Chapters {
		s.WriteString(c.Title + "\n\n")
		for _, p := range c.Paragraphs {
			s.WriteString(p + "\n\n")
		}
	}
	return s.String()
}
