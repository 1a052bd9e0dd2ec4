package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/helminauha/helminauha/internal/diag"
)

// A Folder is an output folder that Place accepted, for Begin.
type Folder struct {
	dir  string // as given, for messages
	real string // where the files go
}

// Place checks that dir may be an output folder, before anything is
// built or written, and returns it with the folder the files go into: dir
// itself, or the folder a symbolic link at dir points to (a web root,
// say), which is written through and not replaced by a folder of its own.
//
// It refuses a file, the root folder, the home folder and any folder that
// holds it or the working folder, and a folder that is, holds or lies
// inside one of guard (the content and theme folders): a build removes
// what it wrote before, and one of these may hold nothing it wrote.
func Place(dir string, guard []string) (Folder, error) {
	if dir == "" {
		return Folder{}, diag.OutputEmpty.Err()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Folder{}, err
	}
	real := abs
	info, err := os.Lstat(abs)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		target, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return Folder{}, diag.OutputLinkNowhere.Err(dir, diag.Cause(err))
		}
		if info, err = os.Stat(target); err != nil || !info.IsDir() {
			return Folder{}, diag.OutputLinkNotFolder.Err(dir, target)
		}
		real = target
	case err == nil && !info.IsDir():
		return Folder{}, diag.OutputIsFile.Err(dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return Folder{}, diag.OutputCannotUse.Err(dir, diag.Cause(err))
	default:
		real = realPath(abs)
	}
	if filepath.Dir(real) == real {
		return Folder{}, diag.OutputRoot.Err(dir)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && within(realPath(home), real) {
		return Folder{}, diag.OutputHome.Err(dir)
	}
	if wd, err := os.Getwd(); err == nil && within(realPath(wd), real) {
		return Folder{}, diag.OutputWorkDir.Err(dir)
	}
	for _, g := range guard {
		if g == "" {
			continue
		}
		gr := realPath(mustAbs(g))
		switch {
		case gr == real:
			return Folder{}, diag.OutputIsRead.Err(dir, g)
		case within(gr, real):
			return Folder{}, diag.OutputHoldsRead.Err(dir, g)
		case within(real, gr):
			return Folder{}, diag.OutputInsideRead.Err(dir, g)
		}
	}
	return Folder{dir: dir, real: real}, nil
}

// within reports whether p is dir or lies inside it (both clean and
// absolute).
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(p, dir)
}

func mustAbs(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// realPath is the absolute path p with every symbolic link on the way
// resolved, as far as the path exists: two names of one folder compare
// equal.
func realPath(p string) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// unwrapPath drops the operation and path from an *fs.PathError, which
// the message names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
