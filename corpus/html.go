package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// A saved web page or a book's HTML edition is read for its main content
// (go-readability, a port of the reader view of Firefox): navigation,
// sidebars, footers, comments and banners are left out. Block elements
// are paragraphs, headings make sections, <pre> is code, table rows are
// paragraphs, and note references are notes, never glued into a sentence.
// The text extracted, a paragraph a line, is what the document's lines
// count; a quote is cited by its section and paragraph.

// ErrNoContent means a web page has no text to read.
var ErrNoContent = errors.New("no main content: the page has no text to read")

// xmlEncoding matches the encoding an XML declaration names.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*\bencoding=["']([\w.:-]+)["']`)

// decodeHTML returns an HTML file's text as UTF-8: in the encoding its
// byte order mark names; as UTF-8 when it is valid UTF-8, whatever its
// <meta> says (a browser saves a page in UTF-8 and keeps the original's
// "charset=gb2312", and another encoding's text beyond ASCII is next to
// never valid UTF-8); else in the encoding its XML declaration or <meta>
// names, Windows-1252 (as browsers read it) when it names none.
func decodeHTML(data []byte) ([]byte, error) {
	var enc encoding.Encoding
	head := data[:min(len(data), 1024)]
	e, _, certain := charset.DetermineEncoding(data, "text/html")
	switch x, name := charset.Lookup(string(xmlEncodingOf(head))); {
	case certain:
		enc = e
	case utf8.Valid(data):
		enc = unicode.UTF8
	case x != nil && name != "":
		enc = x
	default:
		enc = e
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decoding the page: %w", err)
	}
	return bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")), nil
}

// readWebPage walks a page's text, with the notes collected before:
// readability's article, or the whole body where readability left out
// most of the headings (a book's chapter titles that link back to its
// contents look like navigation), read without its site's chrome —
// unless the body so read keeps less than half the article's words (a
// news page's article, whose few headings readability dropped, set among
// fifty headlines that look like text). Nil for a page with neither.
func readWebPage(collected *htmlWalk, body *html.Node, article readability.Article) *htmlWalk {
	bodyHeadings := 0
	if body != nil {
		bodyHeadings = countHeadings(body)
	}
	whole := article.Node != nil && countHeadings(article.Node)*2 >= bodyHeadings && !lostHeading(body, article.Node, article.Title())
	if body != nil && !whole {
		w := collected.fresh()
		w.page = true
		w.walk(body)
		if article.Node == nil || w.words()*2 >= len(strings.Fields(textContent(article.Node))) {
			return w
		}
	}
	if article.Node == nil {
		return nil
	}
	w := collected.fresh()
	if lead := leadHeading(body, article.Node); lead != nil {
		w.heading(headingLevel(lead), textContent(lead), headingID(lead))
	}
	w.walk(article.Node)
	return w
}

// fresh is a walk of its own with the notes w collected.
func (w *htmlWalk) fresh() *htmlWalk {
	f := newHTMLWalk(w.x.format)
	f.notes, f.refs = maps.Clone(w.notes), maps.Clone(w.refs)
	return f
}

// words counts the words the walk has written.
func (w *htmlWalk) words() int {
	n := 0
	for _, l := range w.x.text {
		n += len(strings.Fields(l))
	}
	return n
}

// countHeadings counts the headings under n, outside navigation.
func countHeadings(n *html.Node) int {
	if n.Type == html.ElementNode && (n.Data == "nav" || isChrome(n)) {
		return 0
	}
	c := 0
	if headingLevel(n) > 0 {
		c++
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countHeadings(k)
	}
	return c
}

// lostHeading reports whether readability left out a heading of the text
// itself: one whose next paragraph it kept, as a chapter's title set in a
// box with the author's notes, whose class readability takes for a
// page's metadata (an Archive of Our Own download). The page's title
// (its first <h1>, or the article's title), which readability takes out
// of the text to give it, is not lost.
func lostHeading(body, article *html.Node, title string) bool {
	if body == nil {
		return false
	}
	kept := headingTexts(article)
	kept[strings.Join(strings.Fields(title), " ")] = true
	if h1 := find(body, "h1"); h1 != nil {
		kept[strings.Join(strings.Fields(textContent(h1)), " ")] = true
	}
	articleText := strings.Join(strings.Fields(textContent(article)), " ")
	lost := false // a heading left out, whose paragraph is awaited
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		switch {
		case n.Type == html.ElementNode && (skipped[n.Data] || isChrome(n)):
			return false
		case headingLevel(n) > 0:
			lost = !kept[strings.Join(strings.Fields(textContent(n)), " ")]
			return false
		case lost && n.Type == html.ElementNode && n.Data == "p":
			if t := strings.Join(strings.Fields(textContent(n)), " "); len(t) >= minKeptParagraph {
				lost = false
				return strings.Contains(articleText, t[:minKeptParagraph])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c) {
				return true
			}
		}
		return false
	}
	return visit(body)
}

// leadHeading is the heading a page without an <h1> opens with, where
// readability took it for the page's title and left it out (it repeats
// the words of the <title>): a chapter's "2 Invoking Tide" on a manual's
// page titled "Invoking (Tide Manual 2.3)", whose text would have stood
// under no heading of its own. nil when readability kept it.
func leadHeading(body, article *html.Node) *html.Node {
	if body == nil || find(body, "h1") != nil {
		return nil
	}
	var first *html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch {
		case first != nil || n.Type == html.ElementNode && (skipped[n.Data] || isChrome(n)):
		case headingLevel(n) > 0:
			first = n
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
		}
	}
	visit(body)
	if first == nil {
		return nil
	}
	if title := strings.Join(strings.Fields(textContent(first)), " "); title == "" || headingTexts(article)[title] {
		return nil
	}
	return first
}

// headingTexts are the texts of the headings under n, their spaces made
// alike.
func headingTexts(n *html.Node) map[string]bool {
	texts := map[string]bool{}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if headingLevel(n) > 0 {
			texts[strings.Join(strings.Fields(textContent(n)), " ")] = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return texts
}

// minKeptParagraph is how much of a paragraph after a heading lostHeading
// looks for in the article: a paragraph of text, not a label.
const minKeptParagraph = 60

func xmlEncodingOf(head []byte) []byte {
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return m[1]
	}
	return nil
}

// parseHTML parses a web page or a book's HTML edition.
func parseHTML(name string, data []byte) (*Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if looksBinary(data) {
		return nil, ErrBinary
	}
	decoded, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(decoded))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	title := strings.Join(strings.Fields(textContent(find(root, "title"))), " ")
	tidyTree(root) // before readability, which strips the class names that tell what to tidy
	collected := newHTMLWalk(FormatHTML)
	collected.collectNotes(root) // before readability, which may leave the notes out
	body := find(root, "body")
	article, err := readability.FromDocument(root, nil)
	if err != nil {
		article = readability.Article{}
	}
	w := readWebPage(collected, body, article)
	if w == nil {
		return nil, ErrNoContent
	}
	w.notesLeftOut()
	w.addNotes()
	w.flush()
	if !holdsText(w.x.blocks) {
		return nil, ErrNoContent // nothing but headings and what is left out: a manual's index, a site's service page
	}
	w.x.title = pageTitle(title, article.Title(), headline(root))
	w.x.author = strings.TrimSpace(byPrefix.ReplaceAllString(article.Byline(), ""))
	if names := paperAuthors(root); names != "" {
		w.x.author = names
	}
	if w.x.author == "" {
		w.x.author = citedAuthors(root)
	}
	if w.x.author == "" {
		w.x.author = metaAuthor(root)
	}
	return parseExtracted(name, data, w.x)
}

// paperAuthors are the authors' names LaTeXML sets apart from their
// affiliations and notes (ltx_personname, up to its first line break),
// joined: readability takes a paper's affiliation for its byline.
func paperAuthors(root *html.Node) string {
	return namesOn(root, func(n *html.Node) string {
		if !hasClass(n, "ltx_personname") {
			return ""
		}
		var first strings.Builder
		for c := n.FirstChild; c != nil && !(c.Type == html.ElementNode && c.Data == "br"); c = c.NextSibling {
			first.WriteString(textContent(c))
		}
		return first.String()
	})
}

// citedAuthors are the authors a scholarly page names for citation, as
// journals, preprint servers and encyclopedias do for Google Scholar
// (<meta name="citation_author" content="Okonkwo, Marta">), in reading
// order and joined.
func citedAuthors(root *html.Node) string {
	return namesOn(root, func(n *html.Node) string {
		if n.Data != "meta" || !strings.EqualFold(attr(n, "name"), "citation_author") {
			return ""
		}
		return readingOrder(strings.Join(strings.Fields(attr(n, "content")), " "))
	})
}

// metaAuthor is the author a news site's or a blog's <meta> names
// (name="author", "article:author_name", "parsely-author"), where
// readability found no byline in the text (The Independent's, which sits
// in the share widget tidyTree leaves out); a profile's URL is no name.
func metaAuthor(root *html.Node) string {
	var found string
	namesOn(root, func(n *html.Node) string {
		key := strings.ToLower(attr(n, "name") + attr(n, "property"))
		if found != "" || n.Data != "meta" || !metaAuthorKeys[key] || strings.Contains(attr(n, "content"), "://") {
			return ""
		}
		found = strings.TrimSpace(byPrefix.ReplaceAllString(strings.Join(strings.Fields(attr(n, "content")), " "), ""))
		return found
	})
	return found
}

// metaAuthorKeys are the <meta> names and properties that name a page's
// author.
var metaAuthorKeys = map[string]bool{"author": true, "article:author": true, "article:author_name": true,
	"parsely-author": true, "sailthru.author": true, "dc.creator": true, "byl": true}

// namesOn joins the names that name finds on the elements of a page, in
// the page's order ("A, B and C").
func namesOn(root *html.Node, name func(n *html.Node) string) string {
	var names []string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if got := strings.Join(strings.Fields(name(n)), " "); got != "" {
				names = append(names, got)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return joinNames(names)
}

// byPrefix is the "by" a byline opens with.
var byPrefix = regexp.MustCompile(`^(?i)\s*by\s+`)

// pageTitle is a page's title: readability's (or the <title>'s) without
// the site's name where the headline shows which part that is; the
// headline where the <title> opens with it ("Outside the web: standalone
// WebAssembly…", which readability cuts at its colon).
func pageTitle(title, found string, h1 *html.Node) string {
	page := title
	if t := strings.Join(strings.Fields(found), " "); t != "" {
		title = t
	}
	if h1 == nil {
		return title
	}
	head := strings.Join(strings.Fields(textContent(h1)), " ")
	for _, sep := range siteSeparators {
		if sep != ": " && strings.HasPrefix(page, head+sep) {
			return head // a colon parts a headline's title from its subtitle as often as from its site's name
		}
	}
	return withoutSiteName(title, head)
}

// headline is the page's first <h1> that is not its site's name over a
// link home (V8's blog sets "<h1><a href="/">V8</a></h1>" before the
// article's).
func headline(root *html.Node) *html.Node {
	var found *html.Node
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "h1" && !linksHome(n) {
			found = n
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c) {
				return true
			}
		}
		return false
	}
	visit(root)
	return found
}

// linksHome reports whether all an element says is a link to its site's
// home page.
func linksHome(n *html.Node) bool {
	a := find(n, "a")
	if a == nil || strings.TrimSpace(textContent(a)) != strings.TrimSpace(textContent(n)) {
		return false
	}
	switch attr(a, "href") {
	case "/", "./", "../", "index.html", "#":
		return true
	}
	return false
}

// siteSeparators part a page's title from its site's name.
var siteSeparators = []string{" | ", " - ", " – ", " — ", " · ", ": ", " :: "}

// withoutSiteName is a page's title without the site's name, where it is
// the page's heading and the name joined by a separator ("Makefiles |
// Notes from a data witch"): the heading.
func withoutSiteName(title, heading string) string {
	if heading == "" || heading == title {
		return title
	}
	for _, sep := range siteSeparators {
		if strings.HasPrefix(title, heading+sep) || strings.HasSuffix(title, sep+heading) {
			return heading
		}
	}
	return title
}
