package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The tests of this file build small portals of other shapes than the
// default one, where an audit found a reader or an editor told too little
// or something untrue.

// printHeading is a heading on the guide's print page: an element h1–h6,
// or one with role="heading" and its aria-level.
var printHeading = regexp.MustCompile(`<(?:h([1-6])|div role="heading" aria-level="(\d+)")[^>]*>(.*?)</(?:h[1-6]|div)>`)

// TestPrintPageKeepsEveryHeadingLevel: on the guide's print page a
// chapter's headings are one level below the chapter's own h2, and a
// ##### and a ###### both became h6, so a screen reader's outline lost
// its deepest level. The deeper one is a heading of level 7.
func TestPrintPageKeepsEveryHeadingLevel(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Opas\ndescription: Pelkkä opas.\n")
	write(t, filepath.Join(content, "opas", "syva.md"), "---\ntitle: Syvä luku\nweight: 1\nsummary: Kaikki tasot.\n---\n"+
		"## Kaksi\n\nx\n\n### Kolme\n\nx\n\n#### Neljä\n\nx\n\n##### Viisi\n\nx\n\n###### Kuusi\n\nx\n")
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	html := readPage(t, dir, "opas/kokonaan")
	section := html[strings.Index(html, `<section class="print-chapter"`):]
	var outline []string
	for _, m := range printHeading.FindAllStringSubmatch(section, -1) {
		level := m[1] + m[2]
		outline = append(outline, level+" "+regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[3], ""))
	}
	want := []string{"2 Luku 1 Syvä luku", "3 Kaksi", "4 Kolme", "5 Neljä", "6 Viisi", "7 Kuusi"}
	if strings.Join(outline, "\n") != strings.Join(want, "\n") {
		t.Errorf("the print page's outline of the chapter is\n%s\nwant\n%s", strings.Join(outline, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(section, `<div role="heading" aria-level="7" id="luku-1-kuusi">Kuusi</div>`) {
		t.Errorf("the level-7 heading keeps no id of its own:\n%s", section)
	}
	// The chapter's own page has room for every level.
	if page := readPage(t, dir, "opas/syva"); !strings.Contains(page, `<h6 id="kuusi">Kuusi</h6>`) || strings.Contains(page, "aria-level") {
		t.Errorf("the chapter's page has no h6 of its own:\n%s", page)
	}
}

// TestPagesAloneHomePage: a portal of standalone pages alone (no areas,
// guide or case examples) lists them on its home page, which had only
// its title and description; a page other than the footer's three was
// linked from nowhere.
func TestPagesAloneHomePage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang, heading string
	}{
		{"", "Sivut"},
		{"sv-FI", "Sidor"},
		{"en", "Pages"},
	} {
		t.Run(tc.heading, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			content := filepath.Join(dir, "content")
			site := "title: Sivusto\ndescription: Pelkkiä sivuja.\n"
			if tc.lang != "" {
				site += "language: " + tc.lang + "\n"
			}
			write(t, filepath.Join(content, "site.yaml"), site)
			write(t, filepath.Join(content, "sivut", "tietoa.md"), "---\ntitle: Tietoa\nsummary: Portaalista.\n---\nx\n")
			write(t, filepath.Join(content, "sivut", "yhteystiedot.md"), "---\ntitle: Yhteystiedot\n---\nx\n")
			if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
				t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
			}
			home := readPage(t, dir, "")
			main := home[strings.Index(home, "<main"):strings.Index(home, "</main>")]
			for _, want := range []string{
				`<h2 id="sivut_otsikko">` + tc.heading + `</h2>`,
				`<a class="card-title" href="/tietoa/">Tietoa</a><p class="card-summary">Portaalista.</p>`,
				`<a class="card-title" href="/yhteystiedot/">Yhteystiedot</a></li>`,
			} {
				if !strings.Contains(main, want) {
					t.Errorf("the home page lacks %s:\n%s", want, main)
				}
			}
		})
	}
	// A portal of anything else keeps its home page: its pages are in the
	// footer, not among its areas and chapters.
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Opas\ndescription: Opas ja sivu.\n")
	write(t, filepath.Join(content, "opas", "luku.md"), "---\ntitle: Luku\nweight: 1\nsummary: Luku.\n---\nx\n")
	write(t, filepath.Join(content, "sivut", "tietoa.md"), "---\ntitle: Tietoa\n---\nx\n")
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	if home := readPage(t, dir, ""); strings.Contains(home, "sivut_otsikko") {
		t.Errorf("the home page of a guide lists the pages:\n%s", home)
	}
}

// TestSearchNoscriptSaysWhatThereIs: without JavaScript the search page
// offers the theme areas to browse; in a portal of areas and no pearls
// (case examples alone) it promised to browse "pearls by theme area".
func TestSearchNoscriptSaysWhatThereIs(t *testing.T) {
	t.Parallel()
	area := "---\ntitle: Verkostotyö\nweight: 1\nsummary: Verkostoista.\n---\nx\n"
	cs := "---\ntitle: Kokeilu\norganization: Kunta\nthemes: [verkostotyo]\nsummary: Mitä kunta teki.\ndate: 2024-01-01\n---\n" +
		"## Tarve ja tavoitteet\n\nx\n\n## Ratkaisu\n\nx\n\n## Tulokset\n\nx\n\n## Opit\n\nx\n"
	pearl := "---\ntitle: Helmi\ntheme: verkostotyo\nsummary: Helmi.\nkind: tieto\ndate: 2024-01-01\n---\nx\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"areas and case examples", map[string]string{"teemat/verkostotyo.md": area, "caset/kokeilu.md": cs},
			`<noscript><p class="notice">Haku tarvitsee JavaScriptin. Voit selata sivustoa myös teema-alueittain:</p><ul><li><a href="/teemat/verkostotyo/">Verkostotyö</a></li></ul></noscript>`},
		{"areas and a guide", map[string]string{"teemat/verkostotyo.md": area, "opas/luku.md": "---\ntitle: Luku\nweight: 1\nsummary: Luku.\n---\nx\n"},
			`<noscript><p class="notice">Haku tarvitsee JavaScriptin. Voit selata sivustoa myös teema-alueittain:</p><ul><li><a href="/teemat/verkostotyo/">Verkostotyö</a></li></ul></noscript>`},
		{"pearls", map[string]string{"teemat/verkostotyo.md": area, "helmet/helmi.md": pearl},
			`<noscript><p class="notice">Haku tarvitsee JavaScriptin. Voit selata helmiä myös teema-alueittain:</p><ul><li><a href="/teemat/verkostotyo/">Verkostotyö</a></li><li><a href="/tagit/">Aiheet</a></li></ul></noscript>`},
		{"pages alone", map[string]string{"sivut/tietoa.md": "---\ntitle: Tietoa\n---\nx\n"},
			`<noscript><p class="notice">Haku tarvitsee JavaScriptin.</p></noscript>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := smallPortal(t, tc.files)
			built(t, dir)
			if got := regexp.MustCompile(`<noscript>.*?</noscript>`).FindString(readPage(t, dir, "haku")); got != tc.want {
				t.Errorf("the search page says without JavaScript\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestSameWeightZero: two chapters, or two theme areas, of weight 0 were
// ordered by their file names without a word, where any other weight
// given twice is an error. It is told at both files' weight, each
// naming the other (before 2026-12-07 only at the one whose name sorts
// later, so an editor who had just changed the other did not find it
// where they worked).
func TestSameWeightZero(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, file, env, want string
	}{
		{"chapters fi", "opas", "fi", "content/opas/eka.md:3:9: järjestysnumero weight 0 on myös luvulla content/opas/toinen.md: anna jokaiselle luvulle oma numero, se määrää lukujärjestyksen\n" +
			"content/opas/toinen.md:3:9: järjestysnumero weight 0 on myös luvulla content/opas/eka.md: anna jokaiselle luvulle oma numero, se määrää lukujärjestyksen"},
		{"chapters en", "opas", "en", "content/opas/eka.md:3:9: weight 0 is also used by content/opas/toinen.md: give each chapter its own weight, it sets the reading order\n" +
			"content/opas/toinen.md:3:9: weight 0 is also used by content/opas/eka.md: give each chapter its own weight, it sets the reading order"},
		{"chapters sv", "opas", "sv", "content/opas/toinen.md:3:9: ordningsnumret weight 0 används också av content/opas/eka.md: ge varje kapitel ett eget nummer, det bestämmer i vilken ordning kapitlen läses"},
		{"areas", "teemat", "en", "content/teemat/eka.md:3:9: weight 0 is also used by content/teemat/toinen.md: give each theme area its own weight, it sets the order on the necklace\n" +
			"content/teemat/toinen.md:3:9: weight 0 is also used by content/teemat/eka.md: give each theme area its own weight, it sets the order on the necklace"},
		// -1 is a weight too: a first version of telling both files took
		// it for no weight and told nothing.
		{"chapters -1", "opas@-1", "en", "content/opas/toinen.md:3:9: weight -1 is also used by content/opas/eka.md: give each chapter its own weight, it sets the reading order"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			folder, weight, ok := strings.Cut(tc.file, "@") // folder@weight, 0 when not given
			if !ok {
				weight = "0"
			}
			dir := smallPortal(t, map[string]string{
				folder + "/eka.md":    "---\ntitle: Nimi eka\nweight: " + weight + "\nsummary: Lyhyesti.\n---\nx\n",
				folder + "/toinen.md": "---\ntitle: Nimi toinen\nweight: " + weight + "\nsummary: Lyhyesti.\n---\nx\n",
			})
			for _, cmd := range []string{"check", "build"} {
				stdout, stderr := helminauhaEnv(t, dir, []string{"HELMINAUHA_LANG=" + tc.env}, cmd)
				if !strings.Contains(stdout+stderr, tc.want+"\n") {
					t.Errorf("%s says\n%s%s\nwant\n%s", cmd, stdout, stderr, tc.want)
				}
			}
		})
	}
}
