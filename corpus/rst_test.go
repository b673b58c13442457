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
