package retrieval

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/lectern-bot/lectern/corpus"
)

// TestEveryFeatureHasAWeight: the learned weights name every feature
// once, and nothing else; a new feature fails here until the weights are
// learned again.
func TestEveryFeatureHasAWeight(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range features {
		if seen[f.name] {
			t.Errorf("two features are named %q", f.name)
		}
		seen[f.name] = true
		if _, ok := learnedWeights.Features[f.name]; !ok {
			t.Errorf("feature %q has no learned weight: run go test ./retrieval -run TestLearnWeights -learn", f.name)
		}
	}
	for name := range learnedWeights.Features {
		if !seen[name] {
			t.Errorf("a weight for %q, which is no feature", name)
		}
	}
	if _, err := learnedWeights.compile(); err != nil {
		t.Error(err)
	}
	if _, err := (Weights{Features: map[string]float64{"bm25": 1}}).compile(); err == nil {
		t.Error("weights for one feature compiled")
	}
}

// standalone is a ranker and analyser of a text, with no search index.
func standalone(t *testing.T, text string) (*ranker, analyser) {
	t.Helper()
	doc, err := corpus.Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return standaloneDoc(t, doc)
}

// englishAnalyzer is the analyzer the index uses, for tests of analysis.
func englishAnalyzer(t *testing.T) analysis.Analyzer {
	t.Helper()
	stem, err := registry.NewCache().AnalyzerNamed(en.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	return stem
}

// standaloneDoc is standalone over a parsed document.
func standaloneDoc(t *testing.T, doc *corpus.Document) (*ranker, analyser) {
	t.Helper()
	c := &corpus.Corpus{Documents: []*corpus.Document{doc}}
	stem := englishAnalyzer(t)
	table, lex := buildSentenceTable(stem, c, nil)
	lex.relate(stem, c)
	m, err := newModel(learnedWeights, learnedForest)
	if err != nil {
		t.Fatal(err)
	}
	r := &ranker{corpus: c, table: table, lex: lex, stem: stem, model: m, authors: authorStems(stem, c)}
	r.authorsLater = authorsLater(table, lex, r.authors)
	return r, analyser{stem: stem, lex: lex}
}

// rankEvery ranks every sentence of r's first document for a question,
// as the search would hand them over, and returns the first result.
func rankEvery(r *ranker, a analyser, question string) []Result {
	q := a.question(cleanQuery(question))
	var cands []candidate
	for s := range r.corpus.Documents[0].SentenceCount() {
		cands = append(cands, candidate{doc: 0, sent: s, passage: 1})
	}
	r.scoreAll(&q, cands)
	return r.choose(&q, cands, 1)
}

// checkRankedFirst ranks every sentence for each question (rankEvery)
// and checks that the first quote holds what it wants.
func checkRankedFirst(t *testing.T, r *ranker, a analyser, tests []firstQuote) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs := rankEvery(r, a, tt.question)
			if len(rs) != 1 || !strings.Contains(rs[0].Quote.Text, tt.want) {
				t.Errorf("first quote %+v, want one with %q", rs, tt.want)
			}
		})
	}
}

// TestRankerWithoutSearch ranks every sentence of a small text, as the
// search would hand them over, and checks which is quoted first.
func TestRankerWithoutSearch(t *testing.T) {
	r, a := standalone(t, "The Mill\n\nThe mill stood by the river for a century. "+
		"The miller ground flour for the village. "+
		"The mill burned down in 1871 because a lamp fell over. "+
		"Nobody rebuilt the mill after the fire. "+
		"Children still play where the mill stood.\n")
	checkRankedFirst(t, r, a, []firstQuote{
		{"When did the mill burn down?", "1871"},
		{"Why did the mill burn?", "because a lamp fell"},
		{"Who ground the flour?", "The miller ground flour"},
	})
}

// TestAnswersSaySomethingNew checks that a sentence holding nothing the
// question lacks ("Levi's Stadium", an infobox's caption) is not the first
// answer, however well its words match, and is still found when nothing
// else is.
func TestAnswersSaySomethingNew(t *testing.T) {
	ix := parsedIndex(t, "stadium.txt", `Levi's Stadium opened.

The first game there was played in August 2014, before a crowd of 49,000, and the stadium cost a great deal.
`)
	checkFirstQuotesBegin(t, ix, []firstQuote{
		{"When did Levi's Stadium open?", "The first game"},
		{"Levi's Stadium opened", "Levi's Stadium opened."}, // not a question: a quotation looked up
	})
}

// TestAskInWordsOfTheSameMeaning: where the text holds none of a
// question's words, a sentence holding a word WordNet gives the same
// meaning answers it ("marriage" for "wedding"); where it holds neither,
// nothing does.
func TestAskInWordsOfTheSameMeaning(t *testing.T) {
	ix := parsedIndex(t, "john.txt", `CHAPTER 2

And the third day there was a marriage in Cana of Galilee; and the mother of Jesus was there.

And both Jesus was called, and his disciples, to the feast.
`)
	checkFirstQuotesBegin(t, ix, []firstQuote{
		{"Where was the wedding?", "And the third day there was a marriage"},
	})
	rs, err := ix.Ask(context.Background(), "Where was the airport?", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 0 {
		t.Errorf("Ask(airport) = %+v, want no result", rs)
	}
}

// TestAskWhatTheInterviewerAsked checks that a reader who asks what the
// interviewer asked gets the answer, not the question back, even where
// the answer shares no word with it.
func TestAskWhatTheInterviewerAsked(t *testing.T) {
	ix := parsedIndex(t, "qa.txt", `An interview with a beekeeper

Q: How long have you kept bees?
A: Since I was twelve. My grandfather gave me my first hive, and I have never been without bees since.

Q: What is the hardest part of the work?
A: Winter. The colony has to survive on the honey it stored in summer, and if the autumn was wet there is never enough.

Q: Do bees sting you often?
A: Less than people think. A calm keeper is rarely stung; bees defend the hive only when they feel threatened.

Q: What would you tell someone starting out?
A: Find a mentor. Books teach you the theory, but only an experienced keeper can show you a healthy brood frame.
`)
	checkFirstQuotesBegin(t, ix, []firstQuote{{"What is the hardest part of beekeeping?", "Winter."}})
}

// TestAskMeasure: a question of measure ("how old", "how long", "how
// far", "how fast", "how heavy") is answered by a sentence stating it in its units (a unit alone
// too: "for a month"), or a length of time as a span of dates (how long
// someone did something is a time, not a distance), and one of money by
// a sum, rather than by another that holds a number.
func TestAskMeasure(t *testing.T) {
	ix := parsedIndex(t, "life.txt", `Luther married Katharina von Bora on 13 June 1525, in the town of Wittenberg, where he had taught since 1512.

Luther was by then 41 years old, and Katharina was 26.

The couple lived in the Black Cloister, a former monastery of the town that had housed 40 friars, 3 of them still there in 1525.

The town of Wittenberg lies 60 miles from Leipzig.

The Paris Commune ruled the city from 18 March to 28 May 1871.

Elections were held on 26 March, and the Commune was proclaimed two days later.

Some fishermen come here and fish for a day, and others stop and fish for a month.

Two old fishermen fish in a punt moored a quarter of a mile off.

The Host Committee will dedicate 25 percent of all money it raises for causes in the Bay Area.

The host committee has already raised over $40 million through sponsors.

The bank paid out to 300 clerks, and Smolny demanded some thirty-five millions of rubles from it.

On the second night the current carried 3 rafts and a steamboat past the island.

On the second night we drifted with a current that was making four mile an hour.

The anchor of the ship was cast in 1840 by 12 smiths of the yard.

The anchor of the ship weighed two tons.

The club of the valley was founded by its miners in 1902.

Forty miners of the valley signed the charter of the club.

The stadium of the club was built by 30 masons of the valley in 1905.

The new stand cost the club 300 pounds.

In 12 of its seasons the club's referee read out the rules of the league to the players.

The referee of the club reads out three rules.

Thoreau lived by Walden Pond in a hut of his own, a mile from any neighbour.

Thoreau lived by Walden Pond, as he tells it, for two years.

The votes for Governor shall be counted as at the general election of the year one thousand nine hundred and fourteen.

No person shall be eligible as Governor unless he shall have attained the age of thirty years, and shall have been a citizen of the State.

The keeper of the lighthouse kept one lamp lit for the ships of the coast into his old age.

The keeper of the lighthouse, now sixty years old and in perfect health, began his log.
`)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"How old was Luther when he married?", "41 years old", "life"},
		{"At what age did Luther marry?", "41 years old", "life"},
		{"How far was the town of the monastery from Leipzig?", "60 miles", "life"},
		{"How long did the Paris Commune last?", "from 18 March to 28 May", "life"},
		{"How long do fishermen stay to fish?", "for a month", "life"},
		{"How much money did the committee raise?", "$40 million", "life"},
		{"How fast was the current on the second night?", "four mile an hour", "life"},
		{"How heavy was the ship's anchor?", "two tons", "life"},
		{"How many miners founded the club of the valley?", "Forty miners", "life"}, // a year is no count
		{"What was the cost of the stadium of the club?", "300 pounds", "life"},
		{"How many rules did the referee of the club read out to the players?", "three rules", "life"}, // the number of what is counted
		{"How long did Thoreau live by Walden Pond?", "for two years", "life"},                         // a time, not a distance
		{"How old must the Governor be?", "the age of thirty years", "life"},                           // "the year 1914" is a date
		{"How old was the keeper of the lighthouse?", "sixty years old", "life"},
		{"At what age was the keeper of the lighthouse?", "sixty years old", "life"}, // "old age" and "one" give no one's age
	})
}

// TestMeasureWordsHaveUnits: every word that asks for a measure ("how
// fast") has the units an answer states it in.
func TestMeasureWordsHaveUnits(t *testing.T) {
	for _, w := range strings.Split(measureWords, "|") {
		if len(measureUnits[w]) == 0 {
			t.Errorf("measureUnits[%q] is empty; want the units a measure asked by %q is stated in", w, "how "+w)
		}
	}
}

func TestMaxNumberWord(t *testing.T) {
	for w := range numberWords {
		if len(w) > maxNumberWord {
			t.Errorf("number word %q is longer than maxNumberWord (%d)", w, maxNumberWord)
		}
	}
}

func TestStatesMoney(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The $1.2 billion stadium was built in two years.", true},
		{"Sky bid £1.3bn for the rights.", true},
		{"Smolny demanded some thirty-five millions of rubles.", true},
		{"He left her 5,000 pounds a year.", true},
		{"Forty francs a week was all he had.", true},
		{"The stadium held 68,500 seats in 2014.", false},
		{"He paid in dollars and cents.", false},
		{"Kopecks were minted $ by the Tsar in 1700.", false},
		{"The horse was worth a thousand rubles.", true},
		{"He made a remark about 3 innocent men.", false},
		{"Broken \xff bytes and a $ at the end \xff$", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out := analyseSentence(englishAnalyzer(t), corpus.Sentence{Text: tt.text}, nil)
			if got := out.flags&sentMoney != 0; got != tt.want {
				t.Errorf("statesMoney = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestHonorificNamesNoOne: "Miss" of "What did Miss Anthony say…?" is
// no word the answer must hold, so her own sentence answers before one
// that names her with the honorific.
func TestHonorificNamesNoOne(t *testing.T) {
	ix := parsedIndex(t, "trial.txt", `THE TRIAL

CROWLEY: Did Miss Anthony claim her rights as a citizen when she registered to vote in the first ward?

ANTHONY: My natural rights, my civil rights, my political rights, are all alike ignored by this court.

CROWLEY: The defendant voted in the first ward on the fifth of November.

ANTHONY: I voted because I believed the constitution gave me the right to vote.

CROWLEY: She is not competent as a witness in her own behalf.

ANTHONY: I shall never pay a dollar of the unjust penalty.

CROWLEY: The court will decide what the penalty shall be.

ANTHONY: Then I appeal to the people, who are the court above this one.
`)
	checkFirstQuotesBegin(t, ix, []firstQuote{{"What did Miss Anthony say about her rights?", "My natural rights"}})
}

// TestChatPhrases: a chat's way of asking about something is no word of
// what it asks about.
func TestChatPhrases(t *testing.T) {
	_, a := standalone(t, "Notes\n\nWar Communism was a great deal worse than the war. The story behind it is long.\n")
	for _, tt := range []struct {
		question string
		want     []string
	}{
		{"whats the deal with war communism", []string{"war", "commun"}},
		{"What's the story behind War Communism?", []string{"war", "commun"}},
		{"Was War Communism a great deal worse than the war?", []string{"war", "commun", "great", "deal", "wors"}},
	} {
		t.Run(tt.question, func(t *testing.T) {
			var got []string
			for _, c := range a.question(cleanQuery(tt.question)).concepts {
				got = append(got, c.stem)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("concepts %q, want %q", got, tt.want)
			}
		})
	}
}

// TestQuestionFraming: the words that say how a question is asked (a
// modal verb, an honorific before a name, "the book") frame it; the words
// that say what it is about, "May" the month, "books" and "the name"
// among them, do not.
func TestQuestionFraming(t *testing.T) {
	_, a := standalone(t, "Notes\n\nDifferent persons perceive the same thing in May, said Miss Anthony to her prosecutors, and they can agree on it. "+
		"A reducer must compute the next state; what is done is done. The meeting will decide by the will of the members. "+
		"Books are the wealth of the world, according to the author of this book. "+
		"The name of the Cadets came from their initials, and a standing army is dangerous.\n")
	tests := []struct {
		question         string
		framing, content []string
	}{
		{"Can different persons perceive the same thing?", []string{"can"}, []string{"person", "perceiv"}},
		{"What must a reducer compute?", []string{"must"}, []string{"reduc", "comput"}},
		{"What has a reducer done to the state?", []string{"done"}, []string{"reduc", "state"}}, // "done" of "What has X done?"
		{"What did Miss Anthony say about her prosecutors?", []string{"miss"}, []string{"anthoni", "prosecutor"}},
		{"What will the meeting decide in May?", nil, []string{"mai", "decid", "will"}},
		// a word naming the text frames a question when a determiner
		// points it at the text, not as a bare plural
		{"What are books according to the author?", []string{"accord", "author"}, []string{"book"}},
		{"What does the book say about the world?", []string{"book", "sai"}, []string{"world"}},
		// an everyday word after a determiner is what a question asks about
		{"Where did the name Cadets come from?", []string{"come"}, []string{"name", "cadet"}},
		{"Why is a standing army dangerous?", nil, []string{"stand", "armi", "danger"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := a.question(cleanQuery(tt.question))
			framing := map[string]bool{}
			for _, c := range q.concepts {
				framing[c.stem] = c.framing
			}
			for _, s := range tt.framing {
				if f, ok := framing[s]; !ok || !f {
					t.Errorf("%q framing %v (a concept: %v), want it to frame the question", s, f, ok)
				}
			}
			for _, s := range tt.content {
				if f, ok := framing[s]; !ok || f {
					t.Errorf("%q framing %v (a concept: %v), want it content", s, f, ok)
				}
			}
		})
	}
}

// TestShortNeighboursQuotedTogether: for a question, two sentences of a
// paragraph short enough to be read as one are quoted together, whatever
// the neighbour scores; a long neighbour is not, nor one of words looked
// up (with no learned margin to bring a neighbour that scores close).
func TestShortNeighboursQuotedTogether(t *testing.T) {
	long := "The inspectors then walked the length of the building" + strings.Repeat(", counted every sack of grain in the loft", 8) + "."
	r, a := standalone(t, "The Mill\n\n"+
		"The mill burned down in 1871. A lamp had been left alight in the loft.\n\n"+
		"The old granary closed in 1890. "+long+"\n")
	r.model.extend = 0
	checkRankedFirst(t, r, a, []firstQuote{
		{"When did the mill burn down?", "A lamp had been left alight"},
	})
	for _, tt := range []struct{ query, alone, without string }{
		{"When did the old granary close?", "granary closed", "inspectors"}, // a long neighbour
		{"the mill burned down in 1871", "mill burned down", "A lamp"},      // words looked up, not asked
	} {
		rs := rankEvery(r, a, tt.query)
		if len(rs) != 1 || !strings.Contains(rs[0].Quote.Text, tt.alone) || strings.Contains(rs[0].Quote.Text, tt.without) {
			t.Errorf("%s: first quote %+v, want %q alone", tt.query, rs, tt.alone)
		}
	}
}

// TestResultQuotedWithItsCause: a sentence stating a result ("As a
// result, …") is quoted with the sentence before it, which holds its
// cause, however long the two are together.
func TestResultQuotedWithItsCause(t *testing.T) {
	cause := "In the 1970s several governments, wary of American programmes on their screens, passed laws to limit foreign ownership of broadcasting properties, and the stations ABC had bought in Japan and Latin America came under them."
	r, a := standalone(t, "Abroad\n\n"+
		"ABC bought shares in stations abroad in the 1960s. "+cause+
		" As a result, ABC was forced to sell all of its interests in international networks, mainly in Japan and Latin America, in the 1970s. "+
		"Its interests in Canada were kept.\n")
	r.model.extend = 0
	checkRankedFirst(t, r, a, []firstQuote{
		{"Why was ABC forced to sell its interests in international networks?", "limit foreign ownership"},
	})
}

// TestLongSentenceCut: a sentence longer than MaxQuoteRunes is cut to the
// clauses around its matches, using the room a quote has.
func TestLongSentenceCut(t *testing.T) {
	clauses := strings.Repeat("the carts went up the hill, ", 25)
	r, a := standalone(t, "The Harvest\n\nIn the autumn "+clauses+"and at last the miller paid the farmers in silver, as his father had, and the carts came down again.\n")
	rs := rankEvery(r, a, "How did the miller pay the farmers?")
	if len(rs) != 1 {
		t.Fatalf("got %d results, want 1", len(rs))
	}
	got := rs[0].Quote.Text
	if n := utf8.RuneCountInString(got); n > MaxQuoteRunes || n < MaxQuoteRunes*3/4 {
		t.Errorf("quote of %d characters, want between %d and %d: %q", n, MaxQuoteRunes*3/4, MaxQuoteRunes, got)
	}
	if !strings.HasPrefix(got, "…") || !strings.Contains(got, "paid the farmers in silver") {
		t.Errorf("quote %q, want the clauses around the match, cut", got)
	}
}

// TestReadsAsAQuestion: which texts are questions, whose quotes may take
// a short neighbour, and which are words looked up.
func TestReadsAsAQuestion(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"When did the mill burn down?", true},
		{"the mill burned down?", true},
		{"Who killed Duncan", true},
		{"Describe the witches", true},
		{"tell me about the Constituent Assembly", true},
		{"someone said it was a peace of shame", false},
		{"peace of shame", false},
		{"Whoever hesitates is lost", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := reads(tt.text); got != tt.want {
				t.Errorf("reads(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestAnswerWords: the words a "when" question's answer gives a date in,
// a "where" question's a place, and a "who" question's who did it (after
// "by"): the kind of a text's last word.
func TestAnswerWords(t *testing.T) {
	stem := englishAnalyzer(t)
	tests := []struct {
		text string
		want uint8
	}{
		{"It was 1917", tokYear},
		{"It was the 1920s", tokYear},
		{"It was November", tokMonth},
		{"It was Friday", tokMonth},
		{"It was winter", tokMonth},
		{"It was 1917th", 0},
		{"It was 12345s", 0},
		{"It was Fridays", 0},
		{"They met in Paris", tokPlace},
		{"It lay beside the wide Neva", tokPlace},
		{"The crowd marched to the Kremlin", tokPlace},
		{"They met in the large old Paris", 0},
		{"A letter from 1917 to Paris", tokPlace},
		{"They met Paris", 0},
		{"In the spring of 1917, Lenin", 0},
		{"It was designed by Tiffany", tokAgent},
		{"It was paid for by the Broncos", tokAgent},
		{"It was invented by a weaver, James", tokAgent},
		{"It was built by the engineer Gustave", tokAgent},
		{"It was paid for by the rich old family of the Broncos", 0},
		{"By Tiffany", 0},
		{"Nearby Tiffany", 0},
		{"Tiffany", 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := analyze(stem, tt.text)
			got := tokenKind(tt.text, toks[len(toks)-1], false) & (tokYear | tokMonth | tokPlace | tokAgent)
			if got != tt.want {
				t.Errorf("%q: date, place and agent bits %08b, want %08b", tt.text, got, tt.want)
			}
		})
	}
}

// TestWordListsHoldWords checks that every entry of the thesaurus and of
// the irregular verbs is one word as the analyzer reads it: "well-known"
// read as "well" and "known" made "known" a synonym of "well".
func TestWordListsHoldWords(t *testing.T) {
	stem := englishAnalyzer(t)
	for name, groups := range map[string][][]string{"thesaurusGroups": thesaurusGroups, "irregularVerbs": irregularVerbs} {
		for _, g := range groups {
			for _, w := range g {
				if n := len(analyze(stem, w)); n > 1 {
					t.Errorf("%s: %q is %d words to the analyzer, want one", name, w, n)
				}
			}
		}
	}
}

// TestPrefixForms: the stems of a text that count as forms of a
// question's word by a few letters more or less.
func TestPrefixForms(t *testing.T) {
	_, a := standalone(t, "Forms\n\nThe marriage was settled at Super Bowl XXXII by a civilian. "+
		"Oxygen-18 is heavier than oxygen. Thou scotch'st the snake.\n")
	tests := []struct {
		stem          string
		want, derived []string
	}{
		{"marri", []string{"marriag"}, nil},
		{"xxxiii", nil, nil},                                  // a numeral is no form of another, nor derived from one
		{"civil", []string{"civilian"}, []string{"civilian"}}, // a word of a numeral's letters keeps its forms
		{"oxygen", nil, nil},                                  // "oxygen-18" is another word
		{"scotch", []string{"scotch'st"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.stem, func(t *testing.T) {
			if got := a.lex.prefixForms(tt.stem); !slices.Equal(got, tt.want) {
				t.Errorf("prefixForms(%q) = %q, want %q", tt.stem, got, tt.want)
			}
			if got := a.lex.derived(tt.stem); !slices.Equal(got, tt.derived) {
				t.Errorf("derived(%q) = %q, want %q", tt.stem, got, tt.derived)
			}
		})
	}
}

// TestTimesAsOlderTextsWrite: "three times" of a question is the
// "thrice" of an older text, "two times" its "twice".
func TestTimesAsOlderTextsWrite(t *testing.T) {
	ix := parsedIndex(t, "gospel.txt", "CHAPTER 1\n\n"+
		"The servant denied him once in the courtyard. "+
		"The guards warmed themselves at the fire. "+
		"Peter denied him thrice before the cock crew. "+
		"The porter knocked once at the gate. "+
		"The soldiers stood by the gate. "+
		"The steward knocked twice at the gate.\n")
	tests := []struct{ question, want string }{
		{"Who denied him three times?", "Peter denied him thrice"},
		{"Who knocked two times at the gate?", "The steward knocked twice"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := firstResult(t, ix, tt.question).Quote.Text; !strings.Contains(got, tt.want) {
				t.Errorf("got %q first, want %q in it", got, tt.want)
			}
		})
	}
}

// TestWordsAsOlderTextsWrite: a question in today's words finds them as
// older texts write them: an irregular verb's past ("forbid" as
// "forbade"), an older spelling ("show" as "shew", "jail" as "gaol").
func TestWordsAsOlderTextsWrite(t *testing.T) {
	tests := []struct {
		name, text string
		questions  []quotedFrom
	}{
		{"irregular pasts", `The priest blessed the dancing after the feast.

The priest forbade the dancing after the feast.

The old woman sang at the grave of her son.

The old woman wept at the grave of her son.

The boy ran to the mill beside the river.

The boy swam to the mill across the river.
`, []quotedFrom{
			{"What did the priest forbid?", "forbade", "tale"},
			{"Did the old woman weep at the grave?", "wept", "tale"},
			{"Did the boy swim to the mill?", "swam", "tale"},
		}},
		{"older spellings", `After these things Jesus went over the sea of Tiberias.

After these things Jesus shewed himself again to the disciples.

The governor of the town came to the prisoners.

The governor of the gaol came to the prisoners.
`, []quotedFrom{
			{"When did Jesus show himself to the disciples?", "shewed himself", "tale"},
			{"Who came to the prisoners from the jail?", "of the gaol", "tale"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFirstQuotes(t, parsedIndex(t, "tale.txt", tt.text), tt.questions)
		})
	}
}

// TestElidedPast: older verse and plays print a past with its "e"
// elided ("look'd", "wither’d") and hyphenate "to-morrow"; they are read
// as the past and as "tomorrow", and quoted as printed. "I'd" and
// "they'd" are "would" or "had", not pasts.
func TestElidedPast(t *testing.T) {
	stem := englishAnalyzer(t)
	for _, tt := range []struct{ elided, written string }{
		{"look'd", "looked"},
		{"wither’d", "withered"},
		{"Call'd", "called"},
	} {
		if got, want := analyze(stem, tt.elided), analyze(stem, tt.written); len(got) != 1 || len(want) != 1 || got[0].term != want[0].term {
			t.Errorf("%q reads as %v, want %v as %q does", tt.elided, got, want, tt.written)
		}
	}
	if got, want := normalize("To-morrow, to-day's, to-night; up-to-date, Toronto-day"), "Tomorrow, today's, tonight; up-to-date, Toronto-day"; got != want {
		t.Errorf("normalize = %q, want %q", got, want) // the day words older texts hyphenate
	}
	if got, want := normalize("they'd I'd 'd shepherd'd"), "they'd I'd 'd shepherded"; got != want {
		t.Errorf("normalize = %q, want %q", got, want)
	}
	ix := parsedIndex(t, "verse.txt", `The poet sang of the stars in the lecture-room.

The poet look'd up in perfect silence at the stars.

The king comes to the castle, and goes hence in the morning.

The king comes to the castle to-night, and goes hence to-morrow.
`)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"Did the poet look up at the stars?", "look'd up in perfect silence", "verse"},
		{"Does the king go from the castle tomorrow?", "goes hence to-morrow", "verse"},
	})
}

// TestOlderThirdPerson: the King James Bible's and Shakespeare's third
// person in "eth" ("believeth", "testifieth") is read as today's "s";
// names ("Macbeth", "Nazareth"), "teeth" and ordinals ("twentieth") are
// left alone.
func TestOlderThirdPerson(t *testing.T) {
	tests := []struct{ text, want string }{
		{"He that believeth cometh.", "He that believes comes."},
		{"he testifieth, and seeth", "he testifies, and sees"},
		{"Macbeth of Nazareth, Seth", "Macbeth of Nazareth, Seth"},
		{"his teeth on the twentieth day", "his teeth on the twentieth day"},
		{"eth beth o'eth", "eth beth o'eth"},
	}
	for _, tt := range tests {
		if got := normalize(tt.text); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	ix := parsedIndex(t, "gospel.txt", `If the world hate you, ye know that it hated me before it hated you.

For every one that doeth evil hateth the light, neither cometh to the light.
`)
	checkFirstQuotes(t, ix, []quotedFrom{
		{"Who hates the light?", "doeth evil hateth the light", "gospel"},
	})
	older := parsedIndex(t, "gospel.txt", `Then came Jesus to Thomas, the doors being shut.

Jesus saith unto Thomas, Be not faithless.

Then came Jesus to Peter in the morning.

Jesus spake unto Peter of his death.
`)
	checkFirstQuotes(t, older, []quotedFrom{ // the older forms of the irregular verbs
		{"What does Jesus say to Thomas?", "Be not faithless", "gospel"},
		{"What did Jesus speak to Peter of?", "spake unto Peter", "gospel"},
	})
}
