package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTitlePageAuthor: a title page's line that names the author and
// nothing else gives the text's author; a line that says more does not.
func TestTitlePageAuthor(t *testing.T) {
	underlined, err := os.ReadFile(filepath.Join("testdata", "formats", "underlined.txt.input"))
	if err != nil {
		t.Fatal(err)
	}
	indented, err := os.ReadFile(filepath.Join("testdata", "formats", "indented-etext.txt.input"))
	if err != nil {
		t.Fatal(err)
	}
	chapter := "\n\nCHAPTER I\n\nThe relief boat came out to the reef on the first calm morning in\nthree weeks, and the keepers had watched for it since dawn. Tom Rae\nstood on the landing with a rope over his shoulder.\n\nCHAPTER II\n\nThere were three letters for Tom, and he read them on the gallery in\nthe last of the light before he went in to light the lamp again.\n"
	tests := []struct {
		name, text, title, author string
	}{
		{"setext title", string(underlined), "The Keeper of Skerryvore", "Ann Example"},
		{"indented etext", string(indented), "THE KEEPER OF SKERRYVORE", "Ann Example"},
		{"capitals", "THE KEEPER OF SKERRYVORE\n\nBY ANN EXAMPLE" + chapter, "THE KEEPER OF SKERRYVORE", "ANN EXAMPLE"},
		{"two authors", "The Keeper of Skerryvore\n\nby Ann Example and Tom Rae" + chapter, "The Keeper of Skerryvore", "Ann Example and Tom Rae"},
		{"a byline that says more", "THE KEEPER OF SKERRYVORE\n\nBy Ann Example, for the Gazette" + chapter, "THE KEEPER OF SKERRYVORE", ""},
		{"no name", "THE KEEPER OF SKERRYVORE\n\nby the author of The Light" + chapter, "THE KEEPER OF SKERRYVORE", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("story.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.Author != tt.author {
				t.Errorf("title %q, author %q; want %q, %q", d.Title, d.Author, tt.title, tt.author)
			}
		})
	}
}
