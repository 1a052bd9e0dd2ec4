//go:build unix

package output

import (
	"bytes"
	"sync"
	"syscall"
)

// holds tells whether the regular file name holds exactly data. It reads
// the file in pieces into a buffer it keeps, with raw system calls: a
// rebuild compares every file of the site with what it would write, and
// reading each whole (os.ReadFile) made a copy of the site in garbage,
// 170 MB at 10,000 pearls, with an os.File's extra calls around each.
// The file is opened without following a link or waiting on a pipe, and
// read only when it is a regular file of data's size.
func holds(name string, data []byte) bool {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size != int64(len(data)) {
		return false
	}
	bp := pieces.Get().(*[]byte)
	defer pieces.Put(bp)
	buf := *bp
	for {
		// One byte more than is left: a short read of a regular file
		// is its end, so a file of data's size is read in one call
		// when it fits.
		n, err := syscall.Read(fd, buf[:min(len(buf), len(data)+1)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil || n > len(data) || !bytes.Equal(buf[:n], data[:n]):
			return false
		case n == 0:
			return len(data) == 0
		}
		data = data[n:]
		if len(data) == 0 && n < len(buf) {
			return true
		}
	}
}

// pieces are the buffers holds reads into: most pages fit in one.
var pieces = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}
