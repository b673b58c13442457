package web

import (
	"strconv"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// paragraphView is a paragraph of a document that is not read by lines:
// the heading of the section it begins, the anchor and mark that cite it
// (an EPUB's "c3-12" and ¶ 12, a web page's "s2-4" and ¶ 4), and its
// sentences, with the pages of a PDF beginning among them.
type paragraphView struct {
	Section *tocEntry
	ID      string
	Mark    int
	Speaker string // whose turn the paragraph is, if anyone's
	Code    bool   // a code block, shown as written
	Parts   []paragraphPart
	heading int // the index in the contents of the section it begins, or -1
}

// paragraphPart is a run of a paragraph's text, after the start of a
// page where one begins ("p47", printed "31").
type paragraphPart struct {
	PageID, Page string
	Text         string
}

// renderParagraphs renders a PDF, an EPUB or a web page as it was read:
// its sections' headings and its paragraphs, each with the anchor its
// citations link to.
func renderParagraphs(d *corpus.Document) (*text, error) {
	t := &text{hash: d.Hash}
	var paras []paragraphView
	section, page, para := -1, 0, -1
	for i, s := range d.AllSentences() {
		heading := -1
		if s.Section != section {
			section = s.Section
			sec := d.Sections[section]
			t.toc = append(t.toc, tocEntry{Number: sec.Number, Title: sec.Title, Level: sec.Level})
			heading = len(t.toc) - 1
		}
		if s.Paragraph != para || heading >= 0 {
			para = s.Paragraph
			paras = append(paras, newParagraph(d, i, heading))
			paras[len(paras)-1].Code, paras[len(paras)-1].Speaker = s.Code, s.Speaker
		}
		p := &paras[len(paras)-1]
		if d.Format == corpus.FormatPDF && s.Page > page {
			page = s.Page
			p.Parts = append(p.Parts, paragraphPart{PageID: "p" + strconv.Itoa(page), Page: retrieval.PageName(d, page)})
		}
		if len(p.Parts) == 0 {
			p.Parts = append(p.Parts, paragraphPart{})
		}
		last := &p.Parts[len(p.Parts)-1]
		last.Text = strings.TrimPrefix(last.Text+" "+s.Text, " ")
	}
	for i := range paras {
		if h := paras[i].heading; h >= 0 {
			paras[i].Section = &t.toc[h]
		}
	}
	example, _ := retrieval.ExampleCitation(d)
	return t, t.execute(pages.paragraphs, d, struct {
		Doc        *corpus.Document
		Paragraphs []paragraphView
		TOC        []tocEntry
		Example    retrieval.Citation
	}{d, paras, t.toc, example})
}

// newParagraph starts the paragraph of sentence i, with its anchor: a
// PDF's paragraphs have none, as it is cited by its pages.
func newParagraph(d *corpus.Document, i, heading int) paragraphView {
	v := paragraphView{heading: heading}
	if d.Format != corpus.FormatPDF {
		loc := retrieval.Cite(d, i, i+1).Location
		v.ID, v.Mark = loc.Anchor(), loc.Paragraph
	}
	return v
}
