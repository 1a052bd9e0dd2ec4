package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestPortalThesaurus runs the binary as an editor would: check names a
// malformed line of content/sanasto.txt by file, line and column, in
// Finnish first, and fails; once it is fixed, the build carries the
// portal's own rule in the search index.
func TestPortalThesaurus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	thesaurus := filepath.Join(dir, "content", "sanasto.txt")
	os.WriteFile(thesaurus, []byte("# portaalin omat sanat\nyhteistyökumppani > kumppani\nluottamuspula luottamus\n"), 0o644)
	code, stdout, _ := helminauha(t, dir, "check")
	if code != 1 || !strings.Contains(stdout, "content/sanasto.txt:3:1: ") {
		t.Fatalf("check: exit status %d, want 1 and the line named:\n%s", code, stdout)
	}
	if stdout, _ := helminauhaEnv(t, dir, []string{diag.LangEnv + "=fi"}, "check"); !strings.Contains(stdout, "content/sanasto.txt:3:1: rivi ei ole sanaston muotoa") {
		t.Errorf("check in Finnish lacks the line's message:\n%s", stdout)
	}

	os.WriteFile(thesaurus, []byte("# portaalin omat sanat\nluottamuspula > luottamus\n"), 0o644)
	if code, stdout, stderr := helminauha(t, dir, "build", "--quiet"); code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
	}
	index, err := os.ReadFile(filepath.Join(dir, "public", "haku", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), `"luottamuspul":["luottam"]`) {
		t.Errorf("the index lacks the portal's rule luottamuspula > luottamus:\n%s", index)
	}
}
