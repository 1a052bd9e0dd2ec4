//go:build unix

package output

import (
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// stage is the staging folder, held open: each file and folder is made
// relative to it, so that the kernel walks only the names inside it and
// not, on every call, the whole path of the folder beside the output
// folder, and no path is joined for each of the site's files.
type stage struct {
	dir string
	fd  int
}

func openStage(dir string) (stage, error) {
	fd, err := retry(func() (int, error) {
		return unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		return stage{fd: -1}, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	return stage{dir: dir, fd: fd}, nil
}

func (s stage) close() {
	if s.dir != "" && s.fd >= 0 {
		unix.Close(s.fd)
	}
}

// path is the name of the slash path rel inside the folder, for messages
// and for the rare removal.
func (s stage) path(rel string) string { return filepath.Join(s.dir, filepath.FromSlash(rel)) }

// mkdir makes the folder rel.
func (s stage) mkdir(rel string) error {
	_, err := retry(func() (int, error) { return 0, unix.Mkdirat(s.fd, rel, 0o755) })
	if err != nil {
		return &os.PathError{Op: "mkdir", Path: s.path(rel), Err: err}
	}
	return nil
}

// write writes data to the file rel, creating or truncating it, as
// os.WriteFile does, in three system calls: an os.File also sets and
// clears non-blocking mode and offers the file to the network poller,
// five more calls for each of the site's thousands of files.
func (s stage) write(rel string, data []byte) error {
	fd, err := retry(func() (int, error) {
		return unix.Openat(s.fd, rel, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return &os.PathError{Op: "open", Path: s.path(rel), Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = unix.Write(fd, data)
		switch {
		case err == unix.EINTR:
			err = nil
		case err == nil && n == 0:
			err = io.ErrShortWrite
		case err == nil:
			data = data[n:]
		}
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil && cerr != unix.EINTR {
		err = cerr
	}
	if err != nil {
		return &os.PathError{Op: "write", Path: s.path(rel), Err: err}
	}
	return nil
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != unix.EINTR {
			return n, err
		}
	}
}
