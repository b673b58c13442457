package corpus

import (
	"fmt"
	"strings"
	"testing"
)

// gutenbergStanza is verse as Project Gutenberg's books set it, a line to
// a division; its first four lines are one sentence.
const gutenbergStanza = `<div class="poetry-container"><div class="poetry"><div class="stanza">
<div class="verse indent0">O the wind blew high and the wind blew low,</div>
<div class="verse indent2">And the ship went down to the sea,</div>
<div class="verse indent0">But the men who sailed in her long ago</div>
<div class="verse indent2">Came never again to me.</div>
<div class="verse indent0">So row away.</div>
</div></div></div>
`

// gutenbergPage is a book as Project Gutenberg's web pages are made
// since 2023: a header section with the catalogue's title, the book
// with its contents in a table, chapters in divisions whose paragraphs
// carry the printed pages' numbers ("[Pg 12]"), a stanza in the last,
// and a footer section with the licence.
func gutenbergPage(chapters []string) string {
	var toc, body strings.Builder
	page := 1
	for i, title := range chapters {
		id := fmt.Sprintf("CHAPTER_%d", i+1)
		fmt.Fprintf(&toc, `<tr><td><a href="#%s">CHAPTER %d.</a></td><td><a href="#%s">%s</a></td><td><a href="#Page_%d">%d</a></td></tr>`+"\n", id, i+1, id, title, page, page)
		fmt.Fprintf(&body, `<div class="chapter"><h2 class="nobreak" id="%s">CHAPTER %d.<br><span class="subhead">%s</span></h2>`+"\n", id, i+1, title)
		for k := range 3 {
			fmt.Fprintf(&body, `<p><span class="pagenum"><a id="Page_%d">[Pg %d]</a></span>In chapter %d, paragraph %d, the travellers talk about %s for a while, and nothing else happens to them.</p>`+"\n", page, page, i+1, k+1, strings.ToLower(title))
			page++
		}
		if i == len(chapters)-1 {
			body.WriteString(gutenbergStanza)
		}
		body.WriteString("</div>\n")
	}
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The Project Gutenberg eBook of A Voyage, by Ann Sailor</title></head>
<body>
<section class="pg-boilerplate pgheader" id="pg-header" lang="en">
<h2 id="pg-header-heading">The Project Gutenberg eBook of <span id="pg-title-no-subtitle">A Voyage</span>, by <span>Ann Sailor</span></h2>
<div>This ebook is for the use of anyone anywhere in the United States and most other parts of the world at no cost and with almost no restrictions whatsoever.</div>
<div class="container" id="pg-machine-header"><p><strong>Title</strong>: A Voyage</p>
<div id="pg-header-authlist"><p><strong>Author</strong>: Ann Sailor</p></div>
<p><strong>Release date</strong>: May 1, 2024 [eBook #99999]</p></div>
<div id="pg-start-separator"><span>*** START OF THE PROJECT GUTENBERG EBOOK A VOYAGE ***</span></div>
</section>
<h1>A VOYAGE</h1>
<div class="chapter"><h2 id="CONTENTS">CONTENTS</h2>
<table class="autotable">
` + toc.String() + `</table></div>
` + body.String() + `<section class="pg-boilerplate pgheader" id="pg-footer" lang="en">
<div id="pg-end-separator"><span>*** END OF THE PROJECT GUTENBERG EBOOK A VOYAGE ***</span></div>
<div>Updated editions will replace the previous one—the old editions will be renamed.</div>
<div>Creating the works from print editions not protected by U.S. copyright law means that no one owns a United States copyright in these works.</div>
</section>
</body></html>`
}

// TestGutenbergPage checks that a book saved from Project Gutenberg's
// site reads as the book: its title and author without the catalogue's
// words, a section for each chapter, a sentence of verse over the lines
// it runs on, and no sentence holding a printed page's number or Project
// Gutenberg's header or licence.
func TestGutenbergPage(t *testing.T) {
	chapters := []string{"The Voyage Out", "A Storm at Sea", "The Island", "Homecoming"}
	d, err := Parse("voyage.html", []byte(gutenbergPage(chapters)))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "A Voyage" || d.Author != "Ann Sailor" {
		t.Errorf("got %q by %q, want %q by %q", d.Title, d.Author, "A Voyage", "Ann Sailor")
	}
	var titles []string
	for _, s := range d.Sections {
		if s.EndSentence > s.FirstSentence {
			titles = append(titles, s.Title)
		}
	}
	if len(titles) != len(chapters) {
		t.Errorf("sections with text %q, want one for each of %q", titles, chapters)
	}
	verse := ""
	for _, s := range d.AllSentences() {
		if strings.Contains(s.Text, "[Pg") || strings.Contains(s.Text, "Gutenberg") {
			t.Errorf("sentence %q: want the book's text only", s.Text)
		}
		if strings.HasPrefix(s.Text, "O the wind") {
			verse = s.Text
		}
	}
	if want := "O the wind blew high and the wind blew low, And the ship went down to the sea, But the men who sailed in her long ago Came never again to me."; verse != want {
		t.Errorf("the stanza's first sentence reads %q, want %q", verse, want)
	}
}
