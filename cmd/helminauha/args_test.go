package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestStrayWordsAreRefused: a word after build, check or serve is a
// mistake said as such (exit status 2), not read past: the flags after it
// would be ignored (serve at the default address), and a folder named
// there would not be the one checked. A folder gets the flag to write.
func TestStrayWordsAreRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "helmet/dialogi.md"}, `helminauha check: unexpected argument "helmet/dialogi.md": the command takes only flags (they start with --)`},
		{[]string{"check", "content"}, `helminauha check: unexpected argument "content": the command takes only flags; if it is the portal's content folder, write --content content`},
		{[]string{"check", "content", "--lang", "fi"}, `helminauha check: ylimääräinen sana "content": komento ei ota muita sanoja kuin valitsimet; jos se on portaalin sisältökansio, kirjoita --content content`},
		{[]string{"check", "--format", "json", "x"}, `helminauha check: unexpected argument "x"`},
		{[]string{"serve", "x", "--addr", "127.0.0.1:0"}, `helminauha serve: unexpected argument "x"`},
		{[]string{"serve", "content", "--lang", "sv"}, `helminauha serve: ett ord för mycket, "content": kommandot tar bara flaggor; om det är portalens innehållsmapp, skriv --content content`},
		{[]string{"build", "public"}, `helminauha build: unexpected argument "public": the command takes only flags (they start with --)`},
	} {
		code, stdout, stderr := bounded(t, dir, c.args...)
		if code != 2 || !strings.HasPrefix(stderr, c.want) || stdout != "" {
			t.Errorf("%s: exit status %d, stdout %q, stderr %q; want 2 and %q", strings.Join(c.args, " "), code, stdout, stderr, c.want)
		}
	}
}

// bounded runs a command that should end at once but, when the mistake
// is not caught, would serve until stopped (runIn stops it and fails the
// test), with the messages in English as the package's other tests.
func bounded(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runIn(t, binary(t), dir, []string{diag.LangEnv + "=en"}, args...)
}

// TestFlagWithoutValue: a flag written without its value is told with an
// example of that flag's own value (it was "content" for every flag).
func TestFlagWithoutValue(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "pearl", "x", "--theme"}, "helminauha new: flag --theme needs a value, for example --theme verkostotyo\n"},
		{[]string{"build", "--out"}, "helminauha build: flag --out needs a value, for example --out public\n"},
		{[]string{"check", "--content"}, "helminauha check: flag --content needs a value, for example --content content\n"},
		{[]string{"check", "--lang=fi", "--format"}, "helminauha check: valitsimen --format perään tarvitaan arvo, esimerkiksi --format json\n"},
		{[]string{"build", "--lang=sv", "--baseurl"}, "helminauha build: flaggan --baseurl behöver ett värde, till exempel --baseurl https://example.fi/portaali/\n"},
	} {
		code, _, stderr := bounded(t, dir, c.args...)
		if first, _, _ := strings.Cut(stderr, "\n"); code != 2 || !strings.HasPrefix(stderr, c.want) {
			t.Errorf("%s: exit status %d, stderr begins %q; want 2 and %q", strings.Join(c.args, " "), code, first, c.want)
		}
	}
}

// TestContentFolderOneOff: run from inside the content folder, or with
// --content naming a folder of it, a command says which folder is the
// content folder and what to type.
func TestContentFolderOneOff(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	for _, c := range []struct {
		in   string // the working folder, in dir
		args []string
		want string
	}{
		{"content", []string{"check"}, "helminauha: there is no content folder content, but this folder has site.yaml, so you are in the content folder: go up to the portal's folder (cd ..) or write --content .\n"},
		{"content", []string{"new", "pearl", "x"}, "helminauha: there is no content folder content, but this folder has site.yaml, so you are in the content folder"},
		{".", []string{"check", "--content", "content/helmet"}, "helminauha: content/helmet has no site.yaml, but content has: that is the content folder, so write --content content\n"},
		{".", []string{"serve", "--content", "content/teemat/", "--lang", "fi"}, "helminauha: kansiossa content/teemat/ ei ole site.yaml-tiedostoa, mutta kansiossa content on: se on sisältökansio, joten kirjoita --content content\n"},
		{"content/helmet", []string{"check", "--content", ".."}, ""},
		// The portal's own folder, which holds the content folder: build
		// refused the --out inside it, and with another --out said the
		// portal had no site.yaml.
		{".", []string{"build", "--content", "."}, "helminauha: . has no site.yaml, but content has: that is the content folder, so write --content content\n"},
		{"..", []string{"check", "--content", filepath.Base(dir), "--lang", "sv"}, "helminauha: mappen " + filepath.Base(dir) + " har ingen site.yaml, men mappen " + filepath.Base(dir) + "/content har: den är innehållsmappen, så skriv --content " + filepath.Base(dir) + "/content\n"},
	} {
		code, _, stderr := bounded(t, filepath.Join(dir, c.in), c.args...)
		if c.want == "" {
			if code != 0 {
				t.Errorf("in %s, %s: exit status %d, %s", c.in, strings.Join(c.args, " "), code, stderr)
			}
			continue
		}
		if code == 0 || !strings.HasPrefix(stderr, c.want) {
			t.Errorf("in %s, %s: exit status %d, stderr %q; want %q", c.in, strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
}
