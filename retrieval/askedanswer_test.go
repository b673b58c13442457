package retrieval

import (
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// TestQuestionQuotedWithAnswer quotes a question the text asks with the
// sentences that answer it, the next paragraph's too where the same voice
// goes on ("…in the Abbey notwithstanding?" / "Simply because…"); a
// reply in another speaker's voice is not taken along.
func TestQuestionQuotedWithAnswer(t *testing.T) {
	essay := "LECTURE I\n\nThe present dilemma in philosophy is old. Critics have written about it at length.\n\n" +
		"Why does Spencer call out so much reverence in spite of his weakness in rationalistic eyes? Why should so many educated men wish to see him in the Abbey?\n\n" +
		"Simply because we feel his heart to be in the right place philosophically. His principles may be all skin and bone.\n"
	dialogue := "PERSONS OF THE DIALOGUE\n\nHYLAS.\nPHILONOUS.\n\nHYL. Good morrow, Philonous.\n\nPHIL. Good morrow, Hylas.\n\n" +
		"HYL. Why does Spencer call out so much reverence in spite of his weakness in rationalistic eyes?\n\n" +
		"PHIL. Simply because we feel his heart to be in the right place philosophically.\n\nHYL. I see it now.\n\nPHIL. You do.\n\nHYL. Then farewell.\n\nPHIL. Farewell, Hylas.\n"
	tests := []struct {
		name, text string
		wantAnswer bool
	}{
		{"essay", essay, true},
		{"dialogue", dialogue, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstResult(t, parsedIndex(t, tt.name+".txt", tt.text), "Why does Spencer call out so much reverence?").Quote.Text
			if !strings.HasPrefix(got, "Why does Spencer") {
				t.Fatalf("got %q first, want the question the text asks", got)
			}
			if has := strings.Contains(got, "Simply because"); has != tt.wantAnswer {
				t.Errorf("got %q; quoting the answer: %v, want %v", got, has, tt.wantAnswer)
			}
		})
	}
}

// TestColonQuoted: a quote that ends on a sentence introducing something
// with a colon goes on to what it introduces, in the next paragraph too,
// and takes it rather than the sentence before, which would leave no
// room under the eight-line rule.
func TestColonQuoted(t *testing.T) {
	tests := []struct {
		name, text, question string
		want                 []string // in the first quote
	}{
		{"what follows", "CHAPTER XV\n\n" +
			"We crossed the pass at dawn. My companion was an arriero, with his ten mules and a madrina. The madrina (or godmother) is a most important personage:\n\n" +
			"She is an old steady mare, with a little bell round her neck; and wherever she goes, the mules follow her.\n\n" +
			"The road beyond the pass was steep and covered in snow, and we were glad of the mules.\n",
			"What is a madrina?", []string{"personage:", "an old steady mare"}},
		{"forwards", "THE TRIAL\n\n" +
			"Upon the trial of Mrs. Rae before the\n" +
			"Circuit Court at Oban, in June, 1873,\n" +
			"it was proved that before keeping the\n" +
			"light she was advised by her counsel\n" +
			"that she had a right to keep it,\n" +
			"whatever the Board might say. It was\n" +
			"claimed in her behalf:\n\n" +
			"I. That she was legally entitled to keep the light.\n\n" +
			"II. That if she was not so entitled, she acted in good faith.\n\n" +
			"The court held that good faith was no defence, and the jury was discharged.\n",
			"What was claimed in Mrs. Rae's behalf?", []string{"claimed in her behalf:", "legally entitled"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstResult(t, parsedIndex(t, tt.name+".txt", tt.text), tt.question).Quote.Text
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q first, want it to hold %q", got, w)
				}
			}
		})
	}
}

// TestLongQuestionQuotedWithAnswer: a question the text asks, too long to
// quote whole with its answer (a verse sentence of seven lines), is
// quoted from its end on with the answer; not where the answer is a
// question too, nor where the question is someone's, quoted.
func TestLongQuestionQuotedWithAnswer(t *testing.T) {
	const asking = "  As I ponder'd in silence on the hill above the river,\n" +
		"  Returning upon my poems, considering, lingering long in the evening,\n" +
		"  A Phantom arose before me with distrustful aspect and a heavy brow,\n" +
		"  Terrible in beauty, age, and power, the genius of poets of old lands,\n" +
		"  With finger pointing to many immortal songs upon the shelves of kings,\n" +
		"  And menacing voice, What singest thou? it said, with a frown upon its face,\n" +
		"  Know'st thou not there is but one theme for ever-enduring bards?\n"
	tests := []struct {
		name, then string
		want       bool // the answer quoted
	}{
		{"an answer", "  And that is the theme of War, the fortune of battles,\n  The making of perfect soldiers.\n", true},
		{"another question", "  And is that the theme of War, the fortune of battles,\n  The making of perfect soldiers?\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := parsedIndex(t, "poems.txt", "As I Ponder'd in Silence\n\n"+asking+tt.then+"\n\nTo a Historian\n\n  You who celebrate bygones, the outside, the surface of the races.\n")
			got := firstResult(t, ix, "What is the theme of ever-enduring bards?").Quote.Text
			if !strings.Contains(got, "ever-enduring bards?") {
				t.Fatalf("got %q first, want the question the text asks", got)
			}
			if has := strings.Contains(got, "perfect soldiers"); has != tt.want {
				t.Errorf("got %q; quoting what follows: %v, want %v", got, has, tt.want)
			}
		})
	}
	t.Run("quoted", func(t *testing.T) {
		text := "THE THESES\n\nThe theses were posted in October. " +
			"Thesis 86 asks, \"Why does the pope, whose wealth today is greater than the wealth of the richest Crassus, build the basilica of St. Peter with the money of poor believers rather than with his own money, when the poor of the city go hungry and the churches of the country fall into ruin for want of repair, and the faithful are told that the coin buys the soul out of purgatory?\" " +
			"Luther objected to a saying attributed to Johann Tetzel about the coin in the coffer and the soul that springs from purgatory.\n"
		got := firstResult(t, parsedIndex(t, "theses.txt", text), "Which thesis asks why the pope builds the basilica of St. Peter with the money of the poor?").Quote.Text
		if !strings.Contains(got, "Thesis 86") {
			t.Errorf("got %q first, want the quoted question with who asks it", got)
		}
	})
}

// TestNeighbourShownInPart: the sentence beside the chosen one, scoring
// nearly as well, is quoted too where only part of it fits, the chosen
// sentence shown whole ("…brought on severe illness and death. The
// English working-men call this "social murder,"…"); the neighbour, not
// shown whole, may still be quoted whole further down.
func TestNeighbourShownInPart(t *testing.T) {
	text := "THE GREAT TOWNS\n\n" +
		"But indirectly, far more than directly, many have died of starvation, where long continued want of proper nourishment has called forth fatal illness, " +
		"when it has produced such debility that causes which might otherwise have remained inoperative, brought on severe illness and death. " +
		"The English working-men call this \"social murder,\" and accuse our whole society of perpetrating this crime perpetually, in the streets, the mills and the courts of every town in the kingdom, wherever they meet.\n"
	d, err := corpus.Parse("towns.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ix := docIndex(t, d)
	r := ix.rank
	q := ix.analyse("What do the working-men call death from starvation?")
	first := d.SentenceCount() - 2 // "But indirectly…", after the heading
	chosen := candidate{doc: 0, sent: first, score: 5}
	used := map[[2]int]bool{}
	sents := r.extend(chosen, map[[2]int]float64{{0, first + 1}: 5 - r.model.extend/2}, used, false)
	if len(sents) != 2 {
		t.Fatalf("extend quotes sentences %v, want the chosen one and its neighbour", sents)
	}
	res := r.chosen(&q, chosen, sents, q.stems(r.lex), used, 1)
	if got := res.Quote.Text; !strings.HasPrefix(got, "But indirectly") || !strings.Contains(got, "The English working-men call this") || !res.Quote.Counts() {
		t.Errorf("got %q on lines %v, want the chosen sentence whole and the start of the next within a quote's limits", got, res.Quote.Span)
	}
	if used[[2]int{0, first + 1}] {
		t.Errorf("the neighbour shown in part is marked used; want it free to be quoted whole")
	}
}
