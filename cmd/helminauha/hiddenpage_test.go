package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page saved by a name that starts with a dot (.luonnos.md, meant as a
// draft, or hidden by a file manager) was left out of the site without
// a word, as an editor's backup is: check warns of it, says how a draft
// is kept unpublished, and build counts the warning. What editors leave
// beside a page they edit (.luonnos.md.swp, .#luonnos.md) is still
// skipped without a word, as are pages in a hidden folder (.git).
func TestHiddenPageIsWarnedOf(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	build := func() string {
		code, stdout, stderr := helminauha(t, dir, "build")
		if code != 0 {
			t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
		}
		return stdout
	}
	before := warnings(t, build())
	page := "---\ntitle: Piilossa\ntheme: johtaminen\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n"
	writeAll(t, dir, map[string]string{
		"content/helmet/.piilossa.md":     page,
		"content/helmet/.piilossa.md.swp": "swap",
		"content/helmet/.#piilossa.md":    "lock",
		"content/helmet/.git/x.md":        page,
		"content/sivut/.Tietoa Meista.md": "---\ntitle: Meistä\n---\nTeksti.\n",
	})
	if after := warnings(t, build()); after != before+2 {
		t.Errorf("build: %d warnings, want %d", after, before+2)
	}
	_, stdout, _ := helminauha(t, dir, "check")
	var got []string
	for _, line := range strings.Split(stdout, "\n") {
		if strings.Contains(line, "piilossa") || strings.Contains(line, "Meista") || strings.Contains(line, ".git") {
			got = append(got, line)
		}
	}
	want := []string{
		"content/helmet/.piilossa.md: warning: the page .piilossa.md is not published: its name starts with a dot, as hidden files' names do; if it is a draft, name it piilossa.md and write draft: true in its front matter, else remove it",
		"content/sivut/.Tietoa Meista.md: warning: the page .Tietoa Meista.md is not published: its name starts with a dot, as hidden files' names do; if it is a draft, name it tietoa-meista.md and write draft: true in its front matter, else remove it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check says\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "helmet", "piilossa")); !os.IsNotExist(err) {
		t.Errorf("the hidden page was published: %v", err)
	}
}
