//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestThemeBesideTheContentFromInside: the portal's own theme, in
// themes/ beside content/, is used however the content folder is named
// from where the editor stands: from the portal's folder, from a folder
// beside content/, from content/ itself (--content .) and from one of its
// folders (--content ..). Before 2026-12-07 the last two looked for
// themes/ in the working folder only, and build, check and serve used the
// theme compiled in without a word, so the editor's change of the theme
// showed nowhere.
func TestThemeBesideTheContentFromInside(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	theme := filepath.Join(dir, "themes", "helminauha")
	copyTheme(t, theme)
	words := filepath.Join(theme, "i18n", "fi.yaml")
	old, err := os.ReadFile(words)
	if err != nil {
		t.Fatal(err)
	}
	const mark = "Hyppää oman teeman sisältöön"
	changed := strings.Replace(string(old), "nav.skip: Siirry sisältöön", "nav.skip: "+mark, 1)
	if changed == string(old) {
		t.Fatal("fi.yaml has no nav.skip to change")
	}
	if err := os.WriteFile(words, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "muistiinpanot"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ from, content string }{
		{".", "content"},
		{"muistiinpanot", "../content"},
		{"content", "."},
		{"content/helmet", ".."},
	}
	for i, c := range cases {
		out := filepath.Join(t.TempDir(), "public")
		code, _, stderr := helminauha(t, filepath.Join(dir, c.from), "build", "--content", c.content, "--out", out, "--quiet")
		if code != 0 {
			t.Fatalf("build --content %s in %s: status %d\n%s", c.content, c.from, code, stderr)
		}
		home, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(home), mark) {
			t.Errorf("build --content %s in %s: the home page is not made with themes/ beside the content", c.content, c.from)
		}
		if i < 2 {
			continue // serve finds the theme as build does; the new cases suffice.
		}
		cmd := exec.Command(binary(t), "serve", "--content", c.content, "--addr", "127.0.0.1:0")
		cmd.Dir = filepath.Join(dir, c.from)
		s := startServing(t, cmd)
		if _, body := s.get("/"); !strings.Contains(body, mark) {
			t.Errorf("serve --content %s in %s: the home page is not made with themes/ beside the content", c.content, c.from)
		}
		if err := s.interrupt(); err != nil {
			t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
		}
	}
}
