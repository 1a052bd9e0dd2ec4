package build

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/render"
)

// TestSessionKeepsPagedListsRight: the pages of a long list move when a
// pearl is added or removed before them, and pages appear and go; a
// session's build must still equal a full build, and an edit that shows
// on one page only renders that page.
func TestSessionKeepsPagedListsRight(t *testing.T) {
	fsys := fixture(t)
	pearl := func(i int, title string) []byte {
		return []byte(fmt.Sprintf("---\ntitle: %s\ntheme: johtaminen\nsummary: Tiivistelmä %d.\nkind: tieto\ntags: [monta]\ndate: 2024-01-01\n---\nTeksti %d.\n", title, i, i))
	}
	n := 2*render.PageSize + 10 // three pages
	for i := range n {
		fsys[fmt.Sprintf("helmet/monta-%03d.md", i)] = &fstest.MapFile{Data: pearl(i, fmt.Sprintf("Monta %03d", i))}
	}
	ss, res := firstBuild(t, fsys)
	ctx := context.Background()
	has := func(res *Result, p string) bool {
		for _, f := range res.Files {
			if f.Path == p {
				return true
			}
		}
		return false
	}
	if !has(res, "teemat/johtaminen/sivu/3/index.html") || !has(res, "tagit/monta/sivu/3/index.html") {
		t.Fatal("the fixture's lists do not take three pages")
	}

	steps := []struct {
		name    string
		edit    func()
		changed []string
		most    int // at most this many pages rendered anew (0: any)
	}{
		{"a pearl first in the order shifts every page", func() {
			fsys["helmet/aaa.md"] = &fstest.MapFile{Data: pearl(999, "Aaa alkuun")}
		}, []string{"helmet/aaa.md"}, 0},
		{"the body of a listed pearl", func() {
			fsys["helmet/monta-070.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(pearl(70, "Monta 070")), "Teksti 70.", "Uusi teksti.", 1))}
		}, []string{"helmet/monta-070.md"}, 1},
		{"the area's text shows on its first page only", func() {
			a := string(fsys["teemat/johtaminen.md"].Data)
			fsys["teemat/johtaminen.md"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "Johdanto.", "Uusi johdanto.", 1))}
		}, []string{"teemat/johtaminen.md"}, 1},
		{"the last page goes", func() {
			for i := 2*render.PageSize - 2; i < n; i++ { // the area has two pearls of its own
				delete(fsys, fmt.Sprintf("helmet/monta-%03d.md", i))
			}
			delete(fsys, "helmet/aaa.md")
		}, []string{"helmet"}, 0},
	}
	last := res
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.edit()
			res, err := ss.Rebuild(ctx, Changes{Content: st.changed})
			if err != nil {
				t.Fatalf("rebuild: %v %v", err, res.Diags)
			}
			last = res
			sameAsFullBuild(t, fsys, res)
			if st.most > 0 && ss.Rendered() > st.most {
				t.Errorf("rendered %d pages, want at most %d", ss.Rendered(), st.most)
			}
		})
	}
	if has(last, "teemat/johtaminen/sivu/3/index.html") || !has(last, "teemat/johtaminen/sivu/2/index.html") {
		t.Error("after the deletions the area does not take exactly two pages")
	}
}
