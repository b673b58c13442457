package retrieval

import (
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// TestTitleNamesItsSubject: a name a section's title gives is held by
// every sentence under it, so the sentence that says "the tower" answers
// a question naming the light before one that prints the name in passing.
func TestTitleNamesItsSubject(t *testing.T) {
	doc, err := corpus.Parse("lights.md", []byte("# Scottish lights\n\n## Skerryvore\n\n"+
		"The tower was built between 1838 and 1844 on a reef twelve miles out. "+
		"Its light can be seen for eighteen miles.\n\n"+
		"## Ardnamurchan\n\n"+
		"The lighthouse on the point was built in 1849, five years after Skerryvore. "+
		"It stands on the most westerly point of the mainland.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, a := standaloneDoc(t, doc)
	checkRankedFirst(t, r, a, []firstQuote{
		{"When was Skerryvore built?", "between 1838 and 1844"},
		{"When was the lighthouse on Ardnamurchan built?", "in 1849"},
		{"How far out is the reef of Skerryvore?", "twelve miles out"},
	})
}

func TestNameCalledByItsLastWord(t *testing.T) {
	r, a := standalone(t, "Stadiums\n\n"+
		"In 2012 the league named two finalists, Sun Life Stadium and Levi's Stadium. "+
		"In May 2013 the owners met in Boston and voted for Santa Clara. "+
		"The new stadium opened in 2014 beside the old fairground.\n\n"+
		"The Sun Life company sold its naming rights in 2016.\n")
	checkRankedFirst(t, r, a, []firstQuote{
		{"When did Levi's Stadium open?", "opened in 2014"},
		{"When did Sun Life sell its naming rights?", "sold its naming rights"},
	})
}

func TestAbbreviationStandsForName(t *testing.T) {
	r, a := standalone(t, "Sports\n\n"+
		"The National Football League (NFL) decides the champion of each season in a final game.\n\n"+
		"The NFL was founded in 1920 in Canton.\n\n"+
		"Many a football league was founded in the 1920s and folded within a year.\n")
	checkRankedFirst(t, r, a, []firstQuote{
		{"When was the National Football League founded?", "in 1920 in Canton"},
		{"What does the NFL decide?", "decides the champion"},
	})
}
