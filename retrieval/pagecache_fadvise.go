//go:build linux || freebsd

package retrieval

import (
	"os"

	"golang.org/x/sys/unix"
)

// dropPageCache asks the system to let go of the page cache's copies of
// f's pages that no process has mapped. Only advice.
func dropPageCache(f *os.File) { unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED) }
