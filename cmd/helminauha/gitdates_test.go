//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeFollowsCommitsAndCheckouts: the "Päivitetty" date of a pearl
// is its file's last commit, which a commit made while serve runs, or a
// checkout of another branch, changes without a word in the content
// folder. serve shows the date a build would: before 2026-12-07 it read
// the dates once, and showed those of the commit it was started on (a
// commit left the date as it was; after a checkout, a page showed the
// date of another branch's file).
func TestServeFollowsCommitsAndCheckouts(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed: install it (apt-get install git)")
	}
	dir, page, old := gitPortal(t)
	// Another branch, on which the pearl was last changed in 2023.
	gitIn(t, dir, "2023-06-07T09:00:00Z", "checkout", "-qb", "toinen")
	write(t, page, strings.Replace(string(old), "Teksti.", "Toisen haaran teksti.", 1))
	gitIn(t, dir, "2023-06-07T09:00:00Z", "commit", "-qam", "toinen haara")
	gitIn(t, dir, "2023-06-07T09:00:00Z", "checkout", "-q", "main")

	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	const date = `<dt>Päivitetty</dt><dd><time datetime="`
	s.waitFor("/helmet/dialogi/", date+`2022-04-05"`)

	// A save, then its commit: the date is the commit's.
	write(t, page, strings.Replace(string(old), "Teksti.", "Tallennettu teksti.", 1))
	s.waitFor("/helmet/dialogi/", "Tallennettu teksti.")
	gitIn(t, dir, "2024-03-05T12:00:00Z", "commit", "-qam", "dialogi")
	s.waitFor("/helmet/dialogi/", date+`2024-03-05"`)

	// The other branch: its text, and its date.
	gitIn(t, dir, "2024-03-05T12:00:00Z", "checkout", "-q", "toinen")
	s.waitFor("/helmet/dialogi/", "Toisen haaran teksti.")
	s.waitFor("/helmet/dialogi/", date+`2023-06-07"`)

	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
}

// gitPortal writes the small portal into a new folder made a git
// checkout of one commit on main, dated 2022-04-05, and gives the folder,
// the pearl dialogi's file and its text.
func gitPortal(t *testing.T) (dir, page string, text []byte) {
	t.Helper()
	dir = t.TempDir()
	writePortal(t, "small.txtar", dir)
	page = filepath.Join(dir, "content", "helmet", "dialogi.md")
	text, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "2022-04-05T09:00:00Z", "init", "-q")
	gitIn(t, dir, "2022-04-05T09:00:00Z", "add", ".")
	gitIn(t, dir, "2022-04-05T09:00:00Z", "commit", "-qm", "portaali")
	gitIn(t, dir, "2022-04-05T09:00:00Z", "branch", "-M", "main")
	return dir, page, text
}
