package corpus

import (
	"strings"
	"testing"
)

// paperText is a short paper numbered as papers are: sections "1." to
// "3.", subsections "2.1", a section over its first subsection and one
// over a one-sentence paragraph.
const paperText = "Sleep Timing and Memory in Adolescents\n\nRuth Okafor and Daniel Brenner\n\n\n" +
	"Abstract\n\nAdolescents sleep later than adults, yet school starts early. We asked whether the timing of sleep affects memory.\n\n" +
	"%s Introduction\n\nMemory consolidation is the process by which new memories become stable. Much of it happens during slow-wave sleep.\n\n" +
	"%s Methods\n\n%s Participants\n\nForty-two students aged 15 to 17 took part, recruited from two secondary schools.\n\n" +
	"%s Procedure\n\nEach student learned 60 word pairs at 8 p.m. and was tested at 9 a.m. the next day.\n\n" +
	"%s Conclusion\n\nSleep timing predicts overnight memory.\n"

// TestDecimalSections makes headings of the lines a paper numbers its
// sections with, nested by their numbers, in the forms papers write them.
func TestDecimalSections(t *testing.T) {
	for _, tc := range []struct {
		name    string
		numbers []string
	}{
		{"full stops after sections", []string{"1.", "2.", "2.1", "2.2", "3."}},
		{"full stops throughout", []string{"1.", "2.", "2.1.", "2.2.", "3."}},
		{"no full stops", []string{"1", "2", "2.1", "2.2", "3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := tc.numbers
			text := strings.NewReplacer("%s Introduction", n[0]+" Introduction", "%s Methods", n[1]+" Methods", "%s Participants", n[2]+" Participants",
				"%s Procedure", n[3]+" Procedure", "%s Conclusion", n[4]+" Conclusion").Replace(paperText)
			wantSections(t, "paper.txt", text, []string{
				"Abstract", n[0] + " Introduction", n[1] + " Methods · " + n[2] + " Participants",
				n[1] + " Methods · " + n[3] + " Procedure", n[4] + " Conclusion",
			})
		})
	}
}

// TestNumberedTitlesThatAreNoSections reads numbered lines that do not
// count up as a paper's sections do ("3 Bedrooms", "2 Bathrooms") as the
// short titles they look like, none nested in another.
func TestNumberedTitlesThatAreNoSections(t *testing.T) {
	text := "The survey asked three questions of every household.\n\n" +
		"3 Bedrooms\n\nMost houses in the village had three bedrooms, and some had a fourth over the kitchen.\n\n" +
		"2.1 Bathrooms\n\nFew houses had a second bathroom before the war, and many had none inside.\n\n" +
		"1 Garden\n\nEvery house had a garden, most of them given over to vegetables.\n"
	d := wantSections(t, "survey.txt", text, []string{"Front matter", "3 Bedrooms", "2.1 Bathrooms", "1 Garden"})
	for _, s := range d.Sections[1:] {
		if s.Level != d.Sections[1].Level {
			t.Errorf("section %q is at level %d, %q at %d; want them at one level", s.Title, s.Level, d.Sections[1].Title, d.Sections[1].Level)
		}
	}
}

func TestCountsUp(t *testing.T) {
	for _, tc := range []struct {
		numbers [][]int
		want    bool
	}{
		{[][]int{{1}, {1, 1}, {1, 2}, {2}, {2, 1}, {3}}, true},
		{[][]int{{0}, {1}, {2}}, true},
		{[][]int{{1}, {2}, {2, 1}, {2, 1, 1}, {2, 2}, {3}}, true},
		{[][]int{{2}, {3}, {4}}, false},       // no first section
		{[][]int{{1}, {3}, {4}}, false},       // a section skipped
		{[][]int{{1}, {2}, {1}}, false},       // counting down
		{[][]int{{1}, {1, 2}, {1, 1}}, false}, // a subsection before the one before it
	} {
		if got := countsUp(tc.numbers); got != tc.want {
			t.Errorf("countsUp(%v) = %v, want %v", tc.numbers, got, tc.want)
		}
	}
}

// TestContentsBeforeSections leaves out a table of contents that lists
// the sections before they stand, however it is set out, and heads the
// sections: entries in columns with their pages, read as contents and
// not as a table; a paper's decimal sections a line each, after which
// the count starts again at the first section.
func TestContentsBeforeSections(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"columns", "THE KETTLE\n\nCONTENTS\n\n   CHAPTER I.     THE MORNING           1\n   CHAPTER II.    THE SILENCE          14\n   CHAPTER III.   THE FARMER           27\n\n\n" +
			"CHAPTER I.\n\nTHE MORNING\n\nThe kettle boiled at seven every morning, and the house woke to it.\n\n" +
			"CHAPTER II.\n\nTHE SILENCE\n\nOne morning the kettle did not boil, and the house slept until noon.\n\n" +
			"CHAPTER III.\n\nTHE FARMER\n\nThe farmer came up the lane to ask whether anyone had died.\n",
			[]string{"CHAPTER I: THE MORNING", "CHAPTER II: THE SILENCE", "CHAPTER III: THE FARMER"}},
		{"decimal", "Sleep Timing and Memory\n\nContents\n\n1. Introduction\n\n2. Methods\n\n3. Results\n\n\n" +
			"1. Introduction\n\nMemory consolidation is the process by which new memories become stable. Much of it happens during slow-wave sleep.\n\n" +
			"2. Methods\n\nForty-two students aged 15 to 17 took part, recruited from two secondary schools.\n\n" +
			"3. Results\n\nEarly sleepers recalled a mean of 41 pairs and late sleepers 35 pairs.\n",
			[]string{"1. Introduction", "2. Methods", "3. Results"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantSections(t, tc.name+".txt", tc.text, tc.want) })
	}
}

// TestDecimalSectionsInExtractedDocuments heads a web page's sections
// numbered in decimals in paragraphs of the body's style, as a paper
// typed without heading styles and saved as a page sets them.
func TestDecimalSectionsInExtractedDocuments(t *testing.T) {
	page := "<html><head><title>Sleep Timing</title></head><body><p>Sleep Timing and Memory in Adolescents</p>" +
		"<p>1. Introduction</p><p>Memory consolidation is the process by which new memories become stable. Much of it happens during slow-wave sleep.</p>" +
		"<p>2. Methods</p><p>2.1 Participants</p><p>Forty-two students aged 15 to 17 took part, recruited from two secondary schools.</p>" +
		"<p>2.2 Procedure</p><p>Each student learned 60 word pairs at 8 p.m. and was tested at 9 a.m. the next day.</p>" +
		"<p>3. Results</p><p>Early sleepers recalled a mean of 41 pairs and late sleepers 35 pairs.</p></body></html>"
	wantSections(t, "paper.html", page, []string{"1. Introduction", "2. Methods · 2.1 Participants", "2. Methods · 2.2 Procedure", "3. Results"})
}

// TestMinutes reads a meeting's minutes as they are typed: each numbered
// item over its text on the next line heads a section, and who was
// present or sent apologies is text, a field to a paragraph, not the
// title page.
func TestMinutes(t *testing.T) {
	text := "KETTLE CLUB\nMinutes of the meeting held on 3 March 2025 at the Dog and Gun\n\n" +
		"Present: Ruth Okafor (chair), Daniel Brenner, Mrs. Higgins, the farmer\nApologies: John Thornton\n\n" +
		"1. Minutes of the last meeting\nThe minutes of the February meeting were agreed as a true record.\n\n" +
		"2. Matters arising\nDaniel reported that the back room is booked for every first Monday until June.\n\n" +
		"3. Book for April\nThe club voted to read Middlemarch in April, by six votes to two.\n"
	d := wantSections(t, "minutes.txt", text, []string{"Front matter", "1. Minutes of the last meeting", "2. Matters arising", "3. Book for April"})
	wantAmong(t, textsOf(d), "Present: Ruth Okafor (chair), Daniel Brenner, Mrs. Higgins, the farmer", "Apologies: John Thornton")
}

// TestLicenceClauses makes sections of a licence's or a contract's
// numbered clauses as they are typed: titles with full stops on their own
// lines, set in as far as the paragraphs ("  0. Definitions."), or run
// into the clause's first paragraph ("2. Grant of Copyright License.
// Subject to…"), whose sentences then begin after the title.
func TestLicenceClauses(t *testing.T) {
	own := "THE KETTLE LICENSE\n\n  Preamble text says what this licence is for. It is short.\n\n" +
		"  0. Definitions.\n\n  \"The Kettle\" means the program this licence comes with.\n\n" +
		"  1. Basic Permissions.\n\n  You may run the Kettle as often as you like.\n\n" +
		"  2. Termination of Your Rights.\n\n  You lose these rights if you sell the Kettle.\n"
	runIn := "   1. Definitions.\n\n      \"Work\" shall mean the kettle and its lid.\n\n" +
		"   2. Grant of Copyright License. Subject to the terms of this License, each Contributor\n   grants You a licence to copy the Work.\n\n" +
		"   3. Trademarks. This License does not grant permission to use the\n   name of the Kettle.\n\n" +
		"   4. Disclaimer of Warranty. The Work is provided as it is.\n"
	for _, tc := range []struct {
		name, text string
		want       []string
		opens      string // the first sentence of the next to last clause
	}{
		{"titles on their own lines", own, []string{"Front matter", "0. Definitions", "1. Basic Permissions", "2. Termination of Your Rights"}, "You may run the Kettle as often as you like."},
		{"titles run into the clause", runIn, []string{"1. Definitions", "2. Grant of Copyright License", "3. Trademarks", "4. Disclaimer of Warranty"},
			"This License does not grant permission to use the name of the Kettle."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := wantSections(t, "licence.txt", tc.text, tc.want)
			if got := d.Sentence(d.Sections[len(d.Sections)-2].FirstSentence).Text; got != tc.opens {
				t.Errorf("the next to last clause opens with %q, want %q", got, tc.opens)
			}
		})
	}
}

// TestNumberedParagraphsThatAreNoClauses keeps numbered paragraphs whose
// first sentence is no title whole: "12. Mr. Smith…" runs on past its
// abbreviation, and a sentence in small letters is no title.
func TestNumberedParagraphsThatAreNoClauses(t *testing.T) {
	text := "1. Mr. Smith came to the house at noon. He stayed for an hour.\n\n" +
		"2. The lamp was lit. Nobody came to the door after that.\n\n" +
		"3. Dr. Jones arrived at six. He stayed the night.\n"
	d := wantSections(t, "notes.txt", text, []string{"notes"})
	if got, want := d.Sentence(0).Text, "1. Mr. Smith came to the house at noon."; got != want {
		t.Errorf("first sentence %q, want %q", got, want)
	}
}

// TestRunInTitlesSetDeepIn keeps clauses whose titles are set in deeper
// than headings are as the paragraphs they are: no sections, and every
// word read once.
func TestRunInTitlesSetDeepIn(t *testing.T) {
	text := "The licence follows.\n\n" +
		"        1. Definitions. \"Work\" shall mean the kettle and its lid.\n\n" +
		"        2. Grant of Copyright License. Each Contributor grants You a licence to copy the Work.\n\n" +
		"        3. Trademarks. This License does not grant permission to use the name.\n"
	d := wantSections(t, "licence.txt", text, []string{"licence"})
	all := textsOf(d)
	got := strings.Join(all, " ")
	for _, want := range []string{"2. Grant of Copyright License.", "Each Contributor grants You", "3. Trademarks."} {
		if n := strings.Count(got, want); n != 1 {
			t.Errorf("%q read %d times in %q, want once", want, n, got)
		}
	}
}

// TestNumberedFAQ reads a FAQ typed as text as its numbered questions: a
// question may be long, wrap onto a second line or ask twice; "2.0"
// numbers the part its "2.1" stands in; and the table of contents that
// lists the questions before them is left out.
func TestNumberedFAQ(t *testing.T) {
	text := "Frequently Asked Questions about kettles\n\nTable of Contents:\n\n" +
		"1.0\tGeneral Concepts\n1.1\tKettle -- what is it?\n1.2\tWhere can I get more kettle documentation for my own kettle?\n" +
		"2.0\tKettle Problems\n2.1\tWhy does the kettle report different temperatures on the\n\tsame stove (the altitude phenomenon)?\n" +
		"2.2\tDoes the kettle whistle?  How do I stop it?\n\n" +
		"1.0\tGeneral Concepts\n\n1.1\tKettle -- what is it?\n\n\tA kettle boils water. It has a spout.\n\n" +
		"1.2\tWhere can I get more kettle documentation for my own kettle?\n\n\tThe kettle's box holds a leaflet.\n\n" +
		"2.0\tKettle Problems\n\n2.1\tWhy does the kettle report different temperatures on the\n\tsame stove (the altitude phenomenon)?\n\n\tWater boils at a lower temperature on a mountain.\n\n" +
		"2.2\tDoes the kettle whistle?  How do I stop it?\n\n\tIt whistles when the water boils. Lift the lid to stop it.\n"
	d := wantSections(t, "faq.txt", text, []string{
		"1.0 General Concepts · 1.1 Kettle -- what is it?",
		"1.0 General Concepts · 1.2 Where can I get more kettle documentation for my own kettle?",
		"2.0 Kettle Problems · 2.1 Why does the kettle report different temperatures on the same stove (the altitude phenomenon)?",
		"2.0 Kettle Problems · 2.2 Does the kettle whistle? How do I stop it?",
	})
	for i := range d.SentenceCount() {
		if s := d.Sentence(i).Text; strings.Contains(s, "1.2") {
			t.Errorf("the table of contents is read as text: %q", s)
		}
	}
}

// TestMarkdownParts titles the sections under each of a Markdown file's
// several top headings by it too, as a changelog's versions stand over
// their "Features" and "Bug Fixes"; one top heading names the file and
// is left out.
func TestMarkdownParts(t *testing.T) {
	release := func(v string) string {
		return "# " + v + "\n\nThis release makes the kettle faster.\n\n## Features\n\n* The kettle whistles.\n\n## Bug Fixes\n\n* The lid no longer sticks.\n\n"
	}
	wantSections(t, "CHANGELOG.md", release("1.2.0 (May 1)")+release("1.1.0 (April 1)"), []string{
		"1.2.0 (May 1)", "1.2.0 (May 1) · Features", "1.2.0 (May 1) · Bug Fixes",
		"1.1.0 (April 1)", "1.1.0 (April 1) · Features", "1.1.0 (April 1) · Bug Fixes",
	})
	wantSections(t, "README.md", "# Kettle\n\nA kettle for the command line.\n\n## Features\n\n* It whistles.\n\n## Install\n\nRun the installer.\n",
		[]string{"Kettle", "Features", "Install"})
}
