package corpus

import (
	"regexp"
	"strings"
)

// Screenplays, as scripts are shared in plain text and Fountain files: a
// scene heading ("INT. SIGNAL BOX - LATER") opens each scene, a
// character's name in capitals stands over what they say (centred, or
// flush left in Fountain), how they say it in parentheses ("(beat)"), and
// transitions ("CUT TO:") between scenes.

var (
	// sceneHeading matches a screenplay's scene heading: where and when.
	sceneHeading = regexp.MustCompile(`^(?:INT|EXT|EST|INT\.?/EXT|EXT\.?/INT|I/E)[.\s]\s*\S`)
	// cueLine matches a character's cue: a name in capitals and the
	// extensions that say how they are heard ("PORTER (O.S.)", "MARGARET
	// (CONT'D)").
	cueLine = regexp.MustCompile(`^([A-Z][A-Z0-9.'’ -]{0,30}[A-Z.])(?:\s*\((?:[A-Z][A-Z.'’ ]*|cont'd|cont’d)\))*$`)
	// transition matches the cuts between scenes: "CUT TO:", "FADE IN:",
	// "FADE OUT.", "THE END".
	transition = regexp.MustCompile(`^(?:[A-Z][A-Z .-]*\s(?:TO|IN|OUT)[:.]|FADE (?:IN|OUT)[:.]?|FADE TO BLACK\.?|THE END\.?)$`)
)

// Screenplay thresholds: how many scene headings and cues make a text a
// screenplay, and how many words a cue's name has at most.
const (
	minScenes   = 2
	minCues     = 4
	maxCueWords = 4
)

// screenplay reads the blocks as a screenplay's, when the text is one:
// scene headings head sections, each cue gives the lines under it their
// speaker, and how a line is said and the transitions are left out of
// what is quoted. It reports whether the text is a screenplay.
func (p *parser) screenplay(blocks []*block) bool {
	scenes, cues := 0, 0
	for _, b := range blocks {
		switch {
		case p.sceneHeadingAt(b):
			scenes++
		case p.cueAt(b):
			cues++
		}
	}
	if scenes < minScenes || cues < minCues {
		return false
	}
	p.fountainTitlePage(blocks[0])
	speaking := "" // who speaks the block before
	for _, b := range blocks {
		switch {
		case p.sceneHeadingAt(b):
			b.role, b.head = roleHeading, &heading{style: styleScene, rank: 2, title: p.textOf(b)}
		case transition.MatchString(strings.TrimSpace(p.textOf(b))):
			b.role = roleDivider
		case p.cueAt(b):
			name := cueLine.FindStringSubmatch(strings.TrimSpace(p.text[b.first()]))[1]
			b.speaker, b.skip = displayName(strings.TrimSpace(name)), len(p.text[b.first()])
			p.dropParentheticals(b.lines[1:])
		case speaking != "" && strings.HasPrefix(strings.TrimSpace(p.text[b.first()]), "("):
			// a speech going on after how it is said, which a PDF sets
			// apart: "(beat)" / "There's a room above the signal box."
			b.speaker = speaking
			p.dropParentheticals(b.lines)
		}
		speaking = b.speaker
	}
	return true
}

// sceneHeadingAt reports whether block b is a scene heading.
func (p *parser) sceneHeadingAt(b *block) bool {
	return len(b.lines) <= 2 && sceneHeading.MatchString(strings.TrimSpace(p.text[b.first()]))
}

// cueAt reports whether block b opens with a character's cue over what
// they say.
func (p *parser) cueAt(b *block) bool {
	if len(b.lines) < 2 {
		return false
	}
	t := strings.TrimSpace(p.text[b.first()])
	m := cueLine.FindStringSubmatch(t)
	if m == nil || sceneHeading.MatchString(t) || transition.MatchString(t) || len(strings.Fields(m[1])) > maxCueWords || letters(m[1]) < 2 {
		return false
	}
	next := p.text[b.lines[1]]
	return upperShare(next) < capsShare && indentOf(next) <= indentOf(p.text[b.first()])
}

// dropParentheticals leaves out of a speech the lines that say how it is
// said: "(beat)", "(looking at the suitcase)" over one line or more.
func (p *parser) dropParentheticals(lines []int) {
	inside := false
	for _, i := range lines {
		t := strings.TrimSpace(p.text[i])
		if strings.HasPrefix(t, "(") {
			inside = true
		}
		if inside {
			p.text[i] = ""
			inside = !strings.HasSuffix(t, ")")
		}
	}
}

// fountainKey opens a line of a Fountain title page: "Title:", "Credit:",
// "Draft date:".
var fountainKey = regexp.MustCompile(`^(?:Title|Credit|Authors?|Source|Draft date|Contact|Copyright|Notes):`)

// fountainTitlePage reads a Fountain file's title page, the first block
// when each of its lines opens with a key or continues the one before
// it: its title and author are the text's, and the page is left out.
func (p *parser) fountainTitlePage(b *block) {
	if b.role != roleBody || !fountainKey.MatchString(p.text[b.first()]) {
		return
	}
	for _, i := range b.lines {
		if !fountainKey.MatchString(p.text[i]) && indentOf(p.text[i]) == 0 {
			return
		}
	}
	p.headerFields(b.first(), b.last()+1)
	b.role = roleOmitted
	p.omit(b.first(), b.last()+1, "title page")
}
