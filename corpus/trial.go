package corpus

import (
	"regexp"
	"strings"
)

// Trial records, debates and hearings give speakers in more ways than a
// label before each turn:
//
//	BEVERLY W. JONES, a witness, … testified as follows:
//	_Examined_ by Mr. Crowley:
//	Q. Where do you reside?          (the examiner's question)
//	A. 8th ward, Rochester.          (the witness's answer)
//	MR. CROWLEY opened the case as follows:   (his speech follows)
//
// testimony gives questions and answers their speakers, and opening
// lines the speech after them; both are headings of the record's parts.

var (
	// testimonyLabel opens a question or an answer in testimony.
	// "Q. Where…", "A: In the eighth ward", "Q--Your name?", "A—Walter White."
	// A full stop is followed by a space: "A.D. 1872" opens no answer.
	testimonyLabel = regexp.MustCompile(`^(Q|A|Ques|Ans|Question|Answer)(?:\.\s|:|\s*--|\s*—)\s*\S`)
	// witnessLine introduces a witness: "JOHN E. POUND, a witness sworn
	// …", "SUSAN B. ANTHONY, called as a witness …", "WILLIAM F.
	// MORRISON recalled.".
	witnessLine = regexp.MustCompile(`^([A-Z][A-Z.' -]+?[A-Z.])(?:,\s+(?:a\s+|being\s+|having\s+|called|recalled|sworn|duly|the\s+)|\s+(?:recalled|sworn|called|was\s+called)\b)`)
	// examinerLine names who asks: "_Examined_ by Mr. Crowley:",
	// "_Cross-examination by_ MR. VAN VOORHEES:", "By JUDGE SELDEN:".
	examinerLine = regexp.MustCompile(`^(?i:(?:(?:direct|cross|re-?direct|re-?cross|re)[- ]?)?(?:examined|examination)\s+)?(?i:by)\s+((?:` + speakerTitle + `\.?\s+)?[A-Z][\p{L}.' -]*?)[.:]?$`)
	// openerLine says whose speech follows: "MR. CROWLEY opened the case
	// as follows:", "THE COURT addressed the jury as follows:".
	openerLine = regexp.MustCompile(`^((?:` + speakerTitle + `\.?\s+)?[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}|(?:` + speakerTitle + `\.?\s+)[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+){0,2})\s+((?:opened|addressed|replied|resumed|spoke|argued|summed|read|said|delivered|continued)\b.*?)(?:,\s*)?\s+as\s+follows:?$`)
)

// minTestimony is how many questions and as many answers make testimony.
const minTestimony = 5

// splitTestimony makes each question and answer of testimony a block of
// its own where a record sets them on consecutive lines ("Q. Where did
// you teach?" / "A. At the high school."), when minTestimony lines or
// more open with each.
func (p *parser) splitTestimony(blocks []*block) []*block {
	qa := map[byte]int{}
	for _, b := range blocks {
		for _, i := range b.lines {
			if testimonyLabel.MatchString(p.text[i]) {
				qa[p.text[i][0]]++
			}
		}
	}
	if qa['Q'] < minTestimony || qa['A'] < minTestimony {
		return blocks
	}
	return p.splitAt(blocks, testimonyLabel.MatchString)
}

// testimony marks the questions and answers of a record with their
// speakers, and the lines that introduce witnesses, examiners and
// speeches as headings of the parts they open. It does nothing to a text
// without testimony or speaker labels.
func (p *parser) testimony(blocks []*block, labelled bool) {
	qa := map[string]int{}
	for _, b := range blocks {
		if m := testimonyLabel.FindStringSubmatch(p.text[b.first()]); m != nil {
			qa[m[1][:1]]++
		}
	}
	asked := qa["Q"] >= minTestimony && qa["A"] >= minTestimony
	if !asked && !labelled {
		return
	}
	witness, examiner := "the witness", "counsel"
	for _, b := range blocks {
		if b.role != roleBody || b.speaker != "" {
			continue
		}
		t := p.textOf(b)
		first := p.text[b.first()]
		switch {
		case asked && testimonyLabel.MatchString(first):
			b.speaker, b.skip = examiner, len(testimonyLabel.FindString(first))-1 // up to the text's first character
			if first[0] == 'A' {
				b.speaker = witness
			}
		case asked && witnessLine.MatchString(t) && (strings.Contains(strings.ToLower(t), "witness") || strings.HasSuffix(strings.TrimSpace(t), "recalled.")):
			witness = displayName(strings.TrimRight(witnessLine.FindStringSubmatch(t)[1], ",. "))
			p.partHeading(b, "Testimony of "+witness)
		case asked && examinerLine.MatchString(stripEmphasis(t)) && len(b.lines) == 1:
			examiner = displayName(examinerLine.FindStringSubmatch(stripEmphasis(t))[1])
			b.role = roleDivider
		case openerLine.MatchString(t):
			m := openerLine.FindStringSubmatch(t)
			p.partHeading(b, displayName(m[1])+" "+strings.TrimRight(m[2], ", "))
			b.opens = displayName(m[1])
		}
	}
}

// partHeading makes a block the heading of a part of a record, a chapter
// of it: it ends the part before, whatever that was titled.
func (p *parser) partHeading(b *block, title string) {
	b.role, b.head = roleHeading, &heading{style: styleNamed, rank: 2, title: title}
}
