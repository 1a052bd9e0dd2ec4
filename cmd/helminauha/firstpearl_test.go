package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFirstPearlIsNoOrphan follows an editor starting a portal of their
// own: a site.yaml, one theme area, then pearls made by helminauha new.
// The first pearl has nothing to be related to, so check does not ask
// for a relation; once there is a second, a pearl that nothing relates
// to is warned of until one is written.
func TestFirstPearlIsNoOrphan(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"site.yaml":            "title: Oma portaali\ndescription: Uusi portaali.\n",
		"teemat/johtaminen.md": "---\ntitle: Johtaminen\nweight: 1\nsummary: Johtamisen helmet.\n---\nJohdanto.\n",
	} {
		path := filepath.Join(dir, "content", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const orphan = "no case example or related pearl points to this pearl"
	orphans := func() []string {
		t.Helper()
		code, stdout, stderr := helminauha(t, dir, "check")
		if code != 0 {
			t.Fatalf("check: exit status %d\n%s%s", code, stdout, stderr)
		}
		var files []string
		for _, l := range strings.Split(stdout, "\n") {
			if strings.Contains(l, orphan) {
				files = append(files, strings.SplitN(l, ":", 2)[0])
			}
		}
		return files
	}
	if code, _, stderr := helminauha(t, dir, "new", "pearl", "eka", "--theme", "johtaminen"); code != 0 {
		t.Fatalf("new pearl: exit status %d\n%s", code, stderr)
	}
	if got := orphans(); len(got) != 0 {
		t.Errorf("the portal's only pearl is warned of as unrelated: %v", got)
	}
	if code, _, stderr := helminauha(t, dir, "new", "pearl", "toka", "--theme", "johtaminen"); code != 0 {
		t.Fatalf("new pearl: exit status %d\n%s", code, stderr)
	}
	if got, want := strings.Join(orphans(), " "), "content/helmet/eka.md content/helmet/toka.md"; got != want {
		t.Errorf("two unrelated pearls: warned of %q, want %q", got, want)
	}
	toka := filepath.Join(dir, "content", "helmet", "toka.md")
	data, err := os.ReadFile(toka)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(toka, []byte(strings.Replace(string(data), "related: []", "related: [eka]", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := orphans(); len(got) != 0 {
		t.Errorf("related pearls are warned of as unrelated: %v", got)
	}
}
