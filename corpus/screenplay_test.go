package corpus

import (
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// scriptPart is a part of a screenplay: a scene heading, action, a cue,
// a parenthetical, dialogue or a transition.
type scriptPart struct{ kind, text string }

// theLastTrain is a screenplay's opening, laid out by screenplay (as
// scripts are shared in plain text) or fountain.
var theLastTrain = []scriptPart{
	{"transition", "FADE IN:"},
	{"scene", "EXT. RAILWAY STATION - NIGHT"},
	{"action", "Rain hammers the platform. MARGARET HALE (40s) waits under a broken lamp."},
	{"cue", "MARGARET"}, {"dialogue", "He said the last train left at midnight."},
	{"cue", "PORTER (O.S.)"}, {"dialogue", "Last train's gone, miss."},
	{"action", "Margaret turns. The PORTER limps toward her."},
	{"cue", "PORTER"}, {"parenthetical", "(beat)"}, {"dialogue", "There's a room above the signal box."},
	{"transition", "CUT TO:"},
	{"scene", "INT. SIGNAL BOX - LATER"},
	{"action", "MRS. HIGGINS pours tea."},
	{"cue", "MRS. HIGGINS"}, {"dialogue", "You'll be the one who writes letters to the mill owners."},
	{"cue", "MARGARET (CONT'D)"}, {"dialogue", "How do you know that?"},
}

// screenplay lays a script out as screenwriting programs print it: cues
// centred over indented speeches, a blank line between paragraphs.
func screenplay(title string, parts []scriptPart) string {
	indent := map[string]string{"scene": "          ", "action": "          ", "cue": "                              ",
		"parenthetical": "                         ", "dialogue": "                    ", "transition": "                                                    "}
	var b strings.Builder
	b.WriteString("                              " + strings.ToUpper(title) + "\n")
	for k, part := range parts {
		if k == 0 || part.kind != "parenthetical" && part.kind != "dialogue" {
			b.WriteString("\n")
		}
		b.WriteString(indent[part.kind] + part.text + "\n")
	}
	return b.String()
}

// fountain writes a script as a Fountain file, with its title page.
func fountain(title, author string, parts []scriptPart) string {
	var b strings.Builder
	b.WriteString("Title: " + title + "\nAuthor: " + author + "\n")
	for _, part := range parts {
		if part.kind != "parenthetical" && part.kind != "dialogue" {
			b.WriteString("\n")
		}
		b.WriteString(part.text + "\n")
	}
	return b.String()
}

// TestScreenplays reads a screenplay's scenes as sections and its cues
// as speakers, in the layouts scripts are shared in (a PDF set as
// screenwriting programs set them too); how a line is
// said, the transitions and the cues themselves are not quoted, and
// action is no one's speech.
func TestScreenplays(t *testing.T) {
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"script.txt", []byte(screenplay("The Last Train", theLastTrain))},
		{"script.fountain", []byte(fountain("The Last Train", "Jane Doe", theLastTrain))},
		{"script.pdf", testformats.TypedPDF("The Last Train", screenplay("The Last Train", theLastTrain))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parseWith(pdf, tc.name, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"EXT. RAILWAY STATION - NIGHT", "INT. SIGNAL BOX - LATER"}
			if got := sectionTitles(d); !slices.Equal(got, want) {
				t.Errorf("got sections %q, want %q", got, want)
			}
			if d.Title != "The Last Train" && d.Title != "THE LAST TRAIN" {
				t.Errorf("got title %q, want The Last Train", d.Title)
			}
			speakers := map[string]string{
				"He said the last train left at midnight.":                 "Margaret",
				"Last train's gone, miss.":                                 "Porter",
				"There's a room above the signal box.":                     "Porter",
				"You'll be the one who writes letters to the mill owners.": "Mrs. Higgins",
				"How do you know that?":                                    "Margaret",
				"Margaret turns.":                                          "",
				"MRS. HIGGINS pours tea.":                                  "",
			}
			for _, s := range d.AllSentences() {
				if strings.Contains(s.Text, "beat") || strings.Contains(s.Text, "CUT TO") || strings.Contains(s.Text, "FADE") || strings.HasPrefix(s.Text, "MARGARET He") || strings.HasPrefix(s.Text, "PORTER") {
					t.Errorf("got sentence %q, want cues, how lines are said and transitions left out", s.Text)
				}
				if speaker, ok := speakers[s.Text]; ok {
					if s.Speaker != speaker {
						t.Errorf("%q: got speaker %q, want %q", s.Text, s.Speaker, speaker)
					}
					delete(speakers, s.Text)
				}
			}
			for s := range speakers {
				t.Errorf("no sentence %q", s)
			}
		})
	}
}
