package retrieval

import (
	"regexp"
	"strings"
	"unicode"
)

// Chat around a question: what a reader says to the bot rather than asks
// of the text. None of its words is a word of the answer, and each would
// count as one ("thanks", "wondering", "lectern").
var (
	// chatOpening greets or addresses the bot, or frames what follows as
	// a question: "hey lectern, …", "Can you tell me …", "I was
	// wondering why …", "I don't understand: …".
	chatOpening = regexp.MustCompile(`(?i)^(?:(?:hi|hey|hello|yo|ok|okay|so|um+|uh+|please|pls|@\S+)[\s,!.:;]+|(?:lectern|bot)[,!.:;]\s*|(?:can|could|would|will) you (?:please )?(?:tell|explain to|show) me(?: (?:about|if|whether))?\b[\s,:]*|(?:do|does) (?:you|anyone) know\b[\s,:]*(?:if |whether )?|i(?:'m| am| was) wondering\b[\s,:]*(?:if |whether )?|i(?:'d| would) like to know\b[\s,:]*(?:if |whether )?|i (?:want|need) to know\b[\s,:]*(?:if |whether )?|i (?:don't|do not|didn't|did not|can't|cannot) (?:understand|get|figure out)\b[\s,:]*|quick question\b[\s,:]*)+`)
	// chatClosing thanks or pleads after the question, past its
	// punctuation: "…? Thanks!", "…, please?" (not "Who said thank
	// you?").
	chatClosing = regexp.MustCompile(`(?i)\s*([,.!?]+)\s*(?:thanks|thank you|thx|ty|cheers|please|pls)(?: (?:so much|a lot|in advance|again))?[\s.!]*(\??)[\s.!]*$`)
)

// withoutChat is a question without the chat around it, where that
// leaves words to ask with.
func withoutChat(text string) string {
	out := chatClosing.ReplaceAllStringFunc(text, func(closing string) string {
		if strings.Contains(closing, "?") {
			return "?"
		}
		return ""
	})
	out = strings.TrimSpace(chatOpening.ReplaceAllString(out, ""))
	if strings.Trim(out, "?!. ") == "" {
		return text
	}
	return out
}

var (
	// chatLabel marks a question as one in a chat: a quotation's "> ", a
	// label "Q:" or "Question:".
	chatLabel = regexp.MustCompile(`(?i)^(?:>\s*|q\s*[:.)-]\s*|question\s*[:.)-]\s*)+`)
	// emphasis is Markdown's: "**", "__", "~~", a backtick, or a single
	// "*" or "_" at a word's edge.
	emphasis = regexp.MustCompile("\\*\\*|__|~~|`|(?:^|\\s)[*_]+|[*_]+(?:$|[\\s?!.,:;])")
)

// plainTyping undoes how a question may be typed in a chat: Markdown
// emphasis, a quotation mark or a label before it, and capitals
// throughout (a name stays a name only where the rest is lower case).
func plainTyping(text string) string {
	plain := emphasis.ReplaceAllStringFunc(text, func(m string) string {
		return strings.Map(func(r rune) rune {
			if r == '*' || r == '_' || r == '~' || r == '`' {
				return -1
			}
			return r
		}, m)
	})
	plain = strings.TrimSpace(chatLabel.ReplaceAllString(strings.TrimSpace(plain), ""))
	if strings.IndexFunc(plain, unicode.IsLetter) < 0 {
		return text
	}
	if strings.IndexFunc(plain, unicode.IsLower) < 0 {
		plain = strings.ToLower(plain)
	}
	return plain
}
