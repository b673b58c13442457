package retrieval

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
)

// A reading group asks how a book opens or ends ("How does the novel
// open?", "What are the last words of chapter 3?"). No sentence holds
// those words: the answer is where the text, or the part named, begins or
// finishes, and that is where it is looked up.

var (
	// endsHow is "How does the novel open?", "How does chapter 3 end?".
	endsHow = regexp.MustCompile(`(?i)^(?:how|where|with what(?: words)?)\s+(?:does|did|do)\s+(.{1,60}?)\s+(open|begin|start|end|close|finish|conclude)\s*\??$`)
	// endsWhat is "What are the first words of the book?", "What is the
	// last line of Act V?", "What's the last line?" (of the text).
	endsWhat = regexp.MustCompile(`(?i)^what\s+(?:is|are|was|were)\s+the\s+(first|opening|last|closing|final)\s+(?:words?|lines?|sentences?)(?:\s+(?:of|in)\s+(.{1,60}?))?\s*\??$`)
	// endsHappen is "What happens at the end?", "What happens at the
	// beginning of chapter 3?".
	endsHappen = regexp.MustCompile(`(?i)^what\s+(?:happens|happened)\s+(?:at|in)\s+the\s+(beginning|start|opening|end|ending|close)(?:\s+of\s+(.{1,60}?))?\s*\??$`)
	// moralOf is "What is the moral of The Fox and the Grapes?": a
	// fable's moral is how it ends.
	moralOf = regexp.MustCompile(`(?i)^what\s+(?:is|was)\s+the\s+moral\s+(?:of|in)\s+(.{1,60}?)\s*\??$`)
	// aboutWhat asks what a text or part is about, or for its gist: "What
	// is this book about?", "What does the essay cover?", "What does the
	// preface say?", "Summarize chapter 3". Its synopsis or argument says,
	// where it has one, else its opening, as an interview's first answer
	// or an essay's first paragraph does.
	aboutWhat = regexp.MustCompile(`(?i)^(?:what(?:\s+is|\s+was|'s|’s)\s+(.{1,60}?)\s+(?:all\s+)?about|what\s+(?:does|did)\s+(.{1,60}?)\s+(?:cover|discuss|deal with|treat of|say)|(?:summari[sz]e|sum up|give (?:me )?(?:a |the )?(?:summary|gist|overview) of|what(?:\s+is|'s|’s) the ` + mainOf + `(?:gist|summary|subject|topic|theme|message) of)\s+(.{1,60}?))\s*[?.!]*$`)
	// themeAsked asks for the gist of the whole text without naming it:
	// "What is the main theme?", "What's the central message?". As of
	// aboutWhat, the text's synopsis or opening says; a theme is a
	// reading of the whole, and no sentence holding "main" answers it.
	themeAsked = regexp.MustCompile(`(?i)^what(?:\s+is|\s+was|\s+are|'s|’s)\s+the\s+` + mainOf + `(?:themes?|message|gist|subject|topic|point|idea)\s*[?.!]*$`)
	// wholeText is how a question names the whole text: "the book",
	// "this essay", "it", "this" ("What is this about?").
	wholeText = regexp.MustCompile(`(?i)^(?:(?:the\s+|this\s+)?(?:` + wordAlternatives(wholeTextNouns) + `)|it|this)$`)
	// closingTitle is a section that closes a book without being its text:
	// notes, an index, an appendix, an edition's colophon.
	closingTitle = regexp.MustCompile(`(?i)\b(?:notes|footnotes|endnotes|index|appendix|appendices|glossary|bibliography|errata|transcriber'?s?|translator'?s?|colophon|uncopyright|copyright|imprint|acknowledge?ments)\b`)
	// synopsis is a chapter's list of contents run together: "Porto
	// Praya--Ribeira Grande--Atmospheric Dust--…".
	synopsis = regexp.MustCompile(`(?:--|—)[^-—]*(?:--|—)[^-—]*(?:--|—)`)
	// signOff closes a book or a letter without saying anything: "THE
	// END.", "YOURS TRULY, HUCK FINN.", "Your obedient servant", a gospel's
	// "Amen.".
	signOff = regexp.MustCompile(`(?i)^(?:(?:the end|finis)\b|amen[.!]?$|yours(?:\s+(?:truly|sincerely|faithfully|ever|affectionately|respectfully))?\s*[,.!]|(?:i am,?\s+)?(?:sir,?\s+)?your (?:most )?(?:obedient|humble|loving|affectionate) (?:and \w+ )?servant\b)`)
)

// mainOf is the word that may stand before a text's gist: "the main
// theme", "the central message".
const mainOf = `(?:(?:main|central|chief|principal|major|overall|key)\s+)?`

// textEnd is what a question about an opening or an ending asks for.
type textEnd struct {
	last  bool   // the ending, not the opening
	about bool   // what it is about: its summary, where it has one, else its opening
	of    string // what opens or ends: "the novel", "chapter 3"
}

// readTextEnd reads a question about how a text or part opens or ends.
func readTextEnd(text string) (textEnd, bool) {
	if m := endsHow.FindStringSubmatch(text); m != nil {
		verb := strings.ToLower(m[2])
		return textEnd{last: verb == "end" || verb == "close" || verb == "finish" || verb == "conclude", of: m[1]}, true
	}
	if m := endsWhat.FindStringSubmatch(text); m != nil {
		which := strings.ToLower(m[1])
		return textEnd{last: which != "first" && which != "opening", of: cmp.Or(m[2], "it")}, true
	}
	if m := endsHappen.FindStringSubmatch(text); m != nil {
		which := strings.ToLower(m[1])
		return textEnd{last: which == "end" || which == "ending" || which == "close", of: cmp.Or(m[2], "it")}, true
	}
	if m := moralOf.FindStringSubmatch(text); m != nil {
		return textEnd{last: true, of: m[1]}, true
	}
	if m := aboutWhat.FindStringSubmatch(text); m != nil {
		return textEnd{about: true, of: m[1] + m[2] + m[3]}, true
	}
	if themeAsked.MatchString(text) {
		return textEnd{about: true, of: "it"}, true
	}
	if m := whatPart.FindStringSubmatch(text); m != nil && namesPart(m[1]) {
		return textEnd{about: true, of: m[1]}, true
	}
	return textEnd{}, false
}

// whatPart is "What is the last section of Article I?", "What was
// chapter 3?": asked of a part (namesPart), what it is about.
var whatPart = regexp.MustCompile(`(?i)^what(?:\s+is|\s+was|'s|’s)\s+(.{1,60}?)\s*\??$`)

// namesPart reports whether text names numbered parts and nothing else,
// a date aside: "the last section of Article I", not "the war of 1812".
func namesPart(text string) bool {
	refs, rest := sectionRefs(text)
	return strings.Trim(rest, " ,.") == "" && slices.ContainsFunc(refs, func(r sectionRef) bool { return !r.dated() })
}

// endSentence finds the sentence where what te names opens or ends: the
// text (the only document, or the one whose title it gives) or the parts
// its numbers name. ok is false when it names neither.
func (ix *Index) endSentence(te textEnd) (doc, sent int, ok bool) {
	docs := ix.corpus.Documents
	if refs, rest := sectionRefs(te.of); len(refs) > 0 && strings.Trim(rest, " ,.") == "" {
		within := ix.sectionsReferred(refs)
		if len(within) != 1 {
			return 0, 0, false // no such part, or one in each of several texts
		}
		for i, d := range docs {
			if secs := within[d]; secs != nil {
				sent, ok := endOfSections(d, secs, te.last)
				return i, sent, ok
			}
		}
	}
	named := titledDocument(docs, te.of)
	if named == nil && te.about && len(docs) > 1 && wholeText.MatchString(te.of) {
		named = homePage(docs)
	}
	for i, d := range docs {
		whole := len(docs) == 1 && wholeText.MatchString(te.of)
		if whole || d == named {
			if sec, ok := overviewSection(d); ok && te.about {
				sent, ok := firstOfSection(d, sec)
				return i, sent, ok
			}
			sent, ok := endOfSections(d, bodySections(d), te.last)
			return i, sent, ok
		}
	}
	return sectionTitled(docs, te)
}

// homePage is the page a folder of documentation opens on, its index
// or README nearest the top ("docs/index.md") in a folder holding every
// document, where it has one: what "What is this about?" asks of a
// documentation tree. nil where none is, or several are as near the top.
func homePage(docs []*corpus.Document) *corpus.Document {
	var home *corpus.Document
	depth, ties := 0, 0
	for _, d := range docs {
		base := strings.ToLower(path.Base(d.Name))
		if stem := strings.TrimSuffix(base, path.Ext(base)); stem != "index" && stem != "readme" {
			continue
		}
		switch n := strings.Count(d.Name, "/"); {
		case home == nil || n < depth:
			home, depth, ties = d, n, 1
		case n == depth:
			ties++
		}
	}
	if ties != 1 {
		return nil
	}
	if dir := path.Dir(home.Name); dir != "." {
		for _, d := range docs {
			if !strings.HasPrefix(d.Name, dir+"/") {
				return nil // the index of one part: "docs/usage/index.md" beside "docs/tutorials/…"
			}
		}
	}
	return home
}

// sectionTitled finds where the one section whose own title te names
// opens or ends: a story of a collection ("How does The Red-Headed League
// end?" for "ADVENTURE II: THE RED-HEADED LEAGUE"); else the one part
// above sections so titled ("the introduction" for "INTRODUCTION · I"
// to "INTRODUCTION · III"); else the one section whose own title holds
// every word of two or more te names ("the Gettysburg Address" for
// "Address at the Dedication of the National Cemetery at Gettysburg.
// November 19, 1863").
func sectionTitled(docs []*corpus.Document, te textEnd) (doc, sent int, ok bool) {
	found, secs, ok := titledSections(docs, te.of)
	if !ok {
		return 0, 0, false
	}
	sent, ok = endOfSections(docs[found], secs, te.last)
	return found, sent, ok
}

// titledSections are the sections of the one part whose title name
// gives (sectionTitled), and the document they are in; ok is false
// where no part, or several, are so titled.
func titledSections(docs []*corpus.Document, name string) (doc int, secs map[int]bool, ok bool) {
	want := ownTitle(name)
	found, sec, n := titledOnce(docs, func(title string) bool { return want != "" && ownTitle(title) == want })
	secs = map[int]bool{sec: true}
	if n == 0 && want != "" {
		found, secs, n = partTitled(docs, want)
	}
	if n == 0 {
		if words := titleWords(want); len(words) >= 2 {
			found, sec, n = titledOnce(docs, func(title string) bool { return holdsAll(titleWords(ownTitle(title)), words) })
			secs = map[int]bool{sec: true}
		}
	}
	return found, secs, n == 1
}

// partTitled finds the parts above sections whose own titles are want
// ("INTRODUCTION" over "INTRODUCTION · I"): the document and sections of
// the last, and how many parts.
func partTitled(docs []*corpus.Document, want string) (doc int, secs map[int]bool, n int) {
	last := ""
	for i, d := range docs {
		for j, s := range d.Sections {
			segments := strings.Split(s.Title, " · ")
			for k := 1; k < len(segments); k++ {
				if ownTitle(segments[k-1]) != want {
					continue
				}
				if key := fmt.Sprint(i, strings.Join(segments[:k], " · ")); key != last {
					doc, secs, n, last = i, map[int]bool{}, n+1, key
				}
				secs[j] = true
				break
			}
		}
	}
	return doc, secs, n
}

// titledOnce finds the sections whose titles match: the document and
// section of the last, and how many.
func titledOnce(docs []*corpus.Document, match func(title string) bool) (doc, sec, n int) {
	for i, d := range docs {
		for j, s := range d.Sections {
			if match(s.Title) {
				doc, sec, n = i, j, n+1
			}
		}
	}
	return doc, sec, n
}

// holdsAll reports whether held holds every one of words.
func holdsAll(held, words []string) bool {
	return !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(held, w) })
}

// titleWords are the words of a title in lower case, but a title's small
// words.
func titleWords(title string) []string {
	return slices.DeleteFunc(plainWords(title), func(w string) bool { return titleSmallWords[w] })
}

// ownTitle is a section's own title, as a question names it: after the
// titles of the parts above it and its numbered label, in lower case,
// without a leading "the" ("ADVENTURE II: THE RED-HEADED LEAGUE" →
// "red-headed league").
func ownTitle(title string) string {
	title = ownPart(title)
	if label, rest, ok := strings.Cut(title, ": "); ok {
		if refs, left := sectionRefs(label); len(refs) > 0 && strings.TrimSpace(left) == "" {
			title = rest
		}
	}
	title = strings.ToLower(strings.Trim(strings.TrimSpace(title), ".,;:!?\"'“”‘’"))
	return strings.TrimPrefix(title, "the ")
}

// overviewTitle is the title of a part that says what the whole text is
// about, best first: a paper's abstract, a report's summary. An
// introduction or a preface may as well tell the author's life or thank
// the printer.
var overviewTitle = []string{"abstract", "summary", "executive summary", "synopsis", "overview"}

// overviewSection is the section of d, within no part but the text's
// title, whose title is the best of overviewTitle, where one is
// ("CHAPTER II · SUMMARY" sums up a chapter).
func overviewSection(d *corpus.Document) (int, bool) {
	best, found := len(overviewTitle), -1
	for i, s := range d.Sections {
		title := strings.TrimPrefix(s.Title, d.Title+" · ")
		if strings.Contains(title, " · ") {
			continue
		}
		if rank := slices.Index(overviewTitle, ownTitle(title)); rank >= 0 && rank < best {
			best, found = rank, i
		}
	}
	return found, found >= 0
}

// bodySections are the sections of d that hold its text: from the first
// that numbers a first part ("BOOK ONE", "CHAPTER I", "ACT I"), or the
// preamble or prologue before it (openingPart), or, where none does, the
// first under the text's own title as a heading (a web page's "Common
// Sense · INTRODUCTION", after the edition's "SUBJECTS"), else the first
// that is not front matter, a web page's or a Markdown file's lede before
// its first heading being none (frontIsText); to the last that is not
// notes or an index.
func bodySections(d *corpus.Document) map[int]bool {
	from := slices.IndexFunc(d.Sections, func(s corpus.Section) bool {
		refs, _ := sectionRefs(s.Title)
		return slices.ContainsFunc(refs, func(r sectionRef) bool { return r.number == 1 && r.kind != "day" && r.kind != "month" })
	})
	numberedFirst := from >= 0
	for from > 0 && openingPart.MatchString(ownPart(d.Sections[from-1].Title)) {
		from-- // a constitution's preamble, a play's prologue
	}
	if from < 0 && d.Title != "" {
		from = slices.IndexFunc(d.Sections, func(s corpus.Section) bool {
			return s.Number != 0 && (s.Title == d.Title || strings.HasPrefix(s.Title, d.Title+" · "))
		})
	}
	out := map[int]bool{}
	for i, s := range d.Sections {
		if from < 0 && s.Number == 0 && !frontIsText(d, s) || i < from {
			continue
		}
		if closingTitle.MatchString(s.Title) {
			if len(out) > 0 {
				break // the appendices and notes after the text
			}
			continue
		}
		out[i] = true
	}
	if last := textEndsAt(d, out, numberedFirst); last >= 0 {
		maps.DeleteFunc(out, func(i int, _ bool) bool { return i > last })
	}
	return out
}

// frontIsText reports whether sec, what comes before d's first heading,
// is its text, as a blog post's lede is ("You're building a Keras
// model." over its first heading), not a title page: in a web page, a
// Markdown file or a word processor's document, whose title Lectern
// reads apart, where it opens with a sentence that ends as one does (not
// a documentation page's "What you'll learn" list: "How to use the store
// to update state").
func frontIsText(d *corpus.Document, sec corpus.Section) bool {
	if !d.Format.BySection() && d.Format != corpus.FormatMarkdown || sec.FirstSentence >= sec.EndSentence {
		return false
	}
	s := d.Sentence(sec.FirstSentence)
	text := strings.TrimRight(s.Text, "\"'”’)")
	return prose(s) && strings.ContainsAny(text[max(0, len(text)-1):], ".!?")
}

// textEndsAt is the last of d's body sections (bodySections) that holds
// its text, where its titles say: a text of numbered parts from the first
// ends with the last of them, or what closes them ("CONCLUSION"), as The
// Prince's edition goes on with two other works of Machiavelli's; any
// other with its last part titled only as one that closes it
// ("Conclusion"), as Walden's edition goes on with "ON THE DUTY OF CIVIL
// DISOBEDIENCE". -1 where they do not say.
func textEndsAt(d *corpus.Document, body map[int]bool, numberedFirst bool) int {
	last, numbered, closing := -1, 0, -1
	seen := map[string]bool{} // by the title's first part: War and Peace's 365 chapters lie in 17
	for i := range body {
		title := d.Sections[i].Title
		first, _, _ := strings.Cut(title, " · ")
		is, ok := seen[first]
		if !ok {
			is = numberedPart(first)
			seen[first] = is
		}
		if is {
			last, numbered = max(last, i), numbered+1
		} else if closingPart.MatchString(ownPart(title)) {
			last = max(last, i)
		}
		if closingAlone.MatchString(title) {
			closing = max(closing, i)
		}
	}
	if numberedFirst && numbered >= minNumberedParts {
		return last
	}
	return closing
}

// closingAlone is the title of a part above none that closes a text,
// and says nothing else: "Conclusion", "EPILOGUE.".
var closingAlone = regexp.MustCompile(`(?i)^(?:the\s+)?(?:conclusion|concluding remarks|epilogue|afterword|postscript)\.?$`)

// minNumberedParts is how many numbered parts make a text of them, whose
// sections after the last are none of its text: a page titled "Part 1"
// over sections of its own is not.
const minNumberedParts = 3

// numberedPart reports whether the first part of a section's title
// numbers or names a part by its kind: "CHAPTER XXVI: AN EXHORTATION…",
// "BOOK ONE: 1805" (of "BOOK ONE: 1805 · CHAPTER I"), "CHAPTER THE
// LAST", "FIRST EPILOGUE".
func numberedPart(first string) bool {
	if slices.ContainsFunc(titleRefs(first), func(r sectionRef) bool { return !r.dated() }) {
		return true
	}
	kind := namedKind(first)
	_, named := partKey(first, kind, false)
	return kind != "" && named
}

// openingPart is the title of a part that opens a text of numbered parts
// as part of its text, not an editor's: a constitution's preamble before
// its Article I, a play's prologue before its Act I.
var openingPart = regexp.MustCompile(`(?i)^(?:the\s+)?(?:preamble|prologue|proem|induction)\b`)

// closingPart is the title of a part that closes a text of numbered
// parts without a number of its own.
var closingPart = regexp.MustCompile(`(?i)\b(?:conclusion|concluding|epilogue|afterword|postscript|envoi|finale|recapitulation)\b`)

// endOfSections is the first sentence of the first of secs, or the last
// of the last, that a reader would quote.
func endOfSections(d *corpus.Document, secs map[int]bool, last bool) (int, bool) {
	first, end := sectionsSpan(d, secs)
	step, at := 1, first
	if last {
		step, at = -1, beforeMatter(d, first, beforeReferences(d, first, beforeNotes(d, first, end)))-1
	} else if first < end {
		at = pastEpigraph(d, pastMatter(d, first, end), end)
	}
	for ; at >= first && at < end; at += step {
		if quotableEnd(d.Sentence(at)) {
			return at, true
		}
	}
	return 0, false
}

// sectionsSpan is the run of d's sentences that secs span, from the
// first sentence of the first to the end of the last; first ≥ end where
// secs holds none.
func sectionsSpan(d *corpus.Document, secs map[int]bool) (first, end int) {
	first = d.SentenceCount()
	for i, keep := range secs {
		if keep {
			first, end = min(first, d.Sections[i].FirstSentence), max(end, d.Sections[i].EndSentence)
		}
	}
	return first, end
}

// pastEpigraph is the first sentence after the epigraph or argument that
// opens a part at sentence at, where one does: a paragraph whose last
// sentence ends in its source after a dash ("Since I can do no good
// because a woman, … --The Maid's Tragedy: BEAUMONT AND FLETCHER."), or
// the paragraph under an argument's label ("BOOK I: THE ARGUMENT" over
// "This first Book proposes…"). A chapter opens after it.
func pastEpigraph(d *corpus.Document, at, end int) int {
	s := d.Sentence(at)
	last := at
	for last+1 < end && d.Sentence(last+1).Paragraph == s.Paragraph {
		last++
	}
	argued := argumentLabel.MatchString(ownPart(d.Sections[s.Section].Title))
	if last+1 < end && (argued || attribution.MatchString(strings.TrimSpace(d.Sentence(last).Text))) {
		return last + 1
	}
	return at
}

var (
	// attribution matches the end of an epigraph: its source after a dash.
	attribution = regexp.MustCompile(`(?:--|—)\s*\p{Lu}[^"“”—]{0,80}\.?$`)
	// argumentLabel matches a part's title that labels its summary, the
	// paragraph under it: "BOOK I: THE ARGUMENT", "Synopsis".
	argumentLabel = regexp.MustCompile(`(?i)(?:^|: )(?:the )?(?:argument|synopsis|summary)$`)
)

// quotableEnd reports whether a reader would quote s as where a text
// opens or ends: not code, a stage direction ("[Exeunt.]"), a chapter's
// synopsis or a lead-in ("concerning HIMSELF:").
func quotableEnd(s corpus.Sentence) bool {
	text := strings.TrimSpace(s.Text)
	switch {
	case !prose(s):
		return false
	case strings.HasSuffix(text, ":") && len(text) < 40:
		return false
	}
	return !synopsis.MatchString(text) && !signOff.MatchString(text)
}

// prose reports whether s is a sentence of the text's own words: not
// code, an interviewer's question, empty, or a play's stage direction in
// brackets ("[Exeunt.]").
func prose(s corpus.Sentence) bool {
	text := strings.TrimSpace(s.Text)
	stageDirection := strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]")
	return !s.Code && !s.Question && text != "" && !stageDirection
}
