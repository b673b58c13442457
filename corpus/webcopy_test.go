package corpus

import (
	"strings"
	"testing"
)

// TestWikiPageCopied reads a wiki article copied from the browser into a
// text file: its headings without their "[edit]" links, its editors'
// notes ("[citation needed]"), its table of contents and its "See also"
// and "References" lists left out.
func TestWikiPageCopied(t *testing.T) {
	text := "Tay Bridge disaster\n\nThe Tay Bridge disaster occurred during a violent storm on 28 December 1879.[1]\n\n" +
		"Contents\n1\tBackground\n2\tInquiry\n3\tSee also\n4\tReferences\n\n" +
		"Background[edit]\n\nBefore the bridge, the railway crossing of the Tay required a ferry.[2]\n\n" +
		"Inquiry[edit]\n\nA court of inquiry found that the bridge had been badly designed.[3] " +
		"The engineer was blamed[who?] for the wind bracing.[citation needed][original research?] He died within the year.\n\n" +
		"See also[edit]\n\nList of bridge failures\nThe Tay Bridge Disaster (poem) by William McGonagall\n\n" +
		"References[edit]\n\n1. ^ \"Tay Bridge Disaster\". BBC. Retrieved 12 March 2019.\n2. ^ Swinfen, David (1994). The Fall of the Tay Bridge. Mercat Press.\n"
	d := wantSections(t, "tay.txt", text, []string{"Tay Bridge disaster", "Background", "Inquiry"})
	wantAmong(t, textsOf(d), "The engineer was blamed for the wind bracing.", "He died within the year.")
	for _, s := range textsOf(d) {
		if strings.Contains(s, "[edit]") || strings.Contains(s, "McGonagall") || strings.Contains(s, "Retrieved") || strings.Contains(s, "Contents") {
			t.Errorf("got sentence %q, want the page's links, contents and lists left out", s)
		}
	}
}
