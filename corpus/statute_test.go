package corpus

import "testing"

// TestStatuteSections makes headings of a statute's sections numbered
// with the section sign, as "Section 3. Brewing." is one; a section set
// in its paragraph stays text, as "SECTION 1. The legislative authority
// shall be…" does.
func TestStatuteSections(t *testing.T) {
	text := "THE TEA ACT 2026\n\nAn Act to regulate the brewing of tea in public houses.\n\n" +
		"§ 1. Short title.\n\nThis Act may be cited as the Tea Act 2026.\n\n" +
		"§ 2. Definitions.\n\nIn this Act, tea means an infusion of leaves in water that has boiled.\n\n" +
		"§3. Brewing.\n\n(a) Every public house shall brew tea for at least four minutes.\n\n" +
		"§ 4. A public house that breaks section 3 shall pay a fine of ten pounds for each cup it serves so.\n"
	d := wantSections(t, "tea-act.txt", text, []string{"Front matter", "§ 1: Short title", "§ 2: Definitions", "§ 3: Brewing"})
	if got := textsOf(d); got[len(got)-1] != "§ 4. A public house that breaks section 3 shall pay a fine of ten pounds for each cup it serves so." {
		t.Errorf("got sentences %q, want the section set in its paragraph last", got)
	}
}
