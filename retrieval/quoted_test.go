package retrieval

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestQuotedPhrases(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`Who said "Is this a dagger which I see before me"?`, []string{"Is this a dagger which I see before me"}},
		{"What does she mean by “screw your courage to the sticking-place”?", []string{"screw your courage to the sticking-place"}},
		{"Who says 'out, damned spot'?", []string{"out, damned spot"}},
		{`Who sponsored the "Crash the Super Bowl" contest?`, nil},
		{`Who designed the "50"?`, nil},
		{"Why didn't he go where the miller's 'wheel' was?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := quotedPhrases(cleanQuery(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("quotedPhrases = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAskQuoted: a question quoting the text is answered first by the
// sentence it quotes, though other sentences hold more of its words; a
// misquotation is answered as any other question. Text that reads as no
// question, long enough to be a quotation, is looked up as one.
func TestAskQuoted(t *testing.T) {
	ix := parsedIndex(t, "play.txt", `I see the dagger: the dagger I see before me is the old king's dagger.

Is this a dagger which I see before me, the handle toward my hand?

The servant saw the dagger and the wall and the hall.
`)
	tests := []struct {
		question, want string // "" for the answer ranking alone gives
	}{
		{`Who said "Is this a dagger which I see before me"?`, "Is this a dagger"},
		{"What does “is this a dagger which I see” mean?", "Is this a dagger"},
		{`Who said "is this a dagger I see before me"?`, ""},
		// Pasted whole, reading as no question: the sentence it quotes,
		// word for word or all but one.
		{"a dagger which I see before me, the handle toward my hand", "Is this a dagger"},
		{"a dagger I see before me, the handle toward my hand", "Is this a dagger"},
		{"a dagger which I see before me, the handle to my hand", "Is this a dagger"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 2)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want == "" {
				plain, err := ix.Ask(context.Background(), strings.ReplaceAll(tt.question, `"`, ""), 1)
				if err != nil || len(plain) == 0 {
					t.Fatalf("unquoted: %v, %v", plain, err)
				}
				want = plain[0].Quote.Text
			}
			if len(rs) == 0 || !strings.HasPrefix(rs[0].Quote.Text, want) || rs[0].Rank != 1 {
				t.Fatalf("results %+v, want the first beginning %q", rs, want)
			}
		})
	}
}

func TestQuotedWithin(t *testing.T) {
	tests := []struct{ text, want string }{
		{`"peace of shame" who said it?`, "peace of shame"},
		{`Lenin: “thrust on us by war and ruin”`, "thrust on us by war and ruin"},
		{`"peace of shame"`, `"peace of shame"`},
		{`peace of shame`, `peace of shame`},
		{`Who said "Children in Need"?`, `Who said "Children in Need"?`}, // a title
		{`dubbed “War Communism,” was described by Lenin as “thrust on us by war and ruin.”`, `dubbed “War Communism,” was described by Lenin as “thrust on us by war and ruin.”`},
		{`"peace of shame" and "the mad inspiration of history"`, `"peace of shame" and "the mad inspiration of history"`},
	}
	checkRewrites(t, "quotedWithin", quotedWithin, tests)
}
