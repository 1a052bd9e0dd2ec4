//go:build linux

package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestServeSeesPermissionsMended: a page serve cannot read (copied in
// from another account, saved by a tool run with sudo) fails the build
// with a message to check its permissions; the chmod that mends them is
// a rebuild, and the page is served. Before 2026-12-07 serve took no
// notice of a change of permissions, and the error stayed on every page
// until some other save.
func TestServeSeesPermissionsMended(t *testing.T) {
	t.Parallel()
	// Permissions do not keep root from reading: as root, serve runs as
	// nobody, in a folder of nobody's.
	root := os.Geteuid() == 0
	dir, err := os.MkdirTemp("", "helminauha-perm-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	writePortal(t, "small.txtar", dir)
	bin := binary(t)
	const nobody = 65534
	if root {
		bin = filepath.Join(dir, "helminauha")
		data, err := os.ReadFile(binary(t))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, data, 0o755); err != nil {
			t.Fatal(err)
		}
		err = filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			return os.Lchown(p, nobody, nobody)
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	if root {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")

	page := filepath.Join(dir, "content", "helmet", "uusi.md")
	// Written elsewhere and renamed in, so that serve sees it whole and
	// unreadable at once.
	tmp := filepath.Join(dir, "uusi.md.tmp")
	write(t, tmp, "---\ntitle: Uusi\ntheme: johtaminen\nsummary: Uusi helmi.\nkind: vinkki\ndate: 2024-01-01\n---\nUuden helmen teksti.\n")
	if err := os.Chmod(tmp, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, page); err != nil {
		t.Fatal(err)
	}
	if line := s.next("rebuilt in", "build failed"); !strings.Contains(line, "build failed") {
		t.Fatalf("an unreadable page: serve says %q, want the build failed:\n%s", line, strings.Join(s.log, "\n"))
	}
	if err := os.Chmod(page, 0o644); err != nil {
		t.Fatal(err)
	}
	if line := s.next("rebuilt in", "build failed"); !strings.HasPrefix(line, "helmet/uusi.md changed: rebuilt in") {
		t.Fatalf("after chmod 644: serve says %q, want the page rebuilt:\n%s", line, strings.Join(s.log, "\n"))
	}
	s.waitFor("/helmet/uusi/", "Uuden helmen teksti.")
	if _, body := s.get("/helmet/uusi/"); strings.Contains(body, "helminauha-overlay") {
		t.Errorf("the page still shows the overlay:\n%s", body)
	}
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
}
