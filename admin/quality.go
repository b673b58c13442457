package admin

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"sync"
	"time"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/retrieval"
)

// ErrNoMarks means no question is marked with the lines that answer it.
var ErrNoMarks = errors.New("no question is marked with the lines that answer it yet: mark some on the Review page")

// Measure asks the index every question marked with lines and scores
// the first quotes as `lectern eval` does; questions marked as not in
// the text are not scored. progress, when not nil, hears how many of how
// many are done.
func Measure(ctx context.Context, ix retrieval.Asker, marks []record.Mark, k int, version string, progress func(done, total int)) (record.Run, retrieval.Report, error) {
	var qs []retrieval.EvalQuestion
	for _, m := range marks {
		if m.NotInText {
			continue
		}
		qs = append(qs, retrieval.EvalQuestion{Text: m.Query, Gold: []corpus.Span{{Start: m.Start, End: m.End}}, GoldSources: []string{m.Source}})
	}
	if len(qs) == 0 {
		return record.Run{}, retrieval.Report{}, ErrNoMarks
	}
	var each func(int)
	if progress != nil {
		each = func(done int) { progress(done, len(qs)) }
	}
	rep, err := retrieval.EvaluateProgress(ctx, ix, qs, k, each)
	if err != nil {
		return record.Run{}, rep, err
	}
	run := record.Run{At: time.Now().UTC(), Version: version, Questions: rep.Questions, HitAt1: rep.HitAt1, HitAt3: rep.HitAt3, MRR: rep.MRR}
	for _, m := range rep.Misses {
		run.Misses = append(run.Misses, m.Question.Text)
	}
	return run, rep, nil
}

// qualityRunner runs one measurement at a time in the background.
type qualityRunner struct {
	h *Handler

	mu          sync.Mutex
	running     bool
	done, total int
	lastErr     string
}

func newQualityRunner(h *Handler) *qualityRunner { return &qualityRunner{h: h} }

// start begins a run unless one is running; it reports whether it did.
func (q *qualityRunner) start(s Searcher, marks []record.Mark) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running {
		return false
	}
	q.running, q.done, q.total, q.lastErr = true, 0, 0, ""
	go q.run(s, marks)
	return true
}

func (q *qualityRunner) run(s Searcher, marks []record.Mark) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	run, _, err := Measure(ctx, s, marks, retrieval.DefaultResults, q.h.opts.Version, func(done, total int) {
		q.mu.Lock()
		q.done, q.total = done, total
		q.mu.Unlock()
	})
	if err == nil {
		run.At = q.h.opts.Now().UTC()
		_, err = q.h.store().AddRun(ctx, run)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.running = false
	if err != nil {
		q.h.log.Error("admin: a quality run failed", "err", err)
		q.lastErr = "The last run failed: " + err.Error()
	}
}

// state is the runner's progress, for the page.
func (q *qualityRunner) state() (running bool, done, total int, lastErr string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.running, q.done, q.total, q.lastErr
}

// quality is the quality page's data.
type quality struct {
	Running           bool
	Done, Total       int
	Marked, NotInText int
	Runs              []record.Run // newest first
	Chart             template.HTML
	Latest            *record.Run
}

func (h *Handler) qualityPage(w http.ResponseWriter, r *http.Request, csrf string) {
	runs, err := h.store().Runs(r.Context())
	var marks []record.Mark
	if err == nil {
		marks, err = h.store().Marks(r.Context())
	}
	if err != nil {
		h.recordFailed(w, "reading the record", err)
		return
	}
	data := quality{}
	var lastErr string
	data.Running, data.Done, data.Total, lastErr = h.quality.state()
	for _, m := range marks {
		if m.NotInText {
			data.NotInText++
		} else {
			data.Marked++
		}
	}
	for i := len(runs) - 1; i >= 0; i-- {
		data.Runs = append(data.Runs, runs[i])
	}
	if len(runs) > 0 {
		data.Latest = &runs[len(runs)-1]
		if data.Chart, err = runsChart(runs).svg(); err != nil {
			h.log.Error("admin: drawing a chart", "err", err)
		}
	}
	h.render(w, http.StatusOK, "quality", page{Title: "Quality", Nav: "quality", CSRF: csrf, Error: lastErr, Data: data})
}

func runsChart(runs []record.Run) chart {
	c := chart{title: "Quality on the marked questions", unit: "%", percent: true}
	for _, name := range []string{"hit@1", "hit@3", "MRR"} {
		s := series{name: name}
		for _, r := range runs {
			s.at = append(s.at, r.At)
			s.values = append(s.values, map[string]float64{"hit@1": r.HitAt1, "hit@3": r.HitAt3, "MRR": r.MRR}[name])
		}
		c.lines = append(c.lines, s)
	}
	return c
}

func (h *Handler) runQuality(w http.ResponseWriter, r *http.Request, _ string) {
	marks, err := h.store().Marks(r.Context())
	if err != nil {
		h.recordFailed(w, "reading the marks", err)
		return
	}
	if !h.quality.start(h.searcher(), marks) {
		h.log.Info("admin: a quality run was asked for while one runs")
	}
	http.Redirect(w, r, "/admin/quality", http.StatusSeeOther)
}
