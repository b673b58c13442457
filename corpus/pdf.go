package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
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
// reads one PDF at a time; Close stops it.
type PDFEngine struct {
	cacheDir string

	start sync.Once
	pool  pdfium.Pool
	inst  pdfium.Pdfium
	cache wazero.CompilationCache
	err   error
	mu    sync.Mutex
}

// NewPDFEngine returns an engine that keeps PDFium's compiled code in
// cacheDir ("" keeps none: every start compiles it again).
func NewPDFEngine(cacheDir string) *PDFEngine { return &PDFEngine{cacheDir: cacheDir} }

// instance starts PDFium on first use.
func (e *PDFEngine) instance() (pdfium.Pdfium, error) {
	e.start.Do(func() {
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if e.cacheDir != "" {
			if c, err := wazero.NewCompilationCacheWithDir(e.cacheDir); err == nil {
				e.cache = c
				rc = rc.WithCompilationCache(c)
			}
		}
		e.pool, e.err = webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1, RuntimeConfig: rc,
			FSConfig: wazero.NewFSConfig(), Stdout: io.Discard, Stderr: io.Discard})
		if e.err != nil {
			e.err = fmt.Errorf("starting the PDF engine: %w", e.err)
			return
		}
		e.inst, e.err = e.pool.GetInstance(time.Minute)
		if e.err != nil {
			e.err = fmt.Errorf("starting the PDF engine: %w", e.err)
		}
	})
	return e.inst, e.err
}

// Close stops PDFium, if it was started.
func (e *PDFEngine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var err error
	if e.inst != nil {
		err = e.inst.Close()
	}
	if e.pool != nil {
		err = errors.Join(err, e.pool.Close())
	}
	if e.cache != nil {
		err = errors.Join(err, e.cache.Close(context.Background()))
	}
	e.inst, e.pool, e.cache = nil, nil, nil
	return err
}

// Parse reads a PDF's text, in reading order, with its pages.
func (e *PDFEngine) Parse(name string, data []byte) (*Document, error) {
	pages, meta, err := e.pages(data)
	if err != nil {
		return nil, err
	}
	x, err := layOut(pages)
	if err != nil {
		return nil, err
	}
	x.title, x.author = meta.title, meta.author
	return parseExtracted(name, data, x)
}

// pdfMeta is what a PDF says of itself.
type pdfMeta struct{ title, author string }

// pages reads every page's runs of text and label.
func (e *PDFEngine) pages(data []byte) ([]pdfPage, pdfMeta, error) {
	inst, err := e.instance()
	if err != nil {
		return nil, pdfMeta{}, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	empty := ""
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data, Password: &empty})
	switch {
	case errors.Is(err, pdferrors.ErrPassword):
		return nil, pdfMeta{}, ErrEncrypted
	case err != nil:
		return nil, pdfMeta{}, fmt.Errorf("%w: not a readable PDF (%v)", ErrDamaged, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, pdfMeta{}, fmt.Errorf("reading the PDF's pages: %w", err)
	}
	var pages []pdfPage
	for i := range count.PageCount {
		p, err := readPage(inst, doc.Document, i)
		if err != nil {
			return nil, pdfMeta{}, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages = append(pages, p)
	}
	meta := pdfMeta{title: metaText(inst, doc.Document, "Title"), author: metaText(inst, doc.Document, "Author")}
	return pages, meta, nil
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
		if w, err := inst.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: tp.TextPage, Index: p.runs[k].first}); err == nil {
			p.runs[k].bold = w.FontWeight >= 600
		}
	}
	return p, nil
}

// pdfChar is a character of a page with its loose box.
type pdfChar struct {
	r                        rune
	left, bottom, right, top float64
}

// pdfiumHyphen is how PDFium's text gives a hyphen that ends a line: its
// own mark for a hyphen it found at a line's end (FPDFText_IsHyphen). It
// is read as a hyphen, which joinHyphen decides like any other.
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
		b, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp, Index: c})
		if err != nil {
			return nil, err
		}
		if chars[c].r == pdfiumHyphen {
			chars[c].r = '-'
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
