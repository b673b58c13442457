package bot

import (
	"fmt"
	"slices"
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
	maxFooter      = 2048
	maxAuthor      = 256
	maxChoice      = 100
	maxChoices     = 25
	// maxEmbeds is the limit on the text of a message's embeds together:
	// titles, descriptions, authors, footers and fields.
	maxEmbeds = 6000
)

// maxQuestion is how much of a question the bot keeps: the question is
// the answer embed's author line (256 characters at most), which is where
// paging finds it again, even after a restart. The command's option
// allows no more, so nothing is dropped silently.
const maxQuestion = 240

const embedColor = 0x8B5CF6

// noMentions lets no text in a message ping anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// embedLength is what Discord counts of an embed towards maxEmbeds.
func embedLength(e *discordgo.MessageEmbed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	if e.Author != nil {
		n += utf8.RuneCountInString(e.Author.Name)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	return n
}

// fitEmbeds shortens the descriptions of a message's embeds, the last
// first, until their text together is within maxEmbeds: each part is
// within its own limit already, but their sum need not be (a long file
// name, heading and sentence together).
func fitEmbeds(m *discordgo.InteractionResponseData) {
	total := 0
	for _, e := range m.Embeds {
		total += embedLength(e)
	}
	for i := len(m.Embeds) - 1; i >= 0 && total > maxEmbeds; i-- {
		e := m.Embeds[i]
		have := utf8.RuneCountInString(e.Description)
		keep := max(have-(total-maxEmbeds), 1)
		e.Description = clipMarkdown(e.Description, keep)
		total -= have - utf8.RuneCountInString(e.Description)
	}
}

// escapeInline makes Discord show text literally within a line: emphasis,
// code, spoilers, strikethrough, masked links, mentions and timestamps.
func escapeInline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if strings.ContainsRune("\\*_~`|[]<>", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeLineStarts escapes what Discord reads as block markup at the
// start of a line: headings (#, -#) and lists (-, +, 1.). Inline escaping
// has already dealt with quotes (>).
func escapeLineStarts(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		pad := l[:len(l)-len(t)]
		switch {
		case strings.HasPrefix(t, "#"), strings.HasPrefix(t, "-"), strings.HasPrefix(t, "+ "):
			lines[i] = pad + "\\" + t
		default:
			if n := leadingDigits(t); n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')') {
				lines[i] = pad + t[:n] + "\\" + t[n:]
			}
		}
	}
	return strings.Join(lines, "\n")
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// escapeMarkdown makes Discord show text literally.
func escapeMarkdown(s string) string { return escapeLineStarts(escapeInline(s)) }

// highlight is an excerpt with its matches in bold, everything escaped.
func highlight(e retrieval.Excerpt) string {
	return escapeLineStarts(e.Highlight("**", "**", escapeInline))
}

// blockQuote prefixes every line with "> ".
func blockQuote(s string) string {
	return "> " + strings.ReplaceAll(s, "\n", "\n> ")
}

// clipMarkdown shortens already-escaped Markdown to n characters without
// leaving an unclosed bold marker, code block or a dangling escape.
func clipMarkdown(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	c := strings.TrimSuffix(retrieval.Clip(s, n-3), "…")
	if strings.Count(c, fence)%2 == 1 { // cut inside a code block: close it
		return strings.TrimSuffix(retrieval.Clip(s, n-len("…\n"+fence)), "…") + "…\n" + fence
	}
	for strings.HasSuffix(c, "\\") && !strings.HasSuffix(c, "\\\\") {
		c = strings.TrimSuffix(c, "\\")
	}
	if strings.Count(outsideCode(c), "**")%2 == 1 {
		c += "**"
	}
	return c + "…"
}

// fence opens and closes a code block.
const fence = "```"

// codeBlock is code as Discord shows it: as written, in a block whose
// fences the code cannot close.
func codeBlock(code string) string {
	return fence + "\n" + strings.ReplaceAll(code, fence, "`\u200b``") + "\n" + fence
}

// outsideCode is Markdown without its code blocks.
func outsideCode(s string) string {
	parts := strings.Split(s, fence)
	var b strings.Builder
	for i := 0; i < len(parts); i += 2 {
		b.WriteString(parts[i])
	}
	return b.String()
}

// excerptMarkdown is an excerpt as Discord shows it: its prose escaped,
// its matches in bold, quoted when quote; its code blocks as code.
func excerptMarkdown(e retrieval.Excerpt, quote bool) string {
	var parts []string
	for _, p := range e.Parts() {
		switch {
		case p.Code:
			parts = append(parts, codeBlock(p.Text))
		case quote:
			parts = append(parts, blockQuote(highlight(p)))
		default:
			parts = append(parts, highlight(p))
		}
	}
	return strings.Join(parts, "\n")
}

// sectionLine is "§3 · How would you characterize this party?", escaped.
func sectionLine(ref retrieval.SectionRef) string {
	return escapeInline(ref.String())
}

// readerLink is where the cited text is published: its section on the
// documentation site (LECTERN_SOURCE_URL), or the web reader at the
// citation; "" when neither is set.
func (b *Bot) readerLink(c retrieval.Citation) string {
	if c.Location.URL != "" {
		return c.Location.URL
	}
	if b.opts.PublicURL == "" {
		return ""
	}
	return b.opts.PublicURL + c.ReaderPath()
}

// answerEmbed shows result r of an answer to question.
func (b *Bot) answerEmbed(question string, r retrieval.Result) *discordgo.MessageEmbed {
	c := r.Citation()
	return &discordgo.MessageEmbed{
		Author:      &discordgo.MessageEmbedAuthor{Name: retrieval.Clip(question, maxAuthor)},
		Title:       clipMarkdown(sectionLine(r.Section), maxTitle),
		URL:         b.readerLink(c),
		Description: clipMarkdown(answerMarkdown(r), maxDescription),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: retrieval.Clip(c.String(), maxFooter)},
	}
}

// answerMarkdown is a result's quote, after its speaker where it has one,
// and the code that comes with it; under the question it answers where
// the reader asked several (the author line holds them all, and paging
// reads them back from it).
func answerMarkdown(r retrieval.Result) string {
	s := excerptMarkdown(r.Quote, true)
	if r.Speaker != "" && !r.Quote.Code {
		s = "> **" + escapeInline(r.Speaker) + ":** " + strings.TrimPrefix(s, "> ")
	}
	if r.Code != nil {
		s += "\n" + codeBlock(r.Code.Text)
	}
	if r.Asked != "" {
		s = "**Q:** " + escapeInline(r.Asked) + "\n" + s
	}
	return s
}

// contextEmbed shows the passage around result r.
func (b *Bot) contextEmbed(question string, r retrieval.Result) *discordgo.MessageEmbed {
	c := r.PassageCitation()
	return &discordgo.MessageEmbed{
		Author:      &discordgo.MessageEmbedAuthor{Name: retrieval.Clip(question, maxAuthor)},
		Title:       clipMarkdown("Context · "+sectionLine(r.Section), maxTitle),
		URL:         b.readerLink(c),
		Description: clipMarkdown(excerptMarkdown(r.Passage, false), maxDescription),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: retrieval.Clip(c.String(), maxFooter)},
	}
}

// aboutEmbed describes the corpus and how to cite it.
func aboutEmbed(c *corpus.Corpus) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Color: embedColor}
	d := c.Documents[0]
	if len(c.Documents) == 1 {
		e.Title = clipMarkdown(escapeInline(d.Title), maxTitle)
	} else {
		e.Title = fmt.Sprintf("%d texts", len(c.Documents))
	}
	var b strings.Builder
	for i, d := range c.Documents {
		if i == 10 {
			fmt.Fprintf(&b, "…and %d more\n", len(c.Documents)-10)
			break
		}
		if len(c.Documents) > 1 {
			fmt.Fprintf(&b, "**%s**", escapeInline(d.Title))
			if d.Author != "" {
				fmt.Fprintf(&b, " by %s", escapeInline(d.Author))
			}
			b.WriteByte('\n')
		} else if d.Author != "" {
			fmt.Fprintf(&b, "by %s\n", escapeInline(d.Author))
		}
		fmt.Fprintf(&b, "`%s`: %s, %d sections (%d KB)\n", codeSafe(d.Name), retrieval.Extent(d), len(d.Sections), (d.Size+512)/1024)
	}
	b.WriteString("\n**How to cite**: " + howToCite(c))
	e.Description = clipMarkdown(b.String(), maxDescription)
	return e
}

// citedBy says, for each format, where in a file an answer is cited,
// and what such files are called.
var citedBy = map[corpus.Format][2]string{
	corpus.FormatText:     {"text files", "its lines, and its page where the text has pages"},
	corpus.FormatMarkdown: {"Markdown files", "its lines"},
	corpus.FormatPDF:      {"PDFs", "its page, as printed where the PDF numbers its pages"},
	corpus.FormatEPUB:     {"EPUBs", "its chapter, in reading order, and the paragraph in that chapter"},
	corpus.FormatHTML:     {"web pages", "its section and the paragraph in that section"},
	corpus.FormatDOCX:     {"Word documents", "its section and the paragraph in that section"},
	corpus.FormatODT:      {"OpenDocument texts", "its section and the paragraph in that section"},
	corpus.FormatRTF:      {"RTF documents", "its section and the paragraph in that section"},
	corpus.FormatNotebook: {"Jupyter notebooks", "its section and the paragraph in that section"},
}

// howToCite says how answers from the corpus are cited, with an example
// from a text of each of its formats.
func howToCite(c *corpus.Corpus) string {
	var examples []retrieval.Citation
	var formats []corpus.Format
	for _, d := range c.Documents {
		if example, ok := retrieval.ExampleCitation(d); ok && !slices.Contains(formats, d.Format) {
			examples, formats = append(examples, example), append(formats, d.Format)
		}
	}
	if len(examples) == 0 {
		return "every answer names its file and where in it the quote stands."
	}
	ways := make([]string, len(examples))
	for i, e := range examples {
		ways[i] = fmt.Sprintf("%s, e.g. `%s`", citedBy[formats[i]][1], codeSafe(e.String()))
		if len(examples) > 1 {
			ways[i] = "for " + citedBy[formats[i]][0] + ", " + ways[i]
		}
	}
	return fmt.Sprintf("every answer names its file and where the quote stands in it: %s. Quotes are verbatim; footnote markers are left out. `/lines %s` shows the text at a citation.",
		strings.Join(ways, "; "), codeSafe(examples[0].Location.Place()))
}

const helpMessage = "**Lectern** answers questions about its text with cited quotes.\n\n" +
	"`/ask question:` the sentences that best answer a question\n" +
	"`/quote phrase:` look a quotation up by keyword or phrase (suggestions appear as you type)\n" +
	"`/section section:` read a section; type a number or part of its title\n" +
	"`/lines at:` read the text at a citation, such as 351-356, ch. 3 ¶ 12, §2 ¶ 4 or a time in subtitles, 12:31; `/page page:` read a page\n" +
	"`/about` what text this is and how to cite it\n" +
	"Right-click a message → **Apps** → **Find in text**: where the text says (or answers) what the message says.\n\n" +
	"Add `private:True` to see an answer alone. Under an answer, ◀ ▶ show the next best quotes, **Context** the passage around one, " +
	"**Post publicly** shares a private answer, 🗑 deletes your answer, and 👍 👎 tell the bot's owner whether it helped."

// countLabel is "2/5".
func countLabel(i, n int) string { return strconv.Itoa(i+1) + "/" + strconv.Itoa(n) }
