package retrieval

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// Lines of matter stand around a part's text without being of it: a
// paper's newspaper, date and author over it, a letter's greeting, a
// preface's place and date or a translation's "Edward Dacre, 1640." under
// it, a paper's signature and numbered notes after it. Where a part opens
// or ends is looked up past them.

// pastMatter is the first sentence, from at, past the lines that stand
// before a part's text without being of it: a paper's newspaper and date
// ("From the Daily Advertiser. Thursday, November 22, 1787."), its
// author ("MADISON"), a letter's place and date or its greeting ("To the
// People of the State of New York:", "Dear Sir,"). Each is a paragraph
// of a few words, every one a name, a number or a title's small word.
// Where nothing else follows before end, at.
func pastMatter(d *corpus.Document, at, end int) int {
	for i := at; i < end; {
		para := d.Sentence(i).Paragraph
		j := i
		for j < end && d.Sentence(j).Paragraph == para {
			j++
		}
		if !matter(d, i, j) {
			return i
		}
		i = j
	}
	return at
}

// matter reports whether sentences from to to, a paragraph, are a line of
// matter around a part's text: a few words, every one a name, a number or
// a title's small word, no synopsis, and no speaker's (a dialogue's
// "Agreed.").
func matter(d *corpus.Document, from, to int) bool {
	var words []string
	for at := from; at < to; at++ {
		s := d.Sentence(at)
		if s.Speaker != "" {
			return false
		}
		words = append(words, strings.Fields(s.Text)...)
	}
	return len(words) <= matterWords && namesOnly(words) && !synopsis.MatchString(strings.Join(words, " "))
}

// beforeMatter is where the text of sentences first to end stops, before
// the lines of matter that close it as pastMatter's open a part: a
// preface's "J. R. New York, January 1st 1919.", a translation's
// "Edward Dacre, 1640.". Where nothing else comes before, end.
func beforeMatter(d *corpus.Document, first, end int) int {
	stop := end
	for stop > first {
		start := paragraphStart(d, first, stop)
		if !matter(d, start, stop) {
			return stop
		}
		stop = start
	}
	return end
}

// paragraphStart is the first sentence, not before first, of the
// paragraph that sentence stop-1 ends.
func paragraphStart(d *corpus.Document, first, stop int) int {
	start := stop - 1
	for start > first && d.Sentence(start-1).Paragraph == d.Sentence(stop-1).Paragraph {
		start--
	}
	return start
}

// matterWords is the most words a line of matter over a part's text has.
const matterWords = 10

// namesOnly reports whether every one of words is a name, a number or one
// of the small words a title leaves in lower case.
func namesOnly(words []string) bool {
	named := false
	for _, w := range words {
		w = strings.Trim(w, ".,:;!?\"'“”‘’()[]—-")
		if w == "" || titleSmallWords[w] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		named = true
	}
	return named
}

// titleSmallWords are the words a title leaves in lower case.
var titleSmallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "to": true, "for": true, "from": true, "in": true, "on": true, "at": true, "by": true, "with": true}

// reference is a paragraph of a list of works cited by author and date
// ("Goodfellow, Ian, Yoshua Bengio, and Aaron Courville. 2016. Deep
// Learning. MIT Press.", "Murphy, K. (2012). Machine learning."), as a
// blog or paper sets them after its last words.
var reference = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[^.]{0,160}\.\s+\(?(?:1[5-9]|20)\d\d[a-z]?\)?\.\s`)

// beforeReferences is where the text of sentences first to end stops:
// before the works cited by author and date that end it, where they do;
// else end.
func beforeReferences(d *corpus.Document, first, end int) int {
	stop := end
	for stop > first {
		start := paragraphStart(d, first, stop)
		var text strings.Builder
		for i := start; i < stop; i++ {
			text.WriteString(d.Sentence(i).Text + " ")
		}
		if !reference.MatchString(text.String()) {
			return stop
		}
		stop = start
	}
	return end
}

// beforeNotes is where the text of sentences first to end stops: before
// the signature a paper's numbered notes follow ("PUBLIUS", then "1.
// Entitled …", "3. Hume's Essays, Vol. I, p. 128"), where it has them;
// else end.
func beforeNotes(d *corpus.Document, first, end int) int {
	end = beforeMarkedNotes(d, first, end)
	notes := false
	for at := end - 1; at >= first; at-- {
		if at > first && d.Sentence(at-1).Paragraph == d.Sentence(at).Paragraph {
			continue // not the paragraph's first sentence
		}
		text := strings.TrimSpace(d.Sentence(at).Text)
		switch {
		case numberedNote.MatchString(text):
			notes = true
		case notes && byline(text):
			return at
		default:
			return end
		}
	}
	return end
}

// beforeMarkedNotes is where the text of sentences first to end stops:
// before the notes a plain text sets after it, each a paragraph opening
// with its marker's label ("[6] I have described this Bar in detail…"
// after "…the Bar.[6]", in the same chapter), which the parser reads as
// a marker of the same number on the note's first line; else end.
func beforeMarkedNotes(d *corpus.Document, first, end int) int {
	if first >= end || len(d.Footnotes) == 0 {
		return end
	}
	lo, hi := chapterStart(d, d.Sentence(first).Section), d.Sentence(end-1).Lines.End
	firstMarked := map[int]int{} // each number's first line in the part
	marked := map[int][]int{}    // the numbers marked on each line
	for _, f := range d.Footnotes {
		if f.Line < lo || f.Line > hi {
			continue
		}
		if _, ok := firstMarked[f.Number]; !ok {
			firstMarked[f.Number] = f.Line
		}
		marked[f.Line] = append(marked[f.Line], f.Number)
	}
	stop := end
	for stop > first {
		start := paragraphStart(d, first, stop)
		line := d.Sentence(start).Lines.Start
		if !slices.ContainsFunc(marked[line], func(n int) bool { return firstMarked[n] < line }) {
			return stop
		}
		stop = start
	}
	return end // notes alone: no text to end before
}

// chapterStart is the first line of the part above section sec, the
// first section whose title opens as sec's does ("CHAPTER I: ST. JAGO"
// for "CHAPTER I: ST. JAGO · March 18"): a chapter's notes follow its
// last dated section, their markers in its first.
func chapterStart(d *corpus.Document, sec int) int {
	top, _, _ := strings.Cut(d.Sections[sec].Title, " · ")
	for sec > 0 {
		above, _, _ := strings.Cut(d.Sections[sec-1].Title, " · ")
		if above != top {
			break
		}
		sec--
	}
	return d.Sections[sec].Lines.Start
}

// numberedNote opens a numbered paragraph: "3. Hume's Essays".
var numberedNote = regexp.MustCompile(`^\d{1,3}\.\s`)
