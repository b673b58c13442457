package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/retrieval"
)

const reviewsShown = 200

// review is the review page's data.
type review struct {
	Reviews []record.Review
	Sources []string
	Reader  string // what the reader pane opens first
	Marked  int    // questions marked so far
}

func (h *Handler) reviewPage(w http.ResponseWriter, r *http.Request, csrf string) {
	h.showReviews(w, r, csrf, http.StatusOK, "")
}

// showReviews renders the review list, with a problem to show above it.
func (h *Handler) showReviews(w http.ResponseWriter, r *http.Request, csrf string, status int, problem string) {
	list, err := h.store().Reviews(r.Context(), reviewsShown)
	if err != nil {
		h.recordFailed(w, "reading the record", err)
		return
	}
	marks, err := h.store().Marks(r.Context())
	if err != nil {
		h.recordFailed(w, "reading the marks", err)
		return
	}
	data := review{Reviews: list, Marked: len(marks), Reader: "/"}
	for _, d := range h.searcher().Corpus().Documents {
		data.Sources = append(data.Sources, d.Name)
	}
	if len(data.Sources) > 0 {
		data.Reader = retrieval.TextPath(data.Sources[0])
	}
	h.render(w, status, "review", page{Title: "Review", Nav: "review", CSRF: csrf, Error: problem, Data: data})
}

// mark keeps the owner's mark of a question: the lines that answer it,
// or that the text does not.
func (h *Handler) mark(w http.ResponseWriter, r *http.Request, csrf string) {
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if err != nil {
		h.problem(w, http.StatusBadRequest, "The form names no question.")
		return
	}
	m := record.Mark{QuestionID: id, At: h.opts.Now().UTC(), NotInText: r.PostFormValue("not_in_text") != ""}
	if !m.NotInText {
		m.Source = r.PostFormValue("source")
		if m.Start, m.End, err = h.checkLines(m.Source, r.PostFormValue("lines")); err != nil {
			h.showReviews(w, r, csrf, http.StatusBadRequest, "Not marked: "+err.Error()+".")
			return
		}
	}
	if err := h.store().SetMark(r.Context(), m); err != nil {
		if errors.Is(err, record.ErrUnknownQuestion) {
			h.problem(w, http.StatusNotFound, "The record holds no such question.")
			return
		}
		h.recordFailed(w, "keeping a mark", err)
		return
	}
	http.Redirect(w, r, "/admin/review#q"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

// checkLines reads "351-356" (or "351") in a text of the index, or the
// pages "p47" (or "p47-48") of a text that has pages.
func (h *Handler) checkLines(source, lines string) (start, end int, err error) {
	var doc *corpus.Document
	for _, d := range h.searcher().Corpus().Documents {
		if d.Name == source {
			doc = d
		}
	}
	if doc == nil {
		return 0, 0, fmt.Errorf("there is no text named %q", source)
	}
	spec := strings.NewReplacer("–", "-", "—", "-", " ", "", "page", "p").Replace(strings.ToLower(lines))
	if page, isPage := strings.CutPrefix(spec, "p"); isPage {
		return pageLines(doc, page, lines)
	}
	start, end, ok := parseRange(spec)
	if !ok {
		return 0, 0, fmt.Errorf("%q is not a line range such as 351-356 (or a page such as p47)", lines)
	}
	if end > doc.Lines {
		return 0, 0, fmt.Errorf("%s has %d lines; %q goes past its end", source, doc.Lines, lines)
	}
	return start, end, nil
}

// parseRange reads "351-356" or "351".
func parseRange(s string) (start, end int, ok bool) {
	a, b, isRange := strings.Cut(s, "-")
	start, err1 := strconv.Atoi(a)
	end = start
	var err2 error
	if isRange {
		end, err2 = strconv.Atoi(strings.TrimPrefix(b, "p"))
	}
	return start, end, err1 == nil && err2 == nil && start >= 1 && end >= start
}

// pageLines are the lines of the pages spec ("47", "47-48") of doc.
func pageLines(doc *corpus.Document, spec, asWritten string) (start, end int, err error) {
	if doc.LinePages == nil {
		return 0, 0, fmt.Errorf("%s has no pages; give its lines, such as 351-356", doc.Name)
	}
	first, last, ok := parseRange(spec)
	if !ok {
		return 0, 0, fmt.Errorf("%q is not a page such as p47 or p47-48", asWritten)
	}
	span, ok := doc.PageLines(first, last)
	if !ok {
		return 0, 0, fmt.Errorf("%s has no page %d", doc.Name, first)
	}
	return span.Start, span.End, nil
}
