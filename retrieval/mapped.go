package retrieval

// mappedFile is a cache file whose bytes the strings and tables decoded
// from it point into. Where files can be mapped (mapped_unix.go) it is
// read in place through the page cache, so that what a served library
// holds in memory is what its questions touch, and the kernel can take
// back what they do not; elsewhere (mapped_other.go) it is read into
// memory.
type mappedFile struct {
	data []byte
}

func (m *mappedFile) bytes() []byte { return m.data }
