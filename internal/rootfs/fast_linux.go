//go:build linux

package rootfs

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/sys/unix"
)

// A plain file (a regular file reached through folders only, no link on
// the way) is read by the kernel's own confinement: openat2 with
// RESOLVE_BENEATH and RESOLVE_NO_SYMLINKS resolves the whole path from
// the folder's descriptor in one call and fails on a link or a "..", where
// os.Root opens every folder on the way and closes it again, with an
// os.File's poller and non-blocking calls around each. Whatever openat2
// refuses (a link, a folder, a pipe, a file that is not there, a kernel
// older than 5.6) takes os.Root's way, which says why: the fast way only
// ever reads what that way would read, the same bytes.

// fastOff is set when the kernel has no openat2 (or a sandbox forbids
// it): every read then takes os.Root's way.
var fastOff atomic.Bool

const beneath = unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS

// fastBase opens the folder of root for the fast reads, and gives its
// descriptor; nil when there are none.
func fastBase(root *os.Root) (*os.File, int) {
	if fastOff.Load() {
		return nil, -1
	}
	base, err := root.Open(".")
	if err != nil {
		return nil, -1
	}
	return base, int(base.Fd())
}

// openat2 opens name under the folder base with flags, confined to it.
func openat2(base int, name string, flags int) (int, error) {
	how := unix.OpenHow{Flags: uint64(flags | unix.O_CLOEXEC | unix.O_NOFOLLOW), Resolve: beneath}
	for {
		fd, err := unix.Openat2(base, name, &how)
		switch err {
		case unix.EINTR:
			continue
		case unix.ENOSYS, unix.EPERM:
			// No openat2 here (EPERM: a seccomp filter that does not
			// know it).
			fastOff.Store(true)
		}
		return fd, err
	}
}

// fastPath tells whether name may take the fast way at all.
func (f *FS) fastPath(name string) (int, bool) {
	if f.base == nil || fastOff.Load() || name == "." || !fs.ValidPath(name) || !utf8.ValidString(name) {
		return 0, false
	}
	return f.fd, true
}

// readFast reads the plain file name within its limit. ok is false when
// name is not one, or cannot be read this way: os.Root's way answers.
// listed tells that a listing of its folder has just shown name as a
// regular file, which is then opened without a look first.
func (f *FS) readFast(name string, listed bool) (data []byte, ok bool, err error) {
	base, ok := f.fastPath(name)
	if !ok {
		return nil, false, nil
	}
	// A pipe, a device or a socket is not opened at all (opening some
	// devices does something), nor a file past its limit: what this stat
	// finds is only a hint, for the path may run through a link, but a
	// file it calls regular is then opened with no link allowed. A
	// listing's type is the same hint, got with the folder.
	var st unix.Stat_t
	if !listed && (unix.Fstatat(base, name, &st, unix.AT_SYMLINK_NOFOLLOW) != nil || !regularWithin(&st, name)) {
		return nil, false, nil
	}
	fd, err := openat2(base, name, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_NOCTTY)
	if err != nil {
		return nil, false, nil
	}
	defer unix.Close(fd)
	// What counts is what was opened: the file may have been replaced
	// since the stat.
	if unix.Fstat(fd, &st) != nil || !regularWithin(&st, name) {
		return nil, false, nil
	}
	data, err = readFd(fd, name, st.Size)
	if err != nil {
		return nil, true, err
	}
	return data, true, nil
}

// regularWithin tells whether st is a regular file within name's limit.
func regularWithin(st *unix.Stat_t, name string) bool {
	return st.Mode&unix.S_IFMT == unix.S_IFREG && st.Size <= Limit(name)
}

// readFd reads the open file fd to its end, failing past Limit(name), as
// readAll does.
func readFd(fd int, name string, size int64) ([]byte, error) {
	limit := Limit(name)
	data := make([]byte, 0, max(min(size, limit)+1, 512))
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := unix.Read(fd, data[len(data):cap(data)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, &Refused{Name: name, Reason: TooLarge, Size: int64(len(data))}
		}
		if n == 0 {
			return data, nil
		}
	}
}

// readDirFast lists the plain folder name (no link on its way). Its
// entries' types are the folder's own (d_type), without the stat of
// every entry that a folder opened through os.Root makes.
func (f *FS) readDirFast(name string) (entries []fs.DirEntry, ok bool, err error) {
	var base int
	if name == "." {
		if f.base == nil || fastOff.Load() {
			return nil, false, nil
		}
		base = f.fd
	} else if base, ok = f.fastPath(name); !ok {
		return nil, false, nil
	}
	fd, err := openat2(base, name, unix.O_RDONLY|unix.O_DIRECTORY)
	if err != nil {
		return nil, false, nil
	}
	dir := os.NewFile(uintptr(fd), name)
	defer dir.Close()
	entries, err = dir.ReadDir(-1)
	for i, e := range entries {
		entries[i] = entry{DirEntry: e, fsys: f, name: path.Join(name, e.Name())}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, true, err
}

// entry is a folder's entry whose Info is read through the root: an
// os.File's entry would stat its path from the working folder.
type entry struct {
	fs.DirEntry
	fsys *FS
	name string
}

func (e entry) Info() (fs.FileInfo, error) { return e.fsys.Lstat(e.name) }

func (e entry) String() string { return fs.FormatDirEntry(e) }
