package corpus

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// docParagraph is a paragraph of a word processor's document (Word,
// OpenDocument) as its reader classes it.
type docParagraph struct {
	text    string
	style   string // the style's id, where the format names it
	heading int    // its outline level as a heading, 0 for none
	title   bool   // the document's title
	toc     bool   // an entry of a table of contents
	bold    bool   // all its text in bold runs
}

// docMarkup says how a format's XML holds its paragraphs.
type docMarkup struct {
	paragraph map[string]bool // elements that are paragraphs (w:p; text:p, text:h)
	textIn    string          // the element text stands in (w:t); "" for any
	spaces    map[string]bool // elements that read as a space: tabs, breaks
	skipped   map[string]bool // elements skipped whole, text and all
	// mark reads what a start element inside a paragraph, or the
	// paragraph's own, says of it.
	mark func(p *docParagraph, e xml.StartElement)
	// run is the element of a run of text in one format (w:r), and
	// bolds reports whether an element in it sets the run in bold; ""
	// and nil where the format says so by styles alone.
	run   string
	bolds func(e xml.StartElement) bool
}

// openParagraph is a paragraph being read and its text so far, with its
// letters and those of them in bold runs.
type openParagraph struct {
	p               docParagraph
	text            strings.Builder
	letters, bolded int
	runBold         bool
}

// read reads the paragraphs of body in order. A paragraph inside
// another (a text box's) is its own, read before the one that holds it.
func (m docMarkup) read(body []byte) ([]docParagraph, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var out []docParagraph
	var open []*openParagraph // innermost last
	skip, inText := 0, m.textIn == ""
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
			if skip > 0 || m.skipped[t.Name.Local] {
				skip++
				continue
			}
			if m.paragraph[t.Name.Local] {
				open = append(open, &openParagraph{})
			}
			switch {
			case len(open) == 0:
			case t.Name.Local == m.textIn:
				inText = true
			case m.spaces[t.Name.Local]:
				open[len(open)-1].text.WriteByte(' ')
			case t.Name.Local == m.run:
				open[len(open)-1].runBold = false
			case m.bolds != nil && m.bolds(t):
				open[len(open)-1].runBold = true
			default:
				m.mark(&open[len(open)-1].p, t)
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch n := len(open); {
			case n > 0 && m.paragraph[t.Name.Local]:
				o := open[n-1]
				p := o.p
				p.text, p.bold = o.text.String(), o.letters > 0 && o.bolded == o.letters
				open = open[:n-1]
				out = append(out, p)
			case m.textIn != "" && t.Name.Local == m.textIn:
				inText = false
			}
		case xml.CharData:
			if skip == 0 && inText && len(open) > 0 {
				o := open[len(open)-1]
				o.text.Write(t)
				n := letters(string(t))
				o.letters += n
				if o.runBold {
					o.bolded += n
				}
			}
		}
	}
}

// docExtraction lays a document's paragraphs out as an extraction of
// format f, a line each and a blank line after: its title and table of
// contents left out, its headings at their level. The title is that of
// the first title paragraph.
func docExtraction(f Format, paras []docParagraph) *extraction {
	x := &extraction{format: f}
	for _, p := range paras {
		text := strings.Join(strings.Fields(p.text), " ")
		if text == "" {
			continue
		}
		line := len(x.text)
		x.raw, x.text = append(x.raw, text, ""), append(x.text, text, "")
		b := xblock{kind: xParagraph, lines: []int{line}, bold: p.bold}
		switch {
		case p.title:
			b.kind, b.reason = xOmitted, "title"
			x.title = cmp.Or(x.title, text)
		case p.toc:
			b.kind, b.reason = xOmitted, "table of contents"
		case p.heading > 0:
			b.kind, b.level = xHeading, min(p.heading, 6)
		}
		x.blocks = append(x.blocks, b)
	}
	return x
}

// docFormat is a word processor's format: where its text is and how it
// is marked.
type docFormat struct {
	format              Format
	part                string // the zip's part that holds the text
	markup              docMarkup
	tooLarge, notFormat error
	// class classes the paragraphs by what the document's styles say of
	// them; nil where the markup says all.
	class func(r *zipReader, paras []docParagraph)
	// meta reads the document's title and author from its properties.
	meta func(r *zipReader) (title, author string)
}

// parse parses a document of the format.
func (f docFormat) parse(name string, data []byte) (*Document, error) {
	r, err := newZipReader(data, f.tooLarge)
	if err != nil {
		return nil, err
	}
	if _, ok := r.files[f.part]; !ok {
		return nil, f.notFormat
	}
	body, err := r.file(f.part)
	if err != nil {
		return nil, err
	}
	paras, err := f.markup.read(body)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, f.part, err)
	}
	if f.class != nil {
		f.class(r, paras)
	}
	x := docExtraction(f.format, paras)
	if len(x.blocks) == 0 {
		return nil, ErrEmpty
	}
	title, author := f.meta(r)
	x.title, x.author = cmp.Or(title, x.title), author
	return parseExtracted(name, data, x)
}

// xmlAttr is the value of an element's attribute by its local name
// (w:val, text:outline-level).
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
