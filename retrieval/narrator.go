package retrieval

import (
	"regexp"
	"slices"

	"github.com/lectern-bot/lectern/corpus"
)

// narratorAsked asks who tells a story: "Who is the narrator?", "Who
// narrates the novel?", "Who is telling the story in Huckleberry Finn?".
// A story told in the first person answers where its narrator first
// speaks of themself, as a reader shows it: "There were four of us—
// George, and William Samuel Harris, and myself, and Montmorency."
var narratorAsked = regexp.MustCompile(`(?i)^\W*(?:who(?:'s|’s|\s+is|\s+was)\s+the\s+(?:narrator|storyteller)|who\s+(?:narrates|tells)\s+(?:the|this)\s+(?:story|book|novel|tale)|who\s+is\s+(?:telling|narrating)\s+(?:the|this)\s+(?:story|book|novel|tale))(?:\s+(?:of|in)\s+(.{1,80}?))?\s*[?.!]*$`)

// firstPersonWord is a word by which a narrator speaks of themself:
// "I", not "we", which may be an author's or mankind's ("minds that are
// to our minds…").
var firstPersonWord = regexp.MustCompile(`\b(?:I|me|my|myself)\b`)

// narratorScan is how many sentences of its opening a story is looked
// through for its narrator's first word of themself: one told in the
// third person may quote a letter's "I" much later.
const narratorScan = 40

// narratorSentence finds where the one text a question asking who tells
// it names first speaks of its narrator in the first person, outside
// quotation marks, among the first narratorScan sentences of its first
// chapter (of its first numbered section, in a text without chapters:
// a preface's "I" is its author's). ok is false for any other question
// and for a story told in the third person.
func (ix *Index) narratorSentence(text string) (doc, sent int, ok bool) {
	m := narratorAsked.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, false
	}
	d := ix.documentNamed(m[1])
	if d == nil {
		return 0, 0, false
	}
	from, ok := storyOpening(d)
	if !ok {
		return 0, 0, false
	}
	quoting, para := false, -1
	for at := from; at < min(d.SentenceCount(), from+narratorScan); at++ {
		s := d.Sentence(at)
		if s.Paragraph != para {
			quoting, para = false, s.Paragraph
		}
		var own string
		own, quoting = narration(s.Text, quoting)
		own = bareNumber.ReplaceAllString(own, "") // "I. That she was legally entitled to vote." numbers a point
		if s.Speaker == "" && !synopsis.MatchString(s.Text) && firstPersonWord.MatchString(own) {
			return slices.Index(ix.corpus.Documents, d), at, true
		}
	}
	return 0, 0, false
}

// narration is text without what it quotes someone as saying, which is
// no narrator's own word, and whether a quotation is still open at its
// end; quoting is whether one was open at its start (a speech of several
// sentences: "“Well, Prince… But I warn you…”").
func narration(text string, quoting bool) (string, bool) {
	var own []rune
	for _, r := range text {
		switch {
		case r == '“' || r == '"' && !quoting:
			quoting = true
		case r == '”' || r == '"' && quoting:
			quoting = false
		case !quoting:
			own = append(own, r)
		}
	}
	return string(own), quoting
}

// storyOpening is the first sentence of d's first chapter, or of its
// first numbered section where no heading names a chapter.
func storyOpening(d *corpus.Document) (int, bool) {
	keys := partKeys(d, "chapter")
	chaptered := slices.ContainsFunc(keys, func(k string) bool { return k != "" })
	for i, s := range d.Sections {
		if s.Number > 0 && s.FirstSentence < s.EndSentence && (keys[i] != "" || !chaptered) {
			return s.FirstSentence, true
		}
	}
	return 0, false
}
