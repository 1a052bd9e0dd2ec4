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

// TestNewTranslationIsNotOutdated: a translation just started with
// helminauha new translation copies its original's date:, so until it is
// committed, an original whose file was committed after that date must not
// make check call the new translation older than it (as the editors'
// guide's own example did). Once committed, a later revision of the
// original is warned of as before.
func TestNewTranslationIsNotOutdated(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	gitIn(t, dir, "2023-02-01T12:00:00Z", "init", "-q")
	gitIn(t, dir, "2023-02-01T12:00:00Z", "add", ".")
	gitIn(t, dir, "2023-02-01T12:00:00Z", "commit", "-q", "-m", "portaali")
	orig := filepath.Join(dir, "content", "helmet", "luottamus.md")
	revise := func(date, text string) {
		data, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		write(t, orig, string(data)+"\n"+text+"\n")
		gitIn(t, dir, date, "commit", "-q", "-am", text)
	}
	revise("2024-02-03T12:00:00Z", "Uusi kappale.")
	for _, page := range []string{"teemat/verkostotyo", "helmet/luottamus"} {
		if code, stdout, stderr := helminauha(t, dir, "new", "translation", "sv", page); code != 0 {
			t.Fatalf("new translation sv %s: exit status %d\n%s%s", page, code, stdout, stderr)
		}
	}
	outdated := func() bool {
		_, stdout, _ := helminauha(t, dir, "check", "--lang", "en")
		for _, line := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(line, "content/sv/helmet/luottamus.md") && strings.Contains(line, "was updated") {
				return true
			}
		}
		return false
	}
	if outdated() {
		t.Error("check calls a translation just started older than its original")
	}
	gitIn(t, dir, "2024-03-01T12:00:00Z", "add", ".")
	gitIn(t, dir, "2024-03-01T12:00:00Z", "commit", "-q", "-m", "käännös")
	if outdated() {
		t.Error("check calls a translation committed after its original older than it")
	}
	revise("2025-04-05T12:00:00Z", "Toinen uusi kappale.")
	if !outdated() {
		t.Error("check does not warn of a translation whose original was revised after its commit")
	}
}
