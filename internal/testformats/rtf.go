package testformats

import (
	"fmt"
	"strings"
)

// RTF writes the book as an RTF document, as Word writes one: a font
// table, a colour table and a stylesheet first; the title and author in
// its \info (with the operator who last saved it); the title in the Title
// style and each chapter's title in the style named "heading 2", known
// only by the stylesheet; a table of contents (a TOC field's result, in
// the "toc 1" style); a running header; text outside ASCII as \u
// characters with \'hh fallbacks; the book's footnotes where they are
// referred to (\footnote, an optional destination as Word marks it). In
// the first chapter a PAGE field, a picture, a list and a table; in the
// second a text box inside a paragraph, with the fallback copy Word
// writes for older readers.
func (b Book) RTF() []byte {
	var body strings.Builder
	body.WriteString(`{\rtf1\ansi\ansicpg1252\deff0\uc1{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss Arial;}}` + "\r\n")
	body.WriteString(`{\colortbl;\red0\green0\blue0;}` + "\r\n")
	body.WriteString(`{\stylesheet{\ql \f0\fs24 \snext0 Normal;}{\s15\qc\b\fs48 \sbasedon0 \snext0 Title;}{\s2\b\fs28 \sbasedon0 \snext0 heading 2;}{\s19 \sbasedon0 \snext0 toc 1;}{\*\cs10 \additive Default Paragraph Font;}}` + "\r\n")
	fmt.Fprintf(&body, `{\info{\title %s}{\author %s}{\operator Someone Who Edited It}{\creatim\yr2026\mo12\dy5}}`+"\r\n", rtfText(b.Title), rtfText(b.Author))
	body.WriteString(`{\header \pard\plain \s0\qr A Running Head\par}` + "\r\n")
	fmt.Fprintf(&body, `\pard\plain \s15\qc\b\fs48 %s\par`+"\r\n", rtfText(b.Title))
	body.WriteString(`{\field{\*\fldinst { TOC \\o "1-3" }}{\fldrslt `)
	for _, c := range b.Chapters {
		fmt.Fprintf(&body, `\pard\plain \s19 %s\tab 1\par`+"\r\n", rtfText(c.Title))
	}
	body.WriteString("}}\r\n")
	for i, c := range b.Chapters {
		fmt.Fprintf(&body, `\pard\plain \s2\b\fs28 %s\par`+"\r\n", rtfText(c.Title))
		for j, p := range c.Paragraphs {
			text := rtfText(p)
			if i == 0 && j == 0 {
				text = `{\field{\*\fldinst { PAGE }}{\fldrslt }}` + text
			}
			if note, ok := c.Notes[j]; ok {
				text += `{\super\chftn}{\*\footnote \pard\plain {\super\chftn} ` + rtfText(note) + `\par}`
			}
			fmt.Fprintf(&body, `\pard\plain \s0\f0\fs24 %s\par`+"\r\n", text)
		}
		if i == 0 {
			body.WriteString(`{\pict\pngblip\picw10\pich10 89504e470d0a1a0a}` + "\r\n")
			body.WriteString(`{\listtext\pard\plain \f1 \'b7\tab}\pard\plain \s0\fi-360\li720 Lanterns were lent at the door.\par` + "\r\n")
			body.WriteString(`\trowd\cellx3000\cellx6000 \pard\intbl Lanterns lent\cell Forty a night.\cell\row \pard` + "\r\n")
		}
		if i == 1 {
			body.WriteString(`\pard\plain \s0 The lanterns still hang there. {\shp{\*\shpinst\shpleft0\shptop0{\sp{\sn shapeType}{\sv 202}}{\shptxt \pard Ask at the desk to see them lit.\par}}{\shprslt{\*\do\dobxcolumn{\dptxbx{\pard Ask at the desk to see them lit.\par}}}}}Nobody lights them now.\par` + "\r\n")
		}
	}
	body.WriteString("}")
	return []byte(body.String())
}

// rtfText escapes text for RTF: its specials, and each character outside
// ASCII as \u with a question mark for readers that cannot show it.
func rtfText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '{' || r == '}':
			b.WriteString(`\` + string(r))
		case r > 127:
			fmt.Fprintf(&b, `\u%d?`, int16(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
