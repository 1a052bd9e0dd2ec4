package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSiteYAMLAlone: a newcomer's first portal is site.yaml alone. It is
// one error that says where pages go and that the folder may be the wrong
// one (it said the folder needs teemat and helmet, which a portal of
// pages alone does not), and no public/ is made; one standalone page is
// then a portal that builds.
func TestSiteYAMLAlone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content", "site.yaml"), "title: Pieni\ndescription: Pienin portaali.\n")
	code, stdout, stderr := helminauha(t, dir, "build")
	want := "content: no pages found: write the pages into the content folder's folders teemat, helmet, caset, opas and sivut, or, if this is the wrong folder, give the right one: --content DIR"
	if code != 1 || !strings.Contains(stdout+stderr, want) {
		t.Errorf("build of site.yaml alone: exit %d, want 1 and %q in\n%s%s", code, want, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("public/ made by a build that failed (%v)", err)
	}
	write(t, filepath.Join(dir, "content", "sivut", "tietoa.md"), "---\ntitle: Tietoa\n---\nPortaalista.\n")
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build of one page: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range []string{"index.html", "tietoa/index.html", "haku/index.json"} {
		if _, err := os.Stat(filepath.Join(dir, "public", name)); err != nil {
			t.Errorf("a portal of one page lacks %s: %v", name, err)
		}
	}
}
