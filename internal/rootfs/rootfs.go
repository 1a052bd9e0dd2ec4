package rootfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
	"unicode/utf8"
)

// FS is a folder read through an os.Root. It implements fs.FS,
// fs.StatFS, fs.ReadDirFS, fs.ReadFileFS and fs.ReadLinkFS.
type FS struct {
	root *os.Root
	dirs fs.FS // root.FS(), for ReadDir
	// base is the folder itself, opened through root, and fd its
	// descriptor: the fast reads start there (see fast_linux.go).
	base *os.File
	fd   int
}

// Open opens the folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	f := &FS{root: root, dirs: root.FS()}
	f.base, f.fd = fastBase(root)
	return f, nil
}

// Close closes the folder.
func (f *FS) Close() error {
	if f.base != nil {
		f.base.Close()
	}
	return f.root.Close()
}

// Open opens the file or folder name after Check has passed it; a
// regular file reads at most Limit(name) bytes.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	info, err := Check(f, name)
	if err != nil {
		return nil, err
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return file, nil
	}
	// The file may have been replaced since Check: what counts is what
	// was opened.
	if info, err = file.Stat(); err == nil {
		err = checkInfo(name, info)
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return &limited{File: file, name: name, left: Limit(name)}, nil
}

// Stat follows a symbolic link only while it stays inside the folder.
func (f *FS) Stat(name string) (fs.FileInfo, error) { return f.root.Stat(name) }

// Lstat does not follow a symbolic link.
func (f *FS) Lstat(name string) (fs.FileInfo, error) { return f.root.Lstat(name) }

// ReadLink returns where a symbolic link points.
func (f *FS) ReadLink(name string) (string, error) { return f.root.Readlink(name) }

// ReadDir lists a folder.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if entries, ok, err := f.readDirFast(name); ok {
		return entries, err
	}
	return fs.ReadDir(f.dirs, name)
}

// ReadFile reads a whole file that Check passes.
func (f *FS) ReadFile(name string) ([]byte, error) {
	return f.readFile(name, false)
}

func (f *FS) readFile(name string, listed bool) ([]byte, error) {
	if data, ok, err := f.readFast(name, listed); ok {
		return data, err
	}
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return readAll(file, name)
}

// limited is a regular file that fails instead of reading past its
// limit, should it grow after it was opened.
type limited struct {
	*os.File
	name string
	left int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// One byte more tells a file that ends here from one that goes on.
		var one [1]byte
		if n, err := l.File.Read(one[:]); n == 0 {
			return 0, err
		}
		size := Limit(l.name) + 1
		if info, err := l.File.Stat(); err == nil {
			size = max(size, info.Size())
		}
		return 0, &Refused{Name: l.name, Reason: TooLarge, Size: size}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.File.Read(p)
	l.left -= int64(n)
	return n, err
}

// Check tells whether name may be read from fsys: it returns the file's
// information (the target's, for a symbolic link inside the folder), or a
// *Refused saying why not. Nothing is opened.
func Check(fsys fs.FS, name string) (fs.FileInfo, error) {
	if !utf8.ValidString(name) {
		return nil, &Refused{Name: name, Reason: BadName}
	}
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if leaves(fsys, name) {
			return nil, &Refused{Name: name, Reason: Outside}
		}
		target, err := fs.Stat(fsys, name)
		switch {
		case err != nil && strings.Contains(err.Error(), "escapes"):
			// os.Root's word for a chain of links that ends outside.
			return nil, &Refused{Name: name, Reason: Outside}
		case errors.Is(err, syscall.ELOOP):
			return nil, &Refused{Name: name, Reason: Loop, Target: linkTarget(fsys, name), Err: err}
		case err != nil:
			return nil, &Refused{Name: name, Reason: Dangling, Err: err}
		case target.IsDir() && above(fsys, name, target):
			return nil, &Refused{Name: name, Reason: Loop, Target: linkTarget(fsys, name)}
		case target.IsDir():
			return nil, &Refused{Name: name, Reason: LinkedFolder}
		}
		info = target
	}
	return info, checkInfo(name, info)
}

// above tells whether dir, the folder the symbolic link name leads to,
// is a folder the link is in: read through the link, the folder would
// hold itself without end.
func above(fsys fs.FS, name string, dir fs.FileInfo) bool {
	for d := path.Dir(name); ; d = path.Dir(d) {
		if info, err := fs.Stat(fsys, d); err == nil && os.SameFile(info, dir) {
			return true
		}
		if d == "." {
			return false
		}
	}
}

// linkTarget is where the symbolic link name points, as written, for a
// message; "" when it cannot be read.
func linkTarget(fsys fs.FS, name string) string {
	target, _ := fs.ReadLink(fsys, name)
	return target
}

// leaves tells whether the symbolic link name points out of the folder
// by itself: an absolute target, or one climbing above the folder.
func leaves(fsys fs.FS, name string) bool {
	target, err := fs.ReadLink(fsys, name)
	if err != nil {
		return false
	}
	if path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
		return true
	}
	p := path.Join(path.Dir(name), target)
	return p == ".." || strings.HasPrefix(p, "../")
}

// checkInfo refuses what is neither a folder nor a regular file within
// its limit.
func checkInfo(name string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return nil
	case !info.Mode().IsRegular():
		return &Refused{Name: name, Reason: Special, Mode: info.Mode()}
	case info.Size() > Limit(name):
		return &Refused{Name: name, Reason: TooLarge, Size: info.Size()}
	}
	return nil
}

// ReadFile reads name from fsys if Check passes it, and at most
// Limit(name) bytes of it.
func ReadFile(fsys fs.FS, name string) ([]byte, error) {
	if f, ok := fsys.(*FS); ok {
		return f.ReadFile(name)
	}
	info, err := Check(fsys, name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	data, err := fs.ReadFile(fsys, name)
	if err == nil && int64(len(data)) > Limit(name) {
		return nil, &Refused{Name: name, Reason: TooLarge, Size: int64(len(data))}
	}
	return data, err
}

// ReadListed is ReadFile for a file that a listing of its folder
// (fs.WalkDir, fs.ReadDir) has just shown as a regular one: read the fast
// way, it is opened without a stat first, one system call fewer (10,000 at
// 10,000 pearls). What is opened is checked as ever: a file that has
// become anything else since takes os.Root's way, which says why.
func ReadListed(fsys fs.FS, name string) ([]byte, error) {
	if f, ok := fsys.(*FS); ok {
		return f.readFile(name, true)
	}
	return ReadFile(fsys, name)
}

// readAll reads file to its end, failing past Limit(name).
func readAll(file fs.File, name string) ([]byte, error) {
	limit := Limit(name)
	size := int64(512)
	if info, err := file.Stat(); err == nil && info.Size() > 0 {
		size = min(info.Size(), limit) + 1
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := file.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, &Refused{Name: name, Reason: TooLarge, Size: int64(len(data))}
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
