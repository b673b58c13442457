package retrieval

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

func TestReadTextEnd(t *testing.T) {
	tests := []struct {
		text string
		want textEnd
		ok   bool
	}{
		{"How does the novel open?", textEnd{of: "the novel"}, true},
		{"how did chapter 3 end", textEnd{last: true, of: "chapter 3"}, true},
		{"With what words does the book begin?", textEnd{of: "the book"}, true},
		{"What are the last words of Act V?", textEnd{last: true, of: "Act V"}, true},
		{"What is the first sentence of the story?", textEnd{of: "the story"}, true},
		{"Why does the novel open with a party?", textEnd{}, false},
		{"How did the war end in 1815?", textEnd{}, false},
		{"What is the moral of The Fox and the Grapes?", textEnd{last: true, of: "The Fox and the Grapes"}, true},
		{"What is this book about?", textEnd{about: true, of: "this book"}, true},
		{"What's chapter 3 about?", textEnd{about: true, of: "chapter 3"}, true},
		{"Summarize the interview.", textEnd{about: true, of: "the interview"}, true},
		{"What does the essay cover?", textEnd{about: true, of: "the essay"}, true},
		{"What does the preface say?", textEnd{about: true, of: "the preface"}, true},
		{"What was the quarrel about?", textEnd{about: true, of: "the quarrel"}, true}, // read, but it names no part
		{"What is the last line?", textEnd{last: true, of: "it"}, true},
		{"What happens at the end of chapter 3?", textEnd{last: true, of: "chapter 3"}, true},
		{"What happened at the beginning?", textEnd{of: "it"}, true},
		{"What happens at the end of the war?", textEnd{last: true, of: "the war"}, true}, // read, but it names no part
		{"What is the last section of Article I?", textEnd{about: true, of: "the last section of Article I"}, true},
		{"What was chapter 3?", textEnd{about: true, of: "chapter 3"}, true},
		{"What is the war of 1812?", textEnd{}, false},
		{"What is 1812?", textEnd{}, false},
		{"What is the first thing Huck does?", textEnd{}, false},
		{"What is the main theme?", textEnd{about: true, of: "it"}, true},
		{"what's the central message", textEnd{about: true, of: "it"}, true},
		{"What is the main theme of Walden?", textEnd{about: true, of: "Walden"}, true},
		{"What is the main road?", textEnd{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := readTextEnd(tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("readTextEnd = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// endsBook has a preface before its first chapter and notes after its
// last, neither of which opens or ends the book.
const endsBook = `PREFACE

This preface explains the book and thanks the printer.

CHAPTER I

The house stood on a hill above the river. Nobody had lived in it for years.

CHAPTER II

In spring a family came with a cart of furniture. By summer the garden was green again, and the house was theirs.

NOTES

The river is the Severn.
`

// endsTexts are the texts TestAskTextEnds asks how parts open and end:
// a collection's stories, chapters under epigraphs, fables ending in
// their morals, books under their arguments.
var endsTexts = map[string]string{
	"stories.txt": `ADVENTURE I. A SCANDAL IN BOHEMIA

To Holmes she is always the woman. He never spoke of her again.

ADVENTURE II. THE RED-HEADED LEAGUE

I had called upon my friend in the autumn. The league was never heard of again.

ADVENTURE III. A CASE OF IDENTITY

Life is infinitely stranger than anything we could invent. The typewriter gave him away.
`,
	"middlemarch.txt": `PRELUDE.

Who that cares much to know the history of man has not dwelt on the life of Saint Theresa?


CHAPTER I.

        "Since I can do no good because a woman,
         Reach constantly at something that is near it.
                        --The Maid's Tragedy: BEAUMONT AND FLETCHER.


Miss Brooke had that kind of beauty which seems to be thrown into relief
by poor dress. Her sister Celia had more common-sense.


CHAPTER II.

        "'Dime; no ves aquel caballero que hacia nosotros viene?'
                                        --CERVANTES.


"Sir Humphry Davy?" said Mr. Brooke, over the soup, in his easy smiling
way.
`,
	"aesop.txt": `THE FOX AND THE GRAPES

One hot summer's day a Fox was strolling through an orchard till he came to a bunch
of Grapes just ripening on a vine. "Just the thing to quench my thirst," quoth he.

  _It is easy to despise what you cannot get._


THE TOWN MOUSE AND THE COUNTRY MOUSE

Now you must know that a Town Mouse once upon a time went on a visit to his cousin
in the country, who was rough and ready, this cousin.

  _Better beans and bacon in peace than cakes and ale in fear._


THE WOLF AND THE LAMB

Once upon a time a Wolf was lapping at a spring on a hillside, when, looking up,
what should he see but a Lamb just beginning to drink a little lower down.

  _The tyrant will always find a pretext for his tyranny._
`,
	"origin.txt": `CHAPTER VI. DIFFICULTIES OF THE THEORY.

Difficulties of the theory--Absence of transitional varieties--Transitions in habits of life--Organs of extreme perfection.

Long before the reader has arrived at this part of my work, a crowd of difficulties will have occurred to him.
`,
	"paper.md": `# A Study of Things

## Abstract

We show that things are studied by many people in many places.

## 1 Introduction

Things have long been studied by many.
`,
	"federalist.txt": `FEDERALIST No. 10

The Same Subject Continued

From the Daily Advertiser. Thursday, November 22, 1787.

MADISON, with HAMILTON

To the People of the State of New York:

AMONG the numerous advantages promised by a well constructed Union, none
deserves to be more accurately developed than its tendency to break and
control the violence of faction.

It is the mortal disease of popular governments.

PUBLIUS

1. Some of the facts in this paper are Hume's.

2. Entitled "An Address to the People of the State of New York."

FEDERALIST No. 11

My Dear Friends,

IT IS not a new observation that the people of any country seldom err.
`,
	"speeches.txt": `_First Inaugural Address. March 4, 1861_

Fellow-citizens of the United States, I appear before you. We are not enemies, but friends.

_Address at the Dedication of the National Cemetery at Gettysburg. November 19, 1863_

Fourscore and seven years ago our fathers brought forth a new nation. It shall not perish from the earth.

_The Second Inaugural Address. March 4, 1865_

At this second appearance there is less occasion for an address. Let us strive on to finish the work we are in.
`,
	"commonsense.md": `## Subjects

A new edition, with several additions in the body of the work.

# Common Sense

## Introduction

Perhaps the sentiments contained in the following pages are not yet fashionable.

## Of Monarchy

Mankind being originally equals, the equality could only be destroyed by some circumstance.
`,
	"prince.md": `## Chapter I

All states have been and are either republics or principalities.

## Chapter II

I will leave out all treatment of republics, having written of them at length.

## Chapter III

Virtue against fury shall advance the fight, and it in combat soon shall put to flight.

Edward Dacre, 1640.

## Description of the Methods Adopted by the Duke Valentino

The duke had come back from Lombardy, where he had gone to clear himself with the king.
`,
	"ruritania.txt": `PREAMBLE.

We, the people of Ruritania, grateful for our liberties, ordain and establish this frame of government.

ARTICLE I.

DECLARATION OF RIGHTS.

SECTION 1. All elections ought to be free, and no constitution shall be amended without a vote.

ARTICLE II.

LEGISLATIVE DEPARTMENT.

SECTION 1. The legislative authority shall be vested in a Senate and a House.
`,
	"post.md": `---
title: Choosing activations
---

You're building a Keras model. You wonder which activation to choose for its last layer.

## Activations

Put simply, we choose activations that make the network predict what we want it to.
`,
	"lesson.md": `---
title: Basic Data Flow
---

:::tip What You'll Learn

- How to set up a store in an application
- How to add slices of reducer logic to the store

:::

## Introduction

In Part 1 we looked at how a store can help us build maintainable apps.
`,
	"beagle.txt": `CHAPTER I

We sailed from Plymouth in December, after two gales had driven us back.[1]

We anchored at the island and the naturalist went ashore.[2] The dust fell on the deck all night.

[1] I must take this opportunity of thanking Captain Fitz Roy.

[2] I state this on the authority of Dr. E. Dieffenbach, in his German
translation of this Journal.

CHAPTER II

We arrived at Bahia, and the forest was a chaos of delight.
`,
	"paradise.txt": `BOOK I.

THE ARGUMENT

This first Book proposes, first in brief, the whole subject--Man's
disobedience, and the loss thereupon of Paradise.

  Of Man's first disobedience, and the fruit
  Of that forbidden tree whose mortal taste
  Brought death into the World, and all our woe.


BOOK II.

THE ARGUMENT

The consultation begun, Satan debates whether another battle be to be
hazarded.

  High on a throne of royal state, which far
  Outshone the wealth of Ormus and of Ind.
`,
}

// TestAskTextEnds: a question about how the text or a chapter opens or
// ends is answered first by that sentence, past a chapter's epigraph or
// argument, a paper's newspaper, author and greeting (and ends before its
// signature and notes), a speech named by
// words of its title, a text under its title past what comes before and
// ending with its last numbered part, before a signature or a date; one that names no part the
// text has, or a text in a library of several, is answered as any other.
func TestAskTextEnds(t *testing.T) {
	ix := parsedIndex(t, "book.txt", endsBook)
	other, err := corpus.Parse("other.txt", []byte("CHAPTER I\n\nA different novel opens in a city.\n"))
	if err != nil {
		t.Fatal(err)
	}
	book, err := corpus.Parse("book.txt", []byte(endsBook))
	if err != nil {
		t.Fatal(err)
	}
	library := docIndex(t, book, other)
	ixs := map[string]*Index{}
	for name, text := range endsTexts {
		ixs[name] = parsedIndex(t, name, text)
	}
	stories := ixs["stories.txt"]
	epigraphs := ixs["middlemarch.txt"]
	fables := ixs["aesop.txt"]
	argued := ixs["paradise.txt"]
	synopses := ixs["origin.txt"]
	paper := ixs["paper.md"]
	papers := ixs["federalist.txt"]
	speeches := ixs["speeches.txt"]
	pamphlet := ixs["commonsense.md"]
	prince := ixs["prince.md"]
	post, lesson := ixs["post.md"], ixs["lesson.md"]
	journal := ixs["beagle.txt"]
	constitution := docIndex(t, titledDoc(t, "ruritania.txt", endsTexts["ruritania.txt"], "Constitution of the State of Ruritania"))
	walden := docIndex(t, titledDoc(t, "walden.md", "## Economy\n\nWhen I wrote the following pages, I lived alone, in the woods.\n\n## Conclusion\n\nThere is more day to dawn. The sun is but a morning star.\n\n## On the Duty of Civil Disobedience\n\nI heartily accept the motto, That government is best which governs least.\n", "Walden, and on the Duty of Civil Disobedience"))
	gospel := docIndex(t, titledDoc(t, "kjv-gospel-of-john.txt", "THE GOSPEL ACCORDING TO ST. JOHN\n\n\nCHAPTER 1\n\nIn the beginning was the Word, and the Word was with God.\n\nCHAPTER 2\n\nAnd the third day there was a marriage in Cana, and John began to baptize in Aenon.\n\nCHAPTER 21\n\nThis is the disciple which testifieth of these things. I suppose that even the world itself could not contain the books that should be written. Amen.\n", "The Bible, King James version, Book 43: John"))
	voyage := titledDoc(t, "voyage.txt", "CHAPTER I\n\nAfter having been twice driven back by gales, the ship sailed.\n", "The Voyage of the Beagle")
	voyages := docIndex(t, voyage, other)
	site := docIndex(t, titledDoc(t, "docs/index.md", "# Gadget\n\nGadget turns notes into a website.\n", "Gadget"),
		titledDoc(t, "docs/setup/install.md", "# Installing\n\nInstall Gadget with pip.\n", "Installing"))
	parts := docIndex(t, titledDoc(t, "docs/usage/index.md", "# Usage\n\nThis part shows how to use it.\n", "Usage"),
		titledDoc(t, "docs/tutorials/start.md", "# Start\n\nStart here.\n", "Start"))
	cited := parsedIndex(t, "cited.md", "# Activations\n\n## Conclusion\n\nSo here, we use sigmoid on every output unit instead.\n\n"+
		"Goodfellow, Ian, Yoshua Bengio, and Aaron Courville. 2016. Deep Learning. MIT Press.\n\n"+
		"Murphy, Kevin. 2012. Machine Learning: A Probabilistic Perspective. MIT Press.\n")
	huck := parsedIndex(t, "huck.txt", "CHAPTER I\n\nYou don't know about me.\n\nCHAPTER THE LAST\n\n"+
		"But I reckon I got to light out for the Territory ahead of the rest, because Aunt Sally she's going to adopt me. I been there before.\n\n"+
		"THE END. YOURS TRULY, HUCK FINN.\n")
	tests := []struct {
		ix       *Index
		question string
		want     string // the first quote begins so; "" for no opening or ending found
	}{
		{epigraphs, "How does the novel open?", "Miss Brooke had that kind of beauty"},
		{epigraphs, "How does chapter 2 begin?", "\"Sir Humphry Davy?\""},
		{argued, "How does Book I begin?", "Of Man's first disobedience"},
		{ix, "How does the novel open?", "The house stood on a hill"},
		{ix, "How does the book end?", "By summer the garden was green"},
		{ix, "What are the first words of chapter 2?", "In spring a family came"},
		{ix, "How does chapter I end?", "Nobody had lived in it"},
		{ix, "How does chapter 7 end?", ""},
		{library, "How does the novel open?", ""},
		{stories, "How does The Red-Headed League end?", "The league was never heard of again"},
		{stories, "How does A Scandal in Bohemia begin?", "To Holmes she is always the woman"},
		{stories, "How does the last adventure end?", "Life is infinitely stranger than anything we could invent. The typewriter gave him away."}, // a last sentence too short alone, with the one before
		{stories, "How does the lost adventure end?", ""},
		{fables, "What is the moral of The Fox and the Grapes?", "It is easy to despise"},
		{ix, "What is this novel about?", "The house stood on a hill"},
		{ix, "What does the preface say?", "This preface explains the book"},
		{argued, "What is Book I about?", "This first Book proposes"},
		{synopses, "What is chapter VI about?", "Difficulties of the theory"},
		{synopses, "How does chapter VI begin?", "Long before the reader"},
		{ix, "What was the quarrel about?", ""},
		{paper, "What is this paper about?", "We show that things are studied"},
		{paper, "How does the paper open?", "We show that things are studied"},
		{pamphlet, "How does Common Sense begin?", "Perhaps the sentiments"},
		{prince, "How does the book end?", "Virtue against fury"},
		{pamphlet, "how does common sense end", "Mankind being originally equals"},
		{speeches, "How does the Gettysburg Address begin?", "Fourscore and seven years ago"},
		{speeches, "How does the second inaugural address end?", "Let us strive on"},
		{speeches, "How does the inaugural address end?", ""},
		{papers, "What is Federalist 10 about?", "AMONG the numerous advantages"},
		{papers, "How does Federalist No. 10 begin?", "AMONG the numerous advantages"},
		{papers, "What happens in paper 11?", "IT IS not a new observation"},
		{papers, "How does Federalist No. 10 end?", "It is the mortal disease"},
		{constitution, "How does the constitution begin?", "We, the people of Ruritania"},
		{constitution, "How does Article II begin?", "SECTION 1. The legislative authority"},
		{voyages, "How does the voyage begin?", "After having been twice driven back"},
		{voyages, "How does the ship begin?", ""},
		{walden, "How does the book end?", "The sun is but a morning star"},
		{post, "How does the post begin?", "You're building a Keras model."},
		{journal, "How does chapter 1 end?", "The dust fell on the deck all night."},
		{gospel, "How does the Gospel of John begin?", "In the beginning was the Word, and"},
		{gospel, "How does the gospel end?", "I suppose that even the world"},
		{lesson, "How does the page begin?", "In Part 1 we looked"},
		{walden, "How does Walden end?", "The sun is but a morning star"},
		{ix, "What is this about?", "The house stood on a hill"},
		{ix, "Summarize this.", "The house stood on a hill"},
		{library, "What is this about?", ""},
		{site, "What is this about?", "Gadget turns notes into a website."},
		{parts, "What is this about?", ""},                                  // the index of one part is no home page
		{cited, "How does the post end?", "So here, we use sigmoid"},        // the works it cites are no words of its own
		{huck, "How does the book end?", "But I reckon I got to light out"}, // "I been there before." too short alone
		{huck, "How does the book begin?", "You don't know about me."},
		{site, "How does it end?", ""}, // a home page is what a site is about, not its end
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if tt.want == "" {
				te, _ := readTextEnd(tt.question)
				if doc, sent, ok := tt.ix.endSentence(te); ok {
					t.Errorf("endSentence = document %d, sentence %d; want none", doc, sent)
				}
				return
			}
			rs, err := tt.ix.Ask(context.Background(), tt.question, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || !strings.HasPrefix(rs[0].Quote.Text, tt.want) || rs[0].Rank != 1 {
				t.Fatalf("results %+v, want the first beginning %q", rs, tt.want)
			}
			for _, r := range rs[1:] {
				if r.Document == rs[0].Document && slices.Equal(r.Sentences, rs[0].Sentences) {
					t.Errorf("result %d quotes the first again", r.Rank)
				}
			}
		})
	}
}

func TestQuotableEnd(t *testing.T) {
	tests := []struct {
		s    corpus.Sentence
		want bool
	}{
		{corpus.Sentence{Text: "When shall we three meet again?"}, true},
		{corpus.Sentence{Text: "[Flourish. Exeunt.]"}, false},
		{corpus.Sentence{Text: "Porto Praya--Ribeira Grande--Atmospheric Dust--Habits of a Sea-slug."}, false},
		{corpus.Sentence{Text: "concerning HIMSELF:"}, false},
		{corpus.Sentence{Text: "fn main() {}", Code: true}, false},
		{corpus.Sentence{Text: "Agreed."}, true},
		{corpus.Sentence{Text: "Amen."}, false}, // a gospel's closing word, as "THE END." is
		{corpus.Sentence{Text: "THE END."}, false},
		{corpus.Sentence{Text: "YOURS TRULY, HUCK FINN."}, false},
		{corpus.Sentence{Text: "I am, Sir, your obedient servant, A. LINCOLN."}, false},
		{corpus.Sentence{Text: "Yours is the kingdom."}, true},
	}
	for _, tt := range tests {
		t.Run(tt.s.Text, func(t *testing.T) {
			if got := quotableEnd(tt.s); got != tt.want {
				t.Errorf("quotableEnd = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestEndShowsItsEnd: the ending of a text too long to quote whole shows
// its last words, its opening its first, in prose and in a sentence of
// verse over more lines than a quote holds (Macbeth's last, thirteen).
func TestEndShowsItsEnd(t *testing.T) {
	long := strings.Repeat("and the rain fell on the roofs of the town ", 20)
	prose := parsedIndex(t, "rain.txt", "CHAPTER I\n\nAt first "+long+"until the very last.\n")
	verse := parsedIndex(t, "play.txt", "ACT I\n\n"+strings.Repeat("  When the rain came down upon the town,\n", 12)+
		"  We rode at last to Scone.\n\n  And then "+strings.Repeat("the wind blew hard across the moor,\n  ", 12)+"So thanks to all at once and each one.\n")
	tests := []struct {
		ix             *Index
		question, want string
	}{
		{prose, "How does the book open?", "At first"},
		{prose, "How does the book end?", "until the very last."},
		{verse, "How does the play open?", "When the rain came"},
		{verse, "How does the play end?", "So thanks to all at once and each one."},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := tt.ix.Ask(context.Background(), tt.question, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || !strings.Contains(rs[0].Quote.Text, tt.want) {
				t.Errorf("first quote %+v, want one with %q", rs, tt.want)
			}
		})
	}
}

// TestPartTitled: "the introduction" is the part over "INTRODUCTION · I"
// and the sections after it (On Liberty's editor's introduction), not
// "CHAPTER I: INTRODUCTORY", and none where two texts have one.
func TestPartTitled(t *testing.T) {
	doc := func(titles ...string) *corpus.Document {
		d := &corpus.Document{}
		for _, title := range titles {
			d.Sections = append(d.Sections, corpus.Section{Title: title})
		}
		return d
	}
	liberty := doc("Front matter", "INTRODUCTION · I", "INTRODUCTION · II", "CHAPTER I: INTRODUCTORY")
	tests := []struct {
		name     string
		docs     []*corpus.Document
		want     string
		wantSecs map[int]bool
		wantN    int
	}{
		{"the part over two sections", []*corpus.Document{liberty}, "introduction", map[int]bool{1: true, 2: true}, 1},
		{"a title of no part above others", []*corpus.Document{liberty}, "introductory", nil, 0},
		{"a part in each of two texts", []*corpus.Document{liberty, doc("INTRODUCTION · A")}, "introduction", nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, secs, n := partTitled(tt.docs, tt.want)
			if n != tt.wantN || tt.wantN == 1 && !maps.Equal(secs, tt.wantSecs) {
				t.Errorf("partTitled = %v, %d parts; want %v, %d", secs, n, tt.wantSecs, tt.wantN)
			}
		})
	}
}

func TestPartHead(t *testing.T) {
	d := &corpus.Document{Sections: []corpus.Section{
		{Title: "CHAPTER I: VARIATION"},
		{Title: "CHAPTER I: VARIATION · CAUSES"},
		{Title: "CHAPTER I: VARIATION · HABIT"},
		{Title: "CHAPTER II: NATURE"},
	}}
	tests := []struct{ sec, want int }{{0, 0}, {1, 0}, {2, 2}, {3, 3}}
	for _, tt := range tests {
		if got := partHead(d, tt.sec); got != tt.want {
			t.Errorf("partHead(%q) = %d, want %d", d.Sections[tt.sec].Title, got, tt.want)
		}
	}
}

// TestAskAboutChapterOfSubsections asks what a chapter is about, or what
// it is called, where its synopsis stands under its heading and its text
// under subheadings, as in the Origin of Species: the chapter's synopsis
// answers, its citation giving the chapter's title.
func TestAskAboutChapterOfSubsections(t *testing.T) {
	ix, err := NewMemory(context.Background(), library("darwin-origin-of-species-6th-edition.txt")(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct{ question, chapter string }{
		{"What is chapter 1 about?", "CHAPTER I: "},
		{"What is the first chapter about?", "CHAPTER I: "},
		{"Summarize chapter 4", "CHAPTER IV: "},
		{"What is the title of chapter 4?", "CHAPTER IV: "},
		{"What is chapter 3 called?", "CHAPTER III: "},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := ix.Ask(context.Background(), tt.question, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 {
				t.Fatal("nothing found")
			}
			if got := rs[0].Section.Title; !strings.HasPrefix(got, tt.chapter) || strings.Contains(got, " · ") || !synopsis.MatchString(rs[0].Quote.Text) {
				t.Errorf("first quote %q in %q, want the synopsis under %q", rs[0].Quote.Text, got, tt.chapter)
			}
		})
	}
}

// TestAskChaptersNumberedAlone: an EPUB whose chapters its table of
// contents numbers without the word ("Book I: … · III: On Horsell
// Common") is asked of by chapter as readers call them.
func TestAskChaptersNumberedAlone(t *testing.T) {
	ix, err := NewMemory(context.Background(), formats("epub/wells-the-war-of-the-worlds.epub")(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rs, err := ix.Ask(context.Background(), "What happens in chapter 3?", 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Book I: The Coming of the Martians · III: On Horsell Common"; len(rs) == 0 || rs[0].Section.Title != want {
		t.Errorf("What happens in chapter 3? first quote %+v, want one from %q", rs, want)
	}
	if got, want := ix.Note("How many chapters are there?"), "has 27 chapters"; !strings.Contains(got, want) {
		t.Errorf("Note(How many chapters are there?) = %q, want it to say %q", got, want)
	}
}

// TestAskPartOverSections: On Liberty's editor's introduction stands in
// three numbered sections under INTRODUCTION; "the introduction" is the
// three, not the essay's "CHAPTER I: INTRODUCTORY".
func TestAskPartOverSections(t *testing.T) {
	ix, err := NewMemory(context.Background(), library("mill-on-liberty.txt")(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	checkFirstQuotes(t, ix, []quotedFrom{
		{"What is the introduction about?", "John Stuart Mill was born", "INTRODUCTION · I"},
		{"How does the introduction begin?", "John Stuart Mill was born", "INTRODUCTION · I"},
	})
}

// TestAskWhoSpeaksFirst: who speaks first or last in a play or one of its
// parts is answered by the first or last speech there, its citation
// naming the speaker; a text in which no one speaks is asked as any
// question is.
func TestAskWhoSpeaksFirst(t *testing.T) {
	play := parsedIndex(t, "macbeth.txt", `ACT I

SCENE I. A desert place.

[Thunder and lightning. Enter three Witches.]

FIRST WITCH.
When shall we three meet again
In thunder, lightning, or in rain?

SECOND WITCH.
When the hurlyburly's done.

THIRD WITCH.
That will be ere the set of sun.

FIRST WITCH.
Where the place?

SECOND WITCH.
Upon the heath.

THIRD WITCH.
There to meet with Macbeth.

FIRST WITCH.
I come, Graymalkin!

SECOND WITCH.
Paddock calls.

THIRD WITCH.
Anon.

ACT III

SCENE I. Forres. A room in the palace.

[Enter Banquo.]

BANQUO.
Thou hast it now: King, Cawdor, Glamis, all.

MACBETH.
Here's our chief guest.

LADY MACBETH.
If he had been forgotten, it had been as a gap in our great feast.

BANQUO.
Let your highness command upon me.

MACBETH.
Ride you this afternoon?

BANQUO.
Ay, my good lord.

LADY MACBETH.
We shall sup together tonight.

MACBETH.
Farewell.

LADY MACBETH.
Then be it so, and let us go in.

[Exeunt.]
`)
	tests := []struct{ question, speaker string }{
		{"Who speaks first?", "First Witch"},
		{"Who speaks first in Act 3, scene 1?", "Banquo"},
		{"Who has the last line of Act 1?", "Third Witch"},
		{"Who speaks last in the play?", "Lady Macbeth"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			rs, err := play.Ask(context.Background(), tt.question, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || rs[0].Speaker != tt.speaker {
				t.Errorf("first result %+v, want one spoken by %q", rs, tt.speaker)
			}
		})
	}
	if _, _, ok := parsedIndex(t, "essay.txt", endsBook).speakerSentence("Who speaks first?"); ok {
		t.Error("speakerSentence found a speech in a text where no one speaks")
	}
}
