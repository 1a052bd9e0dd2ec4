package output

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestCommitReplacesAndAbortKeeps(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "old.html"), []byte("old"), 0o644)

	w, err := Begin(dir, Options{Minify: true, Gzip: true})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(File{Path: "a/b/index.html", Data: []byte("<p>  hei   maailma  </p>"), Type: "text/html"})
	w.Abort()
	if data, _ := os.ReadFile(filepath.Join(dir, "old.html")); string(data) != "old" {
		t.Fatalf("Abort touched the old folder")
	}

	w, _ = Begin(dir, Options{Minify: true, Gzip: true})
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
	if err := w.Commit(); err != nil {
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
	// The folder the commit replaced is kept as the spare, for the next
	// build to write into; nothing else is left beside.
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".public*"))
	if len(left) != 1 || filepath.Base(left[0]) != ".public.spare" {
		t.Errorf("left beside: %v, want only .public.spare", left)
	}
	if data, _ := os.ReadFile(filepath.Join(filepath.Dir(dir), ".public.spare", "old.html")); string(data) != "old" {
		t.Errorf("the spare does not hold the replaced folder")
	}
}

// build writes files (path → content) into dir with a Writer and commits.
func build(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	w, err := Begin(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for p, c := range files {
		if err := w.Write(File{Path: p, Data: []byte(c)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

// contents lists every entry under dir: a file's content, "<dir>" or
// "<link>".
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
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

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// A build writes into the folder the build before last left: the files
// keep their inodes, and what this build did not write is gone.
func TestSpareFolderIsReused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, map[string]string{"a/index.html": "1", "b/index.html": "1", "c.css": "1", "h/x/index.html": "1", "k.html": "same"})
	first := inode(t, filepath.Join(dir, "a/index.html"))
	long := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(filepath.Join(dir, "k.html"), long, long)
	build(t, dir, map[string]string{"a/index.html": "2", "b/index.html": "2", "d/x/index.html": "2", "k.html": "same"})
	build(t, dir, map[string]string{"a/index.html": "3", "e/index.html": "3", "h/y/index.html": "3", "k.html": "same"})

	want := map[string]string{"a": "<dir>", "a/index.html": "3", "e": "<dir>", "e/index.html": "3",
		"h": "<dir>", "h/y": "<dir>", "h/y/index.html": "3", "k.html": "same"}
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("after the third build:\n got %v\nwant %v", got, want)
	}
	// A file that already held the same bytes was not written again.
	if fi, err := os.Stat(filepath.Join(dir, "k.html")); err != nil || !fi.ModTime().Equal(long) {
		t.Errorf("k.html did not change but was written again (modified %v)", fi.ModTime())
	}
	if got := inode(t, filepath.Join(dir, "a/index.html")); got != first {
		t.Errorf("a/index.html is a new inode (%d), not the first build's (%d)", got, first)
	}
	spare := contents(t, filepath.Join(filepath.Dir(dir), ".public.spare"))
	if spare["d/x/index.html"] != "2" {
		t.Errorf("the spare should hold the second build, has %v", spare)
	}
}

// Whatever is found in the spare folder, the output holds exactly the
// build's files, and writing never follows a link out of it.
func TestSpareFolderJunkIsCleared(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	outside := filepath.Join(root, "outside.txt")
	os.WriteFile(outside, []byte("keep me"), 0o644)
	spare := filepath.Join(root, ".public.spare")
	for _, d := range []string{"a", "f.css", "zz"} {
		os.MkdirAll(filepath.Join(spare, d), 0o755)
	}
	os.Symlink(outside, filepath.Join(spare, "a/index.html"))
	os.WriteFile(filepath.Join(spare, "f.css", "x"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(spare, "g"), []byte("a file where a folder goes"), 0o644)
	os.WriteFile(filepath.Join(spare, "h.html"), []byte("old"), 0o444)
	os.WriteFile(filepath.Join(spare, "zz", "old.txt"), []byte("old"), 0o644)
	os.Symlink(root, filepath.Join(spare, "up"))
	backup := filepath.Join(root, "backup.html")
	os.WriteFile(backup, []byte("backup"), 0o644)
	os.Link(backup, filepath.Join(spare, "i.html"))

	build(t, dir, map[string]string{"a/index.html": "A", "f.css": "F", "g/index.html": "G", "h.html": "H", "i.html": "I"})
	want := map[string]string{"a": "<dir>", "a/index.html": "A", "f.css": "F", "g": "<dir>", "g/index.html": "G", "h.html": "H", "i.html": "I"}
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("output:\n got %v\nwant %v", got, want)
	}
	if data, _ := os.ReadFile(outside); string(data) != "keep me" {
		t.Errorf("a link in the spare was written through: outside.txt holds %q", data)
	}
	if data, _ := os.ReadFile(backup); string(data) != "backup" {
		t.Errorf("a file hard-linked from the spare was written in place: backup.html holds %q", data)
	}
}

// The .gz files beside a build's files stay in a reused spare folder; those
// of files the build no longer writes go with them.
func TestSpareFolderKeepsGzip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	for _, files := range []map[string]string{{"a.html": "1", "b.html": "1"}, {"a.html": "2"}, {"a.html": "3"}} {
		w, err := Begin(dir, Options{Gzip: true})
		if err != nil {
			t.Fatal(err)
		}
		for p, c := range files {
			if err := w.Write(File{Path: p, Data: []byte(c)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	got := contents(t, dir)
	if len(got) != 2 || got["a.html"] != "3" || got["a.html.gz"] == "" {
		t.Errorf("after the third build: %q, want a.html and a.html.gz", slices.Sorted(maps.Keys(got)))
	}
}

// The output folder as people type it: "public", relative to the working
// folder. Begin once named its temporary folder "./.public.new-N", which
// never equalled a clean path, and mkdir recursed until the stack ran out.
func TestRelativeOutputFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	for range 2 {
		w, err := Begin("public", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(File{Path: "a/index.html", Data: []byte("hei")}); err != nil {
			t.Fatal(err)
		}
		if err := w.Commit(); err != nil {
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
