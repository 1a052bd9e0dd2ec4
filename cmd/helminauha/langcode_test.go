package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A language of site.yaml's languages written in capitals (SV) named the
// folder of its translations and their addresses (content/SV/, /SV/), so
// that translations saved in content/sv/ failed the build saying that
// site.yaml names no language "sv", where it plainly did. The code is
// an error at its key that names it in lower case; a region stays as it
// is written (sv-FI).
func TestLanguageCodeInCapitals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ code, want string }{
		{"SV", `content/site.yaml:5:3: languages: write the language code "SV" in lower case, sv: it names the translations' folder and their addresses (content/sv/, /sv/)`},
		{"Sv-FI", `content/site.yaml:5:3: languages: write the language code "Sv-FI" in lower case, sv-FI: it names the translations' folder and their addresses (content/sv-FI/, /sv-FI/)`},
	} {
		dir := portal(t)
		site := filepath.Join(dir, "content", "site.yaml")
		src, err := os.ReadFile(site)
		if err != nil {
			t.Fatal(err)
		}
		write(t, site, string(src)+"languages:\n  "+tc.code+":\n    title: Testportal\n    description: En liten portal\n")
		write(t, filepath.Join(dir, "content", strings.ToLower(tc.code[:2])+tc.code[2:], "teemat", "johtaminen.md"),
			"---\ntitle: Ledarskap\nweight: 1\nsummary: Ledarskapets pärlor.\n---\nInledning.\n")
		code, stdout, _ := helminauha(t, dir, "check")
		if code != 1 || !strings.Contains(stdout, tc.want) {
			t.Errorf("languages: {%s: …}: check's exit status %d, want 1 and\n%s\nin\n%s", tc.code, code, tc.want, stdout)
		}
	}
}

// A folder named as the portal's default language (content/fi/ in a
// Finnish portal) was told to be added to site.yaml's languages, which
// refuses the default language; it says the default language's pages go
// in the content folder's own folders.
func TestDefaultLanguageFolder(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "fi", "helmet", "uusi.md"), "---\ntitle: Uusi\ntheme: johtaminen\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n")
	code, stdout, _ := helminauha(t, dir, "check")
	want := `content/fi: folder "fi" is like a translation's folder, but fi is the portal's default language, whose pages are in the content folder's own folders: move the folder's files into them (fi/helmet/x.md to helmet/x.md)`
	if code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("check: exit status %d, want 1 and\n%s\nin\n%s", code, want, stdout)
	}
}
