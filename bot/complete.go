package bot

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// completer answers autocomplete from tables built once, so that a
// keystroke costs microseconds however large the text: quotations by
// word, section titles, file names, and the text's words by prefix.
type completer struct {
	search Searcher
	// The tables are built in the background: a library's hundreds of
	// thousands of quotations and sections take seconds, and questions
	// need not wait for them. ready is closed once they are built; until
	// then autocomplete offers nothing, and a command that names a
	// section, text or speaker waits for them (tables).
	ready    chan struct{}
	quotes   *quoteTable
	sections []titleChoice
	files    []titleChoice
	speakers []titleChoice // by how many sentences they speak, most first
	// busy bounds the autocompletes being worked out at once; one that
	// finds no room gets no choices rather than wait.
	busy chan struct{}
}

// titleChoice is a section or file to offer.
type titleChoice struct {
	label, lower, value string
	number              string   // the section's number, for typed numbers
	words               []string // of the label, for whole-word matches
}

func newTitleChoice(label, value, number string) titleChoice {
	label = retrieval.Clip(label, maxChoice)
	return titleChoice{label: label, lower: strings.ToLower(label), value: value, number: number, words: words(label)}
}

// quoteTable is the text's quotations of two words or more, as offered,
// with the quotations holding each word.
type quoteTable struct {
	quotes []string
	byWord map[string][]int32 // word → quotations holding it, in order
	words  []string           // byWord's keys, sorted, for prefix lookups
}

func newQuoteTable(cp *corpus.Corpus) *quoteTable {
	t := &quoteTable{byWord: map[string][]int32{}}
	seen := map[string]bool{}
	for _, d := range cp.Documents {
		for _, q := range d.Quotations {
			text := retrieval.Clip(strings.Join(strings.Fields(q.Text), " "), maxChoice)
			key := dedupeKey(text)
			if len(strings.Fields(text)) < 2 || seen[key] {
				continue
			}
			seen[key] = true
			id := int32(len(t.quotes))
			t.quotes = append(t.quotes, text)
			for _, w := range uniqueWords(text) {
				t.byWord[w] = append(t.byWord[w], id)
			}
		}
	}
	t.words = make([]string, 0, len(t.byWord))
	for w := range t.byWord {
		t.words = append(t.words, w)
	}
	slices.Sort(t.words)
	return t
}

// newCompleter starts building the tables of search's corpus.
func newCompleter(search Searcher) *completer {
	c := &completer{search: search, ready: make(chan struct{}), busy: make(chan struct{}, 8)}
	go func() {
		defer close(c.ready)
		c.build(search.Corpus())
	}()
	return c
}

// built reports whether the tables are ready, without waiting.
func (c *completer) built() bool {
	select {
	case <-c.ready:
		return true
	default:
		return false
	}
}

// tables returns c once its tables are built.
func (c *completer) tables() *completer {
	<-c.ready
	return c
}

// build fills the tables from cp.
func (c *completer) build(cp *corpus.Corpus) {
	c.quotes = newQuoteTable(cp)
	for di, d := range cp.Documents {
		for _, s := range d.Sections {
			label := "§" + strconv.Itoa(s.Number) + " · " + s.Title
			if len(cp.Documents) > 1 {
				label = d.Name + " · " + label
			}
			c.sections = append(c.sections, newTitleChoice(label, sectionValue(di, s.Number), strconv.Itoa(s.Number)))
		}
		c.files = append(c.files, newTitleChoice(d.Name+" · "+d.Title, strconv.Itoa(di), ""))
	}
	c.speakers = speakerChoices(cp)
}

// speakerChoices are the corpus's speakers, those who speak most first.
func speakerChoices(cp *corpus.Corpus) []titleChoice {
	turns := map[string]int{}
	for _, d := range cp.Documents {
		for _, s := range d.SpokenSentences() {
			turns[s.Speaker]++
		}
	}
	names := make([]string, 0, len(turns))
	for n := range turns {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if turns[a] != turns[b] {
			return turns[b] - turns[a]
		}
		return strings.Compare(a, b)
	})
	out := make([]titleChoice, len(names))
	for i, n := range names {
		out[i] = newTitleChoice(n, retrieval.Clip(n, maxChoice), "")
	}
	return out
}

// speaker finds the speaker a reader typed or picked, as the corpus names
// them; false when the text has no such speaker.
func (c *completer) speaker(typed string) (string, bool) {
	typed = strings.TrimSpace(typed)
	for _, s := range c.speakers {
		if strings.EqualFold(s.value, typed) {
			return s.value, true
		}
	}
	if choices := titleChoices(c.speakers, typed); len(choices) == 1 {
		return choices[0].Value.(string), true
	}
	return "", false
}

// sectionValue is how an autocompleted section travels: "doc:number".
func sectionValue(doc, number int) string { return strconv.Itoa(doc) + ":" + strconv.Itoa(number) }

// words splits text into lowercase words of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func uniqueWords(text string) []string {
	ws := words(text)
	slices.Sort(ws)
	return slices.Compact(ws)
}

// dedupeKey is text reduced to its letters and digits, so that choices
// differing only in punctuation, case or spacing count as one.
func dedupeKey(text string) string { return strings.Join(words(text), " ") }

// quoteChoices suggests quotations holding what was typed, the last word
// possibly unfinished, then the typed phrase with its last word
// completed from the text's words ("kronst" → "Kronstadt").
func (c *completer) quoteChoices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	ws := words(typed)
	partial := ""
	if len(ws) > 0 && !strings.HasSuffix(typed, " ") {
		partial, ws = ws[len(ws)-1], ws[:len(ws)-1]
	}
	var completions []string
	if partial != "" {
		head := ""
		if i := strings.LastIndex(strings.ToLower(typed), partial); i > 0 && i <= len(typed) {
			head = strings.TrimSpace(typed[:i])
		}
		for _, w := range c.search.Complete(partial, 5) {
			completions = append(completions, strings.TrimSpace(head+" "+w))
		}
	}
	var out []*discordgo.ApplicationCommandOptionChoice
	seen := map[string]bool{}
	add := func(text string) {
		text = retrieval.Clip(text, maxChoice)
		key := dedupeKey(text)
		if key == "" || seen[key] || len(out) == maxChoices {
			return
		}
		for k := range seen {
			if strings.HasPrefix(k, key) || strings.HasPrefix(key, k) && len(k) > 20 {
				return // a clipped or extended copy of a choice already made
			}
		}
		seen[key] = true
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: text, Value: text})
	}
	room := maxChoices - min(len(completions), 5)
	for _, id := range c.quotes.matching(ws, partial, room) {
		add(c.quotes.quotes[id])
	}
	for _, s := range completions {
		add(s)
	}
	return out
}

// matching returns up to n quotations holding every word of ws and,
// when partial is not "", a word beginning with it; in text order.
func (t *quoteTable) matching(ws []string, partial string, n int) []int32 {
	var sets [][]int32
	for _, w := range ws {
		ids, ok := t.byWord[w]
		if !ok {
			return nil
		}
		sets = append(sets, ids)
	}
	if partial != "" {
		var union []int32
		i, _ := slices.BinarySearch(t.words, partial)
		for ; i < len(t.words) && strings.HasPrefix(t.words[i], partial) && len(union) < 20000; i++ {
			union = append(union, t.byWord[t.words[i]]...)
		}
		if len(union) == 0 {
			return nil
		}
		slices.Sort(union)
		sets = append(sets, slices.Compact(union))
	}
	if len(sets) == 0 {
		n = min(n, len(t.quotes))
		out := make([]int32, n)
		for i := range out {
			out[i] = int32(i)
		}
		return out
	}
	slices.SortFunc(sets, func(a, b []int32) int { return len(a) - len(b) })
	var out []int32
	for _, id := range sets[0] {
		all := true
		for _, s := range sets[1:] {
			if _, found := slices.BinarySearch(s, id); !found {
				all = false
				break
			}
		}
		if all {
			if out = append(out, id); len(out) == n {
				break
			}
		}
	}
	return out
}

// titleChoices offers the titles (of sections or files) holding every
// typed word, those holding them as whole words first; a typed number
// offers that section first.
func titleChoices(all []titleChoice, typed string) []*discordgo.ApplicationCommandOptionChoice {
	typed = strings.ToLower(strings.TrimSpace(typed))
	ws := strings.Fields(typed)
	typedWords := words(typed)
	type match struct {
		choice *discordgo.ApplicationCommandOptionChoice
		whole  int
	}
	var first []*discordgo.ApplicationCommandOptionChoice
	var matches []match
	for _, t := range all {
		choice := &discordgo.ApplicationCommandOptionChoice{Name: t.label, Value: t.value}
		if typed != "" && t.number == typed {
			first = append(first, choice)
			continue
		}
		ok := true
		for _, w := range ws {
			if !strings.Contains(t.lower, w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		whole := 0
		for _, w := range typedWords {
			if slices.Contains(t.words, w) {
				whole++
			}
		}
		matches = append(matches, match{choice, whole})
	}
	slices.SortStableFunc(matches, func(a, b match) int { return b.whole - a.whole })
	out := first
	for _, m := range matches {
		if len(out) == maxChoices {
			break
		}
		out = append(out, m.choice)
	}
	return out[:min(len(out), maxChoices)]
}
