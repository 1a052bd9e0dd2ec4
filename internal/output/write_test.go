package output

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/helminauha/helminauha/internal/diag"
)

// beginIn begins a build of dir, which Place accepts with no guard.
func beginIn(ctx context.Context, dir string, opts Options) (*Writer, error) {
	f, err := Place(dir, nil)
	if err != nil {
		return nil, err
	}
	return Begin(ctx, f, opts)
}

func begin(t *testing.T, dir string, opts Options) *Writer {
	t.Helper()
	w, err := beginIn(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestCommitReplacesAndAbortKeeps(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build(t, dir, map[string]string{"old.html": "old"})

	w := begin(t, dir, Options{Minify: true, Gzip: true})
	w.Write(File{Path: "a/b/index.html", Data: []byte("<p>  hei   maailma  </p>"), Type: "text/html"})
	w.Abort()
	if data, _ := os.ReadFile(filepath.Join(dir, "old.html")); string(data) != "old" {
		t.Fatalf("Abort touched the old folder")
	}
	if _, err := os.Stat(filepath.Join(dir, "a")); !os.IsNotExist(err) {
		t.Fatalf("an aborted build wrote into the folder")
	}

	w = begin(t, dir, Options{Minify: true, Gzip: true})
	for _, f := range []File{
		{Path: "a/b/index.html", Data: []byte("<html lang=\"fi\"><body><p>  hei   maailma  </p></body></html>"), Type: "text/html"},
		{Path: "a/c.css", Data: []byte("body {  color : red ; }"), Type: "text/css"},
		{Path: "kuva.png", Data: []byte{0x89, 'P', 'N', 'G'}},
	} {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Write(File{Path: "a/c.css", Data: []byte("x")}); err == nil || !strings.Contains(err.Error(), "two files") {
		t.Errorf("a second file at one path must be an error, got %v", err)
	}
	if err := w.Write(File{Path: "../pois.html", Data: []byte("x")}); err == nil {
		t.Errorf("a path out of the folder must be an error")
	}
	if err := w.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "old.html")); !os.IsNotExist(err) {
		t.Errorf("the old file survived the commit")
	}
	html, _ := os.ReadFile(filepath.Join(dir, "a/b/index.html"))
	if got := string(html); !strings.Contains(got, `<html lang="fi">`) || !strings.Contains(got, "<p>hei maailma</p>") {
		t.Errorf("minified HTML: %q", got)
	}
	if css, _ := os.ReadFile(filepath.Join(dir, "a/c.css")); string(css) != "body{color:red}" {
		t.Errorf("minified CSS: %q", css)
	}
	gz, err := os.ReadFile(filepath.Join(dir, "a/c.css.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(zr); string(plain) != "body{color:red}" {
		t.Errorf(".gz holds %q", plain)
	}
	if _, err := os.Stat(filepath.Join(dir, "kuva.png.gz")); !os.IsNotExist(err) {
		t.Errorf("a PNG was gzipped")
	}
	if files, _ := w.Written(); files != 5 {
		t.Errorf("written: got %d files, want 5 (3 and two .gz)", files)
	}
	alone(t, dir)
}

// beside lists the names in root.
func beside(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// alone checks that nothing is left beside dir but its spare folder.
func alone(t *testing.T, dir string) {
	t.Helper()
	left := slices.DeleteFunc(beside(t, filepath.Dir(dir)), func(name string) bool { return name == "."+filepath.Base(dir)+".spare" })
	if len(left) != 1 {
		t.Errorf("left beside %s: %v", dir, left)
	}
}

// build writes files (path → content) into dir with a Writer and commits.
func build(t *testing.T, dir string, files map[string]string, opts ...Options) {
	t.Helper()
	w := begin(t, dir, append(opts, Options{})[0])
	for p, c := range files {
		if err := w.Write(File{Path: p, Data: []byte(c)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// contents lists every entry under dir but the record: a file's content,
// "<dir>" or "<link>".
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir || d.Name() == RecordName {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			m[filepath.ToSlash(rel)] = "<link>"
		case d.IsDir():
			m[filepath.ToSlash(rel)] = "<dir>"
		default:
			data, _ := os.ReadFile(p)
			m[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return m
}

// snapshot is every entry under dir, the record included, with its mode,
// modification time and content: equal snapshots mean nothing changed.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		info, err := os.Lstat(p)
		if err != nil {
			return nil
		}
		s := info.Mode().String() + " " + info.ModTime().String()
		if info.Mode().IsRegular() {
			data, _ := os.ReadFile(p)
			s += " " + string(data)
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			s += " -> " + target
		}
		m[p] = s
		return nil
	})
	return m
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// Builds in a row replace and remove the files they wrote, leave a file
// that holds the same bytes alone, and leave alone every file they did
// not write that is kept.
func TestRepeatedBuildsReplaceOnlyTheirFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, map[string]string{"a/index.html": "1", "b/index.html": "1", "c.css": "1", "h/x/index.html": "1", "k.html": "same"})
	// A Pages checkout: its .git and CNAME, and a file site.yaml keeps.
	for name, data := range map[string]string{".git/HEAD": "ref: refs/heads/gh-pages\n", "CNAME": "helmet.example.fi\n", ".nojekyll": "", "lataukset/iso.zip": "zip"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	keep := Options{Keep: []string{"lataukset"}}
	same := inode(t, filepath.Join(dir, "k.html"))
	long := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(filepath.Join(dir, "k.html"), long, long)
	build(t, dir, map[string]string{"a/index.html": "2", "b/index.html": "2", "d/x/index.html": "2", "k.html": "same"}, keep)
	build(t, dir, map[string]string{"a/index.html": "3", "e/index.html": "3", "h/y/index.html": "3", "k.html": "same"}, keep)

	want := map[string]string{"a": "<dir>", "a/index.html": "3", "e": "<dir>", "e/index.html": "3",
		"h": "<dir>", "h/y": "<dir>", "h/y/index.html": "3", "k.html": "same",
		".git": "<dir>", ".git/HEAD": "ref: refs/heads/gh-pages\n", "CNAME": "helmet.example.fi\n", ".nojekyll": "",
		"lataukset": "<dir>", "lataukset/iso.zip": "zip"}
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("after the third build:\n got %v\nwant %v", got, want)
	}
	// A file that already held the same bytes was not written again.
	if fi, err := os.Stat(filepath.Join(dir, "k.html")); err != nil || !fi.ModTime().Equal(long) {
		t.Errorf("k.html did not change but was written again (modified %v)", fi.ModTime())
	}
	if got := inode(t, filepath.Join(dir, "k.html")); got != same {
		t.Errorf("k.html is a new inode")
	}
	record, _ := readRecord(dir)
	if got := slices.Sorted(maps.Keys(record)); !slices.Equal(got, []string{"a/index.html", "e/index.html", "h/y/index.html", "k.html"}) {
		t.Errorf("the record lists %q", got)
	}
	alone(t, dir)
}

// A folder that holds files the generator did not write is refused, with
// their names and nothing changed, unless Clean says to remove them and
// the folder is a website's.
func TestFilesItDidNotWriteAreRefused(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "kotisivu")
	os.MkdirAll(filepath.Join(dir, "kuvat"), 0o755)
	os.WriteFile(filepath.Join(dir, "kuvat", "loma.jpg"), []byte("jpg"), 0o644)
	os.WriteFile(filepath.Join(dir, "CNAME"), []byte("x.fi"), 0o644)
	before := snapshot(t, root)
	_, err := beginIn(context.Background(), dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "holds files helminauha did not write (kuvat/loma.jpg)") || !strings.Contains(err.Error(), "--clean-out") {
		t.Fatalf("Begin: %v", err)
	}
	if after := snapshot(t, root); !maps.Equal(after, before) {
		t.Errorf("a refused build changed the folder or beside it")
	}
	// The same when an earlier build's record does not list them.
	build(t, filepath.Join(root, "public"), map[string]string{"index.html": "1"})
	os.WriteFile(filepath.Join(root, "public", "oma.html"), []byte("mine"), 0o644)
	before = snapshot(t, root)
	if _, err := beginIn(context.Background(), filepath.Join(root, "public"), Options{}); err == nil || !strings.Contains(err.Error(), "(oma.html)") {
		t.Fatalf("Begin over an unrecorded file: %v", err)
	}
	if after := snapshot(t, root); !maps.Equal(after, before) {
		t.Errorf("a refused build changed the folder or beside it")
	}

	// Clean takes over a website's folder, not any: kotisivu has no front
	// page and no record, as a mistyped --out would not.
	before = snapshot(t, root)
	if _, err := beginIn(context.Background(), dir, Options{Clean: true}); err == nil || !strings.Contains(err.Error(), "does not look like a website") || !strings.Contains(err.Error(), "(kuvat/loma.jpg)") {
		t.Fatalf("Begin with Clean over a folder that is no website: %v", err)
	}
	if after := snapshot(t, root); !maps.Equal(after, before) {
		t.Errorf("a refused build with Clean changed the folder or beside it")
	}
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("vanha etusivu"), 0o644)
	build(t, dir, map[string]string{"index.html": "hei"}, Options{Clean: true})
	if got, want := contents(t, dir), map[string]string{"index.html": "hei", "CNAME": "x.fi"}; !maps.Equal(got, want) {
		t.Errorf("after a build with Clean: %v, want %v", got, want)
	}
}

// Folders a build must not write: each is refused before anything
// changes.
func TestPlaceRefuses(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	home := t.TempDir()
	t.Setenv("HOME", home)
	os.Symlink(home, "koti")
	for _, d := range []string{"portaali/content/helmet", "portaali/themes/oma", "www"} {
		os.MkdirAll(d, 0o755)
	}
	os.WriteFile("tiedosto.txt", []byte("x"), 0o644)
	os.Symlink("olematon", "katkennut")
	os.Symlink("portaali/content", "linkki")
	guard := []string{"portaali/content", "portaali/themes"}
	for _, tc := range []struct{ out, want string }{
		{"tiedosto.txt", "is a file, not a folder"},
		{"/", "is the root folder"},
		{"koti", "your home folder"},
		{".", "the folder you run helminauha in"},
		{"..", "is or holds"},
		{"portaali/content", "is portaali/content, which the build reads"},
		{"linkki", "is portaali/content, which the build reads"},
		{"portaali", "holds portaali/content"},
		{"portaali/content/helmet", "lies inside portaali/content"},
		{"portaali/content/public", "lies inside portaali/content"},
		{"portaali/themes", "is portaali/themes"},
		{"katkennut", "symbolic link that leads nowhere"},
		{"", "--out is empty"},
	} {
		before := snapshot(t, root)
		_, err := Place(tc.out, guard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("--out %q: got %v, want %q", tc.out, err, tc.want)
		}
		if after := snapshot(t, root); !maps.Equal(after, before) {
			t.Errorf("--out %q changed files", tc.out)
		}
	}
	if _, err := Place("portaali/public", guard); err != nil {
		t.Errorf("portaali/public beside the content: %v", err)
	}
}

// A linked output folder (to a web root) is written through: the link
// stays, and the folder it points to gets the files.
func TestLinkedOutputIsWrittenThrough(t *testing.T) {
	root := t.TempDir()
	web := filepath.Join(root, "www", "helmet")
	os.MkdirAll(web, 0o755)
	link := filepath.Join(root, "portaali", "public")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(web, link); err != nil {
		t.Fatal(err)
	}
	build(t, link, map[string]string{"index.html": "1", "a/index.html": "1"})
	build(t, link, map[string]string{"index.html": "2"})
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got, want := contents(t, web), map[string]string{"index.html": "2"}; !maps.Equal(got, want) {
		t.Errorf("the linked folder holds %v, want %v", got, want)
	}
	alone(t, web)
	alone(t, link)
}

// What a killed build leaves beside the output (its staging folder,
// marked as the generator's, or one it was killed before marking, which
// is empty) goes with the next build; other names stay, a folder of the
// user's named as a staging folder is (".public.new-2024", with no mark)
// among them, as is a leftover of an earlier version, which wrote no mark.
// The spare folder a build kept is the next one's.
func TestLeftoversAreRemoved(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build(t, dir, map[string]string{"index.html": "1"})
	// A build killed before Commit: its staging folder stays, the output
	// is whole.
	w := begin(t, dir, Options{})
	w.Write(File{Path: "index.html", Data: []byte("2")})
	w.unlock()
	for _, name := range []string{".public.spare/x/index.html", ".public.new-123.old/index.html", ".public.new-notes/keep.txt", "public-vanha/index.html",
		".public.new-2024/muistiinpanot.txt", ".public.new-77/" + StagingMark, ".public.new-77/a/index.html"} {
		os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755)
		os.WriteFile(filepath.Join(root, name), []byte("x"), 0o644)
	}
	os.Mkdir(filepath.Join(root, ".public.new-78"), 0o755)
	// The spare folder an earlier build kept.
	os.WriteFile(filepath.Join(root, ".public.spare", StagingMark), nil, 0o644)
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "1" {
		t.Fatalf("a build killed before Commit changed the output: %q", data)
	}
	build(t, dir, map[string]string{"index.html": "3"})
	left := beside(t, root)
	if want := []string{".public.new-123.old", ".public.new-2024", ".public.new-notes", ".public.spare", "public", "public-vanha"}; !slices.Equal(left, want) {
		t.Errorf("beside the output: %v, want %v", left, want)
	}
	// The spare folder keeps files of the site's paths only, and the
	// mark, which it carries into the next build's staging folder.
	if got := contents(t, filepath.Join(root, ".public.spare")); len(got) != 2 || got["index.html"] == "" || got[StagingMark] != "" {
		t.Errorf("the spare folder holds %v, want index.html and %s alone", got, StagingMark)
	}
}

// A second build into one folder waits for the first.
func TestBuildsTakeTurns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	w := begin(t, dir, Options{})
	w.Write(File{Path: "index.html", Data: []byte("1")})
	done, cancel := context.WithCancel(context.Background())
	cancel()
	// With the first build under way, a second gives up only because
	// its context is done: it waited for the lock.
	if _, err := beginIn(done, dir, Options{}); err != context.Canceled {
		t.Fatalf("a second build did not wait: %v", err)
	}
	if err := w.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	w2, err := beginIn(done, dir, Options{})
	if err != nil {
		t.Fatalf("after the first build, the second could not begin: %v", err)
	}
	w2.Abort()
}

// Whatever a user made of the files a build wrote, the next build puts
// its own in place, and never writes through a link or into a file with
// other names.
func TestChangedFilesAreReplacedNotWrittenThrough(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build(t, dir, map[string]string{"a/index.html": "a", "g": "g", "h.html": "h", "i.html": "i", "j.html": "j", "z/old.txt": "z"})
	outside := filepath.Join(root, "outside.txt")
	os.WriteFile(outside, []byte("keep me"), 0o644)
	os.Remove(filepath.Join(dir, "a/index.html"))
	os.Symlink(outside, filepath.Join(dir, "a/index.html"))
	// A link to the very bytes the build writes is no file of them.
	same := filepath.Join(root, "same.txt")
	os.WriteFile(same, []byte("J"), 0o644)
	os.Remove(filepath.Join(dir, "j.html"))
	os.Symlink(same, filepath.Join(dir, "j.html"))
	os.Chmod(filepath.Join(dir, "h.html"), 0o444)
	backup := filepath.Join(root, "backup.html")
	os.WriteFile(backup, []byte("backup"), 0o644)
	os.Remove(filepath.Join(dir, "i.html"))
	os.Link(backup, filepath.Join(dir, "i.html"))

	build(t, dir, map[string]string{"a/index.html": "A", "g/index.html": "G", "h.html": "H", "i.html": "I", "j.html": "J"})
	want := map[string]string{"a": "<dir>", "a/index.html": "A", "g": "<dir>", "g/index.html": "G", "h.html": "H", "i.html": "I", "j.html": "J"}
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("output:\n got %v\nwant %v", got, want)
	}
	untouched(t, "output", outside, backup)
}

// A build that changes every file writes into the inodes the build before
// it replaced, kept in the spare folder, and makes none: on ext4 new
// inodes are slow to find after many were freed.
func TestChangedFilesReuseInodes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, map[string]string{"a/index.html": "1", "b.css": "1"})
	first := inode(t, filepath.Join(dir, "a/index.html"))
	build(t, dir, map[string]string{"a/index.html": "2", "b.css": "2"})
	build(t, dir, map[string]string{"a/index.html": "3", "b.css": "3"})
	if got := inode(t, filepath.Join(dir, "a/index.html")); got != first {
		t.Errorf("a/index.html is a new inode (%d), not the first build's (%d)", got, first)
	}
	if got := contents(t, dir); got["a/index.html"] != "3" || got["b.css"] != "3" {
		t.Errorf("after the third build: %v", got)
	}
}

// Whatever is found in the spare folder, writing never follows a link out
// of it or changes a file with other names.
func TestSpareFolderJunkIsCleared(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build(t, dir, map[string]string{"a/index.html": "1", "f.css/x": "1", "g": "1", "i.html": "1"})
	outside := filepath.Join(root, "outside.txt")
	os.WriteFile(outside, []byte("keep me"), 0o644)
	spare := filepath.Join(root, ".public.spare")
	for _, d := range []string{"a", "f.css", "zz"} {
		os.MkdirAll(filepath.Join(spare, d), 0o755)
	}
	os.WriteFile(filepath.Join(spare, StagingMark), nil, 0o644)
	os.Symlink(outside, filepath.Join(spare, "a/index.html"))
	os.WriteFile(filepath.Join(spare, "f.css", "x"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(spare, "g"), []byte("a file where a folder goes"), 0o644)
	os.WriteFile(filepath.Join(spare, "h.html"), []byte("old"), 0o444)
	os.Symlink(root, filepath.Join(spare, "up"))
	backup := filepath.Join(root, "backup.html")
	os.WriteFile(backup, []byte("backup"), 0o644)
	os.Link(backup, filepath.Join(spare, "i.html"))

	build(t, dir, map[string]string{"a/index.html": "A", "f.css": "F", "g/index.html": "G", "h.html": "H", "i.html": "I"})
	want := map[string]string{"a": "<dir>", "a/index.html": "A", "f.css": "F", "g": "<dir>", "g/index.html": "G", "h.html": "H", "i.html": "I"}
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("output:\n got %v\nwant %v", got, want)
	}
	untouched(t, "spare", outside, backup)
}

// A folder named as the spare folder that no build made (no StagingMark:
// the user's own, or an earlier version's) is neither written into nor
// emptied nor replaced by the build's spare, and is named; an empty one,
// which a rename would have replaced, and a file of that name too. Before,
// the build marked it as its own, wrote into it and removed the files of
// paths it did not write.
func TestUsersSpareFolderIsLeftAlone(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string // in the spare folder; nil: an empty one
		file  bool              // a file of that name, not a folder
	}{
		{"notes", map[string]string{"muistiinpanot.txt": "omat", "index.html": "oma etusivu"}, false},
		{"empty", nil, false},
		{"a file", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "public")
			build(t, dir, map[string]string{"index.html": "1", "a.html": "1"})
			spare := filepath.Join(root, ".public.spare")
			if tc.file {
				os.WriteFile(spare, []byte("oma"), 0o644)
			} else {
				os.Mkdir(spare, 0o755)
			}
			for name, data := range tc.files {
				os.WriteFile(filepath.Join(spare, name), []byte(data), 0o644)
			}
			of := func(all map[string]string) map[string]string {
				m := map[string]string{}
				for name, data := range all {
					if strings.HasPrefix(name, ".public.spare") {
						m[name] = data
					}
				}
				return m
			}
			before := of(contents(t, root))
			for i := range 3 {
				w := begin(t, dir, Options{})
				w.Write(File{Path: "index.html", Data: []byte{'2' + byte(i)}})
				if err := w.Commit(context.Background()); err != nil {
					t.Fatal(err)
				}
				if got := w.SpareLookalike(); got != spare {
					t.Errorf("build %d names %q as the spare folder no build made, want %q", i+2, got, spare)
				}
			}
			if after := of(contents(t, root)); !maps.Equal(after, before) {
				t.Errorf("the user's .public.spare holds\n%v\nwas\n%v", after, before)
			}
			if got := contents(t, dir); got["index.html"] != "4" || got["a.html"] != "" {
				t.Errorf("output: %v", got)
			}
		})
	}
}

// untouched checks that the files a link (outside) and a hard link
// (backup) in the folder where led to were not written.
func untouched(t *testing.T, where, outside, backup string) {
	t.Helper()
	if data, _ := os.ReadFile(outside); string(data) != "keep me" {
		t.Errorf("a link in the %s was written through: outside.txt holds %q", where, data)
	}
	if data, _ := os.ReadFile(backup); string(data) != "backup" {
		t.Errorf("a file hard-linked from the %s was written in place: backup.html holds %q", where, data)
	}
}

// The .gz files beside a build's files stay; those of files the build no
// longer writes go with them.
func TestRepeatedBuildsKeepGzip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	for _, files := range []map[string]string{{"a.html": "1", "b.html": "1"}, {"a.html": "2"}, {"a.html": "3"}} {
		build(t, dir, files, Options{Gzip: true})
	}
	got := contents(t, dir)
	if len(got) != 2 || got["a.html"] != "3" || got["a.html.gz"] == "" {
		t.Errorf("after the third build: %q, want a.html and a.html.gz", slices.Sorted(maps.Keys(got)))
	}
}

// With Clean, a link put where a folder of recorded files was is removed
// as a link: the files it leads to stay.
func TestCleanRemovesALinkNotWhereItLeads(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build(t, dir, map[string]string{"h/x/index.html": "1", "h/y/index.html": "1"})
	elsewhere := filepath.Join(root, "tarkeat")
	os.MkdirAll(filepath.Join(elsewhere, "x"), 0o755)
	os.WriteFile(filepath.Join(elsewhere, "x", "index.html"), []byte("keep me"), 0o644)
	os.RemoveAll(filepath.Join(dir, "h"))
	os.Symlink(elsewhere, filepath.Join(dir, "h"))
	build(t, dir, map[string]string{"h/y/index.html": "2"}, Options{Clean: true})
	if data, err := os.ReadFile(filepath.Join(elsewhere, "x", "index.html")); err != nil || string(data) != "keep me" {
		t.Errorf("a file the link led to was removed: %q, %v", data, err)
	}
	if got, want := contents(t, dir), map[string]string{"h": "<dir>", "h/y": "<dir>", "h/y/index.html": "2"}; !maps.Equal(got, want) {
		t.Errorf("output: %v, want %v", got, want)
	}
}

// The record is read only when it is one: a FIFO in its place does not
// hang the build, paths out of the folder make it no record, and a kept
// file it lists stays.
func TestRecordIsNotTrusted(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build(t, dir, map[string]string{"index.html": "1"})
	record := filepath.Join(dir, RecordName)
	os.Remove(record)
	if err := syscall.Mkfifo(record, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := readRecord(dir); ok {
		t.Errorf("a FIFO was read as the record")
	}
	os.Remove(record)
	os.WriteFile(record, []byte(recordHeader+"\"../outside.txt\"\n"), 0o644)
	if _, ok := readRecord(dir); ok {
		t.Errorf("a record with a path out of the folder was read")
	}
	os.WriteFile(filepath.Join(dir, "CNAME"), []byte("x.fi"), 0o644)
	os.WriteFile(record, []byte(recordHeader+"\"index.html\"\n\"CNAME\"\n"), 0o644)
	build(t, dir, map[string]string{"index.html": "2"})
	if data, _ := os.ReadFile(filepath.Join(dir, "CNAME")); string(data) != "x.fi" {
		t.Errorf("a kept file the record listed was removed")
	}
}

// A build does not write over a kept file, or its own record.
func TestKeptFilesAreNotWritten(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	w := begin(t, dir, Options{Keep: []string{"lataukset"}, Gzip: true})
	defer w.Abort()
	for _, tc := range []struct{ path, want string }{
		{"CNAME", "would replace CNAME, which is kept"},
		{".git/config", "would replace .git, which is kept"},
		{"lataukset/a.txt", "would replace lataukset"},
		{"lataukset", "would replace lataukset"},
		{RecordName, "record"},
	} {
		if err := w.Write(File{Path: tc.path, Data: []byte("x")}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("writing %s: %v, want %q", tc.path, err, tc.want)
		}
	}
}

// The output folder as people type it: "public", relative to the working
// folder. Begin once named its temporary folder "./.public.new-N", which
// never equalled a clean path, and mkdir recursed until the stack ran out.
func TestRelativeOutputFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	for range 2 {
		w := begin(t, "public", Options{})
		if err := w.Write(File{Path: "a/index.html", Data: []byte("hei")}); err != nil {
			t.Fatal(err)
		}
		if err := w.Commit(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if data, err := os.ReadFile("public/a/index.html"); err != nil || string(data) != "hei" {
		t.Fatalf("public/a/index.html: %q, %v", data, err)
	}
	left, _ := filepath.Glob(".public.new-*")
	if len(left) > 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}
}

func TestLayoutConflicts(t *testing.T) {
	static := func(p string) File { return File{Path: p, Source: "content/static/" + p} }
	for _, tc := range []struct {
		name  string
		files []File
		want  []struct{ Source, Msg string }
	}{
		{"no conflict", []File{{Path: "a/index.html"}, static("a/b.pdf"), static("data.bin"), static("data.bin.gz")}, nil},
		{"static file where a page's folder goes", []File{{Path: "ohjeet/index.html", Type: "text/html"}, static("ohjeet")},
			[]struct{ Source, Msg string }{{"content/static/ohjeet", `the file "ohjeet" is where the folder ohjeet/ of the portal's ohjeet/index.html goes`}}},
		{"static file needs a folder the portal writes as a file", []File{{Path: "robots.txt"}, static("robots.txt/x.txt")},
			[]struct{ Source, Msg string }{{"content/static/robots.txt/x.txt", `the file "robots.txt/x.txt" needs a folder robots.txt/, but the portal writes a file robots.txt`}}},
		{"static .gz of a page", []File{static("index.html.gz"), {Path: "index.html", Type: "text/html"}},
			[]struct{ Source, Msg string }{{"content/static/index.html.gz", `the file "index.html.gz" is where the compressed copy of index.html goes`}}},
		{"static .gz of a static text file", []File{static("a.txt"), static("a.txt.gz")},
			[]struct{ Source, Msg string }{{"content/static/a.txt.gz", `the file "a.txt.gz" is where the compressed copy of a.txt goes`}}},
		{"static files that differ in case", []File{static("kuvat/Logo.png"), static("kuvat/logo.png")},
			[]struct{ Source, Msg string }{{"content/static/kuvat/logo.png", `the files "kuvat/Logo.png" and "kuvat/logo.png" differ only in upper and lower case`}}},
		{"static file that differs in case from a page's file", []File{static("Sitemap.xml"), {Path: "sitemap.xml"}},
			[]struct{ Source, Msg string }{{"content/static/Sitemap.xml", `the files "Sitemap.xml" and "sitemap.xml" differ only in upper and lower case`}}},
		{"static file whose ä is written in another way", []File{static("k\u00e4sikirja.pdf"), static("ka\u0308sikirja.pdf")},
			[]struct{ Source, Msg string }{{"content/static/k\u00e4sikirja.pdf", `differ only in upper and lower case`}}},
		{"static file where a page's folder goes, in another case", []File{{Path: "helmet/a/index.html", Type: "text/html"}, static("Helmet")},
			[]struct{ Source, Msg string }{{"content/static/Helmet", `the files "Helmet" and "helmet/" differ only in upper and lower case`}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Either order gives the same answer.
			reversed := slices.Clone(tc.files)
			slices.Reverse(reversed)
			for _, files := range [][]File{tc.files, reversed} {
				var l Layout
				writable := true
				for _, f := range files {
					again, ok := l.Add(f)
					writable = !again && ok && writable
				}
				got := l.Conflicts()
				if writable != (len(tc.want) == 0) || len(got) != len(tc.want) {
					t.Fatalf("conflicts %v (all writable: %v), want %v", got, writable, tc.want)
				}
				for i := range got {
					if got[i].Source != tc.want[i].Source || !strings.Contains(got[i].Text.String(), tc.want[i].Msg) {
						t.Errorf("conflict %q, want %q", got[i], tc.want[i])
					}
				}
			}
		})
	}
}

// TestLayoutAgain: a second file of one path is reported as such (the
// build names it), not written, and no conflict; a file where only a
// folder was is not a second file.
func TestLayoutAgain(t *testing.T) {
	l := NewLayout(4)
	for _, tc := range []struct {
		path      string
		again, ok bool
	}{
		{"a/index.html", false, true},
		{"a/index.html", true, false},
		{"b.txt", false, true},
		{"b.txt", true, false},
		{"a", false, false},
		{"a", true, false},
	} {
		if again, ok := l.Add(File{Path: tc.path}); again != tc.again || ok != tc.ok {
			t.Errorf("Add(%s) = %v, %v, want %v, %v", tc.path, again, ok, tc.again, tc.ok)
		}
	}
	if got := l.Conflicts(); len(got) != 1 {
		t.Errorf("conflicts %v, want the file a where a folder goes", got)
	}
}

// TestHolds: a file counts as holding the bytes to write only when it is
// a regular file of exactly those bytes; a link, a pipe or a folder with
// them never does, and a pipe does not stop it.
func TestHolds(t *testing.T) {
	dir := t.TempDir()
	piece := bytes.Repeat([]byte("helmi "), 64<<10/6+1)[:64<<10] // one buffer's worth
	cases := []struct {
		name string
		make func(p string) error // what is at the path
		data []byte
		want bool
	}{
		{"same", file([]byte("<p>hei</p>")), []byte("<p>hei</p>"), true},
		{"empty", file(nil), nil, true},
		{"one byte differs", file([]byte("<p>hei</p>")), []byte("<p>hej</p>"), false},
		{"shorter", file([]byte("<p>hei</p>")), []byte("<p>hei</p>\n"), false},
		{"longer", file([]byte("<p>hei</p>\n")), []byte("<p>hei</p>"), false},
		{"empty, data not", file(nil), []byte("x"), false},
		{"a buffer's worth", file(piece), piece, true},
		{"two buffers and a byte", file(append(append(slices.Clone(piece), piece...), 'x')), append(append(slices.Clone(piece), piece...), 'x'), true},
		{"the last byte of the second buffer differs", file(append(slices.Clone(piece), piece...)), append(append(slices.Clone(piece), piece[:len(piece)-1]...), '!'), false},
		{"a link to the same bytes", func(p string) error {
			if err := os.WriteFile(p+".target", []byte("sama"), 0o644); err != nil {
				return err
			}
			return os.Symlink(filepath.Base(p)+".target", p)
		}, []byte("sama"), false},
		{"a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, nil, false},
		{"a folder", func(p string) error { return os.Mkdir(p, 0o755) }, nil, false},
		{"nothing", func(string) error { return nil }, nil, false},
	}
	for i, tc := range cases {
		p := filepath.Join(dir, strconv.Itoa(i))
		if err := tc.make(p); err != nil {
			t.Fatal(err)
		}
		if got := holds(p, tc.data); got != tc.want {
			t.Errorf("%s: holds = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// file makes a regular file of data.
func file(data []byte) func(p string) error {
	return func(p string) error { return os.WriteFile(p, data, 0o644) }
}

// TestWriteMinifiesEachFileAsAlone: files minified and gzipped on many
// goroutines at once, in buffers the writer reuses, come out as each
// would alone, large and small in turn, and the caller's data (and the
// byte after it, where the parsers put their NUL) is left as it was.
func TestWriteMinifiesEachFileAsAlone(t *testing.T) {
	m := NewMinifier()
	var files []File
	// From a few bytes to megabytes (which the pools do not keep), in
	// turn.
	for i, size := range []int{10, 300, 5000, 70_000, 1<<20 + 5000, 40, 9000, 2 << 20, 200, 64 << 10, 700} {
		for _, tc := range []struct{ ext, typ, open, data, close string }{
			{"json", "application/json", "[", `{ "n" : 1000, "a" : [ 1, 2.50, "x y" ] }, `, "0 ]"},
			{"xml", "application/xml", "<a>", "\n  <b>  x  </b>\n", "</a>"},
			{"css", "text/css", "", "body {  color : red ; }", ""},
			{"html", "text/html", "", "<p>  hei   maailma  </p>", ""},
		} {
			data := tc.open + strings.Repeat(tc.data, 1+size/len(tc.data)) + tc.close
			// Spare capacity after the data, holding a byte of its own.
			buf := append([]byte(data), '#')
			files = append(files, File{Path: "d/" + strconv.Itoa(i) + "." + tc.ext, Data: buf[:len(data)], Type: tc.typ})
		}
	}
	dir := filepath.Join(t.TempDir(), "public")
	w := begin(t, dir, Options{Minify: true, Gzip: true})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(files); i += 4 {
				if err := w.Write(files[i]); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if err := w.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if spare := f.Data[:len(f.Data)+1]; spare[len(f.Data)] != '#' {
			t.Errorf("%s: the byte after the data was changed", f.Path)
		}
		want, err := m.Minify(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil || !bytes.Equal(got, want.Data) {
			t.Errorf("%s: %d bytes, want %d minified alone (%v)", f.Path, len(got), len(want.Data), err)
		}
		gz, err := os.ReadFile(filepath.Join(dir, f.Path+".gz"))
		if err != nil {
			t.Fatal(err)
		}
		if fresh := gzipAlone(t, want.Data); !bytes.Equal(gz, fresh) {
			t.Errorf("%s.gz differs from the file gzipped alone", f.Path)
		}
	}
}

// gzipAlone is data gzipped by a compressor of its own.
func gzipAlone(t *testing.T, data []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriteMinifiesWithoutCopies: minifying a file as it is written makes
// no copy of it, and gzipping it no new compressor: at 100,000 pearls
// such garbage, made while the collector marks a large heap, cost the
// writers more in assists than the minifying itself.
func TestWriteMinifiesWithoutCopies(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		typ  string
	}{
		{"minified", Options{Minify: true}, "application/json"},
		{"gzipped", Options{Gzip: true}, "text/plain"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(strings.Repeat(`{"k":"helmi","d":[1,2,3]},`, 2500))
			data = append(append([]byte{'['}, data[:len(data)-1]...), ']')
			w := begin(t, filepath.Join(t.TempDir(), "public"), tc.opts)
			defer w.Abort()
			write := func(i int) {
				if err := w.Write(File{Path: "haku/" + strconv.Itoa(i) + ".json", Data: data, Type: tc.typ}); err != nil {
					t.Fatal(err)
				}
			}
			// A collection empties the pools, and one may come at any
			// time on a busy machine: none during the count.
			defer debug.SetGCPercent(debug.SetGCPercent(-1))
			write(-1) // fills the pools
			// A pool keeps what was put back on one processor, and a
			// write that runs on another now and then makes a compressor
			// of its own (0.8 MB): over 200 files that is 4 KB a file,
			// against the 0.8 MB of every file without the pools.
			const n = 200
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for i := range n {
				write(i)
			}
			runtime.ReadMemStats(&after)
			perFile := (after.TotalAlloc - before.TotalAlloc) / n
			// gzipped keeps its .gz, a tenth of the file.
			if perFile > uint64(len(data))/4 {
				t.Errorf("writing a file of %d bytes allocated %d bytes", len(data), perFile)
			}
		})
	}
}

// TestFailedCommitLeavesTheFolder: a commit that fails half way (a
// folder it may not write, a full disk; here a file put where a folder
// goes while the build ran, which fails for root too) puts back what it
// had changed: the files placed before the failure, the folders made for
// them, the recorded files it had removed and their folders, and the
// record. Before, the search index could be new and the pages old.
func TestFailedCommitLeavesTheFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build(t, dir, map[string]string{"a.html": "vanha a", "vanha/syva/b.html": "vanha b", "c.html": "c"})
	before := contents(t, dir)
	record, err := os.ReadFile(filepath.Join(dir, RecordName))
	if err != nil {
		t.Fatal(err)
	}
	w := begin(t, dir, Options{})
	for _, f := range []File{
		{Path: "a.html", Data: []byte("uusi a")},
		{Path: "c.html", Data: []byte("c")},
		{Path: "uusi/d.html", Data: []byte("d")},
		{Path: "z/e.html", Data: []byte("e")},
	} {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	stray := filepath.Join(dir, "z")
	if err := os.WriteFile(stray, []byte("ei kansio"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "putting z/e.html in place in " + dir + ": z is not a folder; " + dir + " was left as it was"
	if err := w.Commit(context.Background()); err == nil || err.Error() != want {
		t.Fatalf("a commit that could not place z/e.html: %v, want %q", err, want)
	}
	if err := os.Remove(stray); err != nil {
		t.Fatal(err)
	}
	if after := contents(t, dir); !maps.Equal(after, before) {
		t.Errorf("the folder changed:\nbefore %v\nafter  %v", before, after)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, RecordName)); !bytes.Equal(now, record) {
		t.Errorf("the record changed:\n%s\nwas\n%s", now, record)
	}
	alone(t, dir)
	// The next build goes through, and removes what it does not write.
	build(t, dir, map[string]string{"a.html": "uusi a"})
	if got := contents(t, dir); !maps.Equal(got, map[string]string{"a.html": "uusi a"}) {
		t.Errorf("after the next build: %v", got)
	}
	alone(t, dir)
}

// TestFailedRollbackIsTold: when an undo step of a commit that failed,
// or was stopped by a signal, fails too (the disk still full, permissions
// changed), the folder may be left mixed. The error says so in the
// editor's language, names the paths it could not put back and what to
// do; the record then lists the files of both builds, so that the next
// build, the cause fixed, replaces or removes every one of them and is
// not refused over them.
func TestFailedRollbackIsTold(t *testing.T) {
	next := []File{
		{Path: "a.html", Data: []byte("uusi a")},
		{Path: "c.html", Data: []byte("c")},
		{Path: "uusi/d.html", Data: []byte("d")},
		{Path: "z/e.html", Data: []byte("e")},
	}
	notBack := "a.html, uusi/d.html, vanha/syva/b.html. "
	for _, tc := range []struct {
		name string
		// stop is the commit's context, made once the old build is in
		// dir; without it, a file put where the folder z goes fails the
		// commit at z/e.html.
		stop func(dir string) context.Context
		want map[diag.Lang][]string // with dir for %s
	}{
		{"a file it cannot place", nil, map[diag.Lang][]string{
			diag.Finnish: {"tiedostoa z/e.html ei voitu siirtää kansioon %s: z ei ole kansio. ",
				"Kansiota %s ei saatu palautettua ennalleen, joten siinä voi nyt olla sekaisin vanhan ja uuden sivuston tiedostoja: ",
				"näitä ei saatu takaisin (polun osa on tiedosto eikä kansio): " + notBack,
				"Älä julkaise kansiota tällaisenaan: korjaa syy ja aja build uudelleen"},
			diag.English: {"putting z/e.html in place in %s: z is not a folder; ",
				"may now hold a mix of the old site's files and the new one's: these could not be put back (a part of the path is a file, not a folder): " + notBack,
				"Do not publish the folder as it is: fix the cause and run the build again"},
			diag.Swedish: {"Mappen %s kunde inte återställas", "de här kunde inte läggas tillbaka (", "): " + notBack, "åtgärda orsaken och kör build igen"},
		}},
		{"a signal once uusi/d.html is in place", func(dir string) context.Context {
			return placedCtx{context.Background(), filepath.Join(dir, "uusi", "d.html")}
		}, map[diag.Lang][]string{
			diag.Finnish: {"sivuston tekeminen keskeytettiin. Kansiota %s ei saatu palautettua ennalleen", "): " + notBack},
			diag.English: {"the build was stopped; %s could not be put back as it was", "): " + notBack},
			diag.Swedish: {"byggandet avbröts. Mappen %s kunde inte återställas", "): " + notBack},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			build(t, dir, map[string]string{"a.html": "vanha a", "vanha/syva/b.html": "vanha b", "c.html": "c"})
			w := begin(t, dir, Options{})
			for _, f := range next {
				if err := w.Write(f); err != nil {
					t.Fatal(err)
				}
			}
			ctx, stray := context.Background(), filepath.Join(dir, "z")
			if tc.stop != nil {
				ctx = tc.stop(dir)
			} else if err := os.WriteFile(stray, []byte("ei kansio"), 0o644); err != nil {
				t.Fatal(err)
			}
			// What the rollback would put back is out of reach: the old
			// a.html (swapped into the staging folder), the staging
			// folder of uusi/d.html, and the removed vanha/syva/b.html.
			w.beforeRollback = func(u *undo) {
				for _, err := range []error{
					os.Remove(filepath.Join(w.tmp, "a.html")),
					os.Remove(filepath.Join(w.tmp, "uusi")),
					os.WriteFile(filepath.Join(w.tmp, "uusi"), []byte("ei kansio"), 0o644),
					os.RemoveAll(u.trash),
				} {
					if err != nil {
						t.Fatal(err)
					}
				}
			}
			err := w.Commit(ctx)
			if !errors.Is(err, ErrMixed) || (tc.stop != nil) != errors.Is(err, context.Canceled) {
				t.Fatalf("Commit: %v, want it to say the folder may be mixed", err)
			}
			for lang, texts := range tc.want {
				got := diag.TextOf(err, lang)
				for _, want := range texts {
					if want = strings.ReplaceAll(want, "%s", dir); !strings.Contains(got, want) {
						t.Errorf("%s: %q\nwant it to contain %q", lang, got, want)
					}
				}
			}
			record, _ := readRecord(dir)
			if got, want := slices.Sorted(maps.Keys(record)), []string{"a.html", "c.html", "uusi/d.html", "vanha/syva/b.html", "z/e.html"}; !slices.Equal(got, want) {
				t.Errorf("the record lists %q, want the files of both builds %q", got, want)
			}
			// The cause fixed, the next build puts the new site in place
			// whole.
			os.Remove(stray)
			files := map[string]string{}
			for _, f := range next {
				files[f.Path] = string(f.Data)
			}
			build(t, dir, files)
			want := map[string]string{"a.html": "uusi a", "c.html": "c", "uusi": "<dir>", "uusi/d.html": "d", "z": "<dir>", "z/e.html": "e"}
			if got := contents(t, dir); !maps.Equal(got, want) {
				t.Errorf("after the next build:\n got %v\nwant %v", got, want)
			}
			alone(t, dir)
		})
	}
}

// placedCtx is done once the file placed exists: a signal that comes as
// a commit has put that file in place.
type placedCtx struct {
	context.Context
	placed string
}

func (c placedCtx) Err() error {
	if _, err := os.Lstat(c.placed); err == nil {
		return context.Canceled
	}
	return nil
}
