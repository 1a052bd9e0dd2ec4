package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestKindsAndAudiencesAsEditorsWriteThem checks pearls whose kind and
// audience are written as editors write them: in capitals, with ä and ö,
// inflected, in the words the site shows in Finnish, Swedish or English,
// in the old word (esimies), several in one text, or unknown. Each is an
// error at its value (file:line:col), in Finnish first, that names the
// value to write when there is one, and in Swedish with --lang sv. Those
// from the inflections on were told no value to write.
func TestKindsAndAudiencesAsEditorsWriteThem(t *testing.T) {
	t.Parallel()
	cases := []struct {
		kind, audience string
		col            int    // of the value told
		want           string // what follows `arvoa "…" ei tunneta`
	}{
		{"Tieto", "", 7, ` (tarkoititko "tieto"?)`},
		{"Menetelmä", "", 7, ` (tarkoititko "menetelma"?)`},
		{"vinkkejä", "", 7, ` (tarkoititko "vinkki"?)`},
		{"Verktyg", "", 7, ` (tarkoititko "tyokalu"?)`},
		{"tool", "", 7, ` (tarkoititko "tyokalu"?)`},
		{"metodi", "", 7, ` (tarkoititko "menetelma"?)`},
		{"menetelma, vinkki", "", 7, ` (helmellä on yksi laji: valitse yksi näistä: menetelma, vinkki)`},
		{"ohje", "", 7, ``},
		{"tieto", "[Esihenkilöt]", 12, ` (tarkoititko "esihenkilot"?)`},
		{"tieto", "[johdolle]", 12, ` (tarkoititko "johto"?)`},
		{"tieto", "[esimiehet]", 12, ` (tarkoititko "esihenkilot"?)`},
		{"tieto", "[henkilökunta]", 12, ` (tarkoititko "henkilosto"?)`},
		{"tieto", "[Chefer]", 12, ` (tarkoititko "esihenkilot"?)`},
		{"tieto", "[johto ja esihenkilöt]", 12, ` (kirjoita arvot luetteloksi: [johto, esihenkilot])`},
		{"tieto", "[esihenkilot/johto]", 12, ` (kirjoita arvot luetteloksi: [esihenkilot, johto])`},
		{"tieto", "[johto esihenkilot]", 12, ` (kirjoita arvot luetteloksi: [johto, esihenkilot])`},
		{"tieto vinkki", "", 7, ` (helmellä on yksi laji: valitse yksi näistä: tieto, vinkki)`},
		{"tieto", "[ylin johto]", 12, ` (tarkoititko "johto"?)`},
		{"tieto", "[kaikki]", 12, ``},
	}
	files := map[string]string{"teemat/johtaminen.md": "---\ntitle: Johtaminen\nweight: 1\nsummary: S.\n---\nJ.\n"}
	for i, c := range cases {
		head := fmt.Sprintf("---\ntitle: Helmi %d\ntheme: johtaminen\nsummary: S.\nkind: %s\n", i, c.kind)
		if c.audience != "" {
			head += "audience: " + c.audience + "\n"
		}
		files[fmt.Sprintf("helmet/h%02d.md", i)] = head + "date: 2022-01-01\n---\nTeksti.\n"
	}
	dir := smallPortal(t, files)
	code, stdout, _ := helminauha(t, dir, "check", "--lang", "fi")
	if code != 1 {
		t.Fatalf("check: exit status %d, want 1\n%s", code, stdout)
	}
	for i, c := range cases {
		key, value, line := "kind", c.kind, 5
		if c.audience != "" {
			key, value, line = "audience", strings.Trim(c.audience, "[]"), 6
		}
		want := fmt.Sprintf("content/helmet/h%02d.md:%d:%d: asetuksen %s arvoa %q ei tunneta%s: kirjoita jokin näistä: ", i, line, c.col, key, value, c.want)
		if !strings.Contains(stdout, want) {
			t.Errorf("%s: %s: check does not say\n%s\nit says:\n%s", key, value, want, strings.Join(problemLines(stdout), "\n"))
		}
	}
	_, stdout, _ = helminauha(t, dir, "check", "--lang", "sv")
	for _, want := range []string{`(menade du "tyokalu"?)`, `(en pärla har en typ: välj en av menetelma, vinkki)`, `(skriv värdena som en lista: [johto, esihenkilot])`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check --lang sv does not say %s:\n%s", want, stdout)
		}
	}
}
