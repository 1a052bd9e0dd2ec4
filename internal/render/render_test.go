package render

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
)

var fingerprint = regexp.MustCompile(`/assets/([a-z0-9_-]+)\.[0-9a-f]{8}\.`)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// loadSite builds the model of a txtar fixture under testdata/. A
// non-empty baseURL overrides the fixture's.
func loadSite(t testing.TB, name, baseURL string, drafts bool) *site.Site {
	t.Helper()
	return model(t, testkit.Content(t, filepath.Join("testdata", name)), baseURL, drafts)
}

// model builds the model of the content folder fsys, each of its
// languages. A non-empty baseURL overrides its site.yaml's.
func model(t testing.TB, fsys fs.FS, baseURL string, drafts bool) *site.Site {
	t.Helper()
	cfg, diags := config.Load(fsys, "content", baseURL)
	if diags.HasErrors() {
		t.Fatalf("config: %v", diags)
	}
	set, diags := content.LoadLanguages(context.Background(), fsys, "content", content.Options{Langs: cfg.Codes()[1:]})
	if diags.HasErrors() {
		t.Fatalf("content: %v", diags.Errors())
	}
	s, diags := site.Build(cfg, set, site.Options{Drafts: drafts})
	if diags.HasErrors() {
		t.Fatalf("site: %v", diags.Errors())
	}
	return s
}

var (
	defaultOnce  sync.Once
	defaultTheme *Theme
)

func theme(t testing.TB) *Theme {
	t.Helper()
	defaultOnce.Do(func() {
		th, diags := Default()
		if diags.HasErrors() {
			t.Fatalf("the default theme does not load: %v", diags)
		}
		defaultTheme = th
	})
	if defaultTheme == nil {
		t.Fatal("the default theme does not load")
	}
	return defaultTheme
}

// renderAll renders every job and asset of s, by output path.
func renderAll(t testing.TB, th *Theme, s *site.Site) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, j := range th.Jobs(s) {
		f, err := th.Render(s, j)
		if err != nil {
			t.Fatalf("%s (%s): %v", j.Path, j.Kind, err)
		}
		if f.Path != j.Path {
			t.Errorf("job %s rendered as %s", j.Path, f.Path)
		}
		if _, dup := out[f.Path]; dup {
			t.Errorf("two jobs write %s", f.Path)
		}
		out[f.Path] = f.Data
	}
	for _, f := range th.Assets(s) {
		out[f.Path] = f.Data
	}
	return out
}

func TestGolden(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	files := renderAll(t, theme(t), s)
	for _, p := range []string{
		"index.html",
		"helmet/yhteinen-tavoite/index.html",
		"teemat/verkostotyo/index.html",
		"opas/kokonaan/index.html",
		"haku/index.html",
		"feed.xml",
		"sitemap.xml",
		"oma-helminauha/helmet/0.json",
	} {
		t.Run(p, func(t *testing.T) {
			got, ok := files[p]
			if !ok {
				t.Fatalf("no page %s", p)
			}
			// Other work changes the assets' bytes; the golden files pin
			// the pages, not the fingerprints.
			got = fingerprint.ReplaceAll(got, []byte("/assets/${1}.HASH."))
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "_"))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/render -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test ./internal/render -update and review the diff):\n%s", p, golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + w + "\n  got  " + g
		}
	}
	return ""
}

func TestRenderIsDeterministic(t *testing.T) {
	a := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))
	b := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))
	if len(a) != len(b) {
		t.Fatalf("got %d and %d files", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two renders", p)
		}
	}
}

// page returns the rendered page at path p or fails.
func page(t *testing.T, files map[string][]byte, p string) string {
	t.Helper()
	data, ok := files[p]
	if !ok {
		t.Fatalf("no page %s", p)
	}
	return string(data)
}

func mustContain(t *testing.T, where, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q", where, sub)
		}
	}
}

func TestPearlPage(t *testing.T) {
	files := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))
	p := page(t, files, "helmet/yhteinen-tavoite/index.html")
	mustContain(t, "the pearl page", p,
		`<title>Yhteinen tavoite verkostossa – Testinauha</title>`,
		`<html lang="fi">`,
		// breadcrumb: Etusivu › area › pearl
		`<nav class="breadcrumb" aria-label="Murupolku"><ol><li><a href="/portaali/">Etusivu</a></li><li><a href="/portaali/teemat/verkostotyo/">Verkostotyö ja yhteistyö</a></li><li><span aria-current="page">Yhteinen tavoite verkostossa</span></li></ol></nav>`,
		`<a class="kind-label" href="/portaali/tyypit/menetelma/">Menetelmä</a>`,
		`<a href="/portaali/kohderyhmat/johto/">Johto</a>`,
		`<a href="/portaali/tagit/arviointi/">Arviointi</a>`,
		`<li>SoteDialogit</li>`,
		`<time datetime="2022-06-01">1.6.2022</time>`,
		`<dt>Päivitetty</dt><dd><time datetime="2023-01-15">15.1.2023</time>`,
		// the summary is escaped, in the page and in its meta tags
		`Miten verkosto sopii tavoitteesta &lt;script&gt;alert(1)&lt;/script&gt;.`,
		`<meta name="description" content="Miten verkosto sopii tavoitteesta &lt;script&gt;alert(1)&lt;/script&gt;.">`,
		`<link rel="canonical" href="https://example.org/portaali/helmet/yhteinen-tavoite/">`,
		`<meta property="og:url" content="https://example.org/portaali/helmet/yhteinen-tavoite/">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:locale" content="fi_FI">`,
		// the body, with its internal link rewritten
		`<a href="/portaali/helmet/tavoitelomake/">lomake</a>`,
		`data-necklace-toggle data-slug="yhteinen-tavoite" data-title="Yhteinen tavoite verkostossa" data-area="Verkostotyö ja yhteistyö" data-color="#1f6f8b" hidden>`,
		// the case that uses it
		`<a class="card-title" href="/portaali/caset/tampere/">Oppilashuollon kehittämisverkostot</a>`,
	)
	// Related, both ways: yhteinen-tavoite names tavoitelomake, and
	// mika-verkosto-on names yhteinen-tavoite.
	related := between(p, `<h2 id="liittyvat_otsikko">`, `</section>`)
	mustContain(t, "the related pearls", related,
		`href="/portaali/helmet/tavoitelomake/"`, `href="/portaali/helmet/mika-verkosto-on/"`)
	back := page(t, files, "helmet/tavoitelomake/index.html")
	mustContain(t, "the related pearl's page", between(back, `<h2 id="liittyvat_otsikko">`, `</section>`),
		`href="/portaali/helmet/yhteinen-tavoite/"`)
}

// TestPearlPagesShowTheirOwnAreaAndKind renders every pearl in one go:
// the breadcrumb and kicker are rendered once per area and kind and
// cached, and each page must still show its own.
func TestPearlPagesShowTheirOwnAreaAndKind(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	files := renderAll(t, theme(t), s)
	kinds := map[string]bool{}
	for _, p := range s.Pearls {
		kinds[p.Kind.Slug] = true
		html := page(t, files, out(p.Path))
		mustContain(t, p.Slug, html,
			`<ol><li><a href="/portaali/">Etusivu</a></li><li><a href="`+p.Area.URL+`">`+p.Area.Title+`</a></li><li><span aria-current="page">`,
			`<p class="kicker"><a class="kind-label" href="`+p.Kind.URL+`">`+p.Kind.Label+`</a> <span aria-hidden="true">·</span> <a href="`+p.Area.URL+`">`+p.Area.Title+`</a></p>`,
			`<time datetime="`+p.Date.Format("2006-01-02")+`">`)
		if updated := strings.Contains(html, "<dt>Päivitetty</dt>"); updated == p.Updated.IsZero() {
			t.Errorf("%s: shows an update %v, want %v", p.Slug, updated, !p.Updated.IsZero())
		}
	}
	if len(kinds) < 2 || len(s.Areas) < 2 {
		t.Fatalf("the fixture needs pearls of several kinds and areas")
	}
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, to)
	return in
}

func TestPrevNextWithinArea(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	files := renderAll(t, theme(t), s)
	for _, a := range s.Areas {
		for i, p := range a.Pearls {
			html := page(t, files, out(p.Path))
			nav := between(html, `<nav class="prev-next" aria-label="Teeman helmet">`, `</nav>`)
			if i > 0 {
				prev := a.Pearls[i-1]
				mustContain(t, p.Slug+"'s navigation", nav, `<a class="prev" href="`+prev.URL+`" rel="prev"><span class="pn-dir">Edellinen helmi</span>`)
				mustContain(t, p.Slug, html, `<link rel="prev" href="`+prev.URL+`">`)
			} else if strings.Contains(nav, `rel="prev"`) {
				t.Errorf("the first pearl of %s has a previous pearl", a.Slug)
			}
			if i < len(a.Pearls)-1 {
				next := a.Pearls[i+1]
				mustContain(t, p.Slug+"'s navigation", nav, `<a class="next" href="`+next.URL+`" rel="next"><span class="pn-dir">Seuraava helmi</span>`)
			} else if strings.Contains(nav, `rel="next"`) {
				t.Errorf("the last pearl of %s has a next pearl", a.Slug)
			}
		}
	}
}

var beadLink = regexp.MustCompile(`<a class="bead bead-(\w+)" href="([^"]*)" aria-label="([^"]*)">.*?</a><text class="bead-label" x="\d+" y="\d+">([^<]*?)(?: <tspan x="\d+" dy="\d+">([^<]*)</tspan>)?</text>`)

func TestNecklaceLinksHaveAccessibleNames(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	files := renderAll(t, theme(t), s)
	home := page(t, files, "index.html")
	beads := beadLink.FindAllStringSubmatch(home, -1)
	if len(beads) != len(s.Pearls) {
		t.Fatalf("got %d beads on the home page, want %d", len(beads), len(s.Pearls))
	}
	byURL := map[string]*site.Pearl{}
	for _, p := range s.Pearls {
		byURL[p.URL] = p
	}
	for _, b := range beads {
		p := byURL[b[2]]
		if p == nil {
			t.Errorf("bead links to %s, which is no pearl", b[2])
			continue
		}
		if l1, l2 := labelLines(p.Title); b[3] != p.Title || b[4] != l1 || b[5] != l2 {
			t.Errorf("bead of %s is named %q / %q %q, want its title", p.Slug, b[3], b[4], b[5])
		}
		if b[1] != p.Pearl.Kind {
			t.Errorf("bead of %s has shape %s, want %s", p.Slug, b[1], p.Pearl.Kind)
		}
	}
	// The text alternative holds the same links.
	alt := between(home, `<summary>Helminauha tekstinä</summary>`, `</details>`)
	for _, p := range s.Pearls {
		mustContain(t, "the necklace as text", alt, `<a href="`+p.URL+`">`)
	}
	// Each strand is a named group and the area page has its own.
	mustContain(t, "home", home, `role="group" aria-label="Verkostotyö ja yhteistyö: 4 helmeä"`, `fill="#1f6f8b"`)
	area := page(t, files, "teemat/verkostotyo/index.html")
	if n := len(beadLink.FindAllString(area, -1)); n != 4 {
		t.Errorf("the area page has %d beads, want 4", n)
	}
}

// TestBeadLabelLines pins how a title shown under a strand is broken: at
// most two lines of labelLine runes, at a space, the whole title when it
// fits, and a strand with a second line is taller by the gap.
func TestBeadLabelLines(t *testing.T) {
	for _, c := range []struct{ title, l1, l2 string }{
		{"Verkoston roolit", "Verkoston roolit", ""},
		{"Henkilöstövoimavarojen strateginen johtaminen", "Henkilöstövoimavarojen", "strateginen johtaminen"},
		{"Työhyvinvointikysely kehittämisen alussa ja lopussa", "Työhyvinvointikysely", "kehittämisen alussa ja lopussa"},
		{"Haasteen ja toimijoiden kartoitus ennen verkoston koollekutsumista", "Haasteen ja toimijoiden", "kartoitus ennen verkoston…"},
		{"Sosiaalijaterveydenhuollonammattihenkilöidenyhteistyö", "Sosiaalijaterveydenhuollonammat…", ""},
	} {
		l1, l2 := labelLines(c.title)
		if l1 != c.l1 || l2 != c.l2 {
			t.Errorf("labelLines(%q) = %q, %q, want %q, %q", c.title, l1, l2, c.l1, c.l2)
		}
		for _, l := range []string{l1, l2} {
			if n := utf8.RuneCountInString(l); n > labelLine {
				t.Errorf("labelLines(%q): line %q has %d runes, over %d", c.title, l, n, labelLine)
			}
		}
	}
	s := loadSite(t, "site.txtar", "", false)
	titled := func(title string) *site.Pearl {
		p, c := *s.Areas[0].Pearls[0], *s.Areas[0].Pearls[0].Pearl
		c.Title = title
		p.Pearl = &c
		return &p
	}
	a := *s.Areas[0]
	a.Pearls = []*site.Pearl{titled("Lyhyt")}
	short := strand(&a, homeStrand)
	a.Pearls = append(a.Pearls, titled("Henkilöstövoimavarojen strateginen johtaminen"))
	long := strand(&a, homeStrand)
	if long.Height != short.Height+labelGap {
		t.Errorf("a strand with a two-line title is %d high, want %d", long.Height, short.Height+labelGap)
	}
}

func TestStrandIsCappedOnTheHomePage(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	a := s.Areas[0]
	many := make([]*site.Pearl, 0, 60)
	for len(many) < 60 {
		many = append(many, a.Pearls...)
	}
	big := *a
	big.Pearls = many[:60]
	home := strand(&big, homeStrand)
	if len(home.Beads) != homeStrand || home.More != 60-homeStrand || len(home.Rows) != 1 {
		t.Errorf("home: got %d beads, %d more, %d rows; want %d, %d, 1", len(home.Beads), home.More, len(home.Rows), homeStrand, 60-homeStrand)
	}
	st := strand(&big, areaStrand)
	if len(st.Beads) != areaStrand || st.More != 60-areaStrand || len(st.Rows) != 4 {
		t.Errorf("area: got %d beads, %d more, %d rows; want %d, %d, 4", len(st.Beads), st.More, len(st.Rows), areaStrand, 60-areaStrand)
	}
	for _, b := range st.Beads {
		if b.X < beadRadius || b.X > strandWidth-beadRadius || b.Y < beadRadius || b.Y > st.Height-beadRadius {
			t.Errorf("bead at %d,%d lies outside the %dx%d strand", b.X, b.Y, strandWidth, st.Height)
		}
	}
}

var (
	csp          = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; img-src &#39;self&#39; data:; style-src &#39;self&#39;; script-src &#39;self&#39;; object-src &#39;none&#39;; base-uri &#39;self&#39;; form-action &#39;self&#39;">`
	inlineScript = regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]`)
	scriptTag    = regexp.MustCompile(`<script\b[^>]*>`)
	wordsScript  = `<script type="application/json" id="words-`
	badAttr      = regexp.MustCompile(`(?i)\s(style|on[a-z]+)\s*=`)
	urlAttr      = regexp.MustCompile(`\s(?:href|src|action|data-index|data-base|data-necklace-data)="([^"]*)"`)
)

// TestEveryPageIsSafeAndSmall checks what holds for every HTML page: the
// CSP meta tag, no inline script or style attribute, every URL under the
// base path, and under 60 KB with its CSS and JS.
func TestEveryPageIsSafeAndSmall(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	th := theme(t)
	files := renderAll(t, th, s)
	mf := output.NewMinifier()
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		html := string(data)
		t.Run(p, func(t *testing.T) {
			if !strings.Contains(html, csp) && !strings.Contains(html, strings.ReplaceAll(csp, "&#39;", "'")) {
				t.Errorf("no Content-Security-Policy meta tag")
			}
			if m := inlineScript.FindString(html); m != "" && !strings.HasPrefix(m, wordsScript) {
				t.Errorf("inline script: %q", m)
			}
			for _, tag := range scriptTag.FindAllString(html, -1) {
				// The scripts' words are data, which a browser does not run.
				if !strings.Contains(tag, ` src="/portaali/assets/`) && !strings.HasPrefix(tag, wordsScript) {
					t.Errorf("script not from the theme's assets: %s", tag)
				}
			}
			if m := badAttr.FindString(html); m != "" {
				t.Errorf("style or event handler attribute: %q", m)
			}
			for _, m := range urlAttr.FindAllStringSubmatch(html, -1) {
				u := m[1]
				if strings.HasPrefix(u, "#") || strings.HasPrefix(u, "https://example.org/portaali/") || strings.HasPrefix(u, "https://example.com/") {
					continue
				}
				if !strings.HasPrefix(u, "/portaali/") {
					t.Errorf("URL outside the base path: %q", u)
				}
			}
			// What a reader downloads: the page and its CSS and JS as the
			// build writes them, minified (not compressed).
			size := minified(t, mf, p, "text/html", data)
			for _, m := range assetRef.FindAllStringSubmatch(html, -1) {
				size += minified(t, mf, m[1], mediaType(m[1]), files[m[1]])
			}
			if size > 60<<10 {
				t.Errorf("the page weighs %d bytes with its CSS and JS, over 60 KB", size)
			}
		})
	}
}

var assetRef = regexp.MustCompile(`(?:href|src)="/portaali/(assets/[^"]+)"`)

func minified(t *testing.T, mf *output.Minifier, p, typ string, data []byte) int {
	t.Helper()
	f, err := mf.Minify(output.File{Path: p, Data: data, Type: typ})
	if err != nil {
		t.Fatalf("minifying %s: %v", p, err)
	}
	return len(f.Data)
}

// TestFragmentsResolve checks that every #fragment link on a page points
// to an id on that page, and that ids are unique: the whole guide repeats
// its chapters' heading and footnote ids.
func TestFragmentsResolve(t *testing.T) {
	files := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))
	idRe := regexp.MustCompile(`\sid="([^"]+)"`)
	fragRe := regexp.MustCompile(`\shref="#([^"]+)"`)
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		ids := map[string]int{}
		for _, m := range idRe.FindAllStringSubmatch(string(data), -1) {
			ids[m[1]]++
		}
		for id, n := range ids {
			if n > 1 {
				t.Errorf("%s: id %q appears %d times", p, id, n)
			}
		}
		for _, m := range fragRe.FindAllStringSubmatch(string(data), -1) {
			if ids[m[1]] == 0 {
				t.Errorf("%s: link to #%s, which is no id on the page", p, m[1])
			}
		}
	}
	whole := page(t, files, "opas/kokonaan/index.html")
	mustContain(t, "the whole guide", whole,
		`<a href="#luku-1"><span class="toc-num">Luku 1</span> Miksi verkostot?</a>`,
		`<section class="print-chapter" id="luku-2"`,
		`<h3 id="luku-1-yhteenveto">`, `<h3 id="luku-2-yhteenveto">`, `<h4 id="luku-1-alaotsikko">`,
		`href="#luku-1-yhteenveto"`,
		// links between chapters stay on the page
		`<a href="#luku-1">edelliseen lukuun</a>`, `<a href="#luku-1-yhteenveto">yhteenvetoon</a>`,
		`<a href="#luku-1">ensimmäisestä luvusta</a>`)
	// ... but lead to the chapter pages from the chapters themselves.
	mustContain(t, "chapter 2", page(t, files, "opas/koollekutsuminen/index.html"),
		`<a href="/portaali/opas/miksi-verkostot/">edelliseen lukuun</a>`, `<a href="/portaali/opas/miksi-verkostot/#yhteenveto">yhteenvetoon</a>`)
}

func TestGuidePages(t *testing.T) {
	files := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))
	cover := page(t, files, "opas/index.html")
	mustContain(t, "the guide's cover", cover,
		`<a href="/portaali/opas/miksi-verkostot/"><span class="toc-num">Luku 1</span> Miksi verkostot?</a>`,
		`<a href="/portaali/opas/kokonaan/">Koko opas yhdellä sivulla</a>`, `Oppaan johdanto.`)
	ch := page(t, files, "opas/miksi-verkostot/index.html")
	mustContain(t, "chapter 1", ch,
		`<p class="kicker">Luku 1</p>`,
		`<nav class="page-toc" aria-label="Tällä sivulla">`, `<li><a href="#yhteenveto">Yhteenveto</a></li>`,
		`<a class="next" href="/portaali/opas/koollekutsuminen/" rel="next"><span class="pn-dir">Seuraava luku</span> <span class="pn-title">Luku 2: Verkoston koollekutsuminen</span></a>`,
		`<a href="/portaali/opas/kokonaan/">Koko opas yhdellä sivulla</a>`)
}

func TestOtherPages(t *testing.T) {
	files := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))
	tests := []struct{ path, want string }{
		{"index.html", `<title>Testinauha</title>`},
		{"index.html", `<meta name="description" content="Pieni testiportaali &lt;&amp; &#34;lainausmerkit&#34;&gt;">`},
		{"index.html", `<a class="card-title" href="/portaali/caset/tampere/">`},
		{"index.html", `<span class="count-badge" data-necklace-count hidden></span>`},
		{"index.html", `<form class="header-search" role="search" aria-label="Sivustohaku" action="/portaali/haku/" method="get">`},
		{"index.html", `<a class="skip-link" href="#sisalto">Siirry sisältöön</a>`},
		{"index.html", `<li><a href="/portaali/tietoa/">Tietoa palvelusta</a></li>`},
		{"index.html", `<li><a href="/portaali/saavutettavuusseloste/">Saavutettavuusseloste</a></li>`},
		{"caset/tampere/index.html", `<dt>Organisaatio</dt><dd>Tampereen kaupunki</dd>`},
		{"caset/tampere/index.html", `<dt>Ajanjakso</dt><dd>2015–2017</dd>`},
		{"caset/tampere/index.html", `<a class="area-chip teema-hyvinvointi" href="/portaali/teemat/hyvinvointi/">Työhyvinvointi</a>`},
		{"caset/tampere/index.html", `<a class="card-title" href="/portaali/helmet/tavoitelomake/">Verkoston tavoitelomake</a>`},
		{"teemat/verkostotyo/index.html", `<h3 id="tyyppi_tyokalu">Työkalu <span class="count">1 helmi</span></h3>`},
		{"teemat/verkostotyo/index.html", `<a class="card-title" href="/portaali/caset/tampere/">`},
		{"tagit/tavoitteet/index.html", `<h1>Aihe: tavoitteet</h1>`},
		{"tagit/tavoitteet/index.html", `<p class="lead">2 helmeä</p>`},
		{"tyypit/vinkki/index.html", `<h1>Tyyppi: Vinkki</h1>`},
		{"kohderyhmat/henkilosto/index.html", `<h1>Kohderyhmä: Henkilöstö</h1>`},
		{"tagit/index.html", `<li><a href="/portaali/tagit/tavoitteet/">tavoitteet</a> <span class="count">2<span class="visually-hidden"> helmeä</span></span></li>`},
		{"tietoa/index.html", `<h1>Tietoa palvelusta</h1>`},
		{"haku/index.html", `<form id="search-form" role="search" action="/portaali/haku/"><label for="search-input">Hae</label><input id="search-input" name="q" type="search"></form><details id="search-filters" class="search-filters" hidden><summary>Rajaa tuloksia</summary><div id="search-facets"></div></details><p id="search-status" aria-live="polite"></p><ol id="search-results"></ol>`},
		{"haku/index.html", `data-index="/portaali/haku/"></script>`},
		{"haku/index.html", `<noscript>`},
		{"oma-helminauha/index.html", `<div id="necklace-svg"`},
		{"oma-helminauha/index.html", `<ol id="necklace-list"`},
		{"oma-helminauha/index.html", `<p id="necklace-notice" class="notice" role="status">`},
		{"oma-helminauha/index.html", `data-necklace-data="/portaali/oma-helminauha/helmet/" data-necklace-shards="1"`},
		{"404.html", `<h1>Sivua ei löytynyt</h1>`},
		{"404.html", `<meta name="robots" content="noindex">`},
		{"404.html", `action="/portaali/haku/"`},
		{"robots.txt", "Sitemap: https://example.org/portaali/sitemap.xml"},
		{"_headers", "/assets/*\n  Cache-Control: public, max-age=31536000, immutable"},
		{"oma-helminauha/helmet/0.json", `"tauot":{"title":"Tauot työpäivässä","url":"/portaali/helmet/tauot/","area":"Työhyvinvointi","areaSlug":"hyvinvointi","areaUrl":"/portaali/teemat/hyvinvointi/","color":"#8a4b08"`},
		{"feed.xml", `<link rel="self" type="application/atom+xml" href="https://example.org/portaali/feed.xml"/>`},
		{"sitemap.xml", `<loc>https://example.org/portaali/helmet/yhteinen-tavoite/</loc><lastmod>2023-01-15</lastmod>`},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			mustContain(t, tc.path, page(t, files, tc.path), tc.want)
		})
	}
	// The header and footer are cached per site: the current page is
	// still marked on its own page only.
	current := `<a class="teema-verkostotyo" href="/portaali/teemat/verkostotyo/" aria-current="page">`
	mustContain(t, "the area page", page(t, files, "teemat/verkostotyo/index.html"), current)
	for _, p := range []string{"teemat/hyvinvointi/index.html", "helmet/yhteinen-tavoite/index.html", "index.html"} {
		if strings.Contains(page(t, files, p), current) {
			t.Errorf("%s marks the area verkostotyo as the current page", p)
		}
	}
	mustContain(t, "the about page", page(t, files, "tietoa/index.html"), `<li><a href="/portaali/tietoa/" aria-current="page">Tietoa palvelusta</a></li>`)
	if strings.Contains(page(t, files, "saavutettavuusseloste/index.html"), `href="/portaali/tietoa/" aria-current`) {
		t.Errorf("the accessibility statement marks the about page as current")
	}
	// The worksheet's script is loaded where a worksheet is, only there.
	if !strings.Contains(page(t, files, "helmet/tavoitelomake/index.html"), "/assets/tyopohja.") {
		t.Errorf("the pearl with a worksheet does not load tyopohja.js")
	}
	if strings.Contains(page(t, files, "helmet/tauot/index.html"), "/assets/tyopohja.") {
		t.Errorf("a pearl without a worksheet loads tyopohja.js")
	}
}

func TestWithoutBaseURL(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	cfg := *s.Config
	cfg.BaseURL = ""
	s2 := loadSiteWith(t, &cfg)
	files := renderAll(t, theme(t), s2)
	home := page(t, files, "index.html")
	mustContain(t, "home without a base URL", home, `<link rel="canonical" href="/">`, `<a href="/teemat/verkostotyo/">`)
	if strings.Contains(page(t, files, "robots.txt"), "Sitemap:") {
		t.Errorf("robots.txt names a sitemap without an absolute URL")
	}
}

// loadSiteWith builds the fixture with cfg instead of its site.yaml.
func loadSiteWith(t *testing.T, cfg *config.Config) *site.Site {
	t.Helper()
	fsys := testkit.Content(t, filepath.Join("testdata", "site.txtar"))
	set, _ := content.Load(context.Background(), fsys, "content")
	s, diags := site.Build(cfg, set, site.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Errors())
	}
	return s
}

// TestRenderConcurrently renders every job from many goroutines, as the
// build does, and compares with a sequential render (run with -race).
func TestRenderConcurrently(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	th := theme(t)
	want := renderAll(t, th, s)
	jobs := th.Jobs(s)
	var wg sync.WaitGroup
	errs := make(chan string, len(jobs)*4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, j := range jobs {
				f, err := th.Render(s, j)
				if err != nil {
					errs <- err.Error()
					continue
				}
				if !bytes.Equal(f.Data, want[j.Path]) {
					errs <- j.Path + " differs when rendered concurrently"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestDraftsAreMarked(t *testing.T) {
	files := renderAll(t, theme(t), loadSite(t, "site.txtar", "", true))
	mustContain(t, "a draft pearl", page(t, files, "helmet/luonnos/index.html"),
		`<h1>Keskeneräinen helmi <span class="draft-badge">Luonnos</span></h1>`)
	if strings.Contains(page(t, files, "helmet/tauot/index.html"), "draft-badge") {
		t.Errorf("a published pearl is marked as a draft")
	}
	if _, ok := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))["helmet/luonnos/index.html"]; ok {
		t.Errorf("a draft is rendered without drafts")
	}
}

func TestJobDeps(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	jobs := map[string]Job{}
	for _, j := range theme(t).Jobs(s) {
		jobs[j.Path] = j
	}
	tests := []struct {
		path string
		want []string
	}{
		// every page: the areas of the header, the guide, the footer's pages
		{"404.html", []string{"teemat/verkostotyo", "teemat/hyvinvointi", "opas/_index", "sivut/tietoa", "sivut/saavutettavuusseloste"}},
		// a pearl: itself, its area, related pearls both ways, cases, neighbours
		{"helmet/yhteinen-tavoite/index.html", []string{"helmet/yhteinen-tavoite", "helmet/tavoitelomake", "helmet/mika-verkosto-on", "caset/tampere"}},
		{"helmet/fasilitointi/index.html", []string{"helmet/fasilitointi", "helmet/mika-verkosto-on", "helmet/tavoitelomake"}}, // neighbours
		{"index.html", []string{"helmet/tauot", "helmet/yhteinen-tavoite", "caset/tampere", "opas/miksi-verkostot"}},
		{"teemat/hyvinvointi/index.html", []string{"helmet/tauot", "caset/tampere"}},
		{"opas/kokonaan/index.html", []string{"opas/_index", "opas/miksi-verkostot", "opas/koollekutsuminen"}},
		{"tagit/tavoitteet/index.html", []string{"helmet/yhteinen-tavoite", "helmet/tavoitelomake"}},
		{"oma-helminauha/helmet/0.json", []string{"helmet/tauot", "helmet/fasilitointi", "teemat/hyvinvointi"}},
		// the count of pearls sets the number of shards it names
		{"oma-helminauha/index.html", []string{"helmet/tauot", "helmet/fasilitointi"}},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			j, ok := jobs[tc.path]
			if !ok {
				t.Fatalf("no job %s", tc.path)
			}
			for _, k := range tc.want {
				if !slices.Contains(j.Deps, k) {
					t.Errorf("deps %v lack %q", j.Deps, k)
				}
			}
			for _, k := range j.Deps {
				if _, ok := s.Hashes[k]; !ok {
					t.Errorf("dep %q is no document key", k)
				}
			}
		})
	}
	if d := jobs["helmet/tauot/index.html"].Deps; slices.Contains(d, "helmet/yhteinen-tavoite") {
		t.Errorf("tauot depends on an unrelated pearl: %v", d)
	}
}

// TestHomeStaysSmallWithManyPearls: the necklace draws a capped number of
// pearls per area, so the home page of a large portal is as light as a
// small one's.
func TestHomeStaysSmallWithManyPearls(t *testing.T) {
	s := loadSite(t, "site.txtar", "", false)
	addPearls(s, 2000)
	th := theme(t)
	files := renderAll(t, th, s)
	home := files["index.html"]
	mf := output.NewMinifier()
	size := minified(t, mf, "index.html", "text/html", home)
	for _, m := range assetRef.FindAllStringSubmatch(string(home), -1) {
		size += minified(t, mf, m[1], mediaType(m[1]), files[m[1]])
	}
	if size > 60<<10 {
		t.Errorf("the home page of %d pearls weighs %d bytes with its CSS and JS, over 60 KB", len(s.Pearls), size)
	}
	mustContain(t, "home", string(home), `<a href="/portaali/teemat/verkostotyo/#kaikki_helmet">Kaikki 2004 helmeä: Verkostotyö ja yhteistyö</a>`)
}

// addPearls adds n pearls to each theme area of s, copies of its first.
func addPearls(s *site.Site, n int) {
	for _, a := range s.Areas {
		model := a.Pearls[0]
		for i := range n {
			cp := *model.Pearl
			cp.Slug = fmt.Sprintf("%s-pitka-helmen-nimi-%04d", a.Slug, i)
			cp.Title = fmt.Sprintf("Pitkähkö helmen otsikko, joka kertoo paljon, numero %d", i)
			p := &site.Pearl{Pearl: &cp, Area: a, Kind: model.Kind}
			p.Node = site.Node{Path: "/helmet/" + cp.Slug + "/", URL: "/portaali/helmet/" + cp.Slug + "/", Key: "helmet/" + cp.Slug}
			a.Pearls = append(a.Pearls, p)
			s.Pearls = append(s.Pearls, p)
		}
	}
}

// TestModulesImportFingerprintedSiblings: the theme's scripts are ES
// modules that import each other. Every import names a fingerprinted file
// the site has, and a page that loads a module names it as one.
func TestModulesImportFingerprintedSiblings(t *testing.T) {
	files := renderAll(t, theme(t), loadSite(t, "site.txtar", "", false))
	imports := 0
	for p, data := range files {
		if !strings.HasPrefix(p, "assets/") || !strings.HasSuffix(p, ".js") {
			continue
		}
		for _, m := range moduleImport.FindAllSubmatch(data, -1) {
			imports++
			dep := "assets/" + string(m[3])
			if _, ok := files[dep]; !ok {
				t.Errorf("%s imports %s, which the site does not have", p, dep)
			}
			if !regexp.MustCompile(`\.[0-9a-f]{8}\.js$`).MatchString(dep) {
				t.Errorf("%s imports %s, a name without a fingerprint", p, dep)
			}
		}
	}
	if imports < 3 {
		t.Errorf("found %d imports between the theme's modules, want the helpers of oma, oma-helminauha and tyopohja", imports)
	}
	for p, data := range files {
		if strings.HasSuffix(p, ".html") && bytes.Contains(data, []byte(".js\" defer")) {
			t.Errorf("%s loads a script as a classic script; the theme's scripts are modules", p)
		}
	}
}
