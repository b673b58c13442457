package bot

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
	"github.com/lectern-bot/lectern/retrieval"
)

// golden compares v, as indented JSON, with testdata/name.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	testsupport.GoldenJSON(t, filepath.Join("testdata", name), v)
}

// result is a hand-made result with markdown, mentions and matches in it.
func result(quote string, matches ...string) retrieval.Result {
	r := retrieval.Result{
		Rank:    1,
		Quote:   retrieval.Excerpt{Text: quote, Span: corpus.Span{Start: 351, End: 353}},
		Passage: retrieval.Excerpt{Text: "Before. " + quote + " After.", Span: corpus.Span{Start: 349, End: 356}},
		Section: retrieval.SectionRef{Number: 3, Title: "How would you characterize this party?"},
		Page:    11,
		Source:  "interview.txt",
	}
	for _, m := range matches {
		if i := strings.Index(quote, m); i >= 0 {
			r.Quote.Matches = append(r.Quote.Matches, [2]int{i, i + len(m)})
			r.Passage.Matches = append(r.Passage.Matches, [2]int{i + len("Before. "), i + len("Before. ") + len(m)})
		}
	}
	return r
}

func TestAnswerEmbedGolden(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		result retrieval.Result
	}{
		{"plain", "Why did Lenin want peace?", result("He said, “I want to lose space in order to gain time.”", "space", "time")},
		{"markdown and mentions", "@everyone **bold** question", result("Stars *like this*, _under_ ~strike~ `code` > quote | pipe || @everyone <@123>", "Stars", "code")},
		{"long", strings.Repeat("very long question ", 30), result(strings.Repeat("The soviets were organized democratically. ", 120), "soviets")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := answerEmbed(query(tt.query), []retrieval.Result{tt.result}, 0)
			checkEmbedLimits(t, e)
			golden(t, "answer-"+strings.ReplaceAll(tt.name, " ", "-")+".json", e)
		})
	}
}

func TestContextAndSectionEmbedsGolden(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := c.Documents[0]
	ctx := contextEmbed(result("He said, “I want to lose space in order to gain time.”", "space"))
	sec := sectionEmbed(d, d.Sections[2])
	about := aboutEmbed(c)
	for name, e := range map[string]*discordgo.MessageEmbed{"context.json": ctx, "section-2.json": sec, "about.json": about} {
		checkEmbedLimits(t, e)
		golden(t, name, e)
	}
}

func checkEmbedLimits(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	n := utf8.RuneCountInString
	total := n(e.Title) + n(e.Description)
	if e.Author != nil {
		total += n(e.Author.Name)
	}
	if e.Footer != nil {
		total += n(e.Footer.Text)
	}
	if n(e.Title) > maxTitle || n(e.Description) > maxDescription || total > 6000 {
		t.Errorf("embed over Discord's limits: title %d, description %d, total %d", n(e.Title), n(e.Description), total)
	}
	if strings.Count(e.Description, "**")%2 != 0 {
		t.Errorf("description leaves bold open: %q", e.Description)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"*a* _b_ ~c~ `d` > e | f", `\*a\* \_b\_ \~c\~ \` + "`" + `d\` + "`" + ` \> e \| f`},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four five", 12, "one two…"},
		{"ééééééééééé", 5, "éééé…"},
	}
	for _, tt := range tests {
		if got := clip(tt.in, tt.n); got != tt.want || utf8.RuneCountInString(got) > tt.n {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestButtonsRoundTrip(t *testing.T) {
	owner := "123456789012345678"
	for _, tc := range []struct {
		k           kind
		page, total int
	}{{kindAsk, 0, 1}, {kindAsk, 0, 2}, {kindAsk, 1, 2}, {kindQuote, 1, 3}, {kindQuote, 2, 3}} {
		k := tc.k
		rows := answerButtons(k, tc.page, tc.total, owner)
		ids := map[string]bool{}
		row := rows[0].(discordgo.ActionsRow)
		if len(row.Components) > 5 {
			t.Fatalf("%d buttons in a row", len(row.Components))
		}
		for _, c := range row.Components {
			id := c.(discordgo.Button).CustomID
			if ids[id] {
				t.Errorf("page %d of %d: two buttons share custom_id %q", tc.page, tc.total, id)
			}
			ids[id] = true
			if len(id) > maxCustomID {
				t.Errorf("custom_id %q is %d long", id, len(id))
			}
			if id == idPrefix+"count" {
				continue
			}
			b, ok := parseButton(id)
			if !ok || b.kind != k {
				t.Errorf("parseButton(%q) = %+v, %v", id, b, ok)
			}
		}
	}
	for _, bad := range []string{"", "lectern:", "lectern:pg:x:1:2", "lectern:pg:a:-1:2", "lectern:ctx:a:1:extra", "other:pg:a:1:2", "lectern:pg:a:one:2"} {
		if _, ok := parseButton(bad); ok {
			t.Errorf("parseButton(%q) accepted a bad custom_id", bad)
		}
	}
}

func TestFindSection(t *testing.T) {
	a, _ := corpus.Parse("a.md", []byte("# One\n\nFirst text.\n\n# Two\n\nSecond text.\n"))
	b, _ := corpus.Parse("b.md", []byte("# Alpha\n\nOther text.\n"))
	c := &corpus.Corpus{Documents: []*corpus.Document{a, b}}
	tests := []struct {
		value int
		want  string // document and title, "" for none
	}{
		{1, "a.md One"},
		{2, "a.md Two"},
		{sectionStride + 1, "b.md Alpha"},
		{sectionStride + 2, ""},
		{2*sectionStride + 1, ""},
		{-1, ""},
	}
	for _, tt := range tests {
		d, s, ok := findSection(c, tt.value)
		got := ""
		if ok {
			got = d.Name + " " + s.Title
		}
		if got != tt.want {
			t.Errorf("findSection(%d) = %q, want %q", tt.value, got, tt.want)
		}
	}
}
