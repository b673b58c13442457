package retrieval

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// resident counts the pages of b the page cache holds.
func resident(t *testing.T, b []byte) int {
	t.Helper()
	vec := make([]byte, (len(b)+os.Getpagesize()-1)/os.Getpagesize())
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatalf("mincore: %v", errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}

// TestEvictThenWillNeed checks the two pieces of advice a served library
// lives by: evict lets go of the pages opening read, in the page cache
// too, and willNeed brings back the part a question asks for, and no
// more.
func TestEvictThenWillNeed(t *testing.T) {
	page := os.Getpagesize()
	path := filepath.Join(t.TempDir(), "data.bin")
	// Written to disk, as the cache's files are: the page cache keeps what
	// is not.
	if err := writeFileSync(path, func(w io.Writer) error { _, err := w.Write(make([]byte, 1024*page)); return err }); err != nil {
		t.Fatal(err)
	}
	m, err := mapFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer m.release()
	sum := 0
	for i := 0; i < len(m.data); i += page {
		sum += int(m.data[i]) // opening reads every page
	}
	m.evict()
	if n := resident(t, m.data); n > 0 {
		t.Skipf("the page cache kept %d of 1024 pages after eviction: this file system (%s) keeps its files in memory", n, os.TempDir())
	}
	part := m.data[100*page+10 : 140*page]
	m.willNeed(part)
	deadline := time.Now().Add(5 * time.Second)
	for resident(t, m.data[100*page:140*page]) < 40 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := resident(t, m.data[100*page:140*page]); got != 40 {
		t.Errorf("after willNeed, %d of the 40 pages asked for are read, want 40", got)
	}
	if got := resident(t, m.data) - resident(t, m.data[100*page:140*page]); got > 0 {
		t.Errorf("%d pages outside those asked for were read, want none", got)
	}
	m.willNeed(make([]byte, page)) // not the file's: nothing to do
}
