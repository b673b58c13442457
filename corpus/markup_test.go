package corpus

import (
	"strings"
	"testing"
)

// TestBracketedWordsInText keeps words a plain text sets in angle
// brackets, a licence's placeholders and a type's parameter, and drops
// the HTML tags a text carries as stray markup.
func TestBracketedWordsInText(t *testing.T) {
	text := "Copyright (C) <year> <name of author> keeps every right.\n\nThe type Vec<T> holds <i>many</i> values.<br>\n"
	d, err := Parse("notice.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	all := textsOf(d)
	got := strings.Join(all, " ")
	for _, want := range []string{"Copyright (C) <year> <name of author> keeps every right.", "The type Vec<T> holds many values."} {
		if !strings.Contains(got, want) {
			t.Errorf("sentences %q, want %q among them", got, want)
		}
	}
}
