package retrieval

import (
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// tripText names places after "in", "from", "near" and "above", a person
// after "to" and "in … ’s", a month and a language, and years and a
// height.
var tripText = "The Trip\n\n" + strings.Repeat(
	"We rowed from Kingston to Hampton Court in 1889, and Harris said to George that in Hampton Court the maze was easy. "+
		"George spoke to Harris in Harris’s boat, and in March we talked in German of Tierra del Fuego. "+
		"Harris laughed, and George laughed at Harris, and we slept in Kingston near Hampton Court. "+
		"The hill rose 2000 feet above Kingston in 1888, and in 1889 again.\n\n", 3)

// TestNoteOfSetting: "Where does the story take place?" is answered by
// the places a text names most after "in", "at", "from" and the like,
// no person ("to Harris", "in Harris’s boat"), month or language among
// them, and "above Kingston" not counted; "When is the novel set?" by
// the years it names most, no count ("2000 feet") among them. Of a
// library, the question names the text by its title.
func TestNoteOfSetting(t *testing.T) {
	story := parsedIndex(t, "trip.txt", tripText)
	places := "The places “trip” names most (Lectern counts the names written after “in”, “at”, “from” and the like): Hampton Court (9 times), Kingston (6)."
	years := "The years “trip” names most: 1889 (6 times), 1888 (3)."
	wantNotes(t, story, []noteCase{
		{"Where does the story take place?", places},
		{"Where is the novel set?", places},
		{"What is the setting?", places},
		{"what places does it mention", places},
		{"When does the story take place?", years},
		{"In what year is it set?", years},
		{"Where is Kingston?", ""},
		{"When did Harris laugh?", ""},
		{"Where did the maze take place?", ""},
	})
	quiet := parsedIndex(t, "essay.txt", "Essay\n\nThe mind is a garden, and thought grows in it.\n")
	wantNotes(t, quiet, []noteCase{
		{"Where does it take place?", "“essay” names no place often enough for Lectern to say where it is set."},
		{"When is the essay set?", "“essay” names no year often enough for Lectern to say when it is set."},
	})
	trip, err := corpus.Parse("trip.txt", []byte(tripText))
	if err != nil {
		t.Fatal(err)
	}
	essay, err := corpus.Parse("essay.txt", []byte("Essay\n\nThe mind is a garden.\n"))
	if err != nil {
		t.Fatal(err)
	}
	wantNotes(t, docIndex(t, trip, essay), []noteCase{
		{"Where is Trip set?", places},
		{"When does trip take place?", years},
		{"Where does the story take place?", ""}, // which of the two?
	})
}
