package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/diag"
)

// Names that one file system tells apart and another does not: a build on
// Linux would write both, and a copy of public/ on Windows or macOS (or a
// build there) would keep one. Each pair is an error naming both, in check
// and in build. (A name stored in NFD is refused before it could clash:
// TestDecomposedLetters.)
func TestNamesThatDifferOnlyInCase(t *testing.T) {
	dir := portal(t)
	static := filepath.Join(dir, "content", "static")
	write(t, filepath.Join(static, "kuvat", "Logo.png"), "a")
	write(t, filepath.Join(static, "kuvat", "logo.png"), "b")
	write(t, filepath.Join(static, "Sitemap.xml"), "<urlset/>")
	wants := []string{
		`content/static/kuvat/logo.png: the files "kuvat/Logo.png" and "kuvat/logo.png" differ only in upper and lower case`,
		`content/static/Sitemap.xml: the files "Sitemap.xml" and "sitemap.xml" differ only in upper and lower case`,
	}
	failsSaying(t, dir, wants...)
}

// A page named like one of the portal's languages would be where that
// language's home page goes: the message names the page, not a static
// file that does not exist.
func TestPageNamedLikeALanguage(t *testing.T) {
	dir := t.TempDir()
	bilingualPortal(t, dir)
	write(t, filepath.Join(dir, "content", "sivut", "sv.md"), "---\ntitle: Svenska\n---\nTeksti.\n")
	stdout, stderr := failsSaying(t, dir, `content/sivut/sv.md: the name "sv" is taken by the portal's own pages (/sv/): rename the file, for example sv-sivu.md`)
	if strings.Contains(stdout+stderr, "static") {
		t.Errorf("a message names a static file, and there is none:\n%s%s", stdout, stderr)
	}
}

// A name Windows cannot hold (a device name such as con or aux, whatever
// its extension; one with < > : " | ? * or ending in a dot or a space)
// keeps the whole repository from being checked out on an editor's Windows
// machine: it is an error naming it.
func TestNamesWindowsCannotHold(t *testing.T) {
	dir := portal(t)
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "helmet", "con.md"), "---\ntitle: Con\n---\nTeksti.\n")
	write(t, filepath.Join(content, "static", "liitteet", "AUX.pdf"), "x")
	write(t, filepath.Join(content, "static", "lpt1"), "x")
	write(t, filepath.Join(content, "static", "kysymys?.txt"), "x")
	write(t, filepath.Join(content, "static", "loppupiste."), "x")
	write(t, filepath.Join(content, "static", "com1", "a.txt"), "x")
	// A control character is named among the reasons: a line break was
	// told as none of those the message listed.
	write(t, filepath.Join(content, "static", "rivi\nvaihto.txt"), "x")
	failsSaying(t, dir,
		`"content/static/rivi\nvaihto.txt": the name "rivi\nvaihto.txt" cannot be a file on Windows (a device name such as con or aux, one of < > : " | ? * \, a control character such as a line break or a tab, or a dot`,
		`content/helmet/con.md: file name "con.md" is a name Windows keeps for a device`,
		`content/static/liitteet/AUX.pdf: the name "AUX.pdf" cannot be a file on Windows`,
		`content/static/lpt1: the name "lpt1" cannot be a file on Windows`,
		`content/static/kysymys?.txt: the name "kysymys?.txt" cannot be a file on Windows`,
		`content/static/loppupiste.: the name "loppupiste." cannot be a file on Windows`,
		`content/static/com1: the name "com1" cannot be a file on Windows`,
	)
}

// A static path too long for some file system (here a folder nesting past
// Linux's 4,096 bytes) made check pass and build fail with the whole path
// in the message. Both now refuse a path under static/ past
// content.MaxStaticPath characters, once, at the folder where it crosses
// the limit.
func TestStaticPathTooLong(t *testing.T) {
	dir := portal(t)
	deep := filepath.Join(dir, "content", "static")
	for range 40 {
		deep = filepath.Join(deep, "kansio")
	}
	write(t, filepath.Join(deep, "liite.pdf"), "x")
	crossing := "content/static/" + strings.Repeat("kansio/", 28) + "kansio"
	stdout, stderr := failsSaying(t, dir, crossing+`: the path under static/ is 202 characters long, more than the 200 that fit`)
	if strings.Contains(stdout+stderr, strings.Repeat("kansio/", 31)) {
		t.Errorf("a message quotes the whole path:\n%s%s", stdout, stderr)
	}
}

// Every page lists the theme areas, so their number multiplied every
// page's size: 800 areas took 21 s and 125 MB, 3,000 took 285 s, 3 GB of
// memory and 1.4 GB of output. A pearl's tags are each a page and all on
// its page: 20,000 tags made a 1 MB page. Both are capped, with a message
// that says why and what to do instead.
func TestManyAreasAndTags(t *testing.T) {
	dir := portal(t)
	for i := range 60 {
		write(t, filepath.Join(dir, "content", "teemat", fmt.Sprintf("alue-%d.md", i)),
			fmt.Sprintf("---\ntitle: Alue %d\nweight: %d\nsummary: Alue.\n---\nTeksti.\n", i, 100+i))
	}
	tags := make([]string, 200)
	for i := range tags {
		tags[i] = fmt.Sprintf("tagi%d", i)
	}
	write(t, filepath.Join(dir, "content", "helmet", "tagitettu.md"),
		"---\ntitle: Tagitettu\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\ntags: ["+strings.Join(tags, ", ")+"]\n---\nTeksti.\n")
	failsSaying(t, dir,
		`content/teemat: the portal has 62 theme areas, more than the 50 that fit`,
		`content/helmet/tagitettu.md:7:7: the pearl has 200 tags, more than the 50 that fit`)
}

// --content "" (a variable that was not set, say) is a usage error that
// says what to write, in every command that reads the content folder.
func TestEmptyContentFlag(t *testing.T) {
	dir := portal(t)
	for _, args := range [][]string{{"build"}, {"check"}, {"serve"}, {"new", "pearl", "x", "--theme", "verkostotyo"}} {
		code, stdout, stderr := helminauha(t, dir, append(args, "--content", "")...)
		want := `helminauha: --content is empty: name the portal's content folder, for example --content content`
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s --content \"\": exit status %d, want 2 and %q:\n%s%s", args[0], code, want, stdout, stderr)
		}
	}
}

// A name whose ä is stored as a and two dots (NFD, as some Mac tools
// write it) looks like the name an editor types in a link, but a browser
// asks for the other bytes and the host answers 404; the link check said
// no file had the address. The name is an error that says so.
func TestDecomposedLetters(t *testing.T) {
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "static", "liitteet", "ka\u0308sikirja.pdf"), "x")
	failsSaying(t, dir, "content/static/liitteet/ka\u0308sikirja.pdf: in the name \"ka\u0308sikirja.pdf\" a letter such as ä is stored as two characters")
}

// TestTitleWrittenForAName: an editor names a pearl in related or
// pearls, and an area in theme or themes, by the title they see on its
// page; the message names the file name to write instead (before, it
// suggested none, or a name one typo away from the title).
func TestTitleWrittenForAName(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "teemat", "hyvinvointi.md"), "---\ntitle: Työhyvinvointi ja jaksaminen\nweight: 7\nsummary: S.\n---\n")
	write(t, filepath.Join(dir, "content", "helmet", "kuormitus.md"),
		"---\ntitle: Kuormituksen tunnistaminen arjessa\ntheme: hyvinvointi\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\n---\nTeksti.\n")
	write(t, filepath.Join(dir, "content", "helmet", "uusi.md"),
		"---\ntitle: Uusi\ntheme: Työhyvinvointi ja jaksaminen\nsummary: S.\nkind: vinkki\nrelated: [kuormituksen tunnistaminen arjessa]\ndate: 2022-06-01\n---\nTeksti.\n")
	write(t, filepath.Join(dir, "content", "caset", "uusi.md"),
		"---\ntitle: Uusi case\norganization: O\nperiod: 2020\nthemes: [johtaminen, Työhyvinvointi ja jaksaminen]\npearls: [Luottamus verkostossa]\nsummary: S.\ndate: 2022-06-01\n---\n## Tarve ja tavoitteet\n## Ratkaisu\n## Tulokset\n## Opit\n")
	areas := "hyvinvointi, johtaminen, verkostotyo"
	for _, lang := range diag.Langs {
		want := []string{
			"content/helmet/uusi.md:3:8: " + diag.SiteUnknownTheme.With("Työhyvinvointi ja jaksaminen", diag.DidYouMean.With("hyvinvointi"), areas).In(lang),
			"content/helmet/uusi.md:6:11: " + diag.SiteNoSuchPearl.With("related", "kuormituksen tunnistaminen arjessa", diag.DidYouMean.With("kuormitus")).In(lang),
			"content/caset/uusi.md:5:22: " + diag.SiteUnknownThemes.With("Työhyvinvointi ja jaksaminen", diag.DidYouMean.With("hyvinvointi"), areas).In(lang),
			"content/caset/uusi.md:6:10: " + diag.SiteNoSuchPearl.With("pearls", "Luottamus verkostossa", diag.DidYouMean.With("luottamus")).In(lang),
		}
		code, stdout, stderr := helminauha(t, dir, "check", "--lang", lang.String())
		if code != 1 {
			t.Errorf("check --lang %s: exit status %d, want 1\n%s%s", lang, code, stdout, stderr)
		}
		for _, w := range want {
			if !strings.Contains(stdout, w+"\n") {
				t.Errorf("check --lang %s does not say\n%s\nin:\n%s%s", lang, w, stdout, stderr)
			}
		}
	}
}

// TestLinkToADecomposedName: a page links, as the editor typed it, to a
// static file whose name a Mac saved with ä as two characters. The file's
// name is the one error: the links to it are right, and were told that no
// file has the address, which sent the editor to change them.
func TestLinkToADecomposedName(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "static", "liitteet", "ka\u0308sikirja.pdf"), "x")
	write(t, filepath.Join(dir, "content", "sivut", "kasikirja.md"), "---\ntitle: Käsikirja\n---\nLataa [käsikirja](/liitteet/käsikirja.pdf) tai [sama](../static/liitteet/käsikirja.pdf).\n")
	code, stdout, stderr := helminauha(t, dir, "check", "--lang", "fi")
	want := "content/static/liitteet/ka\u0308sikirja.pdf: " + diag.ContentDecomposedName.With("ka\u0308sikirja.pdf", "käsikirja.pdf").In(diag.Finnish)
	if code != 1 || !strings.Contains(stdout, want+"\n") || strings.Contains(stdout, "content/sivut/kasikirja.md") {
		t.Errorf("check: exit status %d, want 1,\n%s\nand no problem of the page's links; it says\n%s%s", code, want, stdout, stderr)
	}
	if err := os.Rename(filepath.Join(dir, "content", "static", "liitteet", "ka\u0308sikirja.pdf"), filepath.Join(dir, "content", "static", "liitteet", "käsikirja.pdf")); err != nil {
		t.Fatal(err)
	}
	built(t, dir)
}
