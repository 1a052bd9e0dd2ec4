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

// TestNewCaseInThePortalsLanguage: a portal in Swedish (language: sv-FI,
// the Swedish of Finland) holds its case examples to the Swedish
// sections, and new writes those. It wrote the Finnish ones, and check,
// once the placeholders were replaced, warned of each Swedish one.
func TestNewCaseInThePortalsLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Pärlbandet\ndescription: En portal på svenska\nlanguage: sv-FI\n")
	write(t, filepath.Join(content, "teemat", "natverk.md"), "---\ntitle: Nätverk\nweight: 1\nsummary: Om nätverk.\n---\nInledning.\n")
	if code, stdout, stderr := helminauha(t, dir, "new", "case", "fallet"); code != 0 {
		t.Fatalf("new case: exit %d\n%s%s", code, stdout, stderr)
	}
	name := filepath.Join(content, "caset", "fallet.md")
	text := string(read(t, name))
	if !strings.HasSuffix(text, "---\n\n## Behov och mål\n\n## Lösning\n\n## Resultat\n\n## Lärdomar\n") {
		t.Errorf("the new case's sections are not the Swedish ones:\n%s", text)
	}
	for _, ph := range [][2]string{{"Esimerkin otsikko", "Fallet"}, {"Organisaation nimi", "Kommunen"}, {"Yksi tai kaksi lausetta siitä, mitä organisaatio teki.", "Vad kommunen gjorde."}} {
		text = strings.Replace(text, ph[0], ph[1], 1)
	}
	write(t, name, text)
	code, stdout, stderr := helminauha(t, dir, "check")
	if code != 0 || strings.Contains(stdout+stderr, "fallet.md") {
		t.Errorf("check of the new case: exit %d\n%s%s", code, stdout, stderr)
	}
}
