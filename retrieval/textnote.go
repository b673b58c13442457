package retrieval

import (
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
)

// titlePageAsked asks what a title page says: who wrote the text being
// read ("Who wrote this?", "Who is the author of the book?", "Who's the
// author?", "What is the author's name?") or what it is called ("What is
// the title of this book?", "What is the title?", "What is the book
// called?"). The text's own sentences rarely say; its title page or the
// file's details do, and Lectern leaves those out of the text it quotes.
var titlePageAsked = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	writtenBy + theWholeText,
	`who(?:'s|’s|\s+is|\s+was)\s+(?:the|this)\s+(?:author|writer)(?:\s+of\s+` + theWholeText + `)?`,
	`what(?:'s|’s|\s+is|\s+was)\s+the\s+(?:author's|author’s|writer's|writer’s)\s+name`,
	`(?:what(?:'s|’s|\s+is|\s+was)\s+)?the\s+name\s+of\s+the\s+(?:author|writer)`,
	`what(?:'s|’s|\s+is|\s+was)\s+the\s+(?:title|name)\s+of\s+` + theWholeText,
	`what(?:'s|’s|\s+is|\s+was)\s+the\s+title`,
	`what(?:'s|’s|\s+is|\s+was)\s+` + theWholeText + `\s+(?:called|titled)`,
}, "|") + `)\s*[?.!]*$`)

// interviewAsked asks who is interviewed, or who interviews, in an
// interview: "Who is being interviewed?", "Who is the interviewer?",
// "Who asks the questions?". Its title page says (interviewed).
var interviewAsked = regexp.MustCompile(`(?i)^(?:who(?:'s|’s|\s+is|\s+was)\s+(?:being\s+)?interviewed|who(?:'s|’s|\s+is|\s+was)\s+the\s+(?:interviewer|interviewee)|who\s+(?:conducted|did|gave|does)\s+(?:the|this)\s+interview|who\s+(?:asks|asked|is asking)\s+the\s+questions)(?:\s+in\s+` + theWholeText + `)?\s*[?.!]*$`)

// interviewed reports whether docs are one interview whose author, as its
// title page or the file's details give it, says who interviewed whom
// ("Suzi Weissman, interviewed by Dan La Botz for New Politics").
func interviewed(docs []*corpus.Document) bool {
	return len(docs) == 1 && strings.Contains(strings.ToLower(docs[0].Author), "interview")
}

// writtenBy asks who wrote what follows it: "Who wrote", "Who is the
// author of".
const writtenBy = `who\s+(?:wrote|has written|authored|penned|(?:is|was)\s+the\s+(?:author|writer)\s+of)\s+`

// authorAsked asks who wrote a text or part it names: "Who wrote
// Walden?", "Who is the author of Federalist No. 10?".
var authorAsked = regexp.MustCompile(`(?i)^\W*` + writtenBy + `(.{1,80}?)\s*[?.!]*$`)

// theWholeText is how a question points at the text it is asked of:
// "this", "it", "the book", "this novel".
var theWholeText = `(?:this|it|(?:the|this)\s+(?:` + wordAlternatives(wholeTextNouns) + `))`

// translatorAsked asks who translated a text: "Who translated the
// book?", "Who is the translator?", "Who translated War and Peace?".
var translatorAsked = regexp.MustCompile(`(?i)^\W*(?:who\s+(?:translated|(?:is|was)\s+the\s+translator\s+of)\s+(.{1,80}?)|who(?:'s|’s|\s+is|\s+was)\s+the\s+translator(?:\s+of\s+(.{1,80}?))?)\s*[?.!]*$`)

// documentsNamed are the documents a question about a text names: every
// one where it names none or names it as "the book" or "this", else the
// one titled so (titledDocument); nil where none is.
func (ix *Index) documentsNamed(named string) []*corpus.Document {
	if named == "" || wholeTextNamed.MatchString(named) {
		return ix.corpus.Documents
	}
	if d := titledDocument(ix.corpus.Documents, named); d != nil {
		return []*corpus.Document{d}
	}
	return nil
}

// translatorNote names who translated docs, as far as their title pages
// or the files' details say.
func translatorNote(docs []*corpus.Document) string {
	const where = "its title page or the file's details"
	if len(docs) == 1 {
		d := docs[0]
		if d.Translator == "" {
			return fmt.Sprintf("“%s” does not name a translator where Lectern can read it (%s).", docTitle(d), where)
		}
		return fmt.Sprintf("“%s” was translated by %s: %s say so, and Lectern quotes only the text itself.", docTitle(d), d.Translator, where)
	}
	return listedNote(docs, "a translator", func(d *corpus.Document) string {
		if d.Translator == "" {
			return ""
		}
		return fmt.Sprintf("“%s” was translated by %s", docTitle(d), d.Translator)
	})
}

// maxNotedAuthors is how many texts' authors a note names, in a corpus of
// several.
const maxNotedAuthors = 3

// Note answers a question about the text itself that no quote can, as
// Lectern quotes the text's sentences and leaves its title page out: who
// wrote it or what it is called ("Who wrote this?", "What is the book
// called?"), from what its title page or the file's details say
// (corpus.Document's Title, Author and Translator), how many parts of a
// kind it has ("How many chapters are there?"), from its sections'
// titles, how long it is ("How long is the book?"), who is in it ("Who
// are the main characters?") and where and when it is set ("Where does
// the story take place?"), from its sentences. It is "" for any
// other question; the quotes are found as for any question, and a front
// end shows the note above them.
func (ix *Index) Note(question string) string {
	text := strings.TrimSpace(ix.asAsked(cleanQuery(question)))
	if titlePageAsked.MatchString(text) || interviewAsked.MatchString(text) && interviewed(ix.corpus.Documents) {
		return titlePageNote(ix.corpus.Documents)
	}
	if m := translatorAsked.FindStringSubmatch(text); m != nil {
		if docs := ix.documentsNamed(m[1] + m[2]); docs != nil {
			return translatorNote(docs)
		}
	}
	if m := authorAsked.FindStringSubmatch(text); m != nil {
		if d := titledDocument(ix.corpus.Documents, m[1]); d != nil {
			return titlePageNote([]*corpus.Document{d})
		}
	}
	if m := charactersAsked.FindStringSubmatch(text); m != nil {
		if d := ix.documentNamed(m[1]); d != nil {
			return charactersNote(d)
		}
	}
	if note, ok := ix.settingNote(text); ok {
		return note
	}
	if named, ok := lengthNamed(text); ok {
		if docs := ix.measuredDocuments(named); docs != nil {
			return lengthNote(docs)
		}
	}
	if m := partsAsked.FindStringSubmatch(text); m != nil && len(ix.corpus.Documents) == 1 {
		d, kind := ix.corpus.Documents[0], refKinds[strings.ToLower(m[1])]
		return orOtherParts(partsNote(d, kind, nil, ""), d, kind)
	}
	if m := partsListed.FindStringSubmatch(text); m != nil {
		if d := ix.documentNamed(m[2]); d != nil {
			kind := refKinds[strings.ToLower(m[1])]
			return orOtherParts(partsList(d, kind), d, kind)
		}
	}
	if d := ix.corpus.Documents; questionsListed.MatchString(text) && len(d) == 1 && asksQuestions(d[0]) {
		return partsList(d[0], "section")
	}
	if m := partsInPart.FindStringSubmatch(text); m != nil {
		return ix.partsOf(refKinds[strings.ToLower(m[1])], strings.TrimSpace(m[2]+m[3]))
	}
	return ""
}

// partsOf counts the parts of a kind in what a question names: a part of
// the text ("How many scenes are in Act 1?") or a text by its title
// ("How many books are in Leaves of Grass?"); "" where it names neither.
func (ix *Index) partsOf(kind, named string) string {
	if namesPart(named) {
		refs, _ := sectionRefs(named)
		if within := ix.sectionsReferred(refs); len(within) == 1 {
			for d, secs := range within {
				return partsNote(d, kind, secs, named)
			}
		}
		return ""
	}
	if d := titledDocument(ix.corpus.Documents, named); d != nil {
		return orOtherParts(partsNote(d, kind, nil, ""), d, kind)
	}
	return ""
}

// orOtherParts is said, a note of d's parts of kind, or where its
// headings name none so ("") what they do divide it into: "“Macbeth” has no
// chapters by its headings; they name 5 acts and 26 scenes.", the
// headed parts too where those named cover fewer than half of them
// ("…they name 16 letters among its 92 headed parts."), "“Walden”
// has no chapters by its headings, which divide it into 19 parts:
// Economy; Where I Lived, and What I Lived For; …". A reading group asks
// for chapters of a book whose chapters are headed by their titles
// alone; silence would leave them guessing. Sections are what Lectern
// cites and paragraphs what it counts itself: none is said of them.
func orOtherParts(said string, d *corpus.Document, kind string) string {
	if said != "" || kind == "section" || kind == "paragraph" {
		return said
	}
	none := fmt.Sprintf("“%s” has no %ss by its headings", docTitle(d), kind)
	titles := headedParts(d)
	var named []string
	covered := map[int]bool{} // the sections that lie in a part named so
	for _, other := range otherPartKinds(kind) {
		parts := map[string]bool{}
		for i, key := range partKeys(d, other) {
			if key != "" {
				parts[key] = true
				if d.Sections[i].Number > 0 {
					covered[i] = true
				}
			}
		}
		if len(parts) > 0 {
			named = append(named, countedParts(len(parts), other))
		}
	}
	if len(named) > 0 {
		if 2*len(covered) < len(titles) {
			return fmt.Sprintf("%s; they name %s among its %d headed parts.", none, joinAnd(named), len(titles))
		}
		return none + "; they name " + joinAnd(named) + "."
	}
	if len(titles) < 2 {
		return none + ", nor any headings that divide it."
	}
	return fmt.Sprintf("%s, which divide it into %d parts: %s", none, len(titles), listed(titles))
}

// headedParts are the titles of d's parts at the highest level of its
// headings that holds two or more ("Economy", "Sounds", … of Walden's
// headings; a documentation page's title over its headings aside), each
// once and without the titles above it.
func headedParts(d *corpus.Document) []string {
	byLevel := map[int][]string{}
	for _, s := range d.Sections {
		title := s.Title
		if i := strings.LastIndex(title, " · "); i >= 0 {
			title = title[i+len(" · "):]
		}
		if s.Number > 0 && title != "" && !slices.Contains(byLevel[s.Level], title) {
			byLevel[s.Level] = append(byLevel[s.Level], title)
		}
	}
	var top []string
	for _, level := range slices.Sorted(maps.Keys(byLevel)) {
		if top = byLevel[level]; len(top) >= 2 {
			break
		}
	}
	return top
}

// otherPartKinds are the kinds of part a heading may name, kind aside, in
// a fixed order.
func otherPartKinds(kind string) []string {
	var kinds []string
	for _, k := range refKinds {
		if k != kind && k != "section" && k != "paragraph" && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	slices.Sort(kinds)
	return kinds
}

// countedParts is n parts of kind, as a phrase: "5 acts", "1 book".
func countedParts(n int, kind string) string {
	if n == 1 {
		return "1 " + kind
	}
	return fmt.Sprintf("%d %ss", n, kind)
}

// joinAnd joins phrases as a list: "a", "a and b", "a, b and c".
func joinAnd(phrases []string) string {
	if len(phrases) < 2 {
		return strings.Join(phrases, "")
	}
	return strings.Join(phrases[:len(phrases)-1], ", ") + " and " + phrases[len(phrases)-1]
}

// partsAsked asks how many parts of a kind the text has: "How many
// chapters are there?", "How many acts does the play have?", "How many
// letters are in the book?" (read without the text it names: "How many
// letters are?").
var partsAsked = regexp.MustCompile(`(?i)^how\s+many\s+(` + alternatives(refKinds) + `)s?\s+(?:are(?:\s+there)?|(?:are\s+)?(?:there\s+)?in\s+` + theWholeText + `|(?:does|do)\s+` + theWholeText + `\s+have)(?:\s+in\s+(?:total|all))?\s*[?.!]*$`)

// partsListed asks for a text's parts of a kind by their titles: "What
// are the chapters?", "List the chapters.", "What are the chapter titles
// of the book?", "What are the books of Leaves of Grass?".
var partsListed = regexp.MustCompile(`(?i)^(?:what\s+are|list|name|show(?:\s+me)?|give\s+me)\s+(?:all\s+)?the\s+(` + alternatives(refKinds) + `)(?:s|\s+(?:titles|names|headings))(?:\s+(?:of|in)\s+(.{1,80}?))?\s*[?.!]*$`)

// wholeTextNamed matches how a question names the text it is asked of.
var wholeTextNamed = regexp.MustCompile(`(?i)^` + theWholeText + `$`)

// documentNamed is the one document a question names (documentsNamed);
// nil where it names none or several.
func (ix *Index) documentNamed(named string) *corpus.Document {
	if docs := ix.documentsNamed(named); len(docs) == 1 {
		return docs[0]
	}
	return nil
}

// maxListedParts is how many parts' titles a note lists.
const maxListedParts = 12

// partsList is partsNote with the parts' titles, in order, the first
// maxListedParts of them: "“Macbeth” has 5 acts, by its headings: ACT I;
// ACT II; …". Sections, where no heading names one, are listed as Lectern
// cites them (citedSections: an interview's questions). "" where no title
// names a part of kind.
func partsList(d *corpus.Document, kind string) string {
	count := partsNote(d, kind, nil, "")
	var names []string
	if count != "" {
		for _, key := range partKeys(d, kind) {
			if key != "" && !slices.Contains(names, key) {
				names = append(names, key)
			}
		}
		for i, key := range names {
			names[i] = ownPart(key)
		}
	} else if kind == "section" {
		count, names = citedSections(d)
	}
	if count == "" {
		return ""
	}
	return strings.TrimSuffix(count, ".") + ": " + listed(names)
}

// listed is the first maxListedParts of names, in order, as a sentence's
// end: "ACT I; ACT II; and 3 more.".
func listed(names []string) string {
	list := strings.Join(names[:min(len(names), maxListedParts)], "; ")
	if more := len(names) - maxListedParts; more > 0 {
		list += fmt.Sprintf("; and %d more", more)
	}
	if !strings.HasSuffix(list, "?") && !strings.HasSuffix(list, "!") {
		list = strings.TrimSuffix(list, ".") + "."
	}
	return list
}

// citedSections counts d's sections as Lectern cites them (§1, §2, …),
// front matter aside, and names each by its number and title: "§1 What
// is it that makes the Russian Revolution so important for the left?".
func citedSections(d *corpus.Document) (count string, names []string) {
	for _, s := range d.Sections {
		if s.Number > 0 {
			names = append(names, fmt.Sprintf("§%d %s", s.Number, s.Title))
		}
	}
	if len(names) == 0 {
		return "", nil
	}
	return fmt.Sprintf("“%s” has %d sections, as Lectern cites them.", docTitle(d), len(names)), names
}

// questionsListed asks for an interview's questions: "What are the
// questions?", "List the questions asked in the interview.".
var questionsListed = regexp.MustCompile(`(?i)^(?:what\s+are|list|show(?:\s+me)?|give\s+me)\s+(?:all\s+)?the\s+questions(?:\s+asked)?(?:\s+in\s+` + theWholeText + `)?\s*[?.!]*$`)

// asksQuestions reports whether d is an interview, its sections under the
// interviewer's questions.
func asksQuestions(d *corpus.Document) bool {
	for _, s := range d.Sections {
		if s.FirstSentence < s.EndSentence && d.Sentence(s.FirstSentence).Question {
			return true
		}
	}
	return false
}

// partsInPart asks how many parts of a kind a part of the text has:
// "How many scenes are in Act 1?", "How many chapters does book 2
// have?".
var partsInPart = regexp.MustCompile(`(?i)^how\s+many\s+(` + alternatives(refKinds) + `)s?\s+(?:are(?:\s+there)?\s+in\s+(.{1,60}?)|(?:does|do)\s+(.{1,60}?)\s+have)\s*[?.!]*$`)

// partsNote says how many parts of kind d has, in the sections within
// names (the part where says) where within is not nil: the parts its
// sections' titles number or name so, a part counted once however many
// sections it spans ("CHAPTER IV" and "CHAPTER IV · SEXUAL SELECTION"),
// and once in each part above it (a scene in each act, a chapter in each
// book). "" where no title names a part so.
func partsNote(d *corpus.Document, kind string, within map[int]bool, where string) string {
	n := partsWithin(d, kind, within)
	if n == 0 {
		return ""
	}
	if where != "" {
		return fmt.Sprintf("“%s” has %s in %s, by its headings.", docTitle(d), countedParts(n, kind), where)
	}
	return fmt.Sprintf("“%s” has %s, by its headings.", docTitle(d), countedParts(n, kind))
}

// partsWithin counts the parts of kind d's sections within lie in (all
// of them where within is nil), each once however many sections it
// spans (partKeys).
func partsWithin(d *corpus.Document, kind string, within map[int]bool) int {
	parts := map[string]bool{}
	for i, key := range partKeys(d, kind) {
		if key != "" && (within == nil || within[i]) {
			parts[key] = true
		}
	}
	return len(parts)
}

// titlePageNote names docs and their authors, as far as they are known.
func titlePageNote(docs []*corpus.Document) string {
	if len(docs) == 1 {
		d := docs[0]
		switch strings.ToLower(d.Author) {
		case "":
			return fmt.Sprintf("“%s” does not name its author where Lectern can read it (a title page or the file's details).", docTitle(d))
		case "anonymous", "unknown":
			return fmt.Sprintf("“%s” names no author: its title page or the file's details say “%s”.", docTitle(d), d.Author)
		}
		return fmt.Sprintf("“%s” is by %s: its title page or the file's details say so, and Lectern quotes only the text itself.", docTitle(d), d.Author)
	}
	return listedNote(docs, "its author", func(d *corpus.Document) string {
		if d.Author == "" {
			return ""
		}
		return fmt.Sprintf("“%s” is by %s", docTitle(d), d.Author)
	})
}

// listedNote says of several docs what their title pages or the files'
// details give: what said says of each ("“Walden” is by Henry David
// Thoreau"; "" where they give nothing), the first maxNotedAuthors of
// them, or that none names what.
func listedNote(docs []*corpus.Document, what string, said func(*corpus.Document) string) string {
	const where = "their title pages or the files' details"
	var named []string
	for _, d := range docs {
		if s := said(d); s != "" {
			named = append(named, s)
		}
	}
	switch {
	case len(named) == 0:
		return fmt.Sprintf("None of the %d texts names %s where Lectern can read it (%s).", len(docs), what, where)
	case len(named) > maxNotedAuthors:
		return fmt.Sprintf("As %s say: %s; and %d texts more.", where, strings.Join(named[:maxNotedAuthors], "; "), len(named)-maxNotedAuthors)
	}
	return fmt.Sprintf("As %s say: %s.", where, strings.Join(named, "; "))
}

// titledDocument is the one document of docs whose title is name, or
// the title before its subtitle or a second work ("Walden" for "Walden;
// or, Life in the Woods" and "Walden, and on the Duty of Civil
// Disobedience"), a leading "the" and quotation marks aside; else the one
// whose title holds every word of two or more name has ("Huckleberry
// Finn" for "Adventures of Huckleberry Finn, Complete"), or else whose
// file's name does ("the Gospel of John" for "kjv-gospel-of-john.txt",
// its title "The Bible, King James version, Book 43: John"); else the one
// a single word names as what the text is of (headedOnly: "the
// constitution", "the voyage"). nil where none or several are.
func titledDocument(docs []*corpus.Document, name string) *corpus.Document {
	found, n := titleMatches(docs, name)
	if want := plainTitle(name); n == 0 && len(titleWords(want)) == 1 && !strings.Contains(want, " ") {
		found, n = headedOnly(docs, want)
	}
	if n != 1 {
		return nil
	}
	return found
}

// titleMatches is the last of docs that name titles, by its title, the
// title before its subtitle, or every word of two or more (titledDocument
// but for a word naming what a text is of), and how many do.
func titleMatches(docs []*corpus.Document, name string) (*corpus.Document, int) {
	want := plainTitle(name)
	found, n := titledOnly(docs, func(title string) bool {
		main, _, _ := strings.Cut(strings.NewReplacer(";", ":", ",", ":").Replace(title), ":")
		return want == plainTitle(title) || want == plainTitle(main)
	})
	words := titleWords(want)
	if n == 0 && len(words) >= 2 {
		found, n = titledOnly(docs, func(title string) bool { return holdsAll(titleWords(title), words) })
	}
	if n == 0 && len(words) >= 2 {
		found, n = filedOnly(docs, func(name string) bool { return holdsAll(titleWords(name), words) })
	}
	return found, n
}

// titledOnly is the last of docs whose titles match, and how many do.
func titledOnly(docs []*corpus.Document, match func(title string) bool) (*corpus.Document, int) {
	return namedOnce(docs, func(d *corpus.Document) string { return d.Title }, match)
}

// headedOnly is the one of docs whose title word heads as what the text
// is of ("constitution" for "Constitution of the State of North
// Carolina…"), else whose file's name it so heads ("gospel" for
// "kjv-gospel-of-john.txt"), and how many are.
func headedOnly(docs []*corpus.Document, word string) (*corpus.Document, int) {
	heads := func(name string) bool {
		return strings.Contains(" "+strings.Join(plainWords(name), " ")+" ", " "+word+" of ")
	}
	if found, n := titledOnly(docs, heads); n > 0 {
		return found, n
	}
	return filedOnly(docs, heads)
}

// filedOnly is the last of docs whose file's name, without its folder
// and extension, matches, and how many do.
func filedOnly(docs []*corpus.Document, match func(name string) bool) (*corpus.Document, int) {
	return namedOnce(docs, func(d *corpus.Document) string {
		return strings.TrimSuffix(filepath.Base(d.Name), filepath.Ext(d.Name))
	}, match)
}

// namedOnce is the last of docs whose name, as nameOf gives it, matches,
// and how many do; a document without one matches nothing.
func namedOnce(docs []*corpus.Document, nameOf func(*corpus.Document) string, match func(name string) bool) (*corpus.Document, int) {
	var found *corpus.Document
	n := 0
	for _, d := range docs {
		if name := nameOf(d); name != "" && match(name) {
			found, n = d, n+1
		}
	}
	return found, n
}

// plainTitle is a title as compared: in lower case, without quotation
// marks, emphasis, a leading "the" or space at its ends.
func plainTitle(title string) string {
	title = strings.ToLower(strings.Trim(strings.TrimSpace(title), "\"'“”‘’*_,. "))
	return strings.Join(strings.Fields(strings.TrimPrefix(title, "the ")), " ")
}

// docTitle is how a note names a document: its title, else its file.
func docTitle(d *corpus.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.Name
}
