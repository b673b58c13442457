package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// Discord's documented limits, in characters.
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxAuthor      = 256
	maxCustomID    = 100
	maxChoice      = 100
	maxChoices     = 25
	// MaxQueryRunes is how much of a question the bot keeps: it is stored
	// in the answer's embed so that paging works after a restart.
	maxQueryRunes = 240
)

const embedColor = 0x8B5CF6

// noMentions lets no text in a message ping anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// clip shortens s to at most n characters, at a word boundary, marking the
// cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " \n,;:") + "…"
}

// escapeMarkdown makes Discord show text literally.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\*_~`>|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// emphasise escapes text and wraps the byte ranges in bold.
func emphasise(text string, ranges [][2]int) string {
	var b strings.Builder
	last := 0
	for _, m := range ranges {
		if m[0] < last || m[1] > len(text) || m[0] >= m[1] {
			continue
		}
		b.WriteString(escapeMarkdown(text[last:m[0]]))
		b.WriteString("**" + escapeMarkdown(text[m[0]:m[1]]) + "**")
		last = m[1]
	}
	b.WriteString(escapeMarkdown(text[last:]))
	return b.String()
}

// blockQuote prefixes every line with "> ".
func blockQuote(s string) string {
	return "> " + strings.ReplaceAll(s, "\n", "\n> ")
}

// clipMarkdown shortens already-escaped markdown to n characters without
// leaving an unclosed bold marker or a dangling escape.
func clipMarkdown(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	c := clip(s, n-2)
	c = strings.TrimSuffix(strings.TrimSuffix(c, "…"), "\\")
	if strings.Count(c, "**")%2 == 1 {
		c += "**"
	}
	return c + "…"
}

// kind names which search made an answer: ask or quote.
type kind string

const (
	kindAsk   kind = "a"
	kindQuote kind = "q"
)

func (k kind) valid() bool { return k == kindAsk || k == kindQuote }

// citation is "interview.txt · lines 351–356 · p. 11".
func citation(source string, lines corpus.Span, page int) string {
	s := source + " · " + lines.Label()
	if page > 0 {
		s += " · p. " + strconv.Itoa(page)
	}
	return s
}

// sectionLine is "§3 · How would you characterize this party?".
func sectionLine(ref retrieval.SectionRef) string {
	return fmt.Sprintf("§%d · %s", ref.Number, ref.Title)
}

// answerEmbed renders result page of rs, the answers to query.
func answerEmbed(query string, rs []retrieval.Result, page int) *discordgo.MessageEmbed {
	r := rs[page]
	desc := blockQuote(emphasise(r.Quote.Text, r.Quote.Matches))
	return &discordgo.MessageEmbed{
		Author:      &discordgo.MessageEmbedAuthor{Name: clip(query, maxAuthor)},
		Title:       clip(sectionLine(r.Section), maxTitle),
		Description: clipMarkdown(desc, maxDescription),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: clip(citation(r.Source, r.Quote.Span, r.Page), maxFooter)},
	}
}

// contextEmbed renders the passage around result r.
func contextEmbed(r retrieval.Result) *discordgo.MessageEmbed {
	return &discordgo.MessageEmbed{
		Title:       clip("Context · "+sectionLine(r.Section), maxTitle),
		Description: clipMarkdown(emphasise(r.Passage.Text, r.Passage.Matches), maxDescription),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: clip(citation(r.Source, r.Passage.Span, r.Page), maxFooter)},
	}
}

// Custom IDs of the buttons. Everything a click needs is in the custom_id
// and the message it is on, so buttons keep working after a restart:
//
//	lectern:pg:<kind>:<page>:<owner>   show page <page>
//	lectern:ctx:<kind>:<page>          show the passage around page <page>
const idPrefix = "lectern:"

func pageID(k kind, page int, owner string) string {
	return fmt.Sprintf("%spg:%s:%d:%s", idPrefix, k, page, owner)
}

func contextID(k kind, page int) string {
	return fmt.Sprintf("%sctx:%s:%d", idPrefix, k, page)
}

// button is a parsed custom_id.
type button struct {
	action string // "pg" or "ctx"
	kind   kind
	page   int
	owner  string
}

func parseButton(id string) (button, bool) {
	rest, ok := strings.CutPrefix(id, idPrefix)
	if !ok {
		return button{}, false
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 3 {
		return button{}, false
	}
	page, err := strconv.Atoi(parts[2])
	b := button{action: parts[0], kind: kind(parts[1]), page: page}
	if err != nil || page < 0 || !b.kind.valid() {
		return button{}, false
	}
	switch {
	case b.action == "pg" && len(parts) == 4:
		b.owner = parts[3]
	case b.action == "ctx" && len(parts) == 3:
	default:
		return button{}, false
	}
	return b, true
}

// answerButtons are ◀ 1/3 ▶ and Context, or Context alone for a single
// answer (Discord rejects two buttons with one custom_id).
func answerButtons(k kind, page, total int, owner string) []discordgo.MessageComponent {
	if total <= 1 {
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Context", Style: discordgo.PrimaryButton, CustomID: contextID(k, 0)},
		}}}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀", Style: discordgo.SecondaryButton, CustomID: pageID(k, max(page-1, 0), owner), Disabled: page == 0},
		discordgo.Button{Label: fmt.Sprintf("%d/%d", page+1, total), Style: discordgo.SecondaryButton, CustomID: idPrefix + "count", Disabled: true},
		discordgo.Button{Label: "▶", Style: discordgo.SecondaryButton, CustomID: pageID(k, min(page+1, total-1), owner), Disabled: page >= total-1},
		discordgo.Button{Label: "Context", Style: discordgo.PrimaryButton, CustomID: contextID(k, page)},
	}}}
}

// sectionEmbed renders a section: its question or heading, and the opening
// of its body.
func sectionEmbed(d *corpus.Document, s corpus.Section) *discordgo.MessageEmbed {
	var opening []string
	n := 0
	for i := s.FirstSentence; i < s.EndSentence && n < 600; i++ {
		if d.Sentences[i].Question {
			continue // shown in full as the heading
		}
		opening = append(opening, d.Sentences[i].Text)
		n += len(d.Sentences[i].Text)
	}
	var b strings.Builder
	if s.Heading != "" && s.Heading != s.Title {
		b.WriteString("**" + clipMarkdown(escapeMarkdown(s.Heading), 1500) + "**\n\n")
	}
	if len(opening) > 0 {
		b.WriteString(blockQuote(clipMarkdown(escapeMarkdown(strings.Join(opening, " ")), 2000)))
	}
	footer := retrieval.SectionCitation(d, s).String()
	return &discordgo.MessageEmbed{
		Title:       clip(fmt.Sprintf("§%d · %s", s.Number, s.Title), maxTitle),
		Description: clipMarkdown(b.String(), maxDescription),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: clip(footer, maxFooter)},
	}
}

// aboutEmbed describes the corpus and how to cite it.
func aboutEmbed(c *corpus.Corpus) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Color: embedColor}
	d := c.Documents[0]
	if len(c.Documents) == 1 {
		e.Title = clip(d.Title, maxTitle)
	} else {
		e.Title = fmt.Sprintf("%d texts", len(c.Documents))
	}
	var b strings.Builder
	for i, d := range c.Documents {
		if i == 10 {
			fmt.Fprintf(&b, "…and %d more\n", len(c.Documents)-10)
			break
		}
		if d.Author != "" {
			fmt.Fprintf(&b, "**%s**\n", escapeMarkdown(d.Author))
		}
		pages := ""
		if d.Pages > 0 {
			pages = fmt.Sprintf(", %d pages", d.Pages)
		}
		fmt.Fprintf(&b, "`%s`: %d lines%s, %d sections, %d sentences (%d KB)\n", d.Name, d.Lines, pages, len(d.Sections), len(d.Sentences), (d.Size+512)/1024)
	}
	b.WriteString("\n**How to cite**: every answer names its file, its line numbers in that file and, where the text has them, its page, e.g. `" +
		citation(d.Name, corpus.Span{Start: 351, End: 353}, 11) + "`. Quotes are verbatim; footnote markers are left out.")
	e.Description = clipMarkdown(b.String(), maxDescription)
	return e
}

const helpMessage = "**Lectern** answers questions about its text with cited quotes.\n\n" +
	"`/ask question:Why did the Bolsheviks dissolve the Constituent Assembly?` the sentences that best answer a question (add `private:True` to see the answer alone)\n" +
	"`/quote phrase:peace of shame` look a quotation up by keyword or phrase\n" +
	"`/section number:2` a section's question and the opening of its answer\n" +
	"`/about` what text this is and how to cite it\n" +
	"`/help` this message\n\n" +
	"Use ◀ ▶ under an answer to see the next best quotes and **Context** for the passage around one."
