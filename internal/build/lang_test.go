package build_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
)

// TestBilingualPortal builds a portal in Finnish and Swedish: the Swedish
// pages are under /sv/, in Swedish, with their links resolved within
// Swedish first, to the default language's pages and to the shared
// static files and assets otherwise.
func TestBilingualPortal(t *testing.T) {
	res, err := build.Build(context.Background(), build.Options{Content: fixture(t, "bilingual.txtar"), ContentName: "content"})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags.Err())
	}
	files := fileMap(res.Files)
	pearl := string(files["sv/helmet/yhteinen-tavoite/index.html"])
	if pearl == "" {
		t.Fatal("no sv/helmet/yhteinen-tavoite/index.html")
	}
	for _, want := range []string{
		`<html lang="sv" data-lang-path="sv/">`,
		`href="/portaali/sv/tietoa/"`,          // a page of its own language
		`href="/portaali/liitteet/lomake.pdf"`, // the shared static file
		`href="/portaali/opas/"`,               // the Finnish guide it has not
		`href="#varfor-ett-mal"`,               // its own heading
		`<link rel="stylesheet" href="/portaali/assets/style.`,
		`<link rel="icon" href="/portaali/favicon.svg"`,
	} {
		if !strings.Contains(pearl, want) {
			t.Errorf("the Swedish pearl lacks %s", want)
		}
	}
	home := string(files["sv/index.html"])
	if !strings.Contains(home, "<title>Testportal</title>") {
		t.Errorf("the Swedish home page's title is not the language's title:\n%.400s", home)
	}
	if fi := string(files["index.html"]); !strings.Contains(fi, `<html lang="fi">`) || !strings.Contains(fi, "<title>Testiportaali</title>") {
		t.Errorf("the Finnish home page changed:\n%.400s", fi)
	}
	// A host such as GitHub Pages serves the root 404.html for a missing
	// /sv/ address too: it speaks Swedish as well, and each language's
	// 404 page leads to the other's home page.
	for name, want := range map[string]string{
		"404.html":    `<section class="notfound-other" lang="sv" aria-labelledby="notfound-sv">` + "\n" + `<h2 id="notfound-sv">Sidan hittades inte</h2>` + "\n" + `<p><a href="/portaali/sv/" hreflang="sv">Till startsidan</a></p>`,
		"sv/404.html": `<section class="notfound-other" lang="fi" aria-labelledby="notfound-fi">` + "\n" + `<h2 id="notfound-fi">Sivua ei löytynyt</h2>` + "\n" + `<p><a href="/portaali/" hreflang="fi">Etusivulle</a></p>`,
	} {
		if !strings.Contains(string(files[name]), want) {
			t.Errorf("%s lacks\n%s\n%s", name, want, files[name])
		}
	}
	for _, name := range []string{"sv/feed.xml", "sv/haku/index.html", "sv/haku/index.json", "sv/404.html", "sv/teemat/verkostotyo/index.html", "sv/caset/tampere/index.html"} {
		if files[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for _, name := range []string{"sv/robots.txt", "sv/sitemap.xml", "sv/_headers", "sv/helmet/luottamus/index.html"} {
		if files[name] != nil {
			t.Errorf("%s written", name)
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "sv/assets/") {
			t.Errorf("%s written: the languages share the assets", name)
		}
	}
}

// TestLanguageFolderOnlyWhenNamed keeps a folder that site.yaml does not
// name as a language an error, as any unknown folder, which says that
// site.yaml's languages lack it when it holds the content's folders.
func TestLanguageFolderOnlyWhenNamed(t *testing.T) {
	fsys := fixture(t, "bilingual.txtar")
	fsys["site.yaml"].Data = []byte("title: T\ndescription: D\n")
	fsys["muut/muistio.txt"] = &fstest.MapFile{Data: []byte("x")}
	res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content"})
	if err == nil {
		t.Fatalf("a folder sv/ without languages: built")
	}
	got := diagText(res.Diags)
	for _, want := range []string{
		`content/sv: error: folder "sv" is like a translation's folder, but site.yaml names no language "sv": add it to site.yaml's languages`,
		`content/muut: error: unknown folder "muut": use teemat, helmet`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

func diagText(l diag.List) string {
	var b strings.Builder
	for _, e := range l {
		fmt.Fprintf(&b, "%s: %s: %s\n", e.Pos, e.Severity, e.Message(diag.English))
	}
	return b.String()
}

// TestOutdatedTranslation warns of a translation whose original was
// updated after it, naming both files, and of none that is up to date.
func TestOutdatedTranslation(t *testing.T) {
	fsys := fixture(t, "bilingual.txtar")
	res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content", CheckOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		if strings.Contains(d.Error(), "was updated") {
			t.Errorf("an up-to-date translation warned of: %v", d)
		}
	}
	orig := fsys["helmet/yhteinen-tavoite.md"]
	orig.Data = []byte(strings.Replace(string(orig.Data), "date: 2022-06-01", "date: 2022-06-01\nupdated: 2023-02-03", 1))
	res, err = build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content", CheckOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "content/sv/helmet/yhteinen-tavoite.md:9:10: warning: the original content/helmet/yhteinen-tavoite.md was updated (2023-02-03) after this translation (2022-07-01)"
	found := false
	for _, d := range res.Diags {
		found = found || strings.HasPrefix(d.Error(), want)
	}
	if !found {
		t.Errorf("no warning %q in\n%v", want, res.Diags)
	}
}

// TestSwedishSearchIndex finds a Swedish page in the Swedish index, and
// none in the Finnish one.
func TestSwedishSearchIndex(t *testing.T) {
	res, err := build.Build(context.Background(), build.Options{Content: fixture(t, "bilingual.txtar"), ContentName: "content"})
	if err != nil {
		t.Fatal(err)
	}
	files := fileMap(res.Files)
	if sv := string(files["sv/haku/index.json"]); !strings.Contains(sv, "/portaali/sv/helmet/yhteinen-tavoite/") || strings.Contains(sv, "Luottamus verkostossa") {
		t.Errorf("the Swedish index lacks the Swedish pearl or has a Finnish one:\n%.300s", sv)
	}
	if fi := string(files["haku/index.json"]); strings.Contains(fi, "/sv/") {
		t.Errorf("the Finnish index has Swedish pages")
	}
	// Each index has its language's analysis and thesaurus: the default
	// one and the portal's own (content/sanasto.txt, content/sv/sanasto.txt).
	sv, fi := string(files["sv/haku/index.json"]), string(files["haku/index.json"])
	for _, want := range []string{`"lang":"sv"`, `"siktmal":["mal"]`, `"malsattning":["mal"]`} {
		if !strings.Contains(sv, want) {
			t.Errorf("the Swedish index lacks %s:\n%s", want, sv)
		}
	}
	if strings.Contains(sv, `"taht"`) || strings.Contains(fi, `"siktmal"`) || strings.Contains(fi, `"lang"`) {
		t.Errorf("an index has the other language's thesaurus or analysis:\n%s\n%s", sv, fi)
	}
	if !strings.Contains(fi, `"taht":["tavoit"]`) {
		t.Errorf("the Finnish index lacks the portal's rule:\n%s", fi)
	}
	for _, d := range res.Diags {
		if strings.Contains(d.Pos.File, "sanasto") {
			t.Errorf("a thesaurus gets a message: %v", d)
		}
	}
}

// TestLanguageWithoutWordsIsToldInSiteYAML: a language the theme has no
// words for is most often a code mistyped in site.yaml (se for sv, or
// language: de), and the built-in theme's tables are not files the
// editor has: the error stands at the code in site.yaml, names the
// languages the theme has, and says to correct the code.
func TestLanguageWithoutWordsIsToldInSiteYAML(t *testing.T) {
	tests := []struct{ name, from, to, want, fixture string }{
		{"another language", "  sv:\n", "  se:\n", "content/site.yaml:5:3: the theme has no words for the language se (it has en, fi, sv): correct the language's code", ""},
		{"the default language", "baseURL:", "language: de\nbaseURL:", "content/site.yaml:3:11: the theme has no words for the language de (it has en, fi, sv): correct the language's code", ""},
		// Its pages were marked German and written in Finnish words.
		{"the only language", "baseURL:", "language: de\nbaseURL:", "content/site.yaml:3:11: the theme has no words for the language de (it has en, fi, sv): correct the language's code", "small.txtar"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixture(t, cmp.Or(tc.fixture, "bilingual.txtar"))
			cfg := fsys["site.yaml"]
			if !strings.Contains(string(cfg.Data), tc.from) {
				t.Fatalf("site.yaml has no %q", tc.from)
			}
			cfg.Data = []byte(strings.Replace(string(cfg.Data), tc.from, tc.to, 1))
			res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content", CheckOnly: true})
			if !errors.Is(err, build.ErrContent) {
				t.Fatalf("err = %v, want build.ErrContent", err)
			}
			found := false
			for _, d := range res.Diags.Errors() {
				found = found || strings.HasPrefix(d.Error(), tc.want)
				if strings.HasPrefix(d.Pos.File, "themes/") {
					t.Errorf("told at a file of the built-in theme: %v", d)
				}
			}
			if !found {
				t.Errorf("no error %q in\n%v", tc.want, res.Diags)
			}
		})
	}
}

// TestLanguageTagWithRegion: site.yaml's language is a BCP 47 tag, and a
// Finnish portal's Swedish is often written sv-FI. Such a portal's pages
// take the words of its language's table and its search the analysis of
// its language; they were in Finnish words, searched as Finnish, under
// <html lang="sv-FI">.
func TestLanguageTagWithRegion(t *testing.T) {
	// The fixture's case example has the Finnish sections, which a
	// portal of another language warns of as its own are missing.
	for _, tc := range []struct{ tag, skip, lang, section string }{
		{"sv-FI", `<a class="skip-link" href="#sisalto">Gå till innehållet</a>`, `"lang":"sv"`, "Behov och mål"},
		{"SV", `<a class="skip-link" href="#sisalto">Gå till innehållet</a>`, `"lang":"sv"`, "Behov och mål"},
		{"en-GB", `<a class="skip-link" href="#sisalto">Skip to content</a>`, "", "Needs and goals"},
		{"fi-FI", `<a class="skip-link" href="#sisalto">Siirry sisältöön</a>`, "", ""},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			fsys := fixture(t, "small.txtar")
			fsys["site.yaml"].Data = []byte(strings.Replace(string(fsys["site.yaml"].Data), "baseURL:", "language: "+tc.tag+"\nbaseURL:", 1))
			res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content"})
			if err != nil {
				t.Fatalf("build: %v\n%v", err, res.Diags.Err())
			}
			files := fileMap(res.Files)
			home := string(files["index.html"])
			if !strings.Contains(home, `<html lang="`+tc.tag+`">`) || !strings.Contains(home, tc.skip) {
				t.Errorf("the home page is not marked %s in its words (%s):\n%.600s", tc.tag, tc.skip, home)
			}
			index := string(files["haku/index.json"])
			if got := strings.Contains(index, `"lang":`); got != (tc.lang != "") || !strings.Contains(index, tc.lang) {
				t.Errorf("the search index's analysis: want %q in\n%.200s", tc.lang, index)
			}
			warned := diagText(res.Diags)
			if got := strings.Contains(warned, "content/caset/tampere.md: warning: the case example has no section"); got != (tc.section != "") || !strings.Contains(warned, tc.section) {
				t.Errorf("the case example's sections: want a warning of %q in\n%s", tc.section, warned)
			}
		})
	}
}
