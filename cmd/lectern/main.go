// Command lectern answers questions about a text with cited quotes, on the
// command line or as a Discord bot.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err, if any, as one line per problem and returns the
// process status: 0 for success, 2 for usage errors, 1 for the rest.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	for _, line := range strings.Split(explain(err), "\n") {
		fmt.Fprintln(stderr, "lectern: "+line)
	}
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// explain is an error's message with what to change in Lectern's
// settings when Discord refused them.
func explain(err error) string {
	msg := err.Error()
	if errors.Is(err, bot.ErrBadToken) {
		return msg + "; check " + config.KeyToken + " (Developer Portal → your application → Bot → Reset Token)"
	}
	var fe *bot.FatalCloseError
	if errors.As(err, &fe) && closeAdvice[fe.Code] != "" {
		return msg + "; " + closeAdvice[fe.Code]
	}
	return msg
}

// closeAdvice says which setting to change after a fatal gateway close.
var closeAdvice = map[int]string{
	4004: "put the new token in " + config.KeyToken,
	4010: config.KeyShardID + " must be below " + config.KeyShardCount,
	4011: "set " + config.KeyShardCount + "=auto",
}
