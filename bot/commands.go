package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"

	"github.com/lectern-bot/lectern/retrieval"
)

// commands are the slash commands the bot registers.
func commands() []*discordgo.ApplicationCommand {
	private := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
		Description: "Show the answer only to you",
	}
	return []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask the text a question; get the sentences that answer it, cited", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true, MaxLength: 6000},
			private,
		}},
		{Name: "quote", Description: "Find a quotation by keyword or phrase", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "phrase", Description: "Words from the quotation", Required: true, Autocomplete: true, MaxLength: 6000},
			private,
		}},
		{Name: "section", Description: "Show a section of the text", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionInteger, Name: "number", Description: "Section number (type to search titles)", Required: true, Autocomplete: true},
		}},
		{Name: "about", Description: "What text this bot answers from, and how to cite it"},
		{Name: "help", Description: "How to use Lectern"},
	}
}

// options maps a command's options by name.
func options(data discordgo.ApplicationCommandInteractionData) map[string]*discordgo.ApplicationCommandInteractionDataOption {
	m := map[string]*discordgo.ApplicationCommandInteractionDataOption{}
	for _, o := range data.Options {
		m[o.Name] = o
	}
	return m
}

func stringOption(o *discordgo.ApplicationCommandInteractionDataOption) string {
	if o == nil {
		return ""
	}
	if s, ok := o.Value.(string); ok {
		return s
	}
	return fmt.Sprint(o.Value)
}

func boolOption(o *discordgo.ApplicationCommandInteractionDataOption) bool {
	if o == nil {
		return false
	}
	v, ok := o.Value.(bool)
	return ok && v
}

func ephemeral(private bool) discordgo.MessageFlags {
	if private {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

func (b *Bot) command(ctx context.Context, r *responder) error {
	data := r.i.ApplicationCommandData()
	opts := options(data)
	switch data.Name {
	case "help":
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{Content: helpMessage, Flags: discordgo.MessageFlagsEphemeral}))
	case "about":
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{aboutEmbed(b.search.Corpus())}}))
	}
	if wait := b.cooldown.wait(userID(r.i), time.Now()); wait > 0 {
		msg := fmt.Sprintf("Slow down a little: you can use Lectern again in %.1f s.", wait.Seconds())
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{Content: msg, Flags: discordgo.MessageFlagsEphemeral}))
	}
	switch data.Name {
	case "ask":
		return b.answer(ctx, r, kindAsk, stringOption(opts["question"]), boolOption(opts["private"]))
	case "quote":
		return b.answer(ctx, r, kindQuote, stringOption(opts["phrase"]), boolOption(opts["private"]))
	case "section":
		return b.section(r, stringOption(opts["number"]))
	}
	return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{Content: "I don't know that command; try /help.", Flags: discordgo.MessageFlagsEphemeral}))
}

// deliver marks an error in sending a response.
func (b *Bot) deliver(err error) error {
	if err != nil {
		return fmt.Errorf("%w: %w", errResponse, err)
	}
	return nil
}

// query cleans a user's text and keeps what fits in the answer's embed.
func query(text string) string {
	text = strings.Join(strings.Fields(strings.ToValidUTF8(text, " ")), " ")
	return clip(text, maxQueryRunes)
}

func (b *Bot) find(ctx context.Context, k kind, q string) ([]retrieval.Result, error) {
	if k == kindQuote {
		return b.search.Quote(ctx, q, b.opts.Results)
	}
	return b.search.Ask(ctx, q, b.opts.Results)
}

// answer runs /ask or /quote and replies with the first result.
func (b *Bot) answer(ctx context.Context, r *responder, k kind, text string, private bool) error {
	q := query(text)
	if q == "" {
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
			Content: "Please type a question (or a phrase for /quote).", Flags: discordgo.MessageFlagsEphemeral,
		}))
	}
	if b.opts.Defer {
		if err := r.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource, &discordgo.InteractionResponseData{Flags: ephemeral(private)}); err != nil {
			return b.deliver(err)
		}
		r.deferred = true
	}
	rs, err := b.find(ctx, k, q)
	if errors.Is(err, retrieval.ErrTimeout) {
		b.log.Warn("search timed out", "interaction", r.i.ID, "query_runes", utf8.RuneCountInString(q))
		return b.deliver(r.send(&discordgo.InteractionResponseData{
			Content: "That search took too long. Try fewer or more specific words.", Flags: discordgo.MessageFlagsEphemeral,
		}))
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if len(rs) == 0 {
		data := &discordgo.InteractionResponseData{Content: b.nothingFound(q), Flags: discordgo.MessageFlagsEphemeral}
		if r.deferred {
			data.Flags = ephemeral(private)
		}
		return b.deliver(r.send(data))
	}
	return b.deliver(r.send(&discordgo.InteractionResponseData{
		Content:    b.spellingNote(q),
		Embeds:     []*discordgo.MessageEmbed{answerEmbed(q, rs, 0)},
		Components: answerButtons(k, 0, len(rs), userID(r.i)),
		Flags:      ephemeral(private),
	}))
}

// spellingNote says which of the text's words stood in for words it lacks.
func (b *Bot) spellingNote(q string) string {
	sugg := b.search.Suggest(q)
	if len(sugg) == 0 {
		return ""
	}
	for i := range sugg {
		sugg[i] = "**" + escapeMarkdown(sugg[i]) + "**"
	}
	return "Some words are not in the text; showing answers for close spellings: " + strings.Join(sugg, ", ") + "."
}

// nothingFound is the reply when a search finds nothing, with spelling
// suggestions from the text's own words.
func (b *Bot) nothingFound(q string) string {
	var s strings.Builder
	fmt.Fprintf(&s, "I found nothing in the text for “%s”.", escapeMarkdown(clip(q, 200)))
	if sugg := b.search.Suggest(q); len(sugg) > 0 {
		for i := range sugg {
			sugg[i] = "**" + escapeMarkdown(sugg[i]) + "**"
		}
		fmt.Fprintf(&s, " Did you mean %s?", strings.Join(sugg, ", "))
	}
	s.WriteString(" Try other or fewer words, a name from the text, or `/quote` for an exact phrase.")
	return clip(s.String(), maxContent)
}

// section replies with a section's heading and opening.
func (b *Bot) section(r *responder, value string) error {
	c := b.search.Corpus()
	if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil {
		if d, s, ok := findSection(c, n); ok {
			return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{sectionEmbed(d, s)}}))
		}
	}
	last := c.Documents[0].Sections[len(c.Documents[0].Sections)-1].Number
	first := c.Documents[0].Sections[0].Number
	return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
		Content: fmt.Sprintf("There is no section %s. Sections run from %d to %d; start typing a title to pick one.", escapeMarkdown(clip(value, 50)), first, last),
		Flags:   discordgo.MessageFlagsEphemeral,
	}))
}

// sectionStride separates documents in /section values: the value of
// section n of document d is d*sectionStride+n, so that a folder of texts,
// each with its own §1, can be told apart. A plain number is a section of
// the first document.
const sectionStride = 100_000

// findSection resolves a /section value.
func findSection(c *corpus.Corpus, value int) (*corpus.Document, corpus.Section, bool) {
	doc, number := value/sectionStride, value%sectionStride
	if value < 0 || doc >= len(c.Documents) {
		return nil, corpus.Section{}, false
	}
	d := c.Documents[doc]
	for _, s := range d.Sections {
		if s.Number == number {
			return d, s, true
		}
	}
	return nil, corpus.Section{}, false
}

// autocomplete suggests quotations for /quote and titles for /section.
func (b *Bot) autocomplete(ctx context.Context, r *responder) error {
	data := r.i.ApplicationCommandData()
	var typed string
	for _, o := range data.Options {
		if o.Focused {
			typed = strings.TrimSpace(stringOption(o))
		}
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	switch data.Name {
	case "quote":
		choices = b.quoteChoices(ctx, typed)
	case "section":
		choices = b.sectionChoices(typed)
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return b.deliver(r.respond(discordgo.InteractionApplicationCommandAutocompleteResult, &discordgo.InteractionResponseData{Choices: choices}))
}

func (b *Bot) quoteChoices(ctx context.Context, typed string) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	seen := map[string]bool{}
	add := func(text string) {
		v := clip(strings.Join(strings.Fields(text), " "), maxChoice)
		if v == "" || seen[v] || len(out) == maxChoices {
			return
		}
		seen[v] = true
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
	}
	lower := strings.ToLower(typed)
	for _, d := range b.search.Corpus().Documents {
		for _, q := range d.Quotations {
			if len(strings.Fields(q.Text)) >= 2 && strings.Contains(strings.ToLower(q.Text), lower) {
				add(q.Text)
			}
		}
	}
	if typed != "" && len(out) < maxChoices {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		if rs, err := b.search.Quote(ctx, query(typed), maxChoices); err == nil {
			for _, r := range rs {
				add(r.Quote.Around(maxChoice).Text)
			}
		}
	}
	return out
}

func (b *Bot) sectionChoices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	lower := strings.ToLower(typed)
	docs := b.search.Corpus().Documents
	for di, d := range docs {
		for _, s := range d.Sections {
			name := fmt.Sprintf("§%d · %s", s.Number, s.Title)
			if len(docs) > 1 {
				name = d.Name + " · " + name
			}
			if typed != "" && !strings.Contains(strings.ToLower(name), lower) && strconv.Itoa(s.Number) != typed {
				continue
			}
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: clip(name, maxChoice), Value: di*sectionStride + s.Number})
			if len(out) == maxChoices {
				return out
			}
		}
	}
	return out
}

// component handles a click on ◀, ▶ or Context.
func (b *Bot) component(ctx context.Context, r *responder) error {
	btn, ok := parseButton(r.i.MessageComponentData().CustomID)
	msg := r.i.Message
	if !ok || msg == nil || len(msg.Embeds) == 0 || msg.Embeds[0].Author == nil {
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
			Content: "This button no longer works; ask again with /ask or /quote.", Flags: discordgo.MessageFlagsEphemeral,
		}))
	}
	if btn.action == "pg" && btn.owner != userID(r.i) {
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
			Content: "Only the person who asked can page through this answer. Use /ask or /quote to get your own.", Flags: discordgo.MessageFlagsEphemeral,
		}))
	}
	q := msg.Embeds[0].Author.Name
	rs, err := b.find(ctx, btn.kind, q)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if len(rs) == 0 {
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
			Content: "These answers are no longer available (the text may have changed); ask again.", Flags: discordgo.MessageFlagsEphemeral,
		}))
	}
	page := min(btn.page, len(rs)-1)
	if btn.action == "ctx" {
		return b.deliver(r.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
			Embeds: []*discordgo.MessageEmbed{contextEmbed(rs[page])}, Flags: discordgo.MessageFlagsEphemeral,
		}))
	}
	return b.deliver(r.respond(discordgo.InteractionResponseUpdateMessage, &discordgo.InteractionResponseData{
		Embeds:     []*discordgo.MessageEmbed{answerEmbed(q, rs, page)},
		Components: answerButtons(btn.kind, page, len(rs), btn.owner),
	}))
}
