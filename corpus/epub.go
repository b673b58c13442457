package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"strings"

	"golang.org/x/net/html"
)

// An EPUB (2 or 3) is read in the order of its spine. Chapters are titled
// from its navigation document (EPUB 3) or NCX (EPUB 2), and nested as
// they are there; endnotes and footnotes are notes of the line that
// refers to them. Cover, title page, imprint, colophon and licence pages
// are left out. A quote is cited by its chapter and paragraph.

// Errors of EPUBs.
var (
	ErrNotEPUB      = errors.New("a zip archive but not an EPUB (no META-INF/container.xml)")
	ErrEPUBTooLarge = errors.New("the EPUB unpacks to more than it may (a zip bomb?)")
	ErrDRM          = errors.New("the EPUB is protected by DRM (its text is encrypted); only a DRM-free copy can be read")
)

// epubPackage is the OPF package document: metadata, manifest and spine.
type epubPackage struct {
	Title    []string `xml:"metadata>title"`
	Creators []string `xml:"metadata>creator"`
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
	if len(pkg.Creators) > 0 {
		w.x.author = strings.TrimSpace(pkg.Creators[0])
	}
	return parseExtracted(name, data, w.x)
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
}

// toc reads the titles and nesting of the spine's documents from the
// navigation document, or the NCX of an EPUB 2.
func (r *zipReader) toc(pkg *epubPackage, base string) map[string]tocEntry {
	out := map[string]tocEntry{}
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
func navTOC(raw []byte, dir string, out map[string]tocEntry) {
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
				href := strings.SplitN(attr(n, "href"), "#", 2)[0]
				key := path.Join(dir, href)
				if _, seen := out[key]; !seen && href != "" {
					out[key] = tocEntry{title: strings.Join(strings.Fields(textContent(n)), " "), depth: depth}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth)
		}
	}
	visit(root, 0)
}

// ncxTOC reads an EPUB 2 NCX's navigation map.
func ncxTOC(raw []byte, dir string, out map[string]tocEntry) {
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
			key := path.Join(dir, strings.SplitN(p.Content.Src, "#", 2)[0])
			if _, seen := out[key]; !seen {
				out[key] = tocEntry{title: strings.TrimSpace(p.Label), depth: depth}
			}
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

// chapter reads one document of the spine as a chapter; a page that is
// not the work is kept in the text but left out of what is quoted.
func (w *htmlWalk) chapter(d spineDoc, toc tocEntry) {
	body := find(d.root, "body")
	if body == nil {
		return
	}
	first := len(w.x.text)
	firstBlock := len(w.x.blocks)
	w.walk(body)
	w.addNotes()
	w.flush()
	if reason := pageKind(d); reason != "" {
		for i := firstBlock; i < len(w.x.blocks); i++ {
			w.x.blocks[i].kind, w.x.blocks[i].reason = xOmitted, reason
		}
		return
	}
	title := w.nestHeadings(w.x.blocks[firstBlock:], toc)
	w.x.chapters = append(w.x.chapters, chapterStart{title: title, href: d.href, line: first})
}

// nestHeadings sets the levels of a chapter's headings as the table of
// contents nests the chapter: its first heading at the chapter's depth,
// the others at least one below. It returns the chapter's title: the
// table of contents', or its first heading.
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
