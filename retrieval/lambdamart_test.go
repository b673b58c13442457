package retrieval

import (
	"math"
	"math/rand"
	"slices"
	"sort"
)

// LambdaMART (Burges, "From RankNet to LambdaRank to LambdaMART: An
// Overview", 2010): regression trees fitted one after another to the
// gradients of a pairwise ranking loss weighted by how much swapping each
// pair changes NDCG. It is small enough to keep here (no Go library for
// learning to rank is kept up), and the model it makes is data: trees of
// thresholds that ranking walks in microseconds.

// boostConfig is how a forest is grown.
type boostConfig struct {
	trees     int     // at most
	depth     int     // of each tree
	rate      float64 // shrinkage of each tree's leaves
	minLeaf   int     // candidates in a leaf, at least
	l2        float64 // added to a leaf's hessian
	subsample float64 // share of the questions each tree sees
	bins      int     // thresholds tried per input
	skip      map[int]bool
}

var defaultBoost = boostConfig{trees: 300, depth: 4, rate: 0.05, minLeaf: 80, l2: 1, subsample: 0.7, bins: 32}

// rankRows is training data flattened: every candidate of every question,
// with its inputs put in bins.
type rankRows struct {
	samples []sample
	first   []int       // row of each sample's first candidate
	code    []uint8     // bin of input j of row r at r*numInputs+j
	at      [][]float64 // thresholds of each input's bins
	base    []float64   // each row's score before the forest (the linear model's)
	y       []bool
}

// binInputs chooses up to bins thresholds per input from the quantiles of
// its values and puts every row in bins.
func binInputs(samples []sample, base func(x *inputVector) float64, bins int) *rankRows {
	d := &rankRows{samples: samples}
	for _, s := range samples {
		d.first = append(d.first, len(d.y))
		for i := range s.x {
			d.y = append(d.y, s.y[i])
			d.base = append(d.base, base(&s.x[i]))
		}
	}
	n := len(d.y)
	d.code = make([]uint8, n*numInputs)
	d.at = make([][]float64, numInputs)
	vals := make([]float64, 0, n)
	for j := 0; j < numInputs; j++ {
		vals = vals[:0]
		for _, s := range samples {
			for i := range s.x {
				vals = append(vals, s.x[i][j])
			}
		}
		slices.Sort(vals)
		var at []float64
		for b := 1; b <= bins; b++ {
			v := vals[min(n-1, b*n/(bins+1))]
			if len(at) == 0 || v > at[len(at)-1] {
				at = append(at, v)
			}
		}
		if len(at) > 0 && at[len(at)-1] >= vals[n-1] {
			at = at[:len(at)-1] // a threshold at the top splits nothing off
		}
		d.at[j] = at
		r := 0
		for _, s := range samples {
			for i := range s.x {
				d.code[r*numInputs+j] = uint8(sort.SearchFloat64s(at, s.x[i][j]))
				r++
			}
		}
	}
	return d
}

// lambdas fills each row's gradient (the direction its score should move)
// and hessian for the current scores, question by question.
func (d *rankRows) lambdas(score, grad, hess []float64, use []bool) {
	clear(grad)
	clear(hess)
	for qi, s := range d.samples {
		if !use[qi] {
			continue
		}
		lo := d.first[qi]
		hi := lo + len(s.x)
		order := make([]int, hi-lo)
		for i := range order {
			order[i] = lo + i
		}
		sort.SliceStable(order, func(a, b int) bool { return score[order[a]] > score[order[b]] })
		pos := make(map[int]int, len(order))
		relevant := 0
		for p, r := range order {
			pos[r] = p
			if d.y[r] {
				relevant++
			}
		}
		if relevant == 0 || relevant == len(order) {
			continue
		}
		ideal := 0.0
		for p := 0; p < relevant; p++ {
			ideal += 1 / math.Log2(float64(p)+2)
		}
		for i := lo; i < hi; i++ {
			if !d.y[i] {
				continue
			}
			for j := lo; j < hi; j++ {
				if d.y[j] {
					continue
				}
				delta := math.Abs(1/math.Log2(float64(pos[i])+2)-1/math.Log2(float64(pos[j])+2)) / ideal
				rho := 1 / (1 + math.Exp(score[i]-score[j]))
				g := s.weight * delta * rho
				h := s.weight * delta * rho * (1 - rho)
				grad[i] += g
				grad[j] -= g
				hess[i] += h
				hess[j] += h
			}
		}
	}
}

// growTree fits one regression tree to the gradients of the rows given,
// Newton's step in each leaf, and adds its output to every row's score.
func (d *rankRows) growTree(cfg boostConfig, rows []int, grad, hess, score []float64) []Node {
	var nodes []Node
	var grow func(rows []int, depth int) int
	grow = func(rows []int, depth int) int {
		k := len(nodes)
		nodes = append(nodes, Node{In: -1})
		j, b, ok := d.bestSplit(cfg, rows, grad, hess, depth)
		if !ok {
			g, h := 0.0, 0.0
			for _, r := range rows {
				g += grad[r]
				h += hess[r]
			}
			nodes[k].Value = cfg.rate * g / (h + cfg.l2)
			return k
		}
		var left, right []int
		for _, r := range rows {
			if int(d.code[r*numInputs+j]) <= b {
				left = append(left, r)
			} else {
				right = append(right, r)
			}
		}
		l := grow(left, depth+1)
		rr := grow(right, depth+1)
		nodes[k] = Node{In: j, At: d.at[j][b], Left: l, Right: rr}
		return k
	}
	grow(rows, 0)
	// Every row, seen by this tree or not, moves by the leaf it falls in.
	for r := range score {
		score[r] += leafValue(nodes, d, r)
	}
	return nodes
}

// leafValue walks a tree being grown for row r, by its bins.
func leafValue(nodes []Node, d *rankRows, r int) float64 {
	k := 0
	for nodes[k].In >= 0 {
		j := nodes[k].In
		if int(d.code[r*numInputs+j]) < len(d.at[j]) && d.at[j][d.code[r*numInputs+j]] <= nodes[k].At {
			k = nodes[k].Left
		} else {
			k = nodes[k].Right
		}
	}
	return nodes[k].Value
}

// bestSplit finds the input and bin whose split gains most, if any gains
// and leaves both sides at least minLeaf rows.
func (d *rankRows) bestSplit(cfg boostConfig, rows []int, grad, hess []float64, depth int) (input, bin int, ok bool) {
	if depth >= cfg.depth || len(rows) < 2*cfg.minLeaf {
		return 0, 0, false
	}
	var gAll, hAll float64
	for _, r := range rows {
		gAll += grad[r]
		hAll += hess[r]
	}
	parent := gAll * gAll / (hAll + cfg.l2)
	best := 1e-9
	var g, h [256]float64
	var n [256]int
	for j := 0; j < numInputs; j++ {
		if cfg.skip[j] || len(d.at[j]) == 0 {
			continue
		}
		clear(g[:])
		clear(h[:])
		clear(n[:])
		for _, r := range rows {
			c := d.code[r*numInputs+j]
			g[c] += grad[r]
			h[c] += hess[r]
			n[c]++
		}
		var gl, hl float64
		nl := 0
		for b := 0; b < len(d.at[j]); b++ {
			gl += g[b]
			hl += h[b]
			nl += n[b]
			if nl < cfg.minLeaf || len(rows)-nl < cfg.minLeaf {
				continue
			}
			gr, hr := gAll-gl, hAll-hl
			gain := gl*gl/(hl+cfg.l2) + gr*gr/(hr+cfg.l2) - parent
			if gain > best {
				best, input, bin, ok = gain, j, b, true
			}
		}
	}
	return input, bin, ok
}

// boost grows a forest on the training rows, keeping the number of trees
// that ranks the validation questions best (by weighted hit@1).
func boost(cfg boostConfig, d *rankRows, validate []bool, seed int64) [][]Node {
	rng := rand.New(rand.NewSource(seed))
	n := len(d.y)
	score := slices.Clone(d.base)
	grad := make([]float64, n)
	hess := make([]float64, n)
	use := make([]bool, len(d.samples))
	var trees [][]Node
	bestHit, bestTrees := d.hitAt1(score, validate), 0
	for t := 0; t < cfg.trees; t++ {
		var rows []int
		for qi, s := range d.samples {
			use[qi] = !validate[qi] && rng.Float64() < cfg.subsample
			if use[qi] {
				for r := d.first[qi]; r < d.first[qi]+len(s.x); r++ {
					rows = append(rows, r)
				}
			}
		}
		d.lambdas(score, grad, hess, use)
		trees = append(trees, d.growTree(cfg, rows, grad, hess, score))
		if hit := d.hitAt1(score, validate); hit > bestHit+1e-9 {
			bestHit, bestTrees = hit, len(trees)
		}
	}
	return trees[:bestTrees]
}

// hitAt1 is the weighted share of the questions chosen whose best-scored
// row answers.
func (d *rankRows) hitAt1(score []float64, chosen []bool) float64 {
	var hit, total float64
	for qi, s := range d.samples {
		if !chosen[qi] {
			continue
		}
		lo := d.first[qi]
		best := lo
		for r := lo; r < lo+len(s.x); r++ {
			if score[r] > score[best] {
				best = r
			}
		}
		total += s.weight
		if d.y[best] {
			hit += s.weight
		}
	}
	if total == 0 {
		return 0
	}
	return hit / total
}

// inputNames are the names of an inputVector's positions.
func inputNames() []string {
	var names []string
	for _, f := range features {
		names = append(names, f.name)
	}
	for _, in := range questionInputs {
		names = append(names, in.name)
	}
	return names
}
