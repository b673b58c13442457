// Package testsupport is what Lectern's tests share: the public-domain
// books beside the clone (../shared), golden files with one -update flag,
// and values built once per test binary.
//
// Tests that need the shared books skip with one message when ../shared
// is missing (a fresh clone on its own), and fail instead when
// LECTERN_REQUIRE_SHARED is set, as .ci/run sets it, so that CI never
// passes by skipping.
package testsupport

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Updating reports whether the test run was asked to rewrite golden files.
func Updating() bool { return *update }

// RequireSharedEnv is the environment variable that turns a missing
// ../shared from a skip into a failure.
const RequireSharedEnv = "LECTERN_REQUIRE_SHARED"

// ModuleRoot returns the directory holding go.mod, found upwards from the
// test's working directory (its package directory).
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("testsupport: no go.mod above the working directory")
		}
		dir = parent
	}
}

// SharedDir returns ../shared/<sub> beside the clone, skipping the test
// (or failing it under LECTERN_REQUIRE_SHARED) when it is missing.
func SharedDir(tb testing.TB, sub string) string {
	tb.Helper()
	dir := filepath.Join(filepath.Dir(ModuleRoot(tb)), "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		missingShared(tb, dir, err)
	}
	return dir
}

// SharedCorpus returns the path of a text under ../shared/corpus.
func SharedCorpus(tb testing.TB, name string) string {
	tb.Helper()
	return sharedFile(tb, "corpus", name)
}

// SharedData returns the path of a file under ../shared/data.
func SharedData(tb testing.TB, name string) string {
	tb.Helper()
	return sharedFile(tb, "data", name)
}

func sharedFile(tb testing.TB, sub, name string) string {
	tb.Helper()
	p := filepath.Join(SharedDir(tb, sub), filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		missingShared(tb, p, err)
	}
	return p
}

func missingShared(tb testing.TB, path string, err error) {
	tb.Helper()
	if os.Getenv(RequireSharedEnv) != "" {
		tb.Fatalf("%s is missing and %s is set: %v", path, RequireSharedEnv, err)
	}
	tb.Skipf("skipped: needs the shared books at %s (clone beside ../shared to run it)", path)
}

// RequireToolsEnv is the environment variable that turns a missing
// program a test drives (Chromium, pdftotext) from a skip into a failure.
const RequireToolsEnv = "LECTERN_REQUIRE_TOOLS"

// Tool returns the path of the first of names found on PATH, skipping the
// test when none is (or failing it under LECTERN_REQUIRE_TOOLS); install
// says how to get one.
func Tool(tb testing.TB, install string, names ...string) string {
	tb.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("no %s found (%s)", names[0], install)
	if os.Getenv(RequireToolsEnv) != "" {
		tb.Fatalf("%s, and %s is set", msg, RequireToolsEnv)
	}
	tb.Skip("skipped: " + msg)
	return ""
}

// PDFiumCache is where tests keep PDFium's compiled code between runs, so
// that only the first test binary of a machine compiles it.
func PDFiumCache() string { return filepath.Join(os.TempDir(), "lectern-test-pdfium") }

// Golden compares got with the file at path, or rewrites the file when
// the tests run with -update.
func Golden(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Fatalf("%s is missing; run go test -update to create it, then review it", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs; review with go test -update and git diff.\n%s", path, FirstDiff(string(got), string(want)))
	}
}

// VersionedGolden keeps the golden of a cached format at version
// version, dir/vN.golden: output that a cache stores, so that it must not
// change while its version stays the same (a cache would go on serving
// the old output). A golden that differs fails even with -update, which
// writes only a new version's file: bump the version, then -update.
func VersionedGolden(tb testing.TB, dir, what string, version int, got []byte) {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("v%d.golden", version))
	want, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && *update:
		Golden(tb, path, got)
		return
	case errors.Is(err, os.ErrNotExist):
		tb.Fatalf("%s is missing: %s version %d has no fingerprint yet; run go test -update to write it (and remove the older version's)", path, what, version)
	case err != nil:
		tb.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s changed but its version is still %d: caches built by the old code would be used as they are. Bump the version, then run go test -update (and remove %s).\n%s",
			what, version, path, FirstDiff(string(got), string(want)))
	}
}

// GoldenJSON compares v, as indented JSON without HTML escaping, with the
// file at path.
func GoldenJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	Golden(tb, path, buf.Bytes())
}

// FirstDiff describes the first line where got and want differ.
func FirstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}

// Once builds a value the first time it is asked for and returns the same
// value (or error) to every later caller in the test binary.
type Once[T any] struct {
	once sync.Once
	v    T
	err  error
}

// Get returns the value, building it with build on the first call.
func (o *Once[T]) Get(tb testing.TB, build func() (T, error)) T {
	tb.Helper()
	o.once.Do(func() { o.v, o.err = build() })
	if o.err != nil {
		tb.Fatal(o.err)
	}
	return o.v
}

// WriteTree writes files, by their slash-separated paths below it, to a
// new temporary folder, and returns the folder.
func WriteTree(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
