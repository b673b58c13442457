package admin

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// exports are the tables the owner can download, by file name.
var exports = map[string]func(h *Handler, r *http.Request) ([][]string, error){
	"days.csv":       exportDays,
	"most-asked.csv": exportMostAsked,
	"reviews.csv":    exportReviews,
	"marks.csv":      exportMarks,
	"runs.csv":       exportRuns,
}

// export serves a table as CSV. No column holds a user identifier.
func (h *Handler) export(w http.ResponseWriter, r *http.Request, _ string) {
	name := r.PathValue("table")
	table, ok := exports[name]
	if !ok {
		h.problem(w, http.StatusNotFound, "There is no table named "+name+".")
		return
	}
	rows, err := table(h, r)
	if err != nil {
		h.recordFailed(w, "exporting "+name, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "lectern-"+name))
	cw := csv.NewWriter(w)
	for _, row := range rows {
		for i, v := range row {
			row[i] = defuse(v)
		}
		cw.Write(row)
	}
	cw.Flush()
}

// defuse keeps a spreadsheet from reading a cell a reader typed as a
// formula.
func defuse(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return "'" + v
		}
	}
	return v
}

func day(t time.Time) string { return t.Format("2006-01-02") }

func exportDays(h *Handler, r *http.Request) ([][]string, error) {
	now := h.opts.Now().UTC()
	o, err := h.store().Overview(r.Context(), now.AddDate(0, 0, -(period(r)-1)), now, 0)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"date", "questions", "ask", "quote", "find", "found_nothing", "helpful", "not_helpful", "p50_ms", "p95_ms"}}
	for _, d := range o.Days {
		rows = append(rows, []string{day(d.Date), strconv.Itoa(d.Questions()), strconv.Itoa(d.ByCommand["ask"]), strconv.Itoa(d.ByCommand["quote"]),
			strconv.Itoa(d.ByCommand["find"]), strconv.Itoa(d.Nothing), strconv.Itoa(d.Up), strconv.Itoa(d.Down),
			strconv.FormatInt(d.P50.Milliseconds(), 10), strconv.FormatInt(d.P95.Milliseconds(), 10)})
	}
	return rows, nil
}

func exportMostAsked(h *Handler, r *http.Request) ([][]string, error) {
	now := h.opts.Now().UTC()
	o, err := h.store().Overview(r.Context(), now.AddDate(0, 0, -(period(r)-1)), now, 1000)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"question", "times"}}
	for _, a := range o.MostAsked {
		rows = append(rows, []string{a.Query, strconv.Itoa(a.Times)})
	}
	return rows, nil
}

func exportReviews(h *Handler, r *http.Request) ([][]string, error) {
	list, err := h.store().Reviews(r.Context(), 100000)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"id", "asked_at", "command", "question", "answered_source", "answered_lines", "not_helpful", "marked"}}
	for _, v := range list {
		lines, marked := "", ""
		if v.Source != "" {
			lines = fmt.Sprintf("%d-%d", v.Start, v.End)
		}
		if v.Mark != nil {
			marked = markText(v.Mark.Source, v.Mark.Start, v.Mark.End, v.Mark.NotInText)
		}
		rows = append(rows, []string{strconv.FormatInt(v.ID, 10), v.At.Format(time.RFC3339), v.Command, v.Query, v.Source, lines, strconv.Itoa(v.Down), marked})
	}
	return rows, nil
}

// markText is a mark as a question file writes it ("interview.txt:351-356"),
// or "not in the text".
func markText(source string, start, end int, notInText bool) string {
	if notInText {
		return "not in the text"
	}
	return fmt.Sprintf("%s:%d-%d", source, start, end)
}

func exportMarks(h *Handler, r *http.Request) ([][]string, error) {
	marks, err := h.store().Marks(r.Context())
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"question", "lines", "marked_at"}}
	for _, m := range marks {
		rows = append(rows, []string{m.Query, markText(m.Source, m.Start, m.End, m.NotInText), m.At.Format(time.RFC3339)})
	}
	return rows, nil
}

func exportRuns(h *Handler, r *http.Request) ([][]string, error) {
	runs, err := h.store().Runs(r.Context())
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"at", "version", "questions", "hit_at_1", "hit_at_3", "mrr", "misses"}}
	for _, v := range runs {
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
		rows = append(rows, []string{v.At.Format(time.RFC3339), v.Version, strconv.Itoa(v.Questions), f(v.HitAt1), f(v.HitAt3), f(v.MRR), strconv.Itoa(len(v.Misses))})
	}
	return rows, nil
}
