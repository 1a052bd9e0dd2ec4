package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writtenLinks link to a file of every kind the build writes itself,
// each named by a letter.
const writtenLinks = "[a](/sitemap.xml) [b](/robots.txt) [c](/_headers) [d](/feed.xml) [e](/404.html) [f](/haku/) " +
	"[g](/tagit/) [h](/oma-helminauha/) [i](/teemat/verkostotyo/sivu/2/) [j](/tyypit/tieto/sivu/2/) [k](/opas/kokonaan/) [l](/favicon.svg) " +
	"[m](/haku/index.json) [n](/oma-helminauha/helmet/0.json)\n"

var namedLink = regexp.MustCompile(`<a href="([^"]+)"[^>]*>([a-n])</a>`)

// TestLinksReachTheFilesTheBuildWrites: the link check knew the files the
// build writes as one list for every language, so a Swedish page's link
// to /sitemap.xml passed and was written as /sv/sitemap.xml, which no
// build writes (the sitemap, robots.txt and _headers are the root's
// alone), and a link to the second page of a long list or to the theme's
// favicon.svg, which the build does write, failed; so did one to the
// search index's manifest and to the necklace's data, which every build of
// a portal with pearls writes. Each link of a page in either language now leads to
// a file the build wrote.
func TestLinksReachTheFilesTheBuildWrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	// 61 pearls of one area and kind: their lists take two pages.
	writePearls(t, dir, "iso", 61)
	page := "---\ntitle: Tietoa\n---\nSivu.\n\n" + writtenLinks
	write(t, filepath.Join(dir, "content", "sivut", "tietoa.md"), page)
	write(t, filepath.Join(dir, "content", "sv", "sivut", "tietoa.md"), page)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s", code, stderr)
	}
	public := filepath.Join(dir, "public")
	for _, built := range []string{"tietoa/index.html", "sv/tietoa/index.html"} {
		html, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(built)))
		if err != nil {
			t.Fatal(err)
		}
		found := namedLink.FindAllStringSubmatch(string(html), -1)
		if len(found) != 14 {
			t.Errorf("%s: %d of the 14 links, want all:\n%q", built, len(found), found)
		}
		for _, m := range found {
			// The small portal lives under /portaali/.
			file, ok := strings.CutPrefix(m[1], "/portaali/")
			if !ok {
				t.Errorf("%s: link %s leads to %s, outside the portal's base path", built, m[2], m[1])
			}
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			if info, err := os.Stat(filepath.Join(public, filepath.FromSlash(file))); err != nil || info.IsDir() {
				t.Errorf("%s: link %s leads to %s, which the build did not write", built, m[2], m[1])
			}
		}
	}
}

// TestLinksToFilesNotWrittenAreErrors: a link to a file the build will not
// write is an error at the link, in the editor's language: the guide's
// print page, which is made only for a guide of chapters (the check took
// it as written whatever the guide), and a page past the last of a list.
func TestLinksToFilesNotWrittenAreErrors(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	for _, f := range []string{"opas/miksi.md", "opas/roolit.md"} {
		if err := os.Remove(filepath.Join(dir, "content", filepath.FromSlash(f))); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "content", "sivut", "tietoa.md"),
		"---\ntitle: Tietoa\n---\nSivu.\n\n[Koko opas](/opas/kokonaan/) ja [sivu 2](/teemat/verkostotyo/sivu/2/)\n")
	want := map[string][]string{
		"fi": {
			`content/sivut/tietoa.md:6:1: linkki osoitteeseen /opas/kokonaan/ ei toimi: millään sivulla tai tiedostolla ei ole osoitetta /opas/kokonaan/: oppaan tulostettava sivu tehdään vain, kun oppaassa on lukuja (kansiossa opas/)`,
			`content/sivut/tietoa.md:6:33: linkki osoitteeseen /teemat/verkostotyo/sivu/2/ ei toimi: millään sivulla tai tiedostolla ei ole osoitetta /teemat/verkostotyo/sivu/2/`,
		},
		"en": {
			`content/sivut/tietoa.md:6:1: broken link to /opas/kokonaan/: no page or file has the address /opas/kokonaan/: the guide's print page is made only when the guide has chapters (in the folder opas/)`,
		},
		"sv": {
			`content/sivut/tietoa.md:6:1: `,
			`guidens utskriftssida görs bara när guiden har kapitel (i mappen opas/)`,
		},
	}
	for _, lang := range []string{"fi", "en", "sv"} {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1", lang, code)
		}
		for _, w := range want[lang] {
			if !strings.Contains(out, w) {
				t.Errorf("check --lang %s does not say\n%s\nit says\n%s", lang, w, out)
			}
		}
		if n := lines(out, "content/sivut/tietoa.md:6:"); n != 2 || !strings.Contains(out, "content: 2 ") {
			t.Errorf("check --lang %s: %d errors, want the 2 links:\n%s", lang, n, out)
		}
	}
}

// TestLinksToFilesTheBuildNamesAreErrors: a link into the folders the
// portal fills with files named as its size makes them (haku/,
// oma-helminauha/) to a file it does not write now, and to a theme's
// stylesheet or script by its plain name or by the fingerprint it has
// today, is an error at the link that says why and what to link to
// instead: the asset's name changes whenever it does, and the size's names
// when the portal grows. Before, each was told only that no page has the
// address, though the build wrote some of them.
func TestLinksToFilesTheBuildNamesAreErrors(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	if code, _, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s", code, stderr)
	}
	styles, err := filepath.Glob(filepath.Join(dir, "public", "assets", "style.*.css"))
	if err != nil || len(styles) != 1 {
		t.Fatalf("the build wrote no one stylesheet: %v %v", styles, err)
	}
	style := "/assets/" + filepath.Base(styles[0])
	write(t, filepath.Join(dir, "content", "sivut", "tietoa.md"), "---\ntitle: Tietoa\n---\n"+
		"[a](/haku/t/0.json) [b](/oma-helminauha/helmet/1.json) [c](/assets/style.css) [d]("+style+") [e](/assets/ei-ole.css) [f](/oma-helminauha/helmet/-1.json)\n")
	want := map[string][]string{
		"fi": {
			"content/sivut/tietoa.md:4:1: linkki osoitteeseen /haku/t/0.json ei toimi: millään sivulla tai tiedostolla ei ole osoitetta /haku/t/0.json: kansio haku/ on portaalin oma (hakusivu ja sen hakemisto), ja sen tiedostojen nimet riippuvat portaalin koosta, joten ne voivat muuttua missä julkaisussa tahansa: linkitä sivulle /haku/",
			"content/sivut/tietoa.md:4:21: linkki osoitteeseen /oma-helminauha/helmet/1.json ei toimi: millään sivulla tai tiedostolla ei ole osoitetta /oma-helminauha/helmet/1.json: kansio oma-helminauha/ on portaalin oma (oma helminauha -sivu ja sen tiedot)",
			"content/sivut/tietoa.md:4:56: linkki osoitteeseen /assets/style.css ei toimi: osoite /assets/style.css on teeman tyyli- tai skriptitiedoston, jonka julkaisu nimeää sisällön mukaan (assets/style.3f2a9c1e.css) ja nimeää uudelleen aina, kun se muuttuu, joten linkki siihen lakkaisi toimimasta: sivu ei tarvitse linkkiä teeman tiedostoon; linkitettävä tiedosto kuuluu kansioon static/",
			"content/sivut/tietoa.md:4:79: linkki osoitteeseen " + style + " ei toimi: osoite " + style + " on teeman tyyli- tai skriptitiedoston",
			"ei toimi: millään sivulla tai tiedostolla ei ole osoitetta /assets/ei-ole.css\n",
		},
		"en": {
			"content/sivut/tietoa.md:4:1: broken link to /haku/t/0.json: no page or file has the address /haku/t/0.json: in the folder haku/ the portal writes the search page and its index, whose files are named as the portal's size makes them and may change with any build: link to the page /haku/",
			// No shard has a number below 0.
			"broken link to /oma-helminauha/helmet/-1.json: no page or file has the address /oma-helminauha/helmet/-1.json",
			"content/sivut/tietoa.md:4:56: broken link to /assets/style.css: /assets/style.css is a stylesheet or script of the theme, which the build names by its content (assets/style.3f2a9c1e.css) and renames whenever it changes, so a link to it would stop working: a page needs no link to the theme's files; a file to link to belongs under static/",
		},
		"sv": {
			"content/sivut/tietoa.md:4:21: ",
			"i mappen oma-helminauha/ skriver portalen sidan för det egna pärlbandet och dess data, vars filer namnges efter portalens storlek och kan ändras vid varje publicering: länka till sidan /oma-helminauha/",
			"är en stilmall eller ett skript i temat",
		},
	}
	for _, lang := range []string{"fi", "en", "sv"} {
		code, out, _ := helminauha(t, dir, "check", "--lang", lang)
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1", lang, code)
		}
		for _, w := range want[lang] {
			if !strings.Contains(out, w) {
				t.Errorf("check --lang %s does not say\n%s\nit says\n%s", lang, w, out)
			}
		}
		if n := lines(out, "content/sivut/tietoa.md:4:"); n != 6 {
			t.Errorf("check --lang %s: %d errors, want the 6 links:\n%s", lang, n, out)
		}
	}
}

// TestStaticFileOnAListsSecondPage: a static file where a long list's
// second page goes, or where the folder of the root's _headers would be,
// was found only by the build's last stage, which runs once the model has
// no errors, so check, beside any other error, never told it. It is told
// with the model's problems, at the static file.
func TestStaticFileOnAListsSecondPage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bilingualPortal(t, dir)
	writePearls(t, dir, "iso", 61)
	for _, f := range []string{"static/teemat/verkostotyo/sivu/2/index.html", "static/sv/tagit/sivu/2/index.html", "static/tyypit/tieto/sivu/2/index.html", "static/_headers/lue.txt"} {
		write(t, filepath.Join(dir, "content", filepath.FromSlash(f)), "<p>x</p>")
	}
	// A broken link: the model has an error of its own.
	write(t, filepath.Join(dir, "content", "sivut", "tietoa.md"), "---\ntitle: Tietoa\n---\n[x](/ei-ole/)\n")
	_, buildErr := failsSaying(t, dir,
		`content/sivut/tietoa.md:4:1: broken link to /ei-ole/`,
		`content/static/teemat/verkostotyo/sivu/2/index.html: static file "teemat/verkostotyo/sivu/2/index.html" would overwrite a page the portal generates`,
		`content/static/tyypit/tieto/sivu/2/index.html: static file "tyypit/tieto/sivu/2/index.html" would overwrite a page the portal generates`,
		`content/static/_headers/lue.txt: the file "_headers/lue.txt" needs a folder _headers/, but the portal writes a file _headers`,
	)
	// The Swedish list of terms has one page: its second is no clash.
	if strings.Contains(buildErr, "static/sv/tagit") {
		t.Errorf("build tells of static/sv/tagit/sivu/2/index.html, which no page is in the way of:\n%s", buildErr)
	}
	code, out, _ := helminauha(t, dir, "check", "--lang", "fi")
	if code != 1 || !strings.Contains(out, `content/static/teemat/verkostotyo/sivu/2/index.html: tiedosto "teemat/verkostotyo/sivu/2/index.html" kansiossa static menisi portaalin oman sivun päälle`) {
		t.Errorf("check --lang fi: exit status %d, does not tell the clash in Finnish:\n%s", code, out)
	}
}
