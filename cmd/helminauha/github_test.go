package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
)

// TestGitHubAnnotations pins the workflow commands check --format github
// prints: one line each, paths from the repository's top, %, CR and LF
// escaped in the message, and also : and , in properties.
func TestGitHubAnnotations(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	res := &build.Result{Diags: diag.List{
		{Pos: diag.Pos{File: "content/helmet/x.md", Line: 3, Col: 7}, Text: diag.CmdFlagDefault.With("100 % valmis")},
		{Pos: diag.Pos{File: filepath.ToSlash(filepath.Join(root, "content", "a,b:c.md")), Line: 2}, Text: diag.CmdFlagDefault.With("m"), Severity: diag.SevWarning, Draft: true},
		{Pos: diag.Pos{File: "content/site.yaml"}, Text: diag.CmdFlagDefault.With("koko tiedosto")},
	}, Dropped: 2}
	var b bytes.Buffer
	writeGitHub(&b, res, root, false, diag.Finnish)
	want := "::error file=content/helmet/x.md,line=3,col=7,title=Virhe::(oletus 100 %25 valmis)\n" +
		"::warning file=content/a%2Cb%3Ac.md,line=2,title=Varoitus luonnoksessa::(oletus m)\n" +
		"::error file=content/site.yaml,title=Virhe::(oletus koko tiedosto)\n" +
		"::error title=Virhe::… ja 2 virhettä lisää (korjaa ensin yllä olevat ja aja komento uudelleen)\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if got := ghData("a%b\r\nc"); got != "a%25b%0D%0Ac" {
		t.Errorf("ghData: got %q", got)
	}
}
