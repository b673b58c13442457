package retrieval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// A collection's pieces may each be signed over their text: the
// Federalist's papers by MADISON, HAMILTON or JAY, an anthology's essays
// "By" their authors. "Who wrote Federalist No. 51?" is answered by that
// line, which holds none of the question's words but the paper's.

// bylineSentence finds the line that signs the one part a question asking
// who wrote it names: over the part's text ("MADISON" over Federalist
// No. 51), else under it ("J. R. New York, January 1st 1919." closing a
// preface). A part named by its title rather than its numbers, and any
// part under its text, is signed only by a name's line (signature); ok
// is false where the question asks no such thing, names no part or
// several, or the part is signed by none.
func (ix *Index) bylineSentence(text string) (doc, sent int, ok bool) {
	m := authorAsked.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, false
	}
	doc, secs, numbered, ok := ix.partNamed(m[1])
	if !ok {
		return 0, 0, false
	}
	d := ix.corpus.Documents[doc]
	first, end := sectionsSpan(d, secs)
	if first >= end {
		return 0, 0, false
	}
	over := pastMatter(d, first, end)
	for at := first; at < over; at++ {
		if text := d.Sentence(at).Text; numbered && byline(text) || signature(text) {
			return doc, at, true
		}
	}
	if at, ok := signedUnder(d, first, end); ok {
		return doc, at, true
	}
	return 0, 0, false
}

// signedUnder finds the line under the text of sentences first to end of
// d that signs them as a name does (signature).
func signedUnder(d *corpus.Document, first, end int) (int, bool) {
	stop := beforeNotes(d, first, end)
	for at := beforeMatter(d, first, stop); at < stop; at++ {
		if signature(d.Sentence(at).Text) {
			return at, true
		}
	}
	return 0, false
}

// datedAsked asks when a part was written: "When was the preface
// written?", "When was the letter dated?", "When was the book
// published?" (its preface's date; see datedPreface).
var datedAsked = regexp.MustCompile(`(?i)^when\s+(?:was|were|is)\s+(.{1,60}?)\s+(?:(?:first\s+)?(?:written|published)|dated|signed|composed|finished)\s*[?.!]*$`)

// datedSentences finds the date a question asking when a part was
// written names: the signature under the part's text where it, or the
// line after it in the same part, gives a year ("F. ENGELS." /
// "January 11th, 1892.", "J. R. New York, January 1st 1919."), else,
// where no name signs the part, a line of place and date closing it
// ("London, August, 1889."). ok is false where the question asks no such
// thing, names no part or several, or the part is dated by none.
func (ix *Index) datedSentences(text string) (doc int, sents []int, ok bool) {
	m := datedAsked.FindStringSubmatch(text)
	switch {
	case m == nil:
		return 0, nil, false
	case wholeText.MatchString(m[1]) && len(ix.corpus.Documents) == 1:
		return ix.datedPreface()
	}
	return ix.datedPart(m[1])
}

// prefaceNames are the parts before a text's own that may date it, in
// the order "When was the book written?" looks them up.
var prefaceNames = []string{"preface", "author's preface", "foreword", "introduction", "to the reader"}

// datedPreface answers "When was the book written?" ("…published?")
// of a text that dates a preface (prefaceNames), by the preface's date,
// which a book's first edition prints as it goes to press: the citation
// names the part the date closes.
func (ix *Index) datedPreface() (doc int, sents []int, ok bool) {
	for _, name := range prefaceNames {
		if doc, sents, ok := ix.datedPart(name); ok {
			return doc, sents, true
		}
	}
	return 0, nil, false
}

// datedPart finds the date that closes the part name names
// (datedSentences).
func (ix *Index) datedPart(name string) (doc int, sents []int, ok bool) {
	doc, secs, _, ok := ix.partNamed(name)
	if !ok {
		return 0, nil, false
	}
	d := ix.corpus.Documents[doc]
	first, end := sectionsSpan(d, secs)
	at, ok := signedUnder(d, first, end)
	switch {
	case !ok:
		if at, ok := datedUnder(d, first, end); ok {
			return doc, []int{at}, true
		}
		return 0, nil, false
	case writtenYear.MatchString(d.Sentence(at).Text):
		return doc, []int{at}, true
	case at+1 < end && d.Sentence(at+1).Section == d.Sentence(at).Section && writtenYear.MatchString(d.Sentence(at+1).Text) && quotableRun(d, at, at+1, true):
		return doc, []int{at, at + 1}, true
	}
	return 0, nil, false
}

// datedUnder finds the line of matter under the text of sentences first
// to end of d that ends with a year: a place and date closing a preface
// no name signs ("Bromley, Kent, 1902."), not a reference's "2012.
// Machine Learning: A Probabilistic Perspective." closing a blog post.
func datedUnder(d *corpus.Document, first, end int) (int, bool) {
	stop := beforeNotes(d, first, end)
	for at := beforeMatter(d, first, stop); at < stop; at++ {
		if closingYear.MatchString(d.Sentence(at).Text) {
			return at, true
		}
	}
	return 0, false
}

// writtenYear is a year a line dates its text by; closingYear, the year
// a line of place and date ends with.
var (
	writtenYear = regexp.MustCompile(`\b(?:1[0-9]{3}|20[0-9]{2})\b`)
	closingYear = regexp.MustCompile(`\b(?:1[0-9]{3}|20[0-9]{2})\.?$`)
)

// partNamed is the one part name gives, by its numbers ("Federalist No.
// 51") or by its title ("the preface"), and the document it is in;
// numbered is whether its numbers gave it; ok is false where it names
// none or several.
func (ix *Index) partNamed(name string) (doc int, secs map[int]bool, numbered, ok bool) {
	refs, rest := sectionRefs(name)
	if len(refs) == 0 {
		doc, secs, ok = titledSections(ix.corpus.Documents, name)
		return doc, secs, false, ok
	}
	if strings.Trim(rest, " ,.") != "" {
		return 0, nil, false, false
	}
	within := ix.sectionsReferred(refs)
	if len(within) != 1 {
		return 0, nil, false, false
	}
	for i, d := range ix.corpus.Documents {
		if within[d] != nil {
			return i, within[d], true, true
		}
	}
	return 0, nil, false, false
}

// signature reports whether a line signs a part as a name does: words in
// capitals, two at least or an initial among them ("A. I. RYKOV.", "F.
// ENGELS.", "ULIANOV (LENIN)."), names joined by "and" or "with"
// ("MADISON, with HAMILTON"); or the writer's initials before a place
// and date ("J. R. New York, January 1st 1919."). Not a notice ("TO THE
// ATTENTION OF ALL CITIZENS.", "REMEMBER, THERE WILL BE NO OTHER
// WARNING"), "THE END.", a place alone ("BRIGHTON.") or a year in Roman
// numerals ("MDCCLXXVI").
func signature(text string) bool {
	words, initial := 0, false
	for _, w := range strings.Fields(text) {
		if joiner := strings.ToLower(w); joiner == "and" || joiner == "with" || joiner == "&" {
			continue
		}
		letters := strings.Trim(w, ",;:().")
		if !capitalsOnly(letters) {
			return initial // the place and date after the initials, or no name
		}
		short := utf8.RuneCountInString(letters) <= 2
		if short && strings.Contains(w, ".") {
			words, initial = words+1, true
			continue
		}
		if short || titleSmallWords[strings.ToLower(letters)] || romanValue(strings.ToLower(letters)) > 0 {
			return false
		}
		words++
	}
	return words >= 2 || initial
}

// capitalsOnly reports whether word is letters in capitals, an
// apostrophe or a hyphen among them: "O'BRIEN", "SALTYKOV-SHCHEDRIN".
func capitalsOnly(word string) bool {
	if word == "" {
		return false
	}
	for _, r := range word {
		if !unicode.IsUpper(r) && r != '\'' && r != '-' && r != '’' {
			return false
		}
	}
	return true
}

// byline reports whether a line over a part's text names its author:
// "By Jane Addams", or names in capitals ("MADISON, with HAMILTON").
func byline(text string) bool {
	words := strings.Fields(text)
	if len(words) > 1 && words[0] == "By" {
		return true
	}
	upper := false
	for _, w := range words {
		w = strings.Trim(w, ".,:;")
		if titleSmallWords[w] {
			continue
		}
		for _, r := range w {
			if unicode.IsLower(r) || unicode.IsDigit(r) {
				return false
			}
			upper = upper || unicode.IsUpper(r)
		}
	}
	return upper
}
