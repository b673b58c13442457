package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

var errNotConnected = errors.New("discordtest: no bot connected to the gateway")

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

	mu        sync.Mutex
	response  *Response
	original  *Message
	followups []Message
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

// Response waits for the bot's callback.
func (in *Interaction) Response(ctx context.Context) (*Response, error) {
	var r *Response
	err := in.wait(ctx, "a response", func() bool { r = in.response; return r != nil })
	return r, err
}

// Original waits for the bot to edit its original response and returns
// the edited message.
func (in *Interaction) Original(ctx context.Context) (*Message, error) {
	var m *Message
	err := in.wait(ctx, "an edit of the original response", func() bool { m = in.original; return m != nil })
	return m, err
}

// Followup waits for the bot's first follow-up message.
func (in *Interaction) Followup(ctx context.Context) (*Message, error) {
	var m *Message
	err := in.wait(ctx, "a follow-up", func() bool {
		if len(in.followups) > 0 {
			m = &in.followups[0]
		}
		return m != nil
	})
	return m, err
}

// Interaction types.
const (
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

// Focused marks an option as the one being typed, for autocomplete.
func Focused(o Option) Option { o.Focused = true; return o }

// Command sends a slash command from user.
func (s *Server) Command(user, name string, opts ...Option) (*Interaction, error) {
	data := map[string]any{"id": s.nextID(), "name": name, "type": 1, "options": opts}
	return s.send(TypeCommand, user, data, nil)
}

// Autocomplete sends an autocomplete request for a command.
func (s *Server) Autocomplete(user, name string, opts ...Option) (*Interaction, error) {
	data := map[string]any{"id": s.nextID(), "name": name, "type": 1, "options": opts}
	return s.send(TypeAutocomplete, user, data, nil)
}

// Click sends a button click by user on msg.
func (s *Server) Click(user string, msg *Message, customID string) (*Interaction, error) {
	m := *msg
	if m.ID == "" {
		m.ID = s.nextID()
	}
	data := map[string]any{"custom_id": customID, "component_type": 2}
	return s.send(TypeComponent, user, data, &m)
}

func (s *Server) send(typ int, user string, data any, msg *Message) (*Interaction, error) {
	in := &Interaction{ID: s.nextID(), Token: "tok-" + s.nextID(), Type: typ, User: user, created: time.Now(), changed: make(chan struct{})}
	payload := map[string]any{
		"id": in.ID, "application_id": s.AppID, "type": typ, "token": in.Token, "version": 1,
		"guild_id": s.GuildID, "channel_id": "400000000000000004", "locale": "en-US",
		"app_permissions": "0",
		"member": map[string]any{
			"user":        map[string]any{"id": user, "username": "user" + user, "discriminator": "0"},
			"roles":       []string{},
			"permissions": "0",
		},
		"data": data,
	}
	if msg != nil {
		m := map[string]any{"id": msg.ID, "channel_id": "400000000000000004", "content": msg.Content, "embeds": msg.Embeds, "components": msg.Components, "flags": msg.Flags}
		payload["message"] = m
	}
	s.mu.Lock()
	s.interactions[in.ID] = in
	s.byToken[in.Token] = in
	s.mu.Unlock()
	if err := s.dispatch("INTERACTION_CREATE", payload); err != nil {
		return nil, err
	}
	return in, nil
}

// Response types.
const (
	respMessage     = 4
	respDeferred    = 5
	respUpdate      = 7
	respAutocomplet = 8
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
	var resp Response
	if err := json.Unmarshal(body, &resp); err != nil {
		s.fail("callback body: %v", err)
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if elapsed := time.Since(in.created); elapsed > ResponseDeadline {
		s.fail("interaction %s answered after %s, past Discord's 3 s deadline", id, elapsed.Round(time.Millisecond))
		apiError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	if in.response != nil {
		s.fail("interaction %s answered twice", id)
		apiError(w, http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
		return
	}
	problems := checkResponse(in.Type, resp)
	if len(problems) > 0 {
		s.fail("interaction %s: invalid response: %v", id, problems)
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	in.response = &resp
	in.notify()
	w.WriteHeader(http.StatusNoContent)
}

func checkResponse(typ int, resp Response) []string {
	switch resp.Type {
	case respMessage, respDeferred:
		if typ == TypeAutocomplete {
			return []string{"an autocomplete interaction must be answered with type 8"}
		}
	case respUpdate:
		if typ != TypeComponent {
			return []string{"type 7 (update message) only answers component interactions"}
		}
	case respAutocomplet:
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
	if resp.Type == respDeferred {
		return nil
	}
	if resp.Data == nil {
		return []string{"message response without data"}
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
	total := 0
	for _, e := range m.Embeds {
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
	}
	if total > 6000 {
		p = append(p, fmt.Sprintf("embeds of %d characters in all (limit 6000)", total))
	}
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

func (s *Server) webhook(w http.ResponseWriter, r *http.Request, parts []string, body []byte) {
	if parts[1] != s.AppID {
		s.fail("webhook for application %q, want %s", parts[1], s.AppID)
		apiError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return
	}
	s.mu.Lock()
	in := s.byToken[parts[2]]
	s.mu.Unlock()
	if in == nil {
		s.fail("webhook with unknown interaction token")
		apiError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if time.Since(in.created) > TokenLifetime {
		s.fail("interaction token used after 15 minutes")
		apiError(w, http.StatusUnauthorized, 50027, "Invalid Webhook Token")
		return
	}
	if in.response == nil {
		s.fail("webhook call before the interaction was acknowledged")
		apiError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	original := len(parts) == 5 && parts[3] == "messages" && parts[4] == "@original"
	switch {
	case original && r.Method == http.MethodGet:
		if in.original == nil {
			writeJSON(w, http.StatusOK, in.response.Data)
			return
		}
		writeJSON(w, http.StatusOK, in.original)
	case original && r.Method == http.MethodPatch, len(parts) == 3 && r.Method == http.MethodPost:
		var m Message
		if err := json.Unmarshal(body, &m); err != nil {
			s.fail("webhook body: %v", err)
			apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
			return
		}
		if problems := checkMessage(m); len(problems) > 0 {
			s.fail("webhook message: %v", problems)
			apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
			return
		}
		m.ID = strconv.FormatInt(s.ids.Add(1), 10)
		if original {
			in.original = &m
		} else {
			in.followups = append(in.followups, m)
		}
		in.notify()
		writeJSON(w, http.StatusOK, m)
	default:
		s.fail("unexpected webhook request %s %v", r.Method, parts)
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
	}
}
