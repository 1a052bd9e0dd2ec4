package server

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
)

// watcher turns fsnotify's events under the content and theme folders
// into changes. fsnotify watches one folder, not a tree, so every folder
// is watched on its own, and folders created later are added as their
// creation is seen. The folders holding the content and theme folders
// are watched too (their other entries are ignored): a watch follows a
// folder, not its name, so when the content folder is deleted and made
// again, or another is renamed over it, the new one is watched from then
// on.
type watcher struct {
	fsw     *fsnotify.Watcher
	content string // absolute
	themes  string // absolute, or ""
	logf    func(diag.Text)
	// shown are the content and theme folders as given, for messages.
	shownContent, shownThemes string
	// limitTold tells that the system's limit on watches was told
	// (watchLimit): once is enough, however many folders it leaves.
	limitTold bool
	// failing tells whether the last build failed (nil: never), when a
	// change of permissions alone matters (see classify).
	failing func() bool
	// git watches the HEAD and the branches of the checkout the content
	// is in (see watchGit), nil when there is none; gitMoved is called
	// when they change, before the rebuild that follows.
	git               *fsnotify.Watcher
	gitDir, gitCommon string
	gitMoved          func()
}

// watchGit watches the git folders of the content's checkout: a commit
// or a checkout of another branch changes when each file was last
// committed (the pages' "Päivitetty" date, the outdated pages' warnings),
// which nothing in the content folder tells. Before 2026-12-07 serve read
// them once, and showed the dates of the branch it was started on. Only
// HEAD, packed-refs and the branches under refs/heads count: git writes
// its index and logs at every status and add. A folder that cannot be
// watched leaves the dates as they are, without a word: they are a
// nicety of the preview, which a build gets right.
func (w *watcher) watchGit(gitDir, common string, moved func()) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return
	}
	fsw.Add(gitDir)
	if common != gitDir {
		fsw.Add(common)
	}
	filepath.WalkDir(filepath.Join(common, "refs", "heads"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			fsw.Add(p)
		}
		return nil
	})
	w.git, w.gitDir, w.gitCommon, w.gitMoved = fsw, gitDir, common, moved
}

// gitChanged tells whether ev, of a git folder, moved HEAD or a branch.
func (w *watcher) gitChanged(ev fsnotify.Event) bool {
	base := filepath.Base(ev.Name)
	if ev.Op == fsnotify.Chmod || strings.HasSuffix(base, ".lock") {
		return false // git writes x.lock, and renames it to x
	}
	switch dir := filepath.Dir(ev.Name); {
	case dir == w.gitDir && base == "HEAD", dir == w.gitCommon && base == "packed-refs":
		return true
	}
	rel, ok := within(filepath.Join(w.gitCommon, "refs", "heads"), ev.Name)
	if !ok || rel == "." {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			w.git.Add(ev.Name) // a folder of branches (feature/x)
			return false
		}
	}
	return true
}

// watchLimit tells that err, from starting to watch or from watching a
// folder, says a limit of the system goos (runtime.GOOS) is used up, in
// a message of the folder shown that names the limit and the setting
// that raises it there. On Linux fsnotify uses inotify, whose instances
// (EMFILE from inotify_init1: another serve, editors and sync tools each
// take one) or watches (ENOSPC from inotify_add_watch, one a folder, which
// an IDE's or a sync tool's many folders may have used up) run out. On
// macOS and the BSDs it uses kqueue, which holds an open file for each
// watched folder and file: EMFILE or ENFILE is the open files' limit,
// kern.maxfilesperproc (the Go runtime has already raised the soft
// limit, so ulimit -n would not help), and no inotify setting exists
// there. Elsewhere (Windows) no such limit is known: the system's own
// text is told. Its text, "too many open files" or "no space left on
// device", would send the editor to the wrong place.
func watchLimit(goos, shown string, err error) (diag.Text, bool) {
	switch goos {
	case "linux", "android":
		switch {
		case errors.Is(err, syscall.EMFILE):
			return diag.ServeWatchLimit.With(shown, "fs.inotify.max_user_instances", "fs.inotify.max_user_instances=1024"), true
		case errors.Is(err, syscall.ENOSPC):
			return diag.ServeWatchLimit.With(shown, "fs.inotify.max_user_watches", "fs.inotify.max_user_watches=524288"), true
		}
	case "darwin", "ios", "freebsd", "dragonfly":
		if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
			return diag.ServeWatchFiles.With(shown, "kern.maxfilesperproc", "kern.maxfilesperproc=65536"), true
		}
	}
	return diag.Text{}, false
}

// newWatcher watches the content and theme folders. When the system's
// limits leave no watcher to start (watchLimit), it says so, and returns
// a nil watcher and no error: serve still serves what it builds, without
// following saves.
func newWatcher(contentDir, themesDir string, logf func(diag.Text)) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if text, ok := watchLimit(runtime.GOOS, contentDir, err); ok {
		logf(text)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	w := &watcher{fsw: fsw, logf: logf, shownContent: contentDir, shownThemes: themesDir}
	if w.content, err = filepath.Abs(contentDir); err != nil {
		fsw.Close()
		return nil, err
	}
	if themesDir != "" {
		if w.themes, err = filepath.Abs(themesDir); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	if err := w.addTree(w.content); err != nil {
		fsw.Close()
		return nil, err
	}
	if w.themes != "" {
		// A themes folder not made yet is seen made in its parent.
		if err := w.addTree(w.themes); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fsw.Close()
			return nil, err
		}
	}
	w.watchParents()
	return w, nil
}

// watchParents watches the folders holding the content and theme
// folders. Without them serve still works, but does not see the folders
// replaced: say so.
func (w *watcher) watchParents() {
	for _, dir := range []string{w.content, w.themes} {
		if dir == "" {
			continue
		}
		if err := w.fsw.Add(filepath.Dir(dir)); err != nil && !w.toldLimit(filepath.Dir(dir), err) {
			w.logf(diag.ServeWatchParent.With(filepath.Dir(dir), diag.Cause(err), filepath.Base(dir)))
		}
	}
}

// follow watches the folder now at dir and the folders under it, and
// drops the watches of a folder that was there before (renamed away, it
// would go on reporting its changes under dir's name).
func (w *watcher) follow(dir string) {
	for _, p := range w.fsw.WatchList() {
		if _, ok := within(dir, p); ok {
			w.fsw.Remove(p) // a deleted folder's watch is gone already
		}
	}
	w.addTree(dir)
}

// addTree watches dir and every folder under it, skipping hidden ones.
func (w *watcher) addTree(dir string) error {
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// A linked content folder: WalkDir does not follow a link, even
		// at the top, unless its name ends in a separator. The names
		// watched stay under dir, as the events name them.
		root = dir + string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if p == root {
			p = dir
		}
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone already, or unreadable: the build will say so
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignored(d.Name()) {
			return filepath.SkipDir
		}
		err = w.fsw.Add(p)
		if w.toldLimit(p, err) {
			// No folder after it can be watched either.
			return filepath.SkipAll
		}
		if err != nil && p == dir {
			return err
		}
		return nil
	})
}

// toldLimit tells whether err is the system's limit on watches used up
// (watchLimit) in watching the folder p, and tells the editor so the
// first time.
func (w *watcher) toldLimit(p string, err error) bool {
	text, ok := watchLimit(runtime.GOOS, w.shown(p), err)
	if !ok {
		return false
	}
	if !w.limitTold {
		w.limitTold = true
		w.logf(text)
	}
	return true
}

// shown is the folder p as the editor named it: under the content or
// theme folder as given (content/helmet), else as it is.
func (w *watcher) shown(p string) string {
	for _, d := range [][2]string{{w.content, w.shownContent}, {w.themes, w.shownThemes}} {
		if rel, ok := within(d[0], p); ok && d[0] != "" {
			return filepath.Join(d[1], filepath.FromSlash(rel))
		}
	}
	return p
}

// ignored tells whether a folder's name is one the content loader skips
// (content.Hidden), so that nothing in it needs watching; .well-known,
// which static/ publishes, is not.
func ignored(name string) bool {
	return name != content.WellKnown && content.Hidden(name)
}

// skipped tells whether the build passes over the file at rel without a
// word, so that its change needs no rebuild: an editor's swap or backup
// file, or a hidden one, except in a published folder (one of published
// at the top), where a hidden name such as .env or .git is an error the
// build reports, which the overlay shows as soon as the file is made.
// Whether rel is a folder does not matter here: a hidden file and a
// hidden folder are skipped, or reported, alike.
func skipped(rel string, published ...string) bool {
	top, _, _ := strings.Cut(rel, "/")
	skip, report := content.HiddenName(rel, false, slices.Contains(published, top) && top != rel)
	return skip && report == nil
}

// themeRel is rel, a path inside the themes folder, inside its theme
// ("helminauha/static/x" is "static/x"); an entry of the themes folder
// itself (a theme's folder, a .DS_Store) stays as it is.
func themeRel(rel string) string {
	if _, inTheme, ok := strings.Cut(rel, "/"); ok {
		return inTheme
	}
	return rel
}

// run sends a change for each event until ctx is done, then closes the
// fsnotify watcher and out.
func (w *watcher) run(ctx context.Context, out chan<- change) {
	defer close(out)
	defer w.fsw.Close()
	var gitEvents <-chan fsnotify.Event
	var gitErrors <-chan error
	if w.git != nil {
		defer w.git.Close()
		gitEvents, gitErrors = w.git.Events, w.git.Errors
	}
	send := func(c change) bool {
		select {
		case out <- c:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			c, ok := w.classify(ev)
			if ok && !send(c) {
				return
			}
		case ev, ok := <-gitEvents:
			if !ok {
				gitEvents = nil
				continue
			}
			if w.gitChanged(ev) {
				w.gitMoved()
				if !send(change{all: true}) {
					return
				}
			}
		case _, ok := <-gitErrors:
			// Read, or the watcher would stop; the dates stay as they
			// are until the next change that is seen.
			if !ok {
				gitErrors = nil
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			// Lost events (the kernel's queue overflowed during a large
			// checkout) or a broken watch: rebuild everything, and make
			// sure every folder is watched.
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				w.logf(diag.ServeWatchError.With(diag.Cause(err)))
			}
			w.follow(w.content)
			if w.themes != "" {
				w.follow(w.themes)
			}
			w.watchParents()
			if !send(change{all: true}) {
				return
			}
		}
	}
}

// classify maps an event to a change; ok is false for events that
// change nothing the build reads.
func (w *watcher) classify(ev fsnotify.Event) (change, bool) {
	if ev.Op == fsnotify.Chmod && (w.failing == nil || !w.failing()) {
		// Permissions, a touch, a link count: nothing the build reads.
		// Unless the last build failed, maybe at a file or folder it
		// could not read, whose message sends the editor to mend its
		// permissions: the chmod that does so is all they will do, and
		// the error stayed on every page until another save.
		return change{}, false
	}
	var c change
	if rel, ok := within(w.content, ev.Name); ok {
		// The content folder itself made, removed or renamed: all of it.
		c = change{content: rel, all: rel == "."}
		if skipped(rel, content.DirStatic) {
			return change{}, false
		}
	} else if rel, ok := within(w.themes, ev.Name); ok && w.themes != "" {
		c = change{theme: true, themeFile: rel}
		if rel == "." {
			c.themeFile = ""
		}
		if skipped(themeRel(rel), "static", "assets") {
			return change{}, false
		}
	} else {
		return change{}, false // another entry of a parent folder
	}
	if ev.Has(fsnotify.Create) {
		// A new folder (or one renamed into place) is watched from now
		// on; files made in it before the watch are found by the build,
		// which walks the whole content folder.
		if ev.Name == w.content || ev.Name == w.themes {
			// The folder itself, or a link to it, made again or renamed
			// into place.
			if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
				w.follow(ev.Name)
			}
		} else if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			w.addTree(ev.Name)
		}
	}
	if ev.Op == fsnotify.Chmod {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			// A folder readable again: what is in it is all new to the
			// build, which could not list it.
			c.all = true
		}
	}
	if c.all {
		c.content = ""
	}
	c.made, c.gone = ev.Has(fsnotify.Create), ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
	return c, true
}

// within returns name relative to dir, with '/' separators, when name
// lies inside dir.
func within(dir, name string) (string, bool) {
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
