package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
)

// Limits on what an EPUB or a Word document may unpack to, so that a zip
// bomb is refused rather than read.
const (
	maxZipEntries = 10000
	maxZipEntry   = 64 << 20  // bytes of one file inside
	maxZipTotal   = 512 << 20 // bytes of all the files read
)

// zipReader reads the files of a zip archive (an EPUB, a Word document)
// within the limits, refusing with tooLarge what goes past them.
type zipReader struct {
	files    map[string]*zip.File
	read     int64
	tooLarge error
}

// newZipReader opens an archive; tooLarge is the error for one that
// unpacks to more than the limits.
func newZipReader(data []byte, tooLarge error) (*zipReader, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a readable archive (%v)", ErrDamaged, err)
	}
	if len(z.File) > maxZipEntries {
		return nil, fmt.Errorf("%w: %d files", tooLarge, len(z.File))
	}
	r := &zipReader{files: map[string]*zip.File{}, tooLarge: tooLarge}
	for _, f := range z.File {
		r.files[f.Name] = f
	}
	return r, nil
}

// file reads one file of the archive, never more than the limits allow
// whatever its header says.
func (r *zipReader) file(name string) ([]byte, error) {
	f, ok := r.files[name]
	if !ok {
		return nil, fmt.Errorf("the archive lacks %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxZipEntry+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	r.read += int64(len(b))
	if len(b) > maxZipEntry || r.read > maxZipTotal {
		return nil, fmt.Errorf("%w: %s", r.tooLarge, name)
	}
	return b, nil
}

// optionalXML reads the archive's XML file name into v, and reports
// whether it could: false when the file is absent, past the limits or
// not well-formed, for the parts a reader can do without.
func (r *zipReader) optionalXML(name string, v any) bool {
	if _, ok := r.files[name]; !ok {
		return false
	}
	raw, err := r.file(name)
	return err == nil && xml.Unmarshal(raw, v) == nil
}
