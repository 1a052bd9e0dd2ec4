package output

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".public*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
