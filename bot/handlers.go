package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/record"
	"github.com/lectern-bot/lectern/retrieval"
)

// optionValues are a command's options by name, read by type: a value
// of another type, or null, reads as absent.
type optionValues map[string]*discordgo.ApplicationCommandInteractionDataOption

func optionsOf(opts []*discordgo.ApplicationCommandInteractionDataOption) optionValues {
	m := optionValues{}
	for _, o := range opts {
		if o != nil {
			m[o.Name] = o
		}
	}
	return m
}

func (o optionValues) string(name string) string {
	opt := o[name]
	if opt == nil || opt.Type != discordgo.ApplicationCommandOptionString {
		return ""
	}
	s, _ := opt.Value.(string)
	return s
}

func (o optionValues) integer(name string) (int64, bool) {
	opt := o[name]
	if opt == nil || opt.Type != discordgo.ApplicationCommandOptionInteger {
		return 0, false
	}
	f, ok := opt.Value.(float64)
	return int64(f), ok
}

func (o optionValues) boolean(name string) bool {
	opt := o[name]
	if opt == nil || opt.Type != discordgo.ApplicationCommandOptionBoolean {
		return false
	}
	v, _ := opt.Value.(bool)
	return v
}

// deferWait is how long a search may take before its answer is deferred.
func (b *Bot) deferWait() time.Duration {
	if b.opts.Defer {
		return 0
	}
	return b.opts.DeferAfter
}

// private replies with a note only the reader sees.
func private(ctx context.Context, x *exchange, outcome, text string) (string, error) {
	return outcome, x.reply(ctx, note(text), true)
}

func (b *Bot) command(ctx context.Context, x *exchange) (string, error) {
	data := x.in.ApplicationCommandData()
	if data.CommandType == discordgo.MessageApplicationCommand {
		return b.findInText(ctx, x, data)
	}
	opts := optionsOf(data.Options)
	switch data.Name {
	case "help":
		return private(ctx, x, outcomeAnswered, helpMessage)
	case "about":
		return outcomeAnswered, x.reply(ctx, &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{aboutEmbed(b.search.Corpus())}}, opts.boolean("private"))
	case "ask":
		return b.searchCommand(ctx, x, "ask", kindAsk, opts.string("question"), opts.boolean("private"))
	case "quote":
		return b.searchCommand(ctx, x, "quote", kindQuote, opts.string("phrase"), opts.boolean("private"))
	case "section":
		return b.sectionCommand(ctx, x, opts.string("section"), opts.boolean("private"))
	case "lines":
		return b.linesCommand(ctx, x, opts.string("lines"), opts.string("text"), opts.boolean("private"))
	case "page":
		n, _ := opts.integer("page")
		return b.pageCommand(ctx, x, n, opts.string("text"), opts.boolean("private"))
	}
	return private(ctx, x, outcomeRefused, "I don't know that command; try /help. (The bot may have been updated: the command list refreshes when Discord is restarted.)")
}

// question is a user's text as the bot reads and shows it.
func question(text string) string {
	q := retrieval.CleanQuery(text)
	if utf8.RuneCountInString(q) > maxQuestion {
		q = strings.TrimSpace(string([]rune(q)[:maxQuestion]))
	}
	return q
}

func (b *Bot) find(ctx context.Context, k kind, q string) ([]retrieval.Result, error) {
	if k == kindQuote {
		return b.search.Quote(ctx, q, b.opts.Results)
	}
	return b.search.Ask(ctx, q, b.opts.Results)
}

// slowDown is the note for a user who searches again within the
// cooldown, or "" (and the search is counted).
func (b *Bot) slowDown(user string) string {
	if wait := b.cooldown.wait(user, time.Now()); wait > 0 {
		return fmt.Sprintf("Slow down a little: you can search again in %.1f s.", wait.Seconds())
	}
	return ""
}

// timeoutNote is the reply when a search runs out of time.
const timeoutNote = "That search took too long. Try fewer or more specific words."

// searchCommand answers /ask and /quote.
func (b *Bot) searchCommand(ctx context.Context, x *exchange, command string, k kind, text string, priv bool) (string, error) {
	q := question(text)
	if q == "" {
		return private(ctx, x, outcomeRefused, "Please type a question (or, for /quote, a phrase).")
	}
	user := userID(x.in)
	if note := b.slowDown(user); note != "" {
		return private(ctx, x, outcomeRefused, note)
	}
	x.expect(ctx, priv, false, b.deferWait())
	start := time.Now()
	rs, err := b.find(ctx, k, q)
	if errors.Is(err, retrieval.ErrTimeout) {
		b.log.Warn("search timed out", "interaction", x.in.ID, "command", command, "query_runes", utf8.RuneCountInString(q))
		return private(ctx, x, outcomeFailed, timeoutNote)
	}
	if err != nil {
		return outcomeFailed, fmt.Errorf("search: %w", err)
	}
	rid := b.recordQuestion(ctx, x, command, q, rs, time.Since(start))
	if len(rs) == 0 {
		return private(ctx, x, outcomeNothing, b.nothingFound(q))
	}
	m := b.answersMessage(k, rs, 0, shown{question: q, owner: user, private: priv, rid: rid})
	m.Content = b.spellingNote(q)
	return outcomeAnswered, x.reply(ctx, m, priv)
}

// findInText answers the message command: where the text says what the
// message says (a quotation found word for word), or else what answers it.
func (b *Bot) findInText(ctx context.Context, x *exchange, data discordgo.ApplicationCommandInteractionData) (string, error) {
	var text string
	if data.Resolved != nil {
		if m := data.Resolved.Messages[data.TargetID]; m != nil {
			text = m.Content
			fromLectern := m.Author != nil && m.Author.ID == x.in.AppID
			if (fromLectern || strings.TrimSpace(text) == "") && len(m.Embeds) > 0 && m.Embeds[0] != nil {
				// A quote in an embed (Lectern's own answer, say): its
				// text, not the note above it.
				text = unmarkdown(m.Embeds[0].Description)
			}
		}
	}
	q := question(text)
	if q == "" {
		return private(ctx, x, outcomeRefused, "That message has no text to look up.")
	}
	user := userID(x.in)
	if note := b.slowDown(user); note != "" {
		return private(ctx, x, outcomeRefused, note)
	}
	x.expect(ctx, true, false, b.deferWait())
	start := time.Now()
	k := kindQuote
	rs, err := b.search.Quote(ctx, q, b.opts.Results)
	if err == nil && !retrieval.Verbatim(rs) {
		var asked []retrieval.Result
		if asked, err = b.search.Ask(ctx, q, b.opts.Results); err == nil && len(asked) > 0 {
			k, rs = kindAsk, asked
		}
	}
	if errors.Is(err, retrieval.ErrTimeout) {
		return private(ctx, x, outcomeFailed, timeoutNote)
	}
	if err != nil {
		return outcomeFailed, fmt.Errorf("search: %w", err)
	}
	rid := b.recordQuestion(ctx, x, "find", q, rs, time.Since(start))
	if len(rs) == 0 {
		return private(ctx, x, outcomeNothing, b.nothingFound(q))
	}
	m := b.answersMessage(k, rs, 0, shown{question: q, owner: user, private: true, rid: rid})
	if k == kindQuote {
		m.Content = "The text says this:"
	} else {
		m.Content = "The text does not say this word for word; these passages answer it best:"
	}
	return outcomeAnswered, x.reply(ctx, m, true)
}

// unmarkdown reads Markdown as plain text: block-quote markers, bold and
// escapes removed.
func unmarkdown(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(strings.TrimPrefix(l, ">"), " ")
	}
	s = strings.ReplaceAll(strings.Join(lines, "\n"), "**", "")
	var b strings.Builder
	escaped := false
	for _, r := range s {
		if r == '\\' && !escaped {
			escaped = true
			continue
		}
		escaped = false
		b.WriteRune(r)
	}
	return b.String()
}

// recordQuestion records a question and returns its id, or 0 when there
// is no record or recording failed (which is logged, and otherwise
// ignored: a full disk must not stop the answers).
func (b *Bot) recordQuestion(ctx context.Context, x *exchange, command, q string, rs []retrieval.Result, took time.Duration) int64 {
	if b.opts.Recorder == nil {
		return 0
	}
	rq := record.Question{At: time.Now(), User: userID(x.in), Command: command, Query: q, Results: len(rs), Took: took}
	if len(rs) > 0 {
		rq.Source, rq.Start, rq.End = rs[0].Source, rs[0].Quote.Start, rs[0].Quote.End
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	id, err := b.opts.Recorder.Asked(ctx, rq)
	if err != nil {
		b.log.Error("recording a question failed; answering without a record", "err", err)
		return 0
	}
	return id
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
	fmt.Fprintf(&s, "I found nothing in the text for “%s”.", escapeMarkdown(retrieval.Clip(q, 200)))
	if sugg := b.search.Suggest(q); len(sugg) > 0 {
		for i := range sugg {
			sugg[i] = "**" + escapeMarkdown(sugg[i]) + "**"
		}
		fmt.Fprintf(&s, " Did you mean %s?", strings.Join(sugg, ", "))
	}
	s.WriteString(" Try other or fewer words, a name from the text, or `/quote` for an exact phrase.")
	return s.String()
}

// sectionCommand answers /section: a number, a choice from autocomplete
// ("doc:number"), or words of a title.
func (b *Bot) sectionCommand(ctx context.Context, x *exchange, value string, priv bool) (string, error) {
	c := b.search.Corpus()
	value = strings.TrimSpace(value)
	doc, number, ok := resolveSection(b.complete, value)
	if !ok {
		first := c.Documents[0].Sections[0].Number
		last := c.Documents[0].Sections[len(c.Documents[0].Sections)-1].Number
		return private(ctx, x, outcomeRefused, fmt.Sprintf("There is no section “%s”. Sections run from %d to %d; start typing a number or a title and pick one.", escapeMarkdown(retrieval.Clip(value, 50)), first, last))
	}
	v := view{kind: viewSection, doc: doc, a: number}
	m, problem := b.sectionMessage(c, v, shown{owner: userID(x.in), private: priv})
	if problem != "" {
		return private(ctx, x, outcomeRefused, problem)
	}
	return outcomeAnswered, x.reply(ctx, m, priv)
}

// resolveSection reads a /section value.
func resolveSection(c *completer, value string) (doc, number int, ok bool) {
	if d, n, found := strings.Cut(value, ":"); found {
		di, err1 := strconv.Atoi(d)
		ni, err2 := strconv.Atoi(n)
		return di, ni, err1 == nil && err2 == nil
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(value, "§")); err == nil {
		for _, s := range c.sections {
			if s.number == strconv.Itoa(n) {
				d, _, _ := strings.Cut(s.value, ":")
				di, _ := strconv.Atoi(d)
				return di, n, true
			}
		}
		return 0, 0, false
	}
	if value == "" {
		return 0, 0, false
	}
	choices := titleChoices(c.sections, value)
	if len(choices) == 0 {
		return 0, 0, false
	}
	return resolveSection(c, choices[0].Value.(string))
}

// lineRange reads "351-356", "351–356", "L351-L356", "lines 351 to 356"
// or "351".
var lineRange = regexp.MustCompile(`^(?i)(?:lines?\s*)?#?L?(\d{1,9})(?:\s*(?:-|–|—|to|\.\.)\s*L?(\d{1,9}))?$`)

// linesCommand answers /lines.
func (b *Bot) linesCommand(ctx context.Context, x *exchange, value, text string, priv bool) (string, error) {
	m := lineRange.FindStringSubmatch(strings.TrimSpace(value))
	if m == nil {
		return private(ctx, x, outcomeRefused, fmt.Sprintf("“%s” is not a line or a range of lines; try `351` or `351-356`.", escapeMarkdown(retrieval.Clip(value, 50))))
	}
	first, _ := strconv.Atoi(m[1])
	last := first
	if m[2] != "" {
		last, _ = strconv.Atoi(m[2])
	}
	if last < first {
		first, last = last, first
	}
	doc, problem := b.resolveText(text)
	if problem != "" {
		return private(ctx, x, outcomeRefused, problem)
	}
	v := view{kind: viewLines, doc: doc, a: first, b: last}
	reply, problem := b.linesMessage(b.search.Corpus(), v, shown{owner: userID(x.in), private: priv})
	if problem != "" {
		return private(ctx, x, outcomeRefused, problem)
	}
	return outcomeAnswered, x.reply(ctx, reply, priv)
}

// pageCommand answers /page.
func (b *Bot) pageCommand(ctx context.Context, x *exchange, page int64, text string, priv bool) (string, error) {
	doc, problem := b.resolveText(text)
	if problem != "" {
		return private(ctx, x, outcomeRefused, problem)
	}
	if page < 1 || page > 1_000_000 {
		return private(ctx, x, outcomeRefused, "Give a page number from 1.")
	}
	v := view{kind: viewPage, doc: doc, a: int(page)}
	reply, problem := b.pageMessage(b.search.Corpus(), v, shown{owner: userID(x.in), private: priv})
	if problem != "" {
		return private(ctx, x, outcomeRefused, problem)
	}
	return outcomeAnswered, x.reply(ctx, reply, priv)
}

// resolveText reads the text option: a document's number (from
// autocomplete) or words of its name; the first document when empty.
func (b *Bot) resolveText(value string) (int, string) {
	value = strings.TrimSpace(value)
	docs := b.search.Corpus().Documents
	if value == "" {
		return 0, ""
	}
	if n, err := strconv.Atoi(value); err == nil && n >= 0 && n < len(docs) {
		return n, ""
	}
	if choices := titleChoices(b.complete.files, value); len(choices) > 0 {
		n, _ := strconv.Atoi(choices[0].Value.(string))
		return n, ""
	}
	return 0, fmt.Sprintf("There is no text “%s” here; start typing a file name and pick one.", escapeMarkdown(retrieval.Clip(value, 50)))
}

// autocomplete offers choices for the option being typed. It never
// waits: when too many are being worked out at once it offers none.
func (b *Bot) autocomplete(ctx context.Context, x *exchange) (string, error) {
	data := x.in.ApplicationCommandData()
	var focused *discordgo.ApplicationCommandInteractionDataOption
	for _, o := range data.Options {
		if o != nil && o.Focused {
			focused = o
		}
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	select {
	case b.complete.busy <- struct{}{}:
		if focused != nil {
			typed, _ := focused.Value.(string) // a partly typed value arrives as text
			typed = retrieval.CleanQuery(typed)
			switch {
			case data.Name == "quote" && focused.Name == "phrase":
				choices = b.complete.quoteChoices(typed)
			case data.Name == "section" && focused.Name == "section":
				choices = titleChoices(b.complete.sections, typed)
			case focused.Name == "text":
				choices = titleChoices(b.complete.files, typed)
			}
		}
		<-b.complete.busy
	default:
	}
	return outcomeAnswered, x.choices(ctx, choices)
}

// component handles a click on a button.
func (b *Bot) component(ctx context.Context, x *exchange) (string, error) {
	act, ok := parseAction(x.in.MessageComponentData().CustomID)
	msg := x.in.Message
	if !ok || msg == nil {
		return private(ctx, x, outcomeRefused, "This button no longer works; ask again with /ask or /quote.")
	}
	user := userID(x.in)
	onPrivate := msg.Flags&discordgo.MessageFlagsEphemeral != 0
	s := shown{question: questionOf(msg), owner: user, private: onPrivate, rid: ridOf(msg)}
	switch act.verb {
	case "go":
		if act.owner != user {
			// Someone else's answer: their own private copy to page.
			s.private = true
			return b.show(ctx, x, act.view, s, false, "")
		}
		return b.show(ctx, x, act.view, s, true, msg.Content)
	case "ctx":
		s.private = true
		v := act.view
		v.kind = viewContext
		return b.show(ctx, x, v, s, false, "")
	case "pub":
		s.private, s.rid = false, act.rid
		return b.show(ctx, x, act.view, s, false, "")
	case "del":
		if act.owner != user {
			return private(ctx, x, outcomeRefused, "Only the person who asked can delete this answer.")
		}
		return outcomeAnswered, x.deleteMessage(ctx)
	case "up", "down":
		return b.rate(ctx, x, act.rid, act.verb == "up")
	}
	return private(ctx, x, outcomeRefused, "This button no longer works; ask again with /ask or /quote.")
}

// show renders view v: in place of the message the button is on
// (update), or as a new message. content is kept as the message's text
// (a spelling note), since an update without it would erase it.
func (b *Bot) show(ctx context.Context, x *exchange, v view, s shown, update bool, content string) (string, error) {
	x.expect(ctx, s.private, update, b.deferWait())
	var m *discordgo.InteractionResponseData
	var problem string
	c := b.search.Corpus()
	switch v.kind {
	case viewAnswers, viewContext:
		if s.question == "" {
			problem = "This answer's question is missing; ask again with /ask or /quote."
			break
		}
		rs, err := b.find(ctx, v.search, s.question)
		if errors.Is(err, retrieval.ErrTimeout) {
			return private(ctx, x, outcomeFailed, timeoutNote)
		}
		if err != nil {
			return outcomeFailed, fmt.Errorf("search: %w", err)
		}
		if len(rs) == 0 {
			problem = "These answers are no longer available (the text may have changed); ask again."
			break
		}
		i := min(v.a, len(rs)-1)
		if v.kind == viewContext {
			m = b.contextMessage(v.search, rs, i, s)
		} else {
			m = b.answersMessage(v.search, rs, i, s)
		}
	case viewSection:
		m, problem = b.sectionMessage(c, v, s)
	case viewLines, viewRead:
		m, problem = b.linesMessage(c, v, s)
	case viewPage:
		m, problem = b.pageMessage(c, v, s)
	}
	if problem != "" {
		return private(ctx, x, outcomeRefused, problem)
	}
	if update {
		m.Content = content
		return outcomeAnswered, x.updateMessage(ctx, m)
	}
	return outcomeAnswered, x.reply(ctx, m, s.private)
}

// questionOf finds the question of an answer: its embed's author line.
func questionOf(m *discordgo.Message) string {
	if len(m.Embeds) == 0 || m.Embeds[0] == nil || m.Embeds[0].Author == nil {
		return ""
	}
	return question(m.Embeds[0].Author.Name)
}

// ridOf finds the record of an answer in its rating buttons' custom_ids.
func ridOf(m *discordgo.Message) int64 {
	for _, row := range m.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			if btn, ok := c.(*discordgo.Button); ok {
				if a, ok := parseAction(btn.CustomID); ok && (a.verb == "up" || a.verb == "down") {
					return a.rid
				}
			}
		}
	}
	return 0
}

// rate records 👍 or 👎.
func (b *Bot) rate(ctx context.Context, x *exchange, rid int64, helpful bool) (string, error) {
	if b.opts.Recorder == nil {
		return private(ctx, x, outcomeRefused, "Ratings are not being recorded on this bot.")
	}
	err := b.opts.Recorder.Rated(ctx, rid, userID(x.in), helpful)
	switch {
	case errors.Is(err, record.ErrUnknownQuestion):
		return private(ctx, x, outcomeRefused, "This answer is no longer in the record, so the rating was not kept.")
	case err != nil:
		b.log.Error("recording a rating failed", "err", err)
		return private(ctx, x, outcomeFailed, "Sorry, your rating could not be saved just now.")
	case helpful:
		return private(ctx, x, outcomeAnswered, "Thanks: noted that this answer helped.")
	}
	return private(ctx, x, outcomeAnswered, "Thanks: noted that this answer did not help. The bot's owner reviews these to improve it.")
}
