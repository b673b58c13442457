package retrieval

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/format"
	"math"
	"math/rand"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

var learn = flag.Bool("learn", false, "learn the ranker's weights from the question sets and SQuAD-even, print the report and rewrite learned_weights.go")

// labelledSet is a question set over one corpus, with a judge of quotes.
type labelledSet struct {
	name    string
	group   string // "train" or "held back": what the weights are fitted on
	ix      *Index
	texts   []string
	judge   []func(d *corpus.Document, sents []int, quote Excerpt) bool
	weight  float64 // of each question in the fit
	isSQuAD bool
}

// learningSets loads every question set: the testdata sets over their
// texts, and SQuAD-even, one set per article. Half of the SQuAD articles
// and three of the book sets are held back from the fit.
func learningSets(t *testing.T) []*labelledSet {
	t.Helper()
	interview := func(testing.TB) *corpus.Corpus {
		c, err := corpus.Default()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	file := func(path string) func(testing.TB) *corpus.Corpus {
		return fromFile(func(testing.TB) string { return path })
	}
	shared := func(name string) func(testing.TB) *corpus.Corpus {
		return fromFile(func(t testing.TB) string { return testsupport.SharedCorpus(t, name) })
	}
	books := []struct {
		name, tsv string
		corpus    func(testing.TB) *corpus.Corpus
		heldBack  bool
	}{
		{"interview", "interview.tsv", interview, false},
		{"interview-2", "interview-2.tsv", interview, true},
		{"ten-days", "ten-days.tsv", shared("ten-days-that-shook-the-world.txt"), false},
		{"paris-commune", "paris-commune.tsv", file("testdata/paris-commune.md"), false},
		{"paris-commune-flat", "paris-commune-flat.tsv", file("testdata/paris-commune-flat.txt"), false},
		{"war-and-peace", "war-and-peace.tsv", shared("war-and-peace.txt"), true},
		{"macbeth", "macbeth.tsv", shared("library/shakespeare-macbeth.txt"), false},
		{"berkeley", "berkeley.tsv", shared("library/berkeley-three-dialogues-hylas-philonous.txt"), false},
		{"federalist", "federalist.tsv", shared("library/hamilton-madison-jay-federalist-papers.txt"), false},
		{"beagle", "beagle.tsv", shared("library/darwin-voyage-of-the-beagle.txt"), true},
		{"douglass", "douglass.tsv", shared("library/douglass-narrative-of-the-life.txt"), true},
		{"rust-book", "rust-book.tsv", shared("library/rust-book-chapters-10-13.md"), false},
		{"anthony-trial", "anthony-trial.tsv", shared("library/anthony-trial-1873.txt"), false},
		{"roosevelt", "roosevelt-fireside-chats.tsv", shared("library/roosevelt-fireside-chats.txt"), true},
		{"mkdocs", "mkdocs-material.tsv", shared("formats/docs/mkdocs-material"), false},
		{"docusaurus", "redux-docusaurus.tsv", shared("formats/docs/redux-docusaurus"), true},
	}
	var sets []*labelledSet
	for _, b := range books {
		ix, err := NewMemory(context.Background(), b.corpus(t))
		if err != nil {
			t.Fatal(err)
		}
		s := &labelledSet{name: b.name, group: "train", ix: ix, weight: 1}
		if b.heldBack {
			s.group = "held back"
		}
		for _, q := range loadQuestions(t, b.tsv) {
			s.texts = append(s.texts, q.Text)
			s.judge = append(s.judge, func(d *corpus.Document, _ []int, quote Excerpt) bool {
				return quote.Counts() && q.Answers(Result{Source: d.Name, Quote: quote})
			})
		}
		sets = append(sets, s)
	}
	for i, a := range loadSQuAD(t, testsupport.SharedData(t, "squad-v1.1-dev-even.json")) {
		doc, err := corpus.Parse(a.Title+".txt", a.Text)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := NewMemory(context.Background(), &corpus.Corpus{Documents: []*corpus.Document{doc}})
		if err != nil {
			t.Fatal(err)
		}
		s := &labelledSet{name: "squad/" + a.Title, group: "train", ix: ix, isSQuAD: true}
		if i%2 == 1 {
			s.group = "held back"
		}
		for _, q := range a.Questions {
			answers := q.Answers
			s.texts = append(s.texts, q.Text)
			s.judge = append(s.judge, func(_ *corpus.Document, _ []int, quote Excerpt) bool {
				return utf8.RuneCountInString(quote.Text) <= evalMaxRunes && squadHit(quote.Text, answers)
			})
		}
		sets = append(sets, s)
	}
	// Books and SQuAD weigh the same in the fit: SQuAD has ten times the
	// questions, and the texts users bring are books.
	var bookQ, squadQ float64
	for _, s := range sets {
		if s.group != "train" {
			continue
		}
		if s.isSQuAD {
			squadQ += float64(len(s.texts))
		} else {
			bookQ += float64(len(s.texts))
		}
	}
	for _, s := range sets {
		if s.isSQuAD {
			s.weight = bookQ / squadQ
		}
	}
	return sets
}

// sample is one question's candidates: features and whether each, quoted
// alone, answers.
type sample struct {
	weight float64
	intent intent
	x      []featureVector
	y      []bool
}

// maxSampleCandidates bounds the candidates of a question kept for the
// fit: the best by the current weights, and every answering one.
const maxSampleCandidates = 120

func collectSamples(s *labelledSet) []sample {
	var out []sample
	for qi, text := range s.texts {
		q := s.ix.analyse(cleanQuery(text))
		if !q.searchable() {
			continue
		}
		cands, err := s.ix.candidates(context.Background(), &q, Filter{})
		if err != nil || len(cands) == 0 {
			continue
		}
		s.ix.rank.scoreAll(&q, cands)
		var sm sample
		sm.weight = s.weight
		sm.intent = q.intent
		any := false
		for i, c := range cands {
			d := s.ix.corpus.Documents[c.doc]
			sent := d.Sentences[c.sent]
			ok := s.judge[qi](d, []int{c.sent}, Excerpt{Text: sent.Text, Span: sent.Lines})
			if i >= maxSampleCandidates && !ok {
				continue
			}
			sm.x = append(sm.x, c.f)
			sm.y = append(sm.y, ok)
			any = any || ok
		}
		if any {
			out = append(out, sm)
		}
	}
	return out
}

// fit learns feature weights by listwise softmax regression: for each
// question, maximise the probability that the best-scored candidate is an
// answering one. Features are standardised for the fit and the weights
// returned on the original scale. Features in skip keep weight 0.
func fit(samples []sample, skip map[int]bool, lambda float64, iters int) [numFeatures]float64 {
	var mean, std [numFeatures]float64
	n := 0.0
	for _, s := range samples {
		for _, x := range s.x {
			for j, v := range x {
				mean[j] += v
			}
			n++
		}
	}
	for j := range mean {
		mean[j] /= n
	}
	for _, s := range samples {
		for _, x := range s.x {
			for j, v := range x {
				std[j] += (v - mean[j]) * (v - mean[j])
			}
		}
	}
	for j := range std {
		std[j] = math.Sqrt(std[j] / n)
		if std[j] < 1e-9 {
			std[j] = 1
		}
	}
	var w, m1, m2 [numFeatures]float64
	const lr, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
	total := 0.0
	for _, s := range samples {
		total += s.weight
	}
	scores := make([]float64, 0, 512)
	for it := 1; it <= iters; it++ {
		var grad [numFeatures]float64
		for _, s := range samples {
			scores = scores[:0]
			hi := math.Inf(-1)
			for _, x := range s.x {
				v := 0.0
				for j := range x {
					v += w[j] * (x[j] - mean[j]) / std[j]
				}
				scores = append(scores, v)
				hi = max(hi, v)
			}
			var zAll, zPos float64
			for i, v := range scores {
				e := math.Exp(v - hi)
				zAll += e
				if s.y[i] {
					zPos += e
				}
			}
			for i, x := range s.x {
				e := math.Exp(scores[i] - hi)
				g := e / zAll
				if s.y[i] {
					g -= e / zPos
				}
				g *= s.weight / total
				for j := range x {
					grad[j] += g * (x[j] - mean[j]) / std[j]
				}
			}
		}
		for j := range w {
			if skip[j] {
				continue
			}
			g := grad[j] + lambda*w[j]
			m1[j] = beta1*m1[j] + (1-beta1)*g
			m2[j] = beta2*m2[j] + (1-beta2)*g*g
			mh := m1[j] / (1 - math.Pow(beta1, float64(it)))
			vh := m2[j] / (1 - math.Pow(beta2, float64(it)))
			w[j] -= lr * mh / (math.Sqrt(vh) + eps)
		}
	}
	var raw [numFeatures]float64
	for j := range w {
		raw[j] = w[j] / std[j]
	}
	return raw
}

// sampleHit is the share of samples whose best-scored candidate answers.
func sampleHit(samples []sample, w [numFeatures]float64) float64 {
	h := 0.0
	for _, s := range samples {
		best, bi := math.Inf(-1), 0
		for i, x := range s.x {
			v := 0.0
			for j := range x {
				v += w[j] * x[j]
			}
			if v > best {
				best, bi = v, i
			}
		}
		if s.y[bi] {
			h++
		}
	}
	return h / float64(max(len(samples), 1))
}

// measure asks every question of the sets with weights w and returns
// hit@1 per set and the mean quote length.
func measure(t *testing.T, sets []*labelledSet, w Weights) (map[string]float64, map[string]float64) {
	t.Helper()
	lin, err := w.compile()
	if err != nil {
		t.Fatal(err)
	}
	hit := map[string]float64{}
	length := map[string]float64{}
	for _, s := range sets {
		s.ix.rank.weights = lin
		n, h, chars := 0, 0, 0
		for qi, text := range s.texts {
			rs, err := s.ix.Ask(context.Background(), text, 1)
			n++
			if err != nil || len(rs) == 0 {
				continue
			}
			chars += utf8.RuneCountInString(rs[0].Quote.Text)
			if s.judge[qi](s.ix.corpus.Documents[rs[0].Document], rs[0].Sentences, rs[0].Quote) {
				h++
			}
		}
		hit[s.name] = float64(h) / float64(n)
		length[s.name] = float64(chars) / float64(n)
	}
	return hit, length
}

// summary averages per-set figures over groups: each book set, SQuAD's
// train and held-back halves (question-weighted), the book sets' mean.
func summary(sets []*labelledSet, per map[string]float64) (rows []string, vals map[string]float64) {
	vals = map[string]float64{}
	sq := map[string][2]float64{}
	var books, heldBooks []float64
	for _, s := range sets {
		if s.isSQuAD {
			a := sq[s.group]
			a[0] += per[s.name] * float64(len(s.texts))
			a[1] += float64(len(s.texts))
			sq[s.group] = a
			continue
		}
		vals[s.name] = per[s.name]
		rows = append(rows, s.name)
		if s.group == "train" {
			books = append(books, per[s.name])
		} else {
			heldBooks = append(heldBooks, per[s.name])
		}
	}
	mean := func(xs []float64) float64 {
		t := 0.0
		for _, x := range xs {
			t += x
		}
		return t / float64(max(len(xs), 1))
	}
	for g, a := range sq {
		vals["squad "+g] = a[0] / a[1]
	}
	vals["books (train)"] = mean(books)
	vals["books (held back)"] = mean(heldBooks)
	rows = append(rows, "squad train", "squad held back", "books (train)", "books (held back)")
	return rows, vals
}

// TestLearnWeights learns the ranker's weights (go test ./retrieval -run
// TestLearnWeights -learn -v): it prints every set's hit@1 before and
// after, the learned weights, the effect of leaving each feature out on
// the held-back sets, and rewrites learned_weights.go.
func TestLearnWeights(t *testing.T) {
	if !*learn {
		t.Skip("run with -learn to learn the weights")
	}
	sets := learningSets(t)
	before, _ := measure(t, sets, learnedWeights)
	var train, heldSquad, heldBooks []sample
	for _, s := range sets {
		sm := collectSamples(s)
		switch {
		case s.group == "train":
			train = append(train, sm...)
		case s.isSQuAD:
			heldSquad = append(heldSquad, sm...)
		default:
			heldBooks = append(heldBooks, sm...)
		}
	}
	rand.New(rand.NewSource(1)).Shuffle(len(train), func(i, j int) { train[i], train[j] = train[j], train[i] })
	t.Logf("fitting on %d questions", len(train))
	const lambda, iters = 0.01, 250
	vec := fit(train, nil, lambda, iters)
	w := Weights{Features: byName(vec)}

	// The extension margin: the one that answers the most on the training
	// sets while quotes stay short (a mean of at most 230 characters).
	bestExt, bestHit := 0.0, -1.0
	var trainSets []*labelledSet
	for _, s := range sets {
		if s.group == "train" {
			trainSets = append(trainSets, s)
		}
	}
	for _, ext := range []float64{0, 1, 2, 3, 4, 5} {
		w.Extend = ext
		per, lengths := measure(t, trainSets, w)
		_, v := summary(trainSets, per)
		hit := (v["books (train)"] + v["squad train"]) / 2
		meanLen := 0.0
		for _, l := range lengths {
			meanLen += l
		}
		meanLen /= float64(len(lengths))
		t.Logf("extend margin %.2f: train hit@1 %.3f, mean quote %.0f characters", ext, hit, meanLen)
		if meanLen <= 230 && hit > bestHit {
			bestExt, bestHit = ext, hit
		}
	}
	w.Extend = bestExt
	after, lengths := measure(t, sets, w)

	var report bytes.Buffer
	rows, b := summary(sets, before)
	_, a := summary(sets, after)
	_, l := summary(sets, lengths)
	fmt.Fprintf(&report, "%-22s %8s %8s %8s\n", "set", "before", "after", "chars")
	for _, r := range rows {
		fmt.Fprintf(&report, "%-22s %8.3f %8.3f %8.0f\n", r, b[r], a[r], l[r])
	}
	fmt.Fprintf(&report, "\nweights (extend margin %.2f):\n", w.Extend)
	for j, f := range features {
		fmt.Fprintf(&report, "  %-14s %8.4f\n", f.name, vec[j])
	}
	fmt.Fprintf(&report, "\nablation: held-back hit@1 of the best sentence with each feature left out of the fit (books / SQuAD)\n")
	fmt.Fprintf(&report, "  %-14s %.3f / %.3f\n", "(all)", sampleHit(heldBooks, vec), sampleHit(heldSquad, vec))
	for j, f := range features {
		wj := fit(train, map[int]bool{j: true}, lambda, iters)
		fmt.Fprintf(&report, "  %-14s %.3f / %.3f\n", "-"+f.name, sampleHit(heldBooks, wj), sampleHit(heldSquad, wj))
	}
	fmt.Print(report.String())
	if err := writeWeights("learned_weights.go", w); err != nil {
		t.Fatal(err)
	}
}

// byName is a vector of weights by feature name.
func byName(vec [numFeatures]float64) map[string]float64 {
	m := make(map[string]float64, numFeatures)
	for j, f := range features {
		m[f.name] = vec[j]
	}
	return m
}

// writeWeights writes the Go source of learnedWeights.
func writeWeights(path string, w Weights) error {
	var b bytes.Buffer
	b.WriteString("// Code generated by go test ./retrieval -run TestLearnWeights -learn; DO NOT EDIT.\n\npackage retrieval\n\n")
	b.WriteString("// learnedWeights are the ranker's weights, learned by listwise softmax\n// regression from the question sets in testdata and half of SQuAD-even\n// (TestLearnWeights).\nvar learnedWeights = Weights{\n\tFeatures: map[string]float64{\n")
	for _, f := range features {
		fmt.Fprintf(&b, "\t\t%q: %.4f,\n", f.name, w.Features[f.name])
	}
	fmt.Fprintf(&b, "\t},\n\tExtend: %.2f,\n}\n", w.Extend)
	src, err := format.Source(b.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}
