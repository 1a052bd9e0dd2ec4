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
// elsewhere.
//
// It has the methods of rootfs.FS, so the build reads it as it would
// read that.
type liveRoot struct {
	dir string

	mu   sync.RWMutex
	root *rootfs.FS
}

func openLiveRoot(dir string) (*liveRoot, error) {
	root, err := rootfs.Open(dir)
	if err != nil {
		return nil, err
	}
	return &liveRoot{dir: dir, root: root}, nil
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
	open, err := lr.root.Stat(".")
	lr.mu.RUnlock()
	if err == nil && os.SameFile(open, now) {
		return false, nil
	}
	root, err := rootfs.Open(lr.dir)
	if err != nil {
		return false, err
	}
	lr.mu.Lock()
	old := lr.root
	lr.root = root
	lr.mu.Unlock()
	// No build runs during refresh, so nothing reads through the old root.
	old.Close()
	return true, nil
}

func (lr *liveRoot) Close() error {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	return lr.root.Close()
}

func (lr *liveRoot) current() *rootfs.FS {
	lr.mu.RLock()
	defer lr.mu.RUnlock()
	return lr.root
}

func (lr *liveRoot) Open(name string) (fs.File, error)          { return lr.current().Open(name) }
func (lr *liveRoot) ReadFile(name string) ([]byte, error)       { return lr.current().ReadFile(name) }
func (lr *liveRoot) ReadDir(name string) ([]fs.DirEntry, error) { return lr.current().ReadDir(name) }
func (lr *liveRoot) Stat(name string) (fs.FileInfo, error)      { return lr.current().Stat(name) }
func (lr *liveRoot) Lstat(name string) (fs.FileInfo, error)     { return lr.current().Lstat(name) }
func (lr *liveRoot) ReadLink(name string) (string, error)       { return lr.current().ReadLink(name) }
