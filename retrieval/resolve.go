package retrieval

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/lectern-bot/lectern/corpus"
)

// ErrCitationForm is a citation not written the way its document is
// cited.
var ErrCitationForm = errors.New("not a citation of this text")

// PlaceError is a citation of lines, pages, a chapter, a section or
// paragraphs its document does not have. Detail says what it has, for
// readers: "it has lines 1 to 900".
type PlaceError struct{ Detail string }

func (e *PlaceError) Error() string { return "no such place in this text: " + e.Detail }

func noPlace(format string, args ...any) error {
	return &PlaceError{Detail: fmt.Sprintf(format, args...)}
}

// Citation forms, as Location.String and Location.Anchor write them and
// as readers type them: "351-356", "lines 351 to 356", "L351-L356";
// "p. 31", "pp. 31–32", "p31"; "ch. 3 ¶ 12", "c3-12"; "§2 ¶ 4", "s2-4".
var (
	pageAnchor  = regexp.MustCompile(`^#p(\d{1,6})$`) // a physical page, as a link to the reader names it
	linesForm   = regexp.MustCompile(`^(?i)(?:lines?\s*)?#?L?(\d{1,9})(?:\s*(?:-|–|—|to|\.\.)\s*L?(\d{1,9}))?$`)
	pageForm    = regexp.MustCompile(`^(?i)(?:pp?\.?|pages?)\s*([0-9a-z]{1,12})(?:\s*(?:-|–|—|to)\s*([0-9a-z]{1,12}))?$`)
	chapterForm = regexp.MustCompile(`^(?i)(?:ch(?:apter)?\.?\s*|c)(\d{1,6})(?:\s*(?:¶|-|,\s*(?:para(?:graph)?\.?|¶)?)\s*(\d{1,6})(?:\s*(?:-|–|—)\s*(\d{1,6}))?)?$`)
	sectionForm = regexp.MustCompile(`^(?i)(?:§\s*|s(?:ection)?\.?\s*)(\d{1,6})(?:\s*(?:¶|-|,\s*(?:para(?:graph)?\.?|¶)?)\s*(\d{1,6})(?:\s*(?:-|–|—)\s*(\d{1,6}))?)?$`)
)

// Resolve finds the lines of d (of d.Text, for formats that are not read
// by line) that a citation names, written as d is cited: lines for text
// and Markdown, pages for a PDF, chapters and paragraphs for an EPUB,
// sections and paragraphs for a web page, a time ("12:31") or lines for
// subtitles. A PDF's page is its printed label where it has one; "#p47",
// a link's fragment, is the 47th page. A range written backwards is read
// forwards.
func Resolve(d *corpus.Document, citation string) (corpus.Span, error) {
	s := strings.TrimSpace(citation)
	if !pageAnchor.MatchString(s) {
		s = strings.TrimPrefix(s, "#")
	}
	if m := pageAnchor.FindStringSubmatch(s); m != nil && d.Pages > 0 {
		n, _ := strconv.Atoi(m[1])
		return pageLines(d, n, n)
	}
	if m := pageForm.FindStringSubmatch(s); m != nil && d.Pages > 0 {
		return resolvePages(d, m[1], m[2])
	}
	switch {
	case d.Format == corpus.FormatPDF:
		if linesForm.MatchString(s) && !isNumber(s) {
			return corpus.Span{}, ErrCitationForm // lines, which a PDF is not cited by
		}
		return resolvePages(d, s, "")
	case d.Format == corpus.FormatEPUB:
		if m := chapterForm.FindStringSubmatch(s); m != nil {
			return resolveChapter(d, m[1:])
		}
	case d.Format.BySection():
		if m := sectionForm.FindStringSubmatch(s); m != nil {
			return resolveSection(d, m[1:])
		}
	default:
		if m := timeForm.FindStringSubmatch(s); m != nil && len(d.Cues) > 0 {
			return resolveTimes(d, m[1], m[2])
		}
		if m := verseForm.FindStringSubmatch(s); m != nil {
			return resolveVerses(d, m[1:])
		}
		if m := linesForm.FindStringSubmatch(s); m != nil {
			return resolveLines(d, m[1], m[2])
		}
	}
	return corpus.Span{}, ErrCitationForm
}

// timeForm is a time into a recording, or two, as subtitles are cited:
// "12:31", "1:02:03", "12:31-13:05".
var timeForm = regexp.MustCompile(`^(\d{1,2}(?::\d{2}){1,2})(?:\s*[-–]\s*(\d{1,2}(?::\d{2}){1,2}))?$`)

// resolveTimes finds the lines of subtitles spoken from first to last
// (or at first): from the cue under way at first to the last line of
// text of the cue under way at last. A time is read to the second, as
// citations write it: "1:15" is under way until 1:16.
func resolveTimes(d *corpus.Document, first, last string) (corpus.Span, error) {
	if last == "" {
		last = first
	}
	a, b := clockDuration(first), clockDuration(last)
	if b < a {
		a, b = b, a
	}
	under := func(t time.Duration) int {
		return max(0, sort.Search(len(d.Cues), func(k int) bool { return d.Cues[k].Start >= t+time.Second })-1)
	}
	from, to := under(a), under(b)
	limit := d.Lines + 1 // the line after the cue at last: the next cue's number and time come before its text
	if to+1 < len(d.Cues) {
		limit = d.Cues[to+1].Line
	}
	span := corpus.Span{Start: d.Cues[from].Line, End: d.Cues[to].Line}
	for _, s := range d.AllSentences() {
		if s.Lines.Start >= span.Start && s.Lines.Start < limit {
			span.End = max(span.End, min(s.Lines.End, limit-1))
		}
	}
	return span, nil
}

// clockDuration reads a time as clockTime writes it: "12:31", "1:02:03".
func clockDuration(s string) time.Duration {
	var t time.Duration
	for part := range strings.SplitSeq(s, ":") {
		n, _ := strconv.Atoi(part)
		t = t*60 + time.Duration(n)
	}
	return t * time.Second
}

// verseForm is chapter and verse, as a verse-numbered text is cited,
// perhaps after its book's name: "3:16", "3:16-17", "3:16–17", "Exodus
// 3:14", "1 Corinthians 13:4-7".
var verseForm = regexp.MustCompile(`^(?:(?:([1-3])\s*)?(\p{Lu}\p{Ll}+)\s+)?(\d{1,3}):(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$`)

// resolveVerses finds the lines of verses chapter:first to last of a
// verse-numbered text (the parts of m: the book's number and name,
// chapter, first verse, last), in the book named where one is.
func resolveVerses(d *corpus.Document, m []string) (corpus.Span, error) {
	number, name := m[0], m[1]
	chapter, _ := strconv.Atoi(m[2])
	a, b := numberRange(m[3], m[4])
	for _, sec := range d.Sections {
		if chapter == 0 || verseChapter(sec) != chapter || sec.EndSentence == sec.FirstSentence {
			continue
		}
		if name != "" && !titleNamesBook(sec.Title, number, name) {
			continue
		}
		in := verseRange(d, sec, a, b)
		if len(in) == 0 {
			return corpus.Span{}, noPlace("chapter %d has no verse %d", chapter, a)
		}
		return corpus.Span{Start: d.Sentence(in[0]).Lines.Start, End: d.Sentence(in[len(in)-1]).Lines.End}, nil
	}
	if name != "" {
		return corpus.Span{}, noPlace("no book named %s has a chapter %d", strings.TrimSpace(number+" "+name), chapter)
	}
	return corpus.Span{}, ErrCitationForm
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// ExampleCitation cites a place in d for readers to see how its answers
// are cited: its middle sentence.
func ExampleCitation(d *corpus.Document) (Citation, bool) {
	if d.SentenceCount() == 0 {
		return Citation{}, false
	}
	mid := d.SentenceCount() / 2
	return Cite(d, mid, mid+1), true
}

// numberRange reads a range of numbers, last optional, written
// backwards or forwards: "356", "351" is 351 to 356.
func numberRange(first, last string) (a, b int) {
	a, _ = strconv.Atoi(first)
	b = a
	if last != "" {
		b, _ = strconv.Atoi(last)
	}
	return min(a, b), max(a, b)
}

func resolveLines(d *corpus.Document, first, last string) (corpus.Span, error) {
	a, b := numberRange(first, last)
	if a < 1 || a > d.Lines {
		return corpus.Span{}, noPlace("it has lines 1 to %d", d.Lines)
	}
	return corpus.Span{Start: a, End: min(b, d.Lines)}, nil
}

// PageName is how page (physical, from 1) of d is cited: its printed
// label, or its number.
func PageName(d *corpus.Document, page int) string {
	if l := d.PageLabel(page); l != "" {
		return l
	}
	return strconv.Itoa(page)
}

// PageNumber is the physical page, from 1, that a reader's page names: a
// PDF's printed label ("iv", "31") where it has one, else the number.
func PageNumber(d *corpus.Document, page string) (int, bool) {
	page = strings.TrimSpace(page)
	for i, l := range d.PageLabels {
		if strings.EqualFold(l, page) {
			return i + 1, true
		}
	}
	n, err := strconv.Atoi(page)
	if err != nil || n < 1 || n > d.Pages {
		return 0, false
	}
	return n, true
}

func resolvePages(d *corpus.Document, first, last string) (corpus.Span, error) {
	a, ok := PageNumber(d, first)
	if !ok {
		return corpus.Span{}, PageError(d)
	}
	b := a
	if last != "" {
		if b, ok = PageNumber(d, last); !ok {
			return corpus.Span{}, PageError(d)
		}
	}
	return pageLines(d, a, b)
}

// pageLines are the lines of physical pages a to b.
func pageLines(d *corpus.Document, a, b int) (corpus.Span, error) {
	if b < a {
		a, b = b, a
	}
	if a < 1 || b > d.Pages {
		return corpus.Span{}, PageError(d)
	}
	lines, ok := d.PageLines(a, b)
	if !ok {
		return corpus.Span{}, noPlace("page %s holds no text", PageName(d, a))
	}
	return lines, nil
}

// PageError says which pages d has, as a PlaceError.
func PageError(d *corpus.Document) error {
	if n := len(d.PageLabels); n > 0 {
		return noPlace("its pages run from %s to %s", d.PageLabels[0], d.PageLabels[n-1])
	}
	return noPlace("its pages run from 1 to %d", d.Pages)
}

// resolveChapter resolves an EPUB's chapter and paragraphs, from "3",
// "12" and "13" (the last two optional).
func resolveChapter(d *corpus.Document, m []string) (corpus.Span, error) {
	n, _ := strconv.Atoi(m[0])
	if n < 1 || n > len(d.Chapters) {
		return corpus.Span{}, noPlace("it has chapters 1 to %d", len(d.Chapters))
	}
	c := d.Chapters[n-1]
	return paragraphLines(d, c.FirstSentence, c.EndSentence, c.FirstParagraph, m[1], m[2])
}

// resolveSection resolves a web page's section and paragraphs.
func resolveSection(d *corpus.Document, m []string) (corpus.Span, error) {
	n, _ := strconv.Atoi(m[0])
	for _, sec := range d.Sections {
		if sec.Number == n && sec.EndSentence > sec.FirstSentence {
			return paragraphLines(d, sec.FirstSentence, sec.EndSentence, d.Sentence(sec.FirstSentence).Paragraph, m[1], m[2])
		}
	}
	return corpus.Span{}, noPlace("it has no section %d with text", n)
}

// paragraphLines are the lines of paragraphs first to last (counted from
// 1 at paragraph base) among sentences [from, to); all of them when first
// is empty.
func paragraphLines(d *corpus.Document, from, to, base int, first, last string) (corpus.Span, error) {
	if from >= to {
		return corpus.Span{}, noPlace("that part holds no text")
	}
	if first == "" {
		return corpus.Span{Start: d.Sentence(from).Lines.Start, End: d.Sentence(to - 1).Lines.End}, nil
	}
	a, b := numberRange(first, last)
	count := d.Sentence(to-1).Paragraph - base + 1
	if a < 1 || a > count {
		return corpus.Span{}, noPlace("it has paragraphs 1 to %d there", count)
	}
	n := to - from
	i := from + sort.Search(n, func(i int) bool { return d.Sentence(from+i).Paragraph-base+1 >= a })
	j := from + sort.Search(n, func(i int) bool { return d.Sentence(from+i).Paragraph-base+1 > b }) - 1
	return corpus.Span{Start: d.Sentence(i).Lines.Start, End: d.Sentence(max(j, i)).Lines.End}, nil
}
