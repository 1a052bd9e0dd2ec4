package output

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/helminauha/helminauha/internal/diag"
)

// Options control how files are written.
type Options struct {
	Minify bool // minify HTML, CSS, JS, JSON, SVG and XML
	Gzip   bool // also write name.gz beside every text file
	// Keep lists slash paths in the output folder (files or folders) that
	// builds leave alone, beside DefaultKeep: site.yaml's keep.
	Keep []string
	// Clean lets a build remove the files in the output folder it did not
	// write (but not the kept ones); without it, Begin refuses to build
	// over them.
	Clean bool
	// Files is about how many files the build writes (0 when not
	// known): the writer's tables are made that large at once instead
	// of growing step by step, each step a copy of a table that at
	// 100,000 pearls no longer fits the caches.
	Files int
}

// Writer writes a build's files into the output folder so that the
// folder is never missing and a failed build leaves it as it was.
//
// Begin lists the folder and its record (RecordName) of the files the
// last build wrote. Write stages every file whose bytes differ from what
// the folder holds in a temporary folder beside it; a file that holds the
// same bytes is left alone (its modification time tells an rsync deploy
// it has not changed), and on ext4 not making thousands of new inodes on
// every build keeps repeated builds fast (the kernel is slow to find new
// inodes for minutes after many were freed). Commit renames each staged
// file into place, one atomic rename a file, removes the recorded files
// this build did not write, and writes the new record; when one of those
// steps fails, it undoes the ones before (rollback), so that a failed
// commit leaves the folder as it was too. Files the
// generator did not write are never replaced or removed: Begin refuses a
// folder that holds any (unless Options.Clean), besides the kept ones.
type Writer struct {
	dir   string // the output folder as given, for messages
	real  string // the folder written: dir, or where a link at dir points
	tmp   string // the staging folder beside real
	stage stage  // tmp, open
	fresh bool   // real did not exist: Commit renames tmp into place
	opts  Options
	min   *Minifier
	keep  []string
	old   map[string]bool // the record of the last build
	// regular are the recorded files Begin found to be regular files:
	// only those are opened to compare (a device is never opened).
	regular map[string]bool
	strays  []string // files it did not write, removed on Commit (Clean)
	// pool lists the regular files of the spare folder taken as tmp (see
	// takePool); nil when tmp began empty.
	pool     map[string]bool
	poolDirs map[string]bool
	unlock   func()
	// lookalikes are the folders beside the output folder named as its
	// staging folders but not marked as the generator's (removeLeftovers),
	// as a message names them.
	lookalikes []string
	spare      string // see SpareLookalike
	// noSpace tells that a file could not be written for want of space
	// (see keepPool).
	noSpace atomic.Bool
	done    bool
	// beforeRollback, set by tests, runs as a rollback begins: what it
	// does to the folders is what a full disk or changed permissions
	// would do to the undo steps.
	beforeRollback func(*undo)

	mu sync.Mutex
	// mkdirMu makes the staging folders one at a time. Two writers
	// making folders in one parent (helmet/) take turns on its lock in
	// the kernel, and the one waiting spins there while ext4 zeroes the
	// other's new folder block; on this project's virtual machine that
	// zeroing took up to 70 µs a folder, and the spinning 1.8–3.7 % of a
	// 100,000-pearl build's samples (perf). Waiting here parks the
	// goroutine instead, and its core renders.
	mkdirMu sync.Mutex
	paths   map[string]bool // this build's files, .gz included
	// order lists paths in the order Write was given them, which is
	// nearly the order they were made in and so lie in memory: sorted in
	// that order for the record, the paths of a 100,000-pearl build took
	// 31-34 ms of CPU against 52 ms in the map's order (each comparison
	// a read from anywhere in the heap), besides the 3.3 ms of going
	// over the map.
	order   []string
	changed []string // files staged in tmp
	written int
	bytes   int64
	// dirs are the staging folders made (slash paths inside tmp), so
	// that each costs one system call; a file looks up its folder and,
	// when new, the folder's parent. A map under a lock of its own: at
	// 100,000 page folders a sync.Map's trie took half as much again
	// (0.37 % of a build's CPU samples against 0.24 %).
	dirsMu sync.Mutex
	dirs   map[string]bool
}

// made reports whether the staging folder dir was made.
func (w *Writer) made(dir string) bool {
	w.dirsMu.Lock()
	defer w.dirsMu.Unlock()
	return w.dirs[dir]
}

// setMade records that the staging folder dir was made.
func (w *Writer) setMade(dir string) {
	w.dirsMu.Lock()
	w.dirs[dir] = true
	w.dirsMu.Unlock()
}

// Begin starts a build of the folder f. It waits while another build
// writes there, and removes what a killed build left beside it.
func Begin(ctx context.Context, f Folder, opts Options) (*Writer, error) {
	dir, real := f.dir, f.real
	if real == "" { // a Folder that Place did not make
		return nil, diag.OutputEmpty.Err()
	}
	parent := filepath.Dir(real)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, diag.OutputCannotMake.Err(parent, diag.Cause(err))
	}
	unlock, err := lock(ctx, parent)
	if err != nil {
		return nil, err
	}
	w := &Writer{dir: dir, real: real, opts: opts, unlock: unlock, paths: make(map[string]bool, opts.Files),
		order: make([]string, 0, opts.Files),
		dirs:  make(map[string]bool, opts.Files), keep: append(slices.Clone(DefaultKeep), opts.Keep...)}
	if err := w.begin(); err != nil {
		unlock()
		return nil, err
	}
	if opts.Minify {
		w.min = NewMinifier()
	}
	return w, nil
}

func (w *Writer) begin() error {
	parent, base := filepath.Dir(w.real), filepath.Base(w.real)
	for _, name := range removeLeftovers(parent, base) {
		w.lookalikes = append(w.lookalikes, filepath.Join(filepath.Dir(w.dir), name))
	}
	if abs := mustAbs(w.dir); abs != w.real {
		// Earlier versions replaced a linked output folder by a folder
		// of their own, and left their spare beside the link.
		removeLeftovers(filepath.Dir(abs), filepath.Base(abs))
	}
	info, err := os.Lstat(w.real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		w.fresh = true
	case err != nil:
		return diag.OutputCannotUse.Err(w.dir, diag.Cause(err))
	case !info.IsDir():
		return diag.OutputIsFile.Err(w.dir)
	default:
		var recorded bool
		w.old, recorded = readRecord(w.real)
		// --clean-out takes over a website's folder (an old build's, or
		// another generator's), not any folder a mistyped --out names:
		// one with neither a record nor a front page is surveyed as if
		// the flag were not given, and refused.
		clean := w.opts.Clean && (recorded || isFile(filepath.Join(w.real, "index.html")))
		strays, err := w.survey(clean)
		if err != nil {
			return err
		}
		if len(strays) > 0 && !clean {
			if w.opts.Clean {
				return diag.OutputCleanNotSite.Err(w.dir, pathList(strays))
			}
			return strayError(w.dir, strays, recorded)
		}
		w.strays = strays
	}
	tmp, err := makeStaging(parent, base)
	if err != nil {
		return diag.OutputCannotStage.Err(w.dir, diag.Cause(err))
	}
	w.tmp = filepath.Clean(tmp)
	if err := os.Chmod(w.tmp, 0o755); err != nil {
		return err
	}
	if !w.fresh {
		w.takePool()
	}
	if w.stage, err = openStage(w.tmp); err != nil {
		return diag.OutputCannotStage.Err(w.dir, diag.Cause(err))
	}
	return nil
}

// StagingMark is the file a build writes first in each folder it makes
// beside the output folder (".public.new-N": its staging folder, and
// the folder of what a commit removes), and which the spare folder
// keeps. The next build removes a leftover of that name only when it
// holds this file: a folder of the user's that is only named like one,
// or a leftover of a version that wrote no mark, is left alone.
const StagingMark = ".helminauha-staging"

// makeStaging makes a folder ".base.new-N" in parent, marked as the
// generator's (StagingMark) before anything else is put in it.
func makeStaging(parent, base string) (string, error) {
	dir, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, StagingMark), nil, 0o644); err != nil {
		os.Remove(dir)
		return "", err
	}
	return dir, nil
}

// removeLeftovers removes the staging folders of builds that were killed
// (".base.new-N" holding StagingMark), and empty folders of that name (a
// build killed before it marked its folder: removing an empty folder
// loses nothing). The caller holds the lock, so no build is using them.
// It returns the names of the folders of that name it left.
func removeLeftovers(parent, base string) (left []string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, "."+base+".new-")
		if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" || !e.IsDir() {
			continue
		}
		dir := filepath.Join(parent, name)
		if info, err := os.Lstat(filepath.Join(dir, StagingMark)); err == nil && info.Mode().IsRegular() {
			os.RemoveAll(dir)
		} else if syscall.Rmdir(dir) != nil {
			left = append(left, name)
		}
	}
	return left
}

// Lookalikes are the folders beside the output folder that are named as
// a build's staging folders (".public.new-N") but were not made by one,
// and were left as they are, as a message names them.
func (w *Writer) Lookalikes() []string { return w.lookalikes }

// survey lists the files in the output folder the generator did not
// write: not on the record and not kept; all of them when clean, else
// enough to refuse the folder. Folders are no one's: a build removes only
// those it emptied.
func (w *Writer) survey(clean bool) ([]string, error) {
	var strays []string
	w.regular = map[string]bool{}
	err := filepath.WalkDir(w.real, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return diag.OutputCannotRead.Err(w.dir, diag.Cause(err))
		}
		if p == w.real {
			return nil
		}
		rel := w.relReal(p)
		switch {
		case rel == RecordName:
		case w.kept(rel) != "":
			if d.IsDir() {
				return filepath.SkipDir
			}
		case d.IsDir():
		case !w.old[rel]:
			strays = append(strays, rel)
			if !clean && len(strays) > shownStrays {
				// Enough to refuse: a home folder is not walked whole.
				return filepath.SkipAll
			}
		case d.Type().IsRegular():
			w.regular[rel] = true
		}
		return nil
	})
	slices.Sort(strays)
	return strays, err
}

func (w *Writer) relReal(p string) string {
	r, _ := filepath.Rel(w.real, p)
	return filepath.ToSlash(r)
}

// kept is the kept path that p is or lies inside, or "".
func (w *Writer) kept(p string) string {
	for _, k := range w.keep {
		if p == k || strings.HasPrefix(p, k+"/") {
			return k
		}
	}
	return ""
}

// shownStrays is how many of the files it did not write a refusal names.
const shownStrays = 5

// strayError says why a build will not write into a folder that holds
// files it did not write, and what to do.
func strayError(dir string, strays []string, recorded bool) error {
	list := pathList(strays)
	if !recorded {
		return diag.OutputStraysOld.Err(diag.OutputStrays.With(dir, list))
	}
	return diag.OutputStrays.Err(dir, list)
}

// pathList is the first shownStrays of paths, for a message, and "and
// more" when there are more.
func pathList(paths []string) any {
	var list any = strings.Join(paths[:min(len(paths), shownStrays)], ", ")
	if len(paths) > shownStrays {
		list = diag.OutputAndMore.With(list)
	}
	return list
}

// mkdir makes the staging folder dir (a slash path inside tmp) and the
// folders it lies in, unless they were made.
func (w *Writer) mkdir(dir string) error {
	if dir == "." || w.made(dir) {
		return nil
	}
	// Parents first, once each.
	if err := w.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	if w.pool != nil {
		if w.poolDirs[dir] {
			w.setMade(dir)
			return nil
		}
		if w.pool[dir] {
			// A spare file where a folder goes now. Once: another
			// file may be going into the folder by now.
			w.mu.Lock()
			defer w.mu.Unlock()
			if w.made(dir) {
				return nil
			}
			os.Remove(w.stage.path(dir))
		}
	}
	w.mkdirMu.Lock()
	err := w.stage.mkdir(dir)
	w.mkdirMu.Unlock()
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.setMade(dir)
	return nil
}

// Write minifies f (when asked), and stages it and its .gz (when asked)
// unless the output folder holds their bytes already. It is safe for
// concurrent use. Two files with the same path are an error, and so is a
// file where a kept one is.
func (w *Writer) Write(f File) error {
	if !localSlash(f.Path) {
		return diag.OutputLeaves.Err(f.Path)
	}
	gz := w.opts.Gzip && compressible(f)
	names := []string{f.Path}
	if gz {
		names = append(names, f.Path+".gz")
	}
	for _, p := range names {
		if p == RecordName {
			return diag.OutputRecordName.Err(p)
		}
		if k := w.keptOver(p); k != "" {
			return diag.OutputKeptOver.Err(p, k)
		}
	}
	w.mu.Lock()
	for _, p := range names {
		if w.paths[p] {
			w.mu.Unlock()
			return diag.BuildTwoFiles.Err(p)
		}
	}
	for _, p := range names {
		w.paths[p] = true
	}
	w.order = append(w.order, names...)
	w.mu.Unlock()
	if w.min != nil {
		var err error
		var done func()
		if f, done, err = w.min.minifyTemp(f); err != nil {
			return err
		}
		defer done()
	}
	if err := w.put(f.Path, f.Data); err != nil {
		return err
	}
	if gz {
		data, err := gzipped(f.Data)
		if err != nil {
			return err
		}
		if err := w.put(f.Path+".gz", data); err != nil {
			return err
		}
	}
	w.mu.Lock()
	w.written += len(names)
	w.bytes += int64(len(f.Data))
	w.mu.Unlock()
	return nil
}

// keptOver is the kept path that writing p would replace or write into,
// or "".
func (w *Writer) keptOver(p string) string {
	if k := w.kept(p); k != "" {
		return k
	}
	for _, k := range w.keep {
		if strings.HasPrefix(k, p+"/") {
			return k
		}
	}
	return ""
}

// put stages data as the file rel, unless the output folder's file of
// that name, written by an earlier build, holds it already.
func (w *Writer) put(rel string, data []byte) error {
	if w.regular[rel] && holds(filepath.Join(w.real, filepath.FromSlash(rel)), data) {
		return nil
	}
	if err := w.mkdir(path.Dir(rel)); err != nil {
		return err
	}
	err := w.stage.write(rel, data)
	if err != nil && w.pool != nil {
		// A spare folder, or a read-only file, where the file goes.
		os.RemoveAll(w.stage.path(rel))
		err = w.stage.write(rel, data)
	}
	if err != nil {
		w.full(err)
		return err
	}
	if !w.fresh {
		w.mu.Lock()
		w.changed = append(w.changed, rel)
		w.mu.Unlock()
	}
	return nil
}

// Written returns how many files and bytes (before gzip) were written.
func (w *Writer) Written() (files int, bytes int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written, w.bytes
}

// Commit puts the build in place: a new folder is renamed into place
// whole; into an existing one each changed file is renamed, the recorded
// files this build did not write are removed, and the record is written.
// The record lists the old and the new files while the folder holds both,
// so that a build killed half way leaves no file the next one thinks
// someone else's. When ctx is done before the commit has ended, it puts
// the folder back as it was and returns ctx's error.
func (w *Writer) Commit(ctx context.Context) error {
	if w.done {
		return nil
	}
	w.done = true
	defer w.unlock()
	w.stage.close()
	if err := ctx.Err(); err != nil {
		w.discard()
		return err
	}
	files := w.order
	if w.fresh {
		// The staging folder becomes the output folder, so its mark
		// goes first: a build killed between the two leaves a folder
		// the next one takes for no leftover of its own, and leaves.
		err := os.Remove(filepath.Join(w.tmp, StagingMark))
		if err == nil {
			err = writeRecord(w.tmp, w.tmp, files)
		}
		if err == nil {
			err = os.Rename(w.tmp, w.real)
		}
		if err != nil {
			os.RemoveAll(w.tmp)
			return diag.OutputCannotPlace.Err(w.dir, diag.Cause(err))
		}
		return nil
	}
	defer w.keepPool()
	// What the commit changes in the folder is remembered, so that a
	// commit that fails half way (a folder it may not write, a full
	// disk) puts the folder back as it was: the removed files wait in a
	// folder beside, named as a staging folder so that the next build
	// removes it if this one is killed. Without that folder a removal
	// could not be undone, so nothing is changed.
	trash, err := makeStaging(filepath.Dir(w.real), filepath.Base(w.real))
	if err != nil {
		return diag.OutputCannotStage.Err(w.dir, diag.Cause(err))
	}
	defer os.RemoveAll(trash)
	u := &undo{trash: trash, placed: make([]placed, 0, len(w.changed))}
	if os.Link(filepath.Join(w.real, RecordName), filepath.Join(trash, RecordName)) == nil {
		u.record = true
	} else {
		// No second name (no hard links here): its bytes.
		u.recordData, _ = os.ReadFile(filepath.Join(w.real, RecordName))
	}
	both := slices.Collect(maps.Keys(w.old))
	for _, p := range files {
		if !w.old[p] {
			both = append(both, p)
		}
	}
	// A program that ends on a second signal waits for this (Settle):
	// ended half way, the commit would leave the folder mixed.
	commits.RLock()
	defer commits.RUnlock()
	if err := writeRecord(w.real, w.tmp, both); err != nil {
		w.full(err)
		// Written beside and renamed in, the record is the first name
		// the commit changes in the folder: nothing else has changed.
		return diag.OutputPutBack.Err(diag.OutputCannotWrite.With(w.dir, diag.Cause(err)), w.dir)
	}
	holdCommit(ctx)
	// The files it did not write go first: one may be a link where a
	// folder of recorded files was, and removing those through it would
	// remove files outside the folder.
	gone := slices.Clone(w.strays)
	for p := range w.old {
		// A kept file stays even when the record lists it.
		if !w.paths[p] && w.kept(p) == "" {
			gone = append(gone, p)
		}
	}
	if rel, err := w.remove(ctx, gone, u); err != nil {
		return w.rollback(u, w.failure(ctx, err, diag.OutputCannotRemove, rel))
	}
	made := map[string]bool{}
	for _, rel := range w.changed {
		err := ctx.Err()
		if err == nil {
			err = w.place(rel, made, u)
		}
		if err != nil {
			return w.rollback(u, w.failure(ctx, err, diag.OutputCannotPlaceFile, rel))
		}
	}
	if err := writeRecord(w.real, w.tmp, files); err != nil {
		w.full(err)
		return w.rollback(u, diag.OutputCannotWrite.Err(w.dir, diag.Cause(err)))
	}
	return nil
}

// failure is why a commit stops at the file rel: ctx's error when ctx is
// done, or else m (of rel, the folder and err's cause).
func (w *Writer) failure(ctx context.Context, err error, m *diag.Message, rel string) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return m.Err(rel, w.dir, diag.Cause(err))
}

// discard removes the staging folder of a build that is not committed,
// keeping it as the spare folder when the output folder exists.
func (w *Writer) discard() {
	if w.fresh {
		os.RemoveAll(w.tmp)
	} else {
		w.keepPool()
	}
}

// holdCommit runs once a commit's record lists the files of both builds,
// before it changes anything else. It does nothing but in a binary built
// with the testhooks tag, whose tests hold a commit there to signal it
// mid-way (hold_testhooks.go): a commit of a few hundred files is over
// in milliseconds, sooner than a test can stop it from outside. ctx is
// the commit's, so that the test can see its signal taken.
var holdCommit = func(context.Context) {}

// commits are held, for reading, by the commits changing an output
// folder (see Settle).
var commits sync.RWMutex

// Settle waits for the commits under way to end, a rollback included, and
// keeps any other from starting: a program that exits then leaves no
// output folder half changed. It is for a program about to exit, and
// never returns the commits their turn.
func Settle() { commits.Lock() }

// ErrMixed is in the error of a commit that failed and could not put
// every file of the output folder back as it was (errors.Is).
var ErrMixed = errors.New("the output folder may be mixed")

// mixedError is a commit's failure, with the note that the folder may now
// be mixed: its text is both, and errors.Is finds ErrMixed and what the
// failure wrapped (a done context's error).
type mixedError struct {
	diag.TextError
	why error
}

func (e mixedError) Unwrap() []error { return []error{e.TextError, e.why, ErrMixed} }

// undo is what a commit changed in the output folder (see rollback).
type undo struct {
	trash  string // the folder beside holding what it removed
	record bool   // trash holds the old record (a second name of it)
	// recordData is the old record's bytes when trash does not hold it
	// (nil when there was none).
	recordData []byte
	// gone are the removed files, each at trash/<its index>, and
	// rmdirs the folders they left empty, in the order removed.
	gone   []string
	rmdirs []string
	placed []placed
	mkdirs []string // the folders place made, in the order made
}

// placed is a file renamed into the output folder.
type placed struct {
	rel string
	// exchanged tells that the old file was swapped into the staging
	// folder; else there was none, an empty folder (wasDir), or the old
	// file has a second name in trash (saved, at trash/s<index>).
	exchanged, wasDir, saved bool
}

// rollback puts the output folder back as it was before the commit u
// was, as far as it can, and returns why the commit failed with a word on
// the folder: the placed files go back to the staging folder (the old ones
// back in place), the folders made are removed, the removed files and
// folders come back, and so does the old record. When one of those steps
// fails too (the disk still full, permissions changed), the error says
// so, naming the paths it could not put back; the record then lists the
// files of both builds, so that the next build replaces or removes every
// one of them.
func (w *Writer) rollback(u *undo, why error) error {
	if w.beforeRollback != nil {
		w.beforeRollback(u)
	}
	var notBack []string
	var cause error
	fail := func(rel string, err error) {
		if err != nil {
			notBack = append(notBack, rel)
			cause = cmp.Or(cause, err)
		}
	}
	real := func(rel string) string { return filepath.Join(w.real, filepath.FromSlash(rel)) }
	for i, p := range slices.Backward(u.placed) {
		target, staged := real(p.rel), filepath.Join(w.tmp, filepath.FromSlash(p.rel))
		switch {
		case p.exchanged:
			fail(p.rel, exchange(staged, target))
		case p.saved:
			err := os.Rename(target, staged)
			if err == nil {
				err = os.Rename(filepath.Join(u.trash, "s"+strconv.Itoa(i)), target)
			}
			fail(p.rel, err)
		default:
			err := os.Rename(target, staged)
			if err == nil && p.wasDir {
				err = os.Mkdir(target, 0o755)
			}
			fail(p.rel, err)
		}
	}
	for _, d := range slices.Backward(u.mkdirs) {
		// A folder that stays because a file in it could not be taken
		// back is named by that file.
		if err := syscall.Rmdir(real(d)); !holdsOneOf(d, notBack) {
			fail(d+"/", err)
		}
	}
	for _, d := range slices.Backward(u.rmdirs) {
		if err := os.Mkdir(real(d), 0o755); !errors.Is(err, fs.ErrExist) {
			fail(d+"/", err)
		}
	}
	for i, p := range u.gone {
		fail(p, os.Rename(filepath.Join(u.trash, strconv.Itoa(i)), real(p)))
	}
	if len(notBack) > 0 {
		// The record of both builds stays (see above).
		slices.Sort(notBack)
		return w.mixed(why, cause, notBack)
	}
	var err error
	switch staged := filepath.Join(w.tmp, RecordName); {
	case u.record:
		err = os.Rename(filepath.Join(u.trash, RecordName), real(RecordName))
	case u.recordData != nil:
		if err = os.WriteFile(staged, u.recordData, 0o644); err == nil {
			err = os.Rename(staged, real(RecordName))
		}
	default:
		err = os.Remove(real(RecordName))
	}
	if err != nil {
		return w.mixed(why, err, []string{RecordName})
	}
	if stopped(why) {
		return why
	}
	return diag.OutputPutBack.Err(diag.Cause(why), w.dir)
}

// stopped reports whether err is a done context's: the build was stopped.
func stopped(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// mixed is the error of a commit that failed (why) and could not put the
// paths notBack back as they were (cause: the first reason).
func (w *Writer) mixed(why, cause error, notBack []string) error {
	reason := diag.Cause(why)
	if stopped(why) {
		reason = diag.OutputStopped.With()
	}
	note := diag.OutputMixed.With(reason, w.dir, diag.Cause(cause), pathList(notBack))
	return mixedError{diag.TextError{Text: note}, why}
}

// holdsOneOf reports whether one of paths lies inside the folder dir
// (slash paths).
func holdsOneOf(dir string, paths []string) bool {
	for _, p := range paths {
		if strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}

// remove moves the files gone from the output folder into the trash
// folder of u, and removes the folders they leave empty that this build
// does not write into. It stops at the first file it cannot remove, or
// when ctx is done, and returns that file with the error.
func (w *Writer) remove(ctx context.Context, gone []string, u *undo) (string, error) {
	if len(gone) == 0 {
		return "", nil
	}
	used := map[string]bool{}
	for p := range w.paths {
		for d := path.Dir(p); d != "." && !used[d]; d = path.Dir(d) {
			used[d] = true
		}
	}
	for _, p := range gone {
		if err := ctx.Err(); err != nil {
			return p, err
		}
		// Moved beside, not followed if a link, until the commit is
		// done (see undo).
		err := os.Rename(filepath.Join(w.real, filepath.FromSlash(p)), filepath.Join(u.trash, strconv.Itoa(len(u.gone))))
		switch {
		case err == nil:
			u.gone = append(u.gone, p)
		case !errors.Is(err, fs.ErrNotExist):
			return p, unwrapPath(err)
		}
		for d := path.Dir(p); d != "." && !used[d]; d = path.Dir(d) {
			if os.Remove(filepath.Join(w.real, filepath.FromSlash(d))) != nil {
				break
			}
			u.rmdirs = append(u.rmdirs, d)
		}
	}
	return "", nil
}

// place renames the staged file rel into the output folder, making the
// folders on its way (made remembers them). A file there is exchanged
// with the staged one, which leaves its inode in the spare folder for the
// next build to write into.
func (w *Writer) place(rel string, made map[string]bool, u *undo) error {
	var dirs []string
	for d := path.Dir(rel); d != "." && !made[d]; d = path.Dir(d) {
		dirs = append(dirs, d)
	}
	for _, d := range slices.Backward(dirs) {
		// Most are there already: one stat tells, where making them
		// first failed and then took the stat anyway.
		name := filepath.Join(w.real, filepath.FromSlash(d))
		info, err := os.Lstat(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			err = os.Mkdir(name, 0o755)
			if err == nil {
				made[d] = true
				u.mkdirs = append(u.mkdirs, d)
				continue
			}
			if !errors.Is(err, fs.ErrExist) {
				return unwrapPath(err)
			}
			info, err = os.Lstat(name)
		case err != nil:
			return unwrapPath(err)
		}
		if err != nil || !info.IsDir() {
			return diag.OutputNotFolder.Err(d)
		}
		made[d] = true
	}
	target := filepath.Join(w.real, filepath.FromSlash(rel))
	staged := filepath.Join(w.tmp, filepath.FromSlash(rel))
	info, lerr := os.Lstat(target)
	if lerr == nil && info.Mode().IsRegular() && exchange(staged, target) == nil {
		u.placed = append(u.placed, placed{rel: rel, exchanged: true})
		return nil
	}
	p := placed{rel: rel}
	if lerr == nil && !info.IsDir() && u.trash != "" {
		// Renamed over where exchange is not supported: the old file
		// keeps a second name beside until the commit is done.
		p.saved = os.Link(target, filepath.Join(u.trash, "s"+strconv.Itoa(len(u.placed)))) == nil
	}
	err := os.Rename(staged, target)
	if err != nil {
		// An empty folder where the file goes: no one's, it may go.
		if lerr == nil && info.IsDir() && os.Remove(target) == nil {
			p.wasDir = true
			err = os.Rename(staged, target)
			if err != nil {
				os.Mkdir(target, 0o755)
			}
		}
	}
	if err == nil {
		u.placed = append(u.placed, p)
	}
	return unwrapPath(err)
}

// Abort ends a build that will not be committed: the output folder stays
// as it was, and the staged files are kept as the spare folder. After
// Commit it does nothing.
func (w *Writer) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.stage.close()
	w.discard()
	w.unlock()
}

// isFile reports whether name is a regular file (a link followed).
func isFile(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}
