package testformats

import (
	"archive/zip"
	"bytes"
)

// archive is a zip being written, as EPUB, Word and OpenDocument files
// are.
type archive struct {
	buf bytes.Buffer
	z   *zip.Writer
}

// newArchive starts a zip whose first entry, stored uncompressed, names
// its media type, as EPUB and OpenDocument require; "" for none (Word).
func newArchive(mimetype string) *archive {
	a := &archive{}
	a.z = zip.NewWriter(&a.buf)
	if mimetype != "" {
		f, _ := a.z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
		f.Write([]byte(mimetype))
	}
	return a
}

// write adds a file.
func (a *archive) write(name, body string) {
	f, _ := a.z.Create(name)
	f.Write([]byte(body))
}

// bytes finishes the zip and returns it.
func (a *archive) bytes() []byte {
	a.z.Close()
	return a.buf.Bytes()
}
