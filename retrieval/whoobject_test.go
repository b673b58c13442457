package retrieval

import (
	"strings"
	"testing"
)

// whoPlay is a scene in which Macbeth is told he will be king, and says
// "king" himself.
const whoPlay = `ACT I

SCENE I. A heath.

FIRST WITCH. All hail, Macbeth, that shalt be king hereafter!

BANQUO. Good sir, why do you start, and seem to fear things that do sound so fair?

MACBETH. Stay, you imperfect speakers, tell me more: to be king stands not within the prospect of belief.

FIRST WITCH. Banquo and Macbeth, all hail!

BANQUO. The earth hath bubbles, as the water has, and these are of them.

MACBETH. Into the air; and what seem'd corporal melted as breath into the wind.

BANQUO. Were such things here as we do speak about?

MACBETH. Your children shall be kings.

BANQUO. You shall be king.

MACBETH. And thane of Cawdor too: went it not so?

SCENE II. A castle.

DUNCAN. Is execution done on Cawdor?

MALCOLM. My liege, they are not yet come back.

DUNCAN. There's no art to find the mind's construction in the face.

MACBETH. The service and the loyalty I owe, in doing it, pays itself.

DUNCAN. Welcome hither: I have begun to plant thee.

MACBETH. The rest is labour, which is not used for you.
`

// TestWhoQuestionObjects answers "Who told Macbeth…?" with what was told
// him, not with what Macbeth says: the name after a "who" question's
// verb is who it was done to, not who speaks the answer.
func TestWhoQuestionObjects(t *testing.T) {
	ix := parsedIndex(t, "macbeth.txt", whoPlay)
	checkFirstQuotesBegin(t, ix, []firstQuote{
		{"Who told Macbeth he would be king?", "All hail, Macbeth, that shalt be king"},
	})
}

func TestWhoObject(t *testing.T) {
	for _, tc := range []struct{ question, want string }{
		{"Who killed Duncan?", "Duncan"},
		{"Who told Lady Macbeth the news?", "Lady Macbeth"},
		{"Who did Macbeth kill?", ""},
		{"Who was Banquo?", ""},
		{"What did Macbeth say?", ""},
	} {
		lo, hi := whoObject(tc.question)
		if got := strings.TrimSpace(tc.question[lo:hi]); got != tc.want {
			t.Errorf("whoObject(%q) = %q, want %q", tc.question, got, tc.want)
		}
	}
}
