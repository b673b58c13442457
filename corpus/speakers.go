package corpus

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speaker labels open the turns of a dialogue, a play or a transcript:
//
//	SOCRATES: text            (a name and a colon)
//	PHIL.  text               (a name, a full stop and two spaces)
//	Lady Bracknell.  text
//	Senator SMITH. text       (a capitalised name, perhaps after a title)
//	MACBETH.                  (a capitalised name alone; the speech follows)
//	MR. HAMILTON. Pray, …     (a title in capitals too)
//	MISS ANTHONY--Yes, …      (a capitalised name and a dash)
//	THE MOTHER [to Clara] Give it to me.   (a capitalised name over how it is said)
var (
	colonLabel  = regexp.MustCompile(`^([A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|for|of|de|la|van|von|and|the)){0,5}):\s+\S`)
	periodLabel = regexp.MustCompile(`^([A-Z][\p{L}'’-]*(?:\s[A-Z][\p{L}'’-]*){0,3})\.\s{2,}\S`)
	capsLabel   = regexp.MustCompile(`^((?:` + speakerTitle + `\.?\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3})\.(?:--|—)?(?:\s+\S|\s*$)`)
	dashLabel   = regexp.MustCompile(`^((?:` + speakerTitle + `\.?\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3})\s*(?:--|—)\s*\S`)
	// bracketLabel is a name in capitals over how it is said, as Shaw
	// sets it: "THE DAUGHTER [in the space between the central pillars]
	// I'm getting chilled to the bone."
	bracketLabel = regexp.MustCompile(`^((?:` + speakerTitle + `\.?\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3})\s+\[`)
)

// speakerTitle is a title that may open a speaker's name, in any case:
// "Mr. ISMAY", "MR. HAMILTON", "Senator SMITH".
const speakerTitle = `(?i:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Senator|Representative|Judge|General|Gen|Col|Colonel|Capt|Captain|Professor|Prof|The|Father|Mother|Rev|Hon|Madame|Mme|Mlle|Monsieur|Commissioner|Chairman)`

// notSpeakers are words that open a line like a label but name no one.
var notSpeakers = map[string]bool{
	"act": true, "scene": true, "chapter": true, "chap": true, "book": true, "part": true, "article": true,
	"art": true, "section": true, "sec": true, "sect": true, "letter": true, "lecture": true, "note": true,
	"notes": true, "nota": true, "n.b": true, "nb": true, "p.s": true, "ps": true, "preface": true, "index": true,
	"contents": true, "introduction": true, "appendix": true, "footnote": true, "footnotes": true,
	"persons": true, "dramatis": true, "characters": true, "dialogue": true, "filename": true,
	"example": true, "warning": true, "tip": true, "see": true, "summary": true, "epilogue": true,
	"prologue": true, "finis": true, "end": true, "the end": true, "volume": true, "vol": true, "no": true,
	"fig": true, "figure": true, "table": true, "source": true, "sources": true, "answer": true,
	"question": true, "illustration": true, "sidenote": true, "scene i": true, "amen": true,
	"essay": true, "canto": true, "glossary": true, "conclusion": true, "dedication": true, "title": true,
	"author": true, "date": true, "subject": true, "re": true, "cc": true, "from": true, "to": true,
	"place": true, "time": true, "the scene": true, "persons of the dialogue": true, "mr": true, "mrs": true,
}

// titles may open a speaker's name: "Mr. ISMAY", "Senator SMITH".
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "lady": true, "lord": true, "senator": true, "judge": true, "general": true, "captain": true, "the": true}

// label is a speaker label at the start of a line.
type label struct {
	name  string // as written, without the colon or full stop
	skip  int    // bytes of label, punctuation and spaces
	alone bool   // the label is the whole line
	form  int    // which of labelForms matched
	// indented is whether the label is set in from the margin, as older
	// plays set each speech's first line ("  Fran. Nay answer me"): such a
	// line opens a turn inside a paragraph too.
	indented bool
}

// labelOf finds a speaker label at the start of line, or indented by a
// few spaces or a tab as older play texts set it ("  Rom. He jests at
// scars…").
func labelOf(line string) (label, bool) {
	indent := lineIndent(line)
	if indent > maxLabelIndent || strings.Count(line[:indent], "\t") > 1 {
		return label{}, false // a stage direction or a title set in the middle
	}
	if stamp := len(leadingTime.FindString(line)); stamp > 0 {
		indent = stamp // a transcript's "[00:00:14] OKAFOR: …"
	}
	line = line[indent:]
	if line == "" || line[0] < 'A' || line[0] > 'Z' || !strings.ContainsAny(line[:min(len(line), 50)], ".:-—[") {
		return label{}, false
	}
	for form, re := range labelForms {
		if l, ok := labelAs(line, form, re.FindStringSubmatchIndex(line)); ok {
			l.skip += indent
			l.indented = indent > 0
			return l, true
		}
	}
	return label{}, false
}

// maxLabelIndent is how far a speaker's label may be indented: older
// Project Gutenberg plays set it two spaces in and the verse under it
// four, and centre their stage directions.
const maxLabelIndent = 3

var (
	// directedLabel is a name over how the line is said, in parentheses,
	// as Ibsen's translators set it: "Helmer (calls out from his room).
	// Is that my little lark…".
	directedLabel = regexp.MustCompile(`^([A-Z][a-z]+(?: [A-Z][a-z]+)?) \([^()]{1,80}\)\.\s+\S`)
	// abbreviatedLabel is a name, often abbreviated, and one space, as
	// older Project Gutenberg plays set their speakers ("  Samp. Gregory,
	// on my word…", "  La. Cap. Tybalt, my cousin!") and Ibsen's
	// translators theirs ("Nora. Hide the Christmas Tree…"). Words that
	// open a sentence so ("Yes. I will") are no names (abbreviatedName).
	abbreviatedLabel = regexp.MustCompile(`^((?:[A-Z][a-z]{0,4}\. )?[A-Z][a-z]{1,9})\. [A-Z'‘"“(\[]`)
)

// The patterns of labels, by the number labelAs knows them by.
const (
	formCaps = iota
	formPeriod
	formColon
	formDash
	formTimed
	formBracket
	formDirected
	formAbbreviated
)

// labelForms are the patterns of labels, in the order they are tried: a
// line that one reads as no speaker ("MR." alone) may be another's
// ("MR. CROWLEY:").
var labelForms = []*regexp.Regexp{formCaps: capsLabel, formPeriod: periodLabel, formColon: colonLabel, formDash: dashLabel, formTimed: timedLabel,
	formBracket: bracketLabel, formDirected: directedLabel, formAbbreviated: abbreviatedLabel}

// labelAs reads the label a pattern matched (m) at the start of line.
func labelAs(line string, form int, m []int) (label, bool) {
	if m == nil || m[3] > 48 {
		return label{}, false
	}
	name := line[m[2]:m[3]]
	skip := m[3] + 1
	switch form {
	case formCaps: // past a dash after the period: "APPARITION.--"
		skip = len(line) - len(strings.TrimLeft(line[skip:], "-—"))
	case formDash: // past the dash: "LEAR -- Attend"
		skip = len(line) - len(strings.TrimLeft(strings.TrimLeft(line[m[3]:], " "), "-—"))
	case formTimed: // the whole line, the time with it: "Ana Ruiz  0:44"
		skip = len(line)
	case formDirected: // past how it is said: "Helmer (calls out from his room)."
		skip = m[1] - 1
	}
	for skip < len(line) && (line[skip] == ' ' || line[skip] == '\t') {
		skip++
	}
	rest := line[skip:]
	if rest != "" {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) || unicode.IsLower(r) && !strings.HasPrefix(line[m[3]:], ":") {
			return label{}, false
		}
	}
	if !isSpeakerName(name) || (form == formAbbreviated || form == formDirected) && !abbreviatedName(name) {
		return label{}, false
	}
	if form == formDirected {
		form = formAbbreviated // one way of labelling: "Nora." and "Nora (busy…)."
	}
	return label{name: name, skip: skip, alone: strings.TrimSpace(rest) == "", form: form}, true
}

// isSpeakerName rejects labels that are headings, numerals or notes.
func isSpeakerName(name string) bool {
	lower := strings.ToLower(strings.TrimRight(name, "."))
	if notSpeakers[lower] || letters(name) < 2 {
		return false
	}
	first, rest, _ := strings.Cut(lower, " ")
	if notSpeakers[strings.TrimRight(first, ".")] && !titles[strings.TrimRight(first, ".")] || rest == "" && titles[strings.TrimRight(first, ".")] {
		return false
	}
	for _, w := range strings.Fields(name) {
		if isRoman(strings.TrimRight(w, ".")) {
			return false
		}
	}
	return !strings.ContainsAny(name, "0123456789")
}

// abbreviatedName reports whether the name of a label set with one space
// is a name rather than a word that opens a line of verse or prose so
// ("  Nay. I will…", "First. The powers…", "Q. Mr. Jones, where…").
func abbreviatedName(name string) bool {
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(name, ".", "")))
	if len(words) > 1 && (len(words[0]) == 1 || titles[words[len(words)-1]]) {
		return false // a witness's answer or an examiner's question: "A. Mr. Jones…", "Q. Mrs. …"
	}
	return !verseOpeners[strings.ToLower(name)] && !slices.Contains(numberWords, strings.ToLower(name))
}

// verseOpeners are words that end a short first sentence of a line as
// an abbreviated speaker's name ends: "Nay.", "Farewell.", "Secondly.".
// Titles and headings' words ("Sir.", "Note.") isSpeakerName turns away
// before.
var verseOpeners = map[string]bool{
	"yes": true, "no": true, "nay": true, "ay": true, "well": true, "oh": true, "ah": true, "alas": true, "so": true, "now": true,
	"then": true, "here": true, "there": true, "why": true, "what": true, "how": true, "madam": true, "good": true,
	"indeed": true, "true": true, "farewell": true, "come": true, "peace": true, "hark": true, "amen": true, "enough": true,
	"done": true, "exit": true, "enter": true, "exeunt": true, "away": true, "go": true, "stay": true, "look": true, "hence": true,
	"adieu": true, "hold": true, "silence": true, "nothing": true, "never": true, "ever": true, "thus": true, "and": true, "but": true,
	"firstly": true, "secondly": true, "thirdly": true, "lastly": true, "finally": true, "again": true, "also": true, "besides": true,
	"therefore": true, "wherefore": true,
}

// isRoman reports whether s is an upper-case roman numeral.
func isRoman(s string) bool {
	return s != "" && strings.Trim(s, "IVXLCDM") == ""
}

// speakerSet is the recurring speakers of a text: canonical names by the
// labels that stand for them.
type speakerSet struct {
	canon map[string]string // label as written (upper-cased) → display name
}

func (s speakerSet) of(name string) (string, bool) {
	v, ok := s.canon[strings.ToUpper(name)]
	return v, ok
}

// findSpeakers decides whether the blocks are the turns of a dialogue, a
// play or a transcript. It needs strong evidence: at least two names, each
// opening three turns or more, that alternate and open a good share of the
// paragraphs between the first turn and the last.
func (p *parser) findSpeakers(blocks []*block) (speakerSet, bool) {
	type seen struct {
		block int
		name  string
		form  int
	}
	var labels []seen
	counts := map[string]int{}
	for k, b := range blocks {
		for _, i := range b.lines {
			l, ok := labelOf(p.text[i])
			if !ok || (i != b.first() && !l.alone && !l.indented) {
				continue
			}
			key := strings.ToUpper(l.name)
			labels = append(labels, seen{k, key, l.form})
			counts[key]++
		}
	}
	if len(labels) < 8 {
		return p.listedSpeakers(blocks, counts)
	}
	canon := canonicalNames(counts)
	p.spellOut(canon, blocks[0].first(), blocks[labels[0].block].first())
	turns := map[string]int{}
	for _, l := range labels {
		turns[canon[l.name]]++
	}
	names := 0
	for _, n := range turns {
		if n >= 3 {
			names++
		}
	}
	if names < 2 {
		return p.listedSpeakers(blocks, counts)
	}
	recurring := func(key string) bool { return turns[canon[key]] >= 3 }
	var kept []seen
	for _, l := range labels {
		if recurring(l.name) {
			kept = append(kept, l)
		}
	}
	changes := 0
	for k := 1; k < len(kept); k++ {
		if canon[kept[k].name] != canon[kept[k-1].name] {
			changes++
		}
	}
	// Speakers alternate, though in a trial the court speaks again and
	// again between questions and answers that carry no label.
	if len(kept) < 8 || changes*3 < len(kept)-1 || denseTurns(kept, func(l seen) int { return l.block }) < 8 {
		return p.listedSpeakers(blocks, counts)
	}
	// Once the text is a dialogue, a speaker with one or two turns counts
	// too when labelled as the others are ("Mr. ROSTRON." among "Mr.
	// ISMAY." and "Senator SMITH."), amid their turns: a heading in
	// capitals ("THE VERDICT.") stands apart from them.
	forms := map[int]int{}
	for _, l := range kept {
		forms[l.form]++
	}
	amid := func(block int) bool {
		i := sort.Search(len(kept), func(i int) bool { return kept[i].block >= block })
		before := i > 0 && block-kept[i-1].block <= minorTurnGap
		after := i < len(kept) && kept[i].block-block <= minorTurnGap
		return before && (after || i == len(kept)) || after && i == 0
	}
	set := speakerSet{canon: map[string]string{}}
	for _, l := range labels {
		if recurring(l.name) || forms[l.form]*5 >= len(kept)*4 && amid(l.block) {
			set.canon[l.name] = displayName(canon[l.name])
		}
	}
	return set, true
}

// listedSpeakers are the speakers of a short scene, too few turns to
// tell a dialogue by (findSpeakers), whose list of persons names every
// one of its labels ("BANQUO, General in the King's Army." over "BANQUO.
// The earth hath bubbles…"): at least minListedTurns turns, of two
// persons or more.
func (p *parser) listedSpeakers(blocks []*block, counts map[string]int) (speakerSet, bool) {
	listed := map[string]bool{}
	for _, b := range blocks {
		if !p.personsListed(b) {
			continue
		}
		for _, i := range b.lines {
			if name, _, ok := strings.Cut(strings.TrimSpace(p.text[i]), ","); ok {
				listed[strings.ToUpper(name)] = true
			}
		}
	}
	turns := 0
	for name, n := range counts {
		if !listed[name] {
			return speakerSet{}, false
		}
		turns += n
	}
	if len(counts) < 2 || turns < minListedTurns {
		return speakerSet{}, false
	}
	set := speakerSet{canon: map[string]string{}}
	for name := range counts {
		set.canon[name] = displayName(name)
	}
	return set, true
}

// minListedTurns is the fewest turns a scene under its list of persons
// has to be read as theirs.
const minListedTurns = 4

// minorTurnGap is how near, in blocks, a speaker of one or two turns must
// stand to the recurring speakers' turns on both sides (on the one side
// there is, at the start or end of the dialogue).
const minorTurnGap = 4

// Turns cluster where a text is a dialogue: a trial record's colloquies
// between long speeches, a play's scenes.
const (
	turnGap     = 12 // blocks between turns of one exchange, at most
	turnDensity = 3  // in tenths: the share of an exchange's blocks that open turns
)

// denseTurns counts the labels that stand in exchanges: runs of labels
// no more than turnGap blocks apart in which at least three in ten blocks
// open a turn. Prose that happens to open a few lines with names has
// none.
func denseTurns[T any](labels []T, block func(T) int) int {
	n := 0
	for start := 0; start < len(labels); {
		end := start + 1
		for end < len(labels) && block(labels[end])-block(labels[end-1]) <= turnGap {
			end++
		}
		span := block(labels[end-1]) - block(labels[start]) + 1
		if count := end - start; count >= 4 && count*10 >= span*turnDensity {
			n += count
		}
		start = end
	}
	return n
}

// canonicalNames maps each label to the name it abbreviates: "PHIL" to
// "PHILONOUS" (a prefix), "SW" to "SUZI WEISSMAN" (initials), or itself.
func canonicalNames(counts map[string]int) map[string]string {
	canon := map[string]string{}
	for key := range counts {
		canon[key] = key
		for full := range counts {
			if full == key || len(full) <= len(key) {
				continue
			}
			abbreviates := len(key) <= 5 && len(full) >= len(key)+2 && strings.HasPrefix(full, key) && !strings.Contains(key, " ")
			if abbreviates || (len(key) <= 4 && initials(full) == key) {
				if c, ok := canon[key]; !ok || c == key || counts[full] > counts[c] {
					canon[key] = full
				}
			}
		}
	}
	return canon
}

// spellOut gives an abbreviated speaker ("SAMP", "JUL") the name it
// abbreviates in the list of persons before the first turn, lines lo to
// hi ("Sampson, servant to Capulet.", "Juliet, daughter to Capulet."),
// where one name alone begins so.
func (p *parser) spellOut(canon map[string]string, lo, hi int) {
	names := map[string]bool{}
	for i := lo; i < hi; i++ {
		for _, w := range strings.FieldsFunc(p.text[i], func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				names[strings.ToUpper(w)] = true
			}
		}
	}
	for key, c := range canon {
		if c != key || strings.Contains(key, " ") || len(key) > 5 || names[key] {
			continue
		}
		full := ""
		for n := range names {
			if len(n) >= len(key)+2 && strings.HasPrefix(n, key) {
				if full != "" {
					full = ""
					break
				}
				full = n
			}
		}
		if full != "" {
			canon[key] = full
		}
	}
}

// displayName writes an all-capitals name as a name: "LADY MACBETH" →
// "Lady Macbeth", "Senator SMITH" → "Senator Smith".
func displayName(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if len(w) > 1 && upperShare(w) == 1 {
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}

// assignTurns splits blocks where a speaker's label opens a line and marks
// each turn with its speaker.
func (p *parser) assignTurns(blocks []*block, speakers speakerSet) []*block {
	var out []*block
	for _, b := range blocks {
		if b.role != roleBody || b.code {
			out = append(out, b) // a document's heading or code, read before its turns
			continue
		}
		cur := &block{}
		for _, i := range b.lines {
			if l, ok := labelOf(p.text[i]); ok {
				if name, known := speakers.of(l.name); known && (i == b.first() || l.alone || l.indented) {
					if len(cur.lines) > 0 {
						out = append(out, cur)
					}
					cur = &block{speaker: name, skip: l.skip}
					if l.alone {
						cur.skip = len(p.text[i])
					}
				}
			}
			cur.lines = append(cur.lines, i)
		}
		if len(cur.lines) > 0 {
			out = append(out, cur)
		}
	}
	// A label alone in its paragraph gives the next paragraph its speaker.
	for k, b := range out {
		if b.speaker != "" && len(b.lines) == 1 && b.skip >= len(p.text[b.first()]) {
			b.role = roleDivider
			if k+1 < len(out) && out[k+1].speaker == "" {
				out[k+1].speaker = b.speaker
			}
		}
	}
	return out
}

// continueTurns gives a paragraph without a label the speaker of the turn
// it continues, unless a heading, a note of the record or a title stands
// between; and the paragraphs after a heading that opens a speech, up to
// the next heading or label, its speaker.
func (p *parser) continueTurns(blocks []*block) {
	if p.script {
		return // a screenplay's every speech has its cue; the rest is action
	}
	current, speech := "", false
	for _, b := range blocks {
		switch {
		case b.role == roleHeading:
			current, speech = b.opens, b.opens != ""
		case b.role == roleOmitted:
			current = ""
		case b.role == roleDivider:
		case b.speaker != "":
			current, speech = b.speaker, false
		case current != "":
			t := strings.TrimSpace(p.textOf(b))
			switch {
			case !p.stageLine(b) || p.salutation(b):
				b.speaker = current
			case speech && strings.HasSuffix(t, "as follows:"):
				b.speaker = current // "The words of the law are as follows:"
			case speech || bracketed(t) || p.stageDirection(b):
				// A speech a heading opens ("SPEECH OF MATILDA JOSLYN
				// GAGE") goes on past its own titles in capitals, as a
				// play's turn does past "[Exit Servant.]".
			default:
				current = "" // a note of the record, or a title
			}
		}
	}
}

// bracketed reports whether a paragraph is wholly in brackets: a stage
// direction ("[Exit Servant.]").
func bracketed(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]")
}

// salutation reports whether a paragraph addresses those a speech is
// made to, in italics as records print it: "_May it please the Court and
// Gentlemen of the Jury_:". It is the speaker's, and the speech goes on
// after it.
func (p *parser) salutation(b *block) bool {
	t := strings.TrimSpace(stripEmphasis(p.textOf(b)))
	return len(b.lines) <= 2 && strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "as follows:")
}

// stageLine reports whether a paragraph is not a speaker's: a stage
// direction or a note of the record ("[The Court so held.]", "_Defendant
// rests._", "The witness, having been duly affirmed, testified as
// follows:"), or a title in capitals.
func (p *parser) stageLine(b *block) bool {
	t := strings.TrimSpace(p.textOf(b))
	raw := strings.TrimSpace(p.raw[b.first()])
	italic := strings.HasPrefix(raw, "_") && strings.HasSuffix(strings.TrimRight(strings.TrimSpace(p.raw[b.last()]), ".:"), "_") && len(b.lines) <= 2
	return strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(") || italic || p.weakStyle(b) == styleCaps || strings.HasSuffix(t, "as follows:") || p.stageDirection(b)
}

// stageDirection reports whether a paragraph is a play's stage direction
// set without brackets, indented as Project Gutenberg's plays set them ("
// Enter Horatio and Marcellus.", "                 Exeunt."): the speech
// before it goes on after it, and a heading does not take it as its
// subtitle.
func (p *parser) stageDirection(b *block) bool {
	raw := p.raw[b.first()]
	return len(b.lines) <= 3 && lineIndent(raw) > 0 && stageVerb.MatchString(strings.TrimSpace(raw))
}

// stageVerb matches the words a stage direction opens with.
var stageVerb = regexp.MustCompile(`^(?:Re-?enter|Enter|Exit|Exeunt|Manet|Manent|Flourish|Alarums?|Sennet|Trumpets|Hautboys|Thunder)\b`)
