package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPageAtTheContentRoot: a page saved in the content folder itself
// (content/x.md), where no page is read, was a warning that build only
// counted, and the page was left out of the site unseen. A Markdown file
// there that starts with front matter is a page and an error, in check
// and build, that says it would not be published and names the folder it
// belongs in; the pages that name it there get no error of their own. A
// README.md, or a Markdown file without front matter, is no page: it
// stays the warning of a file that is not part of the portal.
func TestPageAtTheContentRoot(t *testing.T) {
	t.Parallel()
	pearl := "---\ntitle: Uusi\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\n---\nTeksti.\n"
	cases := []struct {
		name   string
		files  map[string]string
		code   int
		fi, en string
	}{
		{"a pearl", map[string]string{"uusi.md": pearl,
			// Named where it belongs: no "no pearl uusi" of its own.
			"helmet/viittaa.md": strings.Replace(pearl, "date:", "related: [uusi]\ndate:", 1)}, 1,
			"content/uusi.md: tämä sivu on sisältökansiossa itsessään, josta sivuja ei lueta, joten sitä ei julkaistaisi: siirrä se kansioon, johon sen laji kuuluu, content/helmet/uusi.md",
			"content/uusi.md: this page is in the content folder itself, where no page is read, so it would not be published: move it to the folder of its kind, content/helmet/uusi.md"},
		{"a case example named as no page may be", map[string]string{"Oma Tapaus.md": "---\ntitle: T\norganization: O\nthemes: [verkostotyo]\nsummary: S.\ndate: 2022-06-01\n---\n"}, 1,
			"content/Oma Tapaus.md: tämä sivu on sisältökansiossa itsessään, josta sivuja ei lueta, joten sitä ei julkaistaisi: siirrä se kansioon, johon sen laji kuuluu, content/caset/oma-tapaus.md",
			"content/Oma Tapaus.md: this page is in the content folder itself, where no page is read, so it would not be published: move it to the folder of its kind, content/caset/oma-tapaus.md"},
		{"a page whose keys do not tell its kind", map[string]string{"tietoa.md": "---\ntitle: Tietoa\n---\nTeksti.\n"}, 1,
			"content/tietoa.md: tämä sivu on sisältökansiossa itsessään, josta sivuja ei lueta, joten sitä ei julkaistaisi: siirrä se kansioon, johon sen laji kuuluu, yksi kansioista teemat, helmet, caset, opas ja sivut",
			"content/tietoa.md: this page is in the content folder itself, where no page is read, so it would not be published: move it to the folder of its kind, one of teemat, helmet, caset, opas and sivut"},
		{"a README", map[string]string{"README.md": "---\ntitle: Sisältö\n---\n# Portaalin sisältö\n\nOhje on sivulla sivut/toimittajalle.md.\n"}, 0,
			"content/README.md: varoitus: tämä tiedosto ei kuulu portaaliin",
			"content/README.md: warning: this file is not part of the portal"},
		{"notes without front matter", map[string]string{"muistiinpanot.md": "# Muistiinpanoja\n\n- kysy kuvista\n"}, 0,
			"content/muistiinpanot.md: varoitus: tämä tiedosto ei kuulu portaaliin",
			"content/muistiinpanot.md: warning: this file is not part of the portal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := portal(t)
			for name, data := range tc.files {
				write(t, filepath.Join(dir, "content", filepath.FromSlash(name)), data)
			}
			for _, lang := range []string{"fi", "en"} {
				want := map[string]string{"fi": tc.fi, "en": tc.en}[lang]
				code, out, _ := helminauha(t, dir, "check", "--lang", lang)
				if code != tc.code || lines(out, want) != 1 {
					t.Errorf("check --lang %s: exit status %d, want %d and one line\n%s\nit says\n%s", lang, code, tc.code, want, out)
				}
				if strings.Contains(out, `"uusi"`) {
					t.Errorf("check --lang %s tells the page naming it of its own:\n%s", lang, out)
				}
				code, _, errOut := helminauha(t, dir, "build", "--lang", lang, "--out", "public-"+lang)
				if tc.code == 0 {
					if code != 0 {
						t.Errorf("build --lang %s: exit status %d, want 0\n%s", lang, code, errOut)
					}
					continue
				}
				if code != 1 || lines(errOut, want) != 1 {
					t.Errorf("build --lang %s: exit status %d, want 1 and one line\n%s\nit says\n%s", lang, code, want, errOut)
				}
			}
		})
	}
}
