package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOtherLanguageTitleHasLang: a Swedish page that links to a Finnish
// page not translated yet, by that page's Finnish title, marks the
// title as Finnish (WCAG 3.1.2) and the link as leading to a Finnish
// page; a link of the editor's own Swedish words to it gets only
// hreflang, and a link within one language neither. Every Swedish page
// the build writes is read for the titles of the untranslated pages:
// wherever one shows, it is inside an element of lang="fi".
func TestOtherLanguageTitleHasLang(t *testing.T) {
	dir := t.TempDir()
	bilingualPortal(t, dir)
	page := filepath.Join(dir, "content", "sv", "sivut", "tietoa.md")
	os.MkdirAll(filepath.Dir(page), 0o755)
	body := "---\ntitle: Om portalen\n---\n" +
		"Läs [Luottamus verkostossa](../helmet/luottamus.md), [den finska pärlan om mål](/helmet/yhteinen-tavoite/), " +
		"[*Verkostojohtamisen opas*](/opas/), [kapitlet om roller](../opas/roolit.md#x) och [Dialog](../helmet/dialogi.md).\n"
	if err := os.WriteFile(page, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	// The heading the fragment names.
	roolit := filepath.Join(dir, "content", "opas", "roolit.md")
	data, _ := os.ReadFile(roolit)
	os.WriteFile(roolit, append(data, "\n## X\n"...), 0o644)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	sv := readPage(t, dir, "sv/tietoa")
	for _, want := range []string{
		`<a href="/portaali/helmet/luottamus/" hreflang="fi" lang="fi">Luottamus verkostossa</a>`,
		`<a href="/portaali/helmet/yhteinen-tavoite/" hreflang="fi">den finska pärlan om mål</a>`,
		`<a href="/portaali/opas/" hreflang="fi" lang="fi"><em>Verkostojohtamisen opas</em></a>`,
		`<a href="/portaali/opas/roolit/#x" hreflang="fi">kapitlet om roller</a>`,
		`<a href="/portaali/sv/helmet/dialogi/">Dialog</a>`,
	} {
		if !strings.Contains(sv, want) {
			t.Errorf("sv/tietoa lacks %s", want)
		}
	}
	fi := readPage(t, dir, "helmet/yhteinen-tavoite")
	if want := `<a href="/portaali/helmet/luottamus/">luottamus</a>`; !strings.Contains(fi, want) {
		t.Errorf("helmet/yhteinen-tavoite lacks %s: a link within one language has no hreflang", want)
	}

	// The Finnish titles no Swedish page translates, shown on any
	// Swedish page, are each inside an element that says lang="fi".
	untranslated := []string{"Luottamus verkostossa", "Yhteinen tavoite", "Verkostojohtamisen opas", "Miksi verkostoja", "Roolit", "Tampereen verkostot", "Verkostotyö"}
	public := filepath.Join(dir, "public", "sv")
	shown := 0
	eachPage(t, public, func(rel, html string) {
		for _, title := range untranslated {
			for _, at := range regexp.MustCompile(`>(<[^/][^>]*>)*`+regexp.QuoteMeta(title)+`<`).FindAllStringIndex(html, -1) {
				shown++
				open := strings.LastIndexByte(html[:at[0]], '<')
				if tag := html[open : at[0]+1]; !strings.Contains(tag, ` lang="fi"`) {
					t.Errorf("sv/%s shows the Finnish title %q in %s, without lang=\"fi\"", rel, title, tag)
				}
			}
		}
	})
	if shown < 2 {
		t.Errorf("the Finnish titles are shown %d times on the Swedish pages, want 2 or more (is the test reading them?)", shown)
	}
}
