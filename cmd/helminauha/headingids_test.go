package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHeadingNamedAsThePagesOwnPart: a heading whose words are those of
// an element the theme puts on every page ("## Sisältö", the main
// element the skip link leads to; "## Header Q", the header's search
// field) gets an id of its own, so that the page has no id twice and a
// link to the heading leads to it, not to the top of the content.
func TestHeadingNamedAsThePagesOwnPart(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "helmet", "x.md"), "---\ntitle: Uusi\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\n---\n"+
		"[Sisältöön](#otsikko-sisalto).\n\n## Sisällys\n\n## Sisältö\n\nTeksti.\n\n## Header Q\n")
	code, out, errOut := helminauha(t, dir, "build")
	if code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, out, errOut)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "helmet", "x", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, m := range regexp.MustCompile(`\sid="?([^"\s>]+)`).FindAllStringSubmatch(string(page), -1) {
		seen[m[1]]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("the page has %d elements of id %q", n, id)
		}
	}
	for _, h := range []string{`<h2 id="otsikko-sisallys">Sisällys</h2>`, `<h2 id="otsikko-sisalto">Sisältö</h2>`, `<h2 id="otsikko-header-q">Header Q</h2>`, `<a href="#otsikko-sisalto">`} {
		if !strings.Contains(string(page), h) {
			t.Errorf("the page has no %s", h)
		}
	}
	if seen["sisalto"] != 1 || seen["header-q"] != 1 {
		t.Errorf("the page's main element and search field lost their ids: %v", seen)
	}
}
