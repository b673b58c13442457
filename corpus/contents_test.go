package corpus

import (
	"errors"
	"slices"
	"testing"
)

// TestMarkdownContentsEntries leaves out the links to a site's or a
// book's pages that stand as entries of its contents: a list of them
// ("See also"), a few words alone (mdBook's "[Introduction](./intro.md)").
// A link that says what to do, a sentence round a link, and a list of
// links to other sites are text. A book's SUMMARY.md, nothing but its
// contents, has no text to read.
func TestMarkdownContentsEntries(t *testing.T) {
	page := "# Installation\n\nInstall Tide with Cargo before anything else.\n\n" +
		"See also:\n\n- [Predicting a tide](./predict.md)\n- [Choosing a station](stations.md#names)\n\n" +
		"[Next](./predict.md)\n\n" +
		"[Redux middleware are all written as a series of 3 nested functions](../store.md#middleware):\n\n" +
		"Read [the station list](stations.md) for the names.\n\n" +
		"- [Trinity House](https://www.trinityhouse.co.uk/), the lighthouse authority of England and Wales.\n"
	got := sentenceTexts(t, "install.md", page)
	want := []string{
		"Install Tide with Cargo before anything else.",
		"See also:",
		"Redux middleware are all written as a series of 3 nested functions:",
		"Read the station list for the names.",
		"Trinity House, the lighthouse authority of England and Wales.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got sentences %q, want %q", got, want)
	}
	summary := "# Summary\n\n[Introduction](./intro.md)\n\n# User Guide\n\n- [Installation](./install.md)\n- [Predicting a tide](./predict.md)\n    - [Choosing a station](./stations.md)\n"
	if _, err := Parse("SUMMARY.md", []byte(summary)); !errors.Is(err, ErrNoContent) {
		t.Errorf("SUMMARY.md: got %v, want %v", err, ErrNoContent)
	}
}
