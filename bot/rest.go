package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// rest calls Discord's REST API: the interaction routes (callback, and
// the webhook routes that edit, follow up and delete), and with a bot
// token the few routes that need one (the application, command
// registration, the gateway's shard count).
//
// It keeps nothing per interaction token. Interaction routes are not
// under the global rate limit and each token is its own bucket, so there
// is no shared lock for one slow reader to hold and nothing left behind
// when an interaction ends (discordgo files a bucket per token URL and
// never drops it: bwmarrin/discordgo#1333).
type rest struct {
	base   string // e.g. https://discord.com/api/v10, no trailing slash
	client *http.Client
	token  string // "" for interaction routes only
	// retries is how many times a request that got a 5xx, a 429 or a
	// transport error is tried again, within the deadline.
	retries int
	observe func(route string, status int) // may be nil
}

// APIError is a response from Discord that is not a success.
type APIError struct {
	Route   string // "callback", "edit original", …; never the URL, which holds the token
	Status  int
	Code    int // Discord's JSON error code, e.g. 50035; 0 when absent
	Message string
}

func (e *APIError) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("discord: %s: %d %s (code %d)", e.Route, e.Status, e.Message, e.Code)
	}
	return fmt.Sprintf("discord: %s: %d %s", e.Route, e.Status, e.Message)
}

// Codes of Discord's errors that the bot tells apart.
const (
	codeUnknownInteraction  = 10062
	codeAlreadyAcknowledged = 40060
)

// transportError is a request that got no response. It keeps what went
// wrong but not the URL, which holds the interaction token.
type transportError struct {
	route string
	err   error
}

func (e *transportError) Error() string { return "discord: " + e.route + ": " + e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

func newTransportError(route string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &transportError{route: route, err: err}
}

// tokenLifetime is how long an interaction token works for webhooks.
const tokenLifetime = 15 * time.Minute

// do sends a request, retrying 5xx, 429 and transport failures at most
// r.retries times and never past deadline, and decodes a JSON answer into
// out when out is not nil.
func (r *rest) do(ctx context.Context, route, method, path string, body any, deadline time.Time, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("discord: %s: %w", route, err)
		}
	}
	var last error
	for attempt := 0; attempt <= r.retries; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		wait, err := r.try(ctx, route, method, path, payload, deadline, out)
		if err == nil {
			return nil
		}
		last = err
		if wait < 0 || time.Now().Add(wait).After(deadline) {
			return err // final, or Discord asks for longer than the deadline allows
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return last
}

// try sends a request once. It returns how long to wait before trying
// again, or -1 when the failure is final.
func (r *rest) try(ctx context.Context, route, method, path string, payload []byte, deadline time.Time, out any) (time.Duration, error) {
	rctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(rctx, method, r.base+path, body)
	if err != nil {
		return -1, newTransportError(route, err)
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bot "+r.token)
	}
	req.Header.Set("User-Agent", "DiscordBot (https://github.com/lectern-bot/lectern, 1)")
	resp, err := r.client.Do(req)
	if err != nil {
		r.report(route, 0)
		if ctx.Err() != nil {
			return -1, ctx.Err()
		}
		if rctx.Err() != nil {
			return -1, newTransportError(route, err) // past the deadline
		}
		return 500 * time.Millisecond, newTransportError(route, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		r.report(route, 0)
		return 500 * time.Millisecond, newTransportError(route, err)
	}
	if resp.StatusCode < 300 {
		if out != nil && len(raw) > 0 {
			if err := json.Unmarshal(raw, out); err != nil {
				return -1, fmt.Errorf("discord: %s: decoding the answer: %w", route, err)
			}
		}
		return 0, nil
	}
	r.report(route, resp.StatusCode)
	apiErr := &APIError{Route: route, Status: resp.StatusCode, Message: http.StatusText(resp.StatusCode)}
	var decoded struct {
		Code       int     `json:"code"`
		Message    string  `json:"message"`
		RetryAfter float64 `json:"retry_after"`
	}
	isJSON := json.Unmarshal(raw, &decoded) == nil
	if isJSON {
		apiErr.Code = decoded.Code
		if decoded.Message != "" {
			apiErr.Message = decoded.Message
		}
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return retryAfter(resp.Header, decoded.RetryAfter), apiErr
	case resp.StatusCode >= 500:
		return 500 * time.Millisecond, apiErr
	}
	return -1, apiErr
}

// retryAfter is how long a 429 asks to wait: the body's retry_after, or
// the Retry-After or X-RateLimit-Reset-After header, or a second.
func retryAfter(h http.Header, fromBody float64) time.Duration {
	seconds := fromBody
	for _, name := range []string{"Retry-After", "X-RateLimit-Reset-After"} {
		if seconds > 0 {
			break
		}
		if v, err := strconv.ParseFloat(h.Get(name), 64); err == nil && v > 0 {
			seconds = v
		}
	}
	if seconds <= 0 {
		return time.Second
	}
	return time.Duration(seconds * float64(time.Second))
}

func (r *rest) report(route string, status int) {
	if r.observe != nil {
		r.observe(route, status)
	}
}

// callback sends an interaction's first response.
func (r *rest) callback(ctx context.Context, in *discordgo.Interaction, resp *discordgo.InteractionResponse, deadline time.Time) error {
	return r.do(ctx, "callback", http.MethodPost, "/interactions/"+in.ID+"/"+in.Token+"/callback", resp, deadline, nil)
}

// messageEdit is the body of an edit. Every field is sent, so that an
// edit replaces what was there: no content clears the content.
type messageEdit struct {
	Content         string                            `json:"content"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	Components      []discordgo.MessageComponent      `json:"components"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
}

func (r *rest) webhook(in *discordgo.Interaction) string {
	return "/webhooks/" + in.AppID + "/" + in.Token
}

// editOriginal replaces the interaction's original response; for a
// button after a deferred update, the message the button is on.
func (r *rest) editOriginal(ctx context.Context, in *discordgo.Interaction, m *discordgo.InteractionResponseData, deadline time.Time) error {
	edit := messageEdit{Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: noMentions()}
	if edit.Embeds == nil {
		edit.Embeds = []*discordgo.MessageEmbed{}
	}
	if edit.Components == nil {
		edit.Components = []discordgo.MessageComponent{}
	}
	var msg discordgo.Message
	return r.do(ctx, "edit original", http.MethodPatch, r.webhook(in)+"/messages/@original", edit, deadline, &msg)
}

// deleteOriginal deletes the interaction's original response; for a
// button after a deferred update, the message the button is on.
func (r *rest) deleteOriginal(ctx context.Context, in *discordgo.Interaction, deadline time.Time) error {
	return r.do(ctx, "delete original", http.MethodDelete, r.webhook(in)+"/messages/@original", nil, deadline, nil)
}

// followUp sends a further message for the interaction.
func (r *rest) followUp(ctx context.Context, in *discordgo.Interaction, m *discordgo.InteractionResponseData, deadline time.Time) error {
	params := discordgo.WebhookParams{Content: m.Content, Embeds: m.Embeds, Components: m.Components, Flags: m.Flags, AllowedMentions: noMentions()}
	var msg discordgo.Message
	return r.do(ctx, "follow-up", http.MethodPost, r.webhook(in)+"?wait=true", params, deadline, &msg)
}

// application is the bot's application, found from its token.
type application struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ErrBadToken means Discord rejected the bot token.
var ErrBadToken = errors.New("login failed: Discord rejected the bot token")

func (r *rest) application(ctx context.Context) (application, error) {
	var app application
	err := r.do(ctx, "get application", http.MethodGet, "/applications/@me", nil, time.Now().Add(30*time.Second), &app)
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusUnauthorized {
		return app, ErrBadToken
	}
	if err == nil && app.ID == "" {
		err = errors.New("discord: get application: no id in the answer")
	}
	return app, err
}

// putCommands replaces the application's commands, globally when guild
// is "", and returns how many Discord holds.
func (r *rest) putCommands(ctx context.Context, appID, guild string, cmds []*discordgo.ApplicationCommand) (int, error) {
	path := "/applications/" + appID + "/commands"
	if guild != "" {
		path = "/applications/" + appID + "/guilds/" + guild + "/commands"
	}
	if cmds == nil {
		cmds = []*discordgo.ApplicationCommand{}
	}
	var got []json.RawMessage
	err := r.do(ctx, "register commands", http.MethodPut, path, cmds, time.Now().Add(30*time.Second), &got)
	return len(got), err
}

// gatewayBot is what Discord recommends for connecting: how many shards,
// and how many may identify at once.
type gatewayBot struct {
	Shards            int `json:"shards"`
	SessionStartLimit struct {
		Remaining      int `json:"remaining"`
		ResetAfter     int `json:"reset_after"`
		MaxConcurrency int `json:"max_concurrency"`
	} `json:"session_start_limit"`
}

func (r *rest) gatewayBot(ctx context.Context) (gatewayBot, error) {
	var g gatewayBot
	err := r.do(ctx, "get gateway", http.MethodGet, "/gateway/bot", nil, time.Now().Add(30*time.Second), &g)
	if err == nil && g.Shards < 1 {
		err = fmt.Errorf("discord: get gateway: %d shards recommended", g.Shards)
	}
	return g, err
}
