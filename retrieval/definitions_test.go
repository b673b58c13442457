package retrieval

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// characterNovel is a novel in which Nadia is named in hundreds of short
// sentences, some of which place her in an order ("Nadia was the first
// to…") or have someone call her, and introduced once, in a long
// sentence that says who she is.
func characterNovel(introduction string) string {
	var b strings.Builder
	lines := []string{
		"“Nadia!” cried the boy from the yard.",
		"Nadia was the first to reach the gate that morning.",
		"He called Nadia and asked her to fetch the lantern.",
		"Nadia laughed at the ducks.",
		"“Come in, Nadia,” said her aunt.",
		"Nadia was the only one awake when the cart came.",
	}
	for chapter := 1; chapter <= 40; chapter++ {
		fmt.Fprintf(&b, "CHAPTER %d\n\n", chapter)
		for p := range 4 {
			for k := range lines {
				b.WriteString(lines[(k+p+chapter)%len(lines)] + " ")
			}
			b.WriteString("\n\n")
		}
		if chapter == 20 {
			b.WriteString(introduction + "\n\n")
		}
	}
	return b.String()
}

// TestWhoIsAName answers "Who is Nadia?" with the sentence that says who
// she is, wherever it stands among the many that only name her, and not
// with one that gives her place in an order or has someone call her.
func TestWhoIsAName(t *testing.T) {
	introduction := "Nadia, the miller's youngest daughter, had kept the accounts of the mill since the winter her father fell ill, and knew every farmer along the river by the weight of his sacks."
	d, err := corpus.Parse("novel.txt", []byte(characterNovel(introduction)))
	if err != nil {
		t.Fatal(err)
	}
	ix := docIndex(t, d)
	for _, q := range []string{"Who is Nadia?", "Who was Nadia?"} {
		t.Run(q, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), q, 3)
			if err != nil || len(rs) == 0 {
				t.Fatalf("%v, %d results; want an answer", err, len(rs))
			}
			if got := rs[0].Quote.Text; got != introduction {
				t.Errorf("got %q first, want %q", got, introduction)
			}
		})
	}
}

// castPlay is a scene under its list of persons.
const castPlay = `Persons Represented

DUNCAN, King of Scotland.
MACBETH, General in the King's Army.
BANQUO, General in the King's Army.
FLEANCE, Son to Banquo.

ACT I

SCENE I. A heath.

BANQUO. The earth hath bubbles, as the water has, and these are of them.

MACBETH. Into the air; and what seem'd corporal melted as breath into the wind.

BANQUO. Were such things here as we do speak about? Or have we eaten on the insane root that takes the reason prisoner?

MACBETH. Your children shall be kings.

BANQUO. You shall be king.

FLEANCE. The moon is down; I have not heard the clock.

DUNCAN. There's no art to find the mind's construction in the face.
`

// TestWhoIsAPerson answers "Who is Banquo?" with the play's list of
// persons, not with what Banquo says; a question about what he says
// still gets his words.
func TestWhoIsAPerson(t *testing.T) {
	d, err := corpus.Parse("macbeth.txt", []byte(castPlay))
	if err != nil {
		t.Fatal(err)
	}
	ix := docIndex(t, d)
	tests := []struct{ question, want string }{
		{"Who is Banquo?", "BANQUO, General in the King's Army."},
		{"Who was Fleance?", "FLEANCE, Son to Banquo."},
		{"What does Banquo ask about the insane root?", "Or have we eaten on the insane root that takes the reason prisoner?"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 3)
			if err != nil || len(rs) == 0 {
				t.Fatalf("%v, %d results; want an answer", err, len(rs))
			}
			if got := rs[0].Quote.Text; !strings.Contains(got, tt.want) {
				t.Errorf("got %q first, want %q", got, tt.want)
			}
		})
	}
}

// TestAbbreviationSpelledOut answers what an abbreviation stands for with
// the sentence that spells it out, among the many that only use it.
func TestAbbreviationSpelledOut(t *testing.T) {
	var b strings.Builder
	b.WriteString("CHAPTER 1\n\n")
	for i := range 30 {
		fmt.Fprintf(&b, "Under NEP the markets of district %d reopened, and short queues formed at the NEP shops. ", i+1)
		if i%10 == 9 {
			b.WriteString("\n\n")
		}
	}
	spelled := "In 1921 the party adopted the New Economic Policy (NEP), which allowed small private trade."
	b.WriteString(spelled + "\n\nCHAPTER 2\n\nThe peasants sold grain under NEP for the first time in years.\n")
	d, err := corpus.Parse("history.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	ix := docIndex(t, d)
	for _, q := range []string{"What does NEP stand for?", "What is NEP short for?", "What does the acronym NEP stand for?", "What was NEP an abbreviation of?"} {
		t.Run(q, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), q, 3)
			if err != nil || len(rs) == 0 {
				t.Fatalf("%v, %d results; want an answer", err, len(rs))
			}
			if got := rs[0].Quote.Text; !strings.Contains(got, spelled) {
				t.Errorf("got %q first, want %q", got, spelled)
			}
		})
	}
}

// TestTermDefinedByItsHead answers a definition question whose term is
// several words with the sentence defining the term's last word, the one
// the question's rarest word stands before: "the read timeout is the
// number of seconds…" for "What is the read timeout?".
func TestTermDefinedByItsHead(t *testing.T) {
	r, a := standalone(t, "Timeouts\n\n"+
		"Requests do not time out unless a timeout is set. "+
		"The timeout value will be applied to both the connect and the read timeouts. "+
		"Neither the connect nor the read timeouts are wall clock. "+
		"Once your client has sent the request, the read timeout is the number of seconds the client will wait for the server to send a response. "+
		"A connect timeout of three seconds is a good practice.\n")
	checkRankedFirst(t, r, a, []firstQuote{
		{"What is the read timeout?", "the read timeout is the number of seconds"},
		{"What is the read timeout of a request?", "the read timeout is the number of seconds"},
	})
}

// TestNamedTermAnswered: a question asking what something is called is
// answered by the sentence that gives its name, not by one that shares
// the naming verb's word ("call letters").
func TestNamedTermAnswered(t *testing.T) {
	r, a := standalone(t, "The Merger\n\n"+
		"In 1953 UPT bought ABC for twenty-five million dollars in shares.\n\n"+
		"The merged company called a meeting of the shareholders of the merged company in the spring. "+
		"The merged company, renamed American Broadcasting-Paramount Theatres, owned six radio stations and five television stations. "+
		"The company kept its offices in the Paramount Building.\n")
	checkRankedFirst(t, r, a, []firstQuote{
		{"What was the merged company called?", "renamed American Broadcasting-Paramount Theatres"},
		{"After the merger, what was the merged company called?", "renamed American Broadcasting-Paramount Theatres"},
	})
}

// TestAbbreviationTyped: an abbreviation a reader types that the text
// never writes is asked as the name it stands for, where a name of the
// text has its letters for initials ("NEP" of a text that writes only
// "New Economic Policy"); one the text writes is asked as written.
func TestAbbreviationTyped(t *testing.T) {
	spelled := "The transition led from War Communism to the relaxation under Lenin’s New Economic Policy, in effect conceding to the demands of the sailors."
	ix := parsedIndex(t, "history.txt", "CHAPTER 1\n\n"+strings.Repeat("The policy of the party changed in the spring, and the economy recovered slowly. ", 6)+
		spelled+"\n\nThe GPU arrested the sailors, and the party kept its economic policy.\n")
	tests := []struct{ question, want string }{
		{"What was the NEP?", spelled},
		{"NEP?", spelled},
		{"what was nep", spelled},
		{"What did the GPU do?", "The GPU arrested the sailors"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := firstResult(t, ix, tt.question)
			if !strings.Contains(r.Quote.Text, tt.want) {
				t.Errorf("got %q first, want %q in it", r.Quote.Text, tt.want)
			}
		})
	}
}

func TestCountInitials(t *testing.T) {
	counts := map[string]map[string]int{}
	countInitials(counts, strings.Fields("Lenin’s New Economic Policy"))
	countInitials(counts, strings.Fields("the Bank of England"))
	tests := []struct{ abbr, name string }{
		{"NEP", "New Economic Policy"},
		{"LNEP", "Lenin’s New Economic Policy"},
		{"NE", "New Economic"},
		{"BE", "Bank of England"},
	}
	for _, tt := range tests {
		if counts[tt.abbr][tt.name] != 1 {
			t.Errorf("counts[%q] = %v, want %q once", tt.abbr, counts[tt.abbr], tt.name)
		}
	}
	if got := counts["TB"]; got != nil {
		t.Errorf("counts[TB] = %v, want none: a name opens with a capital", got)
	}
}
