package corpus

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
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

// TestWebPageTextKept reads web pages whose text a site's markup made
// look like what is left out: a section whose id, taken from its heading,
// holds a widget's word ("sharing-with-a-single-developer", docutils); an
// article wrapped in a share widget's container (The Independent) or set
// in an advertisement's slot (Libération); and a how-to's list of what
// you need, with no heading, before its steps (eHow).
func TestWebPageTextKept(t *testing.T) {
	prose := func(topic string) string {
		var b strings.Builder
		for k := range 6 {
			fmt.Fprintf(&b, "<p>Paragraph %d says more about %s, with enough words in it to read as the text of the page and not as a widget or a caption.</p>\n", k+1, topic)
		}
		return b.String()
	}
	menu := `<div class="menu"><h2>Latest</h2><h2>Popular</h2><h2>Video</h2><h2>Sport</h2><h2>Travel</h2><h2>Money</h2></div>`
	tests := []struct {
		name, page string
		want       []string
	}{
		{"a section named by its heading", `<html><body><div class="document"><h1>Evolve</h1>` + prose("evolve") +
			`<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2><p>The simplest scenario is a single developer working across two computers.</p>` + prose("sharing") +
			`</div><div class="section" id="conclusion"><h2>Conclusion</h2>` + prose("the end") + `</div></div></body></html>`,
			[]string{"The simplest scenario is a single developer working across two computers."}},
		{"an article in a share widget's container", `<html><body>` + menu + `<h1>Hotel secrets</h1><div id="gigya-share-btns-2_gig_containerParent">` +
			`<p>Most people go to hotels for the pleasure of sleeping in a giant bed with clean white sheets.</p>` + prose("hotels") + `</div>` + menu + `</body></html>`,
			[]string{"Most people go to hotels for the pleasure of sleeping in a giant bed with clean white sheets."}},
		{"an article in an advertisement's slot", `<html><body>` + menu + `<h1>Earthquake</h1><section id="ad-portal"><article>` +
			`<p>A third French citizen was killed in the earthquake on Saturday, carried away by an avalanche.</p>` + prose("the earthquake") + `</article></section></body></html>`,
			[]string{"A third French citizen was killed in the earthquake on Saturday, carried away by an avalanche."}},
		{"a list before the steps", `<html><body><div class="article"><p>Glass cloche terrariums are not only appealing to the eye, but they also preserve a bit of nature in your home.</p>` +
			`<span>What You'll Need:</span><ul><li>Cloche</li><li>Planter saucer, small shallow dish or desired platform</li><li>Floral wire pins or paper clips</li></ul>` +
			`<h3>Step 1</h3><p>Dig a hole in the oasis.</p><h3>Step 2</h3><p>Insert your plant into the hole.</p><h3>Step 3</h3>` + prose("terrariums") + `</div></body></html>`,
			[]string{"Planter saucer, small shallow dish or desired platform"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("page.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			got := textsOf(d)
			for _, want := range tt.want {
				if !slices.Contains(got, want) {
					t.Errorf("no sentence %q in %q", want, got)
				}
			}
		})
	}
}

// TestReadabilityTestPages reads the 135 saved web pages go-readability
// tests itself on (news, blogs, wikis, documentation; in the module
// cache with its source) and checks that Lectern keeps the words of the
// text readability finds in each, in their sentences, headings and
// titles: 0.96 of them on average and more (0.947 before the mends of
// TestWebPageTextKept).
// Lectern leaves out on purpose some of what readability keeps (a wiki's
// references, photo credits), and reads some it drops.
func TestReadabilityTestPages(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	dir := filepath.Join(strings.TrimSpace(string(out)), "test-pages")
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Skipf("go-readability's test pages are not in the module cache: %v", err)
	}
	pages, err := os.ReadDir(dir)
	if err != nil || len(pages) < 100 {
		t.Skipf("go-readability's test pages: %v (%d)", err, len(pages))
	}
	sum, n := 0.0, 0
	for _, p := range pages {
		src, err1 := os.ReadFile(filepath.Join(dir, p.Name(), "source.html"))
		want, err2 := os.ReadFile(filepath.Join(dir, p.Name(), "expected.html"))
		if err1 != nil || err2 != nil {
			continue
		}
		kept, ok := keptWords(t, p.Name(), src, want)
		if !ok {
			continue // a page of pictures
		}
		if kept < 0.8 {
			t.Logf("%s: %.2f of readability's words kept", p.Name(), kept)
		}
		sum += kept
		n++
	}
	if mean := sum / float64(n); mean < 0.96 {
		t.Errorf("%d pages: %.3f of readability's words kept on average, want at least 0.96", n, mean)
	} else {
		t.Logf("%d pages: %.3f of readability's words kept on average", n, mean)
	}
}

// keptWords is the share of the words of want (readability's reading of
// a page, HTML) that Lectern's reading of the page src keeps, counted
// with their repeats; not ok when readability finds no words.
func keptWords(t *testing.T, name string, src, want []byte) (float64, bool) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	wanted := wordCounts(textContent(root))
	total := 0
	for _, c := range wanted {
		total += c
	}
	if total == 0 {
		return 0, false
	}
	d, err := Parse(name+".html", src)
	if err != nil {
		return 0, true
	}
	var b strings.Builder
	b.WriteString(d.Title + " ")
	for _, s := range d.Sections {
		b.WriteString(s.Heading + " ")
	}
	for _, s := range d.AllSentences() {
		b.WriteString(s.Text + " ")
	}
	got := wordCounts(b.String())
	kept := 0
	for w, c := range wanted {
		kept += min(c, got[w])
	}
	return float64(kept) / float64(total), true
}

// wordCounts counts the words of a text, in lower case.
func wordCounts(text string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		m[w]++
	}
	return m
}
