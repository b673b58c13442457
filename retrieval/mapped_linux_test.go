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

// mapWritten maps a file of pages pages written to disk, as the cache's
// files are (the page cache keeps what is not), and reads every page, as
// opening does.
func mapWritten(t *testing.T, pages int) *mappedFile {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.bin")
	if err := writeFileSync(path, func(w io.Writer) error { _, err := w.Write(make([]byte, pages*os.Getpagesize())); return err }); err != nil {
		t.Fatal(err)
	}
	m, err := mapFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.release)
	var sum byte
	for i := 0; i < len(m.data); i += os.Getpagesize() {
		sum |= m.data[i]
	}
	if sum != 0 {
		t.Fatal("a file of zeros reads otherwise")
	}
	return m
}

// TestEvictThenWillNeed checks the two pieces of advice a served library
// lives by: evict lets go of the pages opening read, in the page cache
// too, and willNeed brings back the parts a question asks for, parts
// close together with what lies between them, and no more.
func TestEvictThenWillNeed(t *testing.T) {
	page := os.Getpagesize()
	m := mapWritten(t, 1024)
	m.holdWhole = 0 // a library's file, however small this one
	m.evict()
	if n := resident(t, m.data); n > 0 {
		t.Skipf("the page cache kept %d of 1024 pages after eviction: this file system (%s) keeps its files in memory", n, os.TempDir())
	}
	// Out of order; the second starts two pages after the first ends.
	m.willNeed(m.data[500*page:500*page+1], m.data[100*page+10:140*page], m.data[142*page:143*page], make([]byte, page))
	want := map[string][2]int{"100-143": {100, 143}, "500": {500, 501}}
	deadline := time.Now().Add(5 * time.Second)
	for resident(t, m.data) < 44 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	asked := 0
	for name, span := range want {
		n := span[1] - span[0]
		asked += n
		if got := resident(t, m.data[span[0]*page:span[1]*page]); got != n {
			t.Errorf("pages %s: %d of %d read, want all", name, got, n)
		}
	}
	if got := resident(t, m.data) - asked; got > 0 {
		t.Errorf("%d pages outside those asked for were read, want none", got)
	}
}

// TestSmallFileHeldWhole checks that a file no larger than holdWhole
// keeps its pages in the page cache, and that questions ask for none.
func TestSmallFileHeldWhole(t *testing.T) {
	m := mapWritten(t, 256)
	if m.advised() {
		t.Fatalf("a file of %d bytes is read as questions ask, want it held whole (up to %d)", len(m.data), holdWhole)
	}
	m.evict()
	if got := resident(t, m.data); got != 256 {
		t.Errorf("after eviction, %d of 256 pages are in the page cache, want all", got)
	}
}
