package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestHeadingReadabilityLeftOut checks that a chapter's heading set in a
// box with the author's notes, which readability drops as the page's
// metadata (as an Archive of Our Own download sets it), still heads its
// chapter, and that the page's title, which readability takes out of the
// text, does not count as lost.
func TestHeadingReadabilityLeftOut(t *testing.T) {
	chapter := func(n int, title string, notes bool) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<div class="meta group"><h2 class="heading">Chapter %d: %s</h2>`, n, title)
		if notes {
			b.WriteString(`<p>Chapter Notes</p><blockquote class="userstuff"><p>Sorry this took so long to post, work has been busy.</p></blockquote>`)
		}
		b.WriteString("</div>\n<div class=\"userstuff\">")
		for k := range 5 {
			fmt.Fprintf(&b, "<p>In chapter %d the two friends walked on along the river, talking about %s, and paragraph %d ends here. Nothing much happened.</p>\n", n, strings.ToLower(title), k+1)
		}
		return b.String() + "</div>\n"
	}
	page := `<!DOCTYPE html><html><head><title>The Long Way Home - riverwalker [Archive of Our Own]</title></head><body>
<div id="preface"><h1>The Long Way Home</h1><div class="byline">by <a rel="author" href="/users/riverwalker">riverwalker</a></div></div>
<div id="chapters" class="userstuff">` + chapter(1, "The Bridge", false) + chapter(2, "The Market", true) + chapter(3, "The Old Mill", false) + `</div>
</body></html>`
	d, err := Parse("walk.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sections {
		if strings.HasPrefix(s.Title, "Chapter") {
			got = append(got, s.Title)
		}
	}
	if want := []string{"Chapter 1: The Bridge", "Chapter 2: The Market", "Chapter 3: The Old Mill"}; !slices.Equal(got, want) {
		t.Errorf("got chapters %q, want %q", got, want)
	}
}
