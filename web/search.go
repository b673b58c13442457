package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/retrieval"
)

// query reads and checks q and k.
func (s *Server) query(r *http.Request) (q string, k int, problem string) {
	raw := r.URL.Query().Get("q")
	if utf8.RuneCountInString(raw) > retrieval.MaxQueryRunes {
		return "", 0, fmt.Sprintf("q is longer than %d characters", retrieval.MaxQueryRunes)
	}
	q = retrieval.CleanQuery(raw)
	k = s.opts.Results
	if v := r.URL.Query().Get("k"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > retrieval.MaxResults {
			return "", 0, fmt.Sprintf("k must be a number from 1 to %d", retrieval.MaxResults)
		}
		k = n
	}
	return q, k, ""
}

// filterOf reads the speaker a search is narrowed to: ?speaker=….
func filterOf(r *http.Request) retrieval.Filter {
	return retrieval.Filter{Speaker: strings.TrimSpace(r.URL.Query().Get("speaker"))}
}

// api answers GET /api/ask and /api/quote with the command line's JSON.
func (s *Server) api(quote bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		search, ok := s.searcher(w, r)
		if !ok {
			return
		}
		q, k, problem := s.query(r)
		if problem == "" && q == "" {
			problem = "q is empty: give a question (or, for /api/quote, a phrase), e.g. ?q=Why+did+Lenin+want+peace%3F"
		}
		if problem != "" {
			jsonError(w, http.StatusBadRequest, problem)
			return
		}
		find := search.AskFor
		if quote {
			find = search.QuoteFor
		}
		rs, err := find(r.Context(), q, k, filterOf(r))
		if err != nil {
			s.searchFailed(w, r, err)
			return
		}
		ans := retrieval.NewAnswer(q, rs)
		if quote {
			ans.Note = retrieval.QuoteNote(q, rs)
		} else {
			ans.Note = search.Note(q)
		}
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.Encode(ans)
	}
}

// searchFailed answers a search that failed: a timeout is the reader's
// to retry (503), anything else is logged.
func (s *Server) searchFailed(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "the search failed; it has been logged"
	switch {
	case errors.Is(err, retrieval.ErrTimeout):
		status, msg = http.StatusServiceUnavailable, "that search took too long; try fewer or more specific words"
	case r.Context().Err() != nil:
		return // the client went away
	default:
		s.log.Error("web search failed", "err", err)
	}
	if wantsJSON(r) {
		jsonError(w, status, msg)
		return
	}
	s.problem(w, r, status, msg)
}

func jsonError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// answerView is one answer on the search page.
type answerView struct {
	Asked    string // the question it answers, of several asked at once
	Quote    template.HTML
	Speaker  string
	Code     *retrieval.Excerpt // the code block that comes with the quote
	Section  string
	Citation string
	Link     string // the reader at the citation
	SiteLink string // the section on the documentation site, if set
}

// searchPage is GET /: a question box and, with ?q=, the answers.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	search, ok := s.searcher(w, r)
	if !ok {
		return
	}
	q, _, problem := s.query(r)
	mode := r.URL.Query().Get("mode")
	if mode != "quote" {
		mode = "ask"
	}
	data := struct {
		Title, Query, Mode, Problem string
		Note                        string // what no quote can answer
		Searched                    bool
		Answers                     []answerView
		Texts                       []textLink
	}{Title: corpusTitle(search), Query: q, Mode: mode, Problem: problem, Texts: textLinks(search)}
	if problem != "" {
		w.WriteHeader(http.StatusBadRequest)
	} else if q != "" {
		find := search.AskFor
		if mode == "quote" {
			find = search.QuoteFor
		}
		rs, err := find(r.Context(), q, s.opts.Results, filterOf(r))
		if err != nil {
			s.searchFailed(w, r, err)
			return
		}
		data.Searched = true
		if mode == "ask" {
			data.Note = search.Note(q)
		} else {
			data.Note = retrieval.QuoteNote(q, rs)
		}
		for _, res := range rs {
			c := res.Citation()
			data.Answers = append(data.Answers, answerView{
				Asked:    res.Asked,
				Quote:    excerptHTML(res.Quote),
				Speaker:  res.Speaker,
				Code:     res.Code,
				Section:  res.Section.String(),
				Citation: c.String(),
				Link:     c.ReaderPath(),
				SiteLink: c.Location.URL,
			})
		}
	}
	render(w, s.log, pages.search, data)
}

// excerptHTML is an excerpt as the web shows it: prose with its matches
// marked, code blocks as code.
func excerptHTML(e retrieval.Excerpt) template.HTML {
	var b strings.Builder
	for _, p := range e.Parts() {
		if p.Code {
			b.WriteString("<pre><code>" + template.HTMLEscapeString(p.Text) + "</code></pre>")
			continue
		}
		b.WriteString(p.Highlight("<mark>", "</mark>", template.HTMLEscapeString))
	}
	return template.HTML(b.String())
}

type textLink struct{ Name, Title, Link string }

func textLinks(search Searcher) []textLink {
	var out []textLink
	for _, d := range search.Corpus().Documents {
		out = append(out, textLink{Name: d.Name, Title: d.Title, Link: retrieval.TextPath(d.Name)})
	}
	return out
}

func corpusTitle(search Searcher) string {
	docs := search.Corpus().Documents
	if len(docs) == 1 {
		return docs[0].Title
	}
	return fmt.Sprintf("%d texts", len(docs))
}
