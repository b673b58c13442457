package retrieval

import (
	"context"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// misquote turns a run of words a reader remembers into what they type.
type misquote struct {
	name     string
	floor    float64 // the share of look-ups whose first quote must hold the sentence
	askFloor float64 // the same, pasted into a question
	perturb  func(r *rand.Rand, words []string) []string
}

var misquotes = []misquote{
	{"exactly", 0.99, 0.97, func(_ *rand.Rand, w []string) []string { return w }},
	{"a word left out", 0.90, 0.87, func(r *rand.Rand, w []string) []string {
		i := 1 + r.Intn(len(w)-2)
		return append(w[:i:i], w[i+1:]...)
	}},
	{"two words swapped", 0.93, 0.92, func(r *rand.Rand, w []string) []string {
		i := r.Intn(len(w) - 1)
		w[i], w[i+1] = w[i+1], w[i]
		return w
	}},
	{"a plural for a singular", 0.88, 0.91, func(r *rand.Rand, w []string) []string {
		i := r.Intn(len(w))
		word := strings.TrimRightFunc(w[i], unicode.IsPunct)
		if strings.HasSuffix(word, "s") {
			w[i] = strings.TrimSuffix(word, "s")
		} else {
			w[i] = word + "s"
		}
		return w
	}},
	{"two letters swapped", 0.90, 0.94, func(r *rand.Rand, w []string) []string {
		i := r.Intn(len(w))
		if rs := []rune(w[i]); len(rs) > 4 {
			j := 1 + r.Intn(len(rs)-3)
			rs[j], rs[j+1] = rs[j+1], rs[j]
			w[i] = string(rs)
		}
		return w
	}},
	{"typed plainly", 0.99, 0.97, func(_ *rand.Rand, w []string) []string {
		for i := range w {
			w[i] = strings.ToLower(strings.Map(func(r rune) rune {
				if unicode.IsPunct(r) && r != '-' && r != '\'' {
					return -1
				}
				return r
			}, w[i]))
		}
		return w
	}},
	{"a letter left out", 0.95, 0.93, func(r *rand.Rand, w []string) []string {
		i := r.Intn(len(w))
		if rs := []rune(w[i]); len(rs) > 4 {
			j := 1 + r.Intn(len(rs)-2)
			w[i] = string(append(rs[:j:j], rs[j+1:]...))
		}
		return w
	}},
	{"words left out for an ellipsis", 0.88, 0.87, func(_ *rand.Rand, w []string) []string {
		i := len(w) / 2
		return slices.Concat(w[:i], []string{"..."}, w[i+1:])
	}},
	{"a line break, as pasted from a page", 0.99, 0.97, func(_ *rand.Rand, w []string) []string {
		i := len(w) / 2
		return slices.Concat(w[:i-1], []string{w[i-1] + "\n" + w[i]}, w[i+1:])
	}},
	{"straight quotes for curly ones", 0.99, 0.97, func(_ *rand.Rand, w []string) []string {
		for i := range w {
			w[i] = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(w[i])
		}
		return w
	}},
	{"in quotation marks, asking who said it", 0.97, 0.97, func(_ *rand.Rand, w []string) []string {
		w[0] = "\"" + w[0]
		w[len(w)-1] += "\" - who said this?"
		return w
	}},
}

// TestQuoteLookupForgives looks up runs of five to eight words of
// sentences sampled from texts of several kinds, as readers misremember
// them, with Quote and pasted into Ask, and checks how often the first
// quote holds the sentence (or the same words elsewhere).
func TestQuoteLookupForgives(t *testing.T) {
	var texts []*corpus.Corpus
	for _, load := range []func(testing.TB) *corpus.Corpus{
		defaultCorpus,
		fromFile(func(t testing.TB) string { return testsupport.SharedCorpus(t, "ten-days-that-shook-the-world.txt") }),
		library("twain-huckleberry-finn.txt"),
		library("hamilton-madison-jay-federalist-papers.txt"),
		library("shakespeare-macbeth.txt"),
		formats("pdf/jerome-three-men-in-a-boat.chromium-no-header.pdf"),
	} {
		texts = append(texts, load(t))
	}
	found := make([]int, len(misquotes))
	pasted := make([]int, len(misquotes))
	asked := 0
	for _, c := range texts {
		ix, err := NewMemory(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewSource(202612079))
		sents := longSentences(c.Documents[0], 10)
		for range 30 {
			s := sents[r.Intn(len(sents))]
			words := strings.Fields(s.Text)
			n := 5 + r.Intn(4)
			from := r.Intn(len(words) - n + 1)
			run := words[from : from+n]
			asked++
			for i, m := range misquotes {
				phrase := strings.Join(m.perturb(r, slices.Clone(run)), " ")
				holds := func(rs []Result, err error) bool {
					if err != nil {
						t.Fatal(err)
					}
					return len(rs) > 0 && (rs[0].Quote.Span.Start <= s.Lines.Start && rs[0].Quote.Span.End >= s.Lines.End || strings.Contains(rs[0].Quote.Text, strings.Join(run, " ")))
				}
				if holds(ix.Quote(context.Background(), phrase, 1)) {
					found[i]++
				}
				if holds(ix.Ask(context.Background(), phrase, 1)) {
					pasted[i]++
				}
			}
		}
		ix.Close()
	}
	for i, m := range misquotes {
		t.Run(m.name, func(t *testing.T) {
			got, ask := float64(found[i])/float64(asked), float64(pasted[i])/float64(asked)
			t.Logf("%s: %d of %d first quotes hold the sentence (%.3f); asked, %d (%.3f)", m.name, found[i], asked, got, pasted[i], ask)
			if got < m.floor {
				t.Errorf("%d of %d (%.3f) first quotes hold the sentence; want at least %.2f", found[i], asked, got, m.floor)
			}
			if ask < m.askFloor {
				t.Errorf("asked, %d of %d (%.3f) first quotes hold the sentence; want at least %.2f", pasted[i], asked, ask, m.askFloor)
			}
		})
	}
}

// longSentences are a document's one-line sentences of at least n words.
func longSentences(d *corpus.Document, n int) []corpus.Sentence {
	var out []corpus.Sentence
	for _, s := range d.AllSentences() {
		if len(strings.Fields(s.Text)) >= n && !strings.Contains(s.Text, "\n") {
			out = append(out, s)
		}
	}
	return out
}
