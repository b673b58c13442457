package corpus

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
// deleted text and field codes are not text.
// A quote is cited by its section and paragraph, as a web page's.

// Errors of Word documents.
var (
	ErrNotDOCX      = errors.New("a zip archive but not a Word document (no word/document.xml)")
	ErrDOCXTooLarge = errors.New("the Word document unpacks to more than it may (a zip bomb?)")
)

// docxStyle is what a paragraph style makes of a paragraph.
type docxStyle struct {
	heading int  // its level as a heading, 0 for none
	toc     bool // an entry of a table of contents
	title   bool // the document's title
}

// docxHeadingName matches the names Word gives heading styles.
var docxHeadingName = regexp.MustCompile(`^(?i)heading\s*([1-9])$`)

// docxTOCName matches the names of table-of-contents styles.
var docxTOCName = regexp.MustCompile(`^(?i)(toc\s*[1-9]|toc heading|table of contents)$`)

// parseDOCX parses a Word document.
func parseDOCX(name string, data []byte) (*Document, error) {
	r, err := newZipReader(data, ErrDOCXTooLarge)
	if err != nil {
		return nil, err
	}
	if _, ok := r.files["word/document.xml"]; !ok {
		return nil, ErrNotDOCX
	}
	body, err := r.file("word/document.xml")
	if err != nil {
		return nil, err
	}
	paras, err := docxParagraphs(body)
	if err != nil {
		return nil, fmt.Errorf("%w: word/document.xml: %v", ErrDamaged, err)
	}
	styles := docxStyles(r)
	x := &extraction{format: FormatDOCX}
	title := ""
	for _, p := range paras {
		text := strings.Join(strings.Fields(p.text), " ")
		if text == "" {
			continue
		}
		line := len(x.text)
		x.raw, x.text = append(x.raw, text, ""), append(x.text, text, "")
		st := styles[p.style]
		switch {
		case st.title:
			x.blocks = append(x.blocks, xblock{kind: xOmitted, reason: "title", lines: []int{line}})
			title = cmp.Or(title, text)
		case st.toc:
			x.blocks = append(x.blocks, xblock{kind: xOmitted, reason: "table of contents", lines: []int{line}})
		case st.heading > 0:
			x.blocks = append(x.blocks, xblock{kind: xHeading, level: st.heading, lines: []int{line}})
		default:
			x.blocks = append(x.blocks, xblock{kind: xParagraph, lines: []int{line}})
		}
	}
	if len(x.blocks) == 0 {
		return nil, ErrEmpty
	}
	x.title, x.author = docxProperties(r)
	x.title = cmp.Or(x.title, title)
	return parseExtracted(name, data, x)
}

// docxParagraph is a paragraph of a Word document: its style's id and
// its text.
type docxParagraph struct {
	style, text string
}

// docxParagraphs reads the paragraphs of word/document.xml in order: the
// text of its runs (w:t), tabs and breaks as spaces; not deleted text
// (w:delText) nor field codes (w:instrText), which are other elements. A
// paragraph inside another (a text box's) is read as its own, before the
// one that holds it; a drawing's fallback copy (mc:Fallback) is not read
// twice.
func docxParagraphs(body []byte) ([]docxParagraph, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var out []docxParagraph
	var open []*docxParagraph // the paragraphs being read, innermost last
	var texts []*strings.Builder
	inText, fallback := false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "Fallback" {
				fallback++
			}
			if fallback > 0 {
				continue
			}
			switch t.Name.Local {
			case "p":
				open = append(open, &docxParagraph{})
				texts = append(texts, &strings.Builder{})
			case "pStyle":
				if len(open) > 0 {
					open[len(open)-1].style = docxAttr(t, "val")
				}
			case "t":
				inText = true
			case "tab", "br", "cr":
				if len(texts) > 0 {
					texts[len(texts)-1].WriteByte(' ')
				}
			}
		case xml.EndElement:
			if t.Name.Local == "Fallback" {
				fallback--
			}
			if fallback > 0 {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if n := len(open); n > 0 {
					p := *open[n-1]
					p.text = texts[n-1].String()
					open, texts = open[:n-1], texts[:n-1]
					out = append(out, p)
				}
			}
		case xml.CharData:
			if inText && fallback == 0 && len(texts) > 0 {
				texts[len(texts)-1].Write(t)
			}
		}
	}
}

// docxStyles reads word/styles.xml: what each paragraph style, by id,
// makes of a paragraph. A document without it knows its headings by the
// ids Word gives them in English ("Heading1").
func docxStyles(r *zipReader) map[string]docxStyle {
	out := map[string]docxStyle{}
	for i := 1; i <= 9; i++ {
		out["Heading"+strconv.Itoa(i)] = docxStyle{heading: i}
		out["TOC"+strconv.Itoa(i)] = docxStyle{toc: true}
	}
	out["Title"] = docxStyle{title: true}
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
			out[s.ID] = docxStyle{heading: int(m[1][0] - '0')}
		case strings.EqualFold(name, "title"):
			out[s.ID] = docxStyle{title: true}
		case docxTOCName.MatchString(name):
			out[s.ID] = docxStyle{toc: true}
		}
	}
	return out
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

// docxAttr is the value of an element's attribute by its local name
// (w:val).
func docxAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
