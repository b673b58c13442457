package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
)

// A Jupyter notebook (.ipynb, nbformat 4: JupyterLab's, Colab's, Jupyter
// Book's) is JSON: a list of cells, each Markdown, code or raw, a code
// cell with the outputs it printed. It is read as the page Jupyter shows:
// its Markdown cells rendered by goldmark (documentation markup, MyST's
// among it, cleaned first, as in a Markdown file), its code cells as code
// and their printed text as code too; images, HTML and raw cells are left
// out; every cell's footnotes are notes, after the text under "Notes". Its lines are the JSON's, which no reader cites, so a notebook is
// cited as a web page is: by section and paragraph.

// ErrNotebookVersion is a notebook older than nbformat 4.
var ErrNotebookVersion = errors.New("a notebook in a format older than nbformat 4; open it in Jupyter and save it again")

// notebook is the part of an .ipynb file that is read.
type notebook struct {
	NBFormat int `json:"nbformat"`
	Metadata struct {
		Title      string `json:"title"`
		KernelSpec struct {
			Language string `json:"language"`
		} `json:"kernelspec"`
	} `json:"metadata"`
	Cells []struct {
		CellType string          `json:"cell_type"`
		Source   json.RawMessage `json:"source"`
		Outputs  []struct {
			Text json.RawMessage            `json:"text"` // a stream's
			Data map[string]json.RawMessage `json:"data"` // a result's, by media type
		} `json:"outputs"`
	} `json:"cells"`
}

// isNotebook reports whether a file is a Jupyter notebook: JSON, named
// .ipynb.
func isNotebook(name string, data []byte) bool {
	return strings.EqualFold(filepath.Ext(name), ".ipynb") && bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\ufeff"), []byte("{"))
}

// parseNotebook reads a Jupyter notebook.
func parseNotebook(name string, data []byte) (*Document, error) {
	var nb notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("%w: the notebook is not valid JSON (%v)", ErrDamaged, err)
	}
	if nb.NBFormat < 4 {
		return nil, ErrNotebookVersion
	}
	page, err := nb.page()
	if err != nil {
		return nil, err
	}
	root, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("reading the notebook: %w", err)
	}
	tidyTree(root)
	w := newHTMLWalk(FormatNotebook)
	w.collectNotes(root)
	w.walk(find(root, "body"))
	w.addNotes()
	w.flush()
	if len(w.x.blocks) == 0 {
		return nil, ErrNoContent
	}
	w.x.title = nb.Metadata.Title
	if h1 := find(root, "h1"); w.x.title == "" && h1 != nil {
		w.x.title = strings.Join(strings.Fields(textContent(h1)), " ")
	}
	return parseExtracted(name, data, w.x)
}

// page renders the notebook's cells as one HTML page.
func (nb *notebook) page() ([]byte, error) {
	lang := nb.Metadata.KernelSpec.Language
	// Each cell numbers its own footnotes: their ids carry the cell's.
	at := 0
	md := markdownParser(extension.WithFootnoteIDPrefixFunction(func(ast.Node) []byte { return fmt.Appendf(nil, "c%d-", at) }))
	md.Renderer().AddOptions(gmhtml.WithUnsafe()) // a cell's own HTML (<details>) is text to read; scripts are not walked
	var b, notes bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n")
	for i, c := range nb.Cells {
		src := cellText(c.Source)
		switch c.CellType {
		case "markdown":
			at = i
			clean := strings.Join(docsMarkup(strings.Split(src, "\n")), "\n")
			var cell bytes.Buffer
			if err := md.Convert([]byte(clean), &cell); err != nil {
				return nil, fmt.Errorf("rendering a Markdown cell: %w", err)
			}
			text, cellNotes, _ := bytes.Cut(cell.Bytes(), []byte(footnotesDiv))
			b.Write(text)
			notes.Write(cellNotes)
		case "code":
			writeCode(&b, lang, src)
			for _, o := range c.Outputs {
				text := cellText(o.Text)
				if text == "" && !drawn(o.Data) {
					text = cellText(o.Data["text/plain"]) // a result's value; a drawing's is its name ("<Figure size 640x480>")
				}
				writeCode(&b, "output", text)
			}
		}
	}
	if notes.Len() > 0 {
		// The notes after the text, as a book's HTML edition sets them.
		b.WriteString("<section class=\"footnotes\"><h2>Notes</h2><div>")
		b.Write(notes.Bytes())
		b.WriteString("</section>")
	}
	b.WriteString("</body></html>")
	return b.Bytes(), nil
}

// footnotesDiv opens the footnotes goldmark writes after a cell's text.
const footnotesDiv = `<div class="footnotes" role="doc-endnotes">`

// writeCode writes code, or a program's output, as a block of code.
func writeCode(b *bytes.Buffer, lang, code string) {
	if strings.TrimSpace(code) == "" {
		return
	}
	fmt.Fprintf(b, "<pre><code class=\"language-%s\">%s</code></pre>\n", html.EscapeString(lang), html.EscapeString(strings.TrimRight(code, "\n")))
}

// cellText is a cell's source or an output's text: nbformat writes it as
// a string or as a list of lines.
func cellText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var lines []string
	if json.Unmarshal(raw, &lines) == nil {
		return strings.Join(lines, "")
	}
	return ""
}

// drawn reports whether an output is an image.
func drawn(data map[string]json.RawMessage) bool {
	for media := range data {
		if strings.HasPrefix(media, "image/") {
			return true
		}
	}
	return false
}
