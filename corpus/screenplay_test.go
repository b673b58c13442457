package corpus

import (
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// screenplayIndented is a screenplay as scripts are shared in plain
// text: cues centred over indented speeches.
const screenplayIndented = `                              THE LAST TRAIN

          FADE IN:

          EXT. RAILWAY STATION - NIGHT

          Rain hammers the platform. MARGARET HALE (40s) waits
          under a broken lamp.

                              MARGARET
                    He said the last train left at
                    midnight.

                              PORTER (O.S.)
                    Last train's gone, miss.

          Margaret turns. The PORTER limps toward her.

                              PORTER
                         (beat)
                    There's a room above the signal box.

                                                    CUT TO:

          INT. SIGNAL BOX - LATER

          MRS. HIGGINS pours tea.

                              MRS. HIGGINS
                    You'll be the one who writes
                    letters to the mill owners.

                              MARGARET (CONT'D)
                    How do you know that?
`

// screenplayFountain is the same screenplay as a Fountain file, with
// its title page.
const screenplayFountain = `Title: The Last Train
Author: Jane Doe

EXT. RAILWAY STATION - NIGHT

Rain hammers the platform. MARGARET HALE (40s) waits under a broken lamp.

MARGARET
He said the last train left at midnight.

PORTER (O.S.)
Last train's gone, miss.

Margaret turns. The PORTER limps toward her.

PORTER
(beat)
There's a room above the signal box.

CUT TO:

INT. SIGNAL BOX - LATER

MRS. HIGGINS pours tea.

MRS. HIGGINS
You'll be the one who writes letters to the mill owners.

MARGARET (CONT'D)
How do you know that?
`

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
		{"script.txt", []byte(screenplayIndented)},
		{"script.fountain", []byte(screenplayFountain)},
		{"script.pdf", testformats.TypedPDF("The Last Train", screenplayIndented)},
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
