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
	{"a letter left out", 0.04, func(w []rune) []rune {
		i := len(w) / 2
		return append(w[:i:i], w[i+1:]...)
	}},
	{"a letter doubled", 0.03, func(w []rune) []rune {
		i := len(w) / 2
		return slices.Insert(w, i, w[i])
	}},
	{"a key beside", 0.04, func(w []rune) []rune {
		i := len(w) / 2
		row := "qwertyuiopasdfghjklzxcvbnm"
		if k := strings.IndexRune(row, unicode.ToLower(w[i])); k >= 0 {
			w[i] = rune(row[(k+1)%len(row)])
		}
		return w
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

// forgivingSets are the training sets asked again as readers mistype or
// chat (TestAskForgivesTypos, TestAskForgivesChat).
var forgivingSets = []string{"interview", "ten-days", "paris-commune", "huck-finn"}

// TestAskForgivesTypos asks the questions of four training sets with a
// typo in their longest word and checks that hit@1, pooled over the sets,
// stays close to that of the questions as written.
func TestAskForgivesTypos(t *testing.T) {
	rewrites := []func(string) string{func(q string) string { return q }}
	for _, ty := range typos {
		rewrites = append(rewrites, func(q string) string { return withTypo(q, ty) })
	}
	hits := pooledHitAt1(t, forgivingSets, rewrites)
	for i, ty := range typos {
		t.Run(ty.name, func(t *testing.T) {
			t.Logf("as written %.3f, with %s %.3f", hits[0], ty.name, hits[i+1])
			if hits[i+1] < hits[0]-ty.most {
				t.Errorf("hit@1 %.3f with %s, want at least %.3f (as written %.3f less %.2f)", hits[i+1], ty.name, hits[0]-ty.most, hits[0], ty.most)
			}
		})
	}
}

// pooledHitAt1 asks the questions of the named sets, rewritten by each
// rewrite in turn, and returns each rewrite's hit@1 pooled over the sets.
func pooledHitAt1(t *testing.T, names []string, rewrites []func(string) string) []float64 {
	t.Helper()
	sets := questionSets()
	answered := make([]int, len(rewrites))
	asked := 0
	for _, name := range names {
		tt := sets[slices.IndexFunc(sets, func(s questionSet) bool { return s.key == name })]
		qs := loadQuestions(t, tt.tsv)
		ix, err := NewMemory(context.Background(), tt.corpus(t))
		if err != nil {
			t.Fatal(err)
		}
		asked += len(qs)
		for i, rewrite := range rewrites {
			rewritten := slices.Clone(qs)
			for k := range rewritten {
				rewritten[k].Text = rewrite(rewritten[k].Text)
			}
			rep, err := Evaluate(context.Background(), ix, rewritten, 1)
			if err != nil {
				t.Fatal(err)
			}
			answered[i] += rep.Questions - len(rep.Misses)
		}
		ix.Close()
	}
	out := make([]float64, len(rewrites))
	for i, n := range answered {
		out[i] = float64(n) / float64(asked)
	}
	t.Logf("%d questions of %s", asked, strings.Join(names, ", "))
	return out
}

// TestAskForgivesSwappedQuestionWords asks the questions of four training
// sets with two letters swapped in their first word where it has four
// letters or more ("Waht", "Wehn", "Wihch") and checks that hit@1, pooled
// over the sets, stays close to that of the questions as written.
func TestAskForgivesSwappedQuestionWords(t *testing.T) {
	swapped := func(q string) string {
		r := []rune(q)
		end := strings.IndexFunc(q, func(c rune) bool { return !unicode.IsLetter(c) })
		if end < 4 || end != len(string(r[:end])) {
			return q
		}
		r[1], r[2] = r[2], r[1]
		return string(r)
	}
	hits := pooledHitAt1(t, forgivingSets, []func(string) string{func(q string) string { return q }, swapped})
	t.Logf("as written %.3f, with the first word's letters swapped %.3f", hits[0], hits[1])
	const most = 0.01
	if hits[1] < hits[0]-most {
		t.Errorf("hit@1 %.3f with the first word's letters swapped, want at least %.3f (as written %.3f less %.2f)", hits[1], hits[0]-most, hits[0], most)
	}
}
