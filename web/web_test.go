package web

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testindex"
	"github.com/lectern-bot/lectern/internal/testsupport"
	"github.com/lectern-bot/lectern/retrieval"
)

func interviewIndex(t testing.TB) *retrieval.Index { return testindex.Interview(t) }

// counter counts requests, as metrics would.
type counter struct{ got []string }

func (c *counter) WebRequest(route string, status int) {
	c.got = append(c.got, route)
}

func server(t *testing.T) (*httptest.Server, *Server) {
	t.Helper()
	s := New(Options{Logger: testLogger(t)})
	s.Ready(interviewIndex(t))
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv, s
}

func get(t *testing.T, u string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no transparent gzip
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	body, _ := io.ReadAll(r)
	return resp.StatusCode, resp.Header, string(body)
}

func TestAPI(t *testing.T) {
	t.Parallel()
	srv, _ := server(t)
	ix := interviewIndex(t)
	tests := []struct {
		name   string
		path   string
		status int
		want   func(q string) retrieval.Answer // nil for an error
	}{
		{"ask", "/api/ask?q=" + url.QueryEscape("Why did Lenin want peace?"), 200, func(q string) retrieval.Answer {
			rs, _ := ix.Ask(context.Background(), q, 3)
			return retrieval.NewAnswer(q, rs)
		}},
		{"ask k=1", "/api/ask?k=1&q=" + url.QueryEscape("Why did Lenin want peace?"), 200, func(q string) retrieval.Answer {
			rs, _ := ix.Ask(context.Background(), q, 1)
			return retrieval.NewAnswer(q, rs)
		}},
		{"quote", "/api/quote?q=peace+of+shame", 200, func(q string) retrieval.Answer {
			rs, _ := ix.Quote(context.Background(), q, 3)
			return retrieval.NewAnswer(q, rs)
		}},
		{"quote not word for word", "/api/quote?q=" + url.QueryEscape("Lenin signed a shameful treaty with the Kaiser"), 200, func(q string) retrieval.Answer {
			rs, _ := ix.Quote(context.Background(), q, 3)
			a := retrieval.NewAnswer(q, rs)
			a.Note = retrieval.QuoteNote(q, rs)
			if a.Note == "" {
				t.Error("QuoteNote of a phrase the text lacks is empty")
			}
			return a
		}},
		{"two questions", "/api/ask?q=" + url.QueryEscape("Why did Lenin want peace? What was War Communism?"), 200, func(q string) retrieval.Answer {
			rs, _ := ix.Ask(context.Background(), q, 3)
			return retrieval.NewAnswer(q, rs)
		}},
		{"nothing found", "/api/ask?q=xylophone+zebra", 200, func(q string) retrieval.Answer { return retrieval.NewAnswer(q, nil) }},
		{"who wrote it", "/api/ask?q=" + url.QueryEscape("Who wrote this?"), 200, func(q string) retrieval.Answer {
			rs, _ := ix.Ask(context.Background(), q, 3)
			a := retrieval.NewAnswer(q, rs)
			a.Note = ix.Note(q)
			if a.Note == "" {
				t.Error("Note(\"Who wrote this?\") is empty")
			}
			return a
		}},
		{"query syntax is just text", "/api/ask?q=" + url.QueryEscape(`+title:"x" -(y) ~2 *`), 200, nil},
		{"empty q", "/api/ask?q=", 400, nil},
		{"no q", "/api/quote", 400, nil},
		{"q of 10,000 characters", "/api/ask?q=" + strings.Repeat("a", 10000), 400, nil},
		{"k not a number", "/api/ask?q=x&k=lots", 400, nil},
		{"k too large", "/api/ask?q=x&k=1000", 400, nil},
		{"POST is not allowed", "", 405, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var status int
			var body string
			if tt.path == "" {
				resp, err := http.Post(srv.URL+"/api/ask", "text/plain", strings.NewReader("q=x"))
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				status = resp.StatusCode
			} else {
				status, _, body = get(t, srv.URL+tt.path)
			}
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			if status >= 400 && tt.path != "" {
				var e struct{ Error string }
				if json.Unmarshal([]byte(body), &e) != nil || e.Error == "" {
					t.Errorf("error body %q is not {\"error\": …}", body)
				}
			}
			if tt.want == nil {
				return
			}
			u, _ := url.Parse(tt.path)
			want, _ := json.Marshal(tt.want(retrieval.CleanQuery(u.Query().Get("q"))))
			if strings.TrimSpace(body) != string(want) {
				t.Errorf("got  %s\nwant %s", body, want)
			}
		})
	}
}

func TestTextPage(t *testing.T) {
	t.Parallel()
	srv, _ := server(t)
	status, h, body := get(t, srv.URL+"/text/interview.txt", "Accept-Encoding", "gzip")
	if status != 200 || h.Get("Content-Encoding") != "gzip" {
		t.Fatalf("status %d, encoding %q", status, h.Get("Content-Encoding"))
	}
	lines, _ := corpus.Lines(corpus.DefaultText())
	for _, want := range []string{`id="L1"`, `id="L321"`, `id="L` + itoa(len(lines)) + `"`, `id="s4"`, `id="p10"`, "§4 · What do you see as the decisive moments", "<script>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(body, `id="L`+itoa(len(lines)+1)+`"`) {
		t.Error("the page has more lines than the file")
	}
	status, _, _ = get(t, srv.URL+"/text/interview.txt", "If-None-Match", h.Get("ETag"))
	if status != http.StatusNotModified {
		t.Errorf("a repeat with its ETag: %d, want 304", status)
	}
	for _, path := range []string{"/text/nope.txt", "/text/../../etc/passwd", "/text/%2e%2e%2fetc%2fpasswd", "/text/..%2f..%2fetc%2fpasswd", "/text/", "/nothing-here"} {
		resp, err := http.Get(srv.URL + path) // following the redirect a cleaned path gets
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 || strings.Contains(string(body), "root:") {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
	}
}

func TestHealthzAndReadiness(t *testing.T) {
	t.Parallel()
	c := &counter{}
	s := New(Options{Logger: testLogger(t), Observer: c})
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, path := range []string{"/healthz", "/api/ask?q=x", "/"} {
		if status, _, _ := get(t, srv.URL+path); status != 503 {
			t.Errorf("%s before the index is ready: %d, want 503", path, status)
		}
	}
	s.Ready(interviewIndex(t))
	if status, _, body := get(t, srv.URL+"/healthz"); status != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("healthz when ready: %d %q", status, body)
	}
	if len(c.got) != 4 || c.got[0] != "healthz" {
		t.Errorf("counted %v", c.got)
	}
}

// TestSearchPageGolden keeps the search page's HTML for a question.
func TestSearchPageGolden(t *testing.T) {
	t.Parallel()
	srv, _ := server(t)
	status, _, body := get(t, srv.URL+"/?q="+url.QueryEscape("Why did the Bolsheviks dissolve the Constituent Assembly?"))
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	if !strings.Contains(body, `href="/text/interview.txt#L321-L325"`) || !strings.Contains(body, "<mark>") {
		t.Error("the answer does not link its lines or mark its matches")
	}
	testsupport.Golden(t, "testdata/search.html", []byte(body))
	status, _, body = get(t, srv.URL+"/?q="+url.QueryEscape(strings.Repeat("zzyzx ", 100)))
	if status != 200 || !strings.Contains(body, "Nothing found for “zzyzx") || !strings.Contains(body, "zzyzx…”") {
		t.Errorf("a long question found nothing: status %d; want it echoed clipped", status)
	}
	status, _, body = get(t, srv.URL+"/?q="+strings.Repeat("x", 1001))
	if status != 400 || !strings.Contains(body, "longer than") {
		t.Errorf("an overlong question: %d", status)
	}
	status, _, body = get(t, srv.URL+"/?q="+url.QueryEscape("Who wrote this?"))
	if status != 200 || !strings.Contains(body, `<p class="note">“The Russian Revolution: an interview with Suzi Weissman” is by Suzi Weissman`) {
		t.Errorf("who wrote the text: status %d; want the author named above the answers", status)
	}
	status, _, body = get(t, srv.URL+"/?q="+url.QueryEscape("Why did Lenin want peace? What was War Communism?"))
	for _, q := range []string{"Why did Lenin want peace?", "What was War Communism?"} {
		if status != 200 || !strings.Contains(body, `<div class="asked">`+q+`</div>`) {
			t.Errorf("two questions asked at once: status %d; want an answer headed %q", status, q)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestReadersOfOtherTextsDoNotWait: while one text of a folder is being
// read and rendered, another is shown at once.
func TestReadersOfOtherTextsDoNotWait(t *testing.T) {
	t.Parallel()
	dir, ix := testindex.Folder(t, map[string]string{
		"slow.txt":  "A title\n\nSome text of slow.txt.\n",
		"quick.txt": "A title\n\nSome text of quick.txt.\n",
	})
	s := New(Options{CorpusPath: dir, Logger: testLogger(t)})
	reading, release := make(chan struct{}), make(chan struct{})
	s.readSource = func(ctx context.Context, name string) (corpus.Source, error) {
		if name == "slow.txt" {
			close(reading)
			<-release
		}
		return s.source(ctx, name)
	}
	s.Ready(ix)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	slow := make(chan int, 1)
	go func() {
		status, _, _ := get(t, srv.URL+"/text/slow.txt")
		slow <- status
	}()
	<-reading
	done := make(chan int, 1)
	go func() {
		status, _, _ := get(t, srv.URL+"/text/quick.txt")
		done <- status
	}()
	select {
	case status := <-done:
		if status != 200 {
			t.Errorf("quick.txt: %d", status)
		}
	case <-time.After(5 * time.Second):
		t.Error("quick.txt waited for slow.txt to be rendered")
	}
	close(release)
	if status := <-slow; status != 200 {
		t.Errorf("slow.txt: %d", status)
	}
}

// TestReaderShowsEachFormat asks the test essay, as a PDF, an EPUB and a
// web page, a question: every answer's link opens the reader at an
// element the page has, and the page says how to cite the text.
func TestReaderShowsEachFormat(t *testing.T) {
	t.Parallel()
	book := testformats.Essay()
	pdf, _ := book.PDF(testformats.PDFOptions{PageNumbers: true, FrontMatter: 2, Labels: true, LinesPerPage: 22})
	dir, ix := testindex.Folder(t, map[string]string{
		"essay.pdf":  string(pdf),
		"essay.epub": string(book.EPUB(testformats.EPUBOptions{})),
		"essay.html": string(book.HTML(testformats.HTMLOptions{Chrome: true})),
	})
	s := New(Options{CorpusPath: dir, Logger: testLogger(t), Results: 10})
	s.Ready(ix)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	_, _, body := get(t, srv.URL+"/?q="+url.QueryEscape("Who checked the lanterns?"))
	links := regexp.MustCompile(`class="cite" href="([^"#]+)#([^"]+)"`).FindAllStringSubmatch(body, -1)
	seen := map[string]bool{}
	for _, l := range links {
		seen[path.Ext(l[1])] = true
		status, _, page := get(t, srv.URL+l[1])
		if status != 200 || !strings.Contains(page, `id="`+l[2]+`"`) {
			t.Errorf("%s#%s: status %d, and the page has no element %s", l[1], l[2], status, l[2])
		}
		if !strings.Contains(page, "Cite as <code>") || strings.Contains(page, "Example Library") {
			t.Errorf("%s: no example of a citation, or the site's chrome is shown", l[1])
		}
	}
	if len(seen) != 3 {
		t.Errorf("answers linked to %v, want all three formats", seen)
	}
}

// TestAdminIsMountedOnlyWhenGiven checks /admin reaches the admin pages
// for every method they use, and is not found when there are none.
func TestAdminIsMountedOnlyWhenGiven(t *testing.T) {
	t.Parallel()
	admin := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "admin "+r.Method+" "+r.URL.Path) })
	tests := []struct {
		name         string
		admin        http.Handler
		method, path string
		wantStatus   int
		wantBody     string
	}{
		{"overview", admin, "GET", "/admin/", 200, "admin GET /admin/"},
		{"bare", admin, "GET", "/admin", 200, "admin GET /admin"},
		{"form", admin, "POST", "/admin/login", 200, "admin POST /admin/login"},
		{"off", nil, "GET", "/admin/", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(New(Options{Logger: testLogger(t), Admin: tt.admin}))
			defer srv.Close()
			req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.wantStatus || !strings.Contains(string(body), tt.wantBody) {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
		})
	}
}
