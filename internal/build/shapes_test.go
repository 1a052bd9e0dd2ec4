package build_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/build"
)

// TestSamiLettersHaveAddresses: the Sámi letters that no decomposition
// leads to a plain one (ŋ, ŧ, and đ, which was already spelled) are
// spelled as n, t, d in tag pages' addresses and heading ids, as ä is a.
// A tag "Ŧ" was an error that said it had no letters, and "saŋ" shared
// the page of "sa", shown with whichever spelling came first.
func TestSamiLettersHaveAddresses(t *testing.T) {
	fsys := fixture(t, "small.txtar")
	pearl := fsys["helmet/yhteinen-tavoite.md"]
	text := strings.Replace(string(pearl.Data), "tags: [tavoitteet, Työhyvinvointi]", "tags: [saŋ, sa, Ŧ, Đ]", 1)
	pearl.Data = []byte(strings.Replace(text, "## Miksi tavoite", "## Ŋuolggat ja ŧ\n\n## Miksi tavoite", 1))
	res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content"})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags.Err())
	}
	files := fileMap(res.Files)
	for path, title := range map[string]string{
		"tagit/san/index.html": "<h1>Aihe: saŋ</h1>",
		"tagit/sa/index.html":  "<h1>Aihe: sa</h1>",
		"tagit/t/index.html":   "<h1>Aihe: Ŧ</h1>",
		"tagit/d/index.html":   "<h1>Aihe: Đ</h1>",
	} {
		if page := string(files[path]); !strings.Contains(page, title) {
			t.Errorf("%s: no %s in\n%.300s", path, title, page)
		}
	}
	if page := string(files["helmet/yhteinen-tavoite/index.html"]); !strings.Contains(page, `<h2 id="nuolggat-ja-t">`) {
		t.Errorf("the heading's id is not nuolggat-ja-t:\n%s", page)
	}
}

// emptyList finds a list with no items, but one with an id, which a
// script fills (the search's results, the own necklace).
var emptyList = regexp.MustCompile(`<(ul|ol)((?:\s(?:class|aria-label)="[^"]*")*)>\s*</(?:ul|ol)>`)

// TestNoEmptyNecklace: a portal may have no theme areas (a guide and pages
// alone), and an area may have no pearls yet. Neither shows a heading over
// nothing: the home page of a portal of no areas had "Helmet teemoittain"
// over an empty picture, legend and list, and every page's header an
// "areas" disclosure that opened on nothing; an area with no pearls had
// "0 helmeä" over a bare string on the home page, and its own page the
// heading of its necklace over the kinds' legend and a bare string.
func TestNoEmptyNecklace(t *testing.T) {
	withEmpty := fixture(t, "small.txtar")
	withEmpty["teemat/tyhja.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Tuleva alue\nweight: 3\nsummary: Helmiä tulossa.\n---\nAlueen johdanto.\n")}
	for _, tc := range []struct {
		name  string
		fsys  fstest.MapFS
		want  map[string][]string // page: what it shows
		never []string            // on any page
	}{
		{"no areas", fixture(t, "pagesonly.txtar"), map[string][]string{
			"index.html": {"<h1>Opasportaali</h1>", `<h2 id="opas_otsikko">Opas</h2>`},
		}, []string{`<section class="necklace`, `class="necklace-text"`, `class="nav-menu"`, "Helmet teemoittain"}},
		{"an area with no pearls", withEmpty, map[string][]string{
			"index.html": {
				`<h3 class="strand-title"><a href="/portaali/teemat/tyhja/">Tuleva alue</a></h3>` + "\n" +
					`<p class="strand-empty">Tällä teema-alueella ei ole vielä helmiä.</p>`,
				`<span class="count">2 helmeä</span>`,
			},
			"teemat/tyhja/index.html": {"<h1>Tuleva alue</h1>", "<h2 id=\"helmet_otsikko\">Helmet tyypeittäin</h2>\n<p>Tällä teema-alueella ei ole vielä helmiä.</p>"},
		}, []string{">0 helmeä<", "Tuleva alue: 0 helmeä"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := build.Build(context.Background(), build.Options{Content: tc.fsys, ContentName: "content"})
			if err != nil {
				t.Fatalf("build: %v\n%v", err, res.Diags.Err())
			}
			files := fileMap(res.Files)
			for name, wants := range tc.want {
				for _, want := range wants {
					if !strings.Contains(string(files[name]), want) {
						t.Errorf("%s lacks\n%s\nin\n%s", name, want, files[name])
					}
				}
			}
			if page := string(files["teemat/tyhja/index.html"]); strings.Contains(page, `id="nauha_otsikko"`) {
				t.Errorf("the area with no pearls has a necklace:\n%s", page)
			}
			for name, data := range files {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				page := string(data)
				for _, never := range tc.never {
					if strings.Contains(page, never) {
						t.Errorf("%s shows %q", name, never)
					}
				}
				if m := emptyList.FindString(page); m != "" {
					t.Errorf("%s has an empty list %s", name, m)
				}
			}
			if broken := checkLinks(res.Files, res.Site.Config.BasePath()); len(broken) > 0 {
				t.Errorf("broken links: %v", broken)
			}
		})
	}
}

// TestHomeListsTheStartOfALongGuide: the home page lists a guide's
// chapters up to a dozen, and of a longer guide the first ten and a link
// to the rest in the guide's contents, where a guide of 40 chapters put
// 40 links on the home page. The guide's own contents list them all.
func TestHomeListsTheStartOfALongGuide(t *testing.T) {
	chapter := regexp.MustCompile(`<li><a href="/portaali/opas/[a-z0-9-]+/">`)
	for _, tc := range []struct {
		chapters, shown int
		more            string
	}{
		{12, 12, ""},
		{40, 10, `<p class="strand-more"><a href="/portaali/opas/#sisallys_otsikko">ja 30 muuta lukua</a></p>`},
	} {
		t.Run(fmt.Sprint(tc.chapters), func(t *testing.T) {
			fsys := fixture(t, "small.txtar")
			// The fixture's two chapters, weights 1 and 2, and more.
			for i := 3; i <= tc.chapters; i++ {
				fsys[fmt.Sprintf("opas/luku-%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Luku %d\nweight: %d\nsummary: Luvun %d asiat.\n---\nTeksti.\n", i, i, i)}
			}
			res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content"})
			if err != nil {
				t.Fatalf("build: %v\n%v", err, res.Diags.Err())
			}
			files := fileMap(res.Files)
			home := string(files["index.html"])
			teaser := home[strings.Index(home, `<section class="section guide-teaser"`):]
			if got := len(chapter.FindAllString(teaser, -1)); got != tc.shown {
				t.Errorf("the home page lists %d chapters, want %d:\n%s", got, tc.shown, teaser)
			}
			if got := strings.Contains(teaser, "muuta lukua"); got != (tc.more != "") || !strings.Contains(teaser, tc.more) {
				t.Errorf("the home page's link to the rest: want %q in\n%s", tc.more, teaser)
			}
			if got := strings.Count(string(files["opas/index.html"]), `<span class="toc-num">`); got != tc.chapters {
				t.Errorf("the guide's contents list %d chapters, want %d", got, tc.chapters)
			}
		})
	}
}
