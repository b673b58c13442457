package corpus

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// docParagraph is a paragraph of a word processor's document (Word,
// OpenDocument) as its reader classes it.
type docParagraph struct {
	text    string
	style   string   // the style's id, where the format names it
	heading int      // its outline level as a heading, 0 for none
	title   bool     // the document's title
	toc     bool     // an entry of a table of contents
	bold    bool     // all its text in bold runs
	notes   []string // the notes it refers to, by their keys in the format's notes
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
	// note is the element that holds a note where it is referred to
	// (text:note), read apart from the paragraph, and citation the
	// element of its number in the text (text:note-citation); "" where
	// notes stand apart from the text.
	note, citation string
}

// inlineNote reads a note that stands inside its paragraph: its text,
// its number's left out, a space between its paragraphs.
type inlineNote struct {
	depth, citation int // elements open inside the note, and inside its number
	text            strings.Builder
}

// read reads a token inside the note and reports whether it ends it.
func (n *inlineNote) read(m docMarkup, tok xml.Token) bool {
	switch t := tok.(type) {
	case xml.StartElement:
		n.start(m, t)
	case xml.EndElement:
		return n.end(m, t)
	case xml.CharData:
		if n.citation == 0 {
			n.text.Write(t)
		}
	}
	return false
}

// start reads a start element inside the note.
func (n *inlineNote) start(m docMarkup, e xml.StartElement) {
	n.depth++
	if e.Name.Local == m.citation || n.citation > 0 {
		n.citation++
	}
}

// end reads an end element inside the note and reports whether it ends
// the note.
func (n *inlineNote) end(m docMarkup, e xml.EndElement) bool {
	n.depth--
	if n.citation > 0 {
		n.citation--
	}
	if m.paragraph[e.Name.Local] {
		n.text.WriteByte(' ')
	}
	return n.depth == 0
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
func (m docMarkup) read(body []byte) ([]docParagraph, map[string]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var out []docParagraph
	var open []*openParagraph // innermost last
	var note *inlineNote
	notes := map[string]string{}
	skip, inText := 0, m.textIn == ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, notes, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if note != nil {
			if note.read(m, tok) {
				key := "note:" + strconv.Itoa(len(notes))
				notes[key] = strings.Join(strings.Fields(note.text.String()), " ")
				if len(open) > 0 {
					open[len(open)-1].p.notes = append(open[len(open)-1].p.notes, key)
				}
				note = nil
			}
			continue
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip == 0 && t.Name.Local == m.note && m.note != "" {
				note = &inlineNote{depth: 1}
				continue
			}
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
func docExtraction(f Format, paras []docParagraph, notes map[string]string) *extraction {
	x := &extraction{format: f}
	var noted []string // the notes referred to, in the order of reference
	for _, p := range paras {
		for _, key := range p.notes {
			if text := notes[key]; text != "" {
				noted = append(noted, text)
				x.notes = append(x.notes, Footnote{Number: len(noted), Line: len(x.text) + 1, Text: text})
			}
		}
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
	addDocNotes(x, noted)
	return x
}

// addDocNotes writes a document's notes after its text, under a heading
// "Notes", a paragraph each, as a book's notes stand at its end: Word
// shows them at the foot of a page or the end of the document, which a
// document read as a whole has not.
func addDocNotes(x *extraction, notes []string) {
	if len(notes) == 0 {
		return
	}
	add := func(text string, b xblock) {
		b.lines = []int{len(x.text)}
		x.raw, x.text = append(x.raw, text, ""), append(x.text, text, "")
		x.blocks = append(x.blocks, b)
	}
	add("Notes", xblock{kind: xHeading, level: 2})
	for _, n := range notes {
		add(n, xblock{kind: xParagraph})
	}
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
	// notes reads the document's footnotes and endnotes by the keys its
	// paragraphs refer to them by; nil where the notes stand in the text.
	notes func(r *zipReader) map[string]string
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
	paras, notes, err := f.markup.read(body)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, f.part, err)
	}
	if f.class != nil {
		f.class(r, paras)
	}
	if f.notes != nil {
		notes = f.notes(r)
	}
	x := docExtraction(f.format, paras, notes)
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
