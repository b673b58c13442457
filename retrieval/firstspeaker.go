package retrieval

import (
	"cmp"
	"regexp"
	"strings"
)

// A reading group asks who speaks first or last in a play, a dialogue or
// one of their parts ("Who speaks first in Act 3, scene 1?"). No line
// says so; the answer is the first or last speech there, whose citation
// names its speaker.

// whoSpeaks asks who speaks first or last in the text or a part of it:
// "Who speaks first?", "Who has the last line of Act 1?", "Who speaks
// the final words in the play?".
var whoSpeaks = regexp.MustCompile(`(?i)^who\s+(?:speaks|talks|has|says|gets|delivers)\s+(?:the\s+)?(first|last|final|opening|closing)(?:\s+(?:line|lines|words?|speech))?(?:\s+(?:in|of)\s+(.{1,60}?))?\s*\??$`)

// speakerSentence finds the first or last spoken sentence of the text or
// part a question asking who speaks first or last names: within the
// section where that text or part opens or ends (endSentence), the first
// sentence from its opening that has a speaker, or the last to its
// ending. ok is false where the question asks no such thing, names no
// text or part, or no one speaks there.
func (ix *Index) speakerSentence(text string) (doc, sent int, ok bool) {
	m := whoSpeaks.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, false
	}
	which := strings.ToLower(m[1])
	te := textEnd{last: which == "last" || which == "final" || which == "closing", of: cmp.Or(m[2], "it")}
	doc, at, ok := ix.endSentence(te)
	if !ok {
		return 0, 0, false
	}
	d := ix.corpus.Documents[doc]
	sec := d.Sections[d.Sentence(at).Section]
	step := 1
	if te.last {
		step = -1
	}
	for ; at >= sec.FirstSentence && at < sec.EndSentence; at += step {
		if s := d.Sentence(at); s.Speaker != "" && prose(s) {
			return doc, at, true
		}
	}
	return 0, 0, false
}
