// Package testkit is what the tests and benchmarks of several packages
// share; only tests import it. A test's portal is a txtar archive under
// its package's testdata/ whose files under content/ are a portal's
// content folder; other files of an archive (want/errors, themes/...)
// are the test's own business.
package testkit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Content is the content/ folder of the archive file as a file system
// the test may change.
func Content(t testing.TB, file string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range parse(t, file).Files {
		if rest, ok := strings.CutPrefix(f.Name, "content/"); ok {
			fsys[rest] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

// Write writes every file of the archive file under dir.
func Write(t testing.TB, file, dir string) {
	t.Helper()
	for _, f := range parse(t, file).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func parse(t testing.TB, file string) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return ar
}

// File is the text of the file name in the archive file, for a test that
// changes a fixture's file and writes it again. It panics when the archive
// cannot be read or has no such file, so that a package's tests may keep
// the text in a variable.
func File(file, name string) string {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		panic(err)
	}
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	panic(file + " has no file " + name)
}
