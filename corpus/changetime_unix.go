//go:build unix

package corpus

import (
	"time"

	"golang.org/x/sys/unix"
)

// changeTime is when the file at path last changed (its ctime), or zero
// when it cannot be read.
func changeTime(path string) time.Time {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return time.Time{}
	}
	return time.Unix(st.Ctim.Unix())
}
