package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/internal/parallel"
)

// DefaultMaxFileSize is the largest single file Load reads unless told
// otherwise.
const DefaultMaxFileSize = 512 << 20

// Errors a caller may want to tell apart.
var (
	ErrEmpty      = errors.New("file is empty")
	ErrBinary     = errors.New("file looks binary, not text")
	ErrEncoding   = errors.New("file is not valid UTF-8")
	ErrNoText     = errors.New("no texts found (" + fileTypes + " files)")
	ErrTooLarge   = errors.New("file is too large")
	ErrUTF16      = errors.New("file is not valid UTF-16")
	ErrNotRegular = errors.New("not a regular file (a device, pipe or socket is not read)")
	ErrPDFEngine  = errors.New("reading a PDF needs the PDF engine")
)

// FileError reports a problem with one file of a corpus.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// builtCopies are folders a site generator writes beside the pages it
// built, holding their sources again, or beside the sources, holding the
// pages: Sphinx's _sources (index.rst.txt beside index.html) and its
// _build (docs/_build/html beside docs/index.rst) would answer every
// question twice. Either is read when named as the corpus itself.
var builtCopies = map[string]bool{"_sources": true, "_build": true}

// sitePage reports whether a file is a page a site generator writes for
// the site rather than for its text: Sphinx's search page and indexes
// (search.html, genindex.html, py-modindex.html), a site's not-found
// page (404.html), Docusaurus's search page (search/index.html). Their
// words are lists of names and instructions, which would answer
// questions about the text. Read when named as the corpus itself.
func sitePage(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	switch {
	case name == "search.html" || name == "404.html" || name == "genindex.html":
		return true
	case strings.HasPrefix(name, "genindex-") && strings.HasSuffix(name, ".html"), strings.HasSuffix(name, "-modindex.html"):
		return true
	}
	return name == "index.html" && strings.EqualFold(filepath.Base(filepath.Dir(path)), "search")
}

// savedPageFiles reports whether a folder holds what a browser saved with
// a page ("Web Page, complete"): "Article_files" beside "Article.html",
// its scripts, styles and the frames of its advertisements.
func savedPageFiles(dir string) bool {
	stem, ok := strings.CutSuffix(dir, "_files")
	if !ok {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".xhtml"} {
		if _, err := os.Stat(stem + ext); err == nil {
			return true
		}
	}
	return false
}

// textExtensions are the file types Load reads from a directory; other
// files of a documentation tree (licences, configuration, code) are not
// texts.
var textExtensions = []string{".txt", ".text", ".md", ".markdown", ".mdx", ".qmd", ".rmd", ".rst", ".adoc", ".asciidoc", ".org", ".tex", ".ltx", ".latex", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".epub", ".pdf", ".docx", ".odt", ".rtf", ".ipynb", ".srt", ".vtt", ".fountain"}

// fileTypes names the file types Lectern reads, for people: those of
// textExtensions without their variants (.text, .markdown, .htm…).
const fileTypes = ".txt, .md, .mdx, .qmd, .rst, .adoc, .org, .tex, .html, .mhtml, .epub, .pdf, .docx, .odt, .rtf, .ipynb, .srt, .vtt or .fountain"

// FileTypes names the file types Lectern reads: ".txt, .md, … or
// .fountain".
func FileTypes() string { return fileTypes }

// Source is one file of a corpus, read but not parsed.
type Source struct {
	Name  string // as cited: the file name, or its path below the corpus folder
	Path  string // where it was read
	Data  []byte // nil when listed (ListSources)
	hash  string // of the bytes, when they were read from a file
	size  int    // bytes, when they were read from a file
	stamp Stamp  // zero for bytes not from a file
}

// Stamp is what a file's metadata said when it was read (or listed).
// A file last changed well before it was checked, whose size and times
// are the same today, holds the same bytes: its change time (ctime) moves
// on every write and every change of its times, and no one can set it
// back short of the system clock.
type Stamp struct {
	Size     int64
	Modified time.Time // its modification time
	Changed  time.Time // its change time; zero where the system keeps none
	Checked  time.Time // when the file was looked at
}

// StampOf is the stamp of the file at path, which info describes,
// checked now.
func StampOf(path string, info fs.FileInfo) Stamp {
	return Stamp{Size: info.Size(), Modified: info.ModTime(), Changed: changeTime(path), Checked: time.Now()}
}

// Stamp is the source file's stamp, zero when it is not from a file.
func (s Source) Stamp() Stamp { return s.stamp }

// Size is the number of bytes of the source, listed or read.
func (s Source) Size() int {
	if s.Data != nil {
		return len(s.Data)
	}
	return s.size
}

// Listed is s without its bytes, as ListSources gives it: what is kept
// of a source once it is parsed. doc, when not nil, is its document,
// which knows the hash.
func (s Source) Listed(doc *Document) Source {
	out := Source{Name: s.Name, Path: s.Path, hash: s.hash, size: s.Size(), stamp: s.stamp}
	switch {
	case doc != nil:
		out.hash = doc.Hash
	case s.Data != nil:
		out.hash = s.Hash()
	}
	return out
}

// Hash is the hex SHA-256 of the source's bytes.
func (s Source) Hash() string {
	if s.hash != "" {
		return s.hash
	}
	sum := sha256.Sum256(s.Data)
	return hex.EncodeToString(sum[:])
}

// LoadOptions bound what Load and ReadSources read.
type LoadOptions struct {
	MaxFileSize int64 // per file; 0 means DefaultMaxFileSize
	// Unchanged, when set, gives the hash of a file an earlier read
	// found with the same stamp (size and times); ListSources then does
	// not read the file again. Reading a library's every file is most of
	// what opening its cached index costs.
	Unchanged func(name string, stamp Stamp) (hash string, ok bool)
}

// Load reads a text of any format Lectern reads, or every text below a
// directory (in lexical order), and parses each into a Document; PDFs
// are read by an engine started for them.
func Load(path string) (*Corpus, error) {
	src, err := ReadSources(context.Background(), path, LoadOptions{})
	if err != nil {
		return nil, err
	}
	return ParseSources(src, nil)
}

// ReadSources reads the corpus at path without parsing it: the file, or
// every text file below the directory. Only regular files are read, each
// at most opts.MaxFileSize bytes; reading stops when ctx is done.
func ReadSources(ctx context.Context, path string, opts LoadOptions) ([]Source, error) {
	return readSources(ctx, path, opts, true)
}

// ListSources is ReadSources that keeps each file's hash but not its
// bytes: what a cached index is looked up by, without holding a library
// in memory to find that it has not changed.
func ListSources(ctx context.Context, path string, opts LoadOptions) ([]Source, error) {
	return readSources(ctx, path, opts, false)
}

func readSources(ctx context.Context, path string, opts LoadOptions, keep bool) ([]Source, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	if !info.IsDir() {
		s, err := readSource(ctx, path, filepath.Base(path), opts, keep)
		if err != nil {
			return nil, err
		}
		return []Source{s}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &FileError{Path: p, Err: unwrapPathError(err)}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if p != path && (strings.HasPrefix(d.Name(), ".") || builtCopies[d.Name()] || savedPageFiles(p)) {
				return filepath.SkipDir
			}
			return nil
		}
		// "~$notes.docx" is the lock file Word keeps beside a document it
		// has open, not a document.
		ext := strings.ToLower(filepath.Ext(p))
		if (slices.Contains(textExtensions, ext) || unsupportedExtension(ext)) && !strings.HasPrefix(d.Name(), "~$") && !sitePage(p) {
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
	// Files are read (and hashed) on every core: listing a library is
	// most of what opening its cached index costs.
	out := make([]Source, len(files))
	errs := make([]error, len(files))
	parallel.Each(len(files), 4, func(i int) {
		rel, err := filepath.Rel(path, files[i])
		if err != nil {
			rel = filepath.Base(files[i])
		}
		out[i], errs[i] = readSource(ctx, files[i], filepath.ToSlash(rel), opts, keep)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ParseSources parses read sources into a corpus, PDFs with pdf (or,
// when it is nil, an engine started for them and stopped after). Of a
// folder, a file with no text to quote (a documentation tree's snippet
// of abbreviations, an empty page) is skipped and listed in
// Corpus.Skipped; any other problem is an error naming the file.
func ParseSources(src []Source, pdf *PDFEngine) (*Corpus, error) {
	return ParseSourcesReusing(src, pdf, nil)
}

// ParseSourcesReusing is ParseSources that takes the document known
// returns for a source as it is, without parsing the source again: the
// documents of an earlier build whose files are unchanged. known may be
// nil, and may return nil. It lets go of each source's bytes once it is
// parsed (src[i].Data becomes nil), so that a library is never held in
// memory as bytes and as documents at once.
func ParseSourcesReusing(src []Source, pdf *PDFEngine, known func(Source) *Document) (*Corpus, error) {
	c := &Corpus{}
	for i, s := range src {
		var doc *Document
		if known != nil {
			doc = known(s)
		}
		var err error
		if doc == nil {
			if Detect(s.Name, s.Data) == FormatPDF && pdf == nil {
				pdf = NewPDFEngine("")
				defer pdf.Close()
			}
			doc, err = ParseSource(s, pdf)
		}
		src[i] = s.Listed(doc)
		if len(src) > 1 && LeftOut(err) {
			c.Skipped = append(c.Skipped, &FileError{Path: s.Name, Err: err})
			continue
		}
		if err != nil {
			return nil, &FileError{Path: s.Path, Err: err}
		}
		c.Documents = append(c.Documents, doc)
	}
	if len(c.Documents) == 0 && len(c.Skipped) > 0 {
		return nil, c.Skipped[0]
	}
	return c, nil
}

// ParseSource parses one read source, a PDF with pdf.
func ParseSource(s Source, pdf *PDFEngine) (*Document, error) {
	if Detect(s.Name, s.Data) == FormatPDF {
		return pdf.Parse(s.Name, s.Data)
	}
	return Parse(s.Name, s.Data)
}

// LeftOut reports whether a file of a folder that failed to parse with
// err is left out, not the folder refused: it holds no text to quote
// (empty, a page without content, a scan without a text layer), cannot
// be opened (encrypted, damaged) or is in a format Lectern does not read
// (an old Word document, a Kindle book). The rest of the folder is read;
// the file is reported.
func LeftOut(err error) bool {
	for _, e := range []error{ErrEmpty, ErrNoContent, ErrNoTextLayer, ErrEncrypted, ErrDRM, ErrDamaged, ErrUnsupported} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// limit is the largest file read.
func (o LoadOptions) limit() int64 {
	if o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// ReadSource reads one file of a corpus, cited as name, under the rules
// of ReadSources: a regular file, at most opts.MaxFileSize bytes, reading
// stopped when ctx is done.
func ReadSource(ctx context.Context, path, name string, opts LoadOptions) (Source, error) {
	return readSource(ctx, path, name, opts, true)
}

// readSource reads one regular file of at most opts.MaxFileSize bytes,
// or, when keep is false and opts.Unchanged knows its stamp, only stats
// it.
func readSource(ctx context.Context, path, name string, opts LoadOptions, keep bool) (Source, error) {
	limit := opts.limit()
	checked := time.Now()
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		info, err = os.Stat(path) // a link to a regular file is fine
	}
	if err != nil {
		return Source{}, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	if !info.Mode().IsRegular() {
		return Source{}, &FileError{Path: path, Err: ErrNotRegular}
	}
	if info.Size() > limit {
		return Source{}, &FileError{Path: path, Err: tooLarge(info.Size(), limit)}
	}
	stamp := StampOf(path, info)
	stamp.Checked = checked
	if opts.Unchanged != nil && !keep {
		if hash, ok := opts.Unchanged(name, stamp); ok {
			return Source{Name: name, Path: path, hash: hash, size: int(info.Size()), stamp: stamp}, nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return Source{}, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	var buf bytes.Buffer
	if keep {
		buf.Grow(int(info.Size()) + 1)
	}
	h := sha256.New()
	read := int64(0)
	chunk := make([]byte, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			return Source{}, err
		}
		n, err := f.Read(chunk)
		if read += int64(n); read > limit {
			return Source{}, &FileError{Path: path, Err: tooLarge(read, limit)}
		}
		if keep {
			buf.Write(chunk[:n])
		}
		h.Write(chunk[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			return Source{}, &FileError{Path: path, Err: err}
		}
	}
	stamp.Size = read
	out := Source{Name: name, Path: path, hash: hex.EncodeToString(h.Sum(nil)), size: int(read), stamp: stamp}
	if keep {
		out.Data = buf.Bytes()
	}
	return out, nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w (%s, limit %s)", ErrTooLarge, humanBytes(size), humanBytes(limit))
}

// humanBytes writes a size as "12 MB" or "800 KB".
func humanBytes(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
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

// checkText validates raw file content and returns it as UTF-8 text with
// the BOM dropped and line breaks normalised to "\n", and the encoding it
// was read from when it was not UTF-8 (decodeText).
func checkText(data []byte) (string, string, error) {
	data, enc, err := decodeText(data)
	if err != nil {
		return "", "", err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	if looksBinary(data) {
		return "", "", ErrBinary
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return "", "", fmt.Errorf("%w (first bad byte on line %d)", ErrEncoding, line)
	}
	s := string(data)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s, enc, nil
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

// Lines splits a file's content into lines as Parse numbers them: line n
// of a citation is Lines(data)[n-1]. A byte-order mark and carriage
// returns are removed.
func Lines(data []byte) ([]string, error) {
	text, _, err := checkText(data)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(text, "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines, nil
}
