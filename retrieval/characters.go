package retrieval

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// charactersAsked asks who is in a text: "Who are the main characters?",
// "Who are the characters in Macbeth?", "List the characters.", "Who is
// the protagonist?", "How many characters are there?". No quote answers
// it; the names the text gives most do, in a note.
var charactersAsked = regexp.MustCompile(`(?i)^\W*(?:(?:who\s+are|what\s+are|list|name|show(?:\s+me)?|give\s+me)\s+(?:all\s+)?the\s+(?:(?:main|major|principal|central|key|important)\s+)?(?:characters|people|persons|figures)|who\s+(?:is|was)\s+the\s+(?:main\s+character|protagonist|hero|heroine)|how\s+many\s+(?:main\s+)?characters\s+(?:are\s+there|does\s+(?:it|the\s+\pL+)\s+have|are))(?:\s+(?:in|of)\s+(.{1,80}?))?\s*[?.!]*$`)

// maxListedNames is how many names a note of who is in a text lists.
const maxListedNames = 8

// charactersNote names who is in d: how many speak and those who speak
// most, where its sentences have speakers (a play, a dialogue, a trial
// record), else the names it mentions most, as names and not as the
// people or places they may be.
func charactersNote(d *corpus.Document) string {
	if ranked, counts := speakersByTurns(d); len(ranked) > 0 {
		return fmt.Sprintf("“%s” has %s; those who speak most: %s.", docTitle(d), countedParts(len(ranked), "speaker"), countedNames(ranked, counts, "speech", "speeches"))
	}
	ranked, counts := namesByMentions(d)
	if len(ranked) == 0 {
		return fmt.Sprintf("“%s” names no one often enough for Lectern to say who is in it.", docTitle(d))
	}
	return fmt.Sprintf("The names “%s” mentions most (Lectern counts names; it cannot tell a person from a place): %s.", docTitle(d), countedNames(ranked, counts, "time", "times"))
}

// countedNames lists the first maxListedNames of ranked with their
// counts: "George (312 times), Harris (290)".
func countedNames(ranked []string, counts map[string]int, one, many string) string {
	ranked = ranked[:min(len(ranked), maxListedNames)]
	parts := make([]string, len(ranked))
	for i, name := range ranked {
		switch {
		case i > 0:
			parts[i] = fmt.Sprintf("%s (%d)", name, counts[name])
		case counts[name] == 1:
			parts[i] = fmt.Sprintf("%s (1 %s)", name, one)
		default:
			parts[i] = fmt.Sprintf("%s (%d %s)", name, counts[name], many)
		}
	}
	return strings.Join(parts, ", ")
}

// speakersByTurns ranks d's speakers by how many speeches (paragraphs)
// each has, most first.
func speakersByTurns(d *corpus.Document) ([]string, map[string]int) {
	counts := map[string]int{}
	last := -1
	for _, s := range d.AllSentences() {
		if s.Speaker != "" && s.Paragraph != last {
			counts[s.Speaker]++
		}
		last = s.Paragraph
	}
	return rankedByCount(counts), counts
}

// minMentions is the fewest times a word must be written as a name to
// be listed among the names a text mentions most.
const minMentions = 3

// namesByMentions ranks the words d writes as names most, most first: a
// capitalised word inside a sentence (not its first, nor the first
// after an opening quotation mark), written in lower case at most a
// tenth as often ("Reading" is a town only where "reading" is rare),
// mostly not after "in", "at" or "to" (a place), and no title ("Mr").
func namesByMentions(d *corpus.Document) ([]string, map[string]int) {
	named, placed := map[string]int{}, map[string]int{}
	lower := nameMentions(d, func(word, before, _ string) {
		named[word]++
		if afterPlacePreposition(before) {
			placed[word]++
		}
	})
	for word, n := range named {
		lw := strings.ToLower(word)
		if n < minMentions || lower[lw]*10 > n || placed[word]*2 > n || honorifics[lw] || monthNames[lw] || titledPeople[lw] {
			delete(named, word)
		}
	}
	return rankedByCount(named), named
}

// nameMentions calls named for every word d writes as a name: a
// capitalised word inside a sentence (not its first, nor the first after
// an opening quotation mark), not in capitals and no "I'm". word is
// without a possessive's "'s"; before is the sentence's text before it,
// from its text from it on. It returns how often each word is written
// in lower case.
func nameMentions(d *corpus.Document, named func(word, before, from string)) map[string]int {
	lower := map[string]int{}
	for _, s := range d.AllSentences() {
		for _, m := range nameWord.FindAllStringIndex(s.Text, -1) {
			word := possessive.ReplaceAllString(s.Text[m[0]:m[1]], "")
			r, _ := utf8.DecodeRuneInString(word)
			switch {
			case unicode.IsLower(r):
				lower[word]++
			case opensSentence(s.Text[:m[0]]) || strings.ToUpper(word) == word || contractedI.MatchString(word):
			default:
				named(word, s.Text[:m[0]], s.Text[m[0]:])
			}
		}
	}
	return lower
}

// nameWord is a word as names are written: letters, with an apostrophe
// or a hyphen inside ("O'Brien", "Jean-Paul", and a possessive's "'s",
// which namesByMentions takes off).
var nameWord = regexp.MustCompile(`\p{L}+(?:['’-]\p{L}+)*`)

// possessive is the "'s" after a name: "George’s" is George's.
var possessive = regexp.MustCompile(`['’]s$`)

// contractedI is "I" in a contraction: "I'm", "I’d", "I'll".
var contractedI = regexp.MustCompile(`^I['’]`)

// titledPeople are the words that stand before a name as a title, not
// names themselves: "Lady Macbeth", "Uncle Podger", "King Lear", "Messer
// Ramiro", "Monsieur Defarge".
var titledPeople = map[string]bool{"lady": true, "lord": true, "uncle": true, "aunt": true, "king": true, "queen": true,
	"prince": true, "princess": true, "saint": true, "st": true, "captain": true, "colonel": true, "general": true,
	"professor": true, "mister": true, "madam": true, "madame": true, "mrs": true, "count": true, "countess": true,
	"duke": true, "duchess": true, "baron": true, "baroness": true, "emperor": true, "empress": true, "pope": true,
	"cardinal": true, "bishop": true, "messer": true, "signor": true, "signora": true, "monsieur": true,
	"mademoiselle": true, "herr": true, "frau": true, "messrs": true, "mme": true, "mlle": true, "rev": true,
	"prof": true, "capt": true, "col": true, "gen": true, "lieut": true, "sgt": true}

// opensSentence reports whether a word after before opens a sentence, a
// clause or a quotation: nothing stands before it but spaces, or a stop
// (not a title's: "Mr."), a colon, a dash, a bracket or a quotation mark
// does.
func opensSentence(before string) bool {
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	if before == "" {
		return true
	}
	if abbreviated, ok := strings.CutSuffix(before, "."); ok {
		i := strings.LastIndexFunc(abbreviated, func(r rune) bool { return !unicode.IsLetter(r) })
		if word := strings.ToLower(abbreviated[i+1:]); honorifics[word] || titledPeople[word] {
			return false // "Mr. Harris": the stop is the title's
		}
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("“\"‘'(—–-:.!?;", r)
}

// rankedByCount orders counts' keys by count, most first, then by name.
func rankedByCount(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	return keys
}
