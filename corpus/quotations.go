package corpus

import (
	"regexp"
	"strings"
)

// Who is quoted: "As Serge put it, “…", "Serge called this “…", "He said, “…",
// "described by Lenin as “…".
var (
	speakerBefore = regexp.MustCompile(`(?:^|[^\p{L}])((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:put it|said|says|wrote|writes|declared|replied|answered|remarked|added|cried|shouted|exclaimed|observed|noted|asked|called (?:this|it|them))[,:]?\s*$`)
	speakerAs     = regexp.MustCompile(`described by ([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2}) as\s*$`)
	speakerAfter  = regexp.MustCompile(`^[,.]?\s*((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2}|he|she|they)\s+(?:said|says|wrote|declared|replied|answered|remarked|added|cried|shouted|exclaimed|asked)\b`)
)

// notNames are capitalised words that start sentences but name nobody.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "In": true, "On": true, "At": true, "But": true, "And": true, "As": true, "So": true,
	"He": true, "She": true, "They": true, "We": true, "I": true, "You": true, "Then": true,
	"When": true, "While": true, "If": true, "Yet": true, "Most": true, "All": true, "Of": true,
}

// extractQuotations finds text in curly quotes in a flow and who said it.
func (p *parser) extractQuotations(f flow, sents []sentenceRange) {
	text := f.text
	for i := 0; i < len(text); {
		open := strings.Index(text[i:], "“")
		if open < 0 {
			return
		}
		open += i
		start := open + len("“")
		closeAt := strings.Index(text[start:], "”")
		if closeAt < 0 {
			return
		}
		end := start + closeAt
		i = end + len("”")
		q := strings.TrimSpace(text[start:end])
		if !hasLetter(q) {
			continue
		}
		sent := sentenceAt(sents, open)
		if sent < 0 {
			continue
		}
		p.doc.Quotations = append(p.doc.Quotations, Quotation{
			Text:     q,
			Lines:    f.span(open, i),
			Sentence: sent,
			Speaker:  p.speaker(text, sents, open, i),
		})
	}
}

func sentenceAt(sents []sentenceRange, off int) int {
	for _, s := range sents {
		if off >= s.start && off < s.end {
			return s.index
		}
	}
	return -1
}

// speaker names who is quoted by the quotation at text[open:close], or "".
func (p *parser) speaker(text string, sents []sentenceRange, open, close int) string {
	before := text[max(0, open-80):open]
	name := ""
	if m := speakerAs.FindStringSubmatch(before); m != nil {
		name = m[1]
	} else if m := speakerBefore.FindStringSubmatch(before); m != nil {
		name = m[1]
	} else if m := speakerAfter.FindStringSubmatch(text[close:min(len(text), close+60)]); m != nil {
		name = m[1]
	}
	name = strings.TrimPrefix(name, "As ")
	if name == "" || !isPronoun(name) {
		return name
	}
	// Resolve "He said" to the subject of the sentence before.
	sent := sentenceAt(sents, open)
	if sent <= 0 {
		return ""
	}
	prev := p.doc.Sentences[sent-1].Text
	first, _, _ := strings.Cut(prev, " ")
	first = strings.Trim(first, ",;:")
	if first != "" && first[0] >= 'A' && first[0] <= 'Z' && !notNames[first] {
		return first
	}
	return ""
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "they":
		return true
	}
	return false
}
