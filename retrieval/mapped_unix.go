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
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() == 0 || info.Size() != int64(int(info.Size())) {
		return &mappedFile{data: []byte{}}, nil // nothing to map; decoding says what is wrong
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(info.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("mapping %s: %w", path, err)
	}
	return &mappedFile{data: data}, nil
}

// evict lets go of the pages read so far (opening reads every one); they
// are read again, from the page cache, when a question touches them.
// From then on the file is read at random: a question reads a few
// hundred sentences scattered over it, and read-ahead would bring in
// 128 KiB or more about each. Where the page cache cannot hold the whole
// file (a 1 GB library in a 1.5 GB memory limit), that halves a
// question's p50 and cuts its p99 fourfold (BenchmarkLibrary, README).
func (m *mappedFile) evict() {
	if len(m.data) > 0 {
		// Only advice: failing costs memory, not correctness.
		unix.Madvise(m.data, unix.MADV_DONTNEED)
		unix.Madvise(m.data, unix.MADV_RANDOM)
	}
}

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
}
