package retrieval

import (
	"context"
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
			d, err := corpus.Parse(tt.name+".txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			rs, err := docIndex(t, d).Ask(context.Background(), "Why does Spencer call out so much reverence?", 1)
			if err != nil || len(rs) == 0 {
				t.Fatalf("%v, %d results; want an answer", err, len(rs))
			}
			got := rs[0].Quote.Text
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
			d, err := corpus.Parse(tt.name+".txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			rs, err := docIndex(t, d).Ask(context.Background(), tt.question, 1)
			if err != nil || len(rs) == 0 {
				t.Fatalf("%v, %d results; want an answer", err, len(rs))
			}
			for _, w := range tt.want {
				if got := rs[0].Quote.Text; !strings.Contains(got, w) {
					t.Errorf("got %q first, want it to hold %q", got, w)
				}
			}
		})
	}
}
