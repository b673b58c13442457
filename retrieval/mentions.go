package retrieval

import (
	"context"
	"regexp"
	"strings"
)

// mentionAsked asks where words first or last stand in the text, as a
// reading group asks when a character comes in: "Where is Kornilov first
// mentioned?", "When does Kerensky first appear?", "Where is Lenin
// mentioned for the last time?", "the first mention of Kornilov". The
// answer is the first (or last) sentence holding them, in the text's
// order, not the one that says most about them. "When did the plague
// first appear?" asks of history, not of the text.
var mentionAsked = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`(?:where|when)\s+(?:is|are|was|were)\s+(?P<term>.{1,60}?)\s+(?P<which>first|last)\s+(?:mentioned|named|referred to)`,
	`(?:where|when)\s+(?:does|do)\s+(?P<term>.{1,60}?)\s+(?P<which>first|last)\s+(?:appear|come in|come up|show up)`,
	`(?:where|when)\s+(?:is|are|was|were)\s+(?P<term>.{1,60}?)\s+mentioned\s+for\s+the\s+(?P<which>first|last)\s+time`,
	`(?:where\s+is\s+|what\s+is\s+)?(?:the\s+)?(?P<which>first|last)\s+(?:mention|appearance)\s+of\s+(?P<term>.{1,60}?)`,
}, "|") + `)\s*[?.!]*$`)

// leadingArticle is a determiner before the words asked about: "the
// Winter Palace" is mentioned as "Winter Palace" too.
var leadingArticle = regexp.MustCompile(`(?i)^(?:the|a|an)\s+`)

// readMention reads a question of where words first or last stand: the
// words, and whether it asks for the last.
func readMention(text string) (term string, last, ok bool) {
	m := mentionAsked.FindStringSubmatch(text)
	if m == nil {
		return "", false, false
	}
	for i, name := range mentionAsked.SubexpNames() {
		switch {
		case m[i] == "":
		case name == "term":
			term = leadingArticle.ReplaceAllString(m[i], "")
		case name == "which":
			last = strings.EqualFold(m[i], "last")
		}
	}
	return term, last, term != ""
}

// firstMention quotes the first sentence, in the text's order, that holds
// the words a question asks where they first stand (or the last, where it
// asks so), among the sentences f keeps. ok is false for any other
// question, and where no sentence holds them in that order.
func (ix *Index) firstMention(ctx context.Context, text string, f Filter) (Result, bool, error) {
	term, last, ok := readMention(text)
	if !ok {
		return Result{}, false, nil
	}
	q := ix.analyse(term)
	rarest := ix.rarestExact(&q)
	holds := ix.holdsWords(wordsOf(ix, term))
	n := min(len(rarest), phraseScan)
	for i := range n {
		if i%256 == 0 && ctx.Err() != nil {
			return Result{}, false, timeoutErr(ctx.Err())
		}
		g := rarest[i]
		if last {
			g = rarest[len(rarest)-1-i]
		}
		doc, s := ix.table.local(int(g))
		if f.keeps(ix.corpus.Documents[doc], s) && holds(doc, s) {
			r := ix.rank.result(doc, []int{s}, q.stems(ix.rank.lex), 0)
			r.Rank = 1
			return r, true, nil
		}
	}
	return Result{}, false, nil
}
