package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// An EPUB (2 or 3) is read in the order of its spine. Chapters are titled
// from its navigation document (EPUB 3) or NCX (EPUB 2), and nested as
// they are there; a document of the spine that holds several chapters
// (Project Gutenberg's and Calibre's split a book by size) is cut where
// the contents link into it. Endnotes and footnotes are notes of the line
// that refers to them. Cover, title page, imprint, colophon and licence
// pages are left out. A quote is cited by its chapter and paragraph.

// Errors of EPUBs.
var (
	ErrNotEPUB      = errors.New("a zip archive but not an EPUB (no META-INF/container.xml)")
	ErrEPUBTooLarge = errors.New("the EPUB unpacks to more than it may (a zip bomb?)")
	ErrDRM          = errors.New("the EPUB is protected by DRM (its text is encrypted); only a DRM-free copy can be read")
)

// epubPackage is the OPF package document: metadata, manifest and spine.
type epubPackage struct {
	Title        []string   `xml:"metadata>title"`
	Creators     []epubName `xml:"metadata>creator"`
	Contributors []epubName `xml:"metadata>contributor"`
	Metas        []struct {
		Refines  string `xml:"refines,attr"`
		Property string `xml:"property,attr"`
		Value    string `xml:",chardata"`
	} `xml:"metadata>meta"`
	Manifest []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine struct {
		TOC   string `xml:"toc,attr"`
		Items []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

// epubName is a creator or contributor of an EPUB: its name, and its
// role where EPUB 2 gives it as an attribute (opf:role="trl").
type epubName struct {
	Name string `xml:",chardata"`
	ID   string `xml:"id,attr"`
	Role string `xml:"role,attr"`
}

// role is the MARC relator code of a creator or contributor ("aut",
// "trl"), from its attribute or, in EPUB 3, the meta that refines it.
func (p *epubPackage) role(n epubName) string {
	if n.Role != "" || n.ID == "" {
		return strings.TrimSpace(n.Role)
	}
	for _, m := range p.Metas {
		if m.Refines == "#"+n.ID && m.Property == "role" {
			return strings.TrimSpace(m.Value)
		}
	}
	return ""
}

// people are the package's author, its first creator with no role or
// the author's (else its first that is no translator), and its
// translator, the first creator or contributor whose role is "trl",
// each named in reading order.
func (p *epubPackage) people() (author, translator string) {
	for _, n := range p.Creators {
		if r := p.role(n); author == "" && (r == "" || r == "aut") {
			author = readingOrder(n.Name)
		}
	}
	for _, n := range p.Creators {
		if author == "" && p.role(n) != "trl" {
			author = readingOrder(n.Name) // an editor's name rather than none
		}
	}
	for _, n := range append(slices.Clone(p.Creators), p.Contributors...) {
		if translator == "" && p.role(n) == "trl" {
			translator = readingOrder(n.Name)
		}
	}
	return author, translator
}

// fontObfuscation are the algorithms META-INF/encryption.xml names for
// fonts mangled against copying (the IDPF's and Adobe's), which leave the
// text readable.
var fontObfuscation = map[string]bool{"http://www.idpf.org/2008/embedding": true, "http://ns.adobe.com/pdf/enc#RC": true}

// protected reports whether the EPUB's text is encrypted: it carries a
// store's rights (META-INF/rights.xml, Adobe's DRM) or its
// encryption.xml encrypts anything with more than font obfuscation.
func (r *zipReader) protected() bool {
	if _, ok := r.files["META-INF/rights.xml"]; ok {
		return true
	}
	var enc struct {
		Data []struct {
			Method struct {
				Algorithm string `xml:"Algorithm,attr"`
			} `xml:"EncryptionMethod"`
		} `xml:"EncryptedData"`
	}
	if !r.optionalXML("META-INF/encryption.xml", &enc) {
		return false // none, or damaged: read what can be read
	}
	for _, d := range enc.Data {
		if !fontObfuscation[d.Method.Algorithm] {
			return true
		}
	}
	return false
}

// parseEPUB parses an EPUB.
func parseEPUB(name string, data []byte) (*Document, error) {
	r, err := newZipReader(data, ErrEPUBTooLarge)
	if err != nil {
		return nil, err
	}
	if _, ok := r.files["META-INF/container.xml"]; !ok {
		return nil, ErrNotEPUB
	}
	if r.protected() {
		return nil, ErrDRM
	}
	opfPath, pkg, err := r.pkg()
	if err != nil {
		return nil, err
	}
	base := path.Dir(opfPath)
	toc := r.toc(pkg, base)
	w := newHTMLWalk(FormatEPUB)
	docs, err := r.spineDocs(pkg, base)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		w.collectNotes(d.root)
	}
	for _, d := range docs {
		w.chapter(d, toc[d.href])
	}
	if len(w.x.blocks) == 0 {
		return nil, errors.New("the EPUB has no text")
	}
	if len(pkg.Title) > 0 {
		w.x.title = strings.TrimSpace(pkg.Title[0])
	}
	w.x.author, w.x.translator = pkg.people()
	return parseExtracted(name, data, w.x)
}

// readingOrder turns a creator named in a catalogue's order ("Thoreau,
// Henry David", as Project Gutenberg's EPUBs name theirs) into the order
// it is read in ("Henry David Thoreau"), without a fuller form in
// brackets ("Wells, H. G. (Herbert George)") or the dates and titles
// after a second comma ("Tolstoy, Leo, graf, 1828-1910"). A name in any
// other shape is returned as it is.
func readingOrder(name string) string {
	name = strings.Join(strings.Fields(nameInBrackets.ReplaceAllString(name, " ")), " ")
	parts := strings.Split(name, ",")
	if len(parts) < 2 {
		return name
	}
	surname, given := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	if !personNames(surname, 3) || !personNames(given, 4) {
		return name
	}
	out := given + " " + surname
	for _, p := range parts[2:] {
		if p = strings.TrimSpace(p); p == "Jr." || p == "Sr." {
			out += " " + p
		}
	}
	return out
}

// nameInBrackets is a part of a name in brackets.
var nameInBrackets = regexp.MustCompile(`\([^)]*\)`)

// nameParticles are the words a person's name holds in lower case.
var nameParticles = map[string]bool{"de": true, "da": true, "di": true, "du": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "y": true}

// personNames reports whether s is one to most words of a person's name:
// each capitalised (or an initial, or a particle such as "de"), none with
// a digit.
func personNames(s string, most int) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > most {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[w] || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// pkg finds and reads the package document.
func (r *zipReader) pkg() (string, *epubPackage, error) {
	raw, err := r.file("META-INF/container.xml")
	if err != nil {
		return "", nil, err
	}
	var c struct {
		Rootfiles []struct {
			Path string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(raw, &c); err != nil || len(c.Rootfiles) == 0 {
		return "", nil, fmt.Errorf("META-INF/container.xml names no package document (%v)", err)
	}
	opfPath := c.Rootfiles[0].Path
	raw, err = r.file(opfPath)
	if err != nil {
		return "", nil, err
	}
	var pkg epubPackage
	if err := xml.Unmarshal(raw, &pkg); err != nil {
		return "", nil, fmt.Errorf("%s: %w", opfPath, err)
	}
	if len(pkg.Spine.Items) == 0 {
		return "", nil, fmt.Errorf("%s: the spine is empty", opfPath)
	}
	return opfPath, &pkg, nil
}

// spineDoc is a document of the spine, parsed.
type spineDoc struct {
	href string // its path inside the EPUB
	root *html.Node
	nav  bool // the navigation document: a table of contents
}

// spineDocs reads the documents of the spine, in order.
func (r *zipReader) spineDocs(pkg *epubPackage, base string) ([]spineDoc, error) {
	byID := map[string]int{}
	for i, it := range pkg.Manifest {
		byID[it.ID] = i
	}
	var out []spineDoc
	for _, ref := range pkg.Spine.Items {
		i, ok := byID[ref.IDRef]
		if !ok {
			continue
		}
		it := pkg.Manifest[i]
		if !strings.Contains(it.MediaType, "html") {
			continue
		}
		href := path.Join(base, it.Href)
		raw, err := r.file(href)
		if err != nil {
			return nil, err
		}
		root, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", href, err)
		}
		tidyTree(root)
		out = append(out, spineDoc{href: href, root: root, nav: strings.Contains(it.Properties, "nav")})
	}
	return out, nil
}

// tocEntry is a chapter as the table of contents names it.
type tocEntry struct {
	title string
	depth int // 1 for a top-level entry
	// fragment is the id of the element the entry links to inside its
	// document, "" for the document's top.
	fragment string
}

// epubTOC is the table of contents: the entries that link into each
// document of the spine, by its path, in the order they are listed.
type epubTOC map[string][]tocEntry

// add records an entry linking to href ("chapter.xhtml#ch2") relative to
// dir, unless one links to the same place already.
func (t epubTOC) add(dir, href, title string, depth int) {
	file, fragment, _ := strings.Cut(href, "#")
	if file == "" {
		return
	}
	key := path.Join(dir, file)
	for _, e := range t[key] {
		if e.fragment == fragment {
			return
		}
	}
	t[key] = append(t[key], tocEntry{title: strings.Join(strings.Fields(title), " "), depth: depth, fragment: fragment})
}

// toc reads the titles and nesting of the spine's documents from the
// navigation document, or the NCX of an EPUB 2.
func (r *zipReader) toc(pkg *epubPackage, base string) epubTOC {
	out := epubTOC{}
	for _, it := range pkg.Manifest {
		href := path.Join(base, it.Href)
		switch {
		case strings.Contains(it.Properties, "nav"):
			if raw, err := r.file(href); err == nil {
				navTOC(raw, path.Dir(href), out)
			}
		case it.ID == pkg.Spine.TOC || strings.HasSuffix(it.MediaType, "dtbncx+xml") && len(out) == 0:
			if raw, err := r.file(href); err == nil {
				ncxTOC(raw, path.Dir(href), out)
			}
		}
	}
	return out
}

// navTOC reads an EPUB 3 navigation document's table of contents.
func navTOC(raw []byte, dir string, out epubTOC) {
	root, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return
	}
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "nav" && !strings.Contains(attr(n, "epub:type"), "toc"):
				return // landmarks, page lists
			case n.Data == "ol":
				depth++
			case n.Data == "a":
				out.add(dir, attr(n, "href"), textContent(n), depth)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth)
		}
	}
	visit(root, 0)
}

// ncxTOC reads an EPUB 2 NCX's navigation map.
func ncxTOC(raw []byte, dir string, out epubTOC) {
	type navPoint struct {
		Label   string `xml:"navLabel>text"`
		Content struct {
			Src string `xml:"src,attr"`
		} `xml:"content"`
		Points []navPoint `xml:"navPoint"`
	}
	var ncx struct {
		Points []navPoint `xml:"navMap>navPoint"`
	}
	if xml.Unmarshal(raw, &ncx) != nil {
		return
	}
	var visit func(ps []navPoint, depth int)
	visit = func(ps []navPoint, depth int) {
		for _, p := range ps {
			out.add(dir, p.Content.Src, p.Label, depth)
			visit(p.Points, depth+1)
		}
	}
	visit(ncx.Points, 1)
}

// leftOut are the kinds of pages of an EPUB that are not the work: what
// epub:type says they are, and the reason recorded.
var leftOut = []struct{ kind, reason string }{
	{"cover", "cover"}, {"titlepage", "title page"}, {"halftitlepage", "title page"},
	{"imprint", "imprint"}, {"colophon", "colophon"}, {"copyright-page", "licence"},
	{"se:uncopyright", "licence"}, {"toc", "table of contents"}, {"landmarks", "table of contents"},
}

// pageKind says why a spine document is left out, or "".
func pageKind(d spineDoc) string {
	if d.nav {
		return "table of contents"
	}
	body := find(d.root, "body")
	if body == nil {
		return ""
	}
	var types []string
	for _, n := range []*html.Node{body, firstElement(body)} {
		if n != nil {
			types = append(types, strings.Fields(attr(n, "epub:type"))...)
		}
	}
	for _, l := range leftOut {
		for _, t := range types {
			if t == l.kind {
				return l.reason
			}
		}
	}
	return ""
}

// firstElement is the first element child of n, or nil.
func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// chapter reads one document of the spine as a chapter, or as several
// where the contents link into it; a page that is not the work is kept in
// the text but left out of what is quoted.
func (w *htmlWalk) chapter(d spineDoc, entries []tocEntry) {
	body := find(d.root, "body")
	if body == nil {
		return
	}
	first := len(w.x.text)
	firstBlock := len(w.x.blocks)
	w.marks = map[string]int{}
	for _, e := range entries {
		if e.fragment != "" {
			w.marks[e.fragment] = -1
		}
	}
	w.walk(body)
	w.addNotes()
	w.flush()
	marks := w.marks
	w.marks = nil
	if reason := pageKind(d); reason != "" {
		for i := firstBlock; i < len(w.x.blocks); i++ {
			w.x.blocks[i].kind, w.x.blocks[i].reason = xOmitted, reason
		}
		return
	}
	parts := chapterParts(entries, marks, w.x.blocks, firstBlock)
	for k, part := range parts {
		end := len(w.x.blocks)
		if k+1 < len(parts) {
			end = parts[k+1].block
		}
		line := first
		if part.block > firstBlock {
			line = w.x.blocks[part.block].lines[0]
		}
		w.titleParagraph(part.block, end, part.entry)
		title := w.nestHeadings(w.x.blocks[part.block:end], part.entry)
		w.x.chapters = append(w.x.chapters, chapterStart{title: title, href: d.href, line: line})
	}
}

// titleParagraph makes a chapter's first paragraph, in blocks [from, to),
// its heading when it says what the contents call the chapter: a book
// converted by Calibre sets its chapters' titles as paragraphs of a
// class, not as headings.
func (w *htmlWalk) titleParagraph(from, to int, entry tocEntry) {
	for i := from; i < to; i++ {
		b := &w.x.blocks[i]
		switch {
		case b.kind == xOmitted:
			continue
		case b.kind == xParagraph && len(b.lines) == 1 && sameTitle(w.x.text[b.lines[0]], entry.title):
			b.kind, b.level = xHeading, 2
			if b.anchor == "" {
				b.anchor = entry.fragment
			}
		}
		return
	}
}

// sameTitle reports whether a paragraph says a title of the contents, or
// the start of it ("Chapter 1" for "Chapter 1: The Beginning") or its end
// ("The Beginning"), or the title and a few more words ("CHAPTER I. THE
// BEGINNING" for "Chapter I"), whatever their case and punctuation.
func sameTitle(paragraph, title string) bool {
	p, t := foldedWords(paragraph), foldedWords(title)
	if len(p) == 0 || len(t) == 0 || len(p) > min(len(t)+maxSubtitleWords, maxTitleParagraphWords) {
		return false
	}
	n := min(len(p), len(t))
	return slices.Equal(p[:n], t[:n]) || slices.Equal(p, t[len(t)-n:])
}

// maxTitleParagraphWords is the most words a paragraph that says its
// chapter's title holds, and maxSubtitleWords the most it holds beyond
// the title's.
const (
	maxTitleParagraphWords = 16
	maxSubtitleWords       = 8
)

// foldedWords are the words of a title, in lower case, without
// punctuation.
func foldedWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// chapterPart is where a chapter begins in the blocks of a document of
// the spine, and the entry of the contents that names it.
type chapterPart struct {
	entry tocEntry
	block int
}

// chapterParts cuts a document of the spine, blocks[firstBlock:], into
// its chapters: one for each entry of the contents that links to an
// element met in it (marks, the block it opens), in the order they come,
// but for a section of a chapter: an entry deeper than the document's
// first, or one that links to a heading of a lower level than the
// document's first heading (a flat contents that lists sections too).
// The first chapter starts at the document's top.
func chapterParts(entries []tocEntry, marks map[string]int, blocks []xblock, firstBlock int) []chapterPart {
	if len(entries) == 0 {
		return []chapterPart{{block: firstBlock}}
	}
	top := 0
	for _, b := range blocks[firstBlock:] {
		if b.kind == xHeading {
			top = b.level
			break
		}
	}
	parts := []chapterPart{{entry: entries[0], block: firstBlock}}
	for _, e := range entries[1:] {
		block, ok := marks[e.fragment]
		if !ok || block <= parts[len(parts)-1].block || block >= len(blocks) || e.depth > entries[0].depth {
			continue
		}
		if b := blocks[block]; b.kind == xHeading && top > 0 && b.level > top {
			continue
		}
		parts = append(parts, chapterPart{entry: e, block: block})
	}
	return parts
}

// nestHeadings titles a chapter from its entry in the contents (or its
// first heading) and nests its headings under the entry's depth.
func (w *htmlWalk) nestHeadings(blocks []xblock, toc tocEntry) string {
	title, top := toc.title, 0
	for i := range blocks {
		b := &blocks[i]
		if b.kind != xHeading {
			continue
		}
		if top == 0 {
			top = b.level
			if title == "" {
				title = w.x.text[b.lines[0]]
			}
			if toc.depth > 0 {
				b.level = toc.depth
			}
			continue
		}
		if toc.depth > 0 {
			b.level = toc.depth + max(b.level-top, 1)
		}
	}
	return title
}
