package corpus

import (
	"cmp"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
)

// An OpenDocument text (.odt, LibreOffice's own format) is read from
// content.xml in order: headings (text:h, at their outline level) make
// sections, paragraphs, list items and table cells are text, and a
// paragraph in the Title style is the document's title. Its table of
// contents, tracked deletions and comments are not read: they are
// elements of their own, skipped whole. Its notes, which stand where they
// are referred to, are read after the text, under "Notes", as Word's are.
// A quote is cited by its section and paragraph, as a web page's.

// Errors of OpenDocument texts.
var (
	ErrNotODT      = errors.New("a zip archive but not an OpenDocument text (no content.xml)")
	ErrODTTooLarge = errors.New("the OpenDocument text unpacks to more than it may (a zip bomb?)")
)

// odt is the OpenDocument text format. Skipped are the elements whose
// content is not the text: a table of contents or other index, tracked
// changes (what was deleted), comments.
var odt = docFormat{
	format: FormatODT, part: "content.xml", tooLarge: ErrODTTooLarge, notFormat: ErrNotODT,
	markup: docMarkup{
		paragraph: map[string]bool{"p": true, "h": true},
		spaces:    map[string]bool{"s": true, "tab": true, "line-break": true},
		skipped: map[string]bool{
			"table-of-content": true, "alphabetical-index": true, "illustration-index": true, "bibliography": true,
			"tracked-changes": true, "annotation": true, "sequence-decls": true,
		},
		mark: odtMark,
		note: "note", citation: "note-citation",
	},
	meta: odtMeta,
}

// parseODT parses an OpenDocument text.
func parseODT(name string, data []byte) (*Document, error) {
	return odt.parse(name, data)
}

// odtMark reads a paragraph's or heading's own element: a heading's
// outline level, the Title style.
func odtMark(p *docParagraph, e xml.StartElement) {
	switch e.Name.Local {
	case "h":
		p.heading = 1
		if n, err := strconv.Atoi(xmlAttr(e, "outline-level")); err == nil && n > 0 {
			p.heading = n
		}
	case "p":
		p.title = xmlAttr(e, "style-name") == "Title"
	}
}

// odtMeta reads the title and author from meta.xml: the author who
// created it before the one who last saved it.
func odtMeta(r *zipReader) (title, author string) {
	var meta struct {
		Title          string `xml:"meta>title"`
		Creator        string `xml:"meta>creator"`
		InitialCreator string `xml:"meta>initial-creator"`
	}
	r.optionalXML("meta.xml", &meta)
	return strings.TrimSpace(meta.Title), cmp.Or(strings.TrimSpace(meta.InitialCreator), strings.TrimSpace(meta.Creator))
}
