package retrieval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/corpus"
)

// EvalQuestion is a question with the line ranges that answer it.
type EvalQuestion struct {
	Text string
	Gold []corpus.Span
	// GoldSources name the file of each gold range, for a corpus of
	// several ("" where the range was written without one).
	GoldSources []string
	Line        int // line of the questions file
}

// ParseQuestions reads a question set: one question per line, a tab, then
// gold line ranges such as "351-355;367-373" (also separated by commas or
// spaces, with "–" for "-"), each after its file's name and a colon in a
// corpus of several ("setup/tags.md:12-14"). Blank lines, lines starting with # and a
// header row ("question<TAB>lines") are skipped. A question with nothing
// after its tab has no gold lines yet (Gold is nil), as in a file written
// by `lectern report --tsv` before its owner fills it in.
func ParseQuestions(r io.Reader) ([]EvalQuestion, error) {
	var out []EvalQuestion
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n, first := 0, true
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		text, ranges, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("questions line %d: want a question, a tab, then line ranges", n)
		}
		header := first && !strings.ContainsAny(ranges, "0123456789") && strings.IndexFunc(ranges, unicode.IsLetter) >= 0
		first = false
		if header {
			continue // "question<TAB>lines"
		}
		q := EvalQuestion{Text: strings.TrimSpace(text), Line: n}
		for _, r := range strings.FieldsFunc(ranges, func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '\t' }) {
			r = strings.NewReplacer("–", "-", "—", "-").Replace(r)
			source := ""
			if i := strings.LastIndexByte(r, ':'); i >= 0 {
				source, r = r[:i], r[i+1:]
			}
			a, b, isRange := strings.Cut(r, "-")
			start, err1 := strconv.Atoi(a)
			end := start
			var err2 error
			if isRange {
				end, err2 = strconv.Atoi(b)
			}
			if err1 != nil || err2 != nil || start < 1 || end < start {
				return nil, fmt.Errorf("questions line %d: %q is not a line range such as 351-355", n, r)
			}
			q.Gold = append(q.Gold, corpus.Span{Start: start, End: end})
			q.GoldSources = append(q.GoldSources, source)
		}
		if q.Text == "" {
			return nil, fmt.Errorf("questions line %d: the question is empty", n)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	return out, nil
}

// Report is the outcome of an evaluation.
type Report struct {
	Questions int
	HitAt1    float64
	HitAt3    float64
	MRR       float64
	Misses    []Miss
}

// Miss is a question whose first quote missed the gold lines.
type Miss struct {
	Question EvalQuestion
	Got      []corpus.Span // the quotes' spans, best first
	Rank     int           // rank of the first hit, 0 for none
}

// Limits of a quote that counts: what a reader can take in at once.
const (
	evalMaxRunes = 450
	evalMaxLines = 8 // a quote spanning this many lines or more is a miss
)

// Counts reports whether a quote is short enough to count as an answer:
// at most 450 characters and fewer than 8 lines.
func (e Excerpt) Counts() bool {
	return utf8.RuneCountInString(e.Text) <= evalMaxRunes && e.End-e.Start+1 < evalMaxLines
}

// Asker answers questions; *Index is one.
type Asker interface {
	Ask(ctx context.Context, question string, k int) ([]Result, error)
}

// Evaluate asks every question and scores the quotes' line spans against
// the gold ranges: a quote hits when it shares a line with one of them and
// is short enough to count (Excerpt.Counts).
func Evaluate(ctx context.Context, ix Asker, questions []EvalQuestion, k int) (Report, error) {
	return EvaluateProgress(ctx, ix, questions, k, nil)
}

// EvaluateProgress is Evaluate that calls progress, when not nil, with
// the number of questions asked so far after each.
func EvaluateProgress(ctx context.Context, ix Asker, questions []EvalQuestion, k int, progress func(done int)) (Report, error) {
	var rep Report
	k = max(k, 3)
	for i, q := range questions {
		if progress != nil && i > 0 {
			progress(i)
		}
		rs, err := ix.Ask(ctx, q.Text, k)
		if err != nil {
			return rep, fmt.Errorf("eval: %q: %w", q.Text, err)
		}
		rank := 0
		var got []corpus.Span
		for i, r := range rs {
			got = append(got, r.Quote.Span)
			if rank == 0 && r.Quote.Counts() && q.Answers(r) {
				rank = i + 1
			}
		}
		rep.Questions++
		if rank == 1 {
			rep.HitAt1++
		}
		if rank >= 1 && rank <= 3 {
			rep.HitAt3++
		}
		if rank > 0 {
			rep.MRR += 1 / float64(rank)
		}
		if rank != 1 {
			rep.Misses = append(rep.Misses, Miss{Question: q, Got: got, Rank: rank})
		}
	}
	if progress != nil {
		progress(len(questions))
	}
	if rep.Questions > 0 {
		n := float64(rep.Questions)
		rep.HitAt1 /= n
		rep.HitAt3 /= n
		rep.MRR /= n
	}
	return rep, nil
}

// Answers reports whether a result's quote shares a line with a gold
// range, in its file where the range names one.
func (q EvalQuestion) Answers(r Result) bool {
	for i, g := range q.Gold {
		if r.Quote.Overlaps(g) && (i >= len(q.GoldSources) || q.GoldSources[i] == "" || q.GoldSources[i] == r.Source) {
			return true
		}
	}
	return false
}
