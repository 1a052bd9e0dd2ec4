package rootfs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// folder makes the content folder "c" beside a file outside it, with
// every kind of entry the reader must tell apart, and returns both.
func folder(t *testing.T) (parent, dir string) {
	t.Helper()
	parent = t.TempDir()
	dir = filepath.Join(parent, "c")
	write := func(name, data string) {
		p := filepath.Join(parent, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(parent, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	write("salaisuus.md", "SALAINEN\n")
	write("c/helmet/a.md", "---\ntitle: A\n---\nalku\n")
	write("c/helmet/tyhja.md", "")
	write("c/static/kuvat/k.txt", "kuva\n")
	write("c/site.yaml", "title: x\n")
	link("a.md", "c/helmet/linkki.md")              // to a file inside: followed
	link("../../salaisuus.md", "c/helmet/ulos.md")  // out of the folder
	link("/etc/passwd", "c/static/passwd.txt")      // absolute
	link("ulos.md", "c/helmet/ketju.md")            // a chain that ends outside
	link("ei-ole.md", "c/helmet/katkennut.md")      // to nothing
	link("kuvat", "c/static/kansiolinkki")          // to a folder inside
	link("../helmet", "c/static/helmilinkki")       // to a folder inside, by ..
	link("..", "c/helmet/ylos")                     // to the folder above
	link("silmukka-b.md", "c/helmet/silmukka-a.md") // two links round in a loop
	link("silmukka-a.md", "c/helmet/silmukka-b.md")
	if err := syscall.Mkfifo(filepath.Join(dir, "helmet", "putki.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "helmet", "iso.md"))
	if err == nil {
		err = f.Truncate(MaxPage + 1)
		f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return parent, dir
}

// openFolder opens the folder that folder makes.
func openFolder(t *testing.T) (*FS, string) {
	t.Helper()
	_, dir := folder(t)
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fsys.Close() })
	return fsys, dir
}

// TestReadFile: every file is read, or refused for its reason, whichever
// way the reader takes; a link never lets a byte from outside through.
func TestReadFile(t *testing.T) {
	fsys, _ := openFolder(t)
	cases := []struct {
		name   string
		want   string // the bytes read
		reason Reason // or the refusal
		exist  bool   // or fs.ErrNotExist
		other  bool   // or another error
	}{
		{name: "helmet/a.md", want: "---\ntitle: A\n---\nalku\n"},
		{name: "helmet/tyhja.md", want: ""},
		{name: "static/kuvat/k.txt", want: "kuva\n"},
		{name: "site.yaml", want: "title: x\n"},
		{name: "helmet/linkki.md", want: "---\ntitle: A\n---\nalku\n"},
		{name: "static/kansiolinkki/k.txt", want: "kuva\n"},
		{name: "static/helmilinkki/a.md", want: "---\ntitle: A\n---\nalku\n"},
		{name: "helmet/ulos.md", reason: Outside},
		{name: "static/passwd.txt", reason: Outside},
		{name: "helmet/ketju.md", reason: Outside},
		{name: "helmet/katkennut.md", reason: Dangling},
		{name: "static/kansiolinkki", reason: LinkedFolder},
		{name: "helmet/ylos", reason: Loop},
		{name: "helmet/silmukka-a.md", reason: Loop},
		{name: "helmet/putki.md", reason: Special},
		{name: "helmet/iso.md", reason: TooLarge},
		{name: "helmet/ei-ole.md", exist: true},
		{name: "helmet/ylos/salaisuus.md", other: true},
		{name: "../salaisuus.md", other: true},
		{name: "helmet", other: true},
		{name: "nimi\xff.md", other: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := fsys.ReadFile(tc.name)
			if bytes.Contains(data, []byte("SALAINEN")) {
				t.Fatalf("read the file outside: %q", data)
			}
			r, refused := AsRefused(err)
			switch {
			case tc.reason != 0:
				if !refused || r.Reason != tc.reason {
					t.Errorf("ReadFile = %q, %v; want refused (%d)", data, err, tc.reason)
				}
			case tc.exist:
				if !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("ReadFile = %q, %v; want not there", data, err)
				}
			case tc.other:
				if err == nil {
					t.Errorf("ReadFile = %q; want an error", data)
				}
			case err != nil || string(data) != tc.want:
				t.Errorf("ReadFile = %q, %v; want %q", data, err, tc.want)
			}
		})
	}
}

// TestReadDir: a folder lists as os.Root lists it, sorted, with each
// entry's type, and an entry's Info is the file's in the folder, not
// whatever its path names from the working folder.
func TestReadDir(t *testing.T) {
	fsys, dir := openFolder(t)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	show := func(entries []fs.DirEntry) string {
		var b strings.Builder
		for _, e := range entries {
			b.WriteString(e.Name() + " " + e.Type().String() + "\n")
		}
		return b.String()
	}
	for _, name := range []string{".", "helmet", "static", "static/kuvat", "static/kansiolinkki", "static/helmilinkki"} {
		got, err := fsys.ReadDir(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fs.ReadDir(root.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if show(got) != show(want) {
			t.Errorf("ReadDir(%q):\n%s\nwant:\n%s", name, show(got), show(want))
		}
		if !slices.IsSortedFunc(got, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) }) {
			t.Errorf("ReadDir(%q) is not sorted", name)
		}
	}
	entries, err := fsys.ReadDir("helmet")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Errorf("%s: Info: %v", e.Name(), err)
			continue
		}
		if e.Name() == "a.md" && info.Size() != int64(len("---\ntitle: A\n---\nalku\n")) {
			t.Errorf("a.md: Info says %d bytes", info.Size())
		}
		if info.Mode().Type() != e.Type() {
			t.Errorf("%s: Info says %v, the entry %v", e.Name(), info.Mode().Type(), e.Type())
		}
	}
	for _, bad := range []string{"ei-ole", "helmet/a.md", "../c", "/etc"} {
		if _, err := fsys.ReadDir(bad); err == nil {
			t.Errorf("ReadDir(%q) lists it", bad)
		}
	}
}
