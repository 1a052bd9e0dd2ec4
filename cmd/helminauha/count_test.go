package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckEndsWithTheCount: check, as an editor types it, ends with how
// many errors and warnings it printed, errors or not, in every language
// and in the text and github formats.
func TestCheckEndsWithTheCount(t *testing.T) {
	t.Parallel()
	unknownKind := func(s string) string { return strings.Replace(s, "kind: menetelma", "kind: metodi", 1) }
	cases := []struct {
		name   string
		edit   func(string) string
		args   []string
		warned string // how a warning line is marked
		want   string // the last line, %d for the counts
	}{
		{"clean", nil, []string{"--lang", "fi"}, ": varoitus: ", "content: ei virheitä, %[2]d varoitusta"},
		{"an error", unknownKind, []string{"--lang", "fi"}, ": varoitus: ", "content: %[1]d virhe ja %[2]d varoitusta"},
		{"errors", func(s string) string {
			return strings.Replace(unknownKind(s), "theme: johtaminen", "theme: johtamista", 1)
		},
			[]string{"--lang", "fi"}, ": varoitus: ", "content: %[1]d virhettä ja %[2]d varoitusta"},
		{"in English", unknownKind, []string{"--lang", "en"}, ": warning: ", "content: %[1]d error, %[2]d warnings"},
		{"in Swedish", unknownKind, []string{"--lang", "sv"}, ": varning: ", "content: %[1]d fel och %[2]d varningar"},
		{"for GitHub", unknownKind, []string{"--lang", "fi", "--format", "github"}, "::warning ", "content: %[1]d virhe ja %[2]d varoitusta"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writePortal(t, "small.txtar", dir)
			if c.edit != nil {
				page := filepath.Join(dir, "content", "helmet", "dialogi.md")
				data, err := os.ReadFile(page)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(page, []byte(c.edit(string(data))), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, stdout, stderr := helminauha(t, dir, append([]string{"check"}, c.args...)...)
			lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
			errs, warns := 0, 0
			for _, l := range lines[:len(lines)-1] {
				if strings.Contains(l, c.warned) {
					warns++
				} else if strings.HasPrefix(l, "content/") || strings.HasPrefix(l, "::error ") {
					errs++
				}
			}
			if warns == 0 {
				t.Fatalf("the fixture gives no warnings to count:\n%s", stdout)
			}
			want := fmt.Sprintf(c.want, errs, warns)
			if last := lines[len(lines)-1]; last != want {
				t.Errorf("check's last line is %q, want %q\nstdout:\n%s\nstderr:\n%s", last, want, stdout, stderr)
			}
		})
	}
}
