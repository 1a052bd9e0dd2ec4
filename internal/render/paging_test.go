package render

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
)

// bigSite is site.txtar with n more pearls in the area verkostotyo, of
// every kind in turn, all tagged "paljon".
func bigSite(t testing.TB, n int) *site.Site {
	t.Helper()
	fsys := testkit.Content(t, filepath.Join("testdata", "site.txtar"))
	kinds := []string{"tieto", "vinkki", "menetelma", "tyokalu"}
	for i := range n {
		md := fmt.Sprintf("---\ntitle: Verkostohelmi numero %03d, jonka otsikko on aika pitkä\ntheme: verkostotyo\n"+
			"summary: Helmen %d tiivistelmä kertoo lyhyesti, mistä helmessä on kyse ja kenelle se sopii.\n"+
			"kind: %s\naudience: [henkilosto]\ntags: [paljon]\ndate: 2024-01-02\n---\nHelmen teksti.\n", i, i, kinds[i%len(kinds)])
		fsys[fmt.Sprintf("helmet/verkostohelmi-%03d.md", i)] = &fstest.MapFile{Data: []byte(md)}
	}
	return model(t, fsys, "", false)
}

var (
	cardTitle  = regexp.MustCompile(`<a class="card-title" href="/portaali/helmet/([^/"]+)/">`)
	kindHead   = regexp.MustCompile(`<h3 id="tyyppi_([a-z]+)">`)
	currentPg  = regexp.MustCompile(`<a href="([^"]+)" aria-current="page"><span class="visually-hidden">Sivu </span>(\d+)</a>`)
	headPrev   = regexp.MustCompile(`<link rel="prev" href="([^"]+)">`)
	headNext   = regexp.MustCompile(`<link rel="next" href="([^"]+)">`)
	pagerLinks = regexp.MustCompile(`<li><a href="([^"]+)"(?: aria-current="page")?><span class="visually-hidden">Sivu </span>(\d+)</a></li>`)
)

// TestLongListsArePaged: an area of 500 pearls and a tag and an audience
// as long are split into pages of PageSize pearls, each under the page
// budget, each pearl on exactly one page, linked by an accessible pager.
func TestLongListsArePaged(t *testing.T) {
	s := bigSite(t, 500)
	th := theme(t)
	files := renderAll(t, th, s)
	mf := output.NewMinifier()

	var area *site.Area
	for _, a := range s.Areas {
		if a.Slug == "verkostotyo" {
			area = a
		}
	}
	var tag, audience *site.Term
	for _, term := range s.Tags {
		if term.Slug == "paljon" {
			tag = term
		}
	}
	for _, term := range s.Audiences {
		if term.Slug == "henkilosto" {
			audience = term
		}
	}
	if area == nil || tag == nil || audience == nil {
		t.Fatal("the fixture lacks the area, the tag or the audience")
	}

	sitemap := string(files["sitemap.xml"])
	for _, tc := range []struct {
		name   string
		path   string
		pearls []*site.Pearl
		kinds  bool // grouped by kind
	}{
		{"area", area.Path, area.Pearls, true},
		{"tag", tag.Path, tag.Pearls, false},
		{"audience", audience.Path, audience.Pearls, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := (len(tc.pearls) + PageSize - 1) / PageSize
			if want < 9 {
				t.Fatalf("the fixture's list has %d pearls, too few to test", len(tc.pearls))
			}
			seen := map[string]int{}
			var order []string
			for n := 1; n <= want+1; n++ {
				p := PagePath(tc.path, n)
				file := p[1:] + "index.html"
				html, ok := files[file]
				if n > want {
					if ok {
						t.Errorf("page %d of %d exists: %s", n, want, file)
					}
					break
				}
				if !ok {
					t.Fatalf("no page %d: %s", n, file)
				}
				h := string(html)
				url := "/portaali" + p

				size := minified(t, mf, file, "text/html", html)
				for _, m := range assetRef.FindAllStringSubmatch(h, -1) {
					size += minified(t, mf, m[1], mediaType(m[1]), files[m[1]])
				}
				if size > 60<<10 {
					t.Errorf("page %d weighs %d bytes with its CSS and JS, over 60 KB", n, size)
				}

				cards := cardTitle.FindAllStringSubmatch(h, -1)
				if n < want && len(cards) != PageSize || n == want && len(cards) != len(tc.pearls)-(want-1)*PageSize {
					t.Errorf("page %d lists %d pearls", n, len(cards))
				}
				for _, m := range cards {
					seen[m[1]]++
					order = append(order, m[1])
				}
				if tc.kinds {
					// Each page groups its own pearls by kind, in the
					// kinds' order, each kind once.
					var ks []string
					for _, m := range kindHead.FindAllStringSubmatch(h, -1) {
						ks = append(ks, m[1])
					}
					if len(ks) == 0 || len(slices.Compact(slices.Clone(ks))) != len(ks) {
						t.Errorf("page %d: kind headings %v", n, ks)
					}
					if !slices.IsSortedFunc(ks, func(a, b string) int { return kindIndex(s, a) - kindIndex(s, b) }) {
						t.Errorf("page %d: kinds out of order: %v", n, ks)
					}
				}

				nav := between(h, `<nav class="pager" aria-label="Sivutus">`, `</nav>`)
				if nav == "" {
					t.Fatalf("page %d has no pager", n)
				}
				cur := currentPg.FindAllStringSubmatch(nav, -1)
				if len(cur) != 1 || cur[0][1] != url || cur[0][2] != fmt.Sprint(n) {
					t.Errorf("page %d: current page in the pager %v", n, cur)
				}
				links := pagerLinks.FindAllStringSubmatch(nav, -1)
				if len(links) == 0 || links[0][2] != "1" || links[len(links)-1][2] != fmt.Sprint(want) {
					t.Errorf("page %d: the pager does not link the first and the last page: %v", n, links)
				}
				prev, next := headPrev.FindStringSubmatch(h), headNext.FindStringSubmatch(h)
				if n == 1 {
					if prev != nil || strings.Contains(nav, "Edellinen") {
						t.Errorf("the first page has a previous page")
					}
				} else {
					wantPrev := "/portaali" + PagePath(tc.path, n-1)
					if prev == nil || prev[1] != wantPrev {
						t.Errorf("page %d: <link rel=prev> %v, want %s", n, prev, wantPrev)
					}
					mustContain(t, fmt.Sprintf("page %d", n), nav, `<a href="`+wantPrev+`" rel="prev">Edellinen`)
				}
				if n == want {
					if next != nil || strings.Contains(nav, "Seuraava") {
						t.Errorf("the last page has a next page")
					}
				} else {
					wantNext := "/portaali" + PagePath(tc.path, n+1)
					if next == nil || next[1] != wantNext {
						t.Errorf("page %d: <link rel=next> %v, want %s", n, next, wantNext)
					}
					mustContain(t, fmt.Sprintf("page %d", n), nav, `<a href="`+wantNext+`" rel="next">Seuraava`)
				}
				mustContain(t, fmt.Sprintf("page %d", n), h, `<link rel="canonical" href="https://example.org`+url+`">`)
				if n > 1 {
					mustContain(t, fmt.Sprintf("page %d", n), h, fmt.Sprintf(", sivu %d/%d – Testinauha</title>", n, want))
				}
				if !strings.Contains(sitemap, "<loc>https://example.org"+url+"</loc>") {
					t.Errorf("the sitemap lacks page %d", n)
				}
			}
			for _, p := range tc.pearls {
				if seen[p.Slug] != 1 {
					t.Errorf("pearl %s is listed on %d pages", p.Slug, seen[p.Slug])
				}
			}
			if !tc.kinds {
				var want []string
				for _, p := range tc.pearls {
					want = append(want, p.Slug)
				}
				if !slices.Equal(order, want) {
					t.Errorf("the pages do not list the pearls in the list's order")
				}
			}
		})
	}

	// Only the area's first page shows its text, strand and cases.
	first, second := page(t, files, "teemat/verkostotyo/index.html"), page(t, files, "teemat/verkostotyo/sivu/2/index.html")
	mustContain(t, "the area's first page", first, `Verkostotyön teema-alue.`, `<svg class="strand"`, `<h2 id="caset_otsikko">`)
	for _, s := range []string{`Verkostotyön teema-alue.`, `<svg class="strand"`, `<h2 id="caset_otsikko">`} {
		if strings.Contains(second, s) {
			t.Errorf("the area's second page shows %q", s)
		}
	}
	mustContain(t, "the area's second page", second,
		`<li><a href="/portaali/teemat/verkostotyo/">Verkostotyö ja yhteistyö</a></li><li><span aria-current="page">Sivu 2</span></li>`)
}

func kindIndex(s *site.Site, slug string) int {
	return slices.IndexFunc(s.Kinds, func(k *site.Term) bool { return k.Slug == slug })
}

// TestPagedJobsListWhatTheyShow: every page of a paged list depends on
// every pearl of the list (the counts and the split change with each),
// and the default fixture's lists take one page each.
func TestPagedJobsListWhatTheyShow(t *testing.T) {
	s := bigSite(t, 130)
	for _, j := range theme(t).Jobs(s) {
		if !strings.HasPrefix(j.Path, "teemat/verkostotyo/") && !strings.HasPrefix(j.Path, "tagit/paljon/") {
			continue
		}
		if !slices.Contains(j.Deps, "helmet/verkostohelmi-000") || !slices.Contains(j.Deps, "helmet/verkostohelmi-129") {
			t.Errorf("%s does not depend on all the pearls of its list", j.Path)
		}
		if strings.Contains(j.Path, "/sivu/") && slices.Contains(j.Deps, "caset/tampere") {
			t.Errorf("%s depends on a case it does not show", j.Path)
		}
	}
	for _, j := range theme(t).Jobs(loadSite(t, "site.txtar", "", false)) {
		if strings.Contains(j.Path, "/sivu/") {
			t.Errorf("the small fixture has a second page: %s", j.Path)
		}
	}
}

func TestPager(t *testing.T) {
	s := bigSite(t, 0)
	for _, tc := range []struct {
		n, count int
		want     string // page numbers, "…" for a gap, [n] for the current
	}{
		{1, 60, ""},
		{1, 61, "[1] 2"},
		{2, 61, "1 [2]"},
		{1, 600, "[1] 2 3 … 10"},
		{5, 600, "1 2 3 4 [5] 6 7 … 10"},
		{6, 600, "1 … 4 5 [6] 7 8 9 10"},
		{10, 600, "1 … 8 9 [10]"},
		{4, 420, "1 2 3 [4] 5 6 7"},
	} {
		pg := newPager(s, "/tagit/x/", tc.n, tc.count)
		var got []string
		if pg != nil {
			for _, l := range pg.Links {
				if l.Gap {
					got = append(got, "…")
				}
				if l.Current {
					got = append(got, fmt.Sprintf("[%d]", l.Number))
				} else {
					got = append(got, fmt.Sprint(l.Number))
				}
				if l.URL != "/portaali"+PagePath("/tagit/x/", l.Number) {
					t.Errorf("page %d's URL %s", l.Number, l.URL)
				}
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("page %d of a list of %d: %q, want %q", tc.n, tc.count, g, tc.want)
		}
	}
}
