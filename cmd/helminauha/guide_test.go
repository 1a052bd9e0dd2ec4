//go:build portal

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGuideExamplesWork runs the helminauha new commands the editors'
// guide (this repository's content/sivut/toimittajalle.md) tells an editor
// to type, in a copy of the portal, and expects each to work as written
// and check to pass afterwards. It pins this repository's content, so it
// runs with the tag portal (make test-portal).
func TestGuideExamplesWork(t *testing.T) {
	guide, err := os.ReadFile("../../content/sivut/toimittajalle.md")
	if err != nil {
		t.Fatal(err)
	}
	cmds := regexp.MustCompile(`(?m)^\s*\./helminauha (new [^\n]+)$`).FindAllStringSubmatch(string(guide), -1)
	if len(cmds) == 0 {
		t.Fatal("the guide shows no ./helminauha new command")
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	for _, c := range cmds {
		args := strings.Fields(c[1])
		code, stdout, stderr := helminauha(t, dir, args...)
		if code != 0 {
			t.Errorf("helminauha %s: exit status %d\n%s%s", c[1], code, stdout, stderr)
		}
	}
	if code, stdout, _ := helminauha(t, dir, "check"); code != 0 {
		t.Errorf("check after the guide's commands: exit status %d\n%s", code, stdout)
	}
}
