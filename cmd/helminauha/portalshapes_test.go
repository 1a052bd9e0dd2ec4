package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// emptyContainer is a navigation landmark or a list with nothing in it.
// The lists a script fills (the search's hits, the reader's necklace)
// have an id and are left out.
var emptyContainer = regexp.MustCompile(`<(nav|ul|ol)\b([^>]*)>\s*</(?:nav|ul|ol)>`)

// TestSmallPortalsHaveNoEmptyLandmarksOrLists: a pearl alone in its theme
// area and a guide of one chapter had an empty navigation landmark for
// their neighbours ("Teeman helmet", "Oppaan luvut"), a stop in a screen
// reader's list of landmarks that leads nowhere; a portal of case
// examples alone (no pearls, no guide) had an empty list in its header's
// navigation on every page, and a portal of pages alone an empty main
// menu.
func TestSmallPortalsHaveNoEmptyLandmarksOrLists(t *testing.T) {
	t.Parallel()
	area := "---\ntitle: Verkostotyö\nweight: 1\nsummary: Verkostoista.\n---\nJohdanto.\n"
	cs := "---\ntitle: Kokeilu\norganization: Kunta\nthemes: [verkostotyo]\nsummary: Mitä kunta teki.\ndate: 2024-01-01\n%s---\n" +
		"## Tarve ja tavoitteet\n\nx\n\n## Ratkaisu\n\nx\n\n## Tulokset\n\nx\n\n## Opit\n\nx\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"one pearl and a guide of one chapter", map[string]string{
			"teemat/verkostotyo.md": area,
			"helmet/ainoa.md":       "---\ntitle: Ainoa helmi\ntheme: verkostotyo\nsummary: Ainoa.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n",
			"opas/_index.md":        "---\ntitle: Opas\n---\nKansi.\n",
			"opas/luku.md":          "---\ntitle: Ainoa luku\nweight: 1\nsummary: Luku.\n---\nTeksti.\n",
		}},
		{"pages alone", map[string]string{
			"sivut/tietoa.md": "---\ntitle: Tietoa\n---\nPortaalista.\n",
		}},
		{"case examples alone", map[string]string{
			"teemat/verkostotyo.md": area,
			"caset/kokeilu.md":      strings.Replace(cs, "%s", "", 1),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := smallPortal(t, tc.files)
			built(t, dir)
			eachPage(t, filepath.Join(dir, "public"), func(rel, html string) {
				for _, m := range emptyContainer.FindAllStringSubmatch(html, -1) {
					if !strings.Contains(m[2], " id=") {
						t.Errorf("%s: an empty %s: %s", rel, m[1], m[0])
					}
				}
			})
		})
	}
}

// TestGuideWithoutCoverInThePortalsLanguage: a guide of chapters without
// a cover (opas/_index.md), as `helminauha new chapter` leaves it, is
// named in the portal's words. A Swedish or English portal's guide was
// "Opas" in its heading, title, breadcrumb and search, under lang="sv".
func TestGuideWithoutCoverInThePortalsLanguage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ lang, want string }{
		{"fi", "Opas"},
		{"sv-FI", "Guide"},
		{"en", "Guide"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "content", "site.yaml"), "title: Portal\ndescription: A portal.\nlanguage: "+tc.lang+"\n")
			write(t, filepath.Join(dir, "content", "opas", "kapitel.md"), "---\ntitle: Kapitlet\nweight: 1\nsummary: Om kapitlet.\n---\nText.\n")
			if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
				t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
			}
			html := string(read(t, filepath.Join(dir, "public", "opas", "index.html")))
			for _, want := range []string{"<h1>" + tc.want + "</h1>", "<title>" + tc.want + " – Portal</title>"} {
				if !strings.Contains(html, want) {
					t.Errorf("the guide's cover lacks %s", want)
				}
			}
			if tc.want != "Opas" && strings.Contains(html, "Opas") {
				t.Errorf("a guide in %s is named in Finnish:\n%s", tc.lang, html)
			}
		})
	}
}

// TestNewHeadingsInThePortalsLanguage: the headings new writes into a
// pearl and a chapter are no placeholders, so check lets them be
// published; in a Swedish or English portal they were the Finnish ones.
func TestNewHeadingsInThePortalsLanguage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ lang, pearl, chapter string }{
		{"fi", "## Mistä on kyse\n", "## Pohdittavaksi\n"},
		{"sv-FI", "## Vad handlar det om\n", "## Att fundera på\n"},
		{"en", "## What it is about\n", "## Questions to consider\n"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			content := filepath.Join(dir, "content")
			write(t, filepath.Join(content, "site.yaml"), "title: Portal\ndescription: A portal.\nlanguage: "+tc.lang+"\n")
			write(t, filepath.Join(content, "teemat", "natverk.md"), "---\ntitle: Nätverk\nweight: 1\nsummary: Om nätverk.\n---\nText.\n")
			for _, args := range [][]string{{"new", "pearl", "forsta"}, {"new", "chapter", "kapitel"}} {
				if code, stdout, stderr := helminauha(t, dir, args...); code != 0 {
					t.Fatalf("%v: exit %d\n%s%s", args, code, stdout, stderr)
				}
			}
			if text := string(read(t, filepath.Join(content, "helmet", "forsta.md"))); !strings.Contains(text, "---\n\n"+tc.pearl) {
				t.Errorf("the new pearl lacks %q:\n%s", tc.pearl, text)
			}
			if text := string(read(t, filepath.Join(content, "opas", "kapitel.md"))); !strings.Contains(text, "---\n\n"+tc.chapter) {
				t.Errorf("the new chapter lacks %q:\n%s", tc.chapter, text)
			}
		})
	}
}

// TestCaseExamplesAloneHomePage: a portal of theme areas and case
// examples, with no pearl yet, lists its areas on the home page and names
// its feed for what it holds. Its home page had the necklace's heading and
// its words about pearls, then "no pearls yet" under every area, and its
// footer offered "the newest pearls" as a feed of case examples.
func TestCaseExamplesAloneHomePage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Caset\ndescription: Tapausesimerkkejä.\n")
	for i, a := range []string{"verkostotyo", "johtaminen"} {
		write(t, filepath.Join(content, "teemat", a+".md"), fmt.Sprintf("---\ntitle: Alue %s\nweight: %d\nsummary: Alueen %s kuvaus.\n---\nJohdanto.\n", a, i+1, a))
	}
	write(t, filepath.Join(content, "caset", "kokeilu.md"), "---\ntitle: Kokeilu\norganization: Kunta\nthemes: [verkostotyo]\nsummary: Mitä kunta teki.\ndate: 2024-01-01\n---\n"+
		"## Tarve ja tavoitteet\n\nx\n\n## Ratkaisu\n\nx\n\n## Tulokset\n\nx\n\n## Opit\n\nx\n")
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	home := string(read(t, filepath.Join(dir, "public", "index.html")))
	for _, want := range []string{
		`<h2 id="teemat_otsikko">Teema-alueet</h2>`,
		`<a class="card-title" href="/teemat/verkostotyo/">Alue verkostotyo</a>`,
		`<p class="card-summary">Alueen johtaminen kuvaus.</p>`,
		`<a href="/feed.xml">Uusimmat tapausesimerkit syötteenä (Atom)</a>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	for _, unwanted := range []string{"Helmet teemoittain", "ei ole vielä helmiä", "Uusimmat helmet"} {
		if strings.Contains(home, unwanted) {
			t.Errorf("the home page of a portal of no pearls says %q", unwanted)
		}
	}
}

// TestEnglishSearchQuotesTheQueryInEnglish: the search page of a portal in
// English says `1 result for “trust”.` with English quotation marks; it
// used the Finnish and Swedish ”…” on both sides.
func TestEnglishSearchQuotesTheQueryInEnglish(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content", "site.yaml"), "title: Pearls\ndescription: A portal in English.\nlanguage: en\n")
	write(t, filepath.Join(dir, "content", "sivut", "about.md"), "---\ntitle: About\n---\nAbout us.\n")
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	html := string(read(t, filepath.Join(dir, "public", "haku", "index.html")))
	for _, want := range []string{`"status.one":"1 result for “{q}”."`, `"suggest":"Did you mean “{word}”?"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the search page's words lack %s", want)
		}
	}
	if strings.Contains(html, "”{") {
		t.Errorf("the English search page opens a quotation with ”:\n%s", html)
	}
}

// TestFarDatesAreWarnedOf: a date whose year is outside 1900–2100 is most
// often a mistyped year, which puts its page first or last in every list
// of the newest and in the feed for good; check warns of it at the value,
// and the build publishes it. 0001-01-01 was published as no date at all
// ("Julkaistu" over an empty <time>) without a word.
func TestFarDatesAreWarnedOf(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Päivät\ndescription: Päivämääriä.\npearlWords: [0, 0]\n")
	write(t, filepath.Join(content, "teemat", "a.md"), "---\ntitle: Alue\nweight: 1\nsummary: Alue.\n---\nJohdanto.\n")
	pearl := "---\ntitle: %s\ntheme: a\nsummary: Helmi.\nkind: tieto\ndate: %s\nrelated: [%s]\n---\nTeksti.\n"
	write(t, filepath.Join(content, "helmet", "vanha.md"), fmt.Sprintf(pearl, "Vanha", "0001-01-01", "tuleva"))
	write(t, filepath.Join(content, "helmet", "tuleva.md"), fmt.Sprintf(pearl, "Tuleva", "2204-03-01\nupdated: 2205-01-01", "tavallinen"))
	write(t, filepath.Join(content, "helmet", "tavallinen.md"), fmt.Sprintf(pearl, "Tavallinen", "1900-01-01\nupdated: 2100-12-31", "vanha"))
	write(t, filepath.Join(content, "caset", "vanha.md"), "---\ntitle: Vanha case\norganization: Kunta\nthemes: [a]\nsummary: Mitä kunta teki.\ndate: 0001-01-01\n---\n"+
		"## Tarve ja tavoitteet\n\nx\n\n## Ratkaisu\n\nx\n\n## Tulokset\n\nx\n\n## Opit\n\nx\n")
	code, stdout, stderr := helminauha(t, dir, "check")
	for _, want := range []string{
		`content/helmet/vanha.md:6:7: warning: "date": the year of 0001-01-01 is not within 1900–2100`,
		`content/helmet/tuleva.md:6:7: warning: "date": the year of 2204-03-01 is not within 1900–2100`,
		`content/helmet/tuleva.md:7:10: warning: "updated": the year of 2205-01-01 is not within 1900–2100`,
		`content/caset/vanha.md:6:7: warning: "date": the year of 0001-01-01 is not within 1900–2100`,
		"content: no errors, 4 warnings",
	} {
		if code != 0 || !strings.Contains(stdout+stderr, want) {
			t.Errorf("check: exit %d, want 0 and %s in\n%s%s", code, want, stdout, stderr)
		}
	}
	if strings.Contains(stdout+stderr, "tavallinen.md") {
		t.Errorf("check warns of 1900-01-01 or 2100-12-31:\n%s%s", stdout, stderr)
	}
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 || !strings.Contains(stdout+stderr, "4 warnings") {
		t.Errorf("build: exit %d, want 0 and 4 warnings\n%s%s", code, stdout, stderr)
	}
	// 0001-01-01 reads as no date: its page shows none, rather than
	// "Julkaistu" over an empty <time>.
	for _, page := range []string{"helmet/vanha/index.html", "caset/vanha/index.html"} {
		html := string(read(t, filepath.Join(dir, "public", filepath.FromSlash(page))))
		if strings.Contains(html, "<time datetime=\"\"></time>") || strings.Contains(html, "Julkaistu") {
			t.Errorf("%s shows an empty date:\n%s", page, html)
		}
	}
}

// TestNumberedChapterTitlesAreWarnedOf: a guide taken from a document
// numbers its chapters in their titles, which the theme numbers again
// ("Luku 3: 3. Roolit", the next-chapter link "Luku 4: Luku 4: …") and
// the chapter's weight may contradict; check warns at the title. A number
// of the title's own is no chapter number, and neither is a date or a year
// ("1.5.2024 alkaen" was warned of before 2026-12-07).
func TestNumberedChapterTitlesAreWarnedOf(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Opas\ndescription: Opas.\n")
	titles := []struct {
		title, number string
	}{
		{`"Luku 3: Roolit"`, "Luku 3:"},
		{"3. Roolit", "3."},
		{"3.2 Roolit", "3.2"},
		{"3) Roolit", "3)"},
		{"Chapter 12 Roles", "Chapter 12"},
		// A document's numbering pasted with a no-break space after it.
		{"4.\u00a0Roolit", "4."},
		{"Luku\u00a05 Roolit", "Luku\u00a05"},
		{"5 askelta verkostoon", ""},
		{"2020-luvun verkostot", ""},
		{"Roolit 3.0", ""},
		// A date or a year the title starts with is no chapter number.
		{"1.5.2024 alkaen", ""},
		{"01.05.2024 alkaen", ""},
		{"15.3. mennessä", ""},
		{"1.5.\u00a0alkaen", ""},
		{"2024-05-01 alkaen", ""},
		{`"2024: mitä muuttui"`, ""},
		{"3.14. Roolit", "3.14."},
	}
	for i, tc := range titles {
		write(t, filepath.Join(content, "opas", fmt.Sprintf("luku-%d.md", i)), fmt.Sprintf("---\ntitle: %s\nweight: %d\nsummary: Luku.\n---\nTeksti.\n", tc.title, i+1))
	}
	code, stdout, stderr := helminauha(t, dir, "check")
	out := stdout + stderr
	warned := 0
	for i, tc := range titles {
		file := fmt.Sprintf("content/opas/luku-%d.md:2:8: warning: the chapter's title starts with the number %q", i, tc.number)
		if tc.number == "" {
			if strings.Contains(out, fmt.Sprintf("luku-%d.md", i)) {
				t.Errorf("check warns of the title %s:\n%s", tc.title, out)
			}
			continue
		}
		warned++
		if !strings.Contains(out, file) {
			t.Errorf("check: want %s in\n%s", file, out)
		}
	}
	if want := fmt.Sprintf("content: no errors, %d warnings", warned); code != 0 || !strings.Contains(out, want) {
		t.Errorf("check: exit %d, want 0 and %s in\n%s", code, want, out)
	}
}

// TestTwelveAreasHaveTwelveColours: a portal of twelve theme areas that
// name no colour gets twelve different ones, so that a pearl's colour
// tells its area as the legend says; with eight colours the ninth area had
// the first's, the tenth the second's.
func TestTwelveAreasHaveTwelveColours(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Alueet\ndescription: Kaksitoista aluetta.\npearlWords: [0, 0]\n")
	for i := 1; i <= 12; i++ {
		write(t, filepath.Join(content, "teemat", fmt.Sprintf("alue%d.md", i)), fmt.Sprintf("---\ntitle: Alue %d\nweight: %d\nsummary: Alue.\n---\nJohdanto.\n", i, i))
		write(t, filepath.Join(content, "helmet", fmt.Sprintf("helmi%d.md", i)), fmt.Sprintf("---\ntitle: Helmi %d\ntheme: alue%d\nsummary: Helmi.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n", i, i))
	}
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	css, err := filepath.Glob(filepath.Join(dir, "public", "assets", "style.*.css"))
	if err != nil || len(css) != 1 {
		t.Fatalf("the build's stylesheet: %v %v", css, err)
	}
	colours := regexp.MustCompile(`\.teema-(alue\d+)\{--teema:(#[0-9a-f]{6})`).FindAllStringSubmatch(string(read(t, css[0])), -1)
	if len(colours) != 12 {
		t.Fatalf("the stylesheet colours %d areas, want 12", len(colours))
	}
	area := map[string]string{}
	for _, m := range colours {
		if other, ok := area[m[2]]; ok {
			t.Errorf("the areas %s and %s have the same colour %s", other, m[1], m[2])
		}
		area[m[2]] = m[1]
	}
}
