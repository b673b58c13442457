package retrieval

import "testing"

// faqPage is a page of questions as headings, each answered under it in
// words of its own.
const faqPage = `# Billing FAQ

## When am I charged?

On the first day of each month, for the month ahead.

## Do you offer refunds?

Refunds are given within fourteen days of a charge if you have not used the paid features.

## Can I pay by invoice?

Teams of ten or more can; write to the sales desk.
`

// TestAskedHeading: a question that asks what a heading asks is answered
// first by the answer under it, though another sentence holds its words;
// one that asks something else of the same words is answered as any
// other question.
func TestAskedHeading(t *testing.T) {
	ix := parsedIndex(t, "faq.md", faqPage)
	checkFirstQuotesBegin(t, ix, []firstQuote{
		{"When am I charged?", "On the first day of each month"},
		{"Can I pay by invoice?", "Teams of ten or more can"},
	})
	tests := []string{"Why am I charged?", "What does a refund cost?"}
	for _, text := range tests {
		q := ix.analyse(cleanQuery(text))
		if _, _, ok := ix.askedHeading(&q); ok {
			t.Errorf("%q found a heading that asks it", text)
		}
	}
}

// TestAskedBoldQuestion: a FAQ written in Markdown with its questions in
// bold and labelled ("**Q: When am I charged?**" / "A: …") is answered
// as one with questions for headings.
func TestAskedBoldQuestion(t *testing.T) {
	ix := parsedIndex(t, "faq.md", "# Billing FAQ\n\n"+
		"**Q: When am I charged?**\nA: On the first day of each month, for the month ahead.\n\n"+
		"**Q: Do you offer refunds?**\nA: Refunds are given within fourteen days of a charge if you have not used the paid features.\n\n"+
		"**Q: Can I pay by invoice?**\nA: Teams of ten or more can; write to the sales desk.\n")
	checkFirstQuotesBegin(t, ix, []firstQuote{
		{"When am I charged?", "On the first day of each month"},
		{"Can I pay by invoice?", "Teams of ten or more can"},
	})
}

// TestAskedNumberedHeading: a FAQ typed as text numbers its questions
// ("1.2 Is there a test suite?") and answers them at length; the answer's
// first sentence comes first however many follow it, though a later
// section holds more of the question's words.
func TestAskedNumberedHeading(t *testing.T) {
	long := " It runs on every platform the tool supports. It needs a compiler. It takes a minute. It prints a line for each test. It stops at the first failure. It leaves its files in a temporary directory."
	text := "1.0\tGeneral\n\n1.1\tIs there a test suite?\n\n\tYes, in the tests directory." + long + "\n\n" +
		"1.2\tIs there a licence?\n\n\tNo, the tool is free to use." + long + "\n\n" +
		"1.3\tWhy do some tests fail?\n\n\tA test suite fails where there is no compiler for the test suite to use.\n"
	ix := parsedIndex(t, "faq.txt", text)
	checkFirstQuotesBegin(t, ix, []firstQuote{
		{"Is there a test suite?", "Yes, in the tests directory."},
		{"Is there a licence?", "No, the tool is free to use."},
	})
}
