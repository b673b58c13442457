package retrieval

import (
	"fmt"
	"strconv"
	"time"

	"github.com/lectern-bot/lectern/corpus"
)

// Location is where text stands in its reader's reference system, which
// its format decides: the lines of a text or Markdown file (and the page,
// where the text has pages), the page of a PDF and its printed label, the
// chapter of an EPUB and the paragraph in it, the section of a web page
// and the paragraph in it.
type Location struct {
	Kind      string `json:"kind"` // "lines", "page", "chapter" or "section"
	StartLine int    `json:"start_line,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	// Page is the page where the text starts: a PDF's physical page, from
	// 1, or a text's page; LastPage where it ends, when that is another.
	Page      int    `json:"page,omitempty"`
	LastPage  int    `json:"last_page,omitempty"`
	PageLabel string `json:"page_label,omitempty"` // a PDF's printed label of Page
	// LastPageLabel is the printed label of LastPage.
	LastPageLabel string `json:"last_page_label,omitempty"`
	Chapter       int    `json:"chapter,omitempty"` // an EPUB's chapter in reading order, from 1
	// ChapterTitle is the chapter's title in the EPUB's table of contents.
	ChapterTitle string `json:"chapter_title,omitempty"`
	Section      int    `json:"section,omitempty"` // a web page's section
	// Paragraph is the paragraph, from 1, in the chapter (EPUB) or section
	// (web page); LastParagraph where the text ends, when that is another.
	Paragraph     int `json:"paragraph,omitempty"`
	LastParagraph int `json:"last_paragraph,omitempty"`
	// URL is where a documentation site publishes the text's section
	// (SourceURL), when it is set.
	URL string `json:"url,omitempty"`
	// Verse is chapter and verse in a verse-numbered text, as its readers
	// cite it: "3:16", "3:16–17", "3:36–4:2".
	Verse string `json:"verse,omitempty"`
	// Time is when subtitles' text is spoken, from the start of the
	// recording: "12:31", "1:02:03".
	Time string `json:"time,omitempty"`
}

// Kinds of location.
const (
	kindLines   = "lines"
	kindPage    = "page"
	kindChapter = "chapter"
	kindSection = "section"
)

// locate finds where sentences first to last of d stand, shown on lines.
func locate(d *corpus.Document, first, last int, lines corpus.Span) Location {
	switch {
	case d.Format == corpus.FormatPDF:
		l := Location{Kind: kindPage, Page: pageOf(d, first, lines.Start), LastPage: pageOf(d, last, lines.End)}
		l.PageLabel, l.LastPageLabel = d.PageLabel(l.Page), d.PageLabel(l.LastPage)
		return l.tidy()
	case d.Format == corpus.FormatEPUB:
		if ch := d.ChapterOf(first); ch >= 0 {
			c := d.Chapters[ch]
			return Location{Kind: kindChapter, Chapter: ch + 1, ChapterTitle: c.Title,
				Paragraph: d.Sentence(first).Paragraph - c.FirstParagraph + 1, LastParagraph: d.Sentence(last).Paragraph - c.FirstParagraph + 1}.tidy()
		}
	case d.Format.BySection():
		sec := d.Sections[d.Sentence(first).Section]
		start := d.Sentence(sec.FirstSentence).Paragraph
		return Location{Kind: kindSection, Section: sec.Number,
			Paragraph: d.Sentence(first).Paragraph - start + 1, LastParagraph: d.Sentence(last).Paragraph - start + 1}.tidy()
	}
	l := Location{Kind: kindLines, StartLine: lines.Start, EndLine: lines.End, Verse: verses(d, first, last)}
	if t, ok := d.TimeOfLine(lines.Start); ok {
		l.Time = clockTime(t)
	}
	if d.Pages > 0 {
		l.Page, l.LastPage = pageOf(d, first, lines.Start), pageOf(d, last, lines.End)
		l.PageLabel, l.LastPageLabel = d.PageLabel(l.Page), d.PageLabel(l.LastPage)
	}
	return l.tidy()
}

// verses is "3:16" or "3:16–17" for sentences first to last of a
// verse-numbered text (corpus.Section.Verses), "" for any other.
func verses(d *corpus.Document, first, last int) string {
	at := func(n int) (chapter, verse int) {
		s := d.Sections[d.Sentence(n).Section]
		if chapter = verseChapter(s); chapter == 0 {
			return 0, 0
		}
		return chapter, verseOf(d, s, n)
	}
	c1, v1 := at(first)
	c2, v2 := at(last)
	switch {
	case c1 == 0 || c2 == 0:
		return ""
	case c1 != c2:
		return fmt.Sprintf("%d:%d–%d:%d", c1, v1, c2, v2)
	case v1 != v2:
		return fmt.Sprintf("%d:%d–%d", c1, v1, v2)
	}
	return fmt.Sprintf("%d:%d", c1, v1)
}

// pageOf is the page of a line of sentence s: from where the pages begin,
// or the sentence's own page.
func pageOf(d *corpus.Document, s, line int) int {
	if p := d.PageOfLine(line); p > 0 {
		return p
	}
	return d.Sentence(s).Page
}

// tidy drops the last page or paragraph where it is the first.
func (l Location) tidy() Location {
	if l.LastPage <= l.Page {
		l.LastPage, l.LastPageLabel = 0, ""
	}
	if l.LastParagraph <= l.Paragraph {
		l.LastParagraph = 0
	}
	return l
}

// lineBased reports whether the location is a file's lines.
func (l Location) lineBased() bool { return l.Kind == kindLines }

// Lines is the span of lines of a line-based location.
func (l Location) Lines() corpus.Span { return corpus.Span{Start: l.StartLine, End: l.EndLine} }

// pages is "p. 3", "pp. 3–5", or "" without pages; a PDF's printed
// labels where it has them.
func (l Location) pages() string {
	first, last := strconv.Itoa(l.Page), strconv.Itoa(l.LastPage)
	if l.PageLabel != "" {
		first = l.PageLabel
	}
	if l.LastPageLabel != "" {
		last = l.LastPageLabel
	}
	switch {
	case l.Page <= 0:
		return ""
	case l.LastPage == 0:
		return "p. " + first
	}
	return "pp. " + first + "–" + last
}

// paragraphs is "¶ 12" or "¶ 12–13".
func (l Location) paragraphs() string {
	if l.LastParagraph > 0 {
		return fmt.Sprintf("¶ %d–%d", l.Paragraph, l.LastParagraph)
	}
	return "¶ " + strconv.Itoa(l.Paragraph)
}

// String is the location as readers cite it: "lines 351–356 · p. 11",
// "3:16 · lines 344–346", "12:31 · lines 7–12" (subtitles), "p. 31",
// "ch. 3 ¶ 12", "§2 ¶ 4".
func (l Location) String() string {
	switch l.Kind {
	case kindPage:
		return l.pages()
	case kindChapter:
		return fmt.Sprintf("ch. %d %s", l.Chapter, l.paragraphs())
	case kindSection:
		return fmt.Sprintf("§%d %s", l.Section, l.paragraphs())
	}
	s := l.Lines().Label()
	if l.Verse != "" {
		s = l.Verse + " · " + s
	}
	if l.Time != "" {
		s = l.Time + " · " + s
	}
	if p := l.pages(); p != "" {
		s += " · " + p
	}
	return s
}

// Place is the location as Resolve reads it and readers type it: the
// lines of a line-based location ("351–356"), else String ("p. 31",
// "ch. 3 ¶ 12").
func (l Location) Place() string {
	if l.lineBased() {
		return l.Lines().String()
	}
	return l.String()
}

// Anchor is the fragment of the reader's page that shows the location:
// "L351-L356", "p47" (the physical page), "c3-12", "s2-4".
func (l Location) Anchor() string {
	switch l.Kind {
	case kindPage:
		return "p" + strconv.Itoa(l.Page)
	case kindChapter:
		return fmt.Sprintf("c%d-%d", l.Chapter, l.Paragraph)
	case kindSection:
		return fmt.Sprintf("s%d-%d", l.Section, l.Paragraph)
	}
	return fmt.Sprintf("L%d-L%d", l.StartLine, l.EndLine)
}

// clockTime is a time into a recording as players show it: "12:31",
// "1:02:03" from an hour on, seconds rounded down.
func clockTime(t time.Duration) string {
	s := int(t / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
