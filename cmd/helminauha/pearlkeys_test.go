//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeFindsRenamedAddedAndRemovedPearls: a save of a pearl's front
// matter looks pearls up by key in the model before and after it (which
// share its title, its tags, whether anything points to it). Since
// 2026-12-07 the model finds them through a lookup Build makes, not by a
// walk of every pearl: a pearl added, renamed or removed while serve
// runs must be found, or not, by its new key. Here a pearl added, then
// given another's title, is warned of; renamed, then given a title of
// its own, the warning is gone; removed, its title is no other's.
func TestServeFindsRenamedAddedAndRemovedPearls(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	helmet := filepath.Join(dir, "content", "helmet")
	spare := t.TempDir()
	// Each save is one rename into the folder (see TestServeTellsNewWarnings).
	saveAs := func(name, text string) {
		tmp := filepath.Join(spare, filepath.Base(name))
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(helmet, name)); err != nil {
			t.Fatal(err)
		}
	}
	pearl := func(title string) string {
		return "---\ntitle: " + title + "\ntheme: verkostotyo\nsummary: Uusi.\nkind: tieto\ndate: 2023-02-01\nrelated: [luottamus]\n---\nTeksti.\n"
	}
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")
	const same = `warning: the title "Dialogi" is already the title of content/helmet/dialogi.md`

	saveAs("uusi.md", pearl("Uusi helmi"))
	s.waitFor("/helmet/uusi/", "Uusi helmi")
	saveAs("uusi.md", pearl("Dialogi"))
	s.next("helmet/uusi.md changed: rebuilt in")
	if line := s.next("already the title"); !strings.HasPrefix(line, "content/helmet/uusi.md:2:8: "+same) {
		t.Errorf("the added pearl given another's title: %q, want the warning of content/helmet/uusi.md", line)
	}

	if err := os.Rename(filepath.Join(helmet, "uusi.md"), filepath.Join(helmet, "toinen.md")); err != nil {
		t.Fatal(err)
	}
	s.waitFor("/helmet/toinen/", "Dialogi")
	saveAs("toinen.md", pearl("Toinen helmi"))
	s.next("helmet/toinen.md changed: rebuilt in")
	if line := s.next("gone"); line != "1 warning gone" {
		t.Errorf("the renamed pearl given a title of its own: %q, want %q", line, "1 warning gone")
	}

	if err := os.Remove(filepath.Join(helmet, "toinen.md")); err != nil {
		t.Fatal(err)
	}
	s.next("rebuilt in")
	dialogi, err := os.ReadFile(filepath.Join(helmet, "dialogi.md"))
	if err != nil {
		t.Fatal(err)
	}
	saveAs("dialogi.md", strings.Replace(string(dialogi), "title: Dialogi\n", "title: Toinen helmi\n", 1))
	s.next("helmet/dialogi.md changed: rebuilt in")
	kept := len(s.log)
	saveAs("dialogi.md", string(dialogi))
	s.next("helmet/dialogi.md changed: rebuilt in")
	for _, l := range s.log[kept-1:] {
		if strings.Contains(l, "already the title") {
			t.Errorf("a pearl given the title of a pearl removed: %q", l)
		}
	}
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v\n%s", err, strings.Join(s.log, "\n"))
	}
	if t.Failed() {
		t.Logf("serve printed:\n%s", strings.Join(s.log, "\n"))
	}
}
