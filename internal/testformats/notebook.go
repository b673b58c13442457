package testformats

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Notebook writes the book as a Jupyter notebook (nbformat 4), as
// JupyterLab saves one: the title in a Markdown cell, then a code cell
// with the text it printed and a figure; each chapter a Markdown cell,
// its title a second-level heading and its notes Markdown footnotes;
// a raw cell between chapters. Sources are lists of lines.
func (b Book) Notebook() []byte {
	type output struct {
		OutputType string         `json:"output_type"`
		Name       string         `json:"name,omitempty"`
		Text       []string       `json:"text,omitempty"`
		Data       map[string]any `json:"data,omitempty"`
	}
	type cell struct {
		CellType string   `json:"cell_type"`
		Metadata struct{} `json:"metadata"`
		Source   []string `json:"source"`
		Outputs  []output `json:"outputs,omitempty"`
	}
	lines := func(s string) []string { return strings.SplitAfter(s, "\n") }
	cells := []cell{
		{CellType: "markdown", Source: lines("# " + b.Title + "\n\n*" + b.Author + "*")},
		{CellType: "code", Source: lines("import essay\nessay.load()"), Outputs: []output{
			{OutputType: "stream", Name: "stdout", Text: lines("loaded\n")},
			{OutputType: "display_data", Data: map[string]any{"image/png": "iVBORw0KGgo=", "text/plain": []string{"<Figure size 640x480>"}}},
		}},
	}
	for i, c := range b.Chapters {
		var md strings.Builder
		md.WriteString("## " + c.Title + "\n")
		var notes strings.Builder
		for j, p := range c.Paragraphs {
			md.WriteString("\n" + p)
			if note, ok := c.Notes[j]; ok {
				fmt.Fprintf(&md, "[^%d]", j+1)
				fmt.Fprintf(&notes, "\n[^%d]: %s\n", j+1, note)
			}
			md.WriteString("\n")
		}
		md.WriteString(notes.String())
		cells = append(cells, cell{CellType: "markdown", Source: lines(md.String())})
		if i == 0 {
			cells = append(cells, cell{CellType: "raw", Source: lines("\\newpage")})
		}
	}
	nb := map[string]any{
		"cells":          cells,
		"metadata":       map[string]any{"kernelspec": map[string]string{"display_name": "Python 3", "language": "python", "name": "python3"}},
		"nbformat":       4,
		"nbformat_minor": 5,
	}
	data, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		panic(err) // maps and strings always encode
	}
	return append(data, '\n')
}
