package corpus

// PassageWords is the length passages aim for. Bleve's BM25 normalises
// document length strongly, so passages are kept close to this size.
const PassageWords = 70

// buildPassages cuts each section's sentences into windows of about
// PassageWords words that overlap by one sentence.
func (p *parser) buildPassages() {
	p.wordCounts = make([]int, len(p.doc.sentences))
	for i, s := range p.doc.sentences {
		p.wordCounts[i] = WordCount(s.Text)
	}
	for si, sec := range p.doc.Sections {
		// An interviewer's question and the answer make separate passages.
		for first := sec.FirstSentence; first < sec.EndSentence; {
			end := first + 1
			for end < sec.EndSentence && p.doc.sentences[end].Question == p.doc.sentences[first].Question {
				end++
			}
			p.windows(si, first, end)
			first = end
		}
	}
}

// windows cuts sentences first to end-1 of section si into passages.
func (p *parser) windows(si, first, end int) {
	var windows [][2]int
	for start := first; start < end; {
		stop, words := start, 0
		for stop < end && (words < PassageWords || stop == start) {
			words += p.wordCounts[stop]
			stop++
		}
		windows = append(windows, [2]int{start, stop})
		if stop >= end {
			break
		}
		if stop-1 > start {
			start = stop - 1
		} else {
			start = stop
		}
	}
	// Fold a short tail into the window before it.
	if n := len(windows); n >= 2 && p.words(windows[n-1]) < PassageWords/2 {
		windows[n-2][1] = windows[n-1][1]
		windows = windows[:n-1]
	}
	for _, w := range windows {
		p.addPassage(si, w[0], w[1])
	}
}

func (p *parser) words(w [2]int) int {
	n := 0
	for _, c := range p.wordCounts[w[0]:w[1]] {
		n += c
	}
	return n
}

func (p *parser) addPassage(sec, first, end int) {
	sents := p.doc.sentences[first:end]
	p.doc.Passages = append(p.doc.Passages, Passage{
		Index:         len(p.doc.Passages),
		Section:       sec,
		FirstSentence: first,
		EndSentence:   end,
		Lines:         Span{Start: sents[0].Lines.Start, End: sents[len(sents)-1].Lines.End},
		Page:          sents[0].Page,
	})
}
