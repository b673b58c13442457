package admin

import (
	"html/template"
	"math"
	"net/http"
	"slices"
	"strconv"

	"github.com/lectern-bot/lectern/record"
)

// periods the owner can pick, in days; the first is the default.
var periods = []int{30, 7, 90}

const mostAskedShown = 20

// overview is the overview page's data.
type overview struct {
	Days, Periods []int
	Questions     int
	Nothing       float64
	Up, Down      int
	Charts        []template.HTML
	MostAsked     []record.Asked
}

// period reads ?days=, one of periods.
func period(r *http.Request) int {
	if d, err := strconv.Atoi(r.URL.Query().Get("days")); err == nil && slices.Contains(periods, d) {
		return d
	}
	return periods[0]
}

func (h *Handler) overviewPage(w http.ResponseWriter, r *http.Request, csrf string) {
	days := period(r)
	now := h.opts.Now().UTC()
	o, err := h.store().Overview(r.Context(), now.AddDate(0, 0, -(days-1)), now, mostAskedShown)
	if err != nil {
		h.recordFailed(w, "reading the record", err)
		return
	}
	data := overview{Days: []int{days}, Periods: sortedPeriods(), MostAsked: o.MostAsked}
	nothing := 0
	for _, d := range o.Days {
		data.Questions += d.Questions()
		nothing += d.Nothing
		data.Up += d.Up
		data.Down += d.Down
	}
	data.Nothing = math.NaN()
	if data.Questions > 0 {
		data.Nothing = float64(nothing) / float64(data.Questions)
	}
	for _, c := range overviewCharts(o) {
		svg, err := c.svg()
		if err != nil {
			h.log.Error("admin: drawing a chart", "err", err)
			continue
		}
		data.Charts = append(data.Charts, svg)
	}
	h.render(w, http.StatusOK, "overview", page{Title: "Overview", Nav: "overview", CSRF: csrf, Data: data})
}

func sortedPeriods() []int {
	p := slices.Clone(periods)
	slices.Sort(p)
	return p
}

// overviewCharts are the overview's four charts: questions by command,
// the share that found nothing, ratings, and answer times.
func overviewCharts(o *record.Overview) []chart {
	var commands []string
	for _, d := range o.Days {
		for c := range d.ByCommand {
			if !slices.Contains(commands, c) {
				commands = append(commands, c)
			}
		}
	}
	slices.Sort(commands)
	per := func(name string, f func(record.Day) float64) series {
		s := series{name: name}
		for _, d := range o.Days {
			s.at = append(s.at, d.Date)
			s.values = append(s.values, f(d))
		}
		return s
	}
	questions := chart{title: "Questions per day", unit: "questions"}
	for _, c := range commands {
		questions.lines = append(questions.lines, per("/"+c, func(d record.Day) float64 { return float64(d.ByCommand[c]) }))
	}
	if len(commands) == 0 {
		questions.lines = append(questions.lines, per("all", func(record.Day) float64 { return 0 }))
	}
	return []chart{
		questions,
		{title: "Share that found nothing", unit: "%", percent: true, lines: []series{per("found nothing", func(d record.Day) float64 {
			if d.Questions() == 0 {
				return 0
			}
			return float64(d.Nothing) / float64(d.Questions())
		})}},
		{title: "Ratings per day", unit: "ratings", lines: []series{
			per("helpful", func(d record.Day) float64 { return float64(d.Up) }),
			per("not helpful", func(d record.Day) float64 { return float64(d.Down) }),
		}},
		{title: "Answer time", unit: "ms", lines: []series{
			per("p50", func(d record.Day) float64 { return float64(d.P50.Milliseconds()) }),
			per("p95", func(d record.Day) float64 { return float64(d.P95.Milliseconds()) }),
		}},
	}
}
