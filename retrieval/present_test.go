package retrieval

import (
	"context"
	"html"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name    string
		e       Excerpt
		on, off string
		escape  func(string) string
		want    string
	}{
		{"terminal", Excerpt{Text: "peace of shame", Matches: [][2]int{{0, 5}, {9, 14}}}, "[", "]", nil, "[peace] of [shame]"},
		{"no matches", Excerpt{Text: "no matches"}, "[", "]", nil, "no matches"},
		{"bad ranges are skipped", Excerpt{Text: "bad ranges", Matches: [][2]int{{5, 3}, {2, 99}}}, "[", "]", nil, "bad ranges"},
		{"escaped for the web", Excerpt{Text: "a <b> & c", Matches: [][2]int{{2, 5}}}, "<mark>", "</mark>", html.EscapeString, "a <mark>&lt;b&gt;</mark> &amp; c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Highlight(tt.on, tt.off, tt.escape); got != tt.want {
				t.Errorf("Highlight = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCitation(t *testing.T) {
	r := Result{Quote: Excerpt{Span: corpus.Span{Start: 351, End: 356}}, Passage: Excerpt{Span: corpus.Span{Start: 349, End: 360}},
		Section: SectionRef{Number: 4, Title: "Decisive moments"}, Page: 11, Source: "interview.txt",
		Location: Location{Kind: kindLines, StartLine: 351, EndLine: 356, Page: 11},
		passage:  Location{Kind: kindLines, StartLine: 349, EndLine: 360, Page: 11}}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"short", r.Citation().String(), "interview.txt · lines 351–356 · p. 11"},
		{"long", r.Citation().Long(), `§4 "Decisive moments", lines 351–356, p. 11 (interview.txt)`},
		{"passage", r.PassageCitation().String(), "interview.txt · lines 349–360 · p. 11"},
		{"one line, no pages", Citation{Source: "a.md", Location: Location{Kind: kindLines, StartLine: 7, EndLine: 7}}.String(), "a.md · line 7"},
		{"pages", Citation{Source: "a.txt", Location: Location{Kind: kindLines, StartLine: 1, EndLine: 90, Page: 1, LastPage: 3}}.String(), "a.txt · lines 1–90 · pp. 1–3"},
		{"pdf page", Citation{Source: "a.pdf", Location: Location{Kind: kindPage, Page: 40, PageLabel: "31"}}.String(), "a.pdf · p. 31"},
		{"pdf pages", Citation{Source: "a.pdf", Location: Location{Kind: kindPage, Page: 40, LastPage: 41, PageLabel: "31", LastPageLabel: "32"}}.String(), "a.pdf · pp. 31–32"},
		{"pdf without labels", Citation{Source: "a.pdf", Location: Location{Kind: kindPage, Page: 4}}.String(), "a.pdf · p. 4"},
		{"epub", Citation{Source: "a.epub", Location: Location{Kind: kindChapter, Chapter: 3, Paragraph: 12}}.String(), "a.epub · ch. 3 ¶ 12"},
		{"epub paragraphs", Citation{Source: "a.epub", Location: Location{Kind: kindChapter, Chapter: 3, Paragraph: 12, LastParagraph: 13}}.String(), "a.epub · ch. 3 ¶ 12–13"},
		{"web page", Citation{Source: "a.html", Location: Location{Kind: kindSection, Section: 2, Paragraph: 4}}.String(), "a.html · §2 ¶ 4"},
		{"pdf long", Citation{Source: "a.pdf", Section: SectionRef{Number: 2, Title: "Habit"}, Location: Location{Kind: kindPage, Page: 4}}.Long(), `§2 "Habit", p. 4 (a.pdf)`},
		{"reader path, lines", r.Citation().ReaderPath(), "/text/interview.txt#L351-L356"},
		{"reader path, page", Citation{Source: "a b.pdf", Location: Location{Kind: kindPage, Page: 4}}.ReaderPath(), "/text/a%20b.pdf#p4"},
		{"reader path, chapter", Citation{Source: "a.epub", Location: Location{Kind: kindChapter, Chapter: 3, Paragraph: 12}}.ReaderPath(), "/text/a.epub#c3-12"},
		{"section", r.Section.String(), "§4 · Decisive moments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"the quick brown fox jumps", 12, "the quick…"},
		{"abcdefghijklmnop", 5, "abcd…"},
		{"ünïcödé wörds here", 9, "ünïcödé…"},
		{"anything", 0, ""},
	}
	for _, tt := range tests {
		if got := Clip(tt.s, tt.n); got != tt.want || len([]rune(got)) > max(tt.n, 0) {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestCleanQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  What\thappened\n to  them? ", "What happened to them?"},
		{"bad\xffbyte", "bad byte"},
		{"bell\x07ring", "bell ring"},
		{"régime", "régime"},
	}
	for _, tt := range tests {
		if got := CleanQuery(tt.in); got != tt.want {
			t.Errorf("CleanQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The analyzer reads "title:soviets" as one word; the question means
	// two. A time keeps its colon.
	if got, want := cleanQuery("title:soviets a:b:c at 12:31"), "title soviets a b c at 12:31"; got != want {
		t.Errorf("cleanQuery = %q, want %q", got, want)
	}
}

// TestExtent: how long each format's document is, in the units it is
// cited by, never repeating the count of sections beside it.
func TestExtent(t *testing.T) {
	docs := essayDocuments(t)
	tests := []struct {
		format corpus.Format
		want   string
	}{
		{corpus.FormatPDF, "pages"},
		{corpus.FormatEPUB, "chapters"},
		{corpus.FormatHTML, "a web page"},
		{corpus.FormatDOCX, "a Word document"},
		{corpus.FormatODT, "an OpenDocument text"},
		{corpus.FormatRTF, "an RTF document"},
		{corpus.FormatNotebook, "a Jupyter notebook"},
		{corpus.FormatText, "lines"},
	}
	for _, tt := range tests {
		t.Run(tt.format.String(), func(t *testing.T) {
			if got := Extent(docs[tt.format]); !strings.Contains(got, tt.want) || strings.Contains(got, "section") {
				t.Errorf("Extent = %q, want one with %q", got, tt.want)
			}
		})
	}
}

func TestSaysInPart(t *testing.T) {
	tests := []struct {
		phrase, quote string
		want          bool
	}{
		{"someone said it was a peace of shame", "The Left SRs argued against the “peace of shame,” as they called it.", true},
		{"the ends justify the means", "he judged the means by the end of it, and the ends by the means", false},
		{"it was a", "It was a cold night.", false}, // no word of the message's own
		{"Peace-of-Shame", "the “peace of shame”", true},
		{"peace", "peace of shame", false},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			if got := SaysInPart(tt.phrase, tt.quote); got != tt.want {
				t.Errorf("SaysInPart(%q, %q) = %v, want %v", tt.phrase, tt.quote, got, tt.want)
			}
		})
	}
}

// TestQuoteNote: Quote's results get a note where the text does not hold
// the phrase word for word, and none where it does.
func TestQuoteNote(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		phrase string
		note   bool
	}{
		{"peace of shame", false},
		{"sailors Kronstadt naval garrison", false},
		{"Lenin signed a shameful treaty with the Kaiser", true},
		{"xylophone zebra quasar", false}, // nothing found: no note
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			rs, err := ix.Quote(context.Background(), tt.phrase, 3)
			if err != nil {
				t.Fatal(err)
			}
			note := QuoteNote(tt.phrase, rs)
			if (note != "") != tt.note {
				t.Fatalf("QuoteNote(%q) = %q, want a note: %v", tt.phrase, note, tt.note)
			}
			if tt.note && !strings.Contains(note, "“"+tt.phrase+"” word for word") {
				t.Errorf("QuoteNote(%q) = %q, want the phrase named", tt.phrase, note)
			}
		})
	}
}
