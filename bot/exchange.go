package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// responseDeadline is how long Discord waits for an interaction's first
// response.
const responseDeadline = 3 * time.Second

// firstResponse delivers an interaction's first response: a callback over
// REST on the gateway, the body of the HTTP response on the interactions
// endpoint. Everything after it goes through the webhook routes, the same
// for both.
type firstResponse func(ctx context.Context, r *discordgo.InteractionResponse, deadline time.Time) error

// exchangeState is how far an interaction has been answered.
type exchangeState int

const (
	fresh           exchangeState = iota // nothing sent yet
	deferredMessage                      // "Lectern is thinking…" (type 5)
	deferredUpdate                       // a button acknowledged (type 6)
	responded                            // a first response with content
	lost                                 // the first response failed for good: nothing more can be sent
)

// errLost means the interaction can no longer be answered: Discord did
// not take its first response, or it came too late.
var errLost = errors.New("the interaction can no longer be answered")

// exchange is one interaction and what has been sent for it. It sends
// the first response exactly once: the answer, or a deferral when the
// answer is slow, after which the answer is an edit. It holds no state
// once the interaction is handled.
type exchange struct {
	in       *discordgo.Interaction
	api      *rest
	log      *slog.Logger
	first    firstResponse
	received time.Time

	mu    sync.Mutex
	state exchangeState
	// What a deferral should look like: a private or public "thinking"
	// message, or an acknowledged button whose message will be updated.
	private, update bool
	timer           *time.Timer
	deferred        bool // a deferral was sent, for metrics and logs
}

func newExchange(in *discordgo.Interaction, api *rest, first firstResponse, received time.Time, log *slog.Logger) *exchange {
	return &exchange{in: in, api: api, first: first, received: received, log: log}
}

func (x *exchange) firstDeadline() time.Time   { return x.received.Add(responseDeadline) }
func (x *exchange) webhookDeadline() time.Time { return x.received.Add(tokenLifetime) }

// expect says what the answer will be (private or public, a new message
// or an update of the message a button is on) and defers the response
// after wait unless the answer is sent first; wait 0 defers at once.
func (x *exchange) expect(ctx context.Context, private, update bool, wait time.Duration) {
	x.mu.Lock()
	x.private, x.update = private, update
	if x.state != fresh {
		x.mu.Unlock()
		return
	}
	if wait <= 0 {
		x.deferLocked(ctx)
		x.mu.Unlock()
		return
	}
	if x.timer == nil {
		x.timer = time.AfterFunc(wait, func() {
			x.mu.Lock()
			defer x.mu.Unlock()
			if x.state == fresh {
				x.deferLocked(context.WithoutCancel(ctx))
			}
		})
	}
	x.mu.Unlock()
}

// deferLocked sends the deferral. x.mu is held.
func (x *exchange) deferLocked(ctx context.Context) {
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Flags: flags(x.private)}}
	next := deferredMessage
	if x.update {
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
		next = deferredUpdate
	}
	if err := x.first(ctx, resp, x.firstDeadline()); err != nil {
		x.log.Error("deferring the answer failed", "interaction", x.in.ID, "err", err)
		x.failedFirst(err)
		return
	}
	x.state = next
	x.deferred = true
}

// failedFirst records a first response that failed. Discord's refusals
// of the content (an invalid form body) leave the interaction fresh, so
// that an apology can still be the first response; a token that is
// unknown, already used or past its deadline cannot be used again.
func (x *exchange) failedFirst(err error) {
	var ae *APIError
	if errors.As(err, &ae) && ae.Status >= 400 && ae.Status < 500 && ae.Code != codeUnknownInteraction && ae.Code != codeAlreadyAcknowledged && ae.Status != 429 {
		return
	}
	x.state = lost
}

func (x *exchange) stopTimer() {
	if x.timer != nil {
		x.timer.Stop()
	}
}

// reply sends a new message: the answer to a command, or a message in
// answer to a button.
func (x *exchange) reply(ctx context.Context, m *discordgo.InteractionResponseData, private bool) error {
	x.stopTimer()
	x.mu.Lock()
	defer x.mu.Unlock()
	m.Flags = flags(private)
	prepare(m)
	switch x.state {
	case fresh:
		err := x.first(ctx, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: m}, x.firstDeadline())
		if err != nil {
			x.failedFirst(err)
			return err
		}
	case deferredMessage:
		if !private || x.private {
			// The same visibility (or a public answer to a private
			// question, which stays private): the answer replaces
			// "thinking…".
			if err := x.api.editOriginal(ctx, x.in, m, x.webhookDeadline()); err != nil {
				return err
			}
			break
		}
		// A private note for a public question: end the public
		// "thinking…", say it privately, then remove the public message.
		// (The first follow-up after a deferral would replace the
		// deferral and be public, so the edit comes first.)
		if err := x.api.editOriginal(ctx, x.in, &discordgo.InteractionResponseData{Content: "…"}, x.webhookDeadline()); err != nil {
			return err
		}
		if err := x.api.followUp(ctx, x.in, m, x.webhookDeadline()); err != nil {
			return err
		}
		if err := x.api.deleteOriginal(ctx, x.in, x.webhookDeadline()); err != nil {
			return err
		}
	case deferredUpdate, responded:
		if err := x.api.followUp(ctx, x.in, m, x.webhookDeadline()); err != nil {
			return err
		}
	case lost:
		return errLost
	}
	x.state = responded
	return nil
}

// updateMessage replaces the message a button is on.
func (x *exchange) updateMessage(ctx context.Context, m *discordgo.InteractionResponseData) error {
	x.stopTimer()
	x.mu.Lock()
	defer x.mu.Unlock()
	prepare(m)
	switch x.state {
	case fresh:
		err := x.first(ctx, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: m}, x.firstDeadline())
		if err != nil {
			x.failedFirst(err)
			return err
		}
	case deferredUpdate, deferredMessage:
		if err := x.api.editOriginal(ctx, x.in, m, x.webhookDeadline()); err != nil {
			return err
		}
	case responded:
		return errors.New("bot: the message was already answered")
	case lost:
		return errLost
	}
	x.state = responded
	return nil
}

// deleteMessage deletes the message a button is on.
func (x *exchange) deleteMessage(ctx context.Context) error {
	x.stopTimer()
	x.mu.Lock()
	defer x.mu.Unlock()
	switch x.state {
	case fresh:
		if err := x.first(ctx, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}, x.firstDeadline()); err != nil {
			x.failedFirst(err)
			return err
		}
	case lost:
		return errLost
	}
	x.state = responded
	return x.api.deleteOriginal(ctx, x.in, x.webhookDeadline())
}

// choices answers an autocomplete.
func (x *exchange) choices(ctx context.Context, cs []*discordgo.ApplicationCommandOptionChoice) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.state != fresh {
		return errLost
	}
	if cs == nil {
		cs = []*discordgo.ApplicationCommandOptionChoice{}
	}
	err := x.first(ctx, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: cs}}, x.firstDeadline())
	if err != nil {
		x.state = lost
		return err
	}
	x.state = responded
	return nil
}

// answered reports whether anything with content was sent.
func (x *exchange) answered() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.state == responded
}

// canSend reports whether a message can still be sent.
func (x *exchange) canSend() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.state != lost
}

// prepare makes a message safe to send: it pings nobody and keeps within
// the limit on its embeds' total length.
func prepare(m *discordgo.InteractionResponseData) {
	m.AllowedMentions = noMentions()
	fitEmbeds(m)
}

func flags(private bool) discordgo.MessageFlags {
	if private {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}
