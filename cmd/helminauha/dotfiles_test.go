package main

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// A public body publishes static/.well-known/security.txt (RFC 9116); other
// names that start with a dot are hidden files (.env, .htaccess, a .git
// folder), which a build never publishes silently: each is an error that
// names it, in check and in build, and nothing is written. The files an
// operating system, an editor or an office suite leaves (leftBehind) are
// skipped without a word, as anywhere in the content: LibreOffice's lock
// stays while the editor has the attachment open, and failed the build.
func TestDotFilesInStatic(t *testing.T) {
	dir := portal(t)
	static := filepath.Join(dir, "content", "static")
	write(t, filepath.Join(static, ".well-known", "security.txt"), "Contact: mailto:tietoturva@example.fi\n")
	write(t, filepath.Join(static, ".well-known", "pki-validation", "a.txt"), "token\n")
	for _, name := range leftBehind {
		write(t, filepath.Join(static, name), "junk")
		write(t, filepath.Join(dir, "content", "helmet", path.Base(name)), "junk")
	}
	code, stdout, stderr := helminauha(t, dir, "build")
	if code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
	}
	for name, want := range map[string]string{
		".well-known/security.txt":         "Contact: mailto:tietoturva@example.fi\n",
		".well-known/pki-validation/a.txt": "token\n",
	} {
		got, err := os.ReadFile(filepath.Join(dir, "public", name))
		if err != nil || string(got) != want {
			t.Errorf("public/%s: %q, %v; want it published", name, got, err)
		}
	}
	_, checked, _ := helminauha(t, dir, "check")
	for _, name := range leftBehind {
		if _, err := os.Lstat(filepath.Join(dir, "public", name)); err == nil {
			t.Errorf("public/%s is published", name)
		}
		if strings.Contains(stdout+stderr+checked, path.Base(name)) {
			t.Errorf("build or check names %s, which an editor or the system left:\n%s%s%s", name, stdout, stderr, checked)
		}
	}

	before := treeSum(t, filepath.Join(dir, "public"))
	write(t, filepath.Join(static, ".env"), "SALAISUUS=1\n")
	write(t, filepath.Join(static, ".htaccess"), "Deny from all\n")
	write(t, filepath.Join(static, "liitteet", ".git", "config"), "[remote]\n")
	wants := []string{
		`content/static/.env: the file .env is not published: its name starts with a dot`,
		`content/static/.htaccess: the file .htaccess is not published: its name starts with a dot`,
		`content/static/liitteet/.git: the folder .git is not published: its name starts with a dot`,
	}
	stdout, stderr = failsSaying(t, dir, wants...)
	if strings.Contains(stdout+stderr, "SALAISUUS") || strings.Contains(stdout+stderr, "remote") {
		t.Errorf("a message quotes a hidden file")
	}
	if strings.Count(stdout, "content/static/liitteet/.git") != 1 {
		t.Errorf("the .git folder is named once, not once a file:\n%s", stdout)
	}
	if after := treeSum(t, filepath.Join(dir, "public")); after != before {
		t.Errorf("a failed build changed public/")
	}
}

// leftBehind are files that systems, editors, office suites and sync
// tools leave beside the files they show, edit or copy, as paths under
// static/.
var leftBehind = []string{
	".DS_Store", "liitteet/._lomake.pdf", ".well-known/.security.txt.swp",
	"liitteet/.~lock.lomake.docx#", "liitteet/~$lomake.docx", "liitteet/.kuva.svg.kate-swp",
	"liitteet/.goutputstream-AB12CD", "liitteet/4913", "liitteet/kuva.svg___jb_tmp___",
	"liitteet/kuva.svg___jb_old___", "liitteet/.syncthing.lomake.pdf.tmp", "liitteet/.kuva.svg.un~",
}

// serve serves static/.well-known and follows a save in it.
func TestServeFollowsWellKnown(t *testing.T) {
	dir := portal(t)
	file := filepath.Join(dir, "content", "static", ".well-known", "security.txt")
	write(t, file, "Contact: mailto:a@example.fi\n")
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/.well-known/security.txt", "mailto:a@example.fi")
	write(t, file, "Contact: mailto:b@example.fi\n")
	s.waitFor("/.well-known/security.txt", "mailto:b@example.fi")
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
}

// failsSaying runs check and build in dir, wants both to fail (exit status
// 1) with each of wants in their output, and returns the outputs.
func failsSaying(t *testing.T, dir string, wants ...string) (checkOut, buildErr string) {
	t.Helper()
	code, stdout, _ := helminauha(t, dir, "check")
	if code != 1 {
		t.Errorf("check: exit status %d, want 1", code)
	}
	code, _, stderr := helminauha(t, dir, "build")
	if code != 1 {
		t.Errorf("build: exit status %d, want 1", code)
	}
	for _, want := range wants {
		if !strings.Contains(stdout, want) {
			t.Errorf("check does not say %q:\n%s", want, stdout)
		}
		if !strings.Contains(stderr, want) {
			t.Errorf("build does not say %q:\n%s", want, stderr)
		}
	}
	return stdout, stderr
}

// A theme's static/ and assets/ follow the same rule as the content's:
// static/.well-known is published, other hidden names are errors that
// name them (a hidden folder's files were published, and a .git folder
// failed the build with a message about the output folder), and what
// systems and editors leave is skipped.
func TestDotFilesInATheme(t *testing.T) {
	dir := portal(t)
	theme := filepath.Join(dir, "themes", "oma")
	copyTheme(t, theme)
	site := filepath.Join(dir, "content", "site.yaml")
	src, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	write(t, site, string(src)+"theme: oma\n")
	write(t, filepath.Join(theme, "static", ".well-known", "security.txt"), "Contact: mailto:a@example.fi\n")
	write(t, filepath.Join(theme, "static", ".DS_Store"), "junk")
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "public", ".well-known", "security.txt")); err != nil || !strings.Contains(string(got), "mailto:a@example.fi") {
		t.Errorf("the theme's .well-known/security.txt is not published: %q, %v", got, err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "public", ".DS_Store")); err == nil {
		t.Errorf("the theme's .DS_Store is published")
	}
	write(t, filepath.Join(theme, "static", ".salaiset", "avain.txt"), "SALAINEN")
	write(t, filepath.Join(theme, "static", ".git", "config"), "[remote]\n")
	write(t, filepath.Join(theme, "assets", ".env"), "SALAINEN=1\n")
	stdout, stderr := failsSaying(t, dir,
		`themes/oma/static/.salaiset: the folder .salaiset is not published: its name starts with a dot`,
		`themes/oma/static/.git: the folder .git is not published: its name starts with a dot`,
		`themes/oma/assets/.env: the file .env is not published: its name starts with a dot`)
	if strings.Contains(stdout+stderr, "SALAINEN") {
		t.Errorf("a message quotes a hidden file")
	}
}
