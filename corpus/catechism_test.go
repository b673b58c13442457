package corpus

import (
	"strings"
	"testing"
)

// TestCatechism makes each numbered question of a catechism the heading
// of its answer, however the answer is set (on the next line, or after
// a blank one) and labelled; the labels are not quoted, and nobody is a
// witness.
func TestCatechism(t *testing.T) {
	text := "THE SHORTER CATECHISM\n\n" +
		"Q. 1. What is the chief end of man?\nA. Man's chief end is to glorify God, and to enjoy him for ever.\n\n" +
		"Q. 2. What rule hath God given to direct us?\nA. The word of God is the only rule to direct us.\n\n" +
		"Question 3. What do the scriptures principally teach?\n\nAnswer: The scriptures principally teach what man is to believe concerning God.\n\n" +
		"Q. 4. What is God?\nA. God is a Spirit, infinite, eternal, and unchangeable.\n"
	d := wantSections(t, "catechism.txt", text, []string{
		"Question 1: What is the chief end of man?", "Question 2: What rule hath God given to direct us?",
		"Question 3: What do the scriptures principally teach?", "Question 4: What is God?",
	})
	for _, s := range d.AllSentences() {
		if s.Speaker != "" || strings.HasPrefix(s.Text, "A.") || strings.HasPrefix(s.Text, "Answer") {
			t.Errorf("got sentence %q by %q, want the answer alone, nobody's", s.Text, s.Speaker)
		}
	}
}

// TestTestimonyIsNoCatechism keeps testimony's questions, which are not
// numbered, the examiner's turns.
func TestTestimonyIsNoCatechism(t *testing.T) {
	var b strings.Builder
	b.WriteString("JOHN T. SCOPES, a witness, being duly sworn, testified as follows:\n\nExamined by Mr. Darrow:\n\n")
	for range minTestimony {
		b.WriteString("Q. Where did you teach in the spring of that year?\nA. At the high school in Dayton.\n\n")
	}
	d := wantSections(t, "trial.txt", b.String(), []string{"Testimony of John T. Scopes"})
	if got := d.Sentence(0).Speaker; got != "Mr. Darrow" {
		t.Errorf("the first question is %q's, want Mr. Darrow's", got)
	}
}
