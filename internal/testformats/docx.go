package testformats

import (
	"fmt"
	"html"
	"strings"
)

// DOCX packages the book as a Word document, as Word writes one: the
// title in the Title style, each chapter's title in a heading style whose
// id is not English ("berschrift2", named "heading 2" in styles.xml), a
// table of contents before the text; in the first chapter a deleted run
// and a field code, which are not text to read, and a table; and in
// the second a text box inside a paragraph, with the fallback copy Word
// writes for older readers. The book's footnotes are Word's footnotes
// (word/footnotes.xml, after Word's two separators).
func (b Book) DOCX() []byte {
	var body strings.Builder
	var notes []string
	para := func(style, runs string) {
		body.WriteString("<w:p>")
		if style != "" {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
		}
		body.WriteString(runs + "</w:p>\n")
	}
	run := func(text string) string {
		return `<w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r>`
	}
	para("Title", run(b.Title))
	para("TOCHeading", run("Contents"))
	for _, c := range b.Chapters {
		para("TOC1", run(c.Title)+`<w:r><w:tab/></w:r>`+run("1"))
	}
	for i, c := range b.Chapters {
		para("berschrift2", run(c.Title))
		for j, p := range c.Paragraphs {
			runs := run(p)
			if note, ok := c.Notes[j]; ok {
				notes = append(notes, note)
				runs += fmt.Sprintf(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, len(notes))
			}
			if i == 0 && j == 0 {
				runs = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
					`<w:del><w:r><w:delText>Struck out by an editor. </w:delText></w:r></w:del>` + runs
			}
			para("", runs)
		}
		if i == 1 {
			box := `<w:txbxContent><w:p>` + run("Ask at the desk to see them lit.") + `</w:p></w:txbxContent>`
			para("", run("The lanterns still hang there. ")+`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>`+box+
				`</w:drawing></mc:Choice><mc:Fallback><w:pict>`+box+`</w:pict></mc:Fallback></mc:AlternateContent></w:r>`+run("Nobody lights them now."))
		}
		if i == 0 {
			body.WriteString(`<w:tbl><w:tr><w:tc><w:p>` + run("Lanterns lent") + `</w:p></w:tc><w:tc><w:p>` + run("Forty a night.") + `</w:p></w:tc></w:tr></w:tbl>` + "\n")
		}
	}
	a := docxArchive(body.String())
	var foot strings.Builder
	foot.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	for i, n := range notes {
		fmt.Fprintf(&foot, `<w:footnote w:id="%d"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:footnote>`, i+1, run(" "+n))
	}
	foot.WriteString(`</w:footnotes>`)
	a.write("word/footnotes.xml", foot.String())
	a.write("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`+html.EscapeString(b.Title)+`</dc:title><dc:creator>`+html.EscapeString(b.Author)+`</dc:creator></cp:coreProperties>`)
	return a.bytes()
}

// docxArchive packages a Word document's body with its content types and
// the styles Book.DOCX uses.
func docxArchive(body string) *archive {
	a := newArchive("")
	write := a.write
	write("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	write("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
`+body+`</w:body></w:document>`)
	write("word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
</w:styles>`)
	return a
}

// InterviewDOCX writes an interview as a Word document whose questions
// are set in bold, with no speakers' labels: an introduction, then each
// question (pairs[0], pairs[2], …) and its answer.
func InterviewDOCX(intro string, pairs ...string) []byte {
	var body strings.Builder
	run := func(text string, bold bool) string {
		props := ""
		if bold {
			props = "<w:rPr><w:b/></w:rPr>"
		}
		return `<w:r>` + props + `<w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r>`
	}
	body.WriteString("<w:p>" + run(intro, false) + "</w:p>\n")
	for k, p := range pairs {
		body.WriteString("<w:p>" + run(p, k%2 == 0) + "</w:p>\n")
	}
	return docxArchive(body.String()).bytes()
}
