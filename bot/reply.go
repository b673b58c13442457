package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern-bot/lectern/retrieval"
)

// reply is what a handler answers with, sent once by handle: a message
// (new, or in place of the one a button is on), a deletion of that
// message, or autocomplete choices.
type reply struct {
	msg     *discordgo.InteractionResponseData
	private bool
	update  bool // replace the message the button is on
	remove  bool // delete the message the button is on
	// choices answers an autocomplete; nil there means no choices.
	choices      []*discordgo.ApplicationCommandOptionChoice
	autocomplete bool
}

// message is a new message, seen by everyone or only by the reader.
func message(m *discordgo.InteractionResponseData, private bool) reply {
	return reply{msg: m, private: private}
}

// noted is a private message of text alone, the reader's request answered.
func noted(text string) reply { return message(note(text), true) }

// refusal is a request Lectern will not or cannot answer, with the note
// that tells the reader why. Handlers return it as an error; handle says
// it privately and counts it under its outcome.
type refusal struct {
	outcome string
	note    string
}

func (r *refusal) Error() string { return "refused: " + r.note }

// refuse is a refusal of bad input, a cooldown or a button that no
// longer works.
func refuse(format string, args ...any) error {
	return &refusal{outcome: outcomeRefused, note: fmt.Sprintf(format, args...)}
}

// Notes of the failures handle tells readers about.
const (
	timeoutNote = "That search took too long. Try fewer or more specific words."
	apology     = "Sorry, something went wrong while answering. It has been logged; please try again."
)

// failure turns a handler's error into what the reader is told and the
// interaction's outcome, logging what the owner needs to know. It is the
// one place where errors become replies.
func (b *Bot) failure(ctx context.Context, x *exchange, name string, err error) (reply, string) {
	var r *refusal
	switch {
	case errors.As(err, &r):
		return noted(r.note), r.outcome
	case errors.Is(err, retrieval.ErrTimeout):
		b.log.Warn("search timed out", "interaction", x.in.ID, "command", name)
		return noted(timeoutNote), outcomeFailed
	}
	level := slog.LevelError
	if errors.Is(err, context.Canceled) {
		level = slog.LevelWarn
	}
	b.log.Log(ctx, level, "answering interaction failed", "interaction", x.in.ID, "command", name, "err", err)
	return noted(apology), outcomeFailed
}

// send delivers a reply through the interaction's exchange.
func (x *exchange) send(ctx context.Context, r reply) error {
	switch {
	case r.autocomplete:
		return x.choices(ctx, r.choices)
	case r.remove:
		return x.deleteMessage(ctx)
	case r.update:
		return x.updateMessage(ctx, r.msg)
	}
	return x.reply(ctx, r.msg, r.private)
}

// note is a message of text alone.
func note(text string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: retrieval.Clip(text, maxContent)}
}
