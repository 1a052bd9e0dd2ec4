package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// navTools is the header's list of tools (the guide, the own necklace).
var navTools = regexp.MustCompile(`(?s)<ul class="nav-tools">.*?</ul>`)

// guideOnlyPortal writes a portal of a guide and a page, and no theme
// areas and so no pearls, in dir.
// guideAndPearls builds a guide-only portal and the small portal of
// pearls, each in a new temporary folder: what one lacks, the other must
// keep.
func guideAndPearls(t *testing.T) (guide, pearls string) {
	t.Helper()
	guide, pearls = t.TempDir(), t.TempDir()
	guideOnlyPortal(t, guide)
	writePortal(t, "small.txtar", pearls)
	built(t, guide, pearls)
	return guide, pearls
}

func guideOnlyPortal(t *testing.T, dir string) {
	t.Helper()
	for name, text := range map[string]string{
		"site.yaml":       "title: Opasportaali\ndescription: Opas ilman helmiä\nbaseURL: https://example.org/opas/\n",
		"sivut/tietoa.md": "---\ntitle: Tietoa\n---\nPortaali on yksi opas.\n",
		"opas/_index.md":  "---\ntitle: Verkosto-opas\nsummary: Koko opas.\n---\nOppaan johdanto.\n",
		"opas/alku.md":    "---\ntitle: Alku\nweight: 1\nsummary: Ensimmäinen luku.\n---\nLuku kertoo verkoston käynnistämisestä.\n",
	} {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGuideOnlyHasNoNecklace: a portal of a guide and pages, with no
// pearls, keeps its search, which finds the guide's chapters and the
// pages, and says so ("Hae sivustolta", not "Hae helmiä"); it has no
// own necklace, which it has nothing to collect for: no link to it, no
// page, no data and no script for it. A portal of pearls keeps all.
func TestGuideOnlyHasNoNecklace(t *testing.T) {
	t.Parallel()
	guide, pearls := guideAndPearls(t)

	home := readPage(t, guide, "")
	for _, want := range []string{
		`<form class="header-search" role="search" aria-label="Sivustohaku" action="/opas/haku/"`,
		`<label for="header-q">Hae sivustolta</label>`,
		`placeholder="Hae sivustolta"`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the guide's home page lacks %s", want)
		}
	}
	if tools := navTools.FindString(home); strings.Count(tools, "<li>") != 1 || !strings.Contains(tools, `<a href="/opas/opas/">Opas</a>`) {
		t.Errorf("the header's tools of a guide are not the guide alone: %s", tools)
	}
	index, err := os.ReadFile(filepath.Join(guide, "public", "haku", "index.json"))
	if err != nil || !strings.Contains(string(index), `"/opas/opas/alku/"`) || !strings.Contains(string(index), `"/opas/tietoa/"`) {
		t.Errorf("the search index does not hold the chapter and the page (%v):\n%.400s", err, index)
	}
	if _, err := os.Stat(filepath.Join(guide, "public", "oma-helminauha")); err == nil {
		t.Errorf("a portal of no pearls has the own necklace's folder")
	}
	eachPage(t, filepath.Join(guide, "public"), func(rel, html string) {
		for _, never := range []string{"oma-helminauha", "Oma helminauha", "/assets/oma.", "Hae helmiä"} {
			if strings.Contains(html, never) {
				t.Errorf("public/%s shows %q", rel, never)
			}
		}
	})

	home = readPage(t, pearls, "")
	for _, want := range []string{
		`<label for="header-q">Hae helmiä</label>`,
		`<li><a href="/portaali/oma-helminauha/">Oma helminauha <span class="count-badge" data-necklace-count hidden></span></a></li>`,
		`/portaali/assets/oma.`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page of a portal of pearls lacks %s", want)
		}
	}
	if !strings.Contains(readPage(t, pearls, "oma-helminauha"), `data-necklace-page`) {
		t.Errorf("a portal of pearls has no necklace page")
	}
}

// TestNothingToFeedNoFeed: the feed lists the newest pearls and case
// examples, and must say when it last changed. A portal of neither has
// no feed (it had one of no entries, dated 2000-01-01, which no content
// of the portal was), and no page names one; a portal of pearls has it,
// dated by its newest entry, and built twice the same.
func TestNothingToFeedNoFeed(t *testing.T) {
	t.Parallel()
	guide, pearls := guideAndPearls(t)
	if _, err := os.Stat(filepath.Join(guide, "public", "feed.xml")); err == nil {
		t.Errorf("a portal of no pearls and no case examples has a feed")
	}
	eachPage(t, filepath.Join(guide, "public"), func(rel, html string) {
		for _, never := range []string{"feed.xml", "application/atom+xml", "syötteenä"} {
			if strings.Contains(html, never) {
				t.Errorf("public/%s names the feed: %q", rel, never)
			}
		}
	})

	feed, err := os.ReadFile(filepath.Join(pearls, "public", "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	// The small portal's newest entry is the pearl of 2023-01-15.
	if want := "<id>https://example.org/portaali/</id><updated>2023-01-15T00:00:00Z</updated>"; !strings.Contains(string(feed), want) {
		t.Errorf("the feed is not dated by its newest entry, %s:\n%.600s", want, feed)
	}
	home := readPage(t, pearls, "")
	for _, want := range []string{`<link rel="alternate" type="application/atom+xml" href="/portaali/feed.xml"`, `<a href="/portaali/feed.xml">`} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page of a portal of pearls lacks %s", want)
		}
	}
	if code, _, stderr := helminauha(t, pearls, "build"); code != 0 {
		t.Fatalf("build again: %d\n%s", code, stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(pearls, "public", "feed.xml")); string(again) != string(feed) {
		t.Errorf("the feed differs between two builds of the same content")
	}
}

// TestServeFirstEntryBringsFeedAndNecklace: serve shows on every page
// what a portal's first case example and first pearl bring, the links to
// the feed, to the own necklace and to the list of terms, where only the pages the new file is
// on were rendered again.
func TestServeFirstEntryBringsFeedAndNecklace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	guideOnlyPortal(t, dir)
	write := func(name, text string) {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("teemat/alue.md", "---\ntitle: Alue\nweight: 1\nsummary: Tuleva alue.\n---\nJohdanto.\n")
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	s := startServing(t, cmd)
	s.waitFor("/tietoa/", "Portaali on yksi opas.")
	if _, page := s.get("/tietoa/"); strings.Contains(page, "feed.xml") || strings.Contains(page, "oma-helminauha") || strings.Contains(page, "tagit/") {
		t.Fatalf("a portal of no pearls and no case examples names a feed, a necklace or a list of terms:\n%s", page)
	}
	write("caset/eka.md", "---\ntitle: Eka\norganization: Kunta\nthemes: [alue]\nsummary: Ensimmäinen.\ndate: 2024-02-03\n---\n## Tarve ja tavoitteet\n## Ratkaisu\n## Tulokset\n## Opit\n")
	s.waitFor("/tietoa/", `href="/feed.xml"`)
	s.waitFor("/feed.xml", "<updated>2024-02-03T00:00:00Z</updated>")
	write("helmet/eka.md", "---\ntitle: Ensimmäinen helmi\ntheme: alue\nsummary: Helmi.\nkind: vinkki\ndate: 2024-03-04\n---\nTeksti.\n")
	s.waitFor("/tietoa/", `href="/oma-helminauha/"`)
	s.waitFor("/oma-helminauha/", "data-necklace-page")
	s.waitFor("/tietoa/", `<a href="/tagit/">Aiheet</a>`)
	s.waitFor("/tagit/", "Tyypit")
}

// TestNoTermsNoTermsPage: the list of terms (/tagit/) lists the pearls'
// tags, kinds and audiences. A portal of no pearls has none to list: it
// writes no such page, no page links to it (nor the search page's list
// for a reader without JavaScript), the sitemap does not list it,
// and a link an editor writes to it is broken, at the link (before
// 2026-12-07 every page of a guide alone linked to a list of nothing). A
// portal of pearls keeps all.
func TestNoTermsNoTermsPage(t *testing.T) {
	t.Parallel()
	guide, pearls := guideAndPearls(t)
	if _, err := os.Stat(filepath.Join(guide, "public", "tagit")); err == nil {
		t.Errorf("a portal of no pearls has a list of terms")
	}
	eachPage(t, filepath.Join(guide, "public"), func(rel, html string) {
		for _, never := range []string{"tagit/", ">Aiheet<"} {
			if strings.Contains(html, never) {
				t.Errorf("public/%s names the list of terms: %q", rel, never)
			}
		}
	})
	if sitemap, err := os.ReadFile(filepath.Join(guide, "public", "sitemap.xml")); err != nil || strings.Contains(string(sitemap), "tagit") {
		t.Errorf("the sitemap of a portal of no pearls lists the list of terms (%v):\n%s", err, sitemap)
	}
	// Nor has it a list to browse for a reader without JavaScript.
	if search := readPage(t, guide, "haku"); !strings.Contains(search, `<noscript><p class="notice">Haku tarvitsee JavaScriptin.</p></noscript>`) {
		t.Errorf("the search page of a portal of no pearls offers a list to browse:\n%s", search)
	}
	page := filepath.Join(guide, "content", "sivut", "tietoa.md")
	if err := os.WriteFile(page, []byte("---\ntitle: Tietoa\n---\nKatso [aiheet](/tagit/).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := helminauha(t, guide, "build"); code == 0 || !strings.Contains(stderr, "content/sivut/tietoa.md:4:7: broken link to /tagit/: no page or file has the address /tagit/: the list of topics is made only when the portal has pearls") {
		t.Errorf("a link to the list of terms of a portal of no pearls is not an error at the link (%d):\n%s", code, stderr)
	}

	home := readPage(t, pearls, "")
	if !strings.Contains(home, `<li><a href="/portaali/tagit/">Aiheet</a></li>`) {
		t.Errorf("the home page of a portal of pearls does not link the list of terms")
	}
	if !strings.Contains(readPage(t, pearls, "tagit"), `<h1>Aiheet</h1>`) {
		t.Errorf("a portal of pearls has no list of terms")
	}
	if sitemap, _ := os.ReadFile(filepath.Join(pearls, "public", "sitemap.xml")); !strings.Contains(string(sitemap), "/portaali/tagit/</loc>") {
		t.Errorf("the sitemap of a portal of pearls does not list the list of terms")
	}
}
