package corpus

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// An OpenDocument text (.odt, LibreOffice's own format) is read from
// content.xml in order: headings (text:h, at their outline level) make
// sections, paragraphs, list items and table cells are text, and a
// paragraph in the Title style is the document's title. Its table of
// contents, tracked deletions, notes and comments are not read: they are
// elements of their own, skipped whole. A quote is cited by its section
// and paragraph, as a web page's.

// Errors of OpenDocument texts.
var (
	ErrNotODT      = errors.New("a zip archive but not an OpenDocument text (no content.xml)")
	ErrODTTooLarge = errors.New("the OpenDocument text unpacks to more than it may (a zip bomb?)")
)

// odtSkipped are the elements whose content is not the text: a table of
// contents or other index, tracked changes (what was deleted), notes and
// their citations, comments.
var odtSkipped = map[string]bool{
	"table-of-content": true, "alphabetical-index": true, "illustration-index": true, "bibliography": true,
	"tracked-changes": true, "note": true, "annotation": true, "sequence-decls": true,
}

// parseODT parses an OpenDocument text.
func parseODT(name string, data []byte) (*Document, error) {
	r, err := newZipReader(data, ErrODTTooLarge)
	if err != nil {
		return nil, err
	}
	if _, ok := r.files["content.xml"]; !ok {
		return nil, ErrNotODT
	}
	content, err := r.file("content.xml")
	if err != nil {
		return nil, err
	}
	paras, err := odtParagraphs(content)
	if err != nil {
		return nil, fmt.Errorf("%w: content.xml: %v", ErrDamaged, err)
	}
	x := &extraction{format: FormatODT}
	title := ""
	for _, p := range paras {
		text := strings.Join(strings.Fields(p.text), " ")
		if text == "" {
			continue
		}
		line := len(x.text)
		x.raw, x.text = append(x.raw, text, ""), append(x.text, text, "")
		switch {
		case p.title:
			x.blocks = append(x.blocks, xblock{kind: xOmitted, reason: "title", lines: []int{line}})
			title = cmp.Or(title, text)
		case p.heading > 0:
			x.blocks = append(x.blocks, xblock{kind: xHeading, level: min(p.heading, 6), lines: []int{line}})
		default:
			x.blocks = append(x.blocks, xblock{kind: xParagraph, lines: []int{line}})
		}
	}
	if len(x.blocks) == 0 {
		return nil, ErrEmpty
	}
	var meta struct {
		Title          string `xml:"meta>title"`
		Creator        string `xml:"meta>creator"`
		InitialCreator string `xml:"meta>initial-creator"`
	}
	r.optionalXML("meta.xml", &meta)
	x.title, x.author = cmp.Or(strings.TrimSpace(meta.Title), title), strings.TrimSpace(meta.InitialCreator)
	if x.author == "" {
		x.author = strings.TrimSpace(meta.Creator)
	}
	return parseExtracted(name, data, x)
}

// odtParagraph is a paragraph or heading of an OpenDocument text; heading
// is its outline level, 0 for a paragraph; title marks the document's
// title (the Title paragraph style).
type odtParagraph struct {
	heading int
	title   bool
	text    string
}

// odtParagraphs reads the paragraphs and headings of content.xml in
// order, spans and links read through, runs of spaces (text:s) and tabs
// as spaces; a paragraph inside another (a text box's) is its own, read
// before the one that holds it.
func odtParagraphs(content []byte) ([]odtParagraph, error) {
	dec := xml.NewDecoder(bytes.NewReader(content))
	var out []odtParagraph
	var open []*odtParagraph
	var texts []*strings.Builder
	skip := 0 // depth inside skipped elements
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
			if skip > 0 || odtSkipped[t.Name.Local] {
				skip++
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				p := &odtParagraph{}
				p.title = docxAttr(t, "style-name") == "Title"
				if t.Name.Local == "h" {
					p.heading = 1
					if n, err := strconv.Atoi(docxAttr(t, "outline-level")); err == nil && n > 0 {
						p.heading = n
					}
				}
				open, texts = append(open, p), append(texts, &strings.Builder{})
			case "s", "tab", "line-break":
				if len(texts) > 0 {
					texts[len(texts)-1].WriteByte(' ')
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if n := len(open); n > 0 && (t.Name.Local == "p" || t.Name.Local == "h") {
				p := *open[n-1]
				p.text = texts[n-1].String()
				open, texts = open[:n-1], texts[:n-1]
				out = append(out, p)
			}
		case xml.CharData:
			if skip == 0 && len(texts) > 0 {
				texts[len(texts)-1].Write(t)
			}
		}
	}
}
