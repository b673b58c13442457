package retrieval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// TestSubtitlesCitedByTime checks that subtitles are cited by when their
// words are spoken, as well as by lines, and that a time, or two, names
// the lines of the cues spoken then.
func TestSubtitlesCitedByTime(t *testing.T) {
	srt := "1\n00:00:01,000 --> 00:00:04,000\nWelcome to the lecture on rivers.\n\n" +
		"2\n00:01:15,500 --> 00:01:19,000\nThe Nile is the longest river in Africa.\n\n" +
		"3\n01:02:03,000 --> 01:02:09,000\nThe Amazon carries more water\nthan any other river.\n"
	d, err := corpus.Parse("lecture.srt", []byte(srt))
	if err != nil {
		t.Fatal(err)
	}
	cites := map[string]string{}
	for i := range d.SentenceCount() {
		cites[d.Sentence(i).Text] = Cite(d, i, i+1).Location.String()
	}
	for text, want := range map[string]string{
		"Welcome to the lecture on rivers.":                   "0:01 · line 3",
		"The Nile is the longest river in Africa.":            "1:15 · line 7",
		"The Amazon carries more water than any other river.": "1:02:03 · lines 11–12",
	} {
		if got := cites[text]; got != want {
			t.Errorf("%q cited %q, want %q", text, got, want)
		}
	}
	tests := []struct {
		citation string
		want     corpus.Span
	}{
		{"1:15", corpus.Span{Start: 7, End: 7}},
		{"1:17", corpus.Span{Start: 7, End: 7}},
		{"0:00-1:16", corpus.Span{Start: 3, End: 7}},
		{"1:02:05", corpus.Span{Start: 11, End: 12}},
		{"7", corpus.Span{Start: 7, End: 7}},
	}
	for _, tt := range tests {
		t.Run(tt.citation, func(t *testing.T) {
			got, err := Resolve(d, tt.citation)
			if err != nil || got != tt.want {
				t.Errorf("Resolve(%q) = %v, %v; want %v", tt.citation, got, err, tt.want)
			}
		})
	}
}

// TestLongSentenceQuotedWithinLines checks that a sentence spoken over
// many cues of subtitles (or a long sentence of verse) is quoted by the
// lines around its matches, fewer than a quote may span, not whole.
func TestLongSentenceQuotedWithinLines(t *testing.T) {
	words := strings.Fields("The river carried the boats past the old mill and under the stone bridge where the children waited with their nets and lanterns until the evening came down over the valley and the water turned dark and slow.")
	var srt strings.Builder
	for k := 0; k*5 < len(words); k++ {
		fmt.Fprintf(&srt, "%d\n00:00:%02d,000 --> 00:00:%02d,500\n%s\n\n", k+1, 2*k, 2*k+1, strings.Join(words[k*5:min(len(words), k*5+5)], " "))
	}
	q := firstResult(t, parsedIndex(t, "river.srt", srt.String()), "Where did the children wait with their nets?").Quote
	if !q.Counts() || !strings.Contains(q.Text, "children waited with their nets") {
		t.Errorf("got %q on lines %v, want the words around the matches on fewer than %d lines", q.Text, q.Span, maxQuoteLines)
	}
}

// TestLongSentenceQuotedByItsRarestWords: of a long sentence of verse
// that names its subject at its start and its end, the part quoted is
// the one holding what the question asks of the subject, which the
// sentence says once ("And I broke off a twig…"), not the end holding
// the subject's name again.
func TestLongSentenceQuotedByItsRarestWords(t *testing.T) {
	const poem = "I Saw in Louisiana a Live-Oak Growing\n\n" +
		"  I saw in Louisiana a live-oak growing,\n" +
		"  All alone stood it and the moss hung down from the branches,\n" +
		"  Without any companion it grew there uttering joyous leaves of dark green,\n" +
		"  And its look, rude, unbending, lusty, made me think of myself,\n" +
		"  But I wonder'd how it could utter joyous leaves standing alone there\n" +
		"      without its friend near, for I knew I could not,\n" +
		"  And I broke off a twig with a certain number of leaves upon it and\n" +
		"      twined around it a little moss,\n" +
		"  And brought it away, and I have placed it in sight in my room,\n" +
		"  It is not needed to remind me as of my own dear friends,\n" +
		"  Yet it remains to me a curious token, it makes me think of manly love;\n" +
		"  For all that, and though the live-oak glistens there in Louisiana\n" +
		"      solitary in a wide flat space,\n" +
		"  Uttering joyous leaves all its life without a friend a lover near,\n" +
		"  I know very well I could not.\n"
	if q := firstResult(t, parsedIndex(t, "poems.txt", poem), "What did he break off from the live-oak?").Quote; !q.Counts() || !strings.Contains(q.Text, "broke off a twig") {
		t.Errorf("got %q on lines %v, want the part that says what was broken off", q.Text, q.Span)
	}
}
