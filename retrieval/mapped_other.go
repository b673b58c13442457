//go:build !unix

package retrieval

import "os"

// mappedFile is a cache file read into memory, where files cannot be
// mapped (see mapped_unix.go).
type mappedFile struct {
	data []byte
}

func mapFile(path string) (*mappedFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &mappedFile{data: data}, nil
}

func (m *mappedFile) bytes() []byte { return m.data }

func (m *mappedFile) evict() {}

func (m *mappedFile) release() { m.data = nil }
