package corpus

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"path/filepath"
	"strings"
)

// A web page saved as one file (.mhtml, .mht: Chrome's and Edge's "Webpage,
// Single File") is a MIME message whose first HTML part is the page; it
// is read as that page is, its pictures and style sheets left out.

// ErrNotMHTML is a file named as a saved page that holds no page.
var ErrNotMHTML = errors.New("a saved web page (.mhtml) without an HTML part")

// isMHTML reports whether a file is a web page saved as a MIME message:
// by its name, or by a message's headers over a multipart body.
func isMHTML(name string, head []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".mhtml", ".mht":
		return true
	}
	h := bytes.ToLower(head[:min(len(head), 2048)])
	return bytes.Contains(h, []byte("mime-version:")) && bytes.Contains(h, []byte("multipart/related"))
}

// parseMHTML parses a web page saved as a MIME message.
func parseMHTML(name string, data []byte) (*Document, error) {
	page, err := mhtmlPage(data)
	if err != nil {
		return nil, err
	}
	return parseHTML(name, page)
}

// mhtmlPage returns the first HTML part of a MIME message, decoded
// (quoted-printable, as browsers write it, or base64).
func mhtmlPage(data []byte) ([]byte, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	header, err := tp.ReadMIMEHeader()
	if err != nil && len(header) == 0 {
		return nil, fmt.Errorf("%w: reading its headers: %v", ErrDamaged, err)
	}
	media, params, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(media, "multipart/") || params["boundary"] == "" {
		return nil, ErrNotMHTML
	}
	mr := multipart.NewReader(tp.R, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil, ErrNotMHTML
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		if t, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type")); t != "text/html" {
			continue
		}
		var body io.Reader = part // quoted-printable is decoded by the reader
		if strings.EqualFold(part.Header.Get("Content-Transfer-Encoding"), "base64") {
			body = base64.NewDecoder(base64.StdEncoding, part)
		}
		page, err := io.ReadAll(body)
		if err != nil {
			return nil, fmt.Errorf("%w: the page's part: %v", ErrDamaged, err)
		}
		// The browser wrote the page's links to its own parts in full
		// ("file:///…/walden.htm#chap01"); as written, "#chap01", they
		// tell a table of contents and notes.
		for _, self := range []string{header.Get("Snapshot-Content-Location"), part.Header.Get("Content-Location")} {
			if self != "" {
				page = bytes.ReplaceAll(page, []byte(`href="`+self+`#`), []byte(`href="#`))
			}
		}
		return page, nil
	}
}
