package corpus

import (
	"regexp"
	"strconv"
)

// A catechism, or any text of numbered questions each followed by its
// answer ("Q. 1. What is the chief end of man?" / "A. Man's chief end is
// to glorify God…"), reads as a list of questions: each question heads
// the section its answer makes, as a FAQ's headings do. Testimony's
// questions are not numbered, and stay turns (trial.go).

var (
	// numberedQuestion opens a numbered question: "Q. 1.", "Question 12:",
	// "Q 3".
	numberedQuestion = regexp.MustCompile(`^\s*(?:Q|Ques|Quest|Question|QUESTION)\.?\s*(\d{1,4})[.:]?\s+(\S.*)$`)
	// answerLabel opens its answer: "A.", "Ans.", "Answer:".
	answerLabel = regexp.MustCompile(`^\s*(?:A|Ans|Answer|ANSWER)[.:]\s*`)
)

// minCatechism is how many numbered questions, each answered, make a
// catechism.
const minCatechism = 3

// catechism makes each numbered question of the blocks a heading and its
// answer the text under it, when the text is a catechism: minCatechism
// questions or more, numbered one after another, each followed by its
// answer. It returns the blocks, questions and answers split apart, and
// whether the text is one.
func (p *parser) catechism(blocks []*block) ([]*block, bool) {
	split := p.splitAt(blocks, func(line string) bool { return numberedQuestion.MatchString(line) || answerLabel.MatchString(line) })
	var asked []int // the blocks that ask, each followed by its answer
	last := 0
	for k, b := range split {
		m := numberedQuestion.FindStringSubmatch(p.text[b.first()])
		if m == nil || k+1 == len(split) || !answerLabel.MatchString(p.text[split[k+1].first()]) {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if n <= last {
			return blocks, false // not counting up: numbered lines of another kind
		}
		last = n
		asked = append(asked, k)
	}
	if len(asked) < minCatechism {
		return blocks, false
	}
	for _, k := range asked {
		q, a := split[k], split[k+1]
		m := numberedQuestion.FindStringSubmatch(p.textOf(q))
		q.role, q.head = roleHeading, &heading{style: styleNamed, rank: 2, title: "Question " + m[1] + ": " + m[2]}
		a.skip = len(answerLabel.FindString(p.text[a.first()]))
	}
	return split, true
}

// splitAt cuts the body blocks where a line opens that opens says opens
// a block of its own (a question, an answer), into new blocks: those
// given are left as they are.
func (p *parser) splitAt(blocks []*block, opens func(line string) bool) []*block {
	var out []*block
	for _, b := range blocks {
		if b.role != roleBody || b.code {
			out = append(out, b) // a heading, or code, as the document has it
			continue
		}
		cuts := []int{0}
		for k := 1; k < len(b.lines); k++ {
			if opens(p.text[b.lines[k]]) {
				cuts = append(cuts, k)
			}
		}
		if len(cuts) == 1 {
			out = append(out, b)
			continue
		}
		cuts = append(cuts, len(b.lines))
		first := *b // the first part keeps the block's label; b stays whole
		first.lines = b.lines[:cuts[1]]
		out = append(out, &first)
		for c := 1; c+1 < len(cuts); c++ {
			out = append(out, &block{lines: b.lines[cuts[c]:cuts[c+1]], speaker: b.speaker})
		}
	}
	return out
}
