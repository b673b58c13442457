package retrieval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
)

// lengthAsked asks how long a text is: "How long is the book?", "How
// many pages does it have?", "How many words are in War and Peace?",
// "What is the length of the novel?" (read without the text it names as
// a whole: "How many words are?"). The text it names is the one answered
// of (measuredDocuments): "How long is the bridge?" names none.
var lengthAsked = regexp.MustCompile(`(?i)^\W*(?:how\s+long\s+is\s+(.{1,80}?)|what(?:'s|’s|\s+is)\s+the\s+length\s+of\s+(.{1,80}?)|how\s+many\s+(?:pages|words)\s+(?:are(?:\s+there)?(?:\s+in\s+(.{1,80}?))?|(?:does|do)\s+(.{1,80}?)\s+have))\s*[?.!]*$`)

// lengthNamed is the text a question asking how long it is names: "" for
// the whole text ("How many pages are there?"); ok is false for any
// other question.
func lengthNamed(text string) (named string, ok bool) {
	m := lengthAsked.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return strings.Join(m[1:], ""), true
}

// measuredDocuments are the documents a question asking how long a text
// is names: every one where it names none or names it as "the book" or
// "it", else the one titled so; nil where none is. A word naming what a
// text is of names none here: "How long is the voyage?" of The Voyage of
// the Beagle asks how long the voyage took.
func (ix *Index) measuredDocuments(named string) []*corpus.Document {
	if named == "" || wholeTextNamed.MatchString(named) {
		return ix.corpus.Documents
	}
	if d, n := titleMatches(ix.corpus.Documents, named); n == 1 {
		return []*corpus.Document{d}
	}
	return nil
}

// lengthNote says how long docs are: each one's words, its pages where
// it has them and its chapters where its headings number them ("“Three
// Men in a Boat” is 66,531 words long, on 123 pages, in 19 chapters by
// its headings."), or, of several, their words in all and the first
// maxNotedAuthors' each.
func lengthNote(docs []*corpus.Document) string {
	if len(docs) == 1 {
		d := docs[0]
		note := fmt.Sprintf("“%s” is %s words long", docTitle(d), groupedDigits(textWords(d)))
		if d.Pages > 0 {
			note += fmt.Sprintf(", on %s pages", groupedDigits(d.Pages))
		}
		if n := partsWithin(d, "chapter", nil); n > 1 {
			note += fmt.Sprintf(", in %d chapters by its headings", n)
		}
		return note + "."
	}
	total := 0
	var each []string
	for i, d := range docs {
		n := textWords(d)
		total += n
		if i < maxNotedAuthors {
			each = append(each, fmt.Sprintf("“%s” %s", docTitle(d), groupedDigits(n)))
		}
	}
	note := fmt.Sprintf("The %d texts are %s words long in all: %s", len(docs), groupedDigits(total), strings.Join(each, "; "))
	if more := len(docs) - maxNotedAuthors; more > 0 {
		note += fmt.Sprintf("; and %d texts more", more)
	}
	return note + "."
}

// textWords counts the words of d's text, its title page and licence left
// out as its sentences leave them.
func textWords(d *corpus.Document) int {
	n := 0
	for _, s := range d.AllSentences() {
		n += corpus.WordCount(s.Text)
	}
	return n
}

// groupedDigits writes n with a comma between each three digits:
// "69,371".
func groupedDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
