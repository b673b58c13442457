package corpus

import "testing"

// TestBreaksWord: whether a hyphen ending a line breaks a word, decided
// from the words the text writes whole (its lines' ends too, unless a
// hyphen may break them there).
func TestBreaksWord(t *testing.T) {
	v := vocabulary{}
	hyphen := false
	for _, line := range []string{
		"The thing was named", // "named" ends a line whole
		"something well and known to the few who sup-",
		"ply the town, supplying it",
	} {
		hyphen = v.add(line, hyphen)
	}
	tests := []struct {
		line, next string
		want       bool
	}{
		{"it was some-", "thing new", true},       // "something" is written whole
		{"the well-", "known kettle", false},      // two words of the text
		{"the oddly-", "named thing", false},      // an adverb before a word of the text
		{"the town's sup-", "plying carts", true}, // "ply" may be broken, "plying" is no word of the text
		{"kept supply-", "ing the town", true},    // "ing" is no word
		{"the Anglo-", "Saxon kings", false},      // a capital after: no broken word
	}
	for _, tt := range tests {
		t.Run(tt.line+tt.next, func(t *testing.T) {
			if got := v.breaksWord(tt.line, tt.next); got != tt.want {
				t.Errorf("breaksWord(%q, %q) = %v, want %v", tt.line, tt.next, got, tt.want)
			}
		})
	}
	if v["ply"] != 0 || v["sup"] != 0 || v["named"] != 1 {
		t.Errorf("vocabulary counts ply %d, sup %d, named %d; want 0, 0 and 1: words a hyphen may break are not words", v["ply"], v["sup"], v["named"])
	}
}
