package output

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// The spare folder (".public.spare" beside public/) keeps the inodes of
// files a build replaced, for the next build to write its changed files
// into. A build that changes every page (a new base URL, a template)
// would otherwise make a new inode for each file and free the old one,
// and on ext4 new inodes are slow to find for minutes after many were
// freed (the kernel skips recently deleted ones): at 1,000 pearls such a
// build took 0.9–1.6 s of system time instead of 0.2–0.5 s.

// poolOf is the spare folder of the output folder real.
func poolOf(real string) string {
	return filepath.Join(filepath.Dir(real), "."+filepath.Base(real)+".spare")
}

// takePool makes the spare folder, when there is one, the staging folder
// and lists it. Anything in it that is not a regular file or a folder (a
// symbolic link above all) is removed first: writing must never follow
// it. So is a file with other names (hard links, say of a backup made
// with cp -al): writing it in place would change them.
//
// Only a folder a build kept (holding StagingMark) is taken: one of the
// user's that is only named so, or anything else there, is left as it is
// and named (SpareLookalike), and the build keeps no spare folder, since
// writing into it or putting another in its place would lose the user's
// files. A spare folder of a version that wrote no mark is left alone too.
func (w *Writer) takePool() {
	pool := poolOf(w.real)
	fi, err := os.Lstat(pool)
	if err != nil {
		return
	}
	if m, err := os.Lstat(filepath.Join(pool, StagingMark)); !fi.IsDir() || err != nil || !m.Mode().IsRegular() {
		w.spare = filepath.Join(filepath.Dir(w.dir), filepath.Base(pool))
		return
	}
	// The spare folder carries the mark (StagingMark) into the staging
	// folder's name, so that a build killed from here on leaves a folder
	// the next one knows for its own.
	mark := filepath.Join(w.tmp, StagingMark)
	if os.Remove(mark) != nil {
		return
	}
	if os.Remove(w.tmp) != nil {
		os.WriteFile(mark, nil, 0o644)
		return
	}
	if err := os.Rename(pool, w.tmp); err != nil {
		if os.Mkdir(w.tmp, 0o755) == nil {
			os.WriteFile(mark, nil, 0o644)
		}
		return
	}
	os.Chmod(w.tmp, 0o755)
	w.pool, w.poolDirs = map[string]bool{}, map[string]bool{}
	filepath.WalkDir(w.tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == w.tmp || p == mark {
			return nil
		}
		rel := w.relTmp(p)
		switch {
		case d.IsDir():
			w.poolDirs[rel] = true
		case d.Type().IsRegular():
			info, err := d.Info()
			if err != nil || shared(info) {
				os.Remove(p)
				return nil
			}
			w.pool[rel] = true
		default:
			os.Remove(p)
		}
		return nil
	})
}

// relTmp is the slash path of p inside the staging folder.
func (w *Writer) relTmp(p string) string {
	r, _ := filepath.Rel(w.tmp, p)
	return filepath.ToSlash(r)
}

// keepPool keeps the staging folder as the spare folder, without the
// spare files of paths this build does not write and the folders they
// leave empty (so that it never grows past one file a path of the site).
func (w *Writer) keepPool() {
	if w.noSpace.Load() {
		// The disk is full: the staged files, kept, would keep it so,
		// and the next build would fail for want of space too.
		os.RemoveAll(w.tmp)
		return
	}
	for rel := range w.pool {
		if !w.paths[rel] {
			os.Remove(filepath.Join(w.tmp, filepath.FromSlash(rel)))
		}
	}
	// Deepest first: a folder is empty once those inside it are gone.
	dirs := slices.SortedFunc(maps.Keys(w.poolDirs), func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, d := range dirs {
		// Rmdir, not os.Remove: most are not empty, and os.Remove
		// tries to unlink a folder as a file first, a second failing
		// call for each of thousands.
		syscall.Rmdir(filepath.Join(w.tmp, filepath.FromSlash(d)))
	}
	if names, err := os.ReadDir(w.tmp); err == nil && len(names) == 1 && names[0].Name() == StagingMark {
		// Nothing to keep but the mark: the folder goes, the mark last.
		os.RemoveAll(w.tmp)
		return
	}
	if _, err := os.Lstat(poolOf(w.real)); err == nil || os.Rename(w.tmp, poolOf(w.real)) != nil {
		// Something not the build's is where the spare folder goes
		// (takePool took the build's away): a rename would replace an
		// empty folder of the user's.
		os.RemoveAll(w.tmp)
	}
}

// SpareLookalike is the folder where the spare folder goes
// (".public.spare") when a build did not make it, which the build left as
// it is and kept no spare folder; "" when there is none.
func (w *Writer) SpareLookalike() string { return w.spare }

// full notes that err, of a file the build writes, is the disk being
// full (see keepPool).
func (w *Writer) full(err error) {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		w.noSpace.Store(true)
	}
}
