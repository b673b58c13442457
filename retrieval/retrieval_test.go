package retrieval

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

var interviewIndex testsupport.Once[*Index]

// interview returns an in-memory index of the embedded interview, built
// once for the package's tests.
func interview(t testing.TB) *Index {
	t.Helper()
	return interviewIndex.Get(t, func() (*Index, error) {
		c, err := corpus.Default()
		if err != nil {
			return nil, err
		}
		return NewMemory(context.Background(), c)
	})
}

func TestAskAnswersWithCitedQuotes(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		question string
		lines    corpus.Span // the first quote must share a line with it
		section  int
		page     int
	}{
		{"Why did the Bolsheviks dissolve the Constituent Assembly?", corpus.Span{Start: 321, End: 325}, 4, 10},
		{"How much farmland did Russia lose under the treaty?", corpus.Span{Start: 367, End: 372}, 4, 11},
		{"When did Lenin die?", corpus.Span{Start: 156, End: 159}, 2, 5},
		// The interviewee's name frames the question; it is in no answer.
		{"According to Suzi Weissman, when did Lenin die?", corpus.Span{Start: 156, End: 159}, 2, 5},
		// Definitions: "dubbed “War Communism”" and "Socialist Revolutionary Party (SRs)".
		{"What was War Communism?", corpus.Span{Start: 397, End: 399}, 4, 12},
		{"Who were the SRs?", corpus.Span{Start: 129, End: 132}, 2, 5},
		// Only the interviewer's question names her.
		{"Who is Suzi Weissman?", corpus.Span{Start: 4, End: 7}, 1, 1},
		// Only the section title says "epigraph".
		{"What is the epigraph?", corpus.Span{Start: 1, End: 1}, 0, 1},
		// "He said" is Lenin, by the quotation's speaker.
		{"What did Lenin say about space and time?", corpus.Span{Start: 353, End: 353}, 4, 11},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || len(rs) > 3 {
				t.Fatalf("got %d results, want 1 to 3", len(rs))
			}
			r := rs[0]
			if !r.Quote.Overlaps(tt.lines) || r.Section.Number != tt.section || r.Page != tt.page || r.Source != "interview.txt" {
				t.Errorf("first result lines %s §%d p. %d %s, want lines in %s §%d p. %d interview.txt", r.Quote.Span, r.Section.Number, r.Page, r.Source, tt.lines, tt.section, tt.page)
			}
			for i, r := range rs {
				if r.Rank != i+1 {
					t.Errorf("result %d has rank %d", i, r.Rank)
				}
				if n := utf8.RuneCountInString(r.Quote.Text); n > MaxQuoteRunes {
					t.Errorf("quote of %d characters, limit %d", n, MaxQuoteRunes)
				}
				if r.Quote.Start < r.Passage.Start || r.Quote.End > r.Passage.End {
					t.Errorf("quote lines %s outside passage lines %s", r.Quote.Span, r.Passage.Span)
				}
				if i == 0 && tt.question != "What is the epigraph?" && len(r.Quote.Matches) == 0 {
					t.Errorf("quote %q has no highlighted matches", r.Quote.Text)
				}
				if i > 0 && r.Score > rs[i-1].Score {
					t.Errorf("result %d scores %v, above result %d (%v)", i, r.Score, i-1, rs[i-1].Score)
				}
			}
		})
	}
}

func TestQuotesAreVerbatim(t *testing.T) {
	ix := interview(t)
	text := string(corpus.DefaultText())
	flat := strings.Join(strings.Fields(text), " ")
	for _, q := range []string{"soviets in the Stalin years", "peace of shame", "War Communism", "Kronstadt"} {
		rs, err := ix.Ask(context.Background(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			for _, part := range strings.Split(strings.Trim(r.Quote.Text, "…"), "…") {
				// Footnote markers are dropped from quotes; line breaks
				// become spaces.
				if !strings.Contains(stripDigits(flat), stripDigits(part)) {
					t.Errorf("quote %q is not in the text", part)
				}
			}
		}
	}
}

func stripDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}

func TestHostileQueries(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		name    string
		query   string
		results bool // whether results are expected
	}{
		{"empty", "", false},
		{"spaces", "   \t ", false},
		{"stop words only", "what is it that they were?", false},
		{"punctuation only", "?!.,;", false},
		{"query syntax", `+-:*~/"()[]`, false},
		{"field syntax", "title:soviets Fund* /re/ x~5 \"unterminated", true},
		{"control characters", "sov\x00iets\x1b[31m Kron\x07stadt", true},
		{"invalid utf-8", "Kronstadt \xff\xfe sailors", true},
		{"10,000 characters", strings.Repeat("Kronstadt sailors revolt ", 400), true},
		{"one long word", strings.Repeat("x", 10000), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, find := range map[string]func(context.Context, string, int) ([]Result, error){"Ask": ix.Ask, "Quote": ix.Quote} {
				rs, err := find(context.Background(), tt.query, 3)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if got := len(rs) > 0; got != tt.results {
					t.Errorf("%s: %d results, want results=%v", name, len(rs), tt.results)
				}
			}
		})
	}
}

func TestResultsAreDeterministic(t *testing.T) {
	ix := interview(t)
	first, err := ix.Ask(context.Background(), "revolution", 5)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := ix.Ask(context.Background(), "revolution", 5)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("results differ between runs:\n%+v\n%+v", first, again)
		}
	}
}

func TestQuoteTiers(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		phrase string
		line   int // the first quote must include this line
		tier   float64
	}{
		{"peace of shame", 343, tierPhrase},
		{"I want to lose space", 353, tierPhrase},
		{"sailors Kronstadt naval garrison", 445, tierAll},
		{"Kronstat", 445, tierFuzzy},
		{"Bukarin", 159, tierFuzzy},
		{"Lenin signed a shameful treaty with the Kaiser", 0, tierAsked}, // no sentence holds "Kaiser"
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			rs, err := ix.Quote(context.Background(), tt.phrase, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 {
				t.Fatal("no results")
			}
			if !rs[0].Quote.Overlaps(corpus.Span{Start: tt.line, End: tt.line}) && tt.tier > tierFuzzy {
				t.Errorf("first quote on lines %s, want line %d: %q", rs[0].Quote.Span, tt.line, rs[0].Quote.Text)
			}
			if rs[0].Score < tt.tier || rs[0].Score >= tt.tier+1 {
				t.Errorf("first quote scored %v, want the tier %v match", rs[0].Score, tt.tier)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Kronstat", []string{"kronstadt"}},
		// "Trotski" stems as "Trotsky" does: found, not misspelt.
		{"Bolshevicks and Trotski", []string{"bolsheviks"}},
		// An inflection of a word of the text is not a misspelling.
		{"Why did the Bolsheviks dissolve the Constituent Assembly?", nil},
		{"soviets", nil},
		{"the of and", nil},
		// What is said to the bot is no misspelling ("tanks" for "thanks").
		{"Hi, what were the soviets? Thanks!", nil},
		// A mistyped word is named as the question is asked with it.
		{"How were the soviets organiezd?", []string{"organized"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := ix.Suggest(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Suggest(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseQuestions(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantN   int
		wantErr string
	}{
		{"good", "# comment\nWhat?\t351-355;367-373\n\nWho?\t12\n", 2, ""},
		{"header, commas, spaces and dashes", "question\tlines\nWhat?\t351–355, 367-373\nWho?\t12 14-15\r\n", 2, ""},
		{"header only once", "question\tlines\nWhat?\tlines\n", 0, "is not a line range"},
		{"no tab", "What? 351-355\n", 0, "line 1"},
		{"bad range", "What?\t355-351\n", 0, "not a line range"},
		{"no range yet", "What?\t\n", 1, ""},
		{"no question", "\t12\n", 0, "the question is empty"},
		{"files of a folder", "What?\tsetup/tags.md:12-14; index.md:3\n", 1, ""},
		{"file without a range", "Who?\t3\nWhat?\tsetup/tags.md:\n", 0, "not a line range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, err := ParseQuestions(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(qs) != tt.wantN {
				t.Fatalf("got %d questions, err %v; want %d", len(qs), err, tt.wantN)
			}
			for _, q := range qs {
				if len(q.GoldSources) != len(q.Gold) {
					t.Errorf("%q: %d sources for %d ranges", q.Text, len(q.GoldSources), len(q.Gold))
				}
			}
		})
	}
}

func FuzzQuery(f *testing.F) {
	for _, s := range []string{"Why did the Bolsheviks dissolve the Constituent Assembly?", `+-:*~/"()[]`, "title:x Fund* /re/ x~5", "Kronstat", "\x00\xff", strings.Repeat("a ", 600)} {
		f.Add(s)
	}
	ix := interview(f)
	f.Fuzz(func(t *testing.T, q string) {
		for _, find := range []func(context.Context, string, int) ([]Result, error){ix.Ask, ix.Quote} {
			rs, err := find(context.Background(), q, 3)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if len(rs) > 3 {
				t.Fatalf("%q: %d results for k=3", q, len(rs))
			}
			for _, r := range rs {
				if r.Quote.Text == "" || r.Quote.Start < 1 || r.Quote.End < r.Quote.Start {
					t.Fatalf("%q: bad result %+v", q, r)
				}
			}
		}
		ix.Suggest(q)
	})
}

// TestConcurrentQueries runs questions from many goroutines at once, as the
// bot does; CI runs it under the race detector.
func TestConcurrentQueries(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := NewMemory(context.Background(), c) // fresh, so the lazy caches fill concurrently
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	questions := []string{"Kronstadt sailors", "Why did the Bolsheviks dissolve the Constituent Assembly?", "peace of shame", "Kronstat", "What is the epigraph?"}
	want := map[string][]Result{}
	for _, q := range questions {
		rs, err := interview(t).Ask(context.Background(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		want[q] = rs
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				q := questions[(g+i)%len(questions)]
				rs, err := ix.Ask(context.Background(), q, 3)
				if err != nil || !reflect.DeepEqual(rs, want[q]) {
					errs <- fmt.Sprintf("%q: err %v, results differ from a lone query: %v", q, err, !reflect.DeepEqual(rs, want[q]))
					return
				}
				ix.Quote(context.Background(), q, 3)
				ix.Suggest(q)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestWordNetRelated(t *testing.T) {
	tests := []struct {
		stem string
		want string // a stem that must be related, or "" for none at all
	}{
		{"marri", "marriag"},
		{"magician", "sorcer"},
		{"priest", "priesthood"},
		{"zzzzqx", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.stem, func(t *testing.T) {
			got := wordnetRelated(tt.stem)
			if tt.want == "" {
				if got != nil {
					t.Errorf("wordnetRelated(%q) = %v, want none", tt.stem, got)
				}
				return
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("wordnetRelated(%q) = %v, want it to hold %q", tt.stem, got, tt.want)
			}
		})
	}
	// Every line of the table can be found by its own key.
	for _, line := range strings.Split(strings.TrimSpace(wordnetTable), "\n") {
		key, _, _ := strings.Cut(line, "\t")
		if wordnetRelated(key) == nil {
			t.Fatalf("wordnetRelated(%q) found nothing, though the table has it", key)
		}
	}
}

// TestQuoteOfStopWords: a phrase of stop words only is not in the index,
// so Quote scans the sentences for it; the scan finds it, and stops with
// ErrTimeout when it takes longer than a search may.
func TestQuoteOfStopWords(t *testing.T) {
	doc, err := corpus.Parse("hamlet.txt", []byte("A Play\n\nThe prince speaks alone on the stage.\n\nTo be, or not to be, that is the question.\n\nHe leaves.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := NewMemory(context.Background(), &corpus.Corpus{Documents: []*corpus.Document{doc}})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := ix.Quote(context.Background(), "to be or not to be", 3)
	if err != nil || len(rs) == 0 || rs[0].Quote.Start != 5 || rs[0].Score < tierPhrase {
		t.Fatalf("Quote: %v, %+v; want line 5 as a phrase", err, rs)
	}
	ix.timeout = -1 // the scan's time is up before it starts
	if _, err := ix.Quote(context.Background(), "to be or not to be", 3); !errors.Is(err, ErrTimeout) {
		t.Errorf("Quote past its time: %v, want ErrTimeout", err)
	}
}

// parsedIndex parses a text as the file name and indexes it in memory,
// closed when the test ends.
func parsedIndex(t testing.TB, name, text string) *Index {
	t.Helper()
	d, err := corpus.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return docIndex(t, d)
}

// titledDoc parses text as file name, titled title as a title page or
// the file's details would title it.
func titledDoc(t testing.TB, name, text, title string) *corpus.Document {
	t.Helper()
	d, err := corpus.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d.Title = title
	return d
}

// firstResult asks ix a question and returns its first result, failing
// the test where there is none.
func firstResult(t testing.TB, ix *Index, question string) Result {
	t.Helper()
	rs, err := ix.Ask(context.Background(), question, 1)
	if err != nil || len(rs) == 0 {
		t.Fatalf("%s: %v, %d results; want an answer", question, err, len(rs))
	}
	return rs[0]
}

// docIndex indexes documents in memory, closed when the test ends.
func docIndex(t testing.TB, docs ...*corpus.Document) *Index {
	t.Helper()
	ix, err := NewMemory(context.Background(), &corpus.Corpus{Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestMisspellings checks which words of a question the text lacks are
// read as misspellings of its words: not a word framing the question
// ("many" of "Manning") nor a word of English ("cost" of "lost"), but a
// typing slip, and a longer or shorter form of a word ("catalogue").
// TestLongerForms checks that a word the text holds only in a longer
// form ("slavery" for "slave") counts as held by it, as a word the text
// has counts by its forms, and is no misspelling.
func TestLongerForms(t *testing.T) {
	ix := parsedIndex(t, "trade.txt", "Trade\n\n"+
		"The Mongols practiced debt slavery. Kublai in 1291 forbade the sale abroad of Mongols.\n")
	tests := []struct {
		question string
		stem     string
		forms    []string // the stems counted as it by their form
	}{
		{"Was debt a form of slave labour?", "slave", []string{"slaveri"}},
		{"Did the Mongols practise debt?", "mongol", []string{"mongol"}},
		{"Who traded catalogues?", "catalogu", nil}, // no shorter form: a misspelling
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := ix.analyse(cleanQuery(tt.question))
			var forms []string
			for _, c := range q.concepts {
				if c.stem != tt.stem {
					continue
				}
				for _, a := range c.alts {
					if a.how == altExact || a.how == altDerived {
						forms = append(forms, ix.rank.lex.terms[a.term])
					}
				}
			}
			if !slices.Equal(forms, tt.forms) {
				t.Errorf("forms of %q = %q, want %q", tt.stem, forms, tt.forms)
			}
		})
	}
}

func TestMisspellings(t *testing.T) {
	ix := parsedIndex(t, "season.txt", "The season\n\n"+
		"Manning finished the season throwing for 2,249 yards, with 17 interceptions, and lost two games.\n\n"+
		"Newton had his best season, throwing for 3,837 yards and rushing for 636, with 45 touchdowns and 10 interceptions.\n\n"+
		"The league's catalog of records lists both of them.\n")
	tests := []struct {
		question  string
		spelt     []string // the stems read as misspelt
		suggested []string
		first     string // the first quote holds it
	}{
		{"How many interceptions did Newton throw?", nil, nil, "Newton"},
		{"How many intercpetions did Newton throw?", []string{"intercpet"}, []string{"interceptions"}, "Newton"},
		{"What did the Newton season cost?", nil, nil, "Newton"},
		{"Which catalogue lists the records?", nil, nil, "catalog"}, // spelt otherwise (TestOtherSpellings), not misspelt
		{"Who threw seventeen interceptions?", nil, nil, "Manning"}, // written "17"
		{"Was Newton a rusher?", nil, nil, "Newton"},                // held as "rushing"
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			var spelt []string
			for _, c := range ix.analyse(cleanQuery(tt.question)).concepts {
				if slices.ContainsFunc(c.alts, func(x alt) bool { return x.how == altSpelling }) {
					spelt = append(spelt, c.stem)
				}
			}
			if !slices.Equal(spelt, tt.spelt) {
				t.Errorf("misspelt stems %q, want %q", spelt, tt.spelt)
			}
			if got := ix.Suggest(tt.question); !slices.Equal(got, tt.suggested) {
				t.Errorf("Suggest = %q, want %q", got, tt.suggested)
			}
			rs, err := ix.Ask(context.Background(), tt.question, 1)
			if err != nil || len(rs) == 0 {
				t.Fatalf("Ask: %v results, error %v", len(rs), err)
			}
			if got := rs[0].Quote.Text; !strings.Contains(got, tt.first) {
				t.Errorf("first quote %q, want one holding %q", got, tt.first)
			}
		})
	}
}

// misquotedText has a sentence holding every word of a misremembered
// quotation after a passage that scores better and holds them in several
// sentences.
func misquotedText() string {
	var b strings.Builder
	b.WriteString("Camp notes\n\n")
	for i := range 24 {
		if i == 12 {
			b.WriteString("The soldiers waited around the gate. Nobody sat. The small boys watched the soldiers and the small dogs. The soldiers sat.\n\n")
		}
		fmt.Fprintf(&b, "Day %d. It rained all morning on the tents and the wagons, and nobody left the camp before noon. "+
			"Riders came to say that the roads to the north were closed, that the bridges were down, and that the men "+
			"should wait where they were until the water went down and the carts could pass again.\n\n", i+1)
	}
	b.WriteString("Beyond, in a little clearing far from the road, the river and the long line of carts, three soldiers sat around a small fire, perfectly oblivious to the noise of the town behind them.\n")
	return b.String()
}

// commonPhraseText has a phrase whose words stand together in more
// passages than a look-up reads.
func commonPhraseText() string {
	var b strings.Builder
	b.WriteString("Letters\n\n")
	for i := range 60 {
		fmt.Fprintf(&b, "Day %d. In fact the rain fell on the tents. The states sent riders, and in fact the states said the roads were closed.\n\n", i+1)
	}
	b.WriteString("Of all the towns and villages and farms along the road that ran beside the river to the sea, past the mills, the bridges, " +
		"the orchards and the long walls of the old abbey where the monks kept bees and copied books through the winter, Sparta and Rome are, " +
		"in fact, the only states to whom that character can be applied.\n")
	return b.String()
}

// TestQuoteMisremembered looks up quotations as readers remember them:
// a word dropped, two words swapped, a plural, or exactly but in common
// words. The sentence holding them all comes first.
func TestQuoteMisremembered(t *testing.T) {
	camp := parsedIndex(t, "camp.txt", misquotedText())
	letters := parsedIndex(t, "letters.txt", commonPhraseText())
	tests := []struct {
		ix           *Index
		phrase, want string
	}{
		{camp, "soldiers sat around small", "three soldiers sat"},
		{camp, "soldiers sit around a small", "three soldiers sat"},
		{camp, "sat soldiers around a small", "three soldiers sat"},
		{letters, "in fact, the only states to", "Sparta and Rome"},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			rs, err := tt.ix.Quote(context.Background(), tt.phrase, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || !strings.Contains(rs[0].Quote.Text, tt.want) {
				t.Errorf("first quote %+v, want the one with %q", rs, tt.want)
			}
		})
	}
}

// TestRespell checks which words of a question are asked as the word of
// the text one edit away, and which are left as typed.
func TestRespell(t *testing.T) {
	ix := parsedIndex(t, "season.txt", "The season\n\n"+
		"Manning finished the season throwing for 2,249 yards, with 17 interceptions, and lost two games.\n\n"+
		"Newton was organized and had his best season, rushing for 636 yards.\n")
	tests := []struct{ question, want string }{
		{"How were the players organiezd?", "How were the players organized?"}, // the stems "organiezd" and "organ" are far apart
		{"How many yards did Nweton rush for?", "How many yards did Newton rush for?"},
		{"How many interecptions were thrown?", "How many interceptions were thrown?"},
		{"How many intercetions were thrown?", "How many interceptions were thrown?"},              // a letter left out of a word that is no English word
		{"What did Manning throw duirng the season?", "What did Manning throw during the season?"}, // a word the index leaves out
		{"How many games did they loose?", "How many games did they loose?"},                       // a word of English, not a misspelling of "lost" …
		{"What did the season cost?", "What did the season cost?"},                                 // … nor of "lose"
		{"How many yards did newton rush for?", "How many yards did newton rush for?"},             // a word of English, though a name of the text
		{"Did Manning throw for 2249 yards?", "Did Manning throw for 2249 yards?"},                 // no letters to change
		{"Who is Kerensky?", "Who is Kerensky?"},                                                   // no word of the text is one edit away
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := ix.respell(cleanQuery(tt.question)); got != tt.want {
				t.Errorf("respell = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsEnglish(t *testing.T) {
	ix := interview(t)
	tests := []struct {
		word string
		want bool
	}{
		{"women", true},      // an irregular plural WordNet forms by rule
		{"shown", true},      // an irregular form it lists
		{"unable", true},     // an adjective
		{"boycotting", true}, // the stemmer makes "boycot" of it, "boycott" of the verb
		{"newer", true},
		{"running", true},
		{"studied", true},
		{"amongst", true}, // no noun, verb, adjective or adverb
		{"intercetions", false},
		{"revolutoin", false},
		{"acessing", false},
		{"kornilov", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := ix.isEnglish(tt.word); got != tt.want {
				t.Errorf("isEnglish(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

// TestOtherSpellings asks in American English of a British text and in
// British English of an American one.
func TestOtherSpellings(t *testing.T) {
	british := parsedIndex(t, "british.txt", "Notes\n\nThe neighbours realised that the offence was grave. "+
		"The rope was made of a coarse fibre. The behaviour of the crowd was calm.\n")
	american := parsedIndex(t, "american.txt", "Notes\n\nThe neighbors realized that the offense was grave. "+
		"The rope was made of a coarse fiber. The behavior of the crowd was calm.\n")
	tests := []struct {
		ix                    *Index
		question, asked, want string // asked: the text's spelling counted; want: in the first quote
	}{
		{british, "What did the neighbors realize?", "neighbours", "neighbours realised"},
		{british, "Was the offense grave?", "offence", "offence"},
		{british, "What fiber was the rope made of?", "fibre", "fibre"},
		{american, "What did the neighbours realise?", "neighbors", "neighbors realized"},
		{american, "What was the behaviour of the crowd?", "behavior", "behavior"},
		{american, "Did the analyser find an offence?", "offense", "offense"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			stem := analyze(tt.ix.stem, tt.asked)[0].term
			q := tt.ix.analyse(cleanQuery(tt.question))
			if !slices.ContainsFunc(q.concepts, func(c concept) bool {
				return !c.misspelt && slices.ContainsFunc(c.alts, func(a alt) bool { return a.how == altExact && tt.ix.lex.terms[a.term] == stem })
			}) {
				t.Errorf("no concept of %q counts %q as its own", tt.question, tt.asked)
			}
			if got := tt.ix.Suggest(tt.question); got != nil {
				t.Errorf("Suggest = %q, want nothing: the word is spelt otherwise, not misspelt", got)
			}
			rs, err := tt.ix.Ask(context.Background(), tt.question, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || !strings.Contains(rs[0].Quote.Text, tt.want) {
				t.Errorf("first quote %+v, want the sentence with %q", rs, tt.want)
			}
		})
	}
}
