//go:build unix

package retrieval

import (
	"fmt"
	"os"
	"slices"
	"unsafe"

	"golang.org/x/sys/unix"
)

// mapFile maps the file at path read-only.
func mapFile(path string) (*mappedFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if info.Size() == 0 || info.Size() != int64(int(info.Size())) {
		f.Close()
		return &mappedFile{data: []byte{}}, nil // nothing to map; decoding says what is wrong
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(info.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("mapping %s: %w", path, err)
	}
	return &mappedFile{data: data, file: f, holdWhole: holdWhole}, nil
}

// evict lets go of the pages read so far (opening reads every one), in
// this process and in the page cache; a question then reads the pages it
// touches. From then on the file is read at random: a question reads a
// few hundred sentences scattered over it, and read-ahead would bring in
// 128 KiB or more about each. Where the page cache cannot hold the whole
// file (a 1 GB library in a 1.5 GB memory limit), that halves a
// question's p50 and cuts its p99 fourfold (BenchmarkLibrary, README).
//
// The page cache's copies go too because opening read them in large
// blocks (folios of up to 2 MiB), and Linux maps a whole block into a
// process when one byte of it is touched: 300 questions over a 1 GB
// library then held 2.7 GB, nearly the whole file, where pages read one
// at a time hold 1.2 GB. Copies another process has mapped stay.
//
// A file of at most holdWhole bytes keeps its pages in the page cache,
// and questions ask for none (willNeed): it costs little memory held
// whole, and hundreds of system calls a question would cost a book like
// War and Peace a third of its answering time.
func (m *mappedFile) evict() {
	if len(m.data) > 0 {
		// Only advice: failing costs memory, not correctness.
		unix.Madvise(m.data, unix.MADV_DONTNEED)
		unix.Madvise(m.data, unix.MADV_RANDOM)
		if m.advised() {
			dropPageCache(m.file)
		}
	}
}

// holdWhole is the size up to which a data file is held whole in the
// page cache (see evict): a book's data file is a few MB, a 100 MB
// library's 200 MB.
const holdWhole = 64 << 20

// advised reports whether questions ask for the pages they will read
// (willNeed): whether m is larger than it holds whole.
func (m *mappedFile) advised() bool { return m != nil && len(m.data) > m.holdWhole }

// willNeed starts reading the pages of parts of the file from disk,
// without waiting: a question asks for all it will read at once, and the
// disk serves the reads side by side rather than one page fault at a
// time. The pages come in one by one, not in the large blocks read-ahead
// makes (see evict). Parts close together are asked for together: each
// piece of advice is a system call, and a question gives hundreds. It
// does nothing when m is nil or held whole, and with parts that are not
// m's.
func (m *mappedFile) willNeed(parts ...[]byte) {
	if !m.advised() {
		return
	}
	page := os.Getpagesize()
	base := uintptr(unsafe.Pointer(&m.data[0]))
	spans := make([][2]int, 0, len(parts))
	for _, b := range parts {
		if len(b) == 0 {
			continue
		}
		at := uintptr(unsafe.Pointer(&b[0]))
		if at < base || at-base+uintptr(len(b)) > uintptr(len(m.data)) {
			continue
		}
		spans = append(spans, [2]int{int(at-base) &^ (page - 1), int(at-base) + len(b)})
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	for i := 0; i < len(spans); {
		from, to := spans[i][0], spans[i][1]
		for i++; i < len(spans) && spans[i][0] <= to+adviceGap; i++ {
			to = max(to, spans[i][1])
		}
		// Linux reads at most a read-ahead window (128 KiB by default)
		// for each piece of advice.
		for ; from < to; from += adviceChunk {
			unix.Madvise(m.data[from:min(to, from+adviceChunk)], unix.MADV_WILLNEED) // only advice
		}
	}
}

const (
	adviceChunk = 128 << 10
	adviceGap   = 16 << 10 // read up to this much between two parts rather than advise twice
)

// release lets go of the file, when its index is closed. The mapping is
// replaced with zero pages rather than removed: a string still held from
// the closed index then reads as NULs instead of faulting, and the file's
// disk space is freed once the cache removes it. The zero pages take no
// memory.
func (m *mappedFile) release() {
	if len(m.data) == 0 {
		return
	}
	unix.MmapPtr(-1, 0, unsafe.Pointer(&m.data[0]), uintptr(len(m.data)), unix.PROT_READ, unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_FIXED)
	m.data = nil
	m.file.Close()
}
