package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryClashInOneRun: files of the editor's in the way of files the
// generator writes were found a stage at a time: a page named like the
// search page and a static feed.xml by the model, a static file in the
// search index's folder only by the build's last stage once those were
// fixed, and by check never (it builds no search index). Each is now found
// in one run of check and of build, at its file, beside every other kind
// of clash, in Finnish and English.
func TestEveryClashInOneRun(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	files := map[string]string{
		"sivut/haku.md":                       "---\ntitle: Haku\n---\nTeksti.\n",
		"static/haku/index.json":              "{}",
		"static/haku/t/p0.json":               "{}",
		"static/oma-helminauha/helmet/0.json": "{}",
		"static/feed.xml":                     "<feed/>",
		"static/Sitemap.xml":                  "<urlset/>",
		"static/helmet/luottamus/index.html":  "<p>x</p>",
		"static/tietoa":                       "x",
		"static/Opas":                         "x",
		"static/robots.txt/lue.txt":           "x",
		"static/favicon.svg":                  "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"static/index.html.gz":                "gz",
		"static/kuvat/Logo.png":               "",
		"static/kuvat/logo.png":               "",
	}
	for name, data := range files {
		write(t, filepath.Join(dir, "content", filepath.FromSlash(name)), data)
	}
	want := map[string][]string{
		"fi": {
			`content/sivut/haku.md: nimi "haku" on varattu portaalin omille sivuille (/haku/)`,
			`content/static/haku/index.json: tiedosto "haku/index.json" kansiossa static on kansiossa haku/, jonka portaali täyttää omilla tiedostoillaan (hakusivu ja sen hakemisto), joiden nimet riippuvat portaalin koosta: siirrä se toiseen kansioon, esimerkiksi static/liitteet/`,
			`content/static/haku/t/p0.json: tiedosto "haku/t/p0.json" kansiossa static on kansiossa haku/`,
			`content/static/oma-helminauha/helmet/0.json: tiedosto "oma-helminauha/helmet/0.json" kansiossa static on kansiossa oma-helminauha/, jonka portaali täyttää omilla tiedostoillaan (oma helminauha -sivu ja sen tiedot)`,
			`content/static/feed.xml: tiedosto "feed.xml" kansiossa static menisi portaalin oman sivun päälle`,
			`content/static/Sitemap.xml: tiedostot "Sitemap.xml" ja "sitemap.xml" eroavat vain isoilta ja pieniltä kirjaimiltaan`,
			`content/static/helmet/luottamus/index.html: tiedosto "helmet/luottamus/index.html" kansiossa static menisi portaalin oman sivun päälle`,
			`content/static/tietoa: tiedosto "tietoa" on siinä, mihin portaalin kansio tietoa/ tulee (sivua tietoa/index.html varten)`,
			`content/static/Opas: tiedostot "Opas" ja "opas" eroavat vain isoilta ja pieniltä kirjaimiltaan`,
			`content/static/robots.txt/lue.txt: tiedosto "robots.txt/lue.txt" tarvitsee kansion robots.txt/, mutta portaali kirjoittaa siihen tiedoston robots.txt`,
			`content/static/favicon.svg: tiedosto "favicon.svg" kansiossa static menisi teeman oman samannimisen tiedoston päälle`,
			`content/static/index.html.gz: tiedosto "index.html.gz" on siinä, mihin tiedoston index.html pakattu kopio tulee`,
			`content/static/kuvat/logo.png: tiedostot "kuvat/Logo.png" ja "kuvat/logo.png" eroavat vain isoilta ja pieniltä kirjaimiltaan`,
		},
		"en": {
			`content/sivut/haku.md: the name "haku" is taken by the portal's own pages (/haku/)`,
			`content/static/haku/index.json: static file "haku/index.json" is in the folder haku/, which the portal fills with files of its own (the search page and its index), named as the portal's size makes them: move it to another folder, for example static/liitteet/`,
			`content/static/haku/t/p0.json: static file "haku/t/p0.json" is in the folder haku/`,
			`content/static/oma-helminauha/helmet/0.json: static file "oma-helminauha/helmet/0.json" is in the folder oma-helminauha/, which the portal fills with files of its own (the own-necklace page and its data)`,
			`content/static/feed.xml: static file "feed.xml" would overwrite a page the portal generates`,
			`content/static/Sitemap.xml: the files "Sitemap.xml" and "sitemap.xml" differ only in upper and lower case`,
			`content/static/helmet/luottamus/index.html: static file "helmet/luottamus/index.html" would overwrite a page the portal generates`,
			`content/static/tietoa: the file "tietoa" is where the folder tietoa/ of the portal's tietoa/index.html goes`,
			`content/static/Opas: the files "Opas" and "opas" differ only in upper and lower case`,
			`content/static/robots.txt/lue.txt: the file "robots.txt/lue.txt" needs a folder robots.txt/, but the portal writes a file robots.txt`,
			`content/static/favicon.svg: static file "favicon.svg" would overwrite the theme's own file of that name`,
			`content/static/index.html.gz: the file "index.html.gz" is where the compressed copy of index.html goes`,
			`content/static/kuvat/logo.png: the files "kuvat/Logo.png" and "kuvat/logo.png" differ only in upper and lower case`,
		},
	}
	for _, lang := range []string{"fi", "en"} {
		code, checkOut, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1", lang, code)
		}
		code, _, buildErr := helminauha(t, dir, "build", "--lang", lang)
		if code != 1 {
			t.Errorf("build --lang %s: exit status %d, want 1", lang, code)
		}
		for _, w := range want[lang] {
			if lines(checkOut, w) != 1 {
				t.Errorf("check --lang %s does not say, once,\n%s\nit says\n%s", lang, w, checkOut)
			}
			if lines(buildErr, w) != 1 {
				t.Errorf("build --lang %s does not say, once,\n%s\nit says\n%s", lang, w, buildErr)
			}
		}
		if n := len(errorLines(checkOut)); lang == "fi" && n != len(want[lang]) {
			t.Errorf("check: %d errors, want the %d clashes alone:\n%s", n, len(want[lang]), checkOut)
		}
	}
	// Once they are fixed, nothing more comes to light.
	for _, name := range []string{"sivut/haku.md", "static/haku", "static/oma-helminauha", "static/feed.xml", "static/Sitemap.xml",
		"static/helmet", "static/tietoa", "static/Opas", "static/robots.txt", "static/favicon.svg", "static/index.html.gz", "static/kuvat/Logo.png"} {
		if err := os.RemoveAll(filepath.Join(dir, "content", filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := helminauha(t, dir, "build"); code != 0 {
		t.Errorf("build after the fixes: exit status %d\n%s%s", code, out, errOut)
	}
}

// TestClashesInALanguagesFolder: static files under a language's folder
// (static/sv/) are in the way of that language's files, its feed, search
// index and pages; the root's own files (the sitemap) are not its, so a
// static/sv/sitemap.xml is published as it is.
func TestClashesInALanguagesFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	for name, data := range map[string]string{
		"sv/feed.xml":                   "<feed/>",
		"sv/haku/index.json":            "{}",
		"sv/helmet/dialogi/index.html":  "<p>x</p>",
		"sv/sitemap.xml":                "<urlset/>",
		"sv/helmet/dialogi/kaavio.json": "{}",
	} {
		write(t, filepath.Join(dir, "content", "static", filepath.FromSlash(name)), data)
	}
	wants := []string{
		`content/static/sv/feed.xml: static file "sv/feed.xml" would overwrite a page the portal generates`,
		`content/static/sv/haku/index.json: static file "sv/haku/index.json" is in the folder sv/haku/, which the portal fills with files of its own`,
		`content/static/sv/helmet/dialogi/index.html: static file "sv/helmet/dialogi/index.html" would overwrite a page the portal generates`,
	}
	if checkOut, _ := failsSaying(t, dir, wants...); !strings.Contains(checkOut, "content: 3 errors,") {
		t.Errorf("check: want the 3 errors alone:\n%s", checkOut)
	}
}
