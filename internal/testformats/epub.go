package testformats

import (
	"fmt"
	"html"
	"strings"
)

// EPUBOptions choose how a book is packaged as an EPUB.
type EPUBOptions struct {
	// NCX writes an EPUB 2 table of contents (toc.ncx) instead of an
	// EPUB 3 navigation document.
	NCX bool
	// Cover adds a cover page and a copyright page, marked as such, before
	// the text.
	Cover bool
	// PerFile, when above 1, writes that many chapters to each document
	// of the spine, the contents linking to each chapter's heading by its
	// id, as Project Gutenberg and Calibre split a book by size.
	PerFile int
	// TitlesAsParagraphs sets each chapter's title as a paragraph of a
	// class, as Calibre's conversions do, rather than as a heading.
	TitlesAsParagraphs bool
	// Translator, when set, is named as the book's translator: as EPUB 2
	// does (opf:role="trl") with NCX, else as EPUB 3 does (a meta
	// refining the contributor's role).
	Translator string
	// Encryption, when set, is the algorithm META-INF/encryption.xml names
	// for the first chapter, as a store's DRM (AES) or a font obfuscation
	// would; the chapter itself is written in clear.
	Encryption string
}

// EPUB packages the book as an EPUB: a chapter a file, its footnotes
// marked as notes, with a table of contents whose entries read
// "Contents: " and the chapter's title, so that tests can tell them from
// the chapters' headings.
func (b Book) EPUB(o EPUBOptions) []byte {
	a := newArchive("application/epub+zip")
	write := a.write
	write("META-INF/container.xml", `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`)
	var manifest, spine, toc strings.Builder
	add := func(id, href, body string) {
		write("OEBPS/"+href, body)
		fmt.Fprintf(&manifest, `<item id="%s" href="%s" media-type="application/xhtml+xml"/>`+"\n", id, href)
		fmt.Fprintf(&spine, `<itemref idref="%s"/>`+"\n", id)
	}
	if o.Cover {
		add("cover", "cover.xhtml", xhtml("Cover", `<section epub:type="cover"><h1>`+html.EscapeString(b.Title)+`</h1></section>`))
		add("copyright", "copyright.xhtml", xhtml("Copyright", `<section epub:type="copyright-page"><p>This edition is in the public domain. Typeset for Lectern's tests.</p></section>`))
	}
	per := max(o.PerFile, 1)
	var group strings.Builder
	for i, c := range b.Chapters {
		file := i / per
		href := fmt.Sprintf("chapter%02d.xhtml", file+1)
		group.WriteString(chapterBody(c, fmt.Sprintf("ch%d", i+1), o.TitlesAsParagraphs))
		if i%per == per-1 || i == len(b.Chapters)-1 {
			add(fmt.Sprintf("c%d", file+1), href, xhtml(b.Chapters[file*per].Title, group.String()))
			group.Reset()
		}
		if per > 1 {
			href += fmt.Sprintf("#ch%d", i+1)
		}
		if o.NCX {
			fmt.Fprintf(&toc, `<navPoint id="n%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="%s"/></navPoint>`+"\n", i+1, i+1, html.EscapeString("Contents: "+c.Title), href)
		} else {
			fmt.Fprintf(&toc, `<li><a href="%s">%s</a></li>`+"\n", href, html.EscapeString("Contents: "+c.Title))
		}
	}
	if o.Encryption != "" {
		write("META-INF/encryption.xml", `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="`+o.Encryption+`"/>
<enc:CipherData><enc:CipherReference URI="OEBPS/chapter01.xhtml"/></enc:CipherData></enc:EncryptedData>
</encryption>`)
	}
	spineAttr := ""
	if o.NCX {
		spineAttr = ` toc="ncx"`
		write("OEBPS/toc.ncx", `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
`+toc.String()+`</navMap></ncx>`)
		manifest.WriteString(`<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>` + "\n")
	} else {
		write("OEBPS/nav.xhtml", xhtml("Contents", `<nav epub:type="toc"><h1>Contents</h1><ol>`+toc.String()+`</ol></nav>`))
		manifest.WriteString(`<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>` + "\n")
	}
	translator := ""
	switch {
	case o.Translator != "" && o.NCX:
		translator = `<dc:contributor opf:role="trl">` + html.EscapeString(o.Translator) + `</dc:contributor>`
	case o.Translator != "":
		translator = `<dc:contributor id="trl">` + html.EscapeString(o.Translator) + `</dc:contributor><meta refines="#trl" property="role" scheme="marc:relators">trl</meta>`
	}
	write("OEBPS/content.opf", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="id">lectern-test</dc:identifier><dc:title>%s</dc:title><dc:creator>%s</dc:creator>%s<dc:language>en</dc:language>
</metadata>
<manifest>
%s</manifest>
<spine%s>
%s</spine>
</package>`, html.EscapeString(b.Title), html.EscapeString(b.Author), translator, manifest.String(), spineAttr, spine.String()))
	return a.bytes()
}

// chapterBody is a chapter as XHTML: its title (with the id given, as a
// heading or a paragraph), its paragraphs, and its notes as EPUB
// footnotes after them.
func chapterBody(c Chapter, id string, titleParagraph bool) string {
	var b strings.Builder
	title := `<h1 id="%s">%s</h1>`
	if titleParagraph {
		title = `<p class="calibre6" id="%s"><span class="calibre7">%s</span></p>`
	}
	fmt.Fprintf(&b, "<section epub:type=\"chapter\">"+title+"\n", id, html.EscapeString(c.Title))
	var notes strings.Builder
	for i, p := range c.Paragraphs {
		b.WriteString("<p>" + html.EscapeString(p))
		if note, ok := c.Notes[i]; ok {
			fmt.Fprintf(&b, `<a epub:type="noteref" href="#%snote%d" id="%sref%d"><sup>%d</sup></a>`, id, i, id, i, i)
			fmt.Fprintf(&notes, `<aside epub:type="footnote" id="%snote%d"><p><a href="#%sref%d">%d</a> %s</p></aside>`+"\n", id, i, id, i, i, html.EscapeString(note))
		}
		b.WriteString("</p>\n")
	}
	b.WriteString(notes.String() + "</section>")
	return b.String()
}

// xhtml is a complete XHTML document.
func xhtml(title, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>` +
		html.EscapeString(title) + "</title></head>\n<body>\n" + body + "\n</body></html>"
}
