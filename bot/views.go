package bot

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// kind names the search behind an answer: ask or quote.
type kind byte

const (
	kindAsk   kind = 'a'
	kindQuote kind = 'q'
)

// viewKind names what a message shows.
type viewKind byte

const (
	viewAnswers viewKind = 'a' // result a of the answers to the question in the embed
	viewContext viewKind = 'c' // the passage around result a
	viewSection viewKind = 's' // part b of section a of document doc
	viewLines   viewKind = 'l' // the sentences touching lines a to b of document doc
	viewRead    viewKind = 'r' // the sentences beginning on lines a to b
	viewPage    viewKind = 'p' // part b of page a of document doc
)

// view is what a message shows, small enough to travel in a button's
// custom_id: a click needs nothing but the custom_id and the message it
// is on, so buttons keep working after a restart and on any replica.
type view struct {
	kind   viewKind
	search kind // answers and context
	doc    int
	a, b   int
	// tag names the document (docTag), so that a button still finds it
	// when texts added or removed since have moved it; "" in buttons made
	// before tags.
	tag string
}

// String encodes the view: "a.q.2", "c.a.0", "s.0.12.1.k3f9",
// "l.0.351.356.k3f9", "p.0.11.0.k3f9".
func (v view) String() string {
	switch v.kind {
	case viewAnswers, viewContext:
		return fmt.Sprintf("%c.%c.%d", v.kind, v.search, v.a)
	}
	if v.tag != "" {
		return fmt.Sprintf("%c.%d.%d.%d.%s", v.kind, v.doc, v.a, v.b, v.tag)
	}
	return fmt.Sprintf("%c.%d.%d.%d", v.kind, v.doc, v.a, v.b)
}

// docTag is a short name for a document that stays when other documents
// come and go: four base-36 digits of a hash of its name.
func docTag(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%04s", strconv.FormatUint(uint64(h.Sum32()%(36*36*36*36)), 36))
}

// findDoc points a reading view at its document in c: where its tag
// says when the document has moved, or ok false when it is gone.
func findDoc(c *corpus.Corpus, v view) (view, bool) {
	if v.tag == "" {
		return v, v.doc < len(c.Documents)
	}
	if v.doc < len(c.Documents) && docTag(c.Documents[v.doc].Name) == v.tag {
		return v, true
	}
	for i, d := range c.Documents {
		if docTag(d.Name) == v.tag {
			v.doc = i
			return v, true
		}
	}
	return v, false
}

func parseView(s string) (view, bool) {
	parts := strings.Split(s, ".")
	if len(parts) < 3 || len(parts[0]) != 1 {
		return view{}, false
	}
	v := view{kind: viewKind(parts[0][0])}
	nums := func(ss []string) ([]int, bool) {
		out := make([]int, len(ss))
		for i, s := range ss {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return nil, false
			}
			out[i] = n
		}
		return out, true
	}
	switch v.kind {
	case viewAnswers, viewContext:
		if len(parts) != 3 || len(parts[1]) != 1 {
			return view{}, false
		}
		v.search = kind(parts[1][0])
		n, ok := nums(parts[2:])
		if !ok || (v.search != kindAsk && v.search != kindQuote) {
			return view{}, false
		}
		v.a = n[0]
	case viewSection, viewLines, viewRead, viewPage:
		if len(parts) == 5 {
			v.tag, parts = parts[4], parts[:4]
			if len(v.tag) != 4 || strings.Trim(v.tag, "0123456789abcdefghijklmnopqrstuvwxyz") != "" {
				return view{}, false
			}
		}
		n, ok := nums(parts[1:])
		if !ok || len(n) != 3 {
			return view{}, false
		}
		v.doc, v.a, v.b = n[0], n[1], n[2]
	default:
		return view{}, false
	}
	return v, true
}

// Custom IDs of the buttons:
//
//	lectern:go:<view>:<owner>   show the view (◀ ▶)
//	lectern:ctx:<view>          the passage around an answer, privately
//	lectern:pub:<view>:<rid>    post the view publicly
//	lectern:del:<owner>         delete the message
//	lectern:up:<rid>            rate the answer recorded as rid helpful
//	lectern:down:<rid>          … or not
const idPrefix = "lectern:"

// action is a parsed custom_id.
type action struct {
	verb  string
	view  view
	owner string
	rid   int64
}

func (a action) id() string {
	switch a.verb {
	case "go":
		return idPrefix + "go:" + a.view.String() + ":" + a.owner
	case "ctx":
		return idPrefix + "ctx:" + a.view.String()
	case "pub":
		return idPrefix + "pub:" + a.view.String() + ":" + strconv.FormatInt(a.rid, 10)
	case "del":
		return idPrefix + "del:" + a.owner
	}
	return idPrefix + a.verb + ":" + strconv.FormatInt(a.rid, 10)
}

func parseAction(id string) (action, bool) {
	rest, ok := strings.CutPrefix(id, idPrefix)
	if !ok {
		return action{}, false
	}
	parts := strings.Split(rest, ":")
	a := action{verb: parts[0]}
	var err error
	switch {
	case a.verb == "go" && len(parts) == 3 && IsSnowflake(parts[2]):
		a.owner = parts[2]
		a.view, ok = parseView(parts[1])
	case a.verb == "ctx" && len(parts) == 2:
		a.view, ok = parseView(parts[1])
		ok = ok && a.view.kind == viewAnswers
	case a.verb == "pub" && len(parts) == 3:
		a.view, ok = parseView(parts[1])
		a.rid, err = strconv.ParseInt(parts[2], 10, 64)
		ok = ok && err == nil && a.rid >= 0
	case a.verb == "del" && len(parts) == 2 && IsSnowflake(parts[1]):
		a.owner = parts[1]
	case (a.verb == "up" || a.verb == "down") && len(parts) == 2:
		a.rid, err = strconv.ParseInt(parts[1], 10, 64)
		ok = err == nil && a.rid > 0
	default:
		ok = false
	}
	return a, ok
}

// shown is what a message needs besides its view: whose it is, whether
// only they see it, the question, and the record of the question for
// ratings (0 when there is none).
type shown struct {
	question string
	owner    string
	private  bool
	rid      int64
}

func button(label, id string, style discordgo.ButtonStyle, disabled bool) discordgo.Button {
	return discordgo.Button{Label: label, Style: style, CustomID: id, Disabled: disabled}
}

// pager is ◀ i/n ▶ for views prev and next (nil where there is none).
func pager(prev, next *view, label string, owner string) []discordgo.MessageComponent {
	back := button("◀", idPrefix+"first", discordgo.SecondaryButton, true)
	if prev != nil {
		back = button("◀", action{verb: "go", view: *prev, owner: owner}.id(), discordgo.SecondaryButton, false)
	}
	fwd := button("▶", idPrefix+"last", discordgo.SecondaryButton, true)
	if next != nil {
		fwd = button("▶", action{verb: "go", view: *next, owner: owner}.id(), discordgo.SecondaryButton, false)
	}
	out := []discordgo.MessageComponent{back}
	if label != "" {
		out = append(out, button(label, idPrefix+"count", discordgo.SecondaryButton, true))
	}
	return append(out, fwd)
}

// tools are the second row: ratings, and 🗑 on a public message or Post
// publicly on a private one.
func tools(v view, s shown, rate bool) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	if rate && s.rid > 0 {
		out = append(out,
			button("👍", action{verb: "up", rid: s.rid}.id(), discordgo.SecondaryButton, false),
			button("👎", action{verb: "down", rid: s.rid}.id(), discordgo.SecondaryButton, false))
	}
	if s.private {
		out = append(out, button("Post publicly", action{verb: "pub", view: v, rid: s.rid}.id(), discordgo.SuccessButton, false))
	} else if s.owner != "" {
		out = append(out, button("🗑", action{verb: "del", owner: s.owner}.id(), discordgo.DangerButton, false))
	}
	return out
}

func rows(groups ...[]discordgo.MessageComponent) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for _, g := range groups {
		if len(g) > 0 {
			out = append(out, discordgo.ActionsRow{Components: g})
		}
	}
	return out
}

// answersMessage shows result i of rs, the answers to s.question.
func (b *Bot) answersMessage(k kind, rs []retrieval.Result, i int, s shown) *discordgo.InteractionResponseData {
	v := view{kind: viewAnswers, search: k, a: i}
	var nav []discordgo.MessageComponent
	if len(rs) > 1 {
		var prev, next *view
		if i > 0 {
			prev = &view{kind: viewAnswers, search: k, a: i - 1}
		}
		if i < len(rs)-1 {
			next = &view{kind: viewAnswers, search: k, a: i + 1}
		}
		nav = pager(prev, next, countLabel(i, len(rs)), s.owner)
	}
	nav = append(nav, button("Context", action{verb: "ctx", view: v}.id(), discordgo.PrimaryButton, false))
	return &discordgo.InteractionResponseData{
		Embeds:     []*discordgo.MessageEmbed{b.answerEmbed(s.question, rs[i])},
		Components: rows(nav, tools(v, s, true)),
	}
}

// contextMessage shows the passage around result i of rs.
func (b *Bot) contextMessage(k kind, rs []retrieval.Result, i int, s shown) *discordgo.InteractionResponseData {
	v := view{kind: viewContext, search: k, a: i}
	return &discordgo.InteractionResponseData{
		Embeds:     []*discordgo.MessageEmbed{b.contextEmbed(s.question, rs[i])},
		Components: rows(tools(v, s, false)),
	}
}

// partRunes is about how much text one message of a section or page
// shows.
const partRunes = 1800

// parts splits sentences [from, to) of d into parts of about partRunes.
func parts(d *corpus.Document, from, to int) [][2]int {
	var out [][2]int
	start, n := from, 0
	for i := from; i < to; i++ {
		l := utf8.RuneCountInString(d.Sentence(i).Text) + 2
		if n > 0 && n+l > partRunes {
			out = append(out, [2]int{start, i})
			start, n = i, 0
		}
		n += l
	}
	if start < to {
		out = append(out, [2]int{start, to})
	}
	return out
}

// runText renders sentences [from, to) of d for reading: paragraphs kept,
// speakers named, an interviewer's questions in italics.
func runText(d *corpus.Document, from, to int) string {
	var b strings.Builder
	prevPara := 0
	for i, s := range d.Sentences(from, to) {
		newPara := i == from || prevPara != s.Paragraph
		prevPara = s.Paragraph
		if i > from {
			if newPara {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		if newPara && s.Speaker != "" {
			b.WriteString("**" + escapeInline(s.Speaker) + ":** ")
		}
		text := escapeMarkdown(s.Text)
		switch {
		case s.Code:
			text = codeBlock(s.Text)
		case s.Question:
			text = "*" + text + "*"
		}
		b.WriteString(text)
	}
	return b.String()
}

// readingMessage shows sentences [from, to) of d, with ◀ ▶ to prev and
// next and a label such as "part 2/5".
func (b *Bot) readingMessage(v view, d *corpus.Document, from, to int, prev, next *view, label string, s shown) *discordgo.InteractionResponseData {
	v.tag = docTag(d.Name)
	for _, p := range []*view{prev, next} {
		if p != nil {
			p.tag = v.tag
		}
	}
	c := b.searcher().Cite(v.doc, from, to)
	footer := c.String()
	if label != "" {
		footer += " · " + label
	}
	e := &discordgo.MessageEmbed{
		Title:       clipMarkdown(sectionLine(c.Section), maxTitle),
		URL:         b.readerLink(c),
		Description: clipMarkdown(runText(d, from, to), maxDescription),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: retrieval.Clip(footer, maxFooter)},
	}
	var nav []discordgo.MessageComponent
	if prev != nil || next != nil {
		nav = pager(prev, next, "", s.owner)
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}, Components: rows(nav, tools(v, s, false))}
}

// sectionMessage shows part v.b of section v.a of document v.doc.
func (b *Bot) sectionMessage(c *corpus.Corpus, v view, s shown) (*discordgo.InteractionResponseData, error) {
	d, sec, ok := findSection(c, v.doc, v.a)
	if !ok {
		return nil, refuse("That section is no longer in the text; try `/section` again.")
	}
	if sec.FirstSentence >= sec.EndSentence {
		return nil, refuse("§%d · %s has no text of its own (it is a heading); try the next section.", sec.Number, escapeInline(sec.Title))
	}
	ps := parts(d, sec.FirstSentence, sec.EndSentence)
	i := min(v.b, len(ps)-1)
	var prev, next *view
	if i > 0 {
		prev = &view{kind: viewSection, doc: v.doc, a: v.a, b: i - 1}
	}
	if i < len(ps)-1 {
		next = &view{kind: viewSection, doc: v.doc, a: v.a, b: i + 1}
	}
	label := ""
	if len(ps) > 1 {
		label = "part " + countLabel(i, len(ps))
	}
	v.b = i
	return b.readingMessage(v, d, ps[i][0], ps[i][1], prev, next, label, s), nil
}

// findSection finds section number n of document doc.
func findSection(c *corpus.Corpus, doc, n int) (*corpus.Document, corpus.Section, bool) {
	if doc < 0 || doc >= len(c.Documents) {
		return nil, corpus.Section{}, false
	}
	d := c.Documents[doc]
	for _, s := range d.Sections {
		if s.Number == n {
			return d, s, true
		}
	}
	return nil, corpus.Section{}, false
}

// pageMessage shows part v.b of page v.a of document v.doc.
func (b *Bot) pageMessage(c *corpus.Corpus, v view, s shown) (*discordgo.InteractionResponseData, error) {
	if v.doc >= len(c.Documents) {
		return nil, refuse("That text is no longer in the corpus.")
	}
	d := c.Documents[v.doc]
	if d.Pages == 0 {
		return nil, refuse("`%s` has no page numbers; use `/lines` or `/section` instead.", codeSafe(d.Name))
	}
	from, to := pageSentences(d, v.a)
	if from == to {
		return nil, refuse("`%s` has no text to quote on page %s; %s.", codeSafe(d.Name), retrieval.PageName(d, v.a), placeDetail(retrieval.PageError(d)))
	}
	ps := parts(d, from, to)
	i := min(v.b, len(ps)-1)
	var prev, next *view
	switch {
	case i > 0:
		prev = &view{kind: viewPage, doc: v.doc, a: v.a, b: i - 1}
	case from > 0:
		p := d.Sentence(from - 1).Page
		prevFrom, _ := pageSentences(d, p)
		lastPart := len(parts(d, prevFrom, from)) - 1
		prev = &view{kind: viewPage, doc: v.doc, a: p, b: max(lastPart, 0)}
	}
	switch {
	case i < len(ps)-1:
		next = &view{kind: viewPage, doc: v.doc, a: v.a, b: i + 1}
	case to < d.SentenceCount():
		next = &view{kind: viewPage, doc: v.doc, a: d.Sentence(to).Page}
	}
	label := ""
	if len(ps) > 1 {
		label = "part " + countLabel(i, len(ps))
	}
	v.b = i
	return b.readingMessage(v, d, ps[i][0], ps[i][1], prev, next, label, s), nil
}

// pageSentences are the sentences on page p: [from, to), empty when none.
// (A PDF's footnotes, gathered after its text, are not among them: pages
// do not rise through the whole text.)
func pageSentences(d *corpus.Document, p int) (from, to int) {
	n := d.SentenceCount()
	for from < n && d.Sentence(from).Page != p {
		from++
	}
	if from == n {
		return 0, 0
	}
	to = from
	for to < n && d.Sentence(to).Page == p {
		to++
	}
	return from, to
}

// linesMessage shows the sentences on lines v.a to v.b of document v.doc:
// for viewLines (a citation) those that touch the lines, for viewRead
// (reading on with ◀ ▶) those that begin on them, so that a sentence
// that ends on a line where the next begins is not shown twice.
func (b *Bot) linesMessage(c *corpus.Corpus, v view, s shown) (*discordgo.InteractionResponseData, error) {
	if v.doc >= len(c.Documents) {
		return nil, refuse("That text is no longer in the corpus.")
	}
	d := c.Documents[v.doc]
	if v.a < 1 || v.a > d.Lines {
		return nil, refuse("`%s` has lines 1 to %d.", codeSafe(d.Name), d.Lines)
	}
	count := d.SentenceCount()
	from := sort.Search(count, func(i int) bool { return d.Sentence(i).Lines.End >= v.a })
	if v.kind == viewRead {
		from = sort.Search(count, func(i int) bool { return d.Sentence(i).Lines.Start >= v.a })
	}
	to := from
	for n := 0; to < count && d.Sentence(to).Lines.Start <= v.b; to++ {
		l := utf8.RuneCountInString(d.Sentence(to).Text) + 2
		if n > 0 && n+l > partRunes {
			break // the rest follows with ▶
		}
		n += l
	}
	if from == to {
		return nil, refuse("Lines %d–%d of `%s` hold no text to quote: %s", v.a, v.b, codeSafe(d.Name), whyNoText(d, v.a, v.b))
	}
	width := max(v.b-v.a+1, 12)
	var prev, next *view
	if from > 0 {
		// Back from the sentence before the first shown, as far as fits.
		first, n := from-1, 0
		for ; first >= 0 && d.Sentence(first).Lines.Start > d.Sentence(from-1).Lines.Start-width; first-- {
			l := utf8.RuneCountInString(d.Sentence(first).Text) + 2
			if n > 0 && n+l > partRunes {
				break
			}
			n += l
		}
		prev = &view{kind: viewRead, doc: v.doc, a: d.Sentence(first + 1).Lines.Start, b: d.Sentence(from - 1).Lines.Start}
	}
	if to < count {
		start := d.Sentence(to).Lines.Start
		next = &view{kind: viewRead, doc: v.doc, a: start, b: start + width - 1}
	}
	return b.readingMessage(v, d, from, to, prev, next, "", s), nil
}

// whyNoText says why lines hold nothing to quote.
func whyNoText(d *corpus.Document, first, last int) string {
	for _, o := range d.Omitted {
		if o.Lines.Overlaps(corpus.Span{Start: first, End: last}) {
			return "they are the " + o.Reason + ", which Lectern leaves out."
		}
	}
	return "they are blank or markup."
}

// codeSafe makes s safe inside `code`.
func codeSafe(s string) string { return strings.ReplaceAll(s, "`", "'") }
