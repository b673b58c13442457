package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

var errNotConnected = errors.New("discordtest: no bot connected to the gateway for that shard")

// Message is a message as the bot sent it.
type Message struct {
	ID              string           `json:"id,omitempty"`
	Content         string           `json:"content"`
	Flags           int              `json:"flags,omitempty"`
	Embeds          []Embed          `json:"embeds,omitempty"`
	Components      []Row            `json:"components,omitempty"`
	AllowedMentions *AllowedMentions `json:"allowed_mentions,omitempty"`
	Choices         []Choice         `json:"choices,omitempty"`
}

// Ephemeral reports whether only the user who triggered it sees it.
func (m Message) Ephemeral() bool { return m.Flags&64 != 0 }

// Embed is a rich embed.
type Embed struct {
	Title       string  `json:"title,omitempty"`
	URL         string  `json:"url,omitempty"`
	Description string  `json:"description,omitempty"`
	Color       int     `json:"color,omitempty"`
	Author      *Text   `json:"author,omitempty"`
	Footer      *Text   `json:"footer,omitempty"`
	Fields      []Field `json:"fields,omitempty"`
}

// Text is an embed author or footer.
type Text struct {
	Name string `json:"name,omitempty"`
	Text string `json:"text,omitempty"`
}

// Field is an embed field.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Row is an action row of components.
type Row struct {
	Type       int         `json:"type"`
	Components []Component `json:"components"`
}

// Component is a button (or another component).
type Component struct {
	Type     int    `json:"type"`
	Style    int    `json:"style,omitempty"`
	Label    string `json:"label,omitempty"`
	CustomID string `json:"custom_id,omitempty"`
	URL      string `json:"url,omitempty"`
	Disabled bool   `json:"disabled,omitempty"`
}

// AllowedMentions says who a message may ping.
type AllowedMentions struct {
	Parse []string `json:"parse"`
	Users []string `json:"users,omitempty"`
	Roles []string `json:"roles,omitempty"`
}

// Choice is an autocomplete choice.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// Response is an interaction callback.
type Response struct {
	Type int      `json:"type"`
	Data *Message `json:"data,omitempty"`
}

// Interaction is one interaction sent to the bot and what the bot did with it.
type Interaction struct {
	ID, Token string
	Type      int
	User      string
	created   time.Time
	s         *Server

	mu        sync.Mutex
	response  *Response
	status    int    // the HTTP status of an endpoint delivery, once answered
	clicked   string // id of the message a button was on
	original  string // id of the original response message
	thinking  bool   // a deferred "thinking…" message not yet edited
	edited    bool
	deleted   bool
	followups []string
	changed   chan struct{} // closed and replaced on every change
}

func (in *Interaction) notify() {
	close(in.changed)
	in.changed = make(chan struct{})
}

// wait waits until cond, called with the interaction locked, holds.
func (in *Interaction) wait(ctx context.Context, what string, cond func() bool) error {
	for {
		in.mu.Lock()
		ok := cond()
		ch := in.changed
		in.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("interaction %s: waiting for %s: %w", in.ID, what, ctx.Err())
		}
	}
}

// Response waits for the bot's first response.
func (in *Interaction) Response(ctx context.Context) (*Response, error) {
	var r *Response
	err := in.wait(ctx, "a response", func() bool { r = in.response; return r != nil })
	return r, err
}

// Original waits until the original response holds content (for a
// deferred response, until it is edited) and returns it as it stands.
// For a button acknowledged without a message, it is the message the
// button is on once edited.
func (in *Interaction) Original(ctx context.Context) (*Message, error) {
	var m *Message
	err := in.wait(ctx, "the original response", func() bool {
		if in.original == "" || in.thinking || in.response == nil || (in.response.Type == respDeferredUpdate && !in.edited && !in.deleted) {
			return false
		}
		m = in.s.Message(in.original)
		return m != nil || in.deleted
	})
	return m, err
}

// Followup waits for the bot's first follow-up message.
func (in *Interaction) Followup(ctx context.Context) (*Message, error) {
	var m *Message
	err := in.wait(ctx, "a follow-up", func() bool {
		if len(in.followups) > 0 {
			m = in.s.Message(in.followups[0])
		}
		return m != nil
	})
	return m, err
}

// Deleted waits until the bot deletes the original response (for a
// button, the message it is on).
func (in *Interaction) Deleted(ctx context.Context) error {
	return in.wait(ctx, "a delete", func() bool { return in.deleted })
}

// Status waits for the HTTP status of an endpoint delivery.
func (in *Interaction) Status(ctx context.Context) (int, error) {
	var st int
	err := in.wait(ctx, "an HTTP response", func() bool { st = in.status; return st != 0 })
	return st, err
}

// Forget drops the interaction and its messages from the fake, so that a
// long test measures the bot's memory, not the fake's.
func (in *Interaction) Forget() {
	s := in.s
	in.mu.Lock()
	ids := append([]string{in.original}, in.followups...)
	in.mu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.interactions, in.ID)
	delete(s.byToken, in.Token)
	for _, id := range ids {
		delete(s.messages, id)
	}
}

// Message returns a copy of a message the bot sent, as it now stands, or
// nil when there is none (or it was deleted).
func (s *Server) Message(id string) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[id]
	if m == nil {
		return nil
	}
	c := *m
	return &c
}

// Interaction types.
const (
	TypePing         = 1
	TypeCommand      = 2
	TypeComponent    = 3
	TypeAutocomplete = 4
)

// Option is a slash-command option as Discord sends it.
type Option struct {
	Name    string `json:"name"`
	Type    int    `json:"type"`
	Value   any    `json:"value"`
	Focused bool   `json:"focused,omitempty"`
}

// String, Integer and Boolean make options of those types.
func String(name, v string) Option { return Option{Name: name, Type: 3, Value: v} }
func Integer(name string, v int) Option {
	return Option{Name: name, Type: 4, Value: v}
}
func Boolean(name string, v bool) Option { return Option{Name: name, Type: 5, Value: v} }

// Focused marks an option as the one being typed, for autocomplete; its
// value is the text typed so far, as Discord sends it whatever the
// option's type.
func Focused(o Option) Option {
	o.Focused = true
	o.Value = fmt.Sprint(o.Value)
	return o
}

// Place is where an interaction happens: a server, or a DM with the bot.
type Place struct {
	Guild string // "" for a DM
}

// DM is a direct message with the bot.
var DM = Place{}

// InGuild is a server.
func InGuild(id string) Place { return Place{Guild: id} }

// Command sends a slash command from user in the fake's server.
func (s *Server) Command(user, name string, opts ...Option) (*Interaction, error) {
	return s.CommandIn(InGuild(s.GuildID), user, name, opts...)
}

// CommandIn sends a slash command from user in a place.
func (s *Server) CommandIn(p Place, user, name string, opts ...Option) (*Interaction, error) {
	data := map[string]any{"id": s.nextID(), "name": name, "type": 1, "options": opts}
	return s.send(p, TypeCommand, user, data, nil)
}

// MessageCommand runs a message command (right-click → Apps) on a
// message someone wrote with the given content, as Discord sends it: the
// target in data.resolved.
func (s *Server) MessageCommand(user, name, content string) (*Interaction, error) {
	return s.MessageCommandOn(user, name, &Message{Content: content}, "700000000000000007")
}

// MessageCommandOn runs a message command on msg, written by author (the
// application's ID for one of the bot's own messages).
func (s *Server) MessageCommandOn(user, name string, msg *Message, author string) (*Interaction, error) {
	target := s.nextID()
	embeds := msg.Embeds
	if embeds == nil {
		embeds = []Embed{}
	}
	data := map[string]any{"id": s.nextID(), "name": name, "type": 3, "target_id": target,
		"resolved": map[string]any{"messages": map[string]any{target: map[string]any{
			"id": target, "channel_id": "400000000000000004", "content": msg.Content, "embeds": embeds, "components": []any{},
			"author":    map[string]any{"id": author, "username": "someone", "discriminator": "0"},
			"timestamp": time.Now().UTC().Format(time.RFC3339), "type": 0,
		}}}}
	return s.send(InGuild(s.GuildID), TypeCommand, user, data, nil)
}

// Autocomplete sends an autocomplete request for a command.
func (s *Server) Autocomplete(user, name string, opts ...Option) (*Interaction, error) {
	data := map[string]any{"id": s.nextID(), "name": name, "type": 1, "options": opts}
	return s.send(InGuild(s.GuildID), TypeAutocomplete, user, data, nil)
}

// Click sends a button click by user on msg, in the fake's server.
func (s *Server) Click(user string, msg *Message, customID string) (*Interaction, error) {
	return s.ClickIn(InGuild(s.GuildID), user, msg, customID)
}

// ClickIn sends a button click by user on msg in a place.
func (s *Server) ClickIn(p Place, user string, msg *Message, customID string) (*Interaction, error) {
	m := *msg
	if m.ID == "" {
		m.ID = s.nextID()
	}
	data := map[string]any{"custom_id": customID, "component_type": 2}
	return s.send(p, TypeComponent, user, data, &m)
}

// Payload builds an interaction's JSON as Discord sends it.
func (s *Server) payload(in *Interaction, p Place, data any, msg *Message) map[string]any {
	user := map[string]any{"id": in.User, "username": "user" + in.User, "discriminator": "0", "global_name": nil}
	payload := map[string]any{
		"id": in.ID, "application_id": s.AppID, "type": in.Type, "token": in.Token, "version": 1,
		"locale": "en-US", "app_permissions": "0", "entitlements": []any{},
		"data": data,
	}
	if p.Guild != "" {
		payload["guild_id"] = p.Guild
		payload["channel_id"] = "400000000000000004"
		payload["context"] = 0
		payload["authorizing_integration_owners"] = map[string]any{"0": p.Guild}
		payload["member"] = map[string]any{"user": user, "roles": []string{}, "permissions": "0", "joined_at": "2024-01-01T00:00:00Z"}
	} else {
		payload["channel_id"] = "500000000000000005"
		payload["context"] = 1
		payload["authorizing_integration_owners"] = map[string]any{"1": in.User}
		payload["user"] = user
	}
	if msg != nil {
		payload["message"] = map[string]any{"id": msg.ID, "channel_id": payload["channel_id"], "content": msg.Content,
			"embeds": msg.Embeds, "components": msg.Components, "flags": msg.Flags, "type": 20,
			"author":    map[string]any{"id": s.AppID, "username": "Lectern", "discriminator": "0", "bot": true},
			"timestamp": time.Now().UTC().Format(time.RFC3339)}
	}
	return payload
}

func (s *Server) send(p Place, typ int, user string, data any, msg *Message) (*Interaction, error) {
	in := &Interaction{ID: s.nextID(), Token: "tok-" + s.nextID(), Type: typ, User: user, created: time.Now(), changed: make(chan struct{}), s: s}
	if msg != nil {
		in.clicked = msg.ID
	}
	payload := s.payload(in, p, data, msg)
	s.mu.Lock()
	s.interactions[in.ID] = in
	s.byToken[in.Token] = in
	ep := s.endpoint
	s.mu.Unlock()
	if ep != nil {
		go s.deliver(ep, in, payload)
		return in, nil
	}
	if err := s.dispatch(p.Guild, "INTERACTION_CREATE", payload); err != nil {
		return nil, err
	}
	return in, nil
}

// Response types.
const (
	respMessage        = 4
	respDeferred       = 5
	respDeferredUpdate = 6
	respUpdate         = 7
	respAutocomplete   = 8
)

func (s *Server) callback(w http.ResponseWriter, id, token string, body []byte) {
	s.mu.Lock()
	in := s.interactions[id]
	s.mu.Unlock()
	if in == nil || in.Token != token {
		s.fail("callback for unknown interaction %s", id)
		apiError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	status, code, msg := s.respond(in, body)
	if status >= 300 {
		apiError(w, status, code, msg)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// respond applies a first response to an interaction, as a callback or
// an endpoint's HTTP response, and returns the status Discord would.
func (s *Server) respond(in *Interaction, body []byte) (status, code int, msg string) {
	var resp Response
	if err := json.Unmarshal(body, &resp); err != nil {
		s.fail("response body: %v", err)
		return http.StatusBadRequest, 50035, "Invalid Form Body"
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if elapsed := time.Since(in.created); elapsed > ResponseDeadline {
		s.fail("interaction %s answered after %s, past Discord's 3 s deadline", in.ID, elapsed.Round(time.Millisecond))
		return http.StatusNotFound, 10062, "Unknown interaction"
	}
	if in.response != nil {
		s.fail("interaction %s answered twice", in.ID)
		return http.StatusBadRequest, 40060, "Interaction has already been acknowledged."
	}
	if problems := checkResponse(in.Type, resp); len(problems) > 0 {
		s.fail("interaction %s: invalid response: %v", in.ID, problems)
		return http.StatusBadRequest, 50035, "Invalid Form Body"
	}
	in.response = &resp
	s.mu.Lock()
	switch resp.Type {
	case respMessage, respDeferred:
		m := Message{ID: s.nextID()}
		if resp.Data != nil {
			m = *resp.Data
			m.ID = s.nextID()
		}
		s.messages[m.ID] = &m
		in.original = m.ID
		in.thinking = resp.Type == respDeferred
	case respDeferredUpdate:
		in.original = in.clicked
	case respUpdate:
		in.original = in.clicked
		in.edited = true
		s.patch(in.clicked, resp.Data, body, true)
	}
	s.mu.Unlock()
	in.notify()
	return http.StatusNoContent, 0, ""
}

// patch applies an update to a stored message: the fields present in
// the raw JSON replace the message's, the others stay, as Discord does.
// raw is the whole response for a callback (data inside), or the edit.
// s.mu is held.
func (s *Server) patch(id string, m *Message, raw []byte, inData bool) {
	old := s.messages[id]
	if old == nil {
		old = &Message{ID: id}
		s.messages[id] = old
	}
	if m == nil {
		return
	}
	var fields map[string]json.RawMessage
	if inData {
		var outer struct {
			Data map[string]json.RawMessage `json:"data"`
		}
		json.Unmarshal(raw, &outer)
		fields = outer.Data
	} else {
		json.Unmarshal(raw, &fields)
	}
	if _, ok := fields["content"]; ok {
		old.Content = m.Content
	}
	if _, ok := fields["embeds"]; ok {
		old.Embeds = m.Embeds
	}
	if _, ok := fields["components"]; ok {
		old.Components = m.Components
	}
	old.AllowedMentions = m.AllowedMentions
}

func checkResponse(typ int, resp Response) []string {
	switch resp.Type {
	case respMessage, respDeferred:
		if typ == TypeAutocomplete {
			return []string{"an autocomplete interaction must be answered with type 8"}
		}
	case respDeferredUpdate, respUpdate:
		if typ != TypeComponent {
			return []string{fmt.Sprintf("type %d only answers component interactions", resp.Type)}
		}
	case respAutocomplete:
		if typ != TypeAutocomplete {
			return []string{"type 8 only answers autocomplete interactions"}
		}
		if resp.Data == nil {
			return []string{"autocomplete result without data"}
		}
		return checkChoices(resp.Data.Choices)
	default:
		return []string{fmt.Sprintf("unknown response type %d", resp.Type)}
	}
	if resp.Type == respDeferred || resp.Type == respDeferredUpdate {
		return nil
	}
	if resp.Data == nil {
		return []string{"message response without data"}
	}
	if resp.Type == respUpdate {
		return checkUpdate(*resp.Data)
	}
	return checkMessage(*resp.Data)
}

func checkChoices(cs []Choice) []string {
	var p []string
	if len(cs) > 25 {
		p = append(p, fmt.Sprintf("%d autocomplete choices (limit 25)", len(cs)))
	}
	for _, c := range cs {
		if n(c.Name) < 1 || n(c.Name) > 100 {
			p = append(p, fmt.Sprintf("choice name of %d characters", n(c.Name)))
		}
		if v, ok := c.Value.(string); ok && (n(v) < 1 || n(v) > 100) {
			p = append(p, fmt.Sprintf("choice value of %d characters", n(v)))
		}
	}
	return p
}

// checkUpdate applies Discord's limits to an update, which may be
// empty of content when it keeps embeds.
func checkUpdate(m Message) []string {
	if m.Content == "" && len(m.Embeds) == 0 {
		m.Content = "(kept)"
	}
	return checkMessage(m)
}

// checkEmbeds applies Discord's limits on embeds: each field's, and 6000
// characters across all of a message's embeds.
func checkEmbeds(embeds []Embed) []string {
	var p []string
	total := 0
	for _, e := range embeds {
		limit := func(what string, s string, max int) {
			total += n(s)
			if n(s) > max {
				p = append(p, fmt.Sprintf("embed %s of %d characters (limit %d)", what, n(s), max))
			}
		}
		limit("title", e.Title, 256)
		limit("description", e.Description, 4096)
		if e.Author != nil {
			limit("author", e.Author.Name, 256)
		}
		if e.Footer != nil {
			limit("footer", e.Footer.Text, 2048)
		}
		if len(e.Fields) > 25 {
			p = append(p, "more than 25 embed fields")
		}
		for _, f := range e.Fields {
			limit("field name", f.Name, 256)
			limit("field value", f.Value, 1024)
		}
		if e.Title == "" && e.Description == "" && len(e.Fields) == 0 {
			p = append(p, "empty embed")
		}
		if e.URL != "" && e.Title == "" {
			p = append(p, "embed url without a title")
		}
	}
	if total > 6000 {
		p = append(p, fmt.Sprintf("embeds of %d characters in all (limit 6000)", total))
	}
	return p
}

// checkMessage applies Discord's message limits.
func checkMessage(m Message) []string {
	var p []string
	if m.AllowedMentions == nil {
		p = append(p, "allowed_mentions not set")
	} else if len(m.AllowedMentions.Parse) > 0 && (len(m.AllowedMentions.Users) > 0 || len(m.AllowedMentions.Roles) > 0) {
		p = append(p, "allowed_mentions mixes parse with users or roles")
	}
	if n(m.Content) > 2000 {
		p = append(p, fmt.Sprintf("content of %d characters (limit 2000)", n(m.Content)))
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		p = append(p, "empty message")
	}
	if len(m.Embeds) > 10 {
		p = append(p, "more than 10 embeds")
	}
	p = append(p, checkEmbeds(m.Embeds)...)
	if len(m.Components) > 5 {
		p = append(p, "more than 5 action rows")
	}
	ids := map[string]bool{}
	for _, row := range m.Components {
		if row.Type != 1 {
			p = append(p, "top-level component is not an action row")
		}
		if len(row.Components) > 5 || len(row.Components) == 0 {
			p = append(p, fmt.Sprintf("action row with %d components (1 to 5)", len(row.Components)))
		}
		for _, c := range row.Components {
			if c.Type != 2 {
				continue
			}
			if n(c.Label) > 80 {
				p = append(p, "button label over 80 characters")
			}
			if c.Style == 5 {
				continue
			}
			if n(c.CustomID) < 1 || n(c.CustomID) > 100 {
				p = append(p, fmt.Sprintf("custom_id of %d characters (1 to 100)", n(c.CustomID)))
			}
			if ids[c.CustomID] {
				p = append(p, "duplicate custom_id "+c.CustomID)
			}
			ids[c.CustomID] = true
		}
	}
	return p
}

// webhook answers the webhook routes of an interaction: get, edit or
// delete the original response, or send a follow-up.
func (s *Server) webhook(w http.ResponseWriter, r *http.Request, parts []string, body []byte) {
	if parts[1] != s.AppID {
		s.fail("webhook for application %q, want %s", parts[1], s.AppID)
		apiError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return
	}
	original := len(parts) == 5 && parts[3] == "messages" && parts[4] == "@original"
	route := map[string]string{http.MethodPatch: "edit", http.MethodPost: "follow-up", http.MethodDelete: "delete", http.MethodGet: "get original"}[r.Method]
	if s.fault(w, r, route) {
		return
	}
	in := s.webhookInteraction(w, r, parts[2])
	if in == nil {
		return
	}
	defer in.mu.Unlock()
	switch {
	case original && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, s.Message(in.original))
	case original && r.Method == http.MethodDelete:
		s.deleteOriginal(w, in)
	case original && r.Method == http.MethodPatch, len(parts) == 3 && r.Method == http.MethodPost:
		s.webhookMessage(w, in, original, body)
	default:
		s.fail("unexpected webhook request %s %v", r.Method, parts)
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
	}
}

// webhookInteraction finds the interaction of a webhook token and locks
// it, or answers as Discord does to a token it does not take and returns
// nil.
func (s *Server) webhookInteraction(w http.ResponseWriter, r *http.Request, token string) *Interaction {
	s.mu.Lock()
	in := s.byToken[token]
	ep := s.endpoint
	s.mu.Unlock()
	if in == nil {
		s.fail("webhook with unknown interaction token")
		apiError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return nil
	}
	if ep != nil {
		// The endpoint's HTTP response may still be on its way here: the
		// bot sent it first, so wait for it a moment.
		ctx, cancel := context.WithTimeout(r.Context(), time.Second)
		in.wait(ctx, "the endpoint's response", func() bool { return in.response != nil })
		cancel()
	}
	in.mu.Lock()
	if time.Since(in.created) > TokenLifetime {
		in.mu.Unlock()
		s.fail("interaction token used after 15 minutes")
		apiError(w, http.StatusUnauthorized, 50027, "Invalid Webhook Token")
		return nil
	}
	if in.response == nil {
		in.mu.Unlock()
		s.fail("webhook call before the interaction was acknowledged")
		apiError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return nil
	}
	return in
}

// deleteOriginal deletes an interaction's original response. in.mu is
// held.
func (s *Server) deleteOriginal(w http.ResponseWriter, in *Interaction) {
	s.mu.Lock()
	_, ok := s.messages[in.original]
	delete(s.messages, in.original)
	s.mu.Unlock()
	if !ok {
		apiError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	}
	in.deleted = true
	in.notify()
	w.WriteHeader(http.StatusNoContent)
}

// webhookMessage edits the original response or sends a follow-up.
// in.mu is held.
func (s *Server) webhookMessage(w http.ResponseWriter, in *Interaction, original bool, body []byte) {
	var m Message
	if err := json.Unmarshal(body, &m); err != nil {
		s.fail("webhook body: %v", err)
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	check := checkMessage
	if original {
		check = checkUpdate
	}
	if problems := check(m); len(problems) > 0 {
		s.fail("webhook message: %v", problems)
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	s.mu.Lock()
	switch {
	case original:
		if _, ok := s.messages[in.original]; !ok && in.original != in.clicked {
			s.mu.Unlock()
			apiError(w, http.StatusNotFound, 10008, "Unknown Message")
			return
		}
		s.patch(in.original, &m, body, false)
		in.thinking, in.edited = false, true
	case in.thinking:
		// The first follow-up after a deferral replaces "thinking…" and
		// keeps its visibility, whatever its own flags say.
		s.patch(in.original, &m, body, false)
		in.thinking = false
		in.followups = append(in.followups, in.original)
	default:
		m.ID = s.nextID()
		s.messages[m.ID] = &m
		in.followups = append(in.followups, m.ID)
	}
	id := in.original
	if !original && len(in.followups) > 0 {
		id = in.followups[len(in.followups)-1]
	}
	out := s.messages[id]
	s.mu.Unlock()
	in.notify()
	writeJSON(w, http.StatusOK, out)
}
