//go:build unix

package output

import (
	"io/fs"
	"syscall"
)

// shared reports whether the file has other names (hard links) than this
// one: writing it in place would change them too.
func shared(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return !ok || st.Nlink > 1
}
