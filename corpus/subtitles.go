package corpus

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Subtitles (SubRip .srt, WebVTT .vtt) are a talk's or a lecture's words
// in cues of a line or two, each with its number and its time. They are
// read as the text they are, cited by when they are spoken and by the
// file's lines (Document.Cues): the numbers, times and markup left out,
// the cues of one breath joined into paragraphs (a new one after a
// pause), so that a sentence spoken over three cues is one sentence. A WebVTT voice ("<v Ana Ruiz>") names the
// speaker.

// cueTiming matches a cue's timing line: "00:01:02,500 --> 00:01:04,000"
// (SubRip) or "01:02.500 --> 01:04.000 align:start" (WebVTT).
var cueTiming = regexp.MustCompile(`^\s*((?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})`)

// cueMarkup is markup inside a cue's text: tags (<i>, <c.yellow>,
// <00:01:02.000>) and SubRip's position codes ({\an8}).
var cueMarkup = regexp.MustCompile(`</?[a-zA-Z0-9.:_ -]*>|\{\\[^}]*\}`)

// cueVoice is a WebVTT voice tag: "<v Ana Ruiz>" or "<v.loud Ana>".
var cueVoice = regexp.MustCompile(`<v(?:\.[\w.]+)?\s+([^>]+)>`)

// subtitlePause is the silence, in seconds, that ends a paragraph.
const subtitlePause = 2.0

// isSubtitles reports whether a text is subtitles: a WebVTT header, or
// SubRip's cue timings among its first lines.
func isSubtitles(text string) bool {
	if strings.HasPrefix(text, "WEBVTT") {
		return true
	}
	lines := strings.SplitN(text, "\n", 8)
	timings := 0
	for _, l := range lines {
		if cueTiming.MatchString(l) {
			timings++
		}
	}
	return timings >= 1 && len(lines) > 2
}

// subtitleCue is a cue's text lines and its times, in seconds.
type subtitleCue struct {
	lines      []int
	start, end float64
	voice      string
}

// parseSubtitles reads subtitles as a text whose paragraphs are the cues
// spoken without a pause.
func parseSubtitles(name string, data []byte, raw []string, enc string) (*Document, error) {
	x := &extraction{format: FormatText, raw: raw, text: make([]string, len(raw))}
	cues := readCues(raw, x.text)
	var para []int
	voice := ""
	flush := func() {
		if len(para) > 0 {
			x.blocks = append(x.blocks, xblock{kind: xParagraph, lines: para, speaker: voice})
		}
		para = nil
	}
	for k, c := range cues {
		if k > 0 && (c.start-cues[k-1].end >= subtitlePause || c.voice != voice) {
			flush()
		}
		voice = c.voice
		para = append(para, c.lines...)
	}
	flush()
	if len(x.blocks) == 0 {
		return nil, ErrEmpty
	}
	doc, err := parseExtracted(name, data, x)
	if doc != nil {
		doc.Encoding = enc
		for _, c := range cues {
			doc.Cues = append(doc.Cues, Cue{Line: c.lines[0] + 1, Start: cueTime(c.start)})
		}
	}
	return doc, err
}

// readCues finds the cues of the lines and writes their text, markup
// left out, into text; numbers, timings, the header and notes stay blank.
func readCues(raw, text []string) []subtitleCue {
	var cues []subtitleCue
	var cur *subtitleCue
	for i, l := range raw {
		if m := cueTiming.FindStringSubmatch(l); m != nil {
			cues = append(cues, subtitleCue{start: seconds(m[1]), end: seconds(m[2])})
			cur = &cues[len(cues)-1]
			continue
		}
		if strings.TrimSpace(l) == "" {
			cur = nil
			continue
		}
		if cur == nil {
			continue // a cue's number or name, the header, a NOTE or STYLE block
		}
		if v := cueVoice.FindStringSubmatch(l); v != nil && cur.voice == "" {
			cur.voice = strings.TrimSpace(v[1])
		}
		t := strings.Join(strings.Fields(cueMarkup.ReplaceAllString(l, "")), " ")
		if t == "" {
			continue
		}
		text[i] = t
		cur.lines = append(cur.lines, i)
	}
	kept := cues[:0]
	for _, c := range cues {
		if len(c.lines) > 0 {
			kept = append(kept, c)
		}
	}
	return kept
}

// cueTime is a time in seconds as a cue keeps it: to the millisecond,
// as cue times are written.
func cueTime(seconds float64) time.Duration {
	return time.Duration(math.Round(seconds*1000)) * time.Millisecond
}

// seconds reads a cue time: "01:02:03,500", "02:03.500".
func seconds(t string) float64 {
	t = strings.Replace(t, ",", ".", 1)
	total := 0.0
	for _, part := range strings.Split(t, ":") {
		v, _ := strconv.ParseFloat(part, 64)
		total = total*60 + v
	}
	return total
}

// minTimedLines is how many lines of a transcript must open with their
// time for the times to be its cues.
const minTimedLines = 3

// transcriptCues are the times a transcript sets before its lines
// ("[00:00:14] OKAFOR: …"), from line lo on, as the cues subtitles have:
// when each line is spoken. There are none unless minTimedLines lines or
// more open with a time, each no earlier than the one before.
func transcriptCues(raw []string, lo int) []Cue {
	var cues []Cue
	for i := lo; i < len(raw); i++ {
		m := leadingTime.FindString(raw[i])
		if m == "" {
			continue
		}
		start := cueTime(seconds(strings.Trim(m, " \t[]()")))
		if n := len(cues); n > 0 && start < cues[n-1].Start {
			return nil
		}
		cues = append(cues, Cue{Line: i + 1, Start: start})
	}
	if len(cues) < minTimedLines {
		return nil
	}
	return cues
}

// captionTime is a time alone on its line, as a video's transcript is
// copied: "0:03" over what is said from then.
var captionTime = regexp.MustCompile(`^\s*(\d{1,2}:\d{2}(?::\d{2})?)\s*$`)

// Thresholds of a video's transcript: how many of its lines are times at
// least (one in minCaptionShare), and how many cues make a paragraph when
// the captions are not punctuated.
const (
	minCaptionShare  = 3
	cuesPerParagraph = 3
)

// captions reads a video's transcript copied as text, a time alone on a
// line before what is said from then: the times are left out of the text
// and kept as its cues, and where the captions carry few full stops
// (automatic ones carry none) every cuesPerParagraph cues make a
// paragraph, so that no sentence runs the length of the video. It
// returns the cues, none when lines [lo, hi) are no such transcript.
func (p *parser) captions(lo, hi int) []Cue {
	var times []int
	lines, stops := 0, 0
	for i := lo; i < hi; i++ {
		if p.blank(i) {
			continue
		}
		lines++
		if captionTime.MatchString(p.text[i]) {
			times = append(times, i)
		} else {
			stops += strings.Count(p.text[i], ". ") + strings.Count(p.text[i], "? ")
			if endsSentence(strings.TrimSpace(p.text[i])) {
				stops++
			}
		}
	}
	if len(times) < minTimedLines || len(times)*minCaptionShare < lines {
		return nil
	}
	var cues []Cue
	for _, i := range times {
		at := cueTime(seconds(strings.TrimSpace(p.text[i])))
		if n := len(cues); n > 0 && at < cues[n-1].Start {
			return nil // times that go back: a list of times, not captions
		}
		cues = append(cues, Cue{Line: i + 2, Start: at})
	}
	unpunctuated := stops*cuesPerParagraph < len(times)
	for k, i := range times {
		p.text[i] = ""
		p.flags[i] |= lineTime
		if unpunctuated && k%cuesPerParagraph == 0 && i+1 < hi {
			p.flags[i+1] |= lineListItem
		}
	}
	return cues
}
