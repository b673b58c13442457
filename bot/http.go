package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxInteractionBody bounds an interaction's JSON. Discord's largest are
// message commands, which carry the target message.
const maxInteractionBody = 1 << 20

// signatureWindow is how far an interaction's timestamp may stand from
// now before it is refused as a replay.
const signatureWindow = 5 * time.Minute

// Handler is the HTTP interactions endpoint (the application's
// Interactions Endpoint URL). It checks Discord's signature with
// publicKey and refuses, with 401, anything unsigned, forged or stale;
// answers PING; and hands every other interaction to the same handler as
// the gateway, with the first response in the HTTP response. What follows
// it (a deferred answer's edit) goes through the webhook routes, which
// need no bot token.
func (b *Bot) Handler(publicKey ed25519.PublicKey) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		received := time.Now()
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			httpError(w, http.StatusMethodNotAllowed, "interactions are POSTed")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBody))
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			httpError(w, http.StatusRequestEntityTooLarge, "interaction too large")
			return
		case err != nil:
			httpError(w, http.StatusBadRequest, "reading the interaction failed")
			return
		}
		if err := verifySignature(publicKey, r.Header, body, received); err != nil {
			b.log.Debug("refused an interaction", "reason", err)
			httpError(w, http.StatusUnauthorized, "invalid request signature")
			return
		}
		var in discordgo.Interaction
		if err := json.Unmarshal(body, &in); err != nil {
			httpError(w, http.StatusBadRequest, "the interaction is not valid JSON")
			return
		}
		switch in.Type {
		case discordgo.InteractionPing:
			writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
			return
		case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete, discordgo.InteractionMessageComponent:
		default:
			httpError(w, http.StatusBadRequest, "unknown interaction type "+strconv.Itoa(int(in.Type)))
			return
		}
		if in.ID == "" || in.Token == "" || in.AppID == "" {
			httpError(w, http.StatusBadRequest, "the interaction lacks an id, token or application_id")
			return
		}
		b.respondHTTP(w, r, &in, received)
	})
}

// respondHTTP handles an interaction and writes its first response.
func (b *Bot) respondHTTP(w http.ResponseWriter, r *http.Request, in *discordgo.Interaction, received time.Time) {
	first := make(chan *discordgo.InteractionResponse) // unbuffered: handed over only when written here
	written := make(chan struct{})
	gone := make(chan struct{})
	ended := make(chan struct{})
	b.serve(in, func(ctx context.Context, resp *discordgo.InteractionResponse, deadline time.Time) error {
		select {
		case first <- resp:
			// Edits and follow-ups may only follow once Discord has the
			// response.
			<-written
			return nil
		case <-gone:
			return errLost
		case <-ctx.Done():
			return ctx.Err()
		}
	}, received, func() { close(ended) })
	timer := time.NewTimer(time.Until(received.Add(responseDeadline)))
	defer timer.Stop()
	select {
	case resp := <-first:
		writeJSON(w, resp)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		close(written)
		return
	case <-ended:
		httpError(w, http.StatusInternalServerError, "no response")
	case <-timer.C:
		httpError(w, http.StatusServiceUnavailable, "no response in time")
	case <-r.Context().Done():
	}
	close(gone)
}

// verifySignature checks Discord's Ed25519 signature of timestamp+body
// and that the timestamp is within signatureWindow of now.
func verifySignature(key ed25519.PublicKey, h http.Header, body []byte, now time.Time) error {
	if len(key) != ed25519.PublicKeySize {
		return errors.New("no public key")
	}
	sig, err := hex.DecodeString(h.Get("X-Signature-Ed25519"))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return errors.New("missing or malformed signature")
	}
	ts := h.Get("X-Signature-Timestamp")
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errors.New("missing or malformed timestamp")
	}
	if d := now.Sub(time.Unix(secs, 0)); d > signatureWindow || d < -signatureWindow {
		return errors.New("timestamp too far from now")
	}
	if !ed25519.Verify(key, append([]byte(ts), body...), sig) {
		return errors.New("signature does not match")
	}
	return nil
}

func writeJSON(w http.ResponseWriter, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		httpError(w, http.StatusInternalServerError, "encoding the response failed")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
