package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxFileSize is the largest single file Load accepts.
const MaxFileSize = 512 << 20

// Errors a caller may want to tell apart.
var (
	ErrEmpty    = errors.New("file is empty")
	ErrBinary   = errors.New("file looks binary, not text")
	ErrEncoding = errors.New("file is not valid UTF-8")
	ErrNoText   = errors.New("no .txt or .md files found")
	ErrTooLarge = errors.New("file is too large")
	ErrUTF16    = errors.New("file is UTF-16; save it as UTF-8")
)

// FileError reports a problem with one file of a corpus.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// textExtensions are the file types Load reads from a directory.
var textExtensions = []string{".txt", ".md", ".markdown", ".text"}

// Load reads a UTF-8 plain-text or Markdown file, or every such file below a
// directory (in lexical order), and parses each into a Document.
func Load(path string) (*Corpus, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	if !info.IsDir() {
		doc, err := loadFile(path, filepath.Base(path))
		if err != nil {
			return nil, err
		}
		return &Corpus{Documents: []*Document{doc}}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &FileError{Path: p, Err: unwrapPathError(err)}
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if slices.Contains(textExtensions, strings.ToLower(filepath.Ext(p))) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, &FileError{Path: path, Err: ErrNoText}
	}
	c := &Corpus{}
	for _, f := range files {
		rel, err := filepath.Rel(path, f)
		if err != nil {
			rel = filepath.Base(f)
		}
		doc, err := loadFile(f, filepath.ToSlash(rel))
		if err != nil {
			return nil, err
		}
		c.Documents = append(c.Documents, doc)
	}
	return c, nil
}

func loadFile(path, name string) (*Document, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	if info.Size() > MaxFileSize {
		return nil, &FileError{Path: path, Err: fmt.Errorf("%w (%d MB, limit %d MB)", ErrTooLarge, info.Size()>>20, MaxFileSize>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	doc, err := Parse(name, data)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			fe.Path = path
			return nil, fe
		}
		return nil, &FileError{Path: path, Err: err}
	}
	return doc, nil
}

// unwrapPathError drops the path from an *fs.PathError, since FileError
// names the file itself.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkText validates raw file content and returns it as a string with the
// BOM dropped and line breaks normalised to "\n".
func checkText(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return "", ErrUTF16
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	if looksBinary(data) {
		return "", ErrBinary
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return "", fmt.Errorf("%w (first bad byte on line %d)", ErrEncoding, line)
	}
	s := string(data)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s, nil
}

// looksBinary reports whether the first few kilobytes hold a NUL byte or
// mostly control characters.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > len(head)
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
