//go:build !unix

package retrieval

import "os"

// mapFile reads the file at path into memory, where files cannot be
// mapped.
func mapFile(path string) (*mappedFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &mappedFile{data: data}, nil
}

func (m *mappedFile) evict() {}

func (m *mappedFile) willNeed(parts ...[]byte) {}

func (m *mappedFile) advised() bool { return false }

func (m *mappedFile) release() { m.data = nil }
