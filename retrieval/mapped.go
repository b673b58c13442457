package retrieval

import (
	"os"
	"unsafe"
)

// mappedFile is a cache file whose bytes the strings and tables decoded
// from it point into. Where files can be mapped (mapped_unix.go) it is
// read in place through the page cache, so that what a served library
// holds in memory is what its questions touch, and the kernel can take
// back what they do not; elsewhere (mapped_other.go) it is read into
// memory.
type mappedFile struct {
	data []byte
	file *os.File // open while mapped, for advice about its pages; nil where nothing is mapped
	// holdWhole is the size up to which the file is held whole in the
	// page cache rather than read as questions ask (see evict).
	holdWhole int
}

func (m *mappedFile) bytes() []byte { return m.data }

// bytesOf is the memory s takes, for advice about its pages.
func bytesOf[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0])))
}

// stringBytes is the memory s takes, for advice about its pages.
func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
