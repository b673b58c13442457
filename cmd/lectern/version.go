package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
)

// versionCommand prints the version.
type versionCommand struct{}

func (*versionCommand) Name() string           { return "version" }
func (*versionCommand) Args() string           { return "" }
func (*versionCommand) Summary() string        { return "print the version" }
func (*versionCommand) Flags(fs *flag.FlagSet) {}

func (*versionCommand) Run(_ context.Context, a *app, args []string) error {
	fmt.Fprintln(a.stdout, "lectern "+version())
	return nil
}

// version is the module version the binary was built from, or "devel".
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
