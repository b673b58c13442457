package retrieval

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

func TestWindowWidth(t *testing.T) {
	tests := []struct {
		name string
		seen []int32
		pos  []uint16
		want int
	}{
		{"words in order", []int32{0, -1, 1}, []uint16{4, 5, 6}, 3},
		{"unmatched ends left out", []int32{-1, 0, 1, -1}, []uint16{1, 2, 3, 9}, 2},
		// "--no-root": the words, then the option as written, at the
		// position of its first word.
		{"an identifier after the words", []int32{0, 1}, []uint16{7, 5}, 3},
		{"an identifier alone", []int32{0, 1}, []uint16{5, 5}, 1},
		{"outside the text", []int32{0, 1, 2}, []uint16{2, notInText, 3}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := make([]tableToken, len(tt.pos))
			for i, p := range tt.pos {
				toks[i] = tableToken{pos: p}
			}
			if got := windowWidth(tt.seen, toks); got != tt.want {
				t.Errorf("windowWidth = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestFeaturesAreFinite ranks every question of the documentation sets,
// whose sentences hold options and hyphenated names searched as written,
// and requires every candidate's features to be finite numbers: one
// infinite feature makes its sentence first whatever the rest say, and
// makes learning the weights fail.
func TestFeaturesAreFinite(t *testing.T) {
	sets := []struct {
		name      string
		corpus    func(testing.TB) *corpus.Corpus
		questions func(testing.TB) []string
	}{
		{"names with numbers", func(t testing.TB) *corpus.Corpus {
			doc, err := corpus.Parse("isotopes.txt", []byte("Long ago, carbon-14 was drained from the comet. "+
				"The launch pad LC-39 was rebuilt for the heavier rocket.\n"))
			if err != nil {
				t.Fatal(err)
			}
			return &corpus.Corpus{Documents: []*corpus.Document{doc}}
		}, func(testing.TB) []string {
			return []string{"When was carbon 14 drained from the comet?", "What was rebuilt on LC-39?"}
		}},
		{"mkdocs", docs("mkdocs-material"), questionTexts("mkdocs-material.tsv")},
		{"docusaurus", docs("redux-docusaurus"), questionTexts("redux-docusaurus.tsv")},
		{"rust book", library("rust-book-chapters-10-13.md"), questionTexts("rust-book.tsv")},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			ix, err := NewMemory(context.Background(), set.corpus(t))
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			for _, text := range set.questions(t) {
				q := ix.analyse(cleanQuery(text))
				cands, err := ix.candidates(context.Background(), &q, Filter{})
				if err != nil {
					t.Fatal(err)
				}
				ix.rank.scoreAll(&q, cands)
				for _, c := range cands {
					for j, f := range features {
						if v := c.x[j]; math.IsNaN(v) || math.IsInf(v, 0) {
							t.Errorf("%q: feature %s of %s sentence %d is %v", text, f.name, ix.corpus.Documents[c.doc].Name, c.sent, v)
						}
					}
				}
			}
		})
	}
}

// questionTexts returns a loader of the questions of a testdata set.
func questionTexts(name string) func(testing.TB) []string {
	return func(t testing.TB) []string {
		var out []string
		for _, q := range loadQuestions(t, name) {
			out = append(out, q.Text)
		}
		return out
	}
}

// TestDefinedAt: which words a sentence defines, by the word's end: a
// glossary's term, a name followed by who or what it is (the rest of the
// name between them too), a cast's entry; not a place in an order, nor a
// name a pronoun's verb calls.
func TestDefinedAt(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Vikzhel. All-Russian Central Committee of the Railway Workers' Union.", "Vikzhel", true},
		{"Red Guards. The armed factory workers of Russia.", "Guards", true},
		{"Red Guards. The armed factory workers of Russia.", "workers", false},
		{"The Vikzhel sent a telegram to all Russia. It was ignored.", "Vikzhel", false},
		{"Plekhanov, the father of Russian Marxism, objected.", "Plekhanov", true},
		{"The so-called Savage Division came too.", "Savage", true},
		{"Knights of St. George and the Cross. The award was for valour.", "Knights", false},
		// an older glossary's term in capitals before a dash; not a speech's clause
		{"CIRRIPEDES.--An order of Crustaceans including the Barnacles.", "CIRRIPEDES", true},
		{"BOULDERS.—Large transported blocks of stone.", "BOULDERS", true},
		{"ABERRATION (in Optics).--In the refraction of light by a lens the rays meet.", "ABERRATION", true},
		{"I have done the deed.--Didst thou not hear a noise?", "deed", false},
		{"Note.--Orderlies are left only for headquarters.", "Note", false},
		// a paragraph's number is no term
		{"2. There never was a new prince who has disarmed his subjects.", "2", false},
		{"IV. There never was a new prince who has disarmed his subjects.", "IV", false},
		// the rest of a name between it and who or what it is
		{"RTK Query is a powerful data fetching and caching tool.", "RTK", true},
		{"Natásha Rostóva, a girl of thirteen, ran into the room.", "Natásha", true},
		{"RTK Query fetches the data.", "RTK", false},
		// a term in a code span, and what it denotes
		{"One special lifetime we need to discuss is `'static`, which denotes that the reference can live for the entire program.", "static", true},
		{"A `Vec`, a growable array, holds them.", "Vec", true},
		{"The price rose, which means that fewer bought it.", "rose", false},
		{"In Paris the rain fell all night.", "Paris", false},
		// what a rule or a problem is, a clause
		{"The first rule is that the compiler assigns a lifetime to each parameter.", "rule", true},
		{"The trouble was that nobody came.", "trouble", true},
		{"The rule that the compiler applies is simple.", "rule", false},
		// a cast's entry
		{"BANQUO, General in the King's Army.", "BANQUO", true},
		// a place in an order, a name a pronoun's verb calls
		{"Pierre was the sixth to enter.", "Pierre", false},
		{"Natásha was one of the first to meet him.", "Natásha", false},
		{"He called Natásha and asked her what was the matter.", "Natásha", false},
		// a term with its complement, defined as a sentence opens
		{"The range of a light is the greatest distance at which it can be seen.", "range", true},
		{"Range of sound is a measure of distance.", "Range", true},
		{"The range of a light depends on its height.", "range", false},
		{"Beyond the range of a light is the open sea.", "range", false},
		// a term in quotation marks after a naming, whatever its case
		{"This strategy, called 'code splitting', helps performance.", "splitting", true},
		{"The policy, known as “war communism”, took the grain.", "war", true},
		{"They called it a day and went home.", "day", false},
		// a word given a name after it
		{"The merged company, renamed American Broadcasting-Paramount Theatres, Inc., owned six stations.", "company", true},
		{"The network would have been renamed \"ABC-DuMont\" for five years.", "network", true},
		{"The combined company – which became known as Capital Cities/ABC, Inc. – added four stations.", "company", true},
		{"Zhenjin's third son ruled as Temür Khan, or Emperor Chengzong, from 1294.", "Temür", true},
		{"Apples, or pears if there are none, are served.", "Apples", false},
		{"The company was called to account for its losses.", "company", false},
		{"The company was later called Paramount.", "company", true},
		{"The company called its lawyers.", "company", false},
		// a plural term defined without an article, at a sentence's head
		{"Iterator adapters are methods defined on the Iterator trait.", "adapters", true},
		{"Closures are anonymous functions that capture their environment.", "Closures", true},
		{"Adapters are lazy, so nothing happens until they are consumed.", "Adapters", false},
		{"In most Rust programs closures are anonymous functions that capture values.", "closures", false},
		// a quoted term with the verb laws, licences and contracts define by
		{`1.7. "Larger Work" means a work that combines Covered Software with other material.`, "Work", true},
		{`1.7. "Larger Work" means a work that combines Covered Software with other material.`, "Larger", true},
		{`"License" shall mean the terms and conditions for use.`, "License", true},
		{`"The Program" refers to any copyrightable work licensed under this License.`, "Program", true},
		{`"Entropy" denotes the disorder of a system.`, "Entropy", true},
		{`"Freedom" means that you can run the program.`, "Freedom", false},
		{"Freedom means to run the program as you wish.", "Freedom", false},
		{`"Installation Information" for a User Product means any methods required to install it.`, "Product", false},
		{`"Installation Information" for a User Product means any methods required to install it.`, "Information", false},
	}
	for _, tt := range tests {
		t.Run(tt.text+"/"+tt.word, func(t *testing.T) {
			start := strings.Index(tt.text, tt.word)
			if got := definedAt(tt.text, start, start+len(tt.word)); got != tt.want {
				t.Errorf("definedAt = %v, want %v", got, tt.want)
			}
		})
	}
}
