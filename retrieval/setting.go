package retrieval

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// takesPlace is how a question asks where or when a text is set, the
// text named in its first or second group: "does the story take place",
// "is War and Peace set", "does it happen".
const takesPlace = `(?:(?:does|did)\s+(.{1,80}?)\s+(?:take\s+place|happen|unfold)|(?:is|was)\s+(.{1,80}?)\s+set)`

// settingAsked asks where a text is set: "Where does the story take
// place?", "Where is War and Peace set?", "What is the setting?", "What
// places does it mention?". No quote answers it; the places the text
// names most do, in a note. The text named is in one of its groups.
var settingAsked = regexp.MustCompile(`(?i)^\W*(?:where\s+` + takesPlace + `|what\s+is\s+the\s+setting(?:\s+of\s+(.{1,80}?))?|(?:what|which)\s+(?:are\s+the\s+(?:main\s+)?places|places\s+(?:are\s+(?:mentioned|named)|does\s+(.{1,80}?)\s+(?:mention|name)))(?:\s+in\s+(.{1,80}?))?)\s*[?.!]*$`)

// periodAsked asks when a text is set: "When does the story take
// place?", "When is the novel set?", "In what year does it happen?".
// The years the text names most answer it, in a note.
var periodAsked = regexp.MustCompile(`(?i)^\W*(?:when|in\s+what\s+(?:year|years|period|era|time))\s+` + takesPlace + `\s*[?.!]*$`)

// settingNote answers settingAsked and periodAsked of the one text the
// question names; ok is false for any other question.
func (ix *Index) settingNote(text string) (note string, ok bool) {
	for _, asked := range []struct {
		pattern *regexp.Regexp
		note    func(*corpus.Document) string
	}{{settingAsked, placesNote}, {periodAsked, yearsNote}} {
		if m := asked.pattern.FindStringSubmatch(text); m != nil {
			if d := ix.documentNamed(strings.Join(m[1:], "")); d != nil {
				return asked.note(d), true
			}
		}
	}
	return "", false
}

// placesNote names the places d names most: names written after "in",
// "at", "from" and the like.
func placesNote(d *corpus.Document) string {
	counts := placesByMentions(d)
	if len(counts) == 0 {
		return fmt.Sprintf("“%s” names no place often enough for Lectern to say where it is set.", docTitle(d))
	}
	return fmt.Sprintf("The places “%s” names most (Lectern counts the names written after “in”, “at”, “from” and the like): %s.",
		docTitle(d), countedNames(rankedByCount(counts), counts, "time", "times"))
}

// yearsNote names the years d names most, or says it names none.
func yearsNote(d *corpus.Document) string {
	counts := map[string]int{}
	for _, s := range d.AllSentences() {
		for _, y := range yearWritten.FindAllStringSubmatch(s.Text, -1) {
			if !slices.Contains(lengthUnits, y[2]) && !countedAfterYear[y[2]] {
				counts[y[1]]++
			}
		}
	}
	for y, n := range counts {
		if n < minMentions {
			delete(counts, y)
		}
	}
	if len(counts) == 0 {
		return fmt.Sprintf("“%s” names no year often enough for Lectern to say when it is set.", docTitle(d))
	}
	return fmt.Sprintf("The years “%s” names most: %s.", docTitle(d), countedNames(rankedByCount(counts), counts, "time", "times"))
}

// yearWritten is a year as a text writes it, and the word after it:
// four figures from 1000 to 2099 standing alone ("in 1812", not
// "1812-13" nor "£1,200").
var yearWritten = regexp.MustCompile(`(?:^|[\s(])(1\d{3}|20\d{2})(?:$|[.,;:!?)]|\s+(\pL*))`)

// countedAfterYear are the words after a number that count something,
// and so make it no year: "2000 men", "1500 pounds". Units of length
// ("2000 feet") are lengthUnits.
var countedAfterYear = map[string]bool{"men": true, "people": true, "persons": true, "souls": true, "inhabitants": true,
	"pounds": true, "tons": true, "dollars": true, "acres": true, "head": true, "horses": true, "soldiers": true}

// placesByMentions counts the places d names at least minMentions
// times: a name, of one word or of several ("New York", "Tierra del
// Fuego"), written after a preposition of place at least a fifth of the
// times it is written as a name ("to Harris" is no place: Harris is
// named far more often) and once at least after "in", "near" or the
// like (no one is "in Pierre", though many speak "to Pierre"), and
// written in lower case at most a tenth as often ("in The" of a verse
// line, "in the State"). placeName leaves out months, titles, pronouns
// and numbered parts.
func placesByMentions(d *corpus.Document) map[string]int {
	counts, within, named := map[string]int{}, map[string]int{}, map[string]int{}
	lower := nameMentions(d, func(word, before, from string) {
		named[word]++
		if !afterPlacePreposition(before) || precededByName(before) {
			return
		}
		if place, ok := placeName(from); ok {
			counts[place]++
			if withinPlace(before) {
				within[place]++
			}
		}
	})
	for place, n := range counts {
		first, _, _ := strings.Cut(place, " ")
		if n < minMentions || within[place] == 0 || n*5 < named[first] || lower[strings.ToLower(first)]*10 > named[first] {
			delete(counts, place)
		}
	}
	return counts
}

// withinPlace reports whether before, the text before a name, ends with
// a preposition that only a place follows: "in", "near", "across".
func withinPlace(before string) bool {
	words := strings.Fields(before)
	for i := len(words) - 1; i >= max(0, len(words)-2); i-- {
		if w := strings.ToLower(words[i]); withinPrepositions[w] {
			return true
		} else if w != "the" {
			return false
		}
	}
	return false
}

// withinPrepositions come before a place and seldom before a person.
var withinPrepositions = map[string]bool{"in": true, "near": true, "into": true, "inside": true, "outside": true, "across": true, "throughout": true, "within": true}

// precededByName reports whether the word before a name is a capitalised
// word too: "Tierra del Fuego" is counted once, from "Tierra".
func precededByName(before string) bool {
	words := strings.Fields(before)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	r, _ := utf8.DecodeRuneInString(last)
	return unicode.IsUpper(r) || nameLinks[last]
}

// nameLinks join the words of a place's name: "Tierra del Fuego", "Rio
// de Janeiro".
var nameLinks = map[string]bool{"de": true, "del": true, "da": true, "do": true, "du": true, "la": true, "le": true, "von": true, "van": true}

// placeName reads the name of a place that text opens with: its
// capitalised words and the links between them. It reports false for
// a possessive ("in Pierre’s face"), a month, a weekday, a title, a
// pronoun, a language or a numbered part.
func placeName(text string) (string, bool) {
	var words []string
	rest := text
	for {
		loc := nameWord.FindStringIndex(rest)
		if loc == nil || strings.TrimSpace(rest[:loc[0]]) != "" {
			break
		}
		w := rest[loc[0]:loc[1]]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !(nameLinks[w] && len(words) > 0) {
			break
		}
		if possessive.MatchString(w) {
			return "", false // "in Pierre’s face" names no place
		}
		words = append(words, w)
		rest = rest[loc[1]:]
	}
	for len(words) > 0 && nameLinks[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return "", false
	}
	first := strings.ToLower(words[0])
	numbered := strings.IndexFunc(strings.TrimSpace(rest), unicode.IsDigit) == 0
	demonym := len(words) == 1 && slices.ContainsFunc(demonymEndings, func(e string) bool { return strings.HasSuffix(first, e) })
	if monthNames[first] || honorifics[first] || titledPeople[first] || notPlaces[first] || demonym || numbered || strings.ToUpper(words[0]) == words[0] {
		return "", false
	}
	return strings.Join(words, " "), true
}

// notPlaces are words written with a capital after "in" or "to" that
// name no place: pronouns of God or a king ("in Him", "to Thee"), God
// and the persons of the Trinity, "I" in a contraction ("I'd"), and
// languages ("in French"; demonymEndings has "English", "Russian").
var notPlaces = map[string]bool{"he": true, "him": true, "his": true, "thee": true, "thou": true, "thy": true, "thine": true,
	"me": true, "my": true, "i": true, "i'd": true, "i’d": true, "i'll": true, "i’ll": true, "i'm": true, "i’m": true,
	"god": true, "gods": true, "father": true, "son": true, "spirit": true,
	"french": true, "german": true, "greek": true, "latin": true, "hebrew": true, "dutch": true}

// demonymEndings end a people's or a language's name, no place's: "in
// English", "to the Martians", "from the Europeans".
var demonymEndings = []string{"ish", "ian", "ians", "ean", "eans", "ese", "ican", "icans"}
