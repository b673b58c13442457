package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestTimedTranscript reads a transcript whose lines open with their
// times ("[00:00:26] OKAFOR: …") as a dialogue of its speakers, each line
// cited by when it is spoken.
func TestTimedTranscript(t *testing.T) {
	text := "The Kettle Hour, episode 12\n\n" +
		"[00:00:05] HOST: Welcome back. Today my guest is Dr. Ruth Okafor, who studies heat.\n" +
		"[00:00:14] OKAFOR: Thanks for having me. I've wanted to talk about teapots for years.\n" +
		"[00:00:21] HOST: So why does tea go cold so fast in a metal pot?\n" +
		"[00:00:26] OKAFOR: Metal conducts heat well, so the pot carries heat away from the tea.\n" +
		"[00:00:40] HOST: And the cosy? Does a tea cosy really work?\n" +
		"[00:00:45] OKAFOR: It does. The cosy traps a layer of still air.\n" +
		"[00:01:02] HOST: Forty minutes! What about warming the pot first?\n" +
		"[00:01:08] OKAFOR: Warming the pot matters less than people think. It saves perhaps two degrees.\n" +
		"[00:01:15] HOST: Dr. Okafor, thank you.\n"
	d, err := Parse("episode.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, speaker string
		at            time.Duration
	}{
		{"Welcome back.", "Host", 5 * time.Second},
		{"Metal conducts heat well, so the pot carries heat away from the tea.", "Okafor", 26 * time.Second},
		{"The cosy traps a layer of still air.", "Okafor", 45 * time.Second},
	} {
		found := false
		for _, s := range d.AllSentences() {
			if s.Text != tc.text {
				continue
			}
			found = true
			if s.Speaker != tc.speaker {
				t.Errorf("%q: got speaker %q, want %q", s.Text, s.Speaker, tc.speaker)
			}
			if at, ok := d.TimeOfLine(s.Lines.Start); !ok || at != tc.at {
				t.Errorf("%q: got time %v (%v), want %v", s.Text, at, ok, tc.at)
			}
		}
		if !found {
			t.Errorf("no sentence %q", tc.text)
		}
	}
}

// TestVideoTranscript reads a video's transcript copied as text, a time
// alone over each caption: the times are cues, not text, and automatic
// captions without full stops are read three cues to a sentence rather
// than as one sentence the length of the video.
func TestVideoTranscript(t *testing.T) {
	var b strings.Builder
	for k, line := range []string{"welcome back everyone today we're going", "to talk about why tea goes cold so fast",
		"in a metal pot the short answer is that", "metal conducts heat really well so the", "pot carries the heat away from the tea",
		"and gives it to the air around it a clay"} {
		fmt.Fprintf(&b, "0:%02d\n%s\n", 3*k, line)
	}
	d, err := Parse("lecture.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"welcome back everyone today we're going to talk about why tea goes cold so fast in a metal pot the short answer is that",
		"metal conducts heat really well so the pot carries the heat away from the tea and gives it to the air around it a clay",
	}
	if got := textsOf(d); !slices.Equal(got, want) {
		t.Errorf("got sentences %q, want %q", got, want)
	}
	if at, ok := d.TimeOfLine(d.Sentence(1).Lines.Start); !ok || at != 9*time.Second {
		t.Errorf("the second sentence is spoken at %v (%v), want 9s", at, ok)
	}
}
