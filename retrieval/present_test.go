package retrieval

import (
	"html"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name    string
		e       Excerpt
		on, off string
		escape  func(string) string
		want    string
	}{
		{"terminal", Excerpt{Text: "peace of shame", Matches: [][2]int{{0, 5}, {9, 14}}}, "[", "]", nil, "[peace] of [shame]"},
		{"no matches", Excerpt{Text: "no matches"}, "[", "]", nil, "no matches"},
		{"bad ranges are skipped", Excerpt{Text: "bad ranges", Matches: [][2]int{{5, 3}, {2, 99}}}, "[", "]", nil, "bad ranges"},
		{"escaped for the web", Excerpt{Text: "a <b> & c", Matches: [][2]int{{2, 5}}}, "<mark>", "</mark>", html.EscapeString, "a <mark>&lt;b&gt;</mark> &amp; c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Highlight(tt.on, tt.off, tt.escape); got != tt.want {
				t.Errorf("Highlight = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCitation(t *testing.T) {
	r := Result{Quote: Excerpt{Span: corpus.Span{Start: 351, End: 356}}, Passage: Excerpt{Span: corpus.Span{Start: 349, End: 360}},
		Section: SectionRef{Number: 4, Title: "Decisive moments"}, Page: 11, Source: "interview.txt"}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"short", r.Citation().String(), "interview.txt · lines 351–356 · p. 11"},
		{"long", r.Citation().Long(), `§4 "Decisive moments", lines 351–356, p. 11 (interview.txt)`},
		{"passage", r.PassageCitation().String(), "interview.txt · lines 349–360 · p. 11"},
		{"one line, no pages", Citation{Source: "a.md", Lines: corpus.Span{Start: 7, End: 7}}.String(), "a.md · line 7"},
		{"pages", Citation{Source: "a.txt", Lines: corpus.Span{Start: 1, End: 90}, FirstPage: 1, LastPage: 3}.String(), "a.txt · lines 1–90 · pp. 1–3"},
		{"section", r.Section.String(), "§4 · Decisive moments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"the quick brown fox jumps", 12, "the quick…"},
		{"abcdefghijklmnop", 5, "abcd…"},
		{"ünïcödé wörds here", 9, "ünïcödé…"},
		{"anything", 0, ""},
	}
	for _, tt := range tests {
		if got := Clip(tt.s, tt.n); got != tt.want || len([]rune(got)) > max(tt.n, 0) {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestCleanQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  What\thappened\n to  them? ", "What happened to them?"},
		{"bad\xffbyte", "bad byte"},
		{"bell\x07ring", "bell ring"},
		{"régime", "régime"},
	}
	for _, tt := range tests {
		if got := CleanQuery(tt.in); got != tt.want {
			t.Errorf("CleanQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
