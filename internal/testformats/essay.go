package testformats

// Essay is a short book written for tests: long words that break
// at lines' ends, a compound, quotation marks, dashes and footnotes.
func Essay() Book {
	return Book{
		Title:  "On Lanterns and Libraries",
		Author: "A. Tester",
		Chapters: []Chapter{
			{Title: "The Reading Room", Paragraphs: []string{
				"The reading room opened at eight, and the librarian unlocked it herself every morning. She believed that a library was a promise kept in public, and that the promise was broken whenever a reader waited at a locked door. Nobody remembered her ever being late, not even in the winter of the great snow.",
				"Readers came for many reasons. Some wanted a particular book and left as soon as they had it; others stayed all day, moving from shelf to shelf with no plan at all. The librarian liked the second kind better, though she never said so, because she thought wandering was how most discoveries were made.",
				"The catalogue was kept in long wooden drawers, each card written by hand. Extraordinarily, not one card had been lost in forty years, notwithstanding the damp, the mice and the well-known carelessness of visiting scholars. “A card is a small thing,” she told an apprentice, “until it is the only way to find a book.”",
				"In the evenings the room emptied slowly. The last readers gathered their notes, the lamps were turned down one by one, and the great table was wiped clean for the next day. It was, she said, the only hour when the building belonged to the books and not to the people who came to borrow them.",
			}, Notes: map[int]string{1: "The librarian kept a diary in which she recorded the number of readers each day."}},
			{Title: "Lanterns", Paragraphs: []string{
				"Before the building had electric light, every reader was given a lantern at the door. The lanterns were numbered, and a reader who failed to return one was not admitted again until it was found. This rule caused more quarrels than any other, but it also meant that no lantern was ever left burning among the shelves.",
				"Fire was the great fear of every library. A single careless moment could destroy what generations had gathered, and the librarians of that age spoke of fire the way sailors spoke of storms—as something always waiting. Responsibilities for the lanterns were divided among three clerks, each of whom checked the others.",
				"When electric light finally arrived, the lanterns were not thrown away. They were cleaned, polished and hung along the staircase, where visitors still stop to read the numbers painted on their sides. Some say the numbers match the old register exactly; others doubt that anyone ever checked.",
			}, Notes: map[int]string{0: "The register of lanterns survives and is kept in the archive on the second floor."}},
			{Title: "What Readers Leave Behind", Paragraphs: []string{
				"Readers leave things in books: letters, pressed flowers, train tickets, recipes and, once, a banknote of considerable value. The librarian kept a box of these discoveries and returned them when she could. Most were never claimed, and the box grew heavier every year.",
				"She came to think of the box as a second catalogue, one that recorded not the books but the lives of the people who had read them. A ticket to a seaside town, a child's drawing of a horse, a note that said only “wait for me”: each was a story without a beginning or an end.",
				"When she retired, the box was given to the town museum. It is displayed beside the old card catalogue, and visitors often spend longer reading the forgotten notes than looking at anything else. Perhaps that is what she intended; she never explained, and nobody thought to ask her.",
			}},
		},
	}
}
