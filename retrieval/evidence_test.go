package retrieval

import (
	"slices"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
)

// TestNamesAndKinds: how the names and kinds a question gives find the
// sentence that answers it.
func TestNamesAndKinds(t *testing.T) {
	tests := []struct {
		name, file, text string
		first            []firstQuote
	}{
		{
			// A name a section's title gives is held by every sentence
			// under it, so the sentence that says "the tower" answers a
			// question naming the light before one that prints the name
			// in passing.
			"a name a title gives", "lights.md",
			"# Scottish lights\n\n## Skerryvore\n\n" +
				"The tower was built between 1838 and 1844 on a reef twelve miles out. " +
				"Its light can be seen for eighteen miles.\n\n" +
				"## Ardnamurchan\n\n" +
				"The lighthouse on the point was built in 1849, five years after Skerryvore. " +
				"It stands on the most westerly point of the mainland.\n",
			[]firstQuote{
				{"When was Skerryvore built?", "between 1838 and 1844"},
				{"When was the lighthouse on Ardnamurchan built?", "in 1849"},
				{"How far out is the reef of Skerryvore?", "twelve miles out"},
			},
		},
		{
			// A title's word is a title's capital, not a name's: "The
			// Pond in Winter" does not name "Walden Pond", though every
			// word of a title is written with a capital.
			"a title's common word", "walden.md",
			"# A Life in the Woods\n\n## Economy\n\n" +
				"When I wrote the following pages, or rather the bulk of them, I lived alone, in the woods, a mile from any neighbor, in a house which I had built myself, on the shore of Walden Pond, in Concord, Massachusetts, and earned my living by the labor of my hands only. " +
				"I lived there two years and two months.\n\n" +
				"## The Pond in Winter\n\n" +
				"After a still winter night I awoke. " +
				"Fishermen came with fowling-pieces to catch pickerel. " +
				"They, of course, are Walden all over and all through; are themselves small Waldens in the animal kingdom, Waldenses. " +
				"The men cut the ice in blocks.\n",
			[]firstQuote{
				{"Where is Walden Pond?", "in Concord"},
			},
		},
		{
			// A name given earlier in the paragraph is held by a sentence
			// that calls it by its last word in lower case.
			"a name called by its last word", "stadiums.txt",
			"Stadiums\n\n" +
				"In 2012 the league named two finalists, Sun Life Stadium and Levi's Stadium. " +
				"In May 2013 the owners met in Boston and voted for Santa Clara. " +
				"The new stadium opened in 2014 beside the old fairground.\n\n" +
				"The Sun Life company sold its naming rights in 2016.\n",
			[]firstQuote{
				{"When did Levi's Stadium open?", "opened in 2014"},
				{"When did Sun Life sell its naming rights?", "sold its naming rights"},
			},
		},
		{
			// A sentence opening with a pronoun holds the name the
			// sentence before it opens with, past others opening with
			// pronouns (the first too long to be quoted with the
			// answer).
			"a name a pronoun stands for", "editions.txt",
			"Editions\n\n" +
				"The physician John Snow wrote about cholera in 1849 in a long book of many chapters on the towns, the villages, the abbeys, the markets and the ports of England, Wales and Scotland that the pestilence reached in the years after it first came over from the continent, with tables of the dead of every parish that kept a register and of every manor whose rolls have come down to us. " +
				"He lived in London. He revised the book for a second edition in 1855.\n\n" +
				"The historian Francis Gasquet wrote about the plague in 1893 in a long book of many chapters on the towns, the villages, the abbeys, the markets and the ports of England, Wales and Scotland that the pestilence reached in the years after it first came over from the continent, with tables of the dead of every parish that kept a register and of every manor whose rolls have come down to us. " +
				"He lived in Downside. He revised the book for a second edition in 1908.\n",
			[]firstQuote{
				{"When did the second edition of Gasquet's book come out?", "in 1908"},
				{"When did the second edition of Snow's book come out?", "in 1855"},
			},
		},
		{
			// So does a sentence whose first clause opens with a pronoun
			// after a word or a short phrase leading into it, where the
			// paragraph names both men.
			"a pronoun after a leading phrase", "reprints.txt",
			"Reprints\n\n" +
				"The physician John Snow wrote about cholera in 1849 in a long book of many chapters on the towns, the villages, the abbeys, the markets and the ports of England, Wales and Scotland that the pestilence reached in the years after it first came over from the continent, with tables of the dead of every parish that kept a register and of every manor whose rolls have come down to us. " +
				"After that, he revised the book for a second edition in 1855. " +
				"The historian Francis Gasquet wrote about the plague in 1893 in a long book of many chapters on the towns, the villages, the abbeys, the markets and the ports of England, Wales and Scotland that the pestilence reached in the years after it first came over from the continent, with tables of the dead of every parish that kept a register and of every manor whose rolls have come down to us. " +
				"Then he revised the book for a second edition in 1908.\n",
			[]firstQuote{
				{"When did the second edition of Gasquet's book come out?", "in 1908"},
				{"When did the second edition of Snow's book come out?", "in 1855"},
			},
		},
		{
			// A sentence saying "there" of a place holds the names the
			// sentence before gives.
			"a place called there", "woods.txt",
			"Woods\n\n" +
				"When I wrote the following pages, or rather the bulk of them, I lived alone, in the woods, a mile from any neighbor, in a house which I had built myself, on the shore of Walden Pond, in Concord, Massachusetts. " +
				"I lived there two years and two months.\n\n" +
				"One old hunter used to come to bathe in Walden once every year when the water was warmest, and many years ago he went out for a cruise in Walden Wood.\n",
			[]firstQuote{
				{"How long did Thoreau live at Walden?", "two years and two months"},
			},
		},
		{
			// A "where" question is answered by a place it does not name
			// itself, after a preposition of place.
			"a place the question lacks", "places.txt",
			"Places\n\n" +
				"Every morning we went to Smolny Institute.\n\n" +
				"Smolny Institute, the headquarters of the soviet and of its committees, lay miles out of the city beside the wide Neva.\n",
			[]firstQuote{
				{"Where was Smolny Institute?", "beside the wide Neva"},
			},
		},
		{
			// A "who" question is answered by a name, not by the name of
			// a place or a month.
			"a person the question lacks", "andes.txt",
			"Andes\n\n" +
				"The long expedition over the high Andes set out from Valparaiso in March.\n\n" +
				"The long expedition was led by Darwin.\n",
			[]firstQuote{
				{"Who led the long expedition over the high Andes?", "led by Darwin"},
			},
		},
		{
			// A story told in the first person calls its narrator "I":
			// the question's "narrator" is held by the narration that
			// says "I", not by what is said in quotation marks.
			"the narrator of a story told in the first person", "memoir.txt",
			"Memoir\n\n" +
				"Landed at Dover, “I saw them,” said the boatman.\n\n" +
				"I landed on the Kentish bank and lay down, deadly sick, amid the long grass of the marshes by the road.\n",
			[]firstQuote{
				{"Where did the narrator land?", "Kentish bank"},
			},
		},
		{
			// A poem's speaker is "I", whom a reader calls the poet,
			// though the poems speak of poets too.
			"the poet of poems told in the first person", "poems.txt",
			"Poems\n\n" +
				"  The poet of these States is the equable man, and the poet looks on the hills.\n" +
				"  Here the poet sees the ships of all nations come in.\n\n" +
				"  I saw in Louisiana a live-oak growing,\n" +
				"  And I broke off a twig with a certain number of leaves upon it.\n",
			[]firstQuote{
				{"What did the poet see in Louisiana?", "live-oak growing"},
				{"What did the poet break off?", "broke off a twig"},
			},
		},
		{
			// "Who was the X?" is answered by the name that stands beside
			// the role, not by any name in a sentence that holds it.
			"a role and who holds it", "club.txt",
			"Club\n\n" +
				"The head coach of the club met Queen Victoria when the club played at Windsor.\n\n" +
				"That season the club's head coach, Tom Smith, was ill.\n",
			[]firstQuote{
				{"Who was the head coach of the club?", "Tom Smith"},
				{"What was the name of the head coach of the club?", "Tom Smith"},
			},
		},
		{
			// An abbreviation the text writes stands for the name the
			// question spells out.
			"an abbreviation for a name", "sports.txt",
			"Sports\n\n" +
				"The National Football League (NFL) decides the champion of each season in a final game.\n\n" +
				"The NFL was founded in 1920 in Canton.\n\n" +
				"Many a football league was founded in the 1920s and folded within a year.\n",
			[]firstQuote{
				{"When was the National Football League founded?", "in 1920 in Canton"},
				{"What does the NFL decide?", "decides the champion"},
			},
		},
		{
			// "What type of climate…?" is answered by the climate named,
			// not by a sentence that counts types.
			"what type of", "jacksonville.txt",
			"Jacksonville\n\n" +
				"Geographers tell two types of climate apart in Florida, and two types of studio grew up in Jacksonville.\n\n" +
				"Jacksonville has a humid subtropical climate, with mild winters and hot summers.\n",
			[]firstQuote{
				{"What type of climate does Jacksonville have?", "humid subtropical"},
				{"What kinds of studio grew up in Jacksonville?", "types of studio"},
			},
		},
		{
			// "take place" is "happen": no place is asked for.
			"take place", "borodino.txt",
			"Borodino\n\n" +
				"The battle was fought beside the village of Borodino in September 1812.\n\n" +
				"The place of the battle had been chosen by Kutuzov for its hills.\n",
			[]firstQuote{
				{"When did the battle take place?", "September 1812"},
			},
		},
		{
			// Every word of a short section's title counts for the
			// sentences under it: a constitution's sidenote says what its
			// section is about.
			"a short section's title", "constitution.md",
			"# Constitution\n\n## Annual reports from officers\n\n" +
				"The officers of the Executive Department shall report to the Governor before each session.\n\n" +
				"## Drawing money\n\n" +
				"No money shall be drawn but by law, and an account of the public money shall be annually published.\n",
			[]firstQuote{
				{"Who must make annual reports?", "officers of the Executive"},
			},
		},
		{
			// Every word of a section's title counts for the sentence
			// that opens it too: a changelog's release over its
			// "Security Fixes", whose first entry names neither.
			"a section's opening sentence", "CHANGELOG.md",
			"# 1.3.0 (May 1)\n\nThis release fixes the lid and speeds the boil, and adds a whistle.\n\n" +
				"## Security Fixes\n\n* The lid could open under pressure and scald the hand that held it. It now locks until the water cools. Older lids are replaced free.\n\n" +
				"## Documentation\n\n* The manual says how long 1.3.0 takes to boil a litre.\n\n" +
				"# 1.2.0 (April 1)\n\nThis release adds a blue kettle.\n\n## Security Fixes\n\n* The handle no longer gets hot. It is wrapped in cork. Cork does not burn.\n",
			[]firstQuote{
				{"What security fix was in 1.3.0?", "The lid could open"},
			},
		},
		{
			// "many" of "How many…?" asks for a number: "so many" in
			// a sentence holds no word of the question.
			"how many", "madeira.txt",
			"Madeira\n\n" +
				"Mr. Wollaston found that 200 beetles, out of the 550 species inhabiting Madeira, are so far deficient in wings that they cannot fly.\n\n" +
				"So many Madeira beetles cannot fly because the wind blows the fliers out to sea.\n",
			[]firstQuote{
				{"How many beetles in Madeira cannot fly?", "200 beetles"},
			},
		},
		{
			// Two words of a question are the compound the text writes
			// as one.
			"a compound written as one word", "gettysburg.txt",
			"Addresses\n\n" +
				"On the occasion corresponding to this four years ago, all thoughts were directed to an impending civil war.\n\n" +
				"Fourscore and seven years ago our fathers brought forth upon this continent a new nation.\n",
			[]firstQuote{
				{"four score and seven years ago", "Fourscore"},
				{"What happened four score years ago?", "Fourscore"},
			},
		},
		{
			// A number is the same in words and in figures, an ordinal
			// too; "one" is too often no count to be "1".
			"numbers in words and figures", "season.txt",
			"The season\n\n" +
				"Allen led the line and made sacks in every game of the season.\n\n" +
				"Ealy had 5 sacks in 9 starts at the end of the line.\n\n" +
				"The fourth coach of the team, Rivera, came in 2011.\n\n" +
				"Rivera was one coach among many who made the team a winner.\n\n" +
				"Rivera had been a coach of the team since the 4th game of 2011.\n",
			[]firstQuote{
				{"Who had five sacks in nine games?", "Ealy had 5 sacks"},
				{"Who was the 4th coach of the team?", "The fourth coach"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := corpus.Parse(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			r, a := standaloneDoc(t, doc)
			checkRankedFirst(t, r, a, tt.first)
		})
	}
}

// TestAnswerSlots: the features that find the answer where it stands
// beside the question's words, sentence by sentence.
func TestAnswerSlots(t *testing.T) {
	tests := []struct {
		name, text, question string
		feature              string
		want                 []bool // for each sentence of the text
	}{
		{
			"a name after by", "The silver trophy was named for Vince Lombardi. The silver trophy was designed by Tiffany. Tiffany was paid by the league.\n",
			"Who designed the silver trophy?", "agentNamed", []bool{false, true, false},
		},
		{
			"a name after by and what they were", "The spinning throstle was invented by Richard Arkwright. The jenny was invented in 1764 by a weaver, James Hargreaves.\n",
			"Who invented the jenny?", "agentNamed", []bool{true, true},
		},
		{
			"a name after by, for who only", "The silver trophy was designed by Tiffany.\n",
			"When was the silver trophy designed?", "agentNamed", []bool{false},
		},
		{
			"the number of what is counted", "In 12 of its seasons the referee read out the rules. The referee read out three rules.\n",
			"How many rules did the referee read out?", "countNamed", []bool{false, true},
		},
		{
			"the name beside the role of someone named", "Pierre's father was ill that winter. Pierre's father, Count Bezukhov, was ill that winter.\n",
			"Who was Pierre's father?", "roleNamed", []bool{false, true},
		},
		{
			"the name beside the role", "The head coach met Queen Victoria at Windsor. That season the head coach, Tom Smith, was ill.\n",
			"Who was the head coach?", "roleNamed", []bool{false, true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, a := standalone(t, tt.text)
			q := a.question(cleanQuery(tt.question))
			j := slices.IndexFunc(features[:], func(f feature) bool { return f.name == tt.feature })
			var got []bool
			for sent := range r.corpus.Documents[0].SentenceCount() {
				var x featureVector
				r.gather(&q, newScratch(&q), 0, sent, 1).vector(&x)
				got = append(got, x[j] != 0)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s of each sentence for %q: %v, want %v", tt.feature, tt.question, got, tt.want)
			}
		})
	}
}

func TestSaysThere(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"I lived there two years and two months.", true},
		{"We went there in May.", true},
		{"There were four of us.", false},
		{"and there were four of us", false},
		{"It happened that there was no wind.", false},
		{"Is it there?", true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := saysThere(tt.text); got != tt.want {
				t.Errorf("saysThere(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
