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

func (b *Bot) command(ctx context.Context, x *exchange) (reply, error) {
	data := x.in.ApplicationCommandData()
	if data.CommandType == discordgo.MessageApplicationCommand {
		return b.findInText(ctx, x, data)
	}
	opts := optionsOf(data.Options)
	priv := opts.boolean("private")
	switch data.Name {
	case "help":
		return noted(helpMessage), nil
	case "about":
		return message(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{aboutEmbed(b.searcher().Corpus())}}, priv), nil
	case "ask":
		return b.searchCommand(ctx, x, kindAsk, opts.string("question"), opts.string("speaker"), priv)
	case "quote":
		return b.searchCommand(ctx, x, kindQuote, opts.string("phrase"), opts.string("speaker"), priv)
	case "section":
		return b.sectionCommand(x, opts.string("section"), priv)
	case "lines":
		at := opts.string("at")
		if at == "" { // as registered before citations had other forms
			at = opts.string("lines")
		}
		return b.linesCommand(x, at, opts.string("text"), priv)
	case "page":
		page := opts.string("page")
		if n, ok := opts.integer("page"); ok { // as registered before pages could be labels
			page = strconv.FormatInt(n, 10)
		}
		return b.pageCommand(x, page, opts.string("text"), priv)
	}
	return reply{}, refuse("I don't know that command; try /help. (The bot may have been updated: the command list refreshes when Discord is restarted.)")
}

// question is a user's text as the bot reads and shows it.
func question(text string) string {
	q := retrieval.CleanQuery(text)
	if utf8.RuneCountInString(q) > maxQuestion {
		q = strings.TrimSpace(string([]rune(q)[:maxQuestion]))
	}
	return q
}

// find runs the search behind an answer.
func (b *Bot) find(ctx context.Context, k kind, q string) ([]retrieval.Result, error) {
	q, f := splitSpeaker(q)
	if k == kindQuote {
		return b.searcher().QuoteFor(ctx, q, b.opts.Results, f)
	}
	return b.searcher().AskFor(ctx, q, b.opts.Results, f)
}

// bySpeaker joins a question and the speaker it is asked of, as the
// answer's author line shows them and paging reads them back: "What did
// she say about the fine? · by Miss Anthony".
const bySpeaker = " · by "

// withSpeaker is a query asked of a speaker, the question shortened so
// that both fit the author line.
func withSpeaker(q, speaker string) string {
	if speaker == "" {
		return q
	}
	room := maxAuthor - utf8.RuneCountInString(bySpeaker+speaker)
	return retrieval.Clip(q, room) + bySpeaker + speaker
}

// splitSpeaker reads a query back into its question and filter.
func splitSpeaker(q string) (string, retrieval.Filter) {
	if i := strings.LastIndex(q, bySpeaker); i >= 0 {
		return q[:i], retrieval.Filter{Speaker: q[i+len(bySpeaker):]}
	}
	return q, retrieval.Filter{}
}

// lookup is a search a reader asked for: /ask, /quote or Find in text.
type lookup struct {
	command string // as recorded: ask, quote, find
	query   string
	private bool
	empty   string // the note for an empty query
}

// found is what a lookup found: the answers, the search that found
// them, and their record (0 when there is none).
type found struct {
	k   kind
	rs  []retrieval.Result
	rid int64
}

// lookUp runs what every search shares: a query to look for, the
// cooldown, deferring a slow answer, the search, the record and "nothing
// found".
func (b *Bot) lookUp(ctx context.Context, x *exchange, l lookup, search func(context.Context, string) (kind, []retrieval.Result, error)) (found, error) {
	if l.query == "" {
		return found{}, refuse("%s", l.empty)
	}
	if wait := b.cooldownWait(ctx, userID(x.in), time.Now()); wait > 0 {
		return found{}, refuse("Slow down a little: you can search again in %.1f s.", wait.Seconds())
	}
	x.expect(ctx, l.private, false, b.deferWait())
	start := time.Now()
	k, rs, err := search(ctx, l.query)
	if err != nil {
		return found{}, fmt.Errorf("search: %w", err)
	}
	rid := b.recordQuestion(ctx, x, l.command, l.query, rs, time.Since(start))
	if len(rs) == 0 {
		note := b.nothingFound(l.query)
		if l.command == "ask" {
			note = b.textNote(l.query, note)
		}
		return found{}, &refusal{outcome: outcomeNothing, note: note}
	}
	return found{k: k, rs: rs, rid: rid}, nil
}

// searchCommand answers /ask and /quote.
func (b *Bot) searchCommand(ctx context.Context, x *exchange, k kind, text, speaker string, priv bool) (reply, error) {
	who := ""
	if strings.TrimSpace(speaker) != "" {
		var ok bool
		if who, ok = b.completer().tables().speaker(speaker); !ok {
			return reply{}, refuse("No one speaks as “%s” in this text; start typing a name under speaker: and pick one.", escapeMarkdown(retrieval.Clip(speaker, 50)))
		}
	}
	l := lookup{command: "ask", query: withSpeaker(question(text), who), private: priv, empty: "Please type a question (or, for /quote, a phrase)."}
	if k == kindQuote {
		l.command = "quote"
	}
	f, err := b.lookUp(ctx, x, l, func(ctx context.Context, q string) (kind, []retrieval.Result, error) {
		rs, err := b.find(ctx, k, q)
		return k, rs, err
	})
	if err != nil {
		return reply{}, err
	}
	m := b.answersMessage(f.k, f.rs, 0, shown{question: l.query, owner: userID(x.in), private: priv, rid: f.rid})
	m.Content = b.spellingNote(l.query)
	if k == kindAsk {
		m.Content = b.textNote(l.query, m.Content)
	} else {
		m.Content = quoteNote(l.query, f.rs, m.Content)
	}
	return message(m, priv), nil
}

// findInText answers the message command: where the text says what the
// message says (a quotation found word for word), or else what answers it.
func (b *Bot) findInText(ctx context.Context, x *exchange, data discordgo.ApplicationCommandInteractionData) (reply, error) {
	l := lookup{command: "find", query: question(targetText(x.in.AppID, data)), private: true, empty: "That message has no text to look up."}
	f, err := b.lookUp(ctx, x, l, b.findSaid)
	if err != nil {
		return reply{}, err
	}
	m := b.answersMessage(f.k, f.rs, 0, shown{question: l.query, owner: userID(x.in), private: true, rid: f.rid})
	if f.k == kindQuote {
		m.Content = "The text says this:"
	} else {
		m.Content = "The text does not say this word for word; these passages answer it best:"
	}
	return message(m, true), nil
}

// findSaid looks a message's text up as a quotation, and asks it as a
// question when the text does not say it word for word; the answer is
// what the text says where its first quote holds words of the message
// in a row (SaysInPart).
func (b *Bot) findSaid(ctx context.Context, q string) (kind, []retrieval.Result, error) {
	rs, err := b.searcher().QuoteFor(ctx, q, b.opts.Results, retrieval.Filter{})
	if err != nil || retrieval.Verbatim(rs) {
		return kindQuote, rs, err
	}
	asked, err := b.searcher().AskFor(ctx, q, b.opts.Results, retrieval.Filter{})
	if err != nil {
		return kindAsk, nil, err
	}
	if len(asked) > 0 && retrieval.SaysInPart(q, asked[0].Quote.Text) {
		return kindQuote, asked, nil // a quotation among words of the message's own
	}
	if len(asked) > 0 {
		return kindAsk, asked, nil
	}
	return kindQuote, rs, nil
}

// targetText is the text of the message Find in text was used on: its
// content, or the quote in its embed when it is Lectern's own answer (or
// has no text of its own).
func targetText(appID string, data discordgo.ApplicationCommandInteractionData) string {
	if data.Resolved == nil {
		return ""
	}
	m := data.Resolved.Messages[data.TargetID]
	if m == nil {
		return ""
	}
	fromLectern := m.Author != nil && m.Author.ID == appID
	if (fromLectern || strings.TrimSpace(m.Content) == "") && len(m.Embeds) > 0 && m.Embeds[0] != nil {
		return unmarkdown(m.Embeds[0].Description)
	}
	return m.Content
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

// recordTimeout bounds a write to the record, which must never hold an
// answer up for long.
const recordTimeout = 2 * time.Second

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
	ctx, cancel := context.WithTimeout(ctx, recordTimeout)
	defer cancel()
	id, err := b.opts.Recorder.Asked(ctx, rq)
	if err != nil {
		b.log.Error("recording a question failed; answering without a record", "err", err)
		return 0
	}
	return id
}

// boldWords is a list of the text's words in bold: "**a**, **b**".
func boldWords(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = "**" + escapeMarkdown(w) + "**"
	}
	return strings.Join(out, ", ")
}

// spellingNote says which of the text's words stood in for words it lacks.
func (b *Bot) spellingNote(q string) string {
	sugg := b.searcher().Suggest(q)
	if len(sugg) == 0 {
		return ""
	}
	return "Some words are not in the text; showing answers for close spellings: " + boldWords(sugg) + "."
}

// textNote puts the answer to a question about the text itself that no
// quote answers (retrieval's Note: who wrote it, what it is called, how
// many chapters it has) before the content of a reply, if it asks one.
func (b *Bot) textNote(q, content string) string {
	q, _ = splitSpeaker(q)
	note := b.searcher().Note(q)
	if note == "" {
		return content
	}
	return strings.TrimSpace(retrieval.Clip(escapeMarkdown(note), maxContent/2) + "\n" + content)
}

// quoteNote puts retrieval's QuoteNote before the content of a reply to
// /quote, where the text does not hold the phrase word for word.
func quoteNote(q string, rs []retrieval.Result, content string) string {
	q, _ = splitSpeaker(q)
	note := retrieval.QuoteNote(q, rs)
	if note == "" {
		return content
	}
	return strings.TrimSpace(escapeMarkdown(note) + "\n" + content)
}

// nothingFound is the reply when a search finds nothing, with spelling
// suggestions from the text's own words.
func (b *Bot) nothingFound(q string) string {
	var s strings.Builder
	fmt.Fprintf(&s, "I found nothing in the text for “%s”.", escapeMarkdown(retrieval.ShownQuery(q)))
	if sugg := b.searcher().Suggest(q); len(sugg) > 0 {
		fmt.Fprintf(&s, " Did you mean %s?", boldWords(sugg))
	}
	s.WriteString(" Try other or fewer words, a name from the text, or `/quote` for an exact phrase.")
	return s.String()
}

// sectionCommand answers /section: a number, a choice from autocomplete
// ("doc:number"), or words of a title.
func (b *Bot) sectionCommand(x *exchange, value string, priv bool) (reply, error) {
	c := b.searcher().Corpus()
	value = strings.TrimSpace(value)
	doc, number, ok := resolveSection(b.completer().tables(), value)
	if !ok {
		first := c.Documents[0].Sections[0].Number
		last := c.Documents[0].Sections[len(c.Documents[0].Sections)-1].Number
		return reply{}, refuse("There is no section “%s”. Sections run from %d to %d; start typing a number or a title and pick one.", escapeMarkdown(retrieval.Clip(value, 50)), first, last)
	}
	m, err := b.sectionMessage(c, view{kind: viewSection, doc: doc, a: number}, shown{owner: userID(x.in), private: priv})
	if err != nil {
		return reply{}, err
	}
	return message(m, priv), nil
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

// linesCommand answers /lines: a citation as the text is cited, such as
// "351-356", "p. 31", "ch. 3 ¶ 12" or "§2 ¶ 4".
func (b *Bot) linesCommand(x *exchange, value, text string, priv bool) (reply, error) {
	doc, err := b.resolveText(text)
	if err != nil {
		return reply{}, err
	}
	d := b.searcher().Corpus().Documents[doc]
	span, err := retrieval.Resolve(d, value)
	if err != nil {
		return reply{}, placeRefusal(d, value, err)
	}
	msg, err := b.linesMessage(b.searcher().Corpus(), view{kind: viewLines, doc: doc, a: span.Start, b: span.End}, shown{owner: userID(x.in), private: priv})
	if err != nil {
		return reply{}, err
	}
	return message(msg, priv), nil
}

// placeRefusal tells a reader why a citation of d names no text.
func placeRefusal(d *corpus.Document, value string, err error) error {
	typed := escapeMarkdown(retrieval.Clip(value, 50))
	if detail := placeDetail(err); detail != "" {
		return refuse("`%s` has no “%s”: %s.", codeSafe(d.Name), typed, detail)
	}
	example := "351-356"
	if c, ok := retrieval.ExampleCitation(d); ok {
		example = c.Location.Place()
	}
	return refuse("“%s” is not a place in `%s`; cite it as its answers do, such as `%s`.", typed, codeSafe(d.Name), codeSafe(example))
}

// placeDetail is what a PlaceError says the text has, or "".
func placeDetail(err error) string {
	if pe := (*retrieval.PlaceError)(nil); errors.As(err, &pe) {
		return pe.Detail
	}
	return ""
}

// pageCommand answers /page: a page number, or a PDF's page as printed.
func (b *Bot) pageCommand(x *exchange, page, text string, priv bool) (reply, error) {
	doc, err := b.resolveText(text)
	if err != nil {
		return reply{}, err
	}
	d := b.searcher().Corpus().Documents[doc]
	if d.Pages == 0 {
		return reply{}, refuse("`%s` has no page numbers; use `/lines` or `/section` instead.", codeSafe(d.Name))
	}
	n, ok := retrieval.PageNumber(d, strings.TrimPrefix(strings.TrimSpace(page), "p."))
	if !ok {
		return reply{}, placeRefusal(d, page, retrieval.PageError(d))
	}
	m, err := b.pageMessage(b.searcher().Corpus(), view{kind: viewPage, doc: doc, a: n}, shown{owner: userID(x.in), private: priv})
	if err != nil {
		return reply{}, err
	}
	return message(m, priv), nil
}

// resolveText reads the text option: a document's number (from
// autocomplete) or words of its name; the first document when empty.
func (b *Bot) resolveText(value string) (int, error) {
	value = strings.TrimSpace(value)
	docs := b.searcher().Corpus().Documents
	if value == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(value); err == nil && n >= 0 && n < len(docs) {
		return n, nil
	}
	if choices := titleChoices(b.completer().tables().files, value); len(choices) > 0 {
		n, _ := strconv.Atoi(choices[0].Value.(string))
		return n, nil
	}
	return 0, refuse("There is no text “%s” here; start typing a file name and pick one.", escapeMarkdown(retrieval.Clip(value, 50)))
}

// autocomplete offers choices for the option being typed. It never
// waits: when too many are being worked out at once, or the text was
// opened a moment ago and its tables are being built, it offers none.
func (b *Bot) autocomplete(x *exchange) reply {
	data := x.in.ApplicationCommandData()
	var focused *discordgo.ApplicationCommandInteractionDataOption
	for _, o := range data.Options {
		if o != nil && o.Focused {
			focused = o
		}
	}
	r := reply{autocomplete: true}
	c := b.completer() // one table throughout, even if the index is swapped meanwhile
	if !c.built() {
		return r // the tables of a text just opened are still being built
	}
	select {
	case c.busy <- struct{}{}:
		defer func() { <-c.busy }()
	default:
		return r
	}
	if focused == nil {
		return r
	}
	typed, _ := focused.Value.(string) // a partly typed value arrives as text
	typed = retrieval.CleanQuery(typed)
	switch {
	case data.Name == "quote" && focused.Name == "phrase":
		r.choices = c.quoteChoices(typed)
	case data.Name == "section" && focused.Name == "section":
		r.choices = titleChoices(c.sections, typed)
	case focused.Name == "text":
		r.choices = titleChoices(c.files, typed)
	case focused.Name == "speaker":
		r.choices = titleChoices(c.speakers, typed)
	}
	return r
}

// noLongerWorks is the note for a button whose custom_id does not parse.
const noLongerWorks = "This button no longer works; ask again with /ask or /quote."

// component handles a click on a button.
func (b *Bot) component(ctx context.Context, x *exchange) (reply, error) {
	act, ok := parseAction(x.in.MessageComponentData().CustomID)
	msg := x.in.Message
	if !ok || msg == nil {
		return reply{}, refuse(noLongerWorks)
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
			return reply{}, refuse("Only the person who asked can delete this answer.")
		}
		return reply{remove: true}, nil
	case "up", "down":
		return b.rate(ctx, x, act.rid, act.verb == "up")
	}
	return reply{}, refuse(noLongerWorks)
}

// show renders view v: in place of the message the button is on
// (update), or as a new message. content is kept as the message's text
// (a spelling note), since an update without it would erase it.
func (b *Bot) show(ctx context.Context, x *exchange, v view, s shown, update bool, content string) (reply, error) {
	x.expect(ctx, s.private, update, b.deferWait())
	m, err := b.render(ctx, v, s)
	if err != nil {
		return reply{}, err
	}
	if update {
		m.Content = content
		return reply{msg: m, update: true}, nil
	}
	return message(m, s.private), nil
}

// render draws a view.
func (b *Bot) render(ctx context.Context, v view, s shown) (*discordgo.InteractionResponseData, error) {
	c := b.searcher().Corpus()
	switch v.kind {
	case viewSection, viewLines, viewRead, viewPage:
		var ok bool
		if v, ok = findDoc(c, v); !ok {
			return nil, refuse("That text is no longer in the library (the texts have changed since this message); ask again, or open another with /lines.")
		}
	}
	switch v.kind {
	case viewSection:
		return b.sectionMessage(c, v, s)
	case viewLines, viewRead:
		return b.linesMessage(c, v, s)
	case viewPage:
		return b.pageMessage(c, v, s)
	}
	if s.question == "" {
		return nil, refuse("This answer's question is missing; ask again with /ask or /quote.")
	}
	rs, err := b.find(ctx, v.search, s.question)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if len(rs) == 0 {
		return nil, refuse("These answers are no longer available (the text may have changed); ask again.")
	}
	i := min(v.a, len(rs)-1)
	if v.kind == viewContext {
		return b.contextMessage(v.search, rs, i, s), nil
	}
	return b.answersMessage(v.search, rs, i, s), nil
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

// rate records 👍 or 👎. Writing the record may wait on a busy database,
// so the reply is deferred like a slow search's, and the write bounded.
func (b *Bot) rate(ctx context.Context, x *exchange, rid int64, helpful bool) (reply, error) {
	if b.opts.Recorder == nil {
		return reply{}, refuse("Ratings are not being recorded on this bot.")
	}
	x.expect(ctx, true, false, b.deferWait())
	rctx, cancel := context.WithTimeout(ctx, recordTimeout)
	defer cancel()
	err := b.opts.Recorder.Rated(rctx, rid, userID(x.in), helpful)
	switch {
	case errors.Is(err, record.ErrUnknownQuestion):
		return reply{}, refuse("This answer is no longer in the record, so the rating was not kept.")
	case err != nil:
		b.log.Error("recording a rating failed", "err", err)
		return reply{}, &refusal{outcome: outcomeFailed, note: "Sorry, your rating could not be saved just now."}
	case helpful:
		return noted("Thanks: noted that this answer helped."), nil
	}
	return noted("Thanks: noted that this answer did not help. The bot's owner reviews these to improve it."), nil
}
