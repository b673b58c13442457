package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/lectern-bot/lectern/corpus"
)

// text is a document's lines and what marks them, ready to show.
type text struct {
	hash  string
	lines []lineView
	toc   []tocEntry
	page  []byte // the rendered page, gzipped
	plain []byte // … and not
}

type lineView struct {
	N        int
	Text     string
	Section  *tocEntry // a section begins here
	Page     int       // a page begins here
	Turn     string    // a speaker's turn begins here: who speaks
	Omitted  string    // why the line is left out of the text, if it is
	OmitFrom bool      // the first line of an omitted part
}

type tocEntry struct {
	Number int
	Title  string
	Line   int
	Level  int
}

// textPage is GET /text/{source}: the whole text, a line an element.
func (s *Server) textPage(w http.ResponseWriter, r *http.Request) {
	search, ok := s.searcher(w, r)
	if !ok {
		return
	}
	name := r.PathValue("source")
	var doc *corpus.Document
	for _, d := range search.Corpus().Documents {
		if d.Name == name {
			doc = d
		}
	}
	if doc == nil {
		// Only names of the corpus's documents are ever read: a name with
		// "../" or any other is simply not one of them.
		s.problem(w, r, http.StatusNotFound, fmt.Sprintf("There is no text %q here.", name))
		return
	}
	t, err := s.text(r.Context(), doc)
	if err != nil {
		s.log.Error("reading a text for the reader failed", "text", doc.Name, "err", err)
		s.problem(w, r, http.StatusInternalServerError, "This text cannot be shown right now; it has been logged.")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Vary", "Accept-Encoding")
	w.Header().Set("ETag", `"`+t.hash[:16]+`"`)
	if r.Header.Get("If-None-Match") == `"`+t.hash[:16]+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(t.page)
		return
	}
	w.Write(t.plain)
}

// maxRendered is how many texts the reader keeps rendered: a few, not a
// whole library.
const maxRendered = 8

// rendered is one text's page, rendered once. Readers of the same text
// wait for one rendering; readers of other texts do not wait at all.
type rendered struct {
	mu sync.Mutex
	t  *text
}

// text returns a document's rendered page, rendering it when needed.
func (s *Server) text(ctx context.Context, d *corpus.Document) (*text, error) {
	s.mu.Lock()
	r := s.texts[d.Name]
	if r == nil {
		if len(s.texts) >= maxRendered {
			clear(s.texts)
		}
		r = &rendered{}
		s.texts[d.Name] = r
	}
	s.mu.Unlock()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.t != nil && r.t.hash == d.Hash {
		return r.t, nil
	}
	t, err := s.render(ctx, d)
	if err != nil {
		return nil, err
	}
	r.t = t
	return t, nil
}

// render renders a document: a text or Markdown file by its lines, read
// again from its source; a PDF, an EPUB or a web page by its paragraphs,
// as it was read when indexed.
func (s *Server) render(ctx context.Context, d *corpus.Document) (*text, error) {
	if !d.Format.LineBased() {
		return renderParagraphs(d)
	}
	return s.renderLines(ctx, d)
}

// renderLines reads and renders a document's source, checking that it is
// the file the index was built from, so that line numbers agree.
func (s *Server) renderLines(ctx context.Context, d *corpus.Document) (*text, error) {
	src, err := s.readSource(ctx, d.Name)
	if err != nil {
		return nil, err
	}
	if src.Hash() != d.Hash {
		return nil, fmt.Errorf("web: %s changed since it was indexed; restart Lectern to index it again", d.Name)
	}
	lines, err := corpus.Lines(src.Data)
	if err != nil {
		return nil, fmt.Errorf("web: %s: %w", d.Name, err)
	}
	t := &text{hash: d.Hash, lines: make([]lineView, len(lines))}
	for i, l := range lines {
		t.lines[i] = lineView{N: i + 1, Text: l}
	}
	for _, sec := range d.Sections {
		if sec.Lines.Start >= 1 && sec.Lines.Start <= len(lines) {
			t.toc = append(t.toc, tocEntry{Number: sec.Number, Title: sec.Title, Line: sec.Lines.Start, Level: sec.Level})
		}
	}
	for i := range t.toc {
		t.lines[t.toc[i].Line-1].Section = &t.toc[i]
	}
	page := 0
	for _, st := range d.AllSentences() {
		if st.Page > page && st.Lines.Start >= 1 && st.Lines.Start <= len(lines) {
			page = st.Page
			t.lines[st.Lines.Start-1].Page = page
		}
	}
	para := -1
	for _, st := range d.AllSentences() {
		if st.Speaker != "" && st.Paragraph != para && st.Lines.Start >= 1 && st.Lines.Start <= len(lines) {
			t.lines[st.Lines.Start-1].Turn = st.Speaker
		}
		para = st.Paragraph
	}
	for _, o := range d.Omitted {
		for n := max(o.Lines.Start, 1); n <= min(o.Lines.End, len(lines)); n++ {
			t.lines[n-1].Omitted = o.Reason
		}
		if o.Lines.Start >= 1 && o.Lines.Start <= len(lines) {
			t.lines[o.Lines.Start-1].OmitFrom = true
		}
	}
	return t, t.execute(pages.text, d, struct {
		Doc   *corpus.Document
		Lines []lineView
		TOC   []tocEntry
	}{d, t.lines, t.toc})
}

// execute renders the page with data, plain and gzipped.
func (t *text) execute(tmpl *template.Template, d *corpus.Document, data any) error {
	var plain bytes.Buffer
	if err := tmpl.Execute(&plain, data); err != nil {
		return fmt.Errorf("web: rendering %s: %w", d.Name, err)
	}
	t.plain = plain.Bytes()
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(t.plain)
	zw.Close()
	t.page = gz.Bytes()
	return nil
}

// source reads a document's file: the embedded interview, the corpus
// file, or the named file below the corpus folder, under the corpus's
// rules for reading (a regular file, the size limit).
func (s *Server) source(ctx context.Context, name string) (corpus.Source, error) {
	path := s.opts.CorpusPath
	if path == "" {
		return corpus.Source{Name: name, Data: corpus.DefaultText()}, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return corpus.Source{}, err
	}
	if info.IsDir() {
		path = filepath.Join(path, filepath.FromSlash(name))
	}
	return corpus.ReadSource(ctx, path, name, corpus.LoadOptions{MaxFileSize: s.opts.MaxFileSize})
}
