package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// TestOutdatedTranslationPointsAtWhatItCompares: the warning of a
// translation older than its original stands at the translation's date
// it compares, updated: or else date:, where the editor changes it once
// the translation is brought up to date; a translation dated only by its
// file's last commit is warned of at its first line, saying so. In each
// language.
func TestOutdatedTranslationPointsAtWhatItCompares(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	content := filepath.Join(dir, "content")
	// Two originals were revised after their translations' dates: one
	// translation says updated:, the other only date:, and both dates are
	// after the files' commit.
	orig := filepath.Join(content, "helmet", "dialogi.md")
	data, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	write(t, orig, strings.Replace(string(data), "date: 2021-03-01", "date: 2021-03-01\nupdated: 2023-05-02", 1))
	svDialogi := filepath.Join(content, "sv", "helmet", "dialogi.md")
	data, _ = os.ReadFile(svDialogi)
	write(t, svDialogi, strings.Replace(string(data), "date: 2021-03-01", "date: 2022-06-01", 1))
	write(t, filepath.Join(content, "sv", "helmet", "luottamus.md"),
		"---\ntitle: Förtroende\ntheme: johtaminen\nsummary: S.\nkind: tieto\ndate: 2021-03-01\nupdated: 2022-01-02\n---\nText.\n")
	// A theme area has no dates: its translation's file was last
	// committed before the original's.
	gitIn(t, dir, "2022-01-01T12:00:00Z", "init", "-q")
	gitIn(t, dir, "2022-01-01T12:00:00Z", "add", ".")
	gitIn(t, dir, "2022-01-01T12:00:00Z", "commit", "-q", "-m", "portaali")
	area := filepath.Join(content, "teemat", "johtaminen.md")
	data, _ = os.ReadFile(area)
	write(t, area, strings.Replace(string(data), "Johdanto.", "Uusi johdanto.", 1))
	gitIn(t, dir, "2024-02-03T12:00:00Z", "commit", "-q", "-am", "johdanto")

	luottamus := "content/helmet/luottamus.md"
	origOf := func(name string) string { return "content/" + name }
	for _, lang := range diag.Langs {
		_, stdout, stderr := helminauha(t, dir, "check", "--lang", lang.String())
		warning := " " + diag.WarningPrefix.In(lang) + " "
		for _, want := range []string{
			"content/sv/helmet/dialogi.md:7:7:" + warning + diag.TranslationOutdated.In(lang, origOf("helmet/dialogi.md"), "2023-05-02", "2022-06-01"),
			"content/sv/helmet/luottamus.md:7:10:" + warning + diag.TranslationOutdated.In(lang, luottamus, "2023-01-15", "2022-01-02"),
			"content/sv/teemat/johtaminen.md:1:1:" + warning + diag.TranslationOutdatedCommit.In(lang, origOf("teemat/johtaminen.md"), "2024-02-03", "2022-01-01"),
		} {
			if !strings.Contains(stdout, want+"\n") {
				t.Errorf("check --lang %s lacks\n%s\nin:\n%s%s", lang, want, stdout, stderr)
			}
		}
	}
}
