package bot

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testindex"
	"github.com/lectern-bot/lectern/retrieval"
)

// TestFormatsAreCitedAsTheyAreRead asks a question of the test essay as a
// PDF, an EPUB and a web page: each answer is cited as its format is,
// the citation reads back with /lines, and a citation of another
// format's kind is refused with an example of the right one.
func TestFormatsAreCitedAsTheyAreRead(t *testing.T) {
	t.Parallel()
	book := testformats.Essay()
	pdf, _ := book.PDF(testformats.PDFOptions{PageNumbers: true, FrontMatter: 2, Labels: true, LinesPerPage: 22})
	tests := []struct {
		file     string
		data     []byte
		cited    *regexp.Regexp // the place in an answer's footer
		elsewise string         // a citation of another kind
	}{
		{"essay.pdf", pdf, regexp.MustCompile(`^essay\.pdf · (p\. \d+)$`), "lines 3-5"},
		{"essay.epub", book.EPUB(testformats.EPUBOptions{}), regexp.MustCompile(`^essay\.epub · (ch\. \d+ ¶ \d+(?:–\d+)?)$`), "351-356"},
		{"essay.html", book.HTML(testformats.HTMLOptions{Chrome: true}), regexp.MustCompile(`^essay\.html · (§\d+ ¶ \d+(?:–\d+)?)$`), "ch. 1 ¶ 2"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			_, ix := testindex.Folder(t, map[string]string{tt.file: string(tt.data)})
			h := start(t, setup{search: ix})
			m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "Who checked the lanterns?")))
			if len(m.Embeds) == 0 {
				t.Fatalf("no answer: %+v", m)
			}
			got := tt.cited.FindStringSubmatch(m.Embeds[0].Footer.Text)
			if got == nil {
				t.Fatalf("answer cited %q, want it to match %s", m.Embeds[0].Footer.Text, tt.cited)
			}
			read := answer(t)(h.fake.Command(alice, "lines", discordtest.String("at", got[1])))
			quote := strings.ReplaceAll(strings.TrimPrefix(strings.SplitN(m.Embeds[0].Description, "\n", 2)[0], "> "), "**", "")
			if len(read.Embeds) == 0 || !strings.Contains(strings.ReplaceAll(read.Embeds[0].Description, "**", ""), firstWords(quote, 4)) {
				t.Errorf("/lines %s shows %+v, want the quote %q", got[1], read, quote)
			}
			refused := answer(t)(h.fake.Command(alice, "lines", discordtest.String("at", tt.elsewise)))
			if !strings.Contains(refused.Content, "cite it as its answers do") {
				t.Errorf("/lines %s in %s: got %q, want a refusal with an example", tt.elsewise, tt.file, refused.Content)
			}
			about := answer(t)(h.fake.Command(alice, "about"))
			if len(about.Embeds) == 0 || !tt.cited.MatchString(strings.Trim(regexp.MustCompile("e\\.g\\. `([^`]*)`").FindString(about.Embeds[0].Description)[5:], "`")) {
				t.Errorf("/about does not cite an example as answers are cited: %+v", about.Embeds)
			}
		})
	}
}

// firstWords are the first n words of s.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

// TestPageByItsPrintedNumber reads a PDF's page by the number printed on
// it, by a roman front-matter label, and refuses one it does not have.
func TestPageByItsPrintedNumber(t *testing.T) {
	t.Parallel()
	pdf, _ := testformats.Essay().PDF(testformats.PDFOptions{PageNumbers: true, FrontMatter: 2, Labels: true, LinesPerPage: 22})
	_, ix := testindex.Folder(t, map[string]string{"essay.pdf": string(pdf)})
	h := start(t, setup{search: ix})
	tests := []struct {
		page   string
		footer string // the page the reading is cited at
		refuse string
	}{
		{"1", "essay.pdf · p. 1", ""},
		{"p. 2", "essay.pdf · p. 2", ""},
		{"ii", "", "has no text to quote on page ii; its pages run from i to"},
		{"40", "", "its pages run from i to"},
	}
	for _, tt := range tests {
		m := answer(t)(h.fake.Command(alice, "page", discordtest.String("page", tt.page)))
		switch {
		case tt.refuse != "" && !strings.Contains(m.Content, tt.refuse):
			t.Errorf("/page %s: got %q, want a refusal saying %q", tt.page, m.Content, tt.refuse)
		case tt.refuse == "" && (len(m.Embeds) == 0 || !strings.HasPrefix(m.Embeds[0].Footer.Text, tt.footer)):
			t.Errorf("/page %s: got %+v, want the page cited %q", tt.page, m, tt.footer)
		}
	}
}

// TestAnswersLinkToTheDocumentationSite answers from a documentation
// folder published at a site: the answer's title links to its section
// there, and so does a reading of it.
func TestAnswersLinkToTheDocumentationSite(t *testing.T) {
	t.Parallel()
	_, ix := testindex.Folder(t, map[string]string{
		"setup/tags.md": "# Setting up tags\n\n## Adding tags\n\nTags are added in the front matter of a page, as a list.\n\n## Tags index { #index }\n\nA tags index lists every tag with its pages.\n",
	})
	links, err := retrieval.ParseSourceLinks("https://docs.example.org/{path}/#{anchor}", retrieval.SlugsMkDocs)
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSourceLinks(links)
	h := start(t, setup{search: ix, opts: Options{PublicURL: "https://lectern.example.org"}})
	tests := []struct{ question, want string }{
		{"Where are tags added?", "https://docs.example.org/setup/tags/#adding-tags"},
		{"What does a tags index list?", "https://docs.example.org/setup/tags/#index"},
	}
	for _, tt := range tests {
		m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", tt.question)))
		if len(m.Embeds) == 0 || m.Embeds[0].URL != tt.want {
			t.Errorf("%q: answer links %+v, want %s", tt.question, m.Embeds, tt.want)
		}
	}
	read := answer(t)(h.fake.Command(alice, "lines", discordtest.String("at", "5")))
	if len(read.Embeds) == 0 || read.Embeds[0].URL != tests[0].want {
		t.Errorf("/lines 5 links %+v, want %s", read.Embeds, tests[0].want)
	}
}

// TestAskOfOneSpeaker asks a trial record a question with speaker:,
// autocompleted from its speakers: every answer, the next ones paged with
// ▶ too, is that speaker's, and an unknown speaker is refused.
func TestAskOfOneSpeaker(t *testing.T) {
	t.Parallel()
	trial, err := os.ReadFile(filepath.Join("..", "corpus", "testdata", "formats", "trial.txt.input"))
	if err != nil {
		t.Fatal(err)
	}
	_, ix := testindex.Folder(t, map[string]string{"trial.txt": string(trial)})
	h := start(t, setup{search: ix})
	r := response(t)(h.fake.Autocomplete(alice, "ask", discordtest.String("question", "jury"), discordtest.Focused(discordtest.String("speaker", "hamil"))))
	if len(r.Data.Choices) != 1 || r.Data.Choices[0].Value != "Mr. Hamilton" {
		t.Fatalf("speaker choices for “hamil”: %+v, want Mr. Hamilton", r.Data.Choices)
	}
	m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "What must the jury judge?"), discordtest.String("speaker", "Mr. Hamilton")))
	for m != nil {
		if len(m.Embeds) == 0 || !strings.HasPrefix(m.Embeds[0].Description, "> **Mr. Hamilton:**") {
			t.Fatalf("an answer is not Mr. Hamilton's: %+v", m)
		}
		if !strings.HasSuffix(m.Embeds[0].Author.Name, "· by Mr. Hamilton") {
			t.Errorf("the author line %q does not say whose words were asked for", m.Embeds[0].Author.Name)
		}
		next := nextButton(m)
		if next == "" {
			break
		}
		in, err := h.fake.Click(alice, m, next)
		if err != nil {
			t.Fatal(err)
		}
		m = answer(t)(in, nil)
	}
	refused := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "What must the jury judge?"), discordtest.String("speaker", "Nobody Atall")))
	if !strings.Contains(refused.Content, "No one speaks as") {
		t.Errorf("an unknown speaker: %q, want a refusal", refused.Content)
	}
}

// nextButton is the custom_id of a message's ▶, or "" when it has none or
// it is disabled.
func nextButton(m *discordtest.Message) string {
	for _, row := range m.Components {
		for _, c := range row.Components {
			if c.Label == "▶" && !c.Disabled {
				return c.CustomID
			}
		}
	}
	return ""
}
