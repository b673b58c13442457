package retrieval

import (
	"fmt"
	"math"
)

// A question input is one thing the forest knows of the question itself,
// the same for all its candidates: what kind of answer it wants and how
// rare its words are. The linear model cannot use these (they move every
// candidate alike); trees can, to weigh a feature by the question ("the
// date matters for when, not for who").
type questionInput struct {
	name  string
	value func(q *question, lex *lexicon) float64
}

var questionInputs = [...]questionInput{
	{name: "asksPerson", value: func(q *question, _ *lexicon) float64 { return bit(q.intent == intentPerson) }},
	{name: "asksTime", value: func(q *question, _ *lexicon) float64 { return bit(q.intent == intentTime) }},
	{name: "asksPlace", value: func(q *question, _ *lexicon) float64 { return bit(q.intent == intentPlace) }},
	{name: "asksQuantity", value: func(q *question, _ *lexicon) float64 { return bit(q.intent == intentQuantity) }},
	{name: "asksReason", value: func(q *question, _ *lexicon) float64 { return bit(q.intent == intentReason) }},
	{name: "asksQuotation", value: func(q *question, _ *lexicon) float64 { return bit(q.intent == intentQuotation) }},
	{name: "asksDefinition", value: func(q *question, _ *lexicon) float64 { return bit(q.intent == intentDefinition) }},
	{name: "asksHowTo", value: func(q *question, _ *lexicon) float64 { return bit(q.howTo) }},
	{name: "questionWords", value: func(q *question, _ *lexicon) float64 { return float64(q.contentConcepts()) }},
	{name: "questionRarity", value: questionRarity},
}

// numInputs is the length of an inputVector: the features, then the
// question's inputs.
const numInputs = numFeatures + len(questionInputs)

type inputVector [numInputs]float64

// questionRarity is the mean weight of the question's content words over
// the weight of a word found once: near 1 when they are all rare, near 0
// when the text is full of them.
func questionRarity(q *question, lex *lexicon) float64 {
	top := lex.idf(1)
	if top <= 0 {
		return 0
	}
	n, sum := 0, 0.0
	for _, c := range q.concepts {
		if !c.framing {
			n++
			sum += c.weight
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n) / top
}

// contentConcepts is the number of the question's concepts that are not
// framing words.
func (q *question) contentConcepts() int {
	n := 0
	for _, c := range q.concepts {
		if !c.framing {
			n++
		}
	}
	return n
}

// questionVector reads the question's inputs into the tail of x.
func questionVector(q *question, lex *lexicon, x *inputVector) {
	for i, in := range questionInputs {
		x[numFeatures+i] = in.value(q, lex)
	}
}

// Forest is a model of gradient-boosted regression trees (LambdaMART)
// that corrects the linear model's score: it learns what a sum of
// weights cannot, such as a feature that matters for one kind of question
// and not another. Inputs names, by feature or question input, what each
// split reads, so the trees outlive a reordering of the features.
type Forest struct {
	Inputs []string
	Trees  [][]Node
}

// Node is one node of a tree, node 0 its root. A split sends x to Left
// when x[In] ≤ At and to Right otherwise; a leaf (In < 0) adds Value.
type Node struct {
	In          int
	At          float64
	Left, Right int
	Value       float64
}

// forest is a Forest whose splits read input vectors directly.
type forest struct {
	trees [][]Node
}

// compile maps the forest's input names to positions in an inputVector.
func (f Forest) compile() (forest, error) {
	pos := map[string]int{}
	for i, ft := range features {
		pos[ft.name] = i
	}
	for i, in := range questionInputs {
		pos[in.name] = numFeatures + i
	}
	out := forest{trees: make([][]Node, len(f.Trees))}
	for t, tree := range f.Trees {
		nodes := make([]Node, len(tree))
		for k, n := range tree {
			if n.In >= 0 {
				if n.In >= len(f.Inputs) {
					return forest{}, fmt.Errorf("retrieval: tree %d reads input %d of %d", t, n.In, len(f.Inputs))
				}
				p, ok := pos[f.Inputs[n.In]]
				if !ok {
					return forest{}, fmt.Errorf("retrieval: the forest reads %q, which is no feature; learn the model again", f.Inputs[n.In])
				}
				n.In = p
				if n.Left <= k || n.Right <= k || n.Left >= len(tree) || n.Right >= len(tree) {
					return forest{}, fmt.Errorf("retrieval: tree %d node %d points outside the tree", t, k)
				}
			}
			nodes[k] = n
		}
		out.trees[t] = nodes
	}
	return out, nil
}

// score is the sum of the trees' leaves for x.
func (f *forest) score(x *inputVector) float64 {
	s := 0.0
	for _, tree := range f.trees {
		k := 0
		for tree[k].In >= 0 {
			if x[tree[k].In] <= tree[k].At || math.IsNaN(x[tree[k].In]) {
				k = tree[k].Left
			} else {
				k = tree[k].Right
			}
		}
		s += tree[k].Value
	}
	return s
}
