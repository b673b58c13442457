package record

import (
	"bytes"
	"strings"
	"testing"
)

func TestReportTSV(t *testing.T) {
	r := &Report{
		NothingFound: []Asked{{Query: "Who won?", Times: 2}},
		MarkedDown:   []Asked{{Query: "What was  NEP?", Times: 1, Source: "interview.txt", Start: 400, End: 402, Down: 1}},
		MostAsked:    []Asked{{Query: "who won?", Times: 2}, {Query: "Why peace?", Times: 5, Source: "interview.txt", Start: 351, End: 351}},
	}
	var b bytes.Buffer
	if err := r.WriteTSV(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"Who won?\t\n", "What was NEP?\t\n", "# asked 5×, answered with interview.txt 351\nWhy peace?\t\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("TSV lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(strings.ToLower(got), "who won?\t") != 1 {
		t.Errorf("a question listed twice:\n%s", got)
	}
}
