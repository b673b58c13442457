package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speakerLabel matches a line that opens a speaker's turn: "NP: …",
// "Suzi Weissman: …", "Dan La Botz for New Politics: …".
var speakerLabel = regexp.MustCompile(`^([A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|for|of|de|la|van|von|and)){0,6}):\s+\S`)

// labelLine matches a line that holds only a speaker's label, the turn's
// text on the lines under it, as transcription services write them:
// "Ana Ruiz  0:44" (Otter), "Speaker 1 (00:03):" (Rev), "Ana Ruiz:".
// timedLabel is such a label with its time, which alone says so outside
// an interview ("By MR. CROWLEY:" over a trial's questions is not one).
var (
	labelLine  = regexp.MustCompile(`^(` + labelName + `)(?:\s*:|\s+` + labelTime + `)\s*$`)
	timedLabel = regexp.MustCompile(`^(` + labelName + `)\s+` + labelTime + `\s*$`)
)

// labelName and labelTime are the parts of a label alone on its line: a
// name of up to five capitalised words or numbers, and a time.
const (
	labelName = `[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|\d{1,2})){0,4}`
	labelTime = `[(\[]?(?:\d{1,2}:)?\d{1,2}:\d{2}[)\]]?:?`
)

type turn struct {
	line  int // 0-based
	label string
	skip  int // bytes of label and colon to drop from the line
}

func (p *parser) findTurns(lo, hi int) []turn {
	var turns []turn
	for i := lo; i < hi; i++ {
		stamp := len(leadingTime.FindString(p.raw[i])) // "[00:00:14] OKAFOR: …"
		l := p.raw[i][stamp:]
		if l == "" || l[0] < 'A' || l[0] > 'Z' || !strings.Contains(l[:min(len(l), 42)], ":") {
			continue
		}
		if m := labelLine.FindStringSubmatch(l); m != nil && len(m[1]) <= 40 {
			turns = append(turns, turn{line: i, label: m[1], skip: len(p.raw[i])})
			continue
		}
		m := speakerLabel.FindStringSubmatchIndex(l)
		if m == nil || m[3] > 40 {
			continue
		}
		skip := m[3] + 1
		for skip < len(l) && l[skip] == ' ' {
			skip++
		}
		turns = append(turns, turn{line: i, label: l[m[2]:m[3]], skip: stamp + skip})
	}
	canonicalize(turns)
	return turns
}

// canonicalize replaces an abbreviated label ("SW") by the earlier full
// label whose initials end with it ("Suzi Weissman").
func canonicalize(turns []turn) {
	var full []string
	for k, t := range turns {
		if len(t.label) > 4 || strings.ToUpper(t.label) != t.label {
			full = append(full, t.label)
			continue
		}
		for _, f := range full {
			if strings.HasSuffix(initials(f), t.label) {
				turns[k].label = f
				break
			}
		}
	}
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isDialogue reports whether the turns look like an interview: at least two
// questions and answers, alternating speakers, the first speaker asking.
func isDialogue(turns []turn) bool {
	if len(turns) < 4 {
		return false
	}
	asks, changes := 0, 0
	for k, t := range turns {
		if t.label == turns[0].label {
			asks++
		}
		if k > 0 && t.label != turns[k-1].label {
			changes++
		}
	}
	return asks >= 2 && changes*10 >= (len(turns)-1)*7
}

// isInterview reports whether the turns are an interview: a dialogue of
// two speakers in which the first asks (most of the first speaker's turns
// hold a question) and the other answers at length. A dialogue of
// philosophers, where the questioner speaks at length, is not one.
func (p *parser) isInterview(turns []turn, hi int) bool {
	if !isDialogue(turns) {
		return false
	}
	asker := turns[0].label
	names := map[string]bool{}
	asks, questions, askLen, answers, answerLen := 0, 0, 0, 0, 0
	for k, t := range turns {
		names[t.label] = true
		n := 0
		question := false
		for i := t.line; i < turnEnd(turns, k, hi); i++ {
			n += len(p.text[i])
			question = question || strings.Contains(p.text[i], "?")
		}
		if t.label == asker {
			asks++
			askLen += n
			if question {
				questions++
			}
		} else {
			answers++
			answerLen += n
		}
	}
	return len(names) == 2 && answers > 0 && questions*10 >= asks*6 && answerLen*asks >= 2*askLen*answers
}

func (p *parser) parseDialogue(lo, hi int, turns []turn) {
	bodyStart := turns[0].line
	pageBreaks := p.paginate(lo, hi, bodyStart)
	p.frontMatter(lo, bodyStart)
	asker := turns[0].label
	for k := 0; k < len(turns); {
		q := turns[k]
		end := k + 1
		for end < len(turns) && turns[end].label != asker {
			end++
		}
		sec := len(p.doc.Sections)
		qLines := slices.Concat(p.turnLines(q, turnEnd(turns, k, hi))...)
		qf := join(qLines)
		heading := qf.text
		title := heading
		for _, b := range sentenceBounds(qf.text) {
			if t := qf.text[b[0]:b[1]]; strings.Contains(t, "?") {
				title = t
			}
		}
		var speakers []string
		for _, a := range turns[k:end] {
			if name := personOf(a.label); name != "" && !slices.Contains(speakers, name) {
				speakers = append(speakers, name)
			}
		}
		p.doc.Sections = append(p.doc.Sections, Section{
			Number:        sec + p.numberOffset(),
			Title:         title,
			Heading:       heading,
			Speakers:      speakers,
			Lines:         Span{Start: q.line + 1},
			FirstSentence: len(p.doc.sentences),
		})
		// The question is quotable too, marked as the interviewer's.
		first := len(p.doc.sentences)
		p.addBlock(sec, qLines, personOf(asker))
		for i := first; i < len(p.doc.sentences); i++ {
			p.doc.sentences[i].Question = true
		}
		for a := k + 1; a < end; a++ {
			groups := p.turnLines(turns[a], turnEnd(turns, a, hi))
			if pageBreaks {
				groups = [][]srcLine{slices.Concat(groups...)}
			}
			for _, g := range groups {
				p.addBlock(sec, g, personOf(turns[a].label))
			}
		}
		p.finishSection(sec, q.line+1)
		k = end
	}
}

// numberOffset makes section numbers start at 1 after a front-matter
// section numbered 0.
func (p *parser) numberOffset() int {
	if len(p.doc.Sections) > 0 && p.doc.Sections[0].Number == 0 {
		return 0
	}
	return 1
}

// personOf is who a turn's label names: "Q" and "A" are roles, not
// names, and credit no one.
func personOf(label string) string {
	if utf8.RuneCountInString(label) == 1 {
		return ""
	}
	return label
}

func turnEnd(turns []turn, k, hi int) int {
	if k+1 < len(turns) {
		return turns[k+1].line
	}
	return hi
}

// turnLines returns the non-blank lines of a turn, its label removed,
// grouped into runs separated by blank lines.
func (p *parser) turnLines(t turn, end int) [][]srcLine {
	var out [][]srcLine
	var cur []srcLine
	for i := t.line; i < end; i++ {
		if p.blank(i) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		skip := 0
		if i == t.line {
			skip = t.skip
		}
		if l := p.line(i, skip); strings.TrimSpace(l.text) != "" {
			cur = append(cur, l) // not a label alone on its line
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// frontMatter makes section 0 of the text before the first section: an
// epigraph when it is a few lines ending in an attribution, otherwise
// plain paragraphs.
func (p *parser) frontMatter(lo, hi int) {
	var blocks [][]int
	for _, b := range p.splitBlocks(lo, hi, blockRules{}) {
		blocks = append(blocks, b.lines)
	}
	if len(blocks) == 0 {
		return
	}
	p.doc.Sections = append(p.doc.Sections, Section{Number: 0, Title: "Front matter", Lines: Span{Start: blocks[0][0] + 1}})
	if len(blocks) == 1 && len(blocks[0]) >= 2 && len(blocks[0]) <= 6 {
		b := blocks[0]
		last := strings.TrimSpace(p.raw[b[len(b)-1]])
		if !endsSentence(last) {
			quote := p.srcLines(b[:len(b)-1])
			text := join(quote).text
			p.doc.Epigraph = &Epigraph{Text: text, Attribution: last, Lines: Span{Start: b[0] + 1, End: b[len(b)-1] + 1}}
			s := &p.doc.Sections[0]
			s.Title = "Epigraph"
			s.Heading = text + " — " + last
			s.FirstSentence = len(p.doc.sentences)
			first := len(p.doc.Quotations)
			p.addBlock(0, quote, "")
			speaker, _, _ := strings.Cut(last, ",")
			for q := first; q < len(p.doc.Quotations); q++ {
				p.doc.Quotations[q].Speaker = strings.TrimSpace(speaker)
			}
			s.Lines.End = b[len(b)-1] + 1
			p.finishSection(0, b[0]+1)
			return
		}
	}
	p.doc.Sections[0].FirstSentence = len(p.doc.sentences)
	for _, b := range blocks {
		p.addBlock(0, p.srcLines(b), "")
	}
	p.finishSection(0, blocks[0][0]+1)
}
