//go:build unix && !linux && !freebsd

package retrieval

import "os"

// dropPageCache does nothing where the system takes no advice about a
// file's pages (macOS, OpenBSD): the page cache keeps them until it needs
// the memory.
func dropPageCache(*os.File) {}
