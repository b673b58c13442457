package retrieval

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// greeting greets the bot or a group, and greeted is whom, where it says:
// "Hey all", "Good morning everyone".
const (
	greeting = `(?:hi|hey|hello|good (?:morning|afternoon|evening))`
	greeted  = `(?: (?:all|everyone|everybody|guys|folks|there|friends))?`
)

// Chat around a question: what a reader says to the bot rather than asks
// of the text. None of its words is a word of the answer, and each would
// count as one ("thanks", "wondering", "lectern").
var (
	// chatOpening greets or addresses the bot, or frames what follows as
	// a question: "hey lectern, …", "Can you tell me …", "I was
	// wondering why …", "I don't understand: …".
	chatOpening = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		`(?:yo|` + greeting + `)` + greeted + `[\s,!.:;]+`,                          // a greeting
		`(?:ok|okay|so|um+|uh+|hm+|idk|please|pls|@\S+|<@[!&]?\d+>|/ask)[\s,!.:;]+`, // a filler, a mention, the command typed
		`(?:lectern|bot)[,!.:;]\s*`,
		`(?:(?:can|could|would|will) (?:you|anyone|anybody|someone|somebody) (?:please )?)?(?:(?:tell|explain to|show) me(?: (?:about|if|whether))?|explain|help me (?:to )?understand)\b[\s,:]*`,
		`(?:does|did) (?:the (?:text|book|author)|it) (?:say|mention)\b[\s,:]*(?:that |whether |if )?`,
		`where does (?:the (?:text|book|author)|it) (?:say|mention)\b[\s,:]*(?:that )?`,
		`in your (?:opinion|view)\b[\s,:]*`,
		`(?:sorry|apologies)\b[^?,]*,\s*(?:but\s+)?`, // "Sorry if this is obvious, but …"
		`(?:do|does) (?:you|anyone) know\b[\s,:]*(?:if |whether )?`,
		`i(?:'m| am| was) wondering\b[\s,:]*(?:if |whether )?`,
		`i(?:'d| would) like to know\b[\s,:]*(?:if |whether )?`,
		`i (?:want|need) to know\b[\s,:]*(?:if |whether )?`,
		`i (?:don't|do not|didn't|did not|can't|cannot) (?:understand|get|figure out)\b[\s,:]*`,
		`i(?:'m| am) (?:curious|confused)\b[\s,:]*(?:about |if |whether )?`,
		`(?:quick question|real(?:ly)? quick)\b[\s,:]*|quick(?: one)?[,:]\s*`,
		`(?:another|one more|one last|my|a) (?:quick )?question\s*(?:about (?:the|this) \w+\s*)?[:,\-–—]\s*`,
		passageRequest,
	}, "|") + `)+`)
	// chatClosing thanks, pleads or asks for help after the question,
	// past its punctuation: "…? Thanks!", "…, please?", "…? Any idea?"
	// (not "Who said thank you?").
	chatClosing = regexp.MustCompile(`(?i)\s*([,.!?]+)\s*(?:thanks|thank you|thx|ty|cheers|please|pls|any (?:idea|ideas|thoughts|clue)|in simple terms|simply|briefly|in (?:short|brief|a nutshell|a sentence)|if you (?:know|can)|if possible|anyone|(?:does anyone|do you|anybody) know|can you help|help)(?: (?:so much|a lot|in advance|again))?[\s.!]*(\??)[\s.!]*$`)
	// askerAside is a remark in parentheses after the question, about who
	// asks: "…? (asking for my book club)".
	askerAside = regexp.MustCompile(`\?\s*\([^()]*\)[\s.!]*$`)
)

// passageRequest asks for a passage on a subject rather than a question
// of it, as readers ask a bot named for its quotes: "Give me a quote about
// Kronstadt", "quote about kronstadt", "Is there a passage on the
// famine?", "the part where Huck fakes his death", "Show me where the
// text mentions Lenin". The subject is what to look for.
const passageRequest = `(?:(?:can|could|would) you )?(?:(?:give|show|find|get) me |find |show |is there |are there )?(?:a |an |any |the |some )?(?:good )?(?:quotes?|quotations?|passages?|lines?|excerpts?|mentions?|bits?|parts?|scenes?|moments?|sections?) (?:about|on|regarding|concerning|where|in which|when)\s+|(?:show me )?where (?:the text|the book|it|the author) (?:mentions|talks about|says|discusses|writes about)\s+`

// The text itself, named in a question: "In the book, why…", "…in the
// novel?", "According to the author, …". Every sentence is in the text,
// so the words say nothing of which answers; left in, they favour
// sentences that mention a book or a novel.
var (
	textNamed       = `(?:in|from|according to) (?:the|this) (?:` + wordAlternatives(slices.Concat(textNouns, wholeTextNouns)) + `)`
	textNamedBefore = regexp.MustCompile(`(?i)^` + textNamed + `\s*[,:]\s*`)
	textNamedAfter  = regexp.MustCompile(`(?i)\s*,?\s+` + textNamed + `(\s*[?.!]*)$`)
)

// minUnnamedWords is how many words a question must keep without the
// text it names: "What happens?" asks nothing.
const minUnnamedWords = 3

// connective opens a question that follows another in a chat ("And who
// was Plekhanov?", "Also, what…", "But did Lenin agree?"); the question
// after it is kept, and read as one. An auxiliary after it opens a
// question only where a question mark ends it: "but have got up and
// dressed" is a quotation.
var connective = regexp.MustCompile(`(?i)^(?:and|but|also|then|oh|wait|now|plus|anyway)\b[\s,]*((?:what|who|whom|whose|which|when|where|why|how)\b|(?:is|are|was|were|do|does|did|can|could|would|should|will|has|have|had)\b.*\?$)`)

// withoutChat is a question without the chat around it, where that
// leaves words to ask with.
func withoutChat(text string) string {
	out := chatClosing.ReplaceAllStringFunc(askerAside.ReplaceAllString(text, "?"), func(closing string) string {
		if strings.Contains(closing, "?") {
			return "?"
		}
		return ""
	})
	out = strings.TrimSpace(chatOpening.ReplaceAllString(out, ""))
	out = contraction.ReplaceAllString(connective.ReplaceAllString(out, "$1"), "$1 is")
	if unnamed := textNamedAfter.ReplaceAllString(textNamedBefore.ReplaceAllString(out, ""), "$1"); len(strings.Fields(unnamed)) >= minUnnamedWords {
		out = unnamed // not "What happens in the chapter?"
	}
	if strings.Trim(out, "?!. ") == "" {
		return text
	}
	return out
}

var (
	// chatLabel marks a question as one in a chat: a quotation's "> ", a
	// label "Q:" or "Question:", a list's bullet or number, a heading's
	// "#", Discord's small print "-#".
	chatLabel = regexp.MustCompile(`(?i)^(?:>\s*|q\s*[:.)-]\s*|question(?: (?:about|on) (?:the|this) \w+)?\s*[:.)-]\s*|-#\s+|[-•]\s+|\d{1,2}[.)]\s+|#{1,3}\s+)+`)
	// discordMarkup is what a chat sets among a question's words that is
	// none of them: a custom emoji ("<:thinking:1234…>"), an emoji's
	// shortcode (":thinking:"), a link.
	discordMarkup = regexp.MustCompile(`<a?:\w+:\d+>|(?:^|\s):[a-z0-9_+-]+:(?:\s|$)|https?://\S+`)
	// hashtags close a question after its question mark: "…? #history"
	// (not "What was #MeToo").
	hashtags = regexp.MustCompile(`\?(?:\s+#[A-Za-z][\w-]*)+\s*$`)
	// emphasis is Markdown's: "**", "__", "~~", a backtick, or a single
	// "*" or "_" at a word's edge.
	emphasis = regexp.MustCompile("\\*\\*|__|~~|`|(?:^|\\s)[*_]+|[*_]+(?:$|[\\s?!.,:;])")
	// spoiler is Discord's "||…||" around words, not the operator "a || b".
	spoiler = regexp.MustCompile(`\|\|(\S(?:[^|]*\S)?)\|\|`)
)

// withoutChatMarkup is a message without what a chat sets around its
// words: the lines a reply quotes, custom emoji, emoji shortcodes, links
// (discordMarkup), hashtags after the question. It is read before a colon
// parts two words, which would part "<:thinking:…>".
func withoutChatMarkup(text string) string {
	return hashtags.ReplaceAllString(discordMarkup.ReplaceAllString(withoutQuotedLines(text), " "), "?")
}

// withoutQuotedLines is a message without the lines it quotes ("> …"),
// as a reply quotes what it answers, where lines of its own remain.
func withoutQuotedLines(text string) string {
	if !strings.Contains(text, ">") {
		return text
	}
	var own []string
	for line := range strings.Lines(text) {
		if !strings.HasPrefix(strings.TrimSpace(line), ">") {
			own = append(own, line)
		}
	}
	if strings.TrimSpace(strings.Join(own, "")) == "" {
		return text
	}
	return strings.Join(own, "")
}

// quotedQuestion is a question set in quotation marks as a whole, as
// some readers type one: it quotes nothing of the text.
var quotedQuestion = regexp.MustCompile(`^["“”]([^"“”]+\?)["“”]$`)

// plainTyping undoes how a question may be typed in a chat: Markdown
// emphasis, a quotation mark or a label before it, quotation marks
// around it, and capitals throughout (a name stays a name only where the
// rest is lower case; an abbreviation typed alone stays as it is).
func plainTyping(text string) string {
	plain := emphasis.ReplaceAllStringFunc(text, func(m string) string {
		return strings.Map(func(r rune) rune {
			if r == '*' || r == '_' || r == '~' || r == '`' {
				return -1
			}
			return r
		}, m)
	})
	plain = spoiler.ReplaceAllString(plain, "$1")
	plain = strings.TrimSpace(chatLabel.ReplaceAllString(strings.TrimSpace(plain), ""))
	plain = quotedQuestion.ReplaceAllString(plain, "$1")
	if strings.IndexFunc(plain, unicode.IsLetter) < 0 {
		return text
	}
	if strings.IndexFunc(plain, unicode.IsLower) < 0 && !typedAbbreviation(plain) {
		plain = strings.ToLower(plain)
	}
	return plain
}

// typedAbbreviation reports whether text is one word of capitals as an
// abbreviation is written ("NEP?", "NKVD"): typed alone, it is no
// question typed in capitals throughout.
func typedAbbreviation(text string) bool {
	word := strings.TrimRightFunc(text, unicode.IsPunct)
	n := utf8.RuneCountInString(word)
	return n >= minAbbreviation && n <= maxAbbreviation && strings.IndexFunc(word, func(r rune) bool { return !unicode.IsUpper(r) }) < 0
}

// contraction is an interrogative opening a question run into "is", as
// a chat writes it: "What's", "who’s", "whats" (a definition question is
// known by its "What is"; not "Doctor Who's").
var contraction = regexp.MustCompile(`(?i)^(what|who|where|how|when|why)(?:['’]s|s)\b`)

// sentenceEnd ends a sentence of a reader's message.
var sentenceEnd = regexp.MustCompile(`[.!?]+["'”’)]*\s+`)

// asideOpening opens a sentence about the reader rather than the text:
// "I'm reading this for my class…", "Our reading group argued…", "I
// couldn't find it anywhere."
var asideOpening = regexp.MustCompile(`^(?:I|I'm|I’m|I've|I’ve|I'd|I’d|We|We're|We’re|We've|We’ve|Our|My)\b`)

// chatSentence is a sentence of a reader's message that speaks to the bot
// or the group, not of the text: a greeting, asking leave to ask ("Can I
// ask something?"), a request for the answer's page or source ("What page
// is that on?", "Please cite the text."), "Just curious.".
var chatSentence = regexp.MustCompile(`(?i)^(?:` + greeting + greeted + `|(?:can|could|may) i ask(?: (?:you |a |one )?(?:something|a question|one more|another))?|(?:any ?one|anybody) (?:here|around|online)|(?:what|which) page(?: is (?:that|this|it)(?: on)?)?|page(?: numbers?)?(?: please)?|(?:please )?(?:cite|quote|give) (?:me )?(?:the|a) (?:text|source|page|passage|line|reference)s?(?: please)?|just (?:curious|wondering|asking)|thanks(?: in advance)?)[\s.!?]*$`)

// minOwnConcepts is how many content words a question that points back
// (pointsBack) needs to stand without the sentences a reader sets around
// it: "Who succeeded him?" after "I read that Lenin died in 1924." needs
// its neighbour.
const minOwnConcepts = 3

// pointsBack finds a word standing for something said before it.
var pointsBack = regexp.MustCompile(`(?i)\b(?:he|him|his|she|her|hers|it|its|they|them|their|this|that|these|those)\b`)

// withoutAsides is a reader's message without the sentences about the
// reader around its one question ("I'm reading this for my class and
// I'm confused. Why did…?"), where the question can be asked alone: it
// points back to nothing, or holds minOwnConcepts words of its own.
func (ix *Index) withoutAsides(text string) string {
	sentences, questions, ok := messageQuestions(text)
	if !ok || len(questions) != 1 || len(sentences) == 1 || !ix.standsAlone(questions[0]) {
		return text
	}
	return questions[0]
}

// separateQuestions is a reader's message as the questions it asks, when
// it asks two or more that each stand alone ("Why did Kronstadt rebel?
// Who was Trotsky?"), besides sentences about the reader; nil otherwise
// ("Why did Kronstadt rebel? Who led it?" is one question in two).
func (ix *Index) separateQuestions(text string) []string {
	_, questions, ok := messageQuestions(text)
	if !ok || len(questions) < 2 {
		return nil
	}
	for _, q := range questions {
		if !ix.standsAlone(q) {
			return nil
		}
	}
	return questions
}

// messageQuestions splits a reader's message into its sentences and the
// questions among them. ok is false when a sentence other than a
// question is about the text, not the reader: the questions may lean on
// it.
func messageQuestions(text string) (sentences, questions []string, ok bool) {
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		sentences = append(sentences, strings.TrimSpace(text[last:m[1]]))
		last = m[1]
	}
	sentences = append(sentences, strings.TrimSpace(text[last:]))
	for _, s := range sentences {
		switch {
		case chatSentence.MatchString(s):
		case strings.HasSuffix(s, "?"):
			questions = append(questions, s)
		case !asideOpening.MatchString(s):
			return sentences, questions, false
		}
	}
	return sentences, questions, true
}

// standsAlone reports whether a question can be asked apart from the
// sentences around it: it points back to nothing, or holds
// minOwnConcepts words of its own.
func (ix *Index) standsAlone(question string) bool {
	if !pointsBack.MatchString(question) {
		return true
	}
	q := ix.analyse(question)
	return q.contentConcepts() >= minOwnConcepts
}

// asAsked is a cleaned question as Ask asks it: typed plainly (its short
// question words typed right: retyped), without the chat and the
// sentences about the reader around it, a term typed alone asked what it
// is. Suggest reads it so too, so that its note names the words the
// answer was found by.
func (ix *Index) asAsked(text string) string {
	question := ix.withoutAsides(withoutChat(ix.retyped(plainTyping(text))))
	return askedAsTerm(withoutChat(question)) // the question set apart from the asides may open with chat of its own
}

// maxTermWords is how many words a name typed alone may have: "Vikzhel",
// "Red Guards", "Smolny Institute", "Brest-Litovsk Treaty".
const maxTermWords = 3

// askedAsTerm is a term typed alone, a word or a name, as the question
// what it is: "Vikzhel" is asked "What is Vikzhel?", so that the sentence
// saying what it is comes first, not the one that holds it most often.
// Words in lower case may be a question typed as keywords ("soviets
// organized"), and a part of the text ("chapter 3"), a date or a verse
// is a place to look: they stay as typed.
func askedAsTerm(text string) string {
	term := strings.TrimSpace(strings.TrimRight(text, "?!. "))
	words := strings.Fields(term)
	if len(words) == 0 || len(words) > maxTermWords || interrogative.MatchString(term) || strings.ContainsAny(term, ",;:\"“”()") {
		return text
	}
	if len(words) > 1 && slices.ContainsFunc(words, func(w string) bool { r, _ := utf8.DecodeRuneInString(w); return !unicode.IsUpper(r) }) {
		return text
	}
	if refs, _ := questionRefs(term); len(refs) > 0 {
		return text
	}
	return "What is " + term + "?"
}
