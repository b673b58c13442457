package retrieval

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// typo changes the longest word of a question as a hurried reader might.
type typo struct {
	name string
	most float64 // pooled hit@1 may drop by at most this much against the questions as written
	edit func(word []rune) []rune
}

var typos = []typo{
	{"two letters swapped", 0.03, func(w []rune) []rune {
		i := len(w) / 2
		w[i-1], w[i] = w[i], w[i-1]
		return w
	}},
	{"a letter left out", 0.08, func(w []rune) []rune {
		i := len(w) / 2
		return append(w[:i:i], w[i+1:]...)
	}},
}

// withTypo applies a typo to the longest word of a question, of five
// letters or more.
func withTypo(question string, ty typo) string {
	words := strings.Fields(question)
	longest := 0
	for i, w := range words {
		if len(w) > len(words[longest]) {
			longest = i
		}
	}
	w := words[longest]
	core := strings.TrimRightFunc(w, unicode.IsPunct)
	if len([]rune(core)) < 5 {
		return question
	}
	words[longest] = string(ty.edit([]rune(core))) + w[len(core):]
	return strings.Join(words, " ")
}

// TestAskForgivesTypos asks the questions of four training sets with a
// typo in their longest word and checks that hit@1, pooled over the sets,
// stays close to that of the questions as written.
func TestAskForgivesTypos(t *testing.T) {
	sets := questionSets()
	written := 0
	typed := make([]int, len(typos))
	asked := 0
	for _, name := range []string{"interview", "ten-days", "paris-commune", "huck-finn"} {
		tt := sets[slices.IndexFunc(sets, func(s questionSet) bool { return s.key == name })]
		qs := loadQuestions(t, tt.tsv)
		ix, err := NewMemory(context.Background(), tt.corpus(t))
		if err != nil {
			t.Fatal(err)
		}
		asked += len(qs)
		written += answeredFirst(t, ix, qs)
		for i, ty := range typos {
			mistyped := slices.Clone(qs)
			for k := range mistyped {
				mistyped[k].Text = withTypo(mistyped[k].Text, ty)
			}
			typed[i] += answeredFirst(t, ix, mistyped)
		}
		ix.Close()
	}
	hit := func(n int) float64 { return float64(n) / float64(asked) }
	for i, ty := range typos {
		t.Run(ty.name, func(t *testing.T) {
			t.Logf("%d questions: as written %.3f, with %s %.3f", asked, hit(written), ty.name, hit(typed[i]))
			if hit(typed[i]) < hit(written)-ty.most {
				t.Errorf("hit@1 %.3f with %s, want at least %.3f (as written %.3f less %.2f)", hit(typed[i]), ty.name, hit(written)-ty.most, hit(written), ty.most)
			}
		})
	}
}

// answeredFirst is how many of the questions the first quote answers.
func answeredFirst(t *testing.T, ix *Index, qs []EvalQuestion) int {
	t.Helper()
	rep, err := Evaluate(context.Background(), ix, qs, 1)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Questions - len(rep.Misses)
}
