package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// speaker names who is quoted by the quotation at text[open:close], or "":
// "As Serge put it, “…", "Serge called this “…", "He said, “…",
// "described by Lenin as “…", "“…,” Lenin said".
func (p *parser) speaker(text string, sents []sentenceRange, open, close int) string {
	before := strings.TrimRight(text[max(0, open-80):open], " ,:")
	after := strings.TrimLeft(text[close:min(len(text), close+60)], " ,.")
	name := ""
	if rest, ok := strings.CutSuffix(before, " as"); ok {
		if i := strings.LastIndex(rest, "described by "); i >= 0 {
			name = capitalisedRun(words(rest[i+len("described by "):]), false)
		}
	}
	if name == "" {
		for _, v := range sayingWords {
			if rest, ok := strings.CutSuffix(before, " "+v); ok {
				name = capitalisedRun(words(rest), true)
				break
			}
		}
	}
	if name == "" {
		ws := words(after)
		for n := 1; n <= 3 && n < len(ws); n++ {
			if slices.Contains(sayingWords, strings.Trim(ws[n], ",.;:")) {
				name = capitalisedRun(ws[:n], true)
				break
			}
		}
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
	prev := p.doc.sentences[sent-1].Text
	first, _, _ := strings.Cut(prev, " ")
	first = strings.Trim(first, ",;:")
	if first != "" && first[0] >= 'A' && first[0] <= 'Z' && !notNames[first] {
		return first
	}
	return ""
}

// capitalisedRun returns the last one to three capitalised words of
// words, or a pronoun when pronouns is set and the last word is one.
func capitalisedRun(words []string, pronouns bool) string {
	if len(words) == 0 {
		return ""
	}
	last := words[len(words)-1]
	if pronouns && isPronoun(last) {
		return last
	}
	i := len(words)
	for i > 0 && len(words)-i < 3 {
		r, _ := utf8.DecodeRuneInString(words[i-1])
		if !unicode.IsUpper(r) || strings.ContainsAny(words[i-1], ".,;:!?“”\"") {
			break
		}
		i--
	}
	return strings.Join(words[i:], " ")
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "they":
		return true
	}
	return false
}

// sayingWords are the verbs that introduce a quotation.
var sayingWords = []string{"said", "says", "put it", "wrote", "writes", "declared", "replied", "answered", "remarked", "added", "cried", "shouted", "exclaimed", "observed", "noted", "asked", "called this", "called it", "called them"}

// words splits s at spaces and dashes.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '—' || r == '–' })
}
