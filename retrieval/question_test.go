package retrieval

import (
	"slices"
	"testing"
)

func TestIntentOf(t *testing.T) {
	tests := []struct {
		question string
		want     intent
	}{
		{"When did Mongke Khan die?", intentTime},
		{"In what year did the Jin dynasty end?", intentTime},
		{"Who led the Broncos?", intentPerson},
		{"What is the name of the stadium in Miami?", intentPerson}, // a name, as a who question's is
		{"What was the last name of the player who fumbled?", intentPerson},
		{"What does the name Cadets mean?", intentNone},
		{"Which Broncos player intercepted Newton?", intentPerson}, // a kind of thing named: a name
		{"In what book did Meggers describe the idea?", intentPerson},
		{"Where was Smolny Institute?", intentPlace},
		{"What city did Super Bowl 50 take place in?", intentPlace}, // a place's name, not a person's
		{"Which country did the Yuan conquer?", intentPlace},
		{"Why did the Bolsheviks dissolve the Constituent Assembly?", intentReason},
		{"How many sacks did Miller have?", intentQuantity},
		{"What was the final score of Super Bowl 50?", intentQuantity},
		{"What is the population of the city?", intentQuantity},
		{"What is a soviet?", intentDefinition},
		{"At what age did Douglass learn to read?", intentQuantity}, // "How old…?"
		{"By whom was the jenny invented?", intentPerson},
		{"To whom did Huck write the letter?", intentPerson},
		{"How come Huck left the widow's?", intentReason},
		{"What was the reason for the war?", intentReason}, // a reason, not a definition
		{"What were the main causes of the famine?", intentReason},
		{"What was Van Voorhis's first reason for it?", intentReason},
		{"What was Douglass's age when he escaped?", intentQuantity},
		{"How frequently did the soviets meet?", intentQuantity},
		{"Whereabouts did the Rostovs live?", intentPlace},
		{"Which street did the Rostovs live on?", intentPlace},
		{"What was the name of Pierre's wife?", intentPerson}, // a name, not a definition
		{"How soon did the Bolsheviks act?", intentTime},
		{"Since when has the Duma met?", intentTime},
		{"Until when will the agitation go on?", intentNone}, // until an event, as often as a date
		{"What did Lenin say about the soviets?", intentQuotation},
		// What something is called: the sentence naming it answers.
		{"What was the Yuan's paper money called?", intentDefinition},
		{"What is Cultural Imperialism often referred to as?", intentDefinition},
		{"What was Temur Khan's Chinese-style name?", intentDefinition},
		{"Under Goldenson's merger plan, what would the new entity be named?", intentDefinition},
		{"What company was later renamed?", intentPerson},
		// A clause set before the question asks nothing itself.
		{"When violence is used, what do protesters break?", intentNone},
		{"When many people are arrested, who negotiates?", intentPerson},
		{"If the soviets had won, why would it matter?", intentReason},
		{"According to Reed, where did the delegates meet?", intentPlace},
		{"When the war ended, when did the troops come home?", intentTime},
		// A question's own word before a comma stays the question.
		{"Who, when the war ended, came home?", intentPerson},
		{"When did Luther, Calvin and Zwingli meet?", intentTime},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := intentOf(tt.question); got != tt.want {
				t.Errorf("intentOf = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestNamedTerm: the term a question asks the name of, whose head the
// sentence naming it must hold.
func TestNamedTerm(t *testing.T) {
	tests := []struct{ question, want string }{
		{"What was the Yuan's paper money called?", "the Yuan's paper money"},
		{"What is Cultural Imperialism often referred to as?", "Cultural Imperialism"},
		{"When UPT bought ABC, what was the merged company called?", "the merged company"},
		{"Under Goldenson's merger plan, what would the new entity be named?", "the new entity"},
		{"What was Tugh's Chinese-style name?", "Tugh"},
		{"What is the Yuan dynasty's official name?", "Yuan dynasty"},
		{"What was Tugh Temur known for?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := namedTerm(ownQuestion(tt.question)); got != tt.want {
				t.Errorf("namedTerm = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestQuestionWordsAreNoConcepts checks that a question word the
// analyzer keeps ("whose") is not searched for: a relative "whose" in the
// text would match it.
func TestQuestionWordsAreNoConcepts(t *testing.T) {
	r, a := standalone(t, "Notes\n\nWe have a file called Makefile, whose contents follow. "+
		"Everything I know is from Chase Lambert's tutorial.\n")
	checkRankedFirst(t, r, a, []firstQuote{{"Whose tutorial was it?", "Lambert"}})
	q := a.question(cleanQuery("Whose tutorial was it?"))
	for _, c := range q.concepts {
		if c.stem == "whose" {
			t.Errorf("concepts of %q hold %q", "Whose tutorial was it?", c.stem)
		}
	}
}

// TestLatinAlternations checks that a verb of Latin stock counts as the
// noun the text writes it as ("prescribe" as "prescription"), and not
// as a word of another sense its letters alternate with ("intend" is no
// "intense", "revolve" no "revolution").
func TestLatinAlternations(t *testing.T) {
	ix := parsedIndex(t, "doctor.txt", "Doctor\n\n"+
		"He wrote out a prescription. The invasion came from the north, and the decision was theirs. "+
		"The heat was intense, the revolution absolute.\n")
	tests := []struct {
		question, stem string
		want           []string // the stems counted as it by their form
	}{
		{"What did the doctor prescribe?", "prescrib", []string{"prescript"}},
		{"Who would invade from the north?", "invad", []string{"invas"}},
		{"What did they decide?", "decid", []string{"decis"}},
		{"What did he intend?", "intend", nil},
		{"Does the earth revolve?", "revolv", nil},
		{"Who would absolve them?", "absolv", nil},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := derivedForms(t, ix, tt.question, tt.stem); !slices.Equal(got, tt.want) {
				t.Errorf("forms of %q = %q, want %q", tt.stem, got, tt.want)
			}
		})
	}
}

// derivedForms returns the stems a question's word stem counts as by
// their form.
func derivedForms(t *testing.T, ix *Index, question, stem string) []string {
	t.Helper()
	q := ix.analyse(cleanQuery(question))
	var got []string
	for _, c := range q.concepts {
		for _, a := range c.alts {
			if c.stem == stem && a.how == altDerived {
				got = append(got, ix.rank.lex.terms[a.term])
			}
		}
	}
	return got
}

// TestMeasureNouns checks that the word a question of measure asks by
// counts as the noun naming the measure, where the text has it: "How
// deep" as "depth", "How old" as "age". "How long" does not count as
// "length": old texts write "at length" for "at last".
func TestMeasureNouns(t *testing.T) {
	ix := parsedIndex(t, "pond.txt", "Pond\n\n"+
		"The greatest depth was one hundred and two feet. Members must be over the age of 18. "+
		"At length the ice melted, and its thickness and its height were forgotten.\n")
	tests := []struct {
		question, stem string
		want           []string // the stems counted as it by their form
	}{
		{"How deep is the pond?", "deep", []string{"depth"}},
		{"How old must members be?", "old", []string{"ag"}},
		{"How high is the ice?", "high", []string{"height"}},
		{"How long was the winter?", "long", nil},
		{"Is the pond deep?", "deep", nil}, // no question of measure
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := derivedForms(t, ix, tt.question, tt.stem); !slices.Equal(got, tt.want) {
				t.Errorf("forms of %q = %q, want %q", tt.stem, got, tt.want)
			}
		})
	}
}
