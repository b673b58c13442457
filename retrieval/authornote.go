package retrieval

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/lectern-bot/lectern/corpus"
)

// authorAsked asks who wrote the text being read: "Who wrote this?", "Who
// is the author of the book?", "Who's the author?", "What is the author's
// name?". The text's own sentences rarely say; its title page or the
// file's details do, and Lectern leaves those out of the text it quotes.
var authorAsked = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`who\s+(?:wrote|has written|authored|penned|is the (?:author|writer) of|was the (?:author|writer) of)\s+` + theWholeText,
	`who(?:'s|’s|\s+is|\s+was)\s+(?:the|this)\s+(?:author|writer)(?:\s+of\s+` + theWholeText + `)?`,
	`what(?:'s|’s|\s+is|\s+was)\s+the\s+(?:author's|author’s|writer's|writer’s)\s+name`,
	`(?:what(?:'s|’s|\s+is|\s+was)\s+)?the\s+name\s+of\s+the\s+(?:author|writer)`,
}, "|") + `)\s*[?.!]*$`)

// theWholeText is how a question points at the text it is asked of:
// "this", "it", "the book", "this novel".
var theWholeText = `(?:this|it|(?:the|this)\s+(?:` + wordAlternatives(wholeTextNouns) + `))`

// maxNotedAuthors is how many texts' authors a note names, in a corpus of
// several.
const maxNotedAuthors = 3

// AuthorNote answers a question that asks who wrote the text ("Who wrote
// this?") from what the text's title page or the file's details name as
// its author (corpus.Document.Author): no quote can, as Lectern leaves
// those out of the text. It is "" for any other question; the quotes are
// found as for any question, and a front end shows the note above them.
func (ix *Index) AuthorNote(question string) string {
	if !authorAsked.MatchString(strings.TrimSpace(ix.asAsked(cleanQuery(question)))) {
		return ""
	}
	return authorNote(ix.corpus.Documents)
}

// authorNote names the authors of docs, as far as they are known.
func authorNote(docs []*corpus.Document) string {
	const where = "their title pages or the files' details"
	if len(docs) == 1 {
		d := docs[0]
		switch strings.ToLower(d.Author) {
		case "":
			return fmt.Sprintf("“%s” does not name its author where Lectern can read it (a title page or the file's details).", docTitle(d))
		case "anonymous", "unknown":
			return fmt.Sprintf("“%s” names no author: its title page or the file's details say “%s”.", docTitle(d), d.Author)
		}
		return fmt.Sprintf("“%s” is by %s: its title page or the file's details say so, and Lectern quotes only the text itself.", docTitle(d), d.Author)
	}
	var named []string
	for _, d := range docs {
		if d.Author != "" {
			named = append(named, fmt.Sprintf("“%s” is by %s", docTitle(d), d.Author))
		}
	}
	switch {
	case len(named) == 0:
		return fmt.Sprintf("None of the %d texts names its author where Lectern can read it (%s).", len(docs), where)
	case len(named) > maxNotedAuthors:
		return fmt.Sprintf("As %s say: %s; and %d texts more.", where, strings.Join(named[:maxNotedAuthors], "; "), len(named)-maxNotedAuthors)
	}
	return fmt.Sprintf("As %s say: %s.", where, strings.Join(named, "; "))
}

// docTitle is how a note names a document: its title, else its file.
func docTitle(d *corpus.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.Name
}
