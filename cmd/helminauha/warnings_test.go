package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBuildSaysThereAreWarnings: build prints no warnings, but its last
// lines give their number, the one check ends with, and point to check;
// a note saved beside the pages is one of them. --quiet leaves it out.
func TestBuildSaysThereAreWarnings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	if err := os.WriteFile(filepath.Join(dir, "content", "helmet", "muistio.txt"), []byte("muista"), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := binary(t)
	_, out, _ := runIn(t, bin, dir, nil, "check")
	m := regexp.MustCompile(`content: ei virheitä, (\d+) varoitusta`).FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, "content/helmet/muistio.txt") {
		t.Fatalf("check does not warn of the note:\n%s", out)
	}
	// check counts the drafts' warnings too; build, without --drafts,
	// only those of what it publishes.
	published := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, ": varoitus: ") && !strings.Contains(l, "(luonnos)") {
			published++
		}
	}
	if published == 0 || fmt.Sprint(published) == m[1] {
		t.Fatalf("the fixture should have warnings in drafts and in published pages:\n%s", out)
	}
	code, out, errOut := runIn(t, bin, dir, nil, "build")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	if want := fmt.Sprint(published) + " varoitusta (helminauha check luettelee ne)\n"; !strings.Contains(out, want) {
		t.Errorf("build's output lacks %q:\n%s", want, out)
	}
	_, out, _ = runIn(t, bin, dir, nil, "build", "--drafts", "--out", "luonnokset")
	if want := m[1] + " varoitusta (helminauha check luettelee ne)\n"; !strings.Contains(out, want) {
		t.Errorf("build --drafts's output lacks %q:\n%s", want, out)
	}
	if strings.Contains(out+errOut, "muistio.txt") {
		t.Errorf("build printed the warning itself:\n%s%s", out, errOut)
	}
	_, out, _ = runIn(t, bin, dir, nil, "build", "--quiet")
	if strings.Contains(out, "varoitus") {
		t.Errorf("build --quiet speaks of warnings:\n%s", out)
	}
}
