package corpus

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// An RTF document (.rtf: what WordPad and TextEdit save, and Word and
// LibreOffice export) is read as Word and OpenDocument are: paragraphs in
// order, headings (an outline level, or a style named "heading N") make
// sections, a paragraph in the Title style is the document's title, and
// title and author come from its \info. A text box is a paragraph of its
// own, read before the one that holds it, as in a Word document; notes
// are read after the text, under "Notes", as a Word document's. What is
// not text is not read: font and colour tables, pictures, headers and
// footers, comments, field instructions, list numbers, a shape's fallback
// copy and every other destination marked \*. A quote is cited by its
// section and paragraph, as a web page's. No maintained Go library reads
// RTF; this is the tokenizer of its specification (1.9.1) and the mapping
// to the model Word documents use.

// maxRTFDepth is how deeply groups may nest: far beyond what word
// processors write, short of what exhausts memory.
const maxRTFDepth = 512

// rtfSkipped are the destinations whose content is not the text.
var rtfSkipped = map[string]bool{
	"fonttbl": true, "colortbl": true, "pict": true, "object": true, "header": true, "headerl": true,
	"headerr": true, "headerf": true, "footer": true, "footerl": true, "footerr": true, "footerf": true,
	"annotation": true, "fldinst": true, "xe": true, "tc": true, "listtable": true,
	"listoverridetable": true, "revtbl": true, "rsidtbl": true, "filetbl": true, "listtext": true, "pntext": true,
	"nonshppict": true, "operator": true, "subject": true, "keywords": true, "comment": true,
	"doccomm": true, "company": true, "creatim": true, "revtim": true, "printim": true, "buptim": true,
	"sp": true, "shprslt": true,
}

// rtfSymbols are the control words that stand for a character.
var rtfSymbols = map[string]string{
	"emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
	"bullet": "•", "tab": " ", "line": " ", "emspace": " ", "enspace": " ", "qmspace": " ",
}

// rtfGroup is what a group of an RTF document says of the text in it.
type rtfGroup struct {
	skip    bool   // not text: a table, a picture, a note
	dest    string // where its text goes: "" the body, "title", "author", "style"
	uc      int    // how many characters stand in for a \u character
	heading int    // the paragraph's outline level plus one; 0 for none
	style   int    // the paragraph's style
	box     bool   // a text box's text: paragraphs of their own
}

// rtfReader reads an RTF document's paragraphs.
type rtfReader struct {
	data    []byte
	pos     int
	g       rtfGroup
	stack   []rtfGroup
	page    *charmap.Charmap // the code page \'hh bytes are in
	fall    int              // fallback characters still to skip after a \u
	starred bool             // the destination after \* is optional
	held    []string         // the text of paragraphs a text box stands in
	paras   []docParagraph
	text    strings.Builder // the paragraph being read
	styles  map[int]string  // style names by number
	name    strings.Builder // the style entry being read
	info    map[string]*strings.Builder
	note    strings.Builder   // the footnote being read
	notes   map[string]string // footnotes by key
	noted   []string          // the keys of the notes the paragraph being read refers to
}

// parseRTF parses an RTF document, which Detect knows by its first bytes.
func parseRTF(name string, data []byte) (*Document, error) {
	r := &rtfReader{data: data, g: rtfGroup{uc: 1}, page: charmap.Windows1252, styles: map[int]string{},
		info: map[string]*strings.Builder{"title": {}, "author": {}}, notes: map[string]string{}}
	if err := r.read(); err != nil {
		return nil, err
	}
	r.classByStyle()
	x := docExtraction(FormatRTF, r.paras, r.notes)
	if len(x.blocks) == 0 {
		return nil, ErrEmpty
	}
	x.title = cmp.Or(strings.TrimSpace(r.info["title"].String()), x.title)
	x.author = strings.TrimSpace(r.info["author"].String())
	return parseExtracted(name, data, x)
}

// read reads the document to its end.
func (r *rtfReader) read() error {
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		r.pos++
		switch c {
		case '{':
			if len(r.stack) == maxRTFDepth {
				return fmt.Errorf("%w: groups nested more than %d deep", ErrDamaged, maxRTFDepth)
			}
			r.stack = append(r.stack, r.g)
			r.fall, r.starred = 0, false
		case '}':
			r.closeGroup()
		case '\\':
			r.control()
		case '\r', '\n':
		default:
			if c >= 0x80 {
				r.char(string(r.page.DecodeByte(c))) // a writer's 8-bit text, unescaped
			} else {
				r.char(string(rune(c)))
			}
		}
	}
	r.endParagraph()
	return nil
}

// closeGroup ends a group, keeping a style entry's name, and restores
// what the group before it said.
func (r *rtfReader) closeGroup() {
	if r.g.dest == "style" && !r.g.skip {
		r.styles[r.g.style] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r.name.String()), ";"))
		r.name.Reset()
	}
	if n := len(r.stack); n > 0 && r.g.dest == "note" && r.stack[n-1].dest != "note" {
		key := "note:" + strconv.Itoa(len(r.notes))
		r.notes[key] = strings.Join(strings.Fields(r.note.String()), " ")
		r.noted = append(r.noted, key)
		r.note.Reset()
	}
	if n := len(r.stack); n > 0 {
		inBox := r.g.box
		r.g, r.stack = r.stack[n-1], r.stack[:n-1]
		if inBox && !r.g.box && len(r.held) > 0 {
			r.endParagraph()
			r.text.WriteString(r.held[len(r.held)-1])
			r.held = r.held[:len(r.held)-1]
		}
	}
	r.fall, r.starred = 0, false
}

// control reads a control word or symbol after its backslash.
func (r *rtfReader) control() {
	if r.pos >= len(r.data) {
		return
	}
	c := r.data[r.pos]
	if !isASCIILetter(c) {
		r.pos++
		r.symbol(c)
		return
	}
	start := r.pos
	for r.pos < len(r.data) && isASCIILetter(r.data[r.pos]) {
		r.pos++
	}
	word := string(r.data[start:r.pos])
	numStart := r.pos
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		r.pos++
	}
	for r.pos < len(r.data) && r.data[r.pos] >= '0' && r.data[r.pos] <= '9' {
		r.pos++
	}
	param, hasParam := 0, r.pos > numStart
	if hasParam {
		param, _ = strconv.Atoi(string(r.data[numStart:r.pos]))
	}
	if r.pos < len(r.data) && r.data[r.pos] == ' ' {
		r.pos++ // the space that ends a control word
	}
	r.word(word, param, hasParam)
}

// symbol acts on a control symbol: an escaped character, a hex byte.
func (r *rtfReader) symbol(c byte) {
	switch c {
	case '\\', '{', '}':
		r.char(string(rune(c)))
	case '~':
		r.char(" ")
	case '_':
		r.char("-")
	case '*':
		r.starred = true // an optional destination, text only if known
	case '\'':
		if r.pos+2 <= len(r.data) {
			if b, err := strconv.ParseUint(string(r.data[r.pos:r.pos+2]), 16, 8); err == nil {
				r.pos += 2
				r.char(string(r.page.DecodeByte(byte(b))))
			}
		}
	case '\r', '\n':
		r.endParagraph()
	}
}

// word acts on a control word.
func (r *rtfReader) word(w string, param int, hasParam bool) {
	if r.starred {
		r.starred = false
		if w != "shpinst" && w != "footnote" {
			r.g.skip = true
			return
		}
	}
	switch {
	case rtfSymbols[w] != "":
		r.char(rtfSymbols[w])
	case w == "par" || w == "cell" || w == "nestcell" || w == "row" || w == "sect" || w == "page":
		r.endParagraph()
	case w == "pard":
		r.g.heading, r.g.style = 0, 0
	case w == "outlinelevel" && param >= 0 && param < 9:
		r.g.heading = param + 1
	case w == "s":
		r.g.style = param
		if r.g.dest == "stylesheet" {
			r.g.dest = "style"
		}
	case w == "u":
		if param < 0 {
			param += 65536
		}
		r.char(string(rune(param)))
		r.fall = r.g.uc
	case w == "uc":
		r.g.uc = param
	case w == "bin" && hasParam && param > 0:
		r.pos = min(len(r.data), r.pos+param)
	case w == "ansicpg":
		r.page = codePage(param)
	case w == "mac":
		r.page = charmap.Macintosh
	case w == "stylesheet" || w == "info":
		r.g.dest = w
	case w == "title" || w == "author":
		if r.g.dest == "info" {
			r.g.dest = w
		}
	case w == "footnote" && !r.g.skip && r.g.dest == "":
		r.g.dest = "note" // a footnote or endnote, where it is referred to
	case w == "shptxt" && !r.g.skip && r.g.dest == "":
		r.held = append(r.held, r.text.String())
		r.text.Reset()
		r.g.box = true
	case rtfSkipped[w]:
		r.g.skip = true
	}
}

// char takes text, to where the group sends it.
func (r *rtfReader) char(s string) {
	if r.fall > 0 {
		r.fall-- // a \u character's fallback
		return
	}
	switch {
	case r.g.skip:
	case r.g.dest == "":
		r.text.WriteString(s)
	case r.g.dest == "style":
		r.name.WriteString(s)
	case r.g.dest == "note":
		r.note.WriteString(s)
	case r.info[r.g.dest] != nil:
		r.info[r.g.dest].WriteString(s)
	}
}

// endParagraph ends the paragraph being read, with what its group says
// of it.
func (r *rtfReader) endParagraph() {
	if r.g.dest == "note" {
		r.note.WriteByte(' ') // between a note's paragraphs
	}
	if r.g.skip || r.g.dest != "" {
		return
	}
	if text := r.text.String(); strings.TrimSpace(text) != "" {
		r.paras = append(r.paras, docParagraph{text: text, heading: r.g.heading, style: strconv.Itoa(r.g.style), notes: r.noted})
		r.noted = nil
	}
	r.text.Reset()
}

// classByStyle makes the paragraphs in a style named "heading N"
// headings, those in the style named "Title" the title and those in a
// "toc N" style a table of contents.
func (r *rtfReader) classByStyle() {
	for i, p := range r.paras {
		n, _ := strconv.Atoi(p.style)
		name := strings.ToLower(r.styles[n])
		switch {
		case name == "title":
			r.paras[i].title = true
		case strings.HasPrefix(name, "toc "):
			r.paras[i].toc = true
		case p.heading == 0 && strings.HasPrefix(name, "heading "):
			if level, err := strconv.Atoi(strings.TrimPrefix(name, "heading ")); err == nil && level > 0 {
				r.paras[i].heading = level
			}
		}
	}
}

// codePage is the single-byte code page of an \ansicpg number; Windows
// 1252 for any other.
func codePage(n int) *charmap.Charmap {
	pages := map[int]*charmap.Charmap{
		437: charmap.CodePage437, 850: charmap.CodePage850, 866: charmap.CodePage866,
		1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252, 1253: charmap.Windows1253,
		1254: charmap.Windows1254, 1255: charmap.Windows1255, 1256: charmap.Windows1256, 1257: charmap.Windows1257,
		1258: charmap.Windows1258, 10000: charmap.Macintosh,
	}
	return cmp.Or(pages[n], charmap.Windows1252)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
