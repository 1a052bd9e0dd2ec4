package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitIn runs git in dir with a fixed author and commit date.
func gitIn(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Toimittaja", "-c", "user.email=t@example.org"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func readPage(t *testing.T, dir, page string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(page), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestEditLinkAndDatesFromGit: with editURL in site.yaml every page made
// from a file links to that file's editor; a pearl without updated: shows
// its file's last commit as "Päivitetty" when that is after its date, a
// pearl with updated: shows its own; outside a git checkout the build
// works and shows no such date.
func TestEditLinkAndDatesFromGit(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed: install it (apt-get install git)")
	}
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	cfg := filepath.Join(dir, "content", "site.yaml")
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(data, "editURL: https://github.com/org/portaali/edit/main/content\n"...), 0o644)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build outside git: %d\n%s", code, stderr)
	}
	if page := readPage(t, dir, "helmet/dialogi"); strings.Contains(page, "Päivitetty") {
		t.Errorf("outside git the pearl shows an updated date")
	}

	gitIn(t, dir, "2021-03-01T09:00:00Z", "init", "-q")
	gitIn(t, dir, "2021-03-01T09:00:00Z", "add", "content")
	gitIn(t, dir, "2021-03-01T09:00:00Z", "commit", "-qm", "portaali")
	p := filepath.Join(dir, "content", "helmet", "dialogi.md")
	data, _ = os.ReadFile(p)
	os.WriteFile(p, append(data, "Lisää tekstiä.\n"...), 0o644)
	gitIn(t, dir, "2024-03-05T12:00:00Z", "commit", "-qam", "dialogi")
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	page := readPage(t, dir, "helmet/dialogi")
	for _, want := range []string{
		`<a href="https://github.com/org/portaali/edit/main/content/helmet/dialogi.md">Muokkaa tätä sivua</a>`,
		`<dt>Päivitetty</dt><dd><time datetime="2024-03-05">5.3.2024</time>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the pearl page lacks %s", want)
		}
	}
	// Committed on its own date: not updated since.
	if page := readPage(t, dir, "helmet/luottamus"); strings.Contains(page, "Päivitetty") {
		t.Errorf("a pearl committed on the day of its date shows an updated date")
	}
	if page := readPage(t, dir, "teemat/johtaminen"); !strings.Contains(page, "/edit/main/content/teemat/johtaminen.md\"") {
		t.Errorf("the area page has no edit link")
	}
	if page := readPage(t, dir, "opas"); !strings.Contains(page, "/edit/main/content/opas/_index.md\"") {
		t.Errorf("the guide's cover has no edit link")
	}
	if home, _ := os.ReadFile(filepath.Join(dir, "public", "index.html")); strings.Contains(string(home), "Muokkaa tätä sivua") {
		t.Errorf("the generated home page has an edit link")
	}
}
