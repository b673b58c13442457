//go:build unix

package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClosedIndexLetsGoOfItsFile checks what a closed index leaves to a
// string still held from it: NULs where its text was, not a fault, and
// the cache file free to go.
func TestClosedIndexLetsGoOfItsFile(t *testing.T) {
	dir := t.TempDir()
	text := "The keeper of the lighthouse polished the great lens every evening.\n"
	if err := os.WriteFile(filepath.Join(dir, "lighthouse.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cache := t.TempDir()
	built, _, err := Open(ctx, dir, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	held := built.Corpus().Documents[0].Sentence(0).Text
	if !strings.Contains(held, "lighthouse") {
		t.Fatalf("sentence %q, want the text's", held)
	}
	if built.file == nil {
		t.Fatal("an index opened from the cache does not read its data file in place")
	}
	built.Close()
	if want := strings.Repeat("\x00", len(held)); held != want {
		t.Errorf("a string held from a closed index reads %q, want NULs", held)
	}
	again, info, err := Open(ctx, dir, Options{CacheDir: cache})
	if err != nil || info.Built {
		t.Fatalf("reopening from the cache: built %v, %v", info.Built, err)
	}
	defer again.Close()
	if got := again.Corpus().Documents[0].Sentence(0).Text; !strings.Contains(got, "lighthouse") {
		t.Errorf("reopened, the sentence reads %q", got)
	}
}
