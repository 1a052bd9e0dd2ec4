package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOneAnswerForOneContent: check, build --drafts and serve report the
// same problems for the same folder, a draft's among them, marked as
// being in a draft.
func TestOneAnswerForOneContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	draft := "---\ntitle: Luonnos\ntheme: johtamine\nsummary: Kesken.\nkind: vinkki\ndate: 2021-03-01\ndraft: true\n---\nKatso [tämä](../helmet/olematon.md).\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "helmet", "luonnos.md"), []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`content/helmet/luonnos.md:3:8: (draft) unknown theme "johtamine" (did you mean "johtaminen"?)`,
		`content/helmet/luonnos.md:9:7: (draft) broken link to ../helmet/olematon.md`,
	}
	code, checkOut, _ := helminauha(t, dir, "check")
	if code != 1 {
		t.Errorf("check: exit status %d, want 1\n%s", code, checkOut)
	}
	var checkErrs []string
	for _, l := range problemLines(checkOut) {
		if !strings.Contains(l, ": warning: ") {
			checkErrs = append(checkErrs, l)
		}
	}
	for _, w := range want {
		if !slices.ContainsFunc(checkErrs, func(l string) bool { return strings.HasPrefix(l, w) }) {
			t.Errorf("check does not report %q:\n%s", w, checkOut)
		}
	}
	code, _, buildErr := helminauha(t, dir, "build", "--drafts")
	if code != 1 {
		t.Errorf("build --drafts: exit status %d, want 1", code)
	}
	if got := problemLines(buildErr); !slices.Equal(got, checkErrs) {
		t.Errorf("build --drafts reports\n%s\ncheck reports\n%s", strings.Join(got, "\n"), strings.Join(checkErrs, "\n"))
	}
	if got := problemLines(serveOnce(t, dir)); !slices.Equal(got, checkErrs) {
		t.Errorf("serve reports\n%s\ncheck reports\n%s", strings.Join(got, "\n"), strings.Join(checkErrs, "\n"))
	}
}

// TestBuildListsDraftsLeftOut: a build without --drafts names the drafts
// it left out, so an editor who expected the page sees why it is missing.
func TestBuildListsDraftsLeftOut(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	code, stdout, stderr := helminauha(t, dir, "build")
	if code != 0 {
		t.Fatalf("build: exit status %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Drafts left out: 1 (") || !strings.Contains(stdout, "\n  content/helmet/luonnos.md\n") {
		t.Errorf("the summary does not list the draft left out:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "helmet", "luonnos")); err == nil {
		t.Errorf("the draft was published")
	}
	_, stdout, _ = helminauha(t, dir, "build", "--drafts")
	if strings.Contains(stdout, "Luonnokset") {
		t.Errorf("build --drafts lists drafts as left out:\n%s", stdout)
	}
}

// TestCheckWarnsOfLinksToDrafts: with drafts checked like other pages, a
// published page that links to a draft still gets a word about it from
// check, since the published build leaves the draft out.
func TestCheckWarnsOfLinksToDrafts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	p := filepath.Join(dir, "content", "helmet", "dialogi.md")
	data, _ := os.ReadFile(p)
	data = append(data, "Lue myös [luonnos](/helmet/luonnos/).\n"...)
	os.WriteFile(p, data, 0o644)
	code, out, _ := helminauha(t, dir, "check")
	if code != 0 {
		t.Errorf("check: exit status %d, want 0\n%s", code, out)
	}
	want := "content/helmet/dialogi.md:10:10: warning: points to the draft content/helmet/luonnos.md"
	if !strings.Contains(out, want) {
		t.Errorf("check does not say %q:\n%s", want, out)
	}
}
