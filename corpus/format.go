package corpus

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// ErrDamaged is a PDF or EPUB that cannot be read as one: cut short, or
// not what its name says.
var ErrDamaged = errors.New("the file is damaged or not what its name says")

// Detect tells a file's format by its content first (a PDF's magic
// bytes, an EPUB's mimetype entry, a saved page's MIME headers, an HTML
// document's markup), then by its name: .md, .markdown and .mdx are
// Markdown, as are Quarto's .qmd and R Markdown's .Rmd (their code cells
// fenced as code), and so are .rst, .adoc, .org and LaTeX's .tex once
// rewritten as it; .html, .htm and .xhtml are HTML, and so are .mhtml and
// .mht, read from their page; .epub an EPUB, .pdf a PDF, .docx a Word
// document, .odt an OpenDocument text, .ipynb a Jupyter notebook;
// anything else is plain text. An RTF document is known by its content
// only: a file named .rtf that is not one is read as the text it is.
func Detect(name string, data []byte) Format {
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return FormatPDF // (a PDF with bytes before its header is known by its name)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(head[:min(len(head), 100)], []byte("mimetypeapplication/epub+zip")):
		return FormatEPUB // an EPUB's first entry, stored: its media type
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(head[:min(len(head), 100)], []byte("mimetypeapplication/vnd.oasis.opendocument.text")):
		return FormatODT // as an EPUB, its first entry names its media type
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && strings.EqualFold(filepath.Ext(name), ".docx"):
		return FormatDOCX
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return FormatRTF
	case isMHTML(name, data):
		return FormatHTML // a page saved as one file: read from its HTML part
	case isNotebook(name, data):
		return FormatNotebook
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdx", ".qmd", ".rmd", ".rst", ".adoc", ".asciidoc", ".org", ".tex", ".ltx", ".latex":
		return FormatMarkdown // reStructuredText and AsciiDoc are read as the Markdown they are rewritten to
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".epub":
		return FormatEPUB
	case ".pdf":
		return FormatPDF
	case ".docx":
		return FormatDOCX
	case ".odt":
		return FormatODT
	}
	if looksLikeHTML(head) {
		return FormatHTML
	}
	if looksLikeMarkdown(data) {
		return FormatMarkdown // notes, a README or a chat's answer saved as .txt
	}
	return FormatText
}

// atxHeading is a Markdown heading opening a paragraph: "## Summary".
var atxHeading = regexp.MustCompile(`(?:\A|\n[ \t\r]*\n)#{1,6}[ \t]+\p{L}`)

// markdownSniff is how much of a file looksLikeMarkdown reads.
const markdownSniff = 64 << 10

// looksLikeMarkdown reports whether a file's text is Markdown: two
// headings or more written with hashes ("# Notes", "## Summary"), each
// after a blank line, in its first markdownSniff bytes. A comment in a
// listing ("# compute the total") follows the listing's lines.
func looksLikeMarkdown(data []byte) bool {
	return len(atxHeading.FindAllIndex(data[:min(len(data), markdownSniff)], 2)) == 2
}

// ErrUnsupported is a file in a format Lectern does not read; the error
// names the format and what to save it as.
var ErrUnsupported = errors.New("a format Lectern does not read")

// unsupportedFormats are formats readers have texts in that Lectern does
// not read, known by bytes at an offset (and, for a zip, by the name's
// extension too), with the extensions their files carry and what to do
// instead.
var unsupportedFormats = []struct {
	magic  string
	offset int
	exts   []string
	byName bool // the magic is a zip's: the extension says which
	what   string
}{
	{magic: "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", exts: []string{".doc"}, what: "a Word 97–2003 document (.doc) or another Office file of its age; save it as .docx, .odt or .rtf"},
	{magic: "BOOKMOBI", offset: 60, exts: []string{".mobi", ".azw", ".azw3"}, what: "a Kindle book (MOBI, AZW); convert it to EPUB (Calibre does)"},
	{magic: "AT&TFORM", exts: []string{".djvu"}, what: "a DjVu scan; export it as a PDF with a text layer"},
	{magic: "PK\x03\x04", exts: []string{".pages"}, byName: true, what: "an Apple Pages document; export it as .docx or .rtf"},
	{magic: "PK\x03\x04", exts: []string{".pptx", ".key", ".odp"}, byName: true, what: "a presentation; export it as a PDF, whose slides Lectern reads page by page"},
	{magic: "PK\x03\x04", exts: []string{".xlsx", ".numbers", ".ods"}, byName: true, what: "a spreadsheet, not a text; save the text it holds as .txt or .docx"},
	{magic: "bplist00", exts: []string{".webarchive"}, what: "a Safari web archive; save the page as Page Source (.html) instead"},
}

// unsupportedExtension reports whether a file's extension is one of
// unsupportedFormats', which a folder lists so as to report the file.
func unsupportedExtension(ext string) bool {
	for _, u := range unsupportedFormats {
		if slices.Contains(u.exts, ext) {
			return true
		}
	}
	return false
}

// unsupported says what format a file is in that Lectern does not read;
// "" when it is none of them.
func unsupported(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	for _, u := range unsupportedFormats {
		at := data[min(len(data), u.offset):]
		if strings.HasPrefix(string(at[:min(len(at), len(u.magic))]), u.magic) && (!u.byName || slices.Contains(u.exts, ext)) {
			return u.what
		}
	}
	return ""
}

// looksLikeHTML reports whether a file begins as an HTML document does.
func looksLikeHTML(head []byte) bool {
	t := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	if bytes.HasPrefix(t, []byte("<?xml")) {
		if end := bytes.Index(t, []byte("?>")); end >= 0 {
			t = bytes.TrimLeft(t[end+2:], " \t\r\n")
		}
	}
	return bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html"))
}
