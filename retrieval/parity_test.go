package retrieval

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testbooks"
	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// TestFormatParity publishes books of the library as a PDF (a book's
// layout: front matter, running heads, printed page numbers, hyphenated
// line ends), an EPUB and a web page with a site's chrome, and asks each
// the book's questions: every format answers as well as the text (hit@1
// within 0.02), and every PDF answer's page holds its quote.
func TestFormatParity(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes two books in four formats")
	}
	engine := corpus.NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { engine.Close() })
	for _, tt := range []struct{ questions, book string }{
		{"douglass.tsv", "douglass-narrative-of-the-life.txt"},
		{"federalist.tsv", "hamilton-madison-jay-federalist-papers.txt"},
	} {
		t.Run(tt.book, func(t *testing.T) {
			text := library(tt.book)(t).Documents[0]
			qs := goldTexts(text, loadQuestions(t, tt.questions))
			want := parityHits(t, text, qs, nil)
			book := testbooks.FromDocument(text)
			pdf, pages := book.PDF(testformats.PDFOptions{RunningHeads: true, PageNumbers: true, FrontMatter: 2, Labels: true, Hyphenate: true})
			formats := []struct {
				name string
				doc  func() (*corpus.Document, error)
			}{
				{"pdf", func() (*corpus.Document, error) { return engine.Parse("book.pdf", pdf) }},
				{"epub", func() (*corpus.Document, error) {
					return corpus.Parse("book.epub", book.EPUB(testformats.EPUBOptions{Cover: true}))
				}},
				{"html", func() (*corpus.Document, error) {
					return corpus.Parse("book.html", book.HTML(testformats.HTMLOptions{Chrome: true}))
				}},
			}
			for _, f := range formats {
				d, err := f.doc()
				if err != nil {
					t.Fatalf("%s: %v", f.name, err)
				}
				var pageText func(int) string
				if f.name == "pdf" {
					pageText = func(p int) string {
						if p < 1 || p > len(pages) {
							return ""
						}
						return pages[p-1]
					}
				}
				got := parityHits(t, d, qs, pageText)
				t.Logf("%s: hit@1 %.3f as %s, %.3f as text", tt.book, got, f.name, want)
				if got < want-0.02 {
					t.Errorf("%s answers %.3f of the questions first, the text %.3f", f.name, got, want)
				}
			}
		})
	}
}

// TestEditionParity asks the two real editions of Common Sense, the
// Project Gutenberg HTML book and a Chromium PDF of it with a date, title,
// address and page count printed on every page, the same questions: the
// PDF answers as well as the web page (hit@1 within 0.02).
func TestEditionParity(t *testing.T) {
	qs := phraseQuestions(t, "paine-common-sense.tsv")
	engine := corpus.NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { engine.Close() })
	hit := map[string]float64{}
	for _, name := range []string{"html/gutenberg-paine-common-sense-147-h.htm", "pdf/paine-common-sense.chromium-header-footer.pdf"} {
		path := testsupport.SharedCorpus(t, "formats/"+name)
		src, err := corpus.ReadSources(context.Background(), path, corpus.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		c, err := corpus.ParseSources(src, engine)
		if err != nil {
			t.Fatal(err)
		}
		var pageText func(int) string
		if strings.HasSuffix(name, ".pdf") {
			pageText = popplerPages(t, path)
		}
		hit[name] = parityHits(t, c.Documents[0], qs, pageText)
		t.Logf("%s: hit@1 %.3f", name, hit[name])
	}
	if h, p := hit["html/gutenberg-paine-common-sense-147-h.htm"], hit["pdf/paine-common-sense.chromium-header-footer.pdf"]; p < h-0.02 {
		t.Errorf("the PDF answers %.3f of the questions first, the web page %.3f", p, h)
	}
}

// popplerPages reads a PDF's pages with a second engine, Poppler's
// pdftotext, to check the pages PDFium's reading cites.
func popplerPages(t *testing.T, path string) func(int) string {
	t.Helper()
	exe := testsupport.Tool(t, "Debian: apt-get install poppler-utils; .ci/run installs it", "pdftotext")
	out, err := exec.Command(exe, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := strings.Split(string(out), "\f") // pdftotext ends each page with a form feed
	return func(p int) string {
		if p < 1 || p > len(pages) {
			return ""
		}
		return pages[p-1]
	}
}

// TestPDFPagesAgreeWithPoppler cites sentences across every shared PDF
// and checks each cited page with a second engine: Poppler's text of that
// page holds the sentence's first words.
func TestPDFPagesAgreeWithPoppler(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(testsupport.SharedDir(t, "corpus/formats/pdf"), "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	engine := corpus.NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { engine.Close() })
	for _, path := range paths {
		if strings.Contains(path, "image-only") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := engine.Parse(filepath.Base(path), data)
			if err != nil {
				t.Fatal(err)
			}
			pageText, wrong, checked := popplerPages(t, path), 0, 0
			for i := 0; i < d.SentenceCount(); i += 5 {
				if d.Sentence(i).Code || len(strings.Fields(d.Sentence(i).Text)) < 4 {
					continue
				}
				checked++
				r := Result{Quote: Excerpt{Text: d.Sentence(i).Text}, Location: Cite(d, i, i+1).Location}
				if !onPage(r, pageText) {
					wrong++
					t.Logf("%.60q is cited at p. %d (%s)", r.Quote.Text, r.Location.Page, r.Location.PageLabel)
				}
			}
			if wrong > 0 {
				t.Errorf("%d of %d sentences are cited at a page Poppler does not show them on", wrong, checked)
			}
		})
	}
}

// phraseQuestions reads questions whose gold is a phrase of the answer.
func phraseQuestions(t *testing.T, name string) []goldQuestion {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []goldQuestion
	for _, line := range strings.Split(string(data), "\n") {
		q, phrase, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, goldQuestion{text: q, gold: []string{wordsOnly(phrase)}})
	}
	return out
}

// goldQuestion is a question with the text of its gold sentences, which
// holds in every format the book is published in.
type goldQuestion struct {
	text string
	gold []string
}

// goldTexts are the questions with the sentences of the text their gold
// lines hold.
func goldTexts(d *corpus.Document, qs []EvalQuestion) []goldQuestion {
	var out []goldQuestion
	for _, q := range qs {
		g := goldQuestion{text: q.Text}
		for _, s := range d.AllSentences() {
			for _, span := range q.Gold {
				if s.Lines.Overlaps(span) {
					g.gold = append(g.gold, wordsOnly(s.Text))
					break
				}
			}
		}
		out = append(out, g)
	}
	return out
}

// parityHits is the share of questions whose first answer counts (short
// enough) and shares a gold sentence's words; for a PDF, it checks that
// every answer's page holds its quote's first words, as pageText (a page's
// text, from 1; "" past the last) gives them.
func parityHits(t *testing.T, d *corpus.Document, qs []goldQuestion, pageText func(int) string) float64 {
	t.Helper()
	ix := docIndex(t, d)
	hits := 0
	for _, q := range qs {
		rs, err := ix.Ask(context.Background(), q.text, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) > 0 && countsAsAnswer(rs[0], d) && holdsGold(rs[0].Quote.Text, q.gold) {
			hits++
		}
		for _, r := range rs {
			if pageText != nil && !onPage(r, pageText) {
				t.Errorf("%q: the quote %.60q is cited at p. %d (%s), which does not hold it", q.text, r.Quote.Text, r.Location.Page, r.Location.PageLabel)
			}
		}
	}
	return float64(hits) / float64(len(qs))
}

// countsAsAnswer applies the rule of Excerpt.Counts in the format's own
// terms: lines are a text's, so other formats are held to the length
// alone.
func countsAsAnswer(r Result, d *corpus.Document) bool {
	if d.Format.LineBased() {
		return r.Quote.Counts()
	}
	return len([]rune(r.Quote.Text)) <= evalMaxRunes
}

// holdsGold reports whether a quote and a gold sentence share their words:
// one holds the other, or they share a run of eight words.
func holdsGold(quote string, gold []string) bool {
	q := wordsOnly(quote)
	for _, g := range gold {
		if strings.Contains(q, g) || strings.Contains(g, q) || sharesRun(q, g, 8) {
			return true
		}
	}
	return false
}

func sharesRun(a, b string, n int) bool {
	w := strings.Fields(a)
	for i := 0; i+n <= len(w); i++ {
		if strings.Contains(" "+b+" ", " "+strings.Join(w[i:i+n], " ")+" ") {
			return true
		}
	}
	return false
}

// wordsOnly is text as lower-case words, punctuation and markers gone.
func wordsOnly(s string) string {
	// Hyphens are dropped, not spaced: Poppler joins a compound broken
	// at a line's end ("heat-" over "conduction" is "heatconduction").
	s = strings.ReplaceAll(s, "-", "")
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}), " ")
}

// onPage reports whether the page a result cites is where its quote
// starts: the page holds its first word (or its second, the first broken
// at the line's end), and the page and the next hold its first words in
// order.
func onPage(r Result, pageText func(int) string) bool {
	p := r.Location.Page
	page := " " + wordsOnly(pageText(p)) + " "
	both := page + wordsOnly(withoutHead(pageText(p+1))) + " "
	w := strings.Fields(wordsOnly(strings.TrimPrefix(r.Quote.Text, "…")))
	has := func(s string, words []string) bool { return strings.Contains(s, " "+strings.Join(words, " ")+" ") }
	if len(w) < 3 {
		return has(page, w)
	}
	return (has(page, w[:1]) || has(page, w[1:2])) && (has(both, w[:3]) || has(both, w[1:3]))
}

// withoutHead is a page's text without the running head it opens with
// (its title and number, "Lecture VII. Pragmatism and Humanism" over
// "105", or the other way round), which stands between a sentence's
// words that run on from the page before: the lines up to its page
// number among its first three, and the short lines after them.
func withoutHead(page string) string {
	lines := strings.Split(page, "\n")
	seen := 0
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if _, err := strconv.Atoi(strings.TrimSpace(l)); err == nil {
			lines = lines[i+1:] // a title may follow the number: "40" over "Pragmatism"
			break
		}
		if seen++; seen == 3 {
			break
		}
	}
	for len(lines) > 0 && len(strings.Fields(lines[0])) < 4 {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}

// TestInterviewAsWebPage publishes the interview as the web article it
// first was (a paragraph a <p>, each turn opening with its speaker's
// label in bold, "NP:" and "SW:" after the first exchange, a blog's
// header, comments and sidebar around it) and asks it the interview's
// questions: it answers as well as the text (hit@1 within 0.02), with
// the interviewer's questions as its sections and its answers credited.
func TestInterviewAsWebPage(t *testing.T) {
	text, err := corpus.Parse("interview.txt", corpus.DefaultText())
	if err != nil {
		t.Fatal(err)
	}
	qs := goldTexts(text, loadQuestions(t, "interview.tsv"))
	want := parityHits(t, text, qs, nil)
	page, err := corpus.Parse("interview.html", interviewPage(text))
	if err != nil {
		t.Fatal(err)
	}
	got := parityHits(t, page, qs, nil)
	t.Logf("hit@1 %.3f as a web page, %.3f as text", got, want)
	if got < want-0.02 {
		t.Errorf("the web page answers %.3f of the questions first, the text %.3f", got, want)
	}
	if g, w := len(page.Sections), len(text.Sections); g != w {
		t.Errorf("the web page has %d sections, the text %d", g, w)
	}
	rs, err := docIndex(t, page).Ask(context.Background(), "What happened to the soviets?", 1)
	if err != nil || len(rs) == 0 || rs[0].Speaker != "Suzi Weissman" {
		t.Errorf("got %+v, %v; want an answer Suzi Weissman gives", rs, err)
	}
}

// interviewPage writes an interview as a blog's web page.
func interviewPage(d *corpus.Document) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An Interview – New Politics</title></head><body>
<header class="site-header"><p class="site-title"><a href="/">New Politics</a></p><nav><a href="/">Home</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article class="post"><h1 class="entry-title">An Interview</h1><div class="entry-content">
`)
	short := map[string]string{}
	turns, para, speaker := 0, -1, ""
	for i := range d.SentenceCount() {
		s := d.Sentence(i)
		if s.Paragraph == para {
			b.WriteString(" " + html.EscapeString(s.Text))
			continue
		}
		if para >= 0 {
			b.WriteString("</p>\n")
		}
		b.WriteString("<p>")
		if s.Speaker != "" && s.Speaker != speaker {
			label := s.Speaker
			if turns >= 2 { // "Suzi Weissman" first, "SW" after
				if short[label] == "" {
					short[label] = initialsOf(label)
				}
				label = short[label]
			}
			fmt.Fprintf(&b, "<strong>%s:</strong> ", html.EscapeString(label))
			turns++
		}
		speaker, para = s.Speaker, s.Paragraph
		b.WriteString(html.EscapeString(s.Text))
	}
	b.WriteString(`</p>
</div></article>
<section id="comments"><h2>3 thoughts on “An Interview”</h2><div class="comment"><p>Great interview, thanks! The point about the soviets is well taken.</p></div></section>
</main><aside class="sidebar"><h2>Recent Posts</h2><ul><li><a href="/a">Lenin and the Soviets Revisited</a></li></ul></aside>
<footer class="site-footer">© New Politics. Proudly powered by WordPress.</footer></body></html>`)
	return []byte(b.String())
}

// initialsOf is a name's last two capitals: "NP" for "Dan La Botz for
// New Politics", "SW" for "Suzi Weissman", as the article abbreviates.
func initialsOf(name string) string {
	var caps []rune
	for _, r := range name {
		if unicode.IsUpper(r) {
			caps = append(caps, r)
		}
	}
	return string(caps[max(0, len(caps)-2):])
}
