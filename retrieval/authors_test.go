package retrieval

import (
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

func TestAuthorStems(t *testing.T) {
	stem := englishAnalyzer(t)
	tests := []struct {
		author    string
		want, not []string
	}{
		{"Frederick Douglass", []string{"frederick", "douglass"}, nil},
		{"Alexander Hamilton, John Jay, and James Madison", []string{"hamilton", "jai", "madison"}, []string{"and"}},
		{"Suzi Weissman, interviewed by Dan La Botz for New Politics", []string{"weissman"}, []string{"botz", "polit"}},
		{"Anonymous", nil, []string{"anonym"}},
		{"Mr. Pooter & Dr. Watson", []string{"pooter", "watson"}, []string{"mr", "dr"}},
	}
	for _, tt := range tests {
		t.Run(tt.author, func(t *testing.T) {
			c := &corpus.Corpus{Documents: []*corpus.Document{{Author: tt.author}}}
			got := authorStems(stem, c)[0]
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("stems %q, want %q among them", got, w)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("stems %q, want no %q", got, n)
				}
			}
		})
	}
}

// TestAuthorNamedInQuestion: a question naming the author of a
// first-person text is answered by the author's sentence, not by the
// editor's sentence that prints the name.
func TestAuthorNamedInQuestion(t *testing.T) {
	doc, err := corpus.Parse("narrative.txt", []byte("Preface\n\n"+
		"The publishers print this account of the life of Mr. Douglass as he wrote it in Baltimore. "+
		"Its facts were checked by his friends.\n\n"+
		"Chapter I\n\n"+
		"My master sent for me, and I left Baltimore in the spring. "+
		"The city had been kind to me. "+
		"I have no accurate knowledge of my age.\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc.Author = "Frederick Douglass"
	r, a := standaloneDoc(t, doc)
	rs := rankEvery(r, a, "When did Douglass leave Baltimore?")
	if len(rs) != 1 || !strings.Contains(rs[0].Quote.Text, "I left Baltimore") {
		t.Errorf("first quote %+v, want the sentence that says when he left", rs)
	}
}

// TestAuthorConcepts: only a word written as a name, and rare in the
// text (or in all of it but its front, where an introduction names the
// author), is taken for its author.
func TestAuthorConcepts(t *testing.T) {
	raft := "Chapter I\n\nWe floated down the river on the raft at night. The raft was long and flat. " +
		"The river was wide and slow. We slept on the raft by day. It left a mark. Mr. Twain wrote it down.\n"
	london := "Chapter I\n\nLondon was grey. The docks of London were crowded. London never slept. " +
		"Men slept in London parks. The poor of London starved. So Jack wrote.\n"
	introduced := "Introduction\n\nMill wrote the essay in 1859. Mill thought that fashion deserved a chapter. Mill sat in Parliament.\n\n" +
		"Chapter I\n\nEvery one must dress like other people. But the fashion may change once or twice a year. Custom rules the rest. " +
		"We have discarded the costumes of our forefathers. The young dress as the old once did. Nobody asks why. " +
		"Society likes its habits. The tailors know this well. The fashion makes the man.\n"
	tests := []struct {
		name, author, text, question string
		want                         []string
	}{
		{"named author", "Mark Twain", raft, "What did Twain say about the raft?", []string{"twain"}},
		{"the name is an introduction's", "John Stuart Mill", introduced, "Why does fashion change, according to Mill?", []string{"mill"}},
		{"a word that is not a name", "Mark Twain", raft, "What mark did the raft leave?", nil},
		{"the name is what the text is about", "Jack London", london, "What did Jack say about London?", []string{"jack"}},
		{"no author", "", raft, "What did Twain say about the raft?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := corpus.Parse("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			doc.Author = tt.author
			r, a := standaloneDoc(t, doc)
			q := a.question(cleanQuery(tt.question))
			var got []string
			for _, i := range r.authorConcepts(&q, 0) {
				got = append(got, q.concepts[i].stem)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("author concepts %q, want %q", got, tt.want)
			}
		})
	}
}
