//go:build unix

package retrieval

import (
	"fmt"
	"os"
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
	return &mappedFile{data: data, file: f}, nil
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
func (m *mappedFile) evict() {
	if len(m.data) > 0 {
		// Only advice: failing costs memory, not correctness.
		unix.Madvise(m.data, unix.MADV_DONTNEED)
		unix.Madvise(m.data, unix.MADV_RANDOM)
		unix.Fadvise(int(m.file.Fd()), 0, 0, unix.FADV_DONTNEED)
	}
}

// willNeed starts reading the pages of b, a part of the file, from disk,
// without waiting: a question asks for all it will read at once, and the
// disk serves the reads side by side rather than one page fault at a
// time. The pages come in one by one, not in the large blocks read-ahead
// makes (see evict). It does nothing when m is nil or b is not m's.
func (m *mappedFile) willNeed(b []byte) {
	if m == nil || len(b) == 0 || len(m.data) == 0 {
		return
	}
	base, at := uintptr(unsafe.Pointer(&m.data[0])), uintptr(unsafe.Pointer(&b[0]))
	if at < base || at-base+uintptr(len(b)) > uintptr(len(m.data)) {
		return
	}
	from, to := int(at-base)&^(os.Getpagesize()-1), int(at-base)+len(b)
	// Linux reads at most a read-ahead window (128 KiB by default) for
	// each piece of advice.
	for ; from < to; from += adviceChunk {
		unix.Madvise(m.data[from:min(to, from+adviceChunk)], unix.MADV_WILLNEED) // only advice
	}
}

const adviceChunk = 128 << 10

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
