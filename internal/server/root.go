package server

import (
	"errors"
	"io/fs"
	"os"
	"sync"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/rootfs"
)

// liveRoot is a folder read through rootfs that follows the folder's
// name: a git checkout of another branch, a sync tool or an editor may
// delete the folder and make a new one, or rename another over it, and a
// rootfs.FS would go on reading the old one (an open descriptor).
// refresh, called before each build, reopens it when the name points
// elsewhere. The themes folder may not be there yet when serve starts:
// it reads as empty, the build takes the theme compiled in, and the
// folder is opened once an editor makes it (to change a copy of the
// theme).
//
// It has the methods of rootfs.FS, so the build reads it as it would
// read that.
type liveRoot struct {
	dir string

	mu   sync.RWMutex
	root *rootfs.FS // nil while the folder has not been there
}

func openLiveRoot(dir string) (*liveRoot, error) {
	root, err := rootfs.Open(dir)
	if err != nil {
		return nil, err
	}
	return &liveRoot{dir: dir, root: root}, nil
}

// openLiveRootMade is openLiveRoot for a folder that may be made later.
func openLiveRootMade(dir string) (*liveRoot, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return &liveRoot{dir: dir}, nil
	}
	return openLiveRoot(dir)
}

// refresh reopens the root when dir is now another folder than the one
// open, and tells whether it did. While dir is missing it keeps the old
// root (which reads as empty) and says the folder was removed.
func (lr *liveRoot) refresh() (bool, error) {
	now, err := os.Stat(lr.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return false, diag.ServeFolderRemoved.Err()
	}
	if err != nil {
		return false, err
	}
	if !now.IsDir() {
		return false, diag.ServeNotFolderNow.Err()
	}
	lr.mu.RLock()
	old := lr.root
	lr.mu.RUnlock()
	if old != nil {
		if open, err := old.Stat("."); err == nil && os.SameFile(open, now) {
			return false, nil
		}
	}
	root, err := rootfs.Open(lr.dir)
	if err != nil {
		return false, err
	}
	lr.mu.Lock()
	lr.root = root
	lr.mu.Unlock()
	// No build runs during refresh, so nothing reads through the old root.
	if old != nil {
		old.Close()
	}
	return true, nil
}

// made tells whether the folder has been there since serve started.
func (lr *liveRoot) made() bool {
	lr.mu.RLock()
	defer lr.mu.RUnlock()
	return lr.root != nil
}

func (lr *liveRoot) Close() error {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	if lr.root == nil {
		return nil
	}
	return lr.root.Close()
}

// current is what the folder is read through: the open root, or, before
// the folder was made, nothing.
func (lr *liveRoot) current() reader {
	lr.mu.RLock()
	defer lr.mu.RUnlock()
	if lr.root == nil {
		return absent{}
	}
	return lr.root
}

func (lr *liveRoot) Open(name string) (fs.File, error)          { return lr.current().Open(name) }
func (lr *liveRoot) ReadFile(name string) ([]byte, error)       { return lr.current().ReadFile(name) }
func (lr *liveRoot) ReadDir(name string) ([]fs.DirEntry, error) { return lr.current().ReadDir(name) }
func (lr *liveRoot) Stat(name string) (fs.FileInfo, error)      { return lr.current().Stat(name) }
func (lr *liveRoot) Lstat(name string) (fs.FileInfo, error)     { return lr.current().Lstat(name) }
func (lr *liveRoot) ReadLink(name string) (string, error)       { return lr.current().ReadLink(name) }

// reader is what a liveRoot reads through.
type reader interface {
	Open(name string) (fs.File, error)
	ReadFile(name string) ([]byte, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	Stat(name string) (fs.FileInfo, error)
	Lstat(name string) (fs.FileInfo, error)
	ReadLink(name string) (string, error)
}

// absent is a folder not made yet: nothing is in it.
type absent struct{}

func notThere(op, name string) error {
	return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

func (absent) Open(name string) (fs.File, error)          { return nil, notThere("open", name) }
func (absent) ReadFile(name string) ([]byte, error)       { return nil, notThere("read", name) }
func (absent) ReadDir(name string) ([]fs.DirEntry, error) { return nil, notThere("readdir", name) }
func (absent) Stat(name string) (fs.FileInfo, error)      { return nil, notThere("stat", name) }
func (absent) Lstat(name string) (fs.FileInfo, error)     { return nil, notThere("lstat", name) }
func (absent) ReadLink(name string) (string, error)       { return "", notThere("readlink", name) }
