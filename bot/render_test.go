package bot

import (
	"github.com/lectern-bot/lectern/corpus"

	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestEscapeMarkdown(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"*bold* and _it_ and `code` and ||spoiler|| and ~~strike~~", `\*bold\* and \_it\_ and \` + "`" + `code\` + "`" + ` and \|\|spoiler\|\| and \~\~strike\~\~`},
		{"[a masked link](https://example.org)", `\[a masked link\](https://example.org)`},
		{"# A heading", `\# A heading`},
		{"-# small print", `\-# small print`},
		{"- a list item", `\- a list item`},
		{"+ another", `\+ another`},
		{"1. numbered", `1\. numbered`},
		{"> a quote", `\> a quote`},
		{"<@123> and <t:0:R>", `\<@123\> and \<t:0:R\>`},
		{"line one\n# line two", "line one\n\\# line two"},
		{"a - dash mid-line and 1984. fine", "a - dash mid-line and 1984. fine"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escapeMarkdown(tt.in); got != tt.want {
				t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestClipMarkdown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		n    int
	}{
		{"open bold", "**" + strings.Repeat("word ", 100) + "**", 50},
		{"trailing escape", strings.Repeat(`a\*`, 100), 51},
		{"short", "short", 50},
		{"inside a code block", "To install, run:\n" + codeBlock(strings.Repeat("go install x\n", 30)), 80},
		{"bold in code", codeBlock("f(**kwargs)\n" + strings.Repeat("pass\n", 30)), 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clipMarkdown(tt.in, tt.n)
			if n := len([]rune(got)); n > tt.n {
				t.Errorf("%d characters, want at most %d", n, tt.n)
			}
			if strings.Count(outsideCode(got), "**")%2 != 0 {
				t.Errorf("unbalanced bold: %q", got)
			}
			if strings.Count(got, fence)%2 != 0 {
				t.Errorf("unclosed code block: %q", got)
			}
			if strings.HasSuffix(strings.TrimSuffix(got, "…"), `\`) && !strings.HasSuffix(strings.TrimSuffix(got, "…"), `\\`) {
				t.Errorf("dangling escape: %q", got)
			}
		})
	}
}

func TestActionsRoundTrip(t *testing.T) {
	t.Parallel()
	owner := "123456789012345678"
	tests := []action{
		{verb: "go", view: view{kind: viewAnswers, search: kindAsk, a: 2}, owner: owner},
		{verb: "go", view: view{kind: viewSection, doc: 11, a: 1234, b: 7}, owner: owner},
		{verb: "go", view: view{kind: viewRead, doc: 3, a: 99999, b: 100010}, owner: owner},
		{verb: "go", view: view{kind: viewRead, doc: 3, a: 99999, b: 100010, tag: docTag("War and Peace.txt")}, owner: owner},
		{verb: "go", view: view{kind: viewPage, doc: 0, a: 11, b: 1}, owner: owner},
		{verb: "ctx", view: view{kind: viewAnswers, search: kindQuote, a: 0}},
		{verb: "pub", view: view{kind: viewContext, search: kindAsk, a: 1}, rid: 42},
		{verb: "pub", view: view{kind: viewLines, doc: 2, a: 351, b: 356}},
		{verb: "del", owner: owner},
		{verb: "up", rid: 7},
		{verb: "down", rid: 8},
	}
	for _, want := range tests {
		id := want.id()
		t.Run(id, func(t *testing.T) {
			if len(id) > 100 {
				t.Errorf("custom_id of %d characters", len(id))
			}
			got, ok := parseAction(id)
			if !ok || got != want {
				t.Errorf("parseAction(%q) = %+v, %v; want %+v", id, got, ok, want)
			}
		})
	}
	for _, bad := range []string{"", "lectern:", "lectern:go", "lectern:go:a.x.1:1", "lectern:go:a.a.-1:1", "lectern:go:s.1.2:1", "lectern:go:a.a.1:notanid",
		"lectern:up:0", "lectern:up:x", "lectern:del:", "lectern:ctx:s.0.1.1", "other:go:a.a.1:1", "lectern:pub:a.a.1",
		"lectern:go:l.0.1.2.TOOLONG:1", "lectern:go:l.0.1.2.AB-C:1"} {
		if a, ok := parseAction(bad); ok {
			t.Errorf("parseAction(%q) = %+v, want it refused", bad, a)
		}
	}
}

func TestOptionValues(t *testing.T) {
	t.Parallel()
	opts := optionsOf([]*discordgo.ApplicationCommandInteractionDataOption{
		{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: nil}, // null
		{Name: "page", Type: discordgo.ApplicationCommandOptionInteger, Value: float64(1100001)},
		{Name: "private", Type: discordgo.ApplicationCommandOptionBoolean, Value: "yes"},   // wrong type
		{Name: "text", Type: discordgo.ApplicationCommandOptionInteger, Value: float64(3)}, // a string option sent as a number
		nil,
	})
	if got := opts.string("question"); got != "" {
		t.Errorf("a null question reads %q, want empty", got)
	}
	if got, ok := opts.integer("page"); !ok || got != 1100001 {
		t.Errorf("page reads %d, %v; want 1100001", got, ok)
	}
	if opts.boolean("private") {
		t.Error(`private:"yes" reads as true`)
	}
	if got := opts.string("text"); got != "" {
		t.Errorf("an integer read as a string gives %q", got)
	}
	if got := opts.string("missing"); got != "" {
		t.Errorf("a missing option reads %q", got)
	}
}

// TestFindDocAfterTextsMoved checks that a button finds its text when
// texts added or removed since have moved it, and says so when it is gone.
func TestFindDocAfterTextsMoved(t *testing.T) {
	t.Parallel()
	docs := func(names ...string) *corpus.Corpus {
		c := &corpus.Corpus{}
		for _, n := range names {
			c.Documents = append(c.Documents, &corpus.Document{Name: n})
		}
		return c
	}
	made := view{kind: viewLines, doc: 1, a: 10, b: 12, tag: docTag("mill.txt")}
	tests := []struct {
		name    string
		c       *corpus.Corpus
		v       view
		wantDoc int
		wantOK  bool
	}{
		{"unchanged", docs("interview.txt", "mill.txt"), made, 1, true},
		{"a text added before it", docs("abbey.txt", "interview.txt", "mill.txt"), made, 2, true},
		{"removed", docs("interview.txt", "zoo.txt"), made, 0, false},
		{"a button from before tags", docs("interview.txt", "mill.txt"), view{kind: viewLines, doc: 1}, 1, true},
		{"before tags, past the end", docs("interview.txt"), view{kind: viewLines, doc: 1}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := findDoc(tt.c, tt.v)
			if ok != tt.wantOK || ok && got.doc != tt.wantDoc {
				t.Errorf("findDoc = doc %d, %v; want doc %d, %v", got.doc, ok, tt.wantDoc, tt.wantOK)
			}
		})
	}
}
