package main

import (
	"context"
	"errors"
)

func (a *app) runBot(ctx context.Context, args []string) error {
	return errors.New("run: not built yet")
}
