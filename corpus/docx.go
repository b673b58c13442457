package corpus

import (
	"encoding/xml"
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// A Word document (.docx, Office Open XML) is read paragraph by paragraph
// from word/document.xml, tables' cells included. A paragraph whose style
// is a heading ("heading 1" … "heading 9" by the style's name in
// word/styles.xml, which Word keeps in English whatever the language of
// its menus) heads a section; one in the Title style is the document's
// title, and table-of-contents paragraphs ("toc 1" …) are left out;
// deleted text (w:delText) and field codes (w:instrText) are not text,
// nor is a drawing's fallback copy (mc:Fallback) read twice. A quote is
// cited by its section and paragraph, as a web page's. Footnotes and
// endnotes (word/footnotes.xml, word/endnotes.xml) are read after the
// text, under "Notes", in the order the text refers to them.

// Errors of Word documents.
var (
	ErrNotDOCX      = errors.New("a zip archive but not a Word document (no word/document.xml)")
	ErrDOCXTooLarge = errors.New("the Word document unpacks to more than it may (a zip bomb?)")
)

// docx is the Word format.
var docx = docFormat{
	format: FormatDOCX, part: "word/document.xml", tooLarge: ErrDOCXTooLarge, notFormat: ErrNotDOCX,
	markup: docMarkup{
		paragraph: map[string]bool{"p": true},
		textIn:    "t",
		spaces:    map[string]bool{"tab": true, "br": true, "cr": true},
		skipped:   map[string]bool{"Fallback": true},
		mark: func(p *docParagraph, e xml.StartElement) {
			switch e.Name.Local {
			case "pStyle":
				p.style = xmlAttr(e, "val")
			case "footnoteReference", "endnoteReference":
				p.notes = append(p.notes, e.Name.Local+":"+xmlAttr(e, "id"))
			}
		},
		run: "r",
		bolds: func(e xml.StartElement) bool {
			v := xmlAttr(e, "val")
			return e.Name.Local == "b" && v != "0" && v != "false"
		},
	},
	class: docxClass,
	meta:  docxProperties,
	notes: docxNotes,
}

// parseDOCX parses a Word document.
func parseDOCX(name string, data []byte) (*Document, error) {
	return docx.parse(name, data)
}

// docxHeadingName matches the names Word gives heading styles.
var docxHeadingName = regexp.MustCompile(`^(?i)heading\s*([1-9])$`)

// docxTOCName matches the names of table-of-contents styles.
var docxTOCName = regexp.MustCompile(`^(?i)(toc\s*[1-9]|toc heading|table of contents)$`)

// docxClass classes paragraphs by their styles in word/styles.xml, by
// name. A document without it knows its headings by the ids Word gives
// them in English ("Heading1").
func docxClass(r *zipReader, paras []docParagraph) {
	class := map[string]docParagraph{"Title": {title: true}}
	for i := 1; i <= 9; i++ {
		class["Heading"+strconv.Itoa(i)] = docParagraph{heading: i}
		class["TOC"+strconv.Itoa(i)] = docParagraph{toc: true}
	}
	var styles struct {
		Styles []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"style"`
	}
	r.optionalXML("word/styles.xml", &styles)
	for _, s := range styles.Styles {
		name := strings.TrimSpace(s.Name.Val)
		switch m := docxHeadingName.FindStringSubmatch(name); {
		case m != nil:
			class[s.ID] = docParagraph{heading: int(m[1][0] - '0')}
		case strings.EqualFold(name, "title"):
			class[s.ID] = docParagraph{title: true}
		case docxTOCName.MatchString(name):
			class[s.ID] = docParagraph{toc: true}
		}
	}
	for i, p := range paras {
		c := class[p.style]
		paras[i].heading, paras[i].title, paras[i].toc = c.heading, c.title, c.toc
	}
}

// docxProperties reads the title and author from docProps/core.xml.
func docxProperties(r *zipReader) (title, author string) {
	var core struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
	}
	r.optionalXML("docProps/core.xml", &core)
	return strings.TrimSpace(core.Title), strings.TrimSpace(core.Creator)
}

// docxNotes reads the footnotes and endnotes of a Word document, keyed
// as its paragraphs refer to them ("footnoteReference:2"); Word's
// separators, which are not notes, are left out.
func docxNotes(r *zipReader) map[string]string {
	notes := map[string]string{}
	for _, part := range []struct{ file, ref string }{
		{"word/footnotes.xml", "footnoteReference"},
		{"word/endnotes.xml", "endnoteReference"},
	} {
		var doc struct {
			Notes []struct {
				ID    string `xml:"id,attr"`
				Type  string `xml:"type,attr"`
				Paras []struct {
					Runs []struct {
						Text []string `xml:"t"`
					} `xml:"r"`
				} `xml:"p"`
			} `xml:",any"`
		}
		r.optionalXML(part.file, &doc)
		for _, n := range doc.Notes {
			if n.Type != "" && n.Type != "normal" {
				continue
			}
			var paras []string
			for _, p := range n.Paras {
				var b strings.Builder
				for _, run := range p.Runs {
					b.WriteString(strings.Join(run.Text, ""))
				}
				if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
					paras = append(paras, t)
				}
			}
			notes[part.ref+":"+n.ID] = strings.Join(paras, " ")
		}
	}
	return notes
}
