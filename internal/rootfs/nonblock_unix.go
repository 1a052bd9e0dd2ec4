//go:build unix

package rootfs

import "syscall"

// nonblock makes opening a named pipe return at once instead of waiting
// for a writer (the file is then refused, never read).
const nonblock = syscall.O_NONBLOCK
