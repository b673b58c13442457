package corpus

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// TestGeneratedFormats reads the essay in every form it is published in,
// and checks that its text reads the same: no running heads, page
// numbers, menus or cookie banners among the sentences, words broken at
// lines' ends whole again, notes kept, pages and chapters where they are.
func TestGeneratedFormats(t *testing.T) {
	book := testformats.Essay()
	for _, tt := range generatedInputs(t) {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.doc
			checkInvariants(t, d)
			if got, want := chapterWords(d, book), bookWords(book); !slices.Equal(got, want) {
				t.Errorf("the text reads differently:\n got %s\nwant %s", firstDifference(got, want), firstDifference(want, got))
			}
			if got, want := chapterParagraphs(d, book), bookParagraphs(book); !slices.Equal(got, want) {
				t.Errorf("paragraphs by chapter: got %v, want %v", got, want)
			}
			checkNotes(t, d, book)
			if tt.pages != nil {
				checkPages(t, d, tt.pages)
			}
			if d.Format == FormatEPUB {
				var got, want []string
				for _, c := range d.Chapters {
					got = append(got, c.Title)
				}
				for _, c := range book.Chapters {
					want = append(want, "Contents: "+c.Title)
				}
				if !slices.Equal(got, want) {
					t.Errorf("chapters %q, want %q (their titles in the table of contents)", got, want)
				}
			}
			testsupport.Golden(t, filepath.Join("testdata", "structure", "generated", tt.name+".golden"), outline(d))
		})
	}
	t.Run("page labels", func(t *testing.T) {
		d := generatedInputs(t)[0].doc
		want := []string{"i", "ii", "1", "2"}
		if len(d.PageLabels) < len(want) || !slices.Equal(d.PageLabels[:len(want)], want) {
			t.Errorf("got labels %q, want them to begin %q", d.PageLabels, want)
		}
	})
	t.Run("printed numbers without labels", func(t *testing.T) {
		// A PDF that records no labels is labelled by the numbers its
		// feet print: its roman front matter by none, the text from 1.
		data, _ := book.PDF(testformats.PDFOptions{PageNumbers: true, FrontMatter: 2, LinesPerPage: 22})
		pdf := NewPDFEngine(testsupport.PDFiumCache())
		defer pdf.Close()
		d, err := pdf.Parse("book.pdf", data)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"", "", "1", "2"}
		if len(d.PageLabels) < len(want) || !slices.Equal(d.PageLabels[:len(want)], want) {
			t.Errorf("got labels %q, want them to begin %q", d.PageLabels, want)
		}
	})
}

// generatedInput is the test essay in one format, parsed.
type generatedInput struct {
	name  string
	doc   *Document
	pages []string // the words the writer placed on each page of a PDF
}

// generatedInputs are the test essay as a PDF laid out as a book (front
// matter, running heads, page numbers and labels, hyphenation), a plain
// PDF, a PDF set in two columns, EPUBs with a navigation document and with an NCX, and web pages
// with and without a site's chrome.
func generatedInputs(t *testing.T) []generatedInput {
	t.Helper()
	book := testformats.Essay()
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	defer pdf.Close()
	full := testformats.PDFOptions{RunningHeads: true, PageNumbers: true, FrontMatter: 2, Labels: true, Hyphenate: true, LinesPerPage: 22}
	fullPDF, fullPages := book.PDF(full)
	plainPDF, plainPages := book.PDF(testformats.PDFOptions{LinesPerPage: 30})
	columnsPDF, columnsPages := book.PDF(testformats.PDFOptions{Columns: 2, RunningHeads: true, PageNumbers: true, Hyphenate: true, LinesPerPage: 30})
	inputs := []struct {
		name  string
		data  []byte
		pages []string
	}{
		{"book.pdf", fullPDF, fullPages},
		{"plain.pdf", plainPDF, plainPages},
		{"columns.pdf", columnsPDF, columnsPages},
		{"book.epub", book.EPUB(testformats.EPUBOptions{Cover: true}), nil},
		{"ncx.epub", book.EPUB(testformats.EPUBOptions{NCX: true}), nil},
		// Split by size, as Project Gutenberg and Calibre split a book:
		// two chapters to a document, the contents linking to each.
		{"split.epub", book.EPUB(testformats.EPUBOptions{PerFile: 2}), nil},
		{"split-ncx.epub", book.EPUB(testformats.EPUBOptions{PerFile: 2, NCX: true}), nil},
		// Calibre's: split, and the chapters' titles set as paragraphs.
		{"calibre.epub", book.EPUB(testformats.EPUBOptions{PerFile: 2, TitlesAsParagraphs: true}), nil},
		{"page.html", book.HTML(testformats.HTMLOptions{Chrome: true}), nil},
		{"plain.html", book.HTML(testformats.HTMLOptions{Charset: "utf-8"}), nil},
		{"lesson.ipynb", book.Notebook(), nil},
	}
	var out []generatedInput
	for _, in := range inputs {
		d, err := parseWith(pdf, in.name, in.data)
		if err != nil {
			t.Fatalf("%s: %v", in.name, err)
		}
		out = append(out, generatedInput{in.name, d, in.pages})
	}
	return out
}

// parseWith parses a document of any format, PDFs with the engine.
func parseWith(pdf *PDFEngine, name string, data []byte) (*Document, error) {
	if Detect(name, data) == FormatPDF {
		return pdf.Parse(name, data)
	}
	return Parse(name, data)
}

// chapterWords are the words of the sentences in the book's chapters,
// as the document has them.
func chapterWords(d *Document, b testformats.Book) []string {
	var out []string
	for _, s := range d.sentences {
		title := d.Sections[s.Section].Title
		if slices.ContainsFunc(b.Chapters, func(c testformats.Chapter) bool { return strings.HasSuffix(title, c.Title) }) {
			out = append(out, strings.Fields(s.Text)...)
		}
	}
	return out
}

// chapterParagraphs counts the paragraphs of each of the book's chapters
// in the document.
func chapterParagraphs(d *Document, b testformats.Book) []int {
	out := make([]int, len(b.Chapters))
	last := -1
	for _, s := range d.sentences {
		title := d.Sections[s.Section].Title
		i := slices.IndexFunc(b.Chapters, func(c testformats.Chapter) bool { return strings.HasSuffix(title, c.Title) })
		if i >= 0 && s.Paragraph != last {
			out[i]++
		}
		last = s.Paragraph
	}
	return out
}

func bookParagraphs(b testformats.Book) []int {
	out := make([]int, len(b.Chapters))
	for i, c := range b.Chapters {
		out[i] = len(c.Paragraphs)
	}
	return out
}

func bookWords(b testformats.Book) []string {
	var out []string
	for _, c := range b.Chapters {
		for _, p := range c.Paragraphs {
			out = append(out, strings.Fields(p)...)
		}
	}
	return out
}

// firstDifference shows a few words of got around where it first differs
// from want.
func firstDifference(got, want []string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	return strings.Join(got[max(i-3, 0):min(i+5, len(got))], " ")
}

// checkNotes checks that every note of the book is read as a footnote of
// the line that refers to it, its text kept.
func checkNotes(t *testing.T, d *Document, b testformats.Book) {
	t.Helper()
	want := 0
	for _, c := range b.Chapters {
		want += len(c.Notes)
	}
	if len(d.Footnotes) != want {
		t.Errorf("got %d footnotes, want %d", len(d.Footnotes), want)
	}
	var all strings.Builder
	for _, n := range d.Footnotes {
		all.WriteString(n.Text + " ")
	}
	for _, s := range d.sentences {
		all.WriteString(s.Text + " ")
	}
	for _, c := range b.Chapters {
		for _, n := range c.Notes {
			if !strings.Contains(all.String(), n) {
				t.Errorf("note %q is lost", n)
			}
		}
	}
}

// checkPages checks that every sentence's page is where its first words
// were placed.
func checkPages(t *testing.T, d *Document, pages []string) {
	t.Helper()
	if d.Pages != len(pages) {
		t.Errorf("got %d pages, want %d", d.Pages, len(pages))
	}
	for _, s := range d.sentences {
		words := strings.Fields(s.Text)
		if s.Page < 1 || s.Page > len(pages) || !strings.Contains(" "+pages[s.Page-1]+" ", " "+words[0]+" ") {
			t.Errorf("sentence %q is on page %d, where its first word is not", s.Text, s.Page)
		}
	}
}

// TestFormatsBadInput checks that documents that cannot be read are
// refused with an error that says why.
func TestFormatsBadInput(t *testing.T) {
	book := testformats.Essay()
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	good, _ := book.PDF(testformats.PDFOptions{})
	encrypted, _ := book.PDF(testformats.PDFOptions{UserPassword: "secret"})
	blank, _ := testformats.Book{Title: "x"}.PDF(testformats.PDFOptions{FrontMatter: 3})
	epub := book.EPUB(testformats.EPUBOptions{})
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted.pdf", encrypted, ErrEncrypted},
		{"cut.pdf", good[:len(good)/3], ErrDamaged},
		{"header-only.pdf", []byte("%PDF-1.7\n"), ErrDamaged},
		{"garbage.pdf", bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 1000), ErrDamaged},
		{"no-text.pdf", blank, ErrNoTextLayer},
		{"cut.epub", epub[:len(epub)/2], ErrDamaged},
		{"not-an-epub.epub", zipOf(t, map[string]string{"readme.txt": "hello"}), ErrNotEPUB},
		{"bomb.epub", zipBomb(t), ErrEPUBTooLarge},
		{"no-document.docx", zipOf(t, map[string]string{"word/styles.xml": "<w:styles/>"}), ErrNotDOCX},
		{"cut.docx", book.DOCX()[:200], ErrDamaged},
		{"no-content.odt", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "meta.xml": "<x/>"}), ErrNotODT},
		{"cut.odt", book.ODT()[:300], ErrDamaged},
		{"minutes.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), ErrUnsupported},
		{"novel.azw3", append(append(make([]byte, 60), "BOOKMOBI"...), make([]byte, 200)...), ErrUnsupported},
		{"scan.djvu", []byte("AT&TFORM\x00\x00\x10\x00DJVM"), ErrUnsupported},
		{"essay.pages", zipOf(t, map[string]string{"index.xml": "<x/>"}), ErrUnsupported},
		{"empty.rtf", []byte(`{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\info{\title Nothing}}\pard\par}`), ErrEmpty},
		{"deep.rtf", []byte(`{\rtf1 ` + strings.Repeat("{", 100000) + "x"), ErrDamaged},
		{"drm.epub", book.EPUB(testformats.EPUBOptions{Encryption: "http://www.w3.org/2001/04/xmlenc#aes128-cbc"}), ErrDRM},
		{"empty.html", []byte("<!DOCTYPE html><html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"), ErrNoContent},
		{"script-only.html", []byte("<html><body><script>document.write('hello')</script></body></html>"), ErrNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseWith(pdf, tt.name, tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// TestWordProcessorDocuments reads a Word document and an OpenDocument
// text as their programs write them: the title and author from their
// properties, a section per chapter heading (Word's style known by its
// name, whatever its id), the title and table of contents left out;
// deleted text, field codes and notes not read; table cells and list
// items as paragraphs; a text box read once, the paragraph around it
// whole.
func TestWordProcessorDocuments(t *testing.T) {
	book := testformats.Essay()
	var chapters []string
	for _, c := range book.Chapters {
		chapters = append(chapters, c.Title)
	}
	withNotes := append(slices.Clone(chapters), "Notes")
	tests := []struct {
		name     string
		data     []byte
		format   Format
		sections []string
		omitted  []string
	}{
		{"essay.docx", book.DOCX(), FormatDOCX, withNotes, []string{"title", "table of contents"}},
		{"essay.odt", book.ODT(), FormatODT, withNotes, []string{"title"}},
		{"essay.rtf", book.RTF(), FormatRTF, withNotes, []string{"title", "table of contents"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.name, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			if d.Format != tt.format || d.Title != book.Title || d.Author != book.Author {
				t.Errorf("format %s, title %q by %q; want %s, %q by %q", d.Format, d.Title, d.Author, tt.format, book.Title, book.Author)
			}
			titles := sectionTitles(d)
			var omitted []string
			for _, o := range d.Omitted {
				omitted = append(omitted, o.Reason)
			}
			if !slices.Equal(titles, tt.sections) || !slices.Equal(omitted, tt.omitted) {
				t.Errorf("sections %q, left out %q; want %q, and %q left out", titles, omitted, tt.sections, tt.omitted)
			}
			checkWordProcessorText(t, d)
			if slices.Contains(tt.sections, "Notes") {
				checkNotesRead(t, d, book)
			}
		})
	}
}

// paragraphOf is the paragraph of each of a document's sentences, by
// its text.
func paragraphOf(d *Document) map[string]int {
	paragraph := map[string]int{}
	for i := range d.SentenceCount() {
		s := d.Sentence(i)
		paragraph[s.Text] = s.Paragraph
	}
	return paragraph
}

// sectionTitles are the titles of a document's sections, in order.
func sectionTitles(d *Document) []string {
	var titles []string
	for _, s := range d.Sections {
		titles = append(titles, s.Title)
	}
	return titles
}

// checkWordProcessorText checks what TestWordProcessorDocuments's
// documents read as text and what they do not.
func checkWordProcessorText(t *testing.T, d *Document) {
	t.Helper()
	extracted := strings.Join(d.Text, "\n")
	for _, not := range []string{"Struck out", "PAGE"} {
		if strings.Contains(extracted, not) {
			t.Errorf("the extracted text holds %q", not)
		}
	}
	var quotable []string
	for _, s := range d.AllSentences() {
		quotable = append(quotable, s.Text)
	}
	text := strings.Join(quotable, " ")
	if strings.Contains(text, "Contents") || strings.Contains(text, "On Lanterns and Libraries") {
		t.Error("the table of contents or the title is quotable")
	}
	if !strings.Contains(text, "Forty a night.") || !strings.Contains(text, "When she retired, the box was given to the town museum.") {
		t.Error("a table cell or a chapter's sentence is missing")
	}
	if n := strings.Count(text, "Ask at the desk"); n != 1 || !strings.Contains(text, "The lanterns still hang there. Nobody lights them now.") {
		t.Errorf("a text box read %d times, or the paragraph around it broken: %s", n, text)
	}
}

// checkNotesRead checks that a document's footnotes are quotable under
// "Notes", each once, and recorded as notes where they are referred to.
func checkNotesRead(t *testing.T, d *Document, b testformats.Book) {
	t.Helper()
	var text, notes []string
	for _, s := range d.AllSentences() {
		text = append(text, s.Text)
		if d.Sections[s.Section].Title == "Notes" {
			notes = append(notes, s.Text)
		}
	}
	quotable, underNotes := strings.Join(text, " "), strings.Join(notes, " ")
	for _, c := range b.Chapters {
		for _, note := range c.Notes {
			if strings.Count(quotable, note) != 1 || !strings.Contains(underNotes, note) {
				t.Errorf("the note %q is quotable %d times, under Notes %v; want once, under Notes", note, strings.Count(quotable, note), strings.Contains(underNotes, note))
			}
			if !slices.ContainsFunc(d.Footnotes, func(f Footnote) bool { return f.Text == note }) {
				t.Errorf("the note %q is not among the footnotes %v", note, d.Footnotes)
			}
		}
	}
}

// TestEPUBEncryption: an EPUB whose encryption.xml only obfuscates fonts
// reads as the same book without it; one that encrypts its text is
// refused (TestFormatsBadInput), in a folder left out and reported.
func TestEPUBEncryption(t *testing.T) {
	book := testformats.Essay()
	plain, err := Parse("book.epub", book.EPUB(testformats.EPUBOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, alg := range []string{"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"} {
		d, err := Parse("book.epub", book.EPUB(testformats.EPUBOptions{Encryption: alg}))
		if err != nil || !bytes.Equal(describe(d), describe(plain)) {
			t.Errorf("%s: %v; want the book read as without font obfuscation", alg, err)
		}
	}
	if !LeftOut(ErrDRM) {
		t.Error("a DRM-protected EPUB in a folder stops the folder, want it left out and reported")
	}
}

// TestScannedPDF checks that the shared scan, pages without a text
// layer, is refused with advice to run OCR.
func TestScannedPDF(t *testing.T) {
	path := testsupport.SharedCorpus(t, "formats/pdf/james-pragmatism-2-pages.image-only.pdf")
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	src, err := ReadSources(context.Background(), path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseSources(src, pdf)
	if !errors.Is(err, ErrNoTextLayer) || !strings.Contains(err.Error(), "image-only.pdf") {
		t.Errorf("got %v, want %v naming the file", err, ErrNoTextLayer)
	}
}

// zipOf is a zip archive of the files given.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range files {
		f, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipBomb is an EPUB whose chapter unpacks to more than an EPUB may: a
// small file that would fill memory.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	m, _ := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	m.Write([]byte("application/epub+zip"))
	write := func(name, body string) {
		f, _ := z.Create(name)
		f.Write([]byte(body))
	}
	write("META-INF/container.xml", `<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>`)
	write("content.opf", `<package><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>`)
	f, _ := z.Create("c.xhtml")
	zeros := make([]byte, 1<<20)
	for range 65 { // 65 MiB of zeros, about 64 KiB packed
		f.Write(zeros)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzFormats feeds each extractor mutated documents of its format: none
// may panic, hang or break the document's invariants. The seeds are the
// test essay in every format and a documentation page with its markup.
func FuzzFormats(f *testing.F) {
	book := testformats.Essay()
	pdf, _ := book.PDF(testformats.PDFOptions{PageNumbers: true, FrontMatter: 1, Labels: true, Hyphenate: true, LinesPerPage: 20})
	f.Add(uint8(0), pdf)
	f.Add(uint8(1), book.EPUB(testformats.EPUBOptions{NCX: true}))
	f.Add(uint8(2), book.HTML(testformats.HTMLOptions{Chrome: true}))
	f.Add(uint8(3), []byte("---\ntitle: T\n---\n# T { #t }\n\n!!! note \"N\"\n    Kept *prose*.\n\n=== \"Tab\"\n\n    ```sh\n    # not a heading\n    ```\n\n{{< tab >}}x{{< /tab >}}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	f.Add(uint8(4), []byte("import X from './x';\n\n# Title\n\n:::tip\nA tip.\n:::\n\n<Tabs><TabItem value=\"a\">Inside.</TabItem></Tabs>\n\n<Broken attr={{ a: [1, 2\n"))
	f.Add(uint8(5), book.DOCX())
	f.Add(uint8(6), book.ODT())
	f.Add(uint8(7), book.RTF())
	columns, _ := book.PDF(testformats.PDFOptions{Columns: 2, LinesPerPage: 20})
	f.Add(uint8(0), columns)
	f.Add(uint8(5), testformats.InterviewDOCX("An introduction.", "Why bees?", "Because they are kind.", "And wasps?", "Less so, as you would expect."))
	f.Add(uint8(2), []byte("<table><tr><td><a href=/>Home</a><br></td><td><b>Why?</b><br><br>Because.<br><br><p><strong>How?</strong></p><p>Slowly.</p></td></tr></table>"))
	f.Add(uint8(3), []byte("> [!tip] Title\n> Body of the [[Page|callout]].\n\n![[embed]]\n"))
	f.Add(uint8(3), []byte("<h1 align=center>T</h1>\n\n<details><summary>Why?</summary>Body &amp; more.</details>\n\n<table><tr><td>a<td>b</table>\n\n<pre>\nx &lt; 1\n</pre>\n\n<div><script>x</script><select><option>o</select>\n"))
	f.Add(uint8(3), []byte("(t)=\n# T\n\n````{tab-set}\n```{admonition} Why?\n:class: x\n- a {ref}`b <c>`\n```\n````\n\n::: {.callout-tip}\n## Tip\nBody ``{x}`y` ``.\n:::\n```{toctree}\nx\n"))
	for _, seed := range []struct { // a paper in two columns, notes set in sentences, a manual's node, a Notion page
		kind uint8
		path string
	}{{0, "papers/lighthouse-2col.pdf"}, {2, "formats/latexml-paper.html.input"}, {2, "formats/tufte-page.html.input"},
		{2, "formats/texinfo-notes.html.input"}, {3, "formats/notion-page.md.input"}} {
		data, err := os.ReadFile(filepath.Join("testdata", seed.path))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(seed.kind, data)
	}
	engine := NewPDFEngine(testsupport.PDFiumCache())
	f.Cleanup(func() { engine.Close() })
	f.Add(uint8(8), []byte(`{"cells": [{"cell_type": "markdown", "source": ["# T\n", "<details><summary>Why?</summary>Body.</details>"]}, {"cell_type": "code", "source": "x = 1", "outputs": [{"text": ["1\n"]}, {"data": {"image/png": "", "text/plain": "<Figure>"}}]}], "nbformat": 4}`))
	exts := []string{".pdf", ".epub", ".html", ".md", ".mdx", ".docx", ".odt", ".rtf", ".ipynb"}
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		d, err := parseWith(engine, "fuzz"+exts[int(kind)%len(exts)], data)
		if err != nil {
			return
		}
		checkInvariants(t, d)
	})
}

// TestLongPDF reads a PDF of more than 2,000 pages (the test essay seven
// hundred times): every page and sentence is read, each sentence on its
// page.
func TestLongPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out and reads 2,000 pages")
	}
	essay := testformats.Essay()
	long := testformats.Book{Title: "A long book"}
	for i := range 700 {
		for _, c := range essay.Chapters {
			c.Title = fmt.Sprintf("%s (%d)", c.Title, i+1)
			long.Chapters = append(long.Chapters, c)
		}
	}
	data, pages := long.PDF(testformats.PDFOptions{PageNumbers: true})
	if len(pages) < 2000 {
		t.Fatalf("the book has %d pages, want 2,000 or more", len(pages))
	}
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	d, err := pdf.Parse("long.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(chapterWords(d, long)), len(bookWords(long)); got != want {
		t.Errorf("read %d words, want %d", got, want)
	}
	checkPages(t, d, pages)
}

// markupInProse is what markup looks like when it leaks into a sentence:
// admonitions, tabs, shortcodes and Liquid tags, MDX imports, HTML and
// JSX tags, attribute lists, snippets, a front matter fence.
var markupInProse = regexp.MustCompile(`!!!|\?\?\?|:::|\{\{|\{%|%\}|^===|^import |</?[A-Za-z][\w.-]*(\s[^>]*)?/?>|--8<--|\{\s*[:#.][\w-]|^---`)

// inlineCode is a code span, which is kept as written and may hold
// anything.
var inlineCode = regexp.MustCompile("`[^`]*`")

// TestProseHoldsNoMarkup reads every shared documentation tree, web page
// and EPUB and checks that no sentence that is not code holds markup
// outside its code spans.
func TestProseHoldsNoMarkup(t *testing.T) {
	dir := testsupport.SharedDir(t, "corpus/formats")
	var paths []string
	for _, pattern := range []string{"docs/*", "html/*", "epub/*"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, p := range m {
			if !strings.HasSuffix(p, ".SHA256SUMS") {
				paths = append(paths, p)
			}
		}
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := ReadSources(context.Background(), path, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			c, err := ParseSources(src, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range c.Documents {
				for _, s := range d.sentences {
					if !s.Code && markupInProse.MatchString(inlineCode.ReplaceAllString(s.Text, "")) {
						t.Errorf("%s, line %d: %q", d.Name, s.Lines.Start, s.Text)
					}
				}
			}
		})
	}
}

// TestSpeakersAttributed reads every speaker-labelled text of the shared
// corpus and the format inputs: every paragraph that opens with a known
// speaker's label, or with a question or answer of testimony, is that
// speaker's; and no sentence keeps a label.
func TestSpeakersAttributed(t *testing.T) {
	paths := []string{
		testsupport.SharedCorpus(t, "interview.txt"),
		testsupport.SharedCorpus(t, "library/berkeley-three-dialogues-hylas-philonous.txt"),
		testsupport.SharedCorpus(t, "library/shakespeare-macbeth.txt"),
		testsupport.SharedCorpus(t, "library/anthony-trial-1873.txt"),
	}
	for _, name := range []string{"dialogue.txt", "play.txt", "hearing.txt", "trial.txt", "interview.txt"} {
		paths = append(paths, filepath.Join("testdata", "formats", name+".input"))
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(strings.TrimSuffix(filepath.Base(path), ".input"), data)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := Lines(data)
			checkTurns(t, d, raw)
		})
	}
}

// checkTurns checks a parsed document's turns against its source lines.
func checkTurns(t *testing.T, d *Document, raw []string) {
	t.Helper()
	known := map[string]bool{}
	for _, s := range d.sentences {
		known[strings.ToLower(s.Speaker)] = s.Speaker != ""
	}
	if len(known) < 2 {
		t.Fatalf("%s: no speakers found", d.Name)
	}
	wrong, labelled := 0, 0
	for i, s := range d.sentences {
		if l, ok := labelOf(strings.TrimSpace(s.Text)); ok && known[strings.ToLower(displayName(l.name))] || testimonyLabel.MatchString(s.Text) {
			t.Errorf("%s, line %d: the sentence keeps its label: %q", d.Name, s.Lines.Start, s.Text)
		}
		opens := i == 0 || d.sentences[i-1].Paragraph != s.Paragraph
		line := strings.TrimSpace(raw[s.Lines.Start-1])
		l, ok := labelOf(line)
		if !ok && s.Lines.Start >= 2 { // a label alone on the line above: "MACBETH."
			line = strings.TrimSpace(raw[s.Lines.Start-2])
			l, ok = labelOf(line)
			ok = ok && l.alone
		}
		if !opens || !(ok && known[strings.ToLower(displayName(l.name))] || testimonyLabel.MatchString(line)) {
			continue
		}
		labelled++
		if s.Speaker == "" {
			wrong++
			t.Logf("%s, line %d: no speaker for %q", d.Name, s.Lines.Start, line)
		}
	}
	if wrong > 0 || labelled == 0 {
		t.Errorf("%s: %d of %d labelled turns have no speaker", d.Name, wrong, labelled)
	}
}

func TestDetect(t *testing.T) {
	book := testformats.Essay()
	tests := []struct {
		name string
		data []byte
		want Format
	}{
		{"essay.rtf", book.RTF(), FormatRTF},
		{"saved-by-mail.txt", book.RTF(), FormatRTF},
		{"plain.rtf", []byte("Saved as plain text, named .rtf."), FormatText},
		{"essay.odt", book.ODT(), FormatODT},
		{"essay.docx", book.DOCX(), FormatDOCX},
		{"essay.epub", book.EPUB(testformats.EPUBOptions{}), FormatEPUB},
		{"page", []byte("<!DOCTYPE html><html><body><p>Hi.</p></body></html>"), FormatHTML},
		{"guide.mdx", []byte("# Guide\n"), FormatMarkdown},
		{"notes.txt", []byte("# Book Club Notes\n\n## Summary\n\nThe kettle boils.\n\n## Verdict\n\nWe liked it.\n"), FormatMarkdown},
		{"notes-crlf.txt", []byte("Notes\r\n\r\n## Summary\r\n\r\nThe kettle boils.\r\n\r\n## Verdict\r\n"), FormatMarkdown},
		{"one-heading.txt", []byte("# Notes\n\nThe kettle boils.\n"), FormatText},
		{"listing.txt", []byte("The script reads:\n\n    total = 0\n    # add the cups\n    total += cups\n    # and the pots\n"), FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.name, tt.data); got != tt.want {
				t.Errorf("Detect = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestFolderReportsUnsupported: a folder's old Word document, Kindle
// book and presentation are left out and reported with what to save them as; its other
// texts are read, a Jupyter notebook among them. A Safari web archive
// given alone is refused so too, not read as what it holds.
func TestFolderReportsUnsupported(t *testing.T) {
	dir := testsupport.WriteTree(t, map[string]string{
		"notes.txt":    "The reading group meets on Tuesdays at the library.\n",
		"minutes.doc":  "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 512),
		"novel.mobi":   strings.Repeat("\x00", 60) + "BOOKMOBI" + strings.Repeat("\x00", 200),
		"slides.pptx":  "PK\x03\x04" + strings.Repeat("\x00", 100),
		"lesson.ipynb": `{"cells": [{"cell_type": "markdown", "source": ["# Bees\n", "Bees dance to say where the flowers are."]}], "nbformat": 4}`,
		"picture.png":  "\x89PNG\r\n\x1a\n",
	})
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, s := range c.Skipped {
		skipped = append(skipped, s.Error())
	}
	slices.Sort(skipped)
	if len(c.Documents) != 2 || len(skipped) != 3 || !strings.Contains(skipped[0], "minutes.doc: a format Lectern does not read: a Word 97–2003 document") || !strings.Contains(skipped[1], "convert it to EPUB") ||
		!strings.Contains(skipped[2], "slides.pptx: a format Lectern does not read: a presentation; export it as a PDF") {
		t.Errorf("%d documents, skipped %q; want notes.txt and lesson.ipynb read, minutes.doc, novel.mobi and slides.pptx reported", len(c.Documents), skipped)
	}
	if _, err := Parse("page.webarchive", []byte("bplist00\xd1\x01\x02")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("a web archive given alone: %v, want %v", err, ErrUnsupported)
	}
}

// TestNotebookBadInput gives the notebook reader what users' folders
// hold besides good notebooks: each gets an error that says what is
// wrong.
func TestNotebookBadInput(t *testing.T) {
	tests := []struct {
		name, data string
		want       error
	}{
		{"cut short", `{"cells": [{"cell_type": "markdown", "sou`, ErrDamaged},
		{"nbformat 3", `{"worksheets": [{"cells": []}], "nbformat": 3}`, ErrNotebookVersion},
		{"no cells", `{"cells": [], "nbformat": 4}`, ErrNoContent},
		{"only code", `{"cells": [{"cell_type": "code", "source": "", "outputs": []}], "nbformat": 4}`, ErrNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse("lesson.ipynb", []byte(tt.data)); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// TestMediaWikiPage reads a saved Wikipedia page as a reader would: its
// headings without their "[edit]" links (in the markup before 2023 and
// after), its sentences without "[citation needed]" or reference marks.
func TestMediaWikiPage(t *testing.T) {
	edit := `<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit&amp;section=1">edit</a><span class="mw-editsection-bracket">]</span></span>`
	page := `<!DOCTYPE html><html><head><title>Levi's Stadium - Wikipedia</title></head><body>
<div id="mw-navigation"><ul><li><a href="/wiki/Main_Page">Main page</a></li></ul></div>
<div id="content"><h1 id="firstHeading">Levi's Stadium</h1>
<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<p><b>Levi's Stadium</b> is a football stadium in Santa Clara, California.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup> It has been the home of the San Francisco 49ers since 2014.</p>
<h2><span class="mw-headline" id="History">History</span>` + edit + `</h2>
<p>The stadium cost $1.3 billion to build.<sup class="noprint Inline-Template Template-Fact"><i>[<a href="/wiki/Wikipedia:Citation_needed"><span>citation needed</span></a>]</i></sup> Naming rights were sold in 2013.</p>
<div class="mw-heading mw-heading2"><h2 id="Events">Events</h2>` + edit + `</div>
<p>The stadium hosted Super Bowl 50 in February 2016, before a crowd of seventy thousand people.</p>
<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div>
<ol class="references"><li id="cite_note-1"><span class="reference-text">"Fact Sheet". 49ers.com. Retrieved May 1, 2015.</span></li></ol>
</div></div></div></body></html>`
	d, err := Parse("levis-stadium.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(sectionTitles(d), " | "), "Levi's Stadium | History | Events"; got != want {
		t.Errorf("sections %q, want %q", got, want)
	}
	for i := range d.SentenceCount() {
		if s := d.Sentence(i).Text; strings.Contains(s, "edit]") || strings.Contains(s, "citation needed") || strings.Contains(s, "[1]") {
			t.Errorf("sentence %d holds a site's marks: %q", i, s)
		}
	}
}

// TestInterviewInBold reads web pages and Word documents whose
// paragraphs in bold are either an interviewer's questions (an interview:
// a section each, the question marked as asked), a writer's run-in
// headings ending in a stop (an article, as before), or headings set in
// bold without a heading's markup (a section each).
func TestInterviewInBold(t *testing.T) {
	intro := "Maria Lopez has kept bees in the hills above the town for forty years, and we asked her about the work."
	page := func(pairs ...string) []byte {
		var b strings.Builder
		b.WriteString("<html><head><title>A page</title></head><body><article><h1>A page</h1><p>" + intro + "</p>")
		for k := 0; k+1 < len(pairs); k += 2 {
			fmt.Fprintf(&b, "<p><strong>%s</strong></p><p>%s</p>", pairs[k], pairs[k+1])
		}
		b.WriteString("</article></body></html>")
		return []byte(b.String())
	}
	answer := "Since I was twelve, when my grandfather gave me my first hive, a wooden box he had built himself; I have never been without bees since, in any house I lived in."
	questions := []string{"How long have you kept bees?", answer, "What is the hardest part of the work?", answer, "Do bees sting you often?", answer}
	headings := []string{"The first hive.", answer, "Winter and its hunger.", answer, "Stings and calm.", answer}
	titles := []string{"The first hive", answer, "Winter and its hunger", answer, "Stings and calm", answer}
	asked := []string{"How long have you kept bees?", "What is the hardest part of the work?", "Do bees sting you often?"}
	tests := []struct {
		name  string
		file  string
		data  []byte
		want  []string // section titles after the front matter
		asked bool     // the bold paragraphs are marked as the interviewer's
	}{
		{"questions in bold", "page.html", page(questions...), asked, true},
		{"questions in bold in a Word document", "interview.docx", testformats.InterviewDOCX(intro, questions...), asked, true},
		{"run-in headings in bold", "page.html", page(headings...), []string{"A page"}, false},
		{"run-in headings in bold in a Word document", "article.docx", testformats.InterviewDOCX(intro, headings...), []string{"article"}, false},
		{"headings in bold", "page.html", page(titles...), []string{"A page", "The first hive", "Winter and its hunger", "Stings and calm"}, false},
		{"headings in bold in a Word document", "article.docx", testformats.InterviewDOCX(intro, titles...), []string{"The first hive", "Winter and its hunger", "Stings and calm"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			asked := false
			for _, s := range d.Sections {
				if s.Number > 0 {
					got = append(got, s.Title)
				}
			}
			for i := range d.SentenceCount() {
				asked = asked || d.Sentence(i).Question
			}
			if !slices.Equal(got, tt.want) || asked != tt.asked {
				t.Errorf("sections %q, questions marked %v; want %q, %v", got, asked, tt.want, tt.asked)
			}
		})
	}
}

// TestOldStylePage reads a page laid out as sites were before CSS: a
// table whose cells are the navigation and the text, paragraphs parted
// by "<br><br>", a data table inside it read as rows, a cell's single
// line break included.
func TestOldStylePage(t *testing.T) {
	page := `<html><head><title>My Trip to Iceland</title></head><body>
<table width="100%"><tr><td width="150"><a href="index.html">Home</a><br><a href="photos.html">Photos</a></td>
<td><font size="5"><b>My Trip to Iceland</b></font><br><br>
<font face="Arial">We landed in Keflavik at six in the morning, tired but excited. The bus took forty-five minutes.<br><br>
The geyser called Strokkur erupts every five to ten minutes, shooting water twenty metres into the air.<br><br>
Our last night was spent near Vik, where the owner served us lamb soup.</font>
<table><tr><td>Day</td><td>Place</td></tr><tr><td>1</td><td>Reykjavik</td></tr><tr><td>Anna Berg<br>our guide</td><td>Born in Vik</td></tr></table>
<br><br><font size="1">Last updated March 2003.</font></td></tr></table></body></html>`
	d, err := Parse("iceland.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	paragraph := paragraphOf(d)
	tests := []struct{ a, b string }{ // sentences in different paragraphs
		{"We landed in Keflavik at six in the morning, tired but excited.", "The geyser called Strokkur erupts every five to ten minutes, shooting water twenty metres into the air."},
		{"Our last night was spent near Vik, where the owner served us lamb soup.", "Last updated March 2003."},
		{"1 · Reykjavik", "Last updated March 2003."},
		{"Anna Berg our guide · Born in Vik", "Last updated March 2003."}, // a datum's line break is no layout
	}
	for _, tt := range tests {
		pa, okA := paragraph[tt.a]
		pb, okB := paragraph[tt.b]
		if !okA || !okB || pa == pb {
			t.Errorf("%q (found %v, ¶ %d) and %q (found %v, ¶ %d): want two sentences of different paragraphs", tt.a, okA, pa, tt.b, okB, pb)
		}
	}
	if t.Failed() {
		t.Logf("sentences: %q", slices.Collect(maps.Keys(paragraph)))
	}
}

// TestFolderLeavesOutBuiltCopies loads a built documentation site: the
// pages are read, and the copies of their sources Sphinx keeps beside
// them (_sources) and hidden folders are not; a source tree, whose build
// (Sphinx's _build) is not read beside it; a page a browser saved
// complete, whose folder of parts is not read; and a built site's search
// page, indexes and not-found page, which are not read either.
func TestFolderLeavesOutBuiltCopies(t *testing.T) {
	page := "<html><head><title>Install</title></head><body><main><h1>Install</h1><p>Install the tool with pip, inside a virtual environment if you can.</p></main></body></html>"
	source := "Install\n=======\n\nInstall the tool with pip, inside a virtual environment if you can.\n"
	tests := []struct {
		name string
		tree map[string]string
		want []string
	}{
		{"a built site", map[string]string{
			"index.html":             page,
			"_sources/index.rst.txt": source,
			".git/description.txt":   "Unnamed repository; edit this file to name the repository.\n",
			"guide/usage.txt":        "Run the tool on a folder of texts and ask it questions.\n",
		}, []string{"guide/usage.txt", "index.html"}},
		{"sources with their build", map[string]string{
			"index.rst":              source,
			"_build/html/index.html": page,
		}, []string{"index.rst"}},
		{"a page saved complete", map[string]string{
			"Install.html":                      page,
			"Install_files/saved_resource.html": "<html><body><p>Win a free cruise today, click here for your prize now.</p></body></html>",
			"notes_files/todo.txt":              "A folder named so with no page beside it is read.\n",
		}, []string{"Install.html", "notes_files/todo.txt"}},
		{"a built site's service pages", map[string]string{
			"index.html":        page,
			"search.html":       strings.Replace(page, "Install the tool", "Searching for multiple words shows matches with all words; install nothing", 1),
			"genindex.html":     strings.Replace(page, "Install the tool", "built-in function lift(), and install", 1),
			"py-modindex.html":  page,
			"404.html":          page,
			"search/index.html": page,
			"guide/search.md":   "# Search\n\nA text about searching is read: it is named so, not built so.\n",
		}, []string{"guide/search.md", "index.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(testsupport.WriteTree(t, tt.tree))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range c.Documents {
				got = append(got, d.Name)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("read %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNotesAreSearchable reads the test essay as an EPUB, whose notes
// are asides shown only where they are referenced: each note is still a
// sentence of the text, under a heading "Notes" after its chapter, so
// that what it says can be found.
func TestNotesAreSearchable(t *testing.T) {
	book := testformats.Essay()
	d, err := Parse("book.epub", book.EPUB(testformats.EPUBOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range book.Chapters {
		for _, note := range c.Notes {
			found := false
			for i := range d.SentenceCount() {
				s := d.Sentence(i)
				found = found || strings.Contains(s.Text, note) && d.Sections[s.Section].Title == "Notes"
			}
			if !found {
				t.Errorf("note %q is no sentence under Notes", note)
			}
		}
	}
}

// TestSidebars keeps a box set in a book's text — DocBook's and
// O'Reilly's sidebar, Sphinx's sidebar directive — and leaves out a
// site's sidebar of links and widgets, though a class calls both a
// sidebar.
func TestSidebars(t *testing.T) {
	text := `<p>The hive is opened in the morning, when the foragers are out and the colony is calm. A smoker quiets the guards at the entrance before the frames are lifted.</p>`
	box := `<p class="title"><strong>TIP</strong> Smoke</p><p>Cool smoke from pine needles calms the bees without harming the brood, and a few puffs are enough for a small colony.</p>`
	tests := []struct {
		name, body string
		kept       bool
	}{
		{"DocBook sidebar in a section", `<div class="section"><h2>Opening the hive</h2>` + text + `<div class="sidebar">` + box + `</div></div>`, true},
		{"Sphinx sidebar directive", `<section><h2>Opening the hive</h2>` + text + `<aside class="sidebar">` + box + `</aside></section>`, true},
		{"site sidebar beside the article", `<div id="content"><article><h2>Opening the hive</h2>` + text + `</article><div id="sidebar">` + box + `</div></div>`, false},
		{"links in a sidebar inside the article", `<article><h2>Opening the hive</h2>` + text + `<div class="sidebar"><h3>Recent posts</h3><ul><li><a href="/a">Cool smoke from pine needles</a></li><li><a href="/b">Calms the bees without harming the brood in winter months</a></li><li><a href="/c">A few puffs are enough for a small colony</a></li></ul></div></article>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sentences := sentenceTexts(t, "bees.html", `<html><head><title>Beekeeping</title></head><body><h1>Beekeeping</h1>`+tt.body+`</body></html>`)
			all := strings.Join(sentences, "\n")
			if got := strings.Contains(all, "pine needles calms"); got != tt.kept {
				t.Errorf("box read %v, want %v; sentences:\n%s", got, tt.kept, all)
			}
			if tt.kept && !slices.Contains(sentences, "TIP Smoke — Cool smoke from pine needles calms the bees without harming the brood, and a few puffs are enough for a small colony.") {
				t.Errorf("the box's title does not open its paragraph; sentences:\n%s", all)
			}
			if !strings.Contains(all, "A smoker quiets the guards") {
				t.Errorf("the text is missing; sentences:\n%s", all)
			}
		})
	}
}

// sentenceTexts parses a document and returns its sentences' texts.
func sentenceTexts(t *testing.T, name, src string) []string {
	t.Helper()
	d, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return textsOf(d)
}

// wantAmong reports each of want that is not among the sentences got.
func wantAmong(t *testing.T, got []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("got sentences %q, want %q among them", got, w)
		}
	}
}

// textsOf is a document's sentences' texts, in order.
func textsOf(d *Document) []string {
	var out []string
	for i := range d.SentenceCount() {
		out = append(out, d.Sentence(i).Text)
	}
	return out
}

// TestBoxTitleThatAsks checks that a box's title that asks stays a
// sentence of its own, before the answer that its paragraph opens with,
// in a web page and in Markdown's admonitions.
func TestBoxTitleThatAsks(t *testing.T) {
	answer := "Cool smoke from pine needles calms the bees without harming the brood."
	tests := []struct{ name, file, src string }{
		{"DocBook sidebar", "bees.html", `<html><body><h1>Beekeeping</h1><div class="section"><h2>Opening the hive</h2><p>The hive is opened in the morning, when the foragers are out and the colony is calm.</p><div class="sidebar"><p class="title"><strong>Why smoke?</strong></p><p>` + answer + ` A few puffs are enough for a small colony, and more would only drive the bees off the frames.</p></div></div></body></html>`},
		{"MkDocs admonition", "bees.md", "# Beekeeping\n\n??? question \"Why smoke?\"\n\n    " + answer + "\n"},
		{"MyST admonition", "bees.md", "# Beekeeping\n\n```{admonition} Why smoke?\n" + answer + "\n```\n"},
		{"Docusaurus admonition", "bees.mdx", "# Beekeeping\n\n:::tip[Why smoke?]\n" + answer + "\n:::\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sentences := sentenceTexts(t, tt.file, tt.src)
			k := slices.Index(sentences, "Why smoke?")
			if k < 0 || k+1 == len(sentences) || sentences[k+1] != answer {
				t.Errorf("got sentences %q, want %q followed by %q", sentences, "Why smoke?", answer)
			}
		})
	}
}

// TestVerseSetAsCode checks that verse set as code without a language
// (pandoc's <pre><code> for a book's quoted poem, a poem indented in
// Markdown) is read as verse, and that code so set stays code.
func TestVerseSetAsCode(t *testing.T) {
	poem := "Nor wars did men molest, when only\nBeechen bowls were in request, and the\nShepherd kept his flock upon the hill."
	shell := "npm install the tool globally first\nthen run the tool with its config\ncd into the folder and build it"
	docker := "FROM debian:bookworm as the base image\nRUN apt-get update and install curl here\nCOPY the build into the app folder now"
	indent := func(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }
	tests := []struct {
		name, file, src string
		code            bool
	}{
		{"pandoc's verse", "book.html", "<h1>Book</h1><p>He sang:</p><pre><code>" + poem + "</code></pre>", false},
		{"commands without a language", "page.html", "<h1>Page</h1><p>Run:</p><pre><code>" + shell + "</code></pre>", true},
		{"verse with a language", "page.html", "<h1>Page</h1><p>Run:</p><pre><code class=\"language-text\">" + poem + "</code></pre>", true},
		{"a Dockerfile", "page.html", "<h1>Page</h1><p>Build:</p><pre><code>" + docker + "</code></pre>", true},
		{"a poem indented in Markdown", "book.md", "# Book\n\nHe sang:\n\n" + indent(poem) + "\n", false},
		{"commands indented in Markdown", "page.md", "# Page\n\nRun:\n\n" + indent(shell) + "\n", true},
		{"a poem fenced in Markdown", "page.md", "# Page\n\nThe file:\n\n```\n" + poem + "\n```\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.file, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var code, prose int
			for i := range d.SentenceCount() {
				if s := d.Sentence(i); s.Code {
					code++
				} else if !strings.Contains(s.Text, ":") {
					prose++
				}
			}
			if got := code > 0 && prose == 0; got != tt.code {
				t.Errorf("read as code %v (%d code, %d other sentences), want %v", got, code, prose, tt.code)
			}
		})
	}
}

// TestMathMLReadOnce checks that a formula in MathML reads once, as it
// is shown, not again as the TeX of its annotation.
func TestMathMLReadOnce(t *testing.T) {
	page := `<html><body><h1>Frames</h1><p>The area of a frame is <math><semantics><mrow><mi>w</mi><mo>×</mo><mi>h</mi></mrow><annotation encoding="application/x-tex">w \times h</annotation></semantics></math>, about two thousand square centimetres for the deep frames most hives use.</p></body></html>`
	d, err := Parse("frames.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "The area of a frame is w×h, about two thousand square centimetres for the deep frames most hives use."
	if got := d.Sentence(0).Text; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPDFCode reads the lines a PDF sets in a fixed-pitch font, among
// text in another, as code: each line as it stands, never joined to the
// sentence before it. A book set in a fixed-pitch font throughout has no
// code.
func TestPDFCode(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	listing := "$ hive open --frames 10\n$ hive smoke --needles pine"
	book := testformats.Essay()
	book.Chapters[0].Paragraphs = slices.Insert(book.Chapters[0].Paragraphs, 1, "The keeper opens the hive from the command line as follows.", listing)
	data, _ := book.PDF(testformats.PDFOptions{})
	d, err := pdf.Parse("hive.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	var code []string
	for i := range d.SentenceCount() {
		s := d.Sentence(i)
		if s.Code {
			code = append(code, s.Text)
		} else if strings.Contains(s.Text, "$ hive") {
			t.Errorf("sentence %d holds the listing as prose: %q", i, s.Text)
		}
	}
	if want := []string{listing}; !slices.Equal(code, want) {
		t.Errorf("code %q, want %q", code, want)
	}
}

// TestTypescriptIsText reads a PDF set in a fixed-pitch font throughout
// (a typescript, a plain-text book printed as it is) as text, not code.
func TestTypescriptIsText(t *testing.T) {
	var runs []pdfRun
	for i, text := range []string{"The hive is opened in the morning, when the", "foragers are out and the colony is calm. A smoker", "quiets the guards at the entrance."} {
		bottom := 700 - float64(i)*14
		runs = append(runs, pdfRun{left: 72, right: 72 + float64(len(text))*6, bottom: bottom, top: bottom + 11, size: 11, mono: true, text: text})
	}
	x, err := layOut([]pdfPage{{number: 1, width: 612, height: 792, runs: runs}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range x.blocks {
		if b.kind == xCode {
			t.Errorf("lines %v read as code", b.lines)
		}
	}
}

// TestPDFBoldHeadings reads a heading set in bold in the body's size with
// space around it, as word processors set a third level, as a section
// under the chapter's.
func TestPDFBoldHeadings(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	book := testformats.Essay()
	first := book.Chapters[0]
	book.Chapters[0].Paragraphs = slices.Insert(slices.Clone(first.Paragraphs), 1, "## Lamps and Their Keepers")
	data, _ := book.PDF(testformats.PDFOptions{})
	d, err := pdf.Parse("essay.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	titles := sectionTitles(d)
	want := first.Title + " · Lamps and Their Keepers"
	if !slices.Contains(titles, want) {
		t.Errorf("sections %q, want one titled %q", titles, want)
	}
	for i := range d.SentenceCount() {
		if s := d.Sentence(i).Text; strings.Contains(s, "Keepers") {
			t.Errorf("sentence %d holds the heading: %q", i, s)
		}
	}
}

// TestPDFOutline reads a PDF's chapters from its outline (bookmarks)
// where their titles are set as the text is, and nothing else tells them.
func TestPDFOutline(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	book := testformats.Essay()
	var want []string
	for _, c := range book.Chapters {
		want = append(want, c.Title)
	}
	for _, outline := range []bool{false, true} {
		t.Run(fmt.Sprintf("outline %v", outline), func(t *testing.T) {
			data, _ := book.PDF(testformats.PDFOptions{PlainTitles: true, Outline: outline})
			d, err := pdf.Parse("essay.pdf", data)
			if err != nil {
				t.Fatal(err)
			}
			got := sectionTitles(d)
			if found := len(got) >= len(want) && slices.Equal(got[:len(want)], want); found != outline { // the notes follow
				t.Errorf("sections %q; want %q found: %v", got, want, outline)
			}
		})
	}
}

// TestPDFOutlineLoop reads a PDF whose outline loops (an entry that is
// its own next) to the end, its chapters found.
func TestPDFOutlineLoop(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	data, _ := testformats.Essay().PDF(testformats.PDFOptions{PlainTitles: true, Outline: true})
	entry := regexp.MustCompile(`(\d+) 0 obj\s*<< /Title [^\n]*?/Next (\d+) 0 R`)
	m := entry.FindSubmatchIndex(data)
	if m == nil || m[3]-m[2] != m[5]-m[4] {
		t.Fatalf("no outline entry to loop in the PDF")
	}
	looped := slices.Clone(data)
	copy(looped[m[4]:m[5]], data[m[2]:m[3]]) // the first entry's next is itself
	d, err := pdf.Parse("essay.pdf", looped)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Sections[0].Title, testformats.Essay().Chapters[0].Title; got != want {
		t.Errorf("first section %q, want %q", got, want)
	}
}

// TestPDFOneLineParagraphs reads paragraphs of one line in a PDF whose
// paragraphs are indented and lines ragged (a dialogue) each as its own,
// where one ends a sentence or breaks off at a dash.
func TestPDFOneLineParagraphs(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	book := testformats.Essay()
	dialogue := []string{"“You don’t mean to say—”", "“I do.”", "“Go on,” I said."}
	book.Chapters[0].Paragraphs = slices.Insert(slices.Clone(book.Chapters[0].Paragraphs), 1, dialogue...)
	data, _ := book.PDF(testformats.PDFOptions{})
	d, err := pdf.Parse("essay.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := paragraphOf(d)
	for i := 1; i < len(dialogue); i++ {
		a, okA := paragraphs[dialogue[i-1]]
		b, okB := paragraphs[dialogue[i]]
		if !okA || !okB || a == b {
			t.Errorf("%q and %q: paragraphs %d (%v) and %d (%v), want two sentences in two", dialogue[i-1], dialogue[i], a, okA, b, okB)
		}
	}
}

// TestColumnsWithCode reads a two-column PDF whose left column holds a
// line of code too long for it, running over the gutter as LaTeX lets a
// listing, with page numbers at the foot in the gutter: the columns are
// still found, and each paragraph reads whole and in order.
func TestColumnsWithCode(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	book := testformats.Essay()
	listing := "$ lantern light --all --room reading --until closing-time --log /var/log/lanterns.log"
	first := book.Chapters[0].Paragraphs
	book.Chapters[0].Paragraphs = slices.Insert(slices.Clone(first), 1, listing) // beside the right column's text
	data, _ := book.PDF(testformats.PDFOptions{Columns: 2, PageNumbers: true, LinesPerPage: 30})
	d, err := pdf.Parse("essay.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	var prose []string
	for i := range d.SentenceCount() {
		if s := d.Sentence(i); !s.Code {
			prose = append(prose, s.Text)
		}
	}
	text := strings.Join(prose, " ")
	for _, c := range book.Chapters {
		for _, p := range c.Paragraphs {
			if p != listing && !strings.Contains(text, p) {
				t.Errorf("the paragraph %.60q… does not read whole", p)
			}
		}
	}
}

// TestMHTML reads a web page saved as one file (.mhtml, as Chrome's
// "Webpage, Single File" writes it: a MIME message, the page
// quoted-printable or base64, its links to itself written in full) as the
// page itself reads; a message without a page is refused.
func TestMHTML(t *testing.T) {
	page := testformats.Essay().HTML(testformats.HTMLOptions{Chrome: true})
	contents := []byte(`<p><a href="#ch1">The Reading Room</a><br><a href="#ch2">Lanterns</a><br><a href="#ch3">What Readers Leave Behind</a></p>`)
	first := bytes.Index(page, []byte("<h2"))
	first += bytes.Index(page[first:], []byte("</p>")) + len("</p>")
	page = slices.Concat(page[:first], contents, page[first:]) // a list of links to the page itself, in its text
	want, err := Parse("essay.html", page)
	if err != nil {
		t.Fatal(err)
	}
	const self = "https://example.org/essay.html"
	saved := bytes.ReplaceAll(page, []byte(`href="#`), []byte(`href="`+self+`#`))
	tests := []struct {
		name, encoding string
		body           []byte
		err            error
	}{
		{"quoted-printable", "quoted-printable", quotedPrintable(t, saved), nil},
		{"base64", "base64", []byte(base64.StdEncoding.EncodeToString(saved)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("essay.mhtml", mhtmlMessage(self, tt.encoding, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != FormatHTML || !slices.Equal(sectionTitles(d), sectionTitles(want)) || d.SentenceCount() != want.SentenceCount() {
				t.Errorf("%s with sections %q and %d sentences; want %s, %q, %d", d.Format, sectionTitles(d), d.SentenceCount(), FormatHTML, sectionTitles(want), want.SentenceCount())
			}
			if !slices.Equal(d.Footnotes, want.Footnotes) {
				t.Errorf("notes %v, want %v (the page's links to itself)", d.Footnotes, want.Footnotes)
			}
		})
	}
	css := mhtmlMessage(self, "7bit", []byte("body { color: black }"))
	css = bytes.Replace(css, []byte("Content-Type: text/html"), []byte("Content-Type: text/css"), 1)
	if _, err := Parse("styles.mhtml", css); !errors.Is(err, ErrNotMHTML) {
		t.Errorf("a saved page without a page: %v, want %v", err, ErrNotMHTML)
	}
}

// mhtmlMessage writes a page as a browser saves it in one file.
func mhtmlMessage(location, encoding string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: <Saved by Blink>\r\nSnapshot-Content-Location: %s\r\nSubject: A page\r\nMIME-Version: 1.0\r\n", location)
	b.WriteString("Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n\r\n")
	fmt.Fprintf(&b, "------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: %s\r\nContent-Location: %s\r\n\r\n", encoding, location)
	b.Write(body)
	b.WriteString("\r\n------MultipartBoundary--x----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--x------\r\n")
	return b.Bytes()
}

// quotedPrintable encodes data as browsers write a saved page's text.
func quotedPrintable(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestEPUBTranslator reads an EPUB's translator from its package: a
// contributor whose role is "trl", as EPUB 2 writes it (an attribute) and
// as EPUB 3 does (a meta refining it); the author stays its creator.
func TestEPUBTranslator(t *testing.T) {
	book := testformats.Essay()
	tests := []struct {
		name string
		o    testformats.EPUBOptions
		want string
	}{
		{"EPUB 3", testformats.EPUBOptions{Translator: "Maude, Louise"}, "Louise Maude"},
		{"EPUB 2", testformats.EPUBOptions{Translator: "Maude, Louise", NCX: true}, "Louise Maude"},
		{"none", testformats.EPUBOptions{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("book.epub", book.EPUB(tt.o))
			if err != nil {
				t.Fatal(err)
			}
			if d.Translator != tt.want || d.Author != book.Author {
				t.Errorf("translator %q, author %q; want %q, %q", d.Translator, d.Author, tt.want, book.Author)
			}
		})
	}
}

// TestEPUBPeople: the author is the first creator with no role or the
// author's, else the first that is no translator; the translator the
// first creator or contributor whose role is "trl".
func TestEPUBPeople(t *testing.T) {
	tests := []struct {
		name                     string
		creators, contributors   []epubName
		wantAuthor, wantTranslat string
	}{
		{"translator first", []epubName{{Name: "Maude, Louise", Role: "trl"}, {Name: "Tolstoy, Leo", Role: "aut"}}, nil, "Leo Tolstoy", "Louise Maude"},
		{"an editor alone", []epubName{{Name: "Ann Editor", Role: "edt"}}, nil, "Ann Editor", ""},
		{"a contributor", []epubName{{Name: "Wells, H. G."}}, []epubName{{Name: "Bea Translator", Role: "trl"}}, "H. G. Wells", "Bea Translator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &epubPackage{Creators: tt.creators, Contributors: tt.contributors}
			if a, tr := p.people(); a != tt.wantAuthor || tr != tt.wantTranslat {
				t.Errorf("people() = %q, %q; want %q, %q", a, tr, tt.wantAuthor, tt.wantTranslat)
			}
		})
	}
}
