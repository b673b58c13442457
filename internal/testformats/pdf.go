package testformats

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"strings"
)

// PDFOptions choose how a book is laid out in PDF pages.
type PDFOptions struct {
	// RunningHeads prints the book's title above the text of even pages
	// and the chapter's above odd ones.
	RunningHeads bool
	// PageNumbers prints each page's number at its foot: lower-case roman
	// for the front matter, then arabic from 1 where the text starts.
	PageNumbers bool
	// FrontMatter is how many pages come before the text: a title page,
	// then a contents page, then blank pages. 0 starts with the text.
	FrontMatter int
	// Labels records the printed numbers as the PDF's page labels.
	Labels bool
	// Hyphenate breaks a long word at a line's end with a hyphen.
	Hyphenate bool
	// UserPassword, when set, encrypts the PDF (RC4, 40 bits) so that it
	// does not open without it.
	UserPassword string
	// LinesPerPage is how many lines of text a page (or a column) holds;
	// 44 when 0.
	LinesPerPage int
	// Columns is 2 for pages set in two columns, the left one filled
	// first; 0 or 1 for one.
	Columns int
	// Outline writes the PDF's outline (bookmarks): an entry for each
	// chapter, leading to the page it begins on.
	Outline bool
	// PlainTitles sets chapter titles as the text is set, in its font
	// and size, so that only an outline tells them.
	PlainTitles bool
}

// Page geometry, in points.
const (
	pageWidth   = 612
	pageHeight  = 792
	leftMargin  = 72
	topLine     = 700 // the baseline of a page's first line of text
	leading     = 14
	bodySize    = 11
	noteSize    = 8
	lineChars   = 84 // characters of body text in a line
	noteChars   = 110
	firstIndent = 18  // a paragraph's first line, in points
	columnChars = 40  // characters of body text in a line of a column
	columnStep  = 246 // from the left column's margin to the right one's
)

// pdfLine is a line of text placed on a page.
type pdfLine struct {
	x, y   float64
	font   string // F1 Times-Roman, F2 Helvetica-Bold, F3 Times-Italic, F4 Courier
	size   float64
	text   string
	marker string // a footnote's marker raised after the text
}

type pdfPage struct {
	lines []pdfLine
	notes []pdfLine
	words []string // the book's words placed on the page
}

// layout lays a book out in pages.
type layout struct {
	o       PDFOptions
	pages   []*pdfPage
	used    int // lines of the current page taken, its notes' included
	note    int // the last footnote's number
	chapter string
	heads   []string // each page's running head
	starts  []int    // the page each chapter begins on
	column  int      // of the page, from 0
}

// PDF lays the book out and writes it as a PDF. Pages holds the words of
// the book placed on each page, so that a test can check where a quote
// stands.
func (b Book) PDF(o PDFOptions) (pdf []byte, pages []string) {
	if o.LinesPerPage == 0 {
		o.LinesPerPage = 44
	}
	l := &layout{o: o}
	l.frontMatter(b)
	for _, c := range b.Chapters {
		l.newPage(c.Title)
		l.starts = append(l.starts, len(l.pages)-1)
		title := pdfLine{x: leftMargin, font: "F2", size: 16, text: c.Title}
		if o.PlainTitles {
			title.font, title.size = "F1", bodySize
		}
		l.add(title)
		l.used++
		for i, p := range c.Paragraphs {
			note, ok := c.Notes[i]
			l.paragraph(p, note, ok)
		}
	}
	for _, p := range l.pages {
		pages = append(pages, strings.Join(p.words, " "))
	}
	return l.write(b), pages
}

// frontMatter lays out the title page, the contents and blank pages.
func (l *layout) frontMatter(b Book) {
	for i := 0; i < l.o.FrontMatter; i++ {
		l.newPage("")
		switch i {
		case 0:
			l.add(pdfLine{x: 180, y: 520, font: "F2", size: 24, text: b.Title})
			l.add(pdfLine{x: 180, y: 480, font: "F3", size: 14, text: b.Author})
		case 1:
			l.add(pdfLine{x: leftMargin, font: "F2", size: 16, text: "Contents"})
			for _, c := range b.Chapters {
				l.used++
				if l.used < l.o.LinesPerPage {
					l.add(pdfLine{x: leftMargin, font: "F1", size: bodySize, text: c.Title})
				}
			}
		}
	}
}

func (l *layout) newPage(chapter string) {
	l.chapter = chapter
	l.pages = append(l.pages, &pdfPage{})
	l.heads = append(l.heads, chapter)
	l.used, l.column = 0, 0
}

// nextColumn moves on to the next column, or the next page after the
// last one.
func (l *layout) nextColumn() {
	if l.column+1 < l.o.Columns {
		l.column++
		l.used = 0
		return
	}
	l.newPage(l.chapter)
}

// add places a line at the next line of the page, or where it says.
func (l *layout) add(line pdfLine) {
	p := l.pages[len(l.pages)-1]
	if line.y == 0 {
		line.y = float64(topLine - l.used*leading)
		l.used++
	}
	p.lines = append(p.lines, line)
}

// paragraph lays out a paragraph, its first line indented, its note at
// the foot of the page where it ends.
func (l *layout) paragraph(text, note string, hasNote bool) {
	if strings.HasPrefix(text, "$ ") {
		l.listing(text)
		return
	}
	if title, ok := strings.CutPrefix(text, "## "); ok {
		l.subheading(title)
		return
	}
	lines := l.wrap(text)
	for i, words := range lines {
		reserve := 0
		if hasNote && i == len(lines)-1 {
			reserve = len(wrapWords(strings.Fields(note), noteChars, false)) + 1
		}
		if l.used+reserve >= l.o.LinesPerPage-l.noteLines() {
			l.nextColumn()
		}
		line := pdfLine{x: leftMargin + float64(l.column*columnStep), font: "F1", size: bodySize, text: shown(words)}
		if i == 0 {
			line.x += firstIndent
		}
		p := l.pages[len(l.pages)-1]
		p.words = append(p.words, bookWords(lines, i)...)
		if hasNote && i == len(lines)-1 {
			l.note++
			line.marker = fmt.Sprint(l.note)
			noteLines := wrapWords(strings.Fields(note), noteChars, false)
			for k, nl := range noteLines {
				n := pdfLine{x: leftMargin, font: "F1", size: noteSize, text: shown(nl)}
				if k == 0 {
					n.marker = line.marker
				}
				p.notes = append(p.notes, n)
			}
		}
		l.add(line)
	}
}

// listing lays out a paragraph that opens with a shell's prompt as code:
// in Courier, indented, a line for each of its lines.
func (l *layout) listing(text string) {
	for _, t := range strings.Split(text, "\n") {
		if l.used >= l.o.LinesPerPage-l.noteLines() {
			l.nextColumn()
		}
		p := l.pages[len(l.pages)-1]
		p.words = append(p.words, strings.Fields(t)...)
		l.add(pdfLine{x: leftMargin + firstIndent + float64(l.column*columnStep), font: "F4", size: bodySize - 1, text: t})
	}
}

// subheading lays out a paragraph that opens with "## " as a word
// processor sets a third-level heading: in bold, in the body's size, a
// line's space above and below it.
func (l *layout) subheading(title string) {
	if l.used+3 >= l.o.LinesPerPage-l.noteLines() {
		l.nextColumn()
	}
	l.used++
	p := l.pages[len(l.pages)-1]
	p.words = append(p.words, strings.Fields(title)...)
	l.add(pdfLine{x: leftMargin + float64(l.column*columnStep), font: "F2", size: bodySize, text: title})
	l.used++
}

// noteLines is how many lines the current page's notes take, with the
// space above them.
func (l *layout) noteLines() int {
	n := len(l.pages[len(l.pages)-1].notes)
	if n == 0 {
		return 0
	}
	return n + 1
}

// wrap breaks a paragraph into lines of words, the first shorter by its
// indent.
func (l *layout) wrap(text string) [][]string {
	if l.o.Columns > 1 {
		return wrapWords(strings.Fields(text), columnChars, l.o.Hyphenate)
	}
	return wrapWords(strings.Fields(text), lineChars, l.o.Hyphenate)
}

// wrapWords breaks words into lines of at most width characters (the
// first 3 shorter), breaking long words with a hyphen when hyphenate.
func wrapWords(words []string, width int, hyphenate bool) [][]string {
	var out [][]string
	var line []string
	n, limit := 0, width-3
	for _, w := range words {
		if n > 0 && n+1+len(w) > limit {
			if room := limit - n - 2; hyphenate && room >= 4 && len(w) >= 9 && isLetters(w[:room]) && len(w)-room >= 3 {
				line = append(line, w[:room]+"-")
				w = "\x00" + w[room:] // the rest of a broken word
			}
			out, line, n, limit = append(out, line), nil, 0, width
		}
		if n > 0 {
			n++
		}
		line = append(line, w)
		n += len(w)
	}
	if len(line) > 0 {
		out = append(out, line)
	}
	return out
}

// shown is a line's words as printed.
func shown(words []string) string {
	return strings.TrimPrefix(strings.Join(words, " "), "\x00")
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// bookWords are the words of line i of lines as the book has them: a
// word broken at the line's end is counted whole on the next line.
func bookWords(lines [][]string, i int) []string {
	words := append([]string(nil), lines[i]...)
	if len(words) > 0 && strings.HasPrefix(words[0], "\x00") {
		prev := lines[i-1]
		words[0] = strings.TrimSuffix(prev[len(prev)-1], "-") + words[0][1:]
	}
	if i+1 < len(lines) && strings.HasPrefix(lines[i+1][0], "\x00") {
		words = words[:len(words)-1]
	}
	return words
}

// label is the printed number of page i (from 0).
func (l *layout) label(i int) string {
	if i < l.o.FrontMatter {
		return roman(i + 1)
	}
	return fmt.Sprint(i - l.o.FrontMatter + 1)
}

func roman(n int) string {
	vals := []int{10, 9, 5, 4, 1}
	syms := []string{"x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// write writes the laid-out pages as a PDF file.
func (l *layout) write(b Book) []byte {
	w := &pdfWriter{password: l.o.UserPassword}
	pagesRef := 2
	fonts := map[string]string{"F1": "Times-Roman", "F2": "Helvetica-Bold", "F3": "Times-Italic", "F4": "Courier"}
	w.reserve(2) // the catalog and the page tree, written last
	fontRefs := ""
	for _, name := range []string{"F1", "F2", "F3", "F4"} {
		ref := w.object(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>", fonts[name]))
		fontRefs += fmt.Sprintf("/%s %d 0 R ", name, ref)
	}
	var kids []string
	for i, p := range l.pages {
		content := w.stream(l.content(i, p, b))
		ref := w.object(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << %s>> >> /Contents %d 0 R >>",
			pagesRef, pageWidth, pageHeight, fontRefs, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", ref))
	}
	catalog := "<< /Type /Catalog /Pages 2 0 R"
	if l.o.Labels {
		catalog += " /PageLabels << /Nums ["
		if l.o.FrontMatter > 0 {
			catalog += " 0 << /S /r >>"
		}
		catalog += fmt.Sprintf(" %d << /S /D >> ] >>", l.o.FrontMatter)
	}
	if l.o.Outline {
		catalog += fmt.Sprintf(" /Outlines %d 0 R", l.outline(w, b, kids))
	}
	w.set(1, catalog+" >>")
	w.set(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	info := w.object(fmt.Sprintf("<< /Title %s /Author %s >>", w.text(len(w.objects)+1, b.Title), w.text(len(w.objects)+1, b.Author)))
	return w.finish(info)
}

// outline writes the outline's entries, a chapter each, and its root,
// and returns the root's reference.
func (l *layout) outline(w *pdfWriter, b Book, pages []string) int {
	root := len(w.objects) + 1
	first := root + 1
	w.reserve(1 + len(b.Chapters))
	for i, c := range b.Chapters {
		ref := first + i
		entry := fmt.Sprintf("<< /Title %s /Parent %d 0 R /Dest [%s /XYZ 0 %d 0]", w.text(ref, c.Title), root, pages[l.starts[i]], pageHeight)
		if i > 0 {
			entry += fmt.Sprintf(" /Prev %d 0 R", ref-1)
		}
		if i+1 < len(b.Chapters) {
			entry += fmt.Sprintf(" /Next %d 0 R", ref+1)
		}
		w.set(ref, entry+" >>")
	}
	w.set(root, fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", first, first+len(b.Chapters)-1, len(b.Chapters)))
	return root
}

// content is page i's content stream.
func (l *layout) content(i int, p *pdfPage, b Book) []byte {
	var s bytes.Buffer
	show := func(line pdfLine) {
		fmt.Fprintf(&s, "BT /%s %g Tf 1 0 0 1 %g %g Tm %s Tj", line.font, line.size, line.x, line.y, pdfString(line.text))
		if line.marker != "" {
			fmt.Fprintf(&s, " /F1 %g Tf %g Ts %s Tj 0 Ts", line.size*0.65, line.size*0.4, pdfString(line.marker))
		}
		s.WriteString(" ET\n")
	}
	if l.o.RunningHeads && i >= l.o.FrontMatter && (i-l.o.FrontMatter) > 0 {
		head := b.Title
		if (i-l.o.FrontMatter)%2 == 0 {
			head = l.heads[i]
		}
		show(pdfLine{x: 240, y: 750, font: "F3", size: 9, text: strings.ToUpper(head)})
	}
	for _, line := range p.lines {
		show(line)
	}
	for k, n := range p.notes {
		note := n
		note.y = float64(60 + (len(p.notes)-k)*10)
		if note.marker != "" {
			note.text = note.marker + " " + note.text
			note.marker = ""
		}
		show(note)
	}
	if l.o.PageNumbers && i > 0 {
		show(pdfLine{x: 300, y: 40, font: "F1", size: 10, text: l.label(i)})
	}
	return s.Bytes()
}

// pdfString is text as a PDF string in WinAnsi encoding, with characters
// it cannot encode as "?".
func pdfString(text string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range text {
		c, ok := winAnsi(r)
		if !ok {
			c = '?'
		}
		switch c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 32 || c > 126 {
				fmt.Fprintf(&b, "\\%03o", c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte(')')
	return b.String()
}

// winAnsi encodes a character in WinAnsiEncoding.
func winAnsi(r rune) (byte, bool) {
	special := map[rune]byte{'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '…': 0x85, 'œ': 0x9c, 'Œ': 0x8c}
	if c, ok := special[r]; ok {
		return c, true
	}
	if r >= 32 && r < 127 || r >= 0xa0 && r <= 0xff {
		return byte(r), true
	}
	return 0, false
}

// pdfWriter writes numbered objects and the cross-reference table, and
// encrypts strings and streams when there is a password.
type pdfWriter struct {
	objects  [][]byte
	password string
	key      []byte
}

func (w *pdfWriter) reserve(n int) {
	for range n {
		w.objects = append(w.objects, nil)
	}
}

func (w *pdfWriter) set(ref int, body string) { w.objects[ref-1] = []byte(body) }

func (w *pdfWriter) object(body string) int {
	w.objects = append(w.objects, []byte(body))
	return len(w.objects)
}

// stream adds a stream object, encrypted for its number.
func (w *pdfWriter) stream(data []byte) int {
	ref := len(w.objects) + 1
	data = w.encrypt(ref, data)
	return w.object(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data))
}

// text is a string of object ref, as a hex string, encrypted.
func (w *pdfWriter) text(ref int, s string) string {
	raw := pdfString(s)
	raw = raw[1 : len(raw)-1]
	raw = strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`).Replace(raw)
	return fmt.Sprintf("<%x>", w.encrypt(ref, []byte(raw)))
}

// fileID is the first part of the trailer's /ID, which the key depends on.
var fileID = []byte("lectern-testdata")

// padding is the password padding of the PDF standard security handler.
var padding = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

const permissions = -44 // print and copy allowed, 40-bit revision 2

// encryption sets up the standard security handler, revision 2 (PDF
// 1.7, 7.6.3.3–4): it returns the /O and /U entries.
func (w *pdfWriter) encryption() (owner, user []byte) {
	pad := func(p string) []byte { return append([]byte(p), padding...)[:32] }
	ownerKey := md5.Sum(pad(w.password + "-owner"))
	owner = rc4xor(ownerKey[:5], pad(w.password))
	h := md5.New()
	h.Write(pad(w.password))
	h.Write(owner)
	perm := int32(permissions)
	p := uint32(perm)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(fileID)
	w.key = h.Sum(nil)[:5]
	return owner, rc4xor(w.key, padding)
}

// encrypt encrypts data of object ref with the file's key, when there is
// one (algorithm 1).
func (w *pdfWriter) encrypt(ref int, data []byte) []byte {
	if w.password == "" {
		return data
	}
	if w.key == nil {
		w.encryption()
	}
	k := md5.Sum(append(append([]byte{}, w.key...), byte(ref), byte(ref>>8), byte(ref>>16), 0, 0))
	return rc4xor(k[:10], data)
}

func rc4xor(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic(err) // keys here are 5 to 16 bytes
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// finish writes the objects, the cross-reference table and the trailer.
func (w *pdfWriter) finish(info int) []byte {
	trailer := fmt.Sprintf("/Size %d /Root 1 0 R /Info %d 0 R /ID [<%x> <%x>]", len(w.objects)+1, info, fileID, fileID)
	if w.password != "" {
		owner, user := w.encryption()
		ref := w.object(fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%x> /U <%x> /P %d >>", owner, user, permissions))
		trailer = fmt.Sprintf("/Size %d /Root 1 0 R /Info %d 0 R /Encrypt %d 0 R /ID [<%x> <%x>]", len(w.objects)+1, info, ref, fileID, fileID)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(w.objects))
	for i, o := range w.objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}

// Typewritten text in a PDF: Courier at 12 points, 12 points apart, 54
// lines a page, as screenwriting programs set scripts.
const (
	typedSize    = 12
	typedLeading = 12
	typedLines   = 54
)

// TypedPDF sets plain text in a PDF as a typewriter or a screenwriting
// program sets it: each line at its indent, in Courier.
func TypedPDF(title, text string) []byte {
	l := &layout{}
	for i, line := range strings.Split(text, "\n") {
		if i%typedLines == 0 {
			l.pages = append(l.pages, &pdfPage{})
		}
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		p := l.pages[len(l.pages)-1]
		p.lines = append(p.lines, pdfLine{x: leftMargin + float64(indent)*typedSize*0.6, y: float64(topLine - i%typedLines*typedLeading), font: "F4", size: typedSize, text: t})
	}
	return l.write(Book{Title: title})
}
