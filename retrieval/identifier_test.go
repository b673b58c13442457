package retrieval

import (
	"context"
	"strings"
	"testing"
)

// identifierText is documentation whose options and names share their
// parts with many other sentences ("root", "signature", "lock").
const identifierText = `# Installing

Poetry installs the project itself unless you pass the option that skips it. The lock file records every version resolved.

## Options

With --no-root, Poetry installs the dependencies but not the project. The poetry.lock file pins each package. The caret requirement ^0.2.3 allows updates that do not change the left-most non-zero digit. Requests are signed: check the X-Signature-Ed25519 header against the body. A tilde requirement ~1.2 allows patch updates. Run it with -v to see each step. Set keyring.backend in the configuration to choose where passwords are kept. Use ?= to set a variable only when it has no value.

## Layout

The root folder holds the sources. A variable is set when the root value changes. A root user should not run installs. Each package has a root module. The lock command refreshes the lock. Poetry reads the root configuration first. The signature of a function is checked. Version 0.2 of the tool added plugins. Each step is logged. The build backend builds each package. A backend is chosen per project.
`

// TestIdentifiersAreSearchable asks for options, versions and header
// names as written: the sentence holding them comes first, however
// common their parts are in the text.
func TestIdentifiersAreSearchable(t *testing.T) {
	ix := parsedIndex(t, "install.md", identifierText)
	tests := []struct{ question, want string }{
		{"What does --no-root do?", "--no-root"},
		{"What happens with the no-root option?", "--no-root"},
		{"What does poetry.lock do?", "poetry.lock"},
		{"What does ^0.2.3 allow?", "^0.2.3"},
		{"Which header is X-Signature-Ed25519?", "X-Signature-Ed25519"},
		{"What does ~1.2 allow?", "~1.2"},
		{"What does -v show?", "-v"},
		{"How do I choose the keyring backend?", "keyring.backend"},
		{"What does ?= do?", "?="},
		{"What is ?=?", "?="},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || !strings.Contains(rs[0].Quote.Text, tt.want) {
				got := ""
				if len(rs) > 0 {
					got = rs[0].Quote.Text
				}
				t.Errorf("first quote %q, want the sentence holding %s", got, tt.want)
			}
		})
	}
}

// addedTerms is a text, whether it is a question's, and the terms a
// function searching words as written adds for it.
type addedTerms struct {
	text  string
	loose bool // a question's
	want  []string
}

// checkAddedTerms checks the terms add adds to no tokens for each text.
func checkAddedTerms(t *testing.T, tests []addedTerms, add func(text string, toks []token, loose bool) []token) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, tok := range add(tt.text, nil, tt.loose) {
				got = append(got, tok.term)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWithIdentifiers(t *testing.T) {
	checkAddedTerms(t, []addedTerms{
		{"With --no-root, Poetry installs.", false, []string{"no-root"}},
		{"Check X-Signature-Ed25519 and ISO-8859-1.", false, []string{"x-signature-ed25519", "iso-8859-1"}},
		{"Run it with -v or --force.", false, []string{"-v", "--force"}},
		{"A well-known, left-most digit; a -5 degree day.", false, nil},
		{"What is a well-known no-root install?", true, []string{"well-known", "no-root"}},
		{"MISS ANTHONY--Yes, sir; the end--and then.", false, nil},
		{"(--dry-run) and \"--all\"", false, []string{"dry-run", "--all"}},
	}, withIdentifiers)
}

func TestWithOperators(t *testing.T) {
	checkAddedTerms(t, []addedTerms{
		{"Use := once, ?= when unset and += to add.", false, []string{":=", "?=", "+="}},
		{"Here $< is the source and $@ the target.", false, []string{"$<", "$@"}},
		{"x %>% f() and a :: b -> c", false, []string{"%>%", "::", "->"}},
		{"What is $<?", true, []string{"$<"}},
		{"Wait -- no... Why not ?! Well.", false, nil},
		{"a:=b and x=y", false, nil},
	}, withOperators)
}

func TestWithNameParts(t *testing.T) {
	tests := []struct {
		text string
		want []string // part terms added
	}{
		{"Call requests.Session here; urllib3.PoolManager is two words already.", []string{"request", "session"}},
		{"The poetry.lock file pins versions.", []string{"poetri", "lock"}},
		{"Keys go in /path/client.key, not in C.I.A files.", []string{"client", "kei"}},
		{"The U.S. Army, e.g. its 3.5 divisions.", nil},
	}
	stem := englishAnalyzer(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := analyze(stem, tt.text)
			var got []string
			for _, tok := range withNameParts(stem, tt.text, toks)[len(toks):] {
				got = append(got, tok.term)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
