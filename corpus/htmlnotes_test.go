package corpus

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestOfficeHTMLNotes reads the footnotes of a document exported as a
// web page by Google Docs and by Word, which set them after the text
// without a heading and give the note's id to the link on its label:
// each note is recorded where it is referred to and quotable under
// "Notes", not as the last section's text.
func TestOfficeHTMLNotes(t *testing.T) {
	const note = "The narrator calls it the loudest morning in forty years."
	for _, tc := range []struct{ name, page string }{
		{"google-docs.html", `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"></head><body class="c6 doc-content">` +
			`<p class="c2 title"><span class="c1">Reading Group Notes</span></p><h1 class="c4" id="h.def"><span>Summary</span></h1>` +
			`<p class="c2"><span class="c1">The kettle boils every morning until the day it does not</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span>.</span></p>` +
			`<h1 class="c4" id="h.jkl"><span>Questions</span></h1><p class="c2"><span>Why does the author never say why the kettle stopped?</span></p>` +
			`<hr class="c10"><div><p class="c2"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c1">&nbsp;` + note + `</span></p></div></body></html>`},
		{"word.htm", `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"></head><body lang=EN-GB><div class=WordSection1>` +
			`<p class=MsoTitle>Reading Group Notes</p><h1>Summary</h1><p class=MsoNormal>The kettle boils every morning until the day it does not` +
			`<a href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference>[1]</span></a>.</p>` +
			`<h1>Questions</h1><p class=MsoNormal>Why does the author never say why the kettle stopped?</p></div>` +
			`<div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%"><div style='mso-element:footnote' id=ftn1>` +
			`<p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> ` + note + `</p></div></div></body></html>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.name, []byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := sectionTitles(d), []string{"Summary", "Questions", "Notes"}; !slices.Equal(got, want) {
				t.Errorf("got sections %q, want %q", got, want)
			}
			if !slices.ContainsFunc(d.Footnotes, func(f Footnote) bool { return f.Text == note }) {
				t.Errorf("got notes %v, want %q among them", d.Footnotes, note)
			}
			for _, s := range d.AllSentences() {
				if strings.Contains(s.Text, "loudest") && d.Sections[s.Section].Title != "Notes" {
					t.Errorf("the note is quoted under %q", d.Sections[s.Section].Title)
				}
			}
		})
	}
}

// TestInlineNotesStayInChapters keeps a chapter whole where its note is
// set after the paragraph that refers to it, as Project Gutenberg's HTML
// books set them: only notes gathered after the text are read under
// "Notes".
func TestInlineNotesStayInChapters(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>The Kettle</title></head><body><h1>THE KETTLE</h1>` +
		`<h2><a id="CHAPTER_I"></a>CHAPTER I.</h2><p>The kettle boiled at seven every morning.<a id="FNanchor_1_1" href="#Footnote_1_1" class="fnanchor">[1]</a> Nobody remembered a morning without it.</p>` +
		`<div class="footnote"><p><a id="Footnote_1_1" href="#FNanchor_1_1"><span class="label">[1]</span></a> A copper kettle, bought in 1850.</p></div>` +
		`<p>The farmer came up the lane every day for milk, and stopped to hear the whistle.</p>` +
		`<h2><a id="CHAPTER_II"></a>CHAPTER II.</h2><p>One morning the kettle did not boil, and the house slept until noon.</p></body></html>`
	d, err := Parse("kettle.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sectionTitles(d), []string{"CHAPTER I", "CHAPTER II"}; !slices.Equal(got, want) {
		t.Errorf("got sections %q, want %q", got, want)
	}
	if !slices.ContainsFunc(d.Footnotes, func(f Footnote) bool { return f.Text == "A copper kettle, bought in 1850." }) {
		t.Errorf("got notes %v, want the copper kettle's", d.Footnotes)
	}
}

// TestCitationsAreNoNotesLeftOut writes under Notes the footnotes a
// page's text refers to that the walk did not read, never a wiki's
// citations, which are references.
func TestCitationsAreNoNotesLeftOut(t *testing.T) {
	w := newHTMLWalk(FormatHTML)
	w.notes = map[string]string{"cite_note-1": `"Fact Sheet". 49ers.com. Retrieved May 1, 2015.`, "_ftn1": "The narrator calls it the loudest morning."}
	for _, href := range []string{"#cite_note-1", "#_ftn1"} {
		a := &html.Node{Type: html.ElementNode, Data: "a", Attr: []html.Attribute{{Key: "href", Val: href}}}
		a.AppendChild(&html.Node{Type: html.TextNode, Data: "[1]"})
		if !w.noteRef(a) {
			t.Fatalf("the link to %s is no note's", href)
		}
	}
	w.notesLeftOut()
	if want := []string{"The narrator calls it the loudest morning."}; !slices.Equal(w.unread, want) {
		t.Errorf("got notes left out %q, want %q", w.unread, want)
	}
}
