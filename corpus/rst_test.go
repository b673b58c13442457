package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRSTAuthor reads a reStructuredText document's author from its
// bibliographic fields (":author: Ada Apiary").
func TestRSTAuthor(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "formats", "guide.rst.input"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("guide.rst", data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Author, "Ada Apiary"; got != want {
		t.Errorf("author %q, want %q", got, want)
	}
}

// TestRSTAngleBrackets escapes angle brackets for the Markdown reader
// once, in a substitution's text too, and keeps them as they are in the
// author a field names.
func TestRSTAngleBrackets(t *testing.T) {
	raw := []string{
		":author: Ada Apiary <ada@example.org>",
		"",
		".. |form| replace:: <hive>-<number>",
		"",
		"Name each hive |form|, as in <apiary>.",
	}
	out, author := rstMarkup(raw)
	if want := "Ada Apiary <ada@example.org>"; author != want {
		t.Errorf("author %q, want %q", author, want)
	}
	if got, want := out[4], `Name each hive \<hive>-\<number>, as in \<apiary>.`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
