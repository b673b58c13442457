package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFs are read by PDFium, Chromium's PDF engine, compiled to WebAssembly
// and run by wazero inside the process (github.com/klippa-app/go-pdfium):
// no cgo, no library to install, and a hostile PDF runs in a sandbox with
// no file system. Measured on ../shared/corpus/formats/pdf against a pure
// Go parser (github.com/ledongthuc/pdf), PDFium keeps the spaces between
// words that the other runs together in LaTeX output, maps ligatures and
// marks line-end hyphens; it costs 6 MB of binary and several seconds to
// compile at first use, a few hundred milliseconds once the compiled code
// is cached (PDFEngine's cacheDir).

// Errors of PDFs.
var (
	ErrNoTextLayer = errors.New("no text layer: it looks like a scan; run OCR first, e.g. ocrmypdf")
	ErrEncrypted   = errors.New("the PDF is encrypted and needs a password; save a copy without one (e.g. qpdf --decrypt)")
)

// PDFEngine reads PDFs. It starts PDFium the first time it is used, and
// reads one PDF at a time, a long one with a second instance of PDFium
// reading half its pages where there is a second core; Close stops it.
type PDFEngine struct {
	cacheDir string

	start sync.Once
	pool  pdfium.Pool
	insts []pdfium.Pdfium
	cache wazero.CompilationCache
	err   error
	mu    sync.Mutex
}

// NewPDFEngine returns an engine that keeps PDFium's compiled code in
// cacheDir ("" keeps none: every start compiles it again).
func NewPDFEngine(cacheDir string) *PDFEngine { return &PDFEngine{cacheDir: cacheDir} }

// Instances of PDFium an engine runs, and the length of a PDF from which
// it reads with more than one.
const (
	maxPDFWorkers   = 2
	parallelPDFFrom = 60 // pages
)

// instances starts PDFium on first use, and returns n instances of it,
// starting those not running yet.
func (e *PDFEngine) instances(n int) ([]pdfium.Pdfium, error) {
	e.start.Do(func() {
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if e.cacheDir != "" {
			if c, err := wazero.NewCompilationCacheWithDir(e.cacheDir); err == nil {
				e.cache = c
				rc = rc.WithCompilationCache(c)
			}
		}
		e.pool, e.err = webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: maxPDFWorkers, MaxTotal: maxPDFWorkers, RuntimeConfig: rc,
			FSConfig: wazero.NewFSConfig(), Stdout: io.Discard, Stderr: io.Discard})
	})
	if e.err != nil {
		return nil, fmt.Errorf("starting the PDF engine: %w", e.err)
	}
	for len(e.insts) < n {
		inst, err := e.pool.GetInstance(time.Minute)
		if err != nil {
			if len(e.insts) > 0 {
				break // read with those there are
			}
			return nil, fmt.Errorf("starting the PDF engine: %w", err)
		}
		e.insts = append(e.insts, inst)
	}
	return e.insts[:min(n, len(e.insts))], nil
}

// Close stops PDFium, if it was started.
func (e *PDFEngine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var err error
	for _, inst := range e.insts {
		err = errors.Join(err, inst.Close())
	}
	if e.pool != nil {
		err = errors.Join(err, e.pool.Close())
	}
	if e.cache != nil {
		err = errors.Join(err, e.cache.Close(context.Background()))
	}
	e.insts, e.pool, e.cache = nil, nil, nil
	return err
}

// Parse reads a PDF's text, in reading order, with its pages.
func (e *PDFEngine) Parse(name string, data []byte) (*Document, error) {
	pages, meta, err := e.pages(data)
	if err != nil {
		return nil, err
	}
	x, err := layOut(pages, meta.outline)
	if err != nil {
		return nil, err
	}
	if meta.title != "" || x.title == "" {
		x.title = meta.title // what the PDF says of itself, else the title its first page opens with
	}
	if meta.author != "" || x.author == "" {
		x.author = meta.author
	}
	return parseExtracted(name, data, x)
}

// pdfMeta is what a PDF says of itself.
type pdfMeta struct {
	title, author string
	outline       []outlineEntry
}

// pages reads every page's runs of text and label: a long PDF's pages
// shared out among the engine's instances.
func (e *PDFEngine) pages(data []byte) ([]pdfPage, pdfMeta, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	insts, err := e.instances(1)
	if err != nil {
		return nil, pdfMeta{}, err
	}
	doc, err := openPDF(insts[0], data)
	if err != nil {
		return nil, pdfMeta{}, err
	}
	defer insts[0].FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	count, err := insts[0].FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return nil, pdfMeta{}, fmt.Errorf("reading the PDF's pages: %w", err)
	}
	meta := pdfMeta{title: metaText(insts[0], doc, "Title"), author: metaText(insts[0], doc, "Author"), outline: readOutline(insts[0], doc)}
	if count.PageCount >= parallelPDFFrom && runtime.GOMAXPROCS(0) > 1 {
		if more, err := e.instances(maxPDFWorkers); err == nil {
			insts = more
		}
	}
	pages := make([]pdfPage, count.PageCount)
	errs := make([]error, len(insts))
	var wg sync.WaitGroup
	for k, inst := range insts {
		wg.Go(func() { errs[k] = readPages(inst, data, doc, k, len(insts), pages) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, pdfMeta{}, err
	}
	return pages, meta, nil
}

// openPDF opens a PDF in an instance of PDFium.
func openPDF(inst pdfium.Pdfium, data []byte) (references.FPDF_DOCUMENT, error) {
	empty := ""
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data, Password: &empty})
	switch {
	case errors.Is(err, pdferrors.ErrPassword):
		return "", ErrEncrypted
	case err != nil:
		return "", fmt.Errorf("%w: not a readable PDF (%v)", ErrDamaged, err)
	}
	return doc.Document, nil
}

// readPages reads pages k, k+n, k+2n … into pages: the first instance
// from the document it opened, the others from their own copy.
func readPages(inst pdfium.Pdfium, data []byte, doc references.FPDF_DOCUMENT, k, n int, pages []pdfPage) error {
	if k > 0 {
		var err error
		if doc, err = openPDF(inst, data); err != nil {
			return err
		}
		defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	}
	for i := k; i < len(pages); i += n {
		p, err := readPage(inst, doc, i)
		if err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		pages[i] = p
	}
	return nil
}

// readPage reads one page's runs of text and its printed label. PDFium
// gives the page's text, in reading order with its line breaks, in one
// call, and each character's box: its loose box, whose height follows
// the font's size, so that sizes are read without a call per character
// for them.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (pdfPage, error) {
	p := pdfPage{number: i + 1}
	if size, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: doc, Index: i}); err == nil {
		p.width, p.height = size.Width, size.Height
	}
	if l, err := inst.FPDF_GetPageLabel(&requests.FPDF_GetPageLabel{Document: doc, Page: i}); err == nil {
		p.label = strings.TrimSpace(l.Label)
	}
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}})
	if err != nil {
		return p, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	chars, err := pageChars(inst, tp.TextPage)
	if err != nil {
		return p, err
	}
	p.runs = charRuns(chars)
	for k := range p.runs {
		r := &p.runs[k]
		font := fontOf(inst, tp.TextPage, r.first)
		if w, err := inst.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: tp.TextPage, Index: r.first}); err == nil {
			r.bold = w.FontWeight >= 600
		}
		r.bold = r.bold || font.bold()
		r.mono = font.fixedPitch() && fontOf(inst, tp.TextPage, r.last).fixedPitch()
	}
	return p, nil
}

// pdfFont is the font a character is set in.
type pdfFont struct {
	name  string // lower-cased
	flags int    // the font descriptor's (PDF 1.7, 9.8.2)
}

func fontOf(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, i int) pdfFont {
	f, err := inst.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp, Index: i})
	if err != nil {
		return pdfFont{}
	}
	return pdfFont{name: strings.ToLower(f.FontName), flags: f.Flags}
}

// fixedPitch reports whether a font is fixed-pitch, as code is set: by its
// flag (FixedPitch) or its name (Courier, LiberationMono, LaTeX's CMTT and
// LMMono, Consolas).
func (f pdfFont) fixedPitch() bool {
	return f.flags&1 != 0 || strings.Contains(f.name, "mono") || strings.Contains(f.name, "courier") ||
		strings.Contains(f.name, "cmtt") || strings.Contains(f.name, "consol") || strings.Contains(f.name, "typewriter")
}

// bold reports whether a font's name says it is bold ("DejaVuSans-Bold",
// TeX's Computer Modern "CMBX10" and "SFBX1000", Nimbus's "NimbusRomNo9L-Medi"),
// for a font whose weight PDFium does not give.
func (f pdfFont) bold() bool {
	return strings.Contains(f.name, "bold") || strings.Contains(f.name, "black") || strings.Contains(f.name, "heavy") ||
		strings.Contains(f.name, "cmbx") || strings.Contains(f.name, "sfbx") || strings.HasSuffix(f.name, "-medi") || strings.HasSuffix(f.name, "-mediital")
}

// pdfChar is a character of a page with its loose box.
type pdfChar struct {
	r                        rune
	left, bottom, right, top float64
}

// pdfiumHyphen is how PDFium's text gives a hyphen that ends a line: its
// own mark for a hyphen it found at a line's end (FPDFText_IsHyphen). It
// is read as a hyphen, which vocabulary.breaksWord decides like any other.
const pdfiumHyphen = 0xfffe

// pageChars reads a page's characters.
func pageChars(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE) ([]pdfChar, error) {
	count, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp})
	if err != nil || count.Count <= 0 {
		return nil, err
	}
	text, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp, StartIndex: 0, Count: count.Count})
	if err != nil {
		return nil, err
	}
	runes := []rune(text.Text)
	chars := make([]pdfChar, count.Count)
	for c := range chars {
		if c < len(runes) && len(runes) == count.Count {
			chars[c].r = runes[c]
		} else if u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp, Index: c}); err == nil {
			chars[c].r = rune(u.Unicode)
		}
		if r := chars[c].r; r >= 0x80 && r <= 0x9f {
			chars[c].r = ' ' // a C1 control, never text: a glyph a font without a map to Unicode sets (pdfTeX's bitmap bullet)
		}
		switch chars[c].r {
		case ' ', '\r', '\n':
			continue // no box needed: it separates words or ends a line (charRuns)
		case pdfiumHyphen:
			chars[c].r = '-'
		}
		b, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp, Index: c})
		if err != nil {
			return nil, err
		}
		chars[c].left, chars[c].bottom, chars[c].right, chars[c].top = float64(b.Rect.Left), float64(b.Rect.Bottom), float64(b.Rect.Right), float64(b.Rect.Top)
	}
	return chars, nil
}

// metaText is a field of the PDF's document information, or "".
func metaText(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, tag string) string {
	m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc, Tag: tag})
	if err != nil {
		return ""
	}
	return strings.TrimSpace(m.Value)
}
