package corpus

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
)

// ErrDamaged is a PDF or EPUB that cannot be read as one: cut short, or
// not what its name says.
var ErrDamaged = errors.New("the file is damaged or not what its name says")

// Detect tells a file's format by its content first (a PDF's magic
// bytes, an EPUB's mimetype entry, an HTML document's markup), then by its
// name: .md,
// .markdown and .mdx are Markdown, .html, .htm and .xhtml HTML, .epub an
// EPUB, .pdf a PDF, .docx a Word document, .odt an OpenDocument text,
// .rtf an RTF document; anything else is plain text.
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
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdx":
		return FormatMarkdown
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
	case ".rtf":
		return FormatRTF
	}
	if looksLikeHTML(head) {
		return FormatHTML
	}
	return FormatText
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
