package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/themes"
)

// bilingualPortal writes the small portal with Swedish as its second
// language: one theme area and one pearl translated, the rest not.
func bilingualPortal(t *testing.T, dir string) {
	t.Helper()
	writePortal(t, "small.txtar", dir)
	cfg := filepath.Join(dir, "content", "site.yaml")
	data, _ := os.ReadFile(cfg)
	data = append(data, "languages:\n  sv:\n    title: Testportalen\n    description: En liten portal för tester\n"...)
	files := map[string]string{
		"site.yaml":               string(data),
		"sv/teemat/johtaminen.md": "---\ntitle: Ledarskap\nweight: 1\nsummary: Ledarskapets pärlor.\n---\nInledning.\n",
		"sv/helmet/dialogi.md":    "---\ntitle: Dialog\ntheme: johtaminen\nsummary: Dialogiskt ledarskap.\nkind: menetelma\naudience: [henkilosto]\ndate: 2021-03-01\n---\nText.\n\n- [x] Gjort\n- [ ] Kvar\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	switchLink = regexp.MustCompile(`<nav class="lang-switch"[^>]*>.*?</nav>`)
	hrefOf     = regexp.MustCompile(`<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)">([^<]+)</a>`)
	alternate  = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
)

// TestBothLanguagesAsTyped builds a portal of Finnish and Swedish as an
// editor would and reads what a reader gets: each page's language, its
// words, its alternates, and a language switcher whose every link leads
// to a page the build wrote.
func TestBothLanguagesAsTyped(t *testing.T) {
	dir := t.TempDir()
	bilingualPortal(t, dir)
	// A pearl in Swedish only, with no Finnish original: allowed (the
	// README's format says so), built under /sv/, and its switcher leads
	// where an untranslated page's does (the loop below follows it).
	only := filepath.Join(dir, "content", "sv", "helmet", "bara-pa-svenska.md")
	if err := os.WriteFile(only, []byte("---\ntitle: Bara på svenska\ntheme: johtaminen\nsummary: En pärla för svenska läsare.\nkind: vinkki\naudience: [johto]\ndate: 2024-05-02\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	svOnly := readPage(t, dir, "sv/helmet/bara-pa-svenska")
	if !strings.Contains(svOnly, `<html lang="sv"`) || !strings.Contains(svOnly, "Bara på svenska") {
		t.Errorf("the Swedish-only pearl is not a Swedish page of its title")
	}
	if !strings.Contains(svOnly, `<a href="/portaali/teemat/johtaminen/" lang="fi" hreflang="fi">Suomeksi</a>`) {
		t.Errorf("the Swedish-only pearl's switcher does not lead to its Finnish theme area:\n%s", switchLink.FindString(svOnly))
	}
	if alternate.MatchString(svOnly) {
		t.Errorf("the Swedish-only pearl names alternates, though it has no other language")
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "helmet", "bara-pa-svenska")); err == nil {
		t.Errorf("the Swedish-only pearl got a Finnish page")
	}
	sv := readPage(t, dir, "sv/helmet/dialogi")
	for _, want := range []string{
		`<html lang="sv" data-lang-path="sv/">`,
		`<dt>Publicerad</dt><dd><time datetime="2021-03-01">1 mars 2021</time>`,
		`<a class="kind-label" href="/portaali/sv/tyypit/menetelma/">Metod</a>`,
		`<a href="/portaali/helmet/dialogi/" lang="fi" hreflang="fi">Suomeksi</a>`,
		`<nav class="lang-switch" aria-label="Språk">`,
		`<a class="skip-link" href="#sisalto">Gå till innehållet</a>`,
		`<input type="checkbox" checked disabled aria-label="Klar"> Gjort`,
		`<input type="checkbox" disabled aria-label="Inte klar"> Kvar`,
	} {
		if !strings.Contains(sv, want) {
			t.Errorf("sv/helmet/dialogi lacks %s", want)
		}
	}
	fi := readPage(t, dir, "helmet/dialogi")
	if !strings.Contains(fi, `<html lang="fi">`) || !strings.Contains(fi, `<dt>Julkaistu</dt><dd><time datetime="2021-03-01">1.3.2021</time>`) {
		t.Errorf("the Finnish pearl is not in Finnish words")
	}
	got := alternate.FindAllStringSubmatch(fi, -1)
	want := [][2]string{{"fi", "https://example.org/portaali/helmet/dialogi/"}, {"sv", "https://example.org/portaali/sv/helmet/dialogi/"}, {"x-default", "https://example.org/portaali/helmet/dialogi/"}}
	if len(got) != len(want) {
		t.Fatalf("alternates of helmet/dialogi: %q, want %q", got, want)
	}
	for i, w := range want {
		if got[i][1] != w[0] || got[i][2] != w[1] {
			t.Errorf("alternate %d: %s %s, want %s %s", i, got[i][1], got[i][2], w[0], w[1])
		}
	}
	// An untranslated pearl has no alternates, and its switcher leads
	// to the Swedish theme area it belongs to.
	lone := readPage(t, dir, "helmet/yhteinen-tavoite")
	if alternate.MatchString(lone) {
		t.Errorf("an untranslated pearl has hreflang alternates")
	}
	if !strings.Contains(lone, `<a href="/portaali/sv/" lang="sv" hreflang="sv">På svenska</a>`) &&
		!strings.Contains(lone, `<a href="/portaali/sv/teemat/`) {
		t.Errorf("the switcher of an untranslated pearl leads nowhere useful:\n%s", switchLink.FindString(lone))
	}

	// Every switcher link of every page leads to a page the build wrote.
	pages := 0
	public := filepath.Join(dir, "public")
	eachPage(t, public, func(rel, html string) {
		nav := switchLink.FindString(html)
		if nav == "" {
			t.Errorf("%s has no language switcher", rel)
			return
		}
		for _, m := range hrefOf.FindAllStringSubmatch(nav, -1) {
			pages++
			if m[2] != m[3] {
				t.Errorf("%s: lang %s and hreflang %s differ", rel, m[2], m[3])
			}
			target := filepath.Join(public, strings.TrimPrefix(m[1], "/portaali/"), "index.html")
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: the switcher leads to %s, which the build did not write", rel, m[1])
			}
		}
	})
	if pages < 20 {
		t.Errorf("only %d switcher links", pages)
	}

	sitemap, _ := os.ReadFile(filepath.Join(public, "sitemap.xml"))
	for _, want := range []string{
		`<loc>https://example.org/portaali/sv/helmet/dialogi/</loc>`,
		`<xhtml:link rel="alternate" hreflang="sv" href="https://example.org/portaali/sv/helmet/dialogi/"/>`,
		`<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/portaali/helmet/dialogi/"/>`,
	} {
		if !strings.Contains(string(sitemap), want) {
			t.Errorf("sitemap.xml lacks %s", want)
		}
	}
	feed, err := os.ReadFile(filepath.Join(public, "sv", "feed.xml"))
	if err != nil || !strings.Contains(string(feed), `xml:lang="sv"`) || !strings.Contains(string(feed), "<title>Dialog</title>") {
		t.Errorf("sv/feed.xml is not the Swedish feed: %v\n%s", err, feed)
	}
	if !strings.Contains(sv, `href="/portaali/sv/feed.xml" title="Testportalen: nyaste"`) {
		t.Errorf("the Swedish pages do not name the Swedish feed")
	}
}

// TestMissingWordFailsCheck: a theme whose Swedish table lacks a word the
// templates write fails check, naming the table and the key.
func TestMissingWordFailsCheck(t *testing.T) {
	dir := t.TempDir()
	bilingualPortal(t, dir)
	err := fs.WalkDir(themes.FS, "helminauha", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := fs.ReadFile(themes.FS, p)
		if p == "helminauha/i18n/sv.yaml" {
			data = regexp.MustCompile(`(?m)^pearl\.updated: .*\n`).ReplaceAll(data, nil)
		}
		out := filepath.Join(dir, "themes", filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(out), 0o755)
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := helminauha(t, dir, "check")
	if code != 1 {
		t.Fatalf("check: exit %d, want 1\n%s", code, stderr)
	}
	want := `themes/helminauha/i18n/sv.yaml: the table of words lacks "pearl.updated" (themes/helminauha/templates/pearl.html:`
	if !strings.Contains(stdout, want) {
		t.Errorf("check does not name the table and the key:\n%s\n%s", stdout, stderr)
	}
	if strings.Contains(stdout, "fi.yaml") {
		t.Errorf("check blames the Finnish table too:\n%s", stdout)
	}
}

// TestServeShowsSavesInBothLanguages: on a portal of two languages, what an
// editor saves in either language's folder is what serve shows next, body
// and title alike (a Swedish body save once went unrendered until serve
// was started again).
func TestServeShowsSavesInBothLanguages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/sv/helmet/dialogi/", "Dialog")
	saves := []struct{ file, old, new, page string }{
		{"sv/helmet/dialogi.md", "Text.", "Nyss sparad text.", "/sv/helmet/dialogi/"},
		{"helmet/dialogi.md", "Teksti.", "Juuri tallennettu teksti.", "/helmet/dialogi/"},
		{"sv/helmet/dialogi.md", "title: Dialog\n", "title: Dialog i nätverket\n", "/sv/helmet/dialogi/"},
		{"sv/teemat/johtaminen.md", "Inledning.", "En ny inledning.", "/sv/teemat/johtaminen/"},
	}
	for _, sv := range saves {
		save(t, dir, sv.file, sv.old, sv.new)
		s.waitFor(sv.page, strings.TrimSpace(strings.TrimPrefix(sv.new, "title: ")))
	}
	// The Swedish title reaches the theme area's list of its pearls too.
	s.waitFor("/sv/teemat/johtaminen/", "Dialog i nätverket")
	if err := s.interrupt(); err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C: %v", err)
	}
}

// TestServeRetitlesOtherLanguagesLinks: a Swedish page that links to a
// Finnish page not translated yet by its Finnish title marks the link's
// text as Finnish (lang="fi"); when the Finnish title changes in serve,
// the text is the title no more, and the Swedish pages that link to it
// show so next, as a build would: a pearl's page, a standalone page, and
// for a pearl, a theme area and a chapter alike. Serve once rendered
// only the pages of the saved file's own language, and the Swedish ones
// kept the old lang until a full build.
func TestServeRetitlesOtherLanguagesLinks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	writeAll(t, dir, map[string]string{
		"content/sv/sivut/tietoa.md": "---\ntitle: Om portalen\n---\n" +
			"Läs [Luottamus verkostossa](../helmet/luottamus.md), [Verkostotyö](../teemat/verkostotyo.md) och [Roolit](../opas/roolit.md).\n",
	})
	dialogi := filepath.Join(dir, "content", "sv", "helmet", "dialogi.md")
	data, _ := os.ReadFile(dialogi)
	if err := os.WriteFile(dialogi, append(data, "\nSe [Luottamus verkostossa](../helmet/luottamus.md).\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	const trust = `<a href="/helmet/luottamus/" hreflang="fi"%s>Luottamus verkostossa</a>`
	for _, page := range []string{"/sv/tietoa/", "/sv/helmet/dialogi/"} {
		s.waitFor(page, fmt.Sprintf(trust, ` lang="fi"`))
	}
	saves := []struct {
		file, old, new string
		pages          []string
		want           string
	}{
		{"helmet/luottamus.md", "title: Luottamus verkostossa\n", "title: Luottamus verkostoissa\n", []string{"/sv/tietoa/", "/sv/helmet/dialogi/"}, fmt.Sprintf(trust, "")},
		{"helmet/luottamus.md", "title: Luottamus verkostoissa\n", "title: Luottamus verkostossa\n", []string{"/sv/tietoa/", "/sv/helmet/dialogi/"}, fmt.Sprintf(trust, ` lang="fi"`)},
		{"teemat/verkostotyo.md", "title: Verkostotyö\n", "title: Verkostotyö arjessa\n", []string{"/sv/tietoa/"}, `<a href="/teemat/verkostotyo/" hreflang="fi">Verkostotyö</a>`},
		{"opas/roolit.md", "title: Roolit\n", "title: Roolit verkostossa\n", []string{"/sv/tietoa/"}, `<a href="/opas/roolit/" hreflang="fi">Roolit</a>`},
	}
	for _, sv := range saves {
		save(t, dir, sv.file, sv.old, sv.new)
		for _, page := range sv.pages {
			s.waitFor(page, sv.want)
		}
	}
}

// save replaces old with new in the content folder's file name, as an
// editor saves a change, and fails the test if the file has no old.
func save(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, "content", filepath.FromSlash(name))
	text, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(text), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLanguagesInTheOrderWritten builds a Finnish portal whose site.yaml
// names Swedish, then English, and reads every place a reader or a
// search engine meets the languages listed: the switcher of a page of
// each language, the 404 page's words in the other languages and the
// page's alternates, all in that order, the default language first (the
// switcher listed them by code, English before Swedish).
func TestLanguagesInTheOrderWritten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	cfg := filepath.Join(dir, "content", "site.yaml")
	data, _ := os.ReadFile(cfg)
	data = append(data, "  en:\n    title: Test portal\n    description: A small portal for tests\n"...)
	write(t, cfg, string(data))
	write(t, filepath.Join(dir, "content", "en", "teemat", "johtaminen.md"), "---\ntitle: Leadership\nweight: 1\nsummary: Pearls of leadership.\n---\nIntro.\n")
	write(t, filepath.Join(dir, "content", "en", "helmet", "dialogi.md"), "---\ntitle: Dialogue\ntheme: johtaminen\nsummary: Dialogic leadership.\nkind: menetelma\naudience: [henkilosto]\ndate: 2021-03-01\n---\nText.\n")
	built(t, dir)
	for _, tc := range []struct{ page, switcher string }{
		{"helmet/dialogi/index.html", "sv en"},
		{"sv/helmet/dialogi/index.html", "fi en"},
		{"en/helmet/dialogi/index.html", "fi sv"},
		{"en/tagit/index.html", "fi sv"},
		{"404.html", "sv en"},
	} {
		page := tc.page
		h, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		var langs []string
		for _, m := range langOf.FindAllStringSubmatch(switchLink.FindString(string(h)), -1) {
			langs = append(langs, m[1])
		}
		if page == "404.html" {
			// Its words in each other language too.
			var others []string
			for _, m := range notFoundOther.FindAllStringSubmatch(string(h), -1) {
				others = append(others, m[1])
			}
			if strings.Join(others, " ") != tc.switcher {
				t.Errorf("404.html says it in %q, want %q", strings.Join(others, " "), tc.switcher)
			}
		}
		if want := tc.switcher; strings.Join(langs, " ") != want {
			t.Errorf("%s: the switcher lists %q, want %q as site.yaml names them", page, strings.Join(langs, " "), want)
		}
		var alts []string
		for _, m := range alternate.FindAllStringSubmatch(string(h), -1) {
			alts = append(alts, m[1])
		}
		if strings.Contains(page, "dialogi") && strings.Join(alts, " ") != "fi sv en x-default" {
			t.Errorf("%s: the alternates are %q, want fi sv en x-default", page, strings.Join(alts, " "))
		}
	}
}

var (
	langOf        = regexp.MustCompile(`<a [^>]*lang="([^"]+)"`)
	notFoundOther = regexp.MustCompile(`<section class="notfound-other" lang="([^"]+)"`)
)
