package output

import "golang.org/x/sys/unix"

// exchange swaps the files from and to in one atomic step: readers of to
// see the old file or the new, never none, and from is left holding the
// old one.
func exchange(from, to string) error {
	return unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_EXCHANGE)
}
