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
	if err := refuse(dir, real, guard, ""); err != nil {
		return Folder{}, err
	}
	return Folder{dir: dir, real: real}, nil
}

// refuse is Place's refusal of the folder real (dir as given), or nil.
// Each refusal ends with a folder to name instead (suggest), unless
// suggestion is that folder already ("" asks for it).
func refuse(dir, real string, guard []string, suggestion string) error {
	say := func() string {
		if suggestion == "" {
			suggestion = suggest(guard)
		}
		return suggestion
	}
	if filepath.Dir(real) == real {
		return diag.OutputRoot.Err(dir, say())
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && within(realPath(home), real) {
		return diag.OutputHome.Err(dir, say())
	}
	if wd, err := os.Getwd(); err == nil && within(realPath(wd), real) {
		return diag.OutputWorkDir.Err(dir, say())
	}
	for _, g := range guard {
		if g == "" {
			continue
		}
		gr := realPath(mustAbs(g))
		switch {
		case gr == real:
			return diag.OutputIsRead.Err(dir, g, say())
		case within(gr, real):
			return diag.OutputHoldsRead.Err(dir, g, say())
		case within(real, gr):
			return diag.OutputInsideRead.Err(dir, g, say())
		}
	}
	// Inside another build's output folder, the two builds would meet:
	// each locks the folder that holds its own output folder, so the
	// locks are not one, and the outer build sees the inner one's staging
	// folder and files as strays, refusing them or, with --clean-out,
	// removing them under it. Inside another portal's content folder the
	// built files would be read as its content.
	for up := filepath.Dir(real); filepath.Dir(up) != up; up = filepath.Dir(up) {
		switch {
		case isFile(filepath.Join(up, RecordName)):
			return diag.OutputInsideOutput.Err(dir, shownPath(up), besideOf(up, real))
		case isFile(filepath.Join(up, configName)):
			return diag.OutputInsideContent.Err(dir, shownPath(up), say())
		}
	}
	return nil
}

// configName is the file that makes a folder a portal's content folder
// (config.File, which this package does not import).
const configName = "site.yaml"

// besideOf is the folder to suggest instead of real, inside the folder
// outer: beside outer, named by both (public-x for public/x).
func besideOf(outer, real string) string {
	rel, err := filepath.Rel(outer, real)
	if err != nil {
		rel = filepath.Base(real)
	}
	return shownPath(outer + "-" + strings.ReplaceAll(filepath.ToSlash(rel), "/", "-"))
}

// shownPath is p relative to the working folder when it lies inside it,
// else p.
func shownPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(realPath(wd), p); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return p
}

// suggest is the output folder a refusal offers instead: public in the
// working folder, or else a folder named public beside the content or
// theme folder (../public when the build reads the working folder
// itself), written relative to the working folder when it can be; the
// first of them that Place would take.
func suggest(guard []string) string {
	wd, _ := os.Getwd()
	candidates := []string{"public"}
	for _, g := range guard {
		if g == "" {
			continue
		}
		beside := filepath.Join(filepath.Dir(realPath(mustAbs(g))), "public")
		if wd != "" {
			if rel, err := filepath.Rel(realPath(wd), beside); err == nil {
				beside = rel
			}
		}
		candidates = append(candidates, beside)
	}
	for _, c := range candidates {
		real := realPath(mustAbs(c))
		if info, err := os.Stat(real); err == nil && !info.IsDir() {
			continue
		}
		if refuse(c, real, guard, c) == nil {
			return c
		}
	}
	return "public"
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
