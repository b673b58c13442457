package testformats

import (
	"fmt"
	"html"
	"strings"
)

// ODT packages the book as an OpenDocument text, as LibreOffice writes
// one: the title in the Title paragraph style, each chapter's title a
// heading of outline level 2, a table of contents before the text, the
// book's footnotes where they are referred to (text:note); in the first
// chapter a tracked deletion, runs of spaces, a list and a table; in the
// second a text box inside a paragraph.
func (b Book) ODT() []byte {
	var body strings.Builder
	esc := html.EscapeString
	notes := 0
	fmt.Fprintf(&body, `<text:p text:style-name="Title">%s</text:p>`+"\n", esc(b.Title))
	body.WriteString(`<text:table-of-content><text:index-body><text:index-title><text:p>Contents</text:p></text:index-title>`)
	for _, c := range b.Chapters {
		fmt.Fprintf(&body, `<text:p text:style-name="Contents_20_1">%s<text:tab/>1</text:p>`, esc(c.Title))
	}
	body.WriteString("</text:index-body></text:table-of-content>\n")
	for i, c := range b.Chapters {
		fmt.Fprintf(&body, `<text:h text:outline-level="2">%s</text:h>`+"\n", esc(c.Title))
		for j, p := range c.Paragraphs {
			text := esc(p)
			if i == 0 && j == 0 {
				text = `<text:span text:style-name="T1">` + text + `</text:span>`
			}
			if note, ok := c.Notes[j]; ok {
				notes++
				text += fmt.Sprintf(`<text:note text:id="ftn%d" text:note-class="footnote"><text:note-citation>%d</text:note-citation><text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>`, notes, notes, esc(note))
			}
			fmt.Fprintf(&body, "<text:p>%s</text:p>\n", text)
		}
		if i == 0 {
			body.WriteString(`<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Struck out by an editor.</text:p></text:deletion></text:changed-region></text:tracked-changes>` + "\n")
			body.WriteString(`<text:p>Three<text:s text:c="3"/>spaces<text:tab/>and a tab.</text:p>` + "\n")
			body.WriteString(`<text:list><text:list-item><text:p>Lanterns were lent at the door.</text:p></text:list-item></text:list>` + "\n")
			body.WriteString(`<table:table><table:table-row><table:table-cell><text:p>Lanterns lent</text:p></table:table-cell><table:table-cell><text:p>Forty a night.</text:p></table:table-cell></table:table-row></table:table>` + "\n")
		}
		if i == 1 {
			body.WriteString(`<text:p>The lanterns still hang there. <draw:frame><draw:text-box><text:p>Ask at the desk to see them lit.</text:p></draw:text-box></draw:frame>Nobody lights them now.</text:p>` + "\n")
		}
	}
	a := newArchive("application/vnd.oasis.opendocument.text")
	write := a.write
	write("content.xml", `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3"><office:body><office:text><text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
`+body.String()+`</office:text></office:body></office:document-content>`)
	write("meta.xml", `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:title>`+esc(b.Title)+`</dc:title><meta:initial-creator>`+esc(b.Author)+`</meta:initial-creator><dc:creator>Someone Who Edited It</dc:creator></office:meta></office:document-meta>`)
	return a.bytes()
}
