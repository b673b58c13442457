package corpus

import (
	"strings"
	"testing"
)

// manPage is a manual page as "man tool > tool.txt" saves it: sections
// in capitals over their indented text with no blank line between, and
// words groff broke at a line's end with the typeset hyphen (U+2010).
const manPage = "KETTLE(1)                General Commands Manual               KETTLE(1)\n\n" +
	"NAME\n       kettle - boil water\n\n" +
	"SYNOPSIS\n       kettle [-w] [-t temperature]\n       kettle --version\n\n" +
	"DESCRIPTION\n       Kettle boils the water in the kettle and whistles when the water is\n" +
	"       ready.  It reads its settings from the environment and from the com‐\n       mand line.\n\n" +
	"OPTIONS\n       -w     Whistle when the water boils, however long the water takes to\n" +
	"              boil.  The whistle can be heard in every room of the prop‐\n              erty.\n\n" +
	"       -t temperature\n              Stop at temperature degrees, not at the boil.\n\n" +
	"EXIT STATUS\n       Kettle exits with status 0 if the water boiled, and 1 if the ket‐\n       tle was empty.\n\n" +
	"GNU kettle 4.9.0                  2022-02-22                        KETTLE(1)\n"

// TestManPage reads a manual page saved as text: its sections by their
// titles in capitals, and words broken at a line's end whole.
func TestManPage(t *testing.T) {
	d := wantSections(t, "kettle.txt", manPage, []string{"SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS"})
	all := textsOf(d)
	text := strings.Join(all, " ")
	for _, word := range []string{"command line", "property", "kettle was empty"} {
		if !strings.Contains(text, word) {
			t.Errorf("%q is not read whole in %q", word, text)
		}
	}
}

// TestTypesetHyphenInCompounds keeps the typeset hyphen at a line's end
// where a text sets its compounds with it ("well‐known"): there it is a
// hyphen, not a break.
func TestTypesetHyphenInCompounds(t *testing.T) {
	text := "The well‐known kettle boils water for the whole house every morning, self‐\n" +
		"evidently.  The self‐\nstarting kettle needs no hand.  A ready‐\nmade cup waits.\n"
	d, err := Parse("kettle.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	all := textsOf(d)
	if got := strings.Join(all, " "); !strings.Contains(got, "self‐evidently") || !strings.Contains(got, "ready‐made") {
		t.Errorf("compounds set with the typeset hyphen lost it: %q", got)
	}
}
