package rootfs

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestPlainFilesAreReadInOneOpen: a file reached through folders only is
// read the fast way; a link on the way, or anything but a regular file
// within its limit, is left to os.Root's way, which says why.
func TestPlainFilesAreReadInOneOpen(t *testing.T) {
	fsys, _ := openFolder(t)
	if _, ok, _ := fsys.readFast("helmet/a.md", false); !ok && fastOff.Load() {
		t.Skip("this kernel has no openat2")
	}
	for name, fast := range map[string]bool{
		"helmet/a.md": true, "helmet/tyhja.md": true, "static/kuvat/k.txt": true, "site.yaml": true,
		"helmet/linkki.md": false, "static/kansiolinkki/k.txt": false, "static/helmilinkki/a.md": false,
		"helmet/ulos.md": false, "static/passwd.txt": false, "helmet/ketju.md": false,
		"helmet/katkennut.md": false, "helmet/putki.md": false, "helmet/iso.md": false,
		"helmet/ei-ole.md": false, "helmet/ylos/salaisuus.md": false, "helmet": false,
		"../salaisuus.md": false, "/etc/passwd": false, ".": false,
	} {
		// Listed or not, the same files take the fast way: what was
		// opened is checked either way.
		for _, listed := range []bool{false, true} {
			data, ok, err := fsys.readFast(name, listed)
			if ok != fast || ok && err != nil || bytes.Contains(data, []byte("SALAINEN")) {
				t.Errorf("readFast(%q, listed %v) = %q, %v, %v; want the fast way %v", name, listed, data, ok, err, fast)
			}
		}
	}
	for name, fast := range map[string]bool{
		".": true, "helmet": true, "static/kuvat": true,
		"static/kansiolinkki": false, "helmet/ylos": false, "helmet/a.md": false, "ei-ole": false,
	} {
		if _, ok, _ := fsys.readDirFast(name); ok != fast {
			t.Errorf("readDirFast(%q): the fast way %v, want %v", name, ok, fast)
		}
	}
}

// TestReadFileStopsAtTheLimit: a file that grew past its limit after
// the stat is not read past it.
func TestReadFileStopsAtTheLimit(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		size int
		ok   bool
	}{{MaxPage + 1, false}, {MaxPage, true}, {0, true}, {5000, true}} {
		p := filepath.Join(dir, "a.md")
		if err := os.WriteFile(p, bytes.Repeat([]byte("x"), tc.size), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		// As if it held 10 bytes when it was checked.
		got, err := readFd(int(f.Fd()), "a.md", 10)
		f.Close()
		r, refused := AsRefused(err)
		switch {
		case tc.ok && (err != nil || len(got) != tc.size):
			t.Errorf("%d bytes: read %d, %v", tc.size, len(got), err)
		case !tc.ok && (!refused || r.Reason != TooLarge || got != nil):
			t.Errorf("%d bytes: read %d, %v; want too large", tc.size, len(got), err)
		}
	}
}

// BenchmarkReadFile reads a folder of pages as the content loader does,
// each way: os.Root's alone (fastOff), openat2 for the plain files, and
// openat2 without a stat first for files a listing showed (ReadListed).
func BenchmarkReadFile(b *testing.B) {
	dir := b.TempDir()
	page := bytes.Repeat([]byte("Helmi on lyhyt ohje.\n"), 150) // about 3 KB, a pearl
	const n = 200
	names := make([]string, n)
	for i := range names {
		names[i] = "helmet/h" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".md"
		p := filepath.Join(dir, filepath.FromSlash(names[i]))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, way := range []string{"os.Root", "openat2", "listed"} {
		b.Run(way, func(b *testing.B) {
			was := fastOff.Load()
			fastOff.Store(way == "os.Root")
			defer fastOff.Store(was)
			fsys, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			defer fsys.Close()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := fsys.readFile(names[i%n], way == "listed"); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
