package corpus

import (
	"regexp"
	"strconv"
	"strings"
)

// Project Gutenberg sets a plain text's notes after the paragraph that
// refers to them, in one of two ways: in brackets, "[Footnote 1: See
// _Russia_, by D. M. Wallace.]", over as many lines as the note takes;
// or under a label on a line of its own, "Footnote 1:", the note the
// (indented) paragraph after it. A note's label and brackets are markup:
// its words stay where they stand, cited by their lines, and the note is
// the text of the marker that refers to it ("secrecy.[1]").

var (
	bracketNote  = regexp.MustCompile(`(?i)^\s*\[(?:foot)?note\s+(\d{1,3}|[a-z*†‡])\s*[:.]\s?`)
	labelledNote = regexp.MustCompile(`(?i)^\s*(?:foot)?note\s+(\d{1,3})\s*:\s*(.*)$`)
)

// textNote is a note of a plain text, by the number of its marker.
type textNote struct {
	number, line int // line is where it starts, from 1
	text         string
}

// noteState is where a line stands among a text's notes.
type noteState uint8

const (
	outsideNote   noteState = iota
	inBracketNote           // in a note in brackets, until its "]"
	afterLabel              // after a note's label, before its text
	inLabelled              // in the paragraph a label heads
)

// textNotes finds a plain text's notes, line by line.
type textNotes struct {
	state  noteState
	depth  int // of brackets, in a note in brackets
	number int
	line   int
	text   []string
	found  []textNote
}

// clean takes cleaned line i and returns it without a note's label or
// closing bracket.
func (n *textNotes) clean(i int, l string) string {
	blank := strings.TrimSpace(l) == ""
	switch n.state {
	case inBracketNote:
		if blank {
			n.end() // a note whose bracket never closes ends with its paragraph
			return l
		}
		return n.bracketed(l)
	case afterLabel, inLabelled:
		switch {
		case blank && n.state == afterLabel:
		case blank:
			n.end()
		default:
			n.state = inLabelled
			n.text = append(n.text, strings.TrimSpace(l))
		}
		return l
	}
	if m := bracketNote.FindStringSubmatch(l); m != nil {
		n.start(i, m[1], inBracketNote)
		n.depth = 1
		return n.bracketed(l[len(m[0]):])
	}
	if m := labelledNote.FindStringSubmatch(l); m != nil {
		n.start(i, m[1], afterLabel)
		if m[2] == "" {
			return ""
		}
		n.state = inLabelled
		n.text = append(n.text, m[2])
		return m[2]
	}
	return l
}

// start opens a note labelled number at line i.
func (n *textNotes) start(i int, label string, s noteState) {
	n.end()
	n.number, _ = strconv.Atoi(label) // a note marked "*" has number 0, as its marker has
	n.line, n.state = i+1, s
}

// bracketed takes a line of a note in brackets and returns it without
// the bracket that closes the note, which ends it.
func (n *textNotes) bracketed(l string) string {
	for k, r := range l {
		switch r {
		case '[':
			n.depth++
		case ']':
			n.depth--
		}
		if n.depth == 0 {
			n.text = append(n.text, strings.TrimSpace(l[:k]))
			n.end()
			return l[:k] + " " + l[k+1:]
		}
	}
	n.text = append(n.text, strings.TrimSpace(l))
	return l
}

// end closes the note being read.
func (n *textNotes) end() {
	if n.state != outsideNote {
		if t := strings.Join(strings.Fields(strings.Join(n.text, " ")), " "); t != "" {
			n.found = append(n.found, textNote{number: n.number, line: n.line, text: t})
		}
	}
	n.state, n.text = outsideNote, nil
}

// attach gives each note's text to the last marker of its number before
// it.
func attachNotes(notes []textNote, markers []Footnote) {
	for _, note := range notes {
		best := -1
		for k, m := range markers {
			if m.Number == note.number && m.Line <= note.line && m.Text == "" {
				best = k
			}
		}
		if best >= 0 {
			markers[best].Text = note.text
		}
	}
}
