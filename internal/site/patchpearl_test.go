package site_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
)

// frontPortal is a portal of n pearls in three areas whose front matter
// each edit of TestPatchPearlEqualsBuild may change: titles sharing words
// (so a new title moves the pearl), tags spelt two ways, related pearls
// both ways, kinds, audiences and dates.
func frontPortal(n int) fstest.MapFS {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: Testi\ndescription: D.\nbaseURL: https://example.org/\n")}}
	for i, a := range []string{"johtaminen", "verkostot", "arviointi"} {
		fsys["teemat/"+a+".md"] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Alue %s\nweight: %d\nsummary: S.\n---\nAlue.\n", a, i+1)}
	}
	for i := range n {
		fsys[fmt.Sprintf("helmet/h%02d.md", i)] = &fstest.MapFile{Data: []byte(pearlFront(i, n, rand.New(rand.NewPCG(uint64(i), 1))))}
	}
	fsys["caset/tapaus.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Tapaus\norganization: O\nthemes: [johtaminen]\npearls: [h01, h02]\nsummary: S.\ndate: 2024-01-01\n---\n## Tarve ja tavoitteet\n## Ratkaisu\n## Tulokset\n## Opit\n")}
	return fsys
}

var (
	frontTitles = []string{"Äänestys", "Arviointi", "Ö-mappi", "Luottamus", "Zeta", "Åland", "Dialogi", "arki"}
	frontTags   = []string{"tavoitteet", "Tavoitteet", "työhyvinvointi", "Työhyvinvointi", "johtaminen", "verkosto", "arki", "Äänestys", "aanestys"}
	frontAreas  = []string{"johtaminen", "verkostot", "arviointi"}
	frontKinds  = []string{"tieto", "vinkki", "menetelma", "tyokalu"}
	frontAuds   = []string{"johto", "esihenkilot", "henkilosto"}
)

// pearlFront is pearl i's file, its front matter picked by r.
func pearlFront(i, n int, r *rand.Rand) string {
	pick := func(list []string, k int) []string {
		var out []string
		for range k {
			out = append(out, list[r.IntN(len(list))])
		}
		return out
	}
	var related []string
	for range r.IntN(4) {
		if j := r.IntN(n); j != i {
			related = append(related, fmt.Sprintf("h%02d", j))
		}
	}
	draft := ""
	if r.IntN(8) == 0 {
		draft = "draft: true\n"
	}
	return fmt.Sprintf("---\ntitle: %s %d\ntheme: %s\nsummary: Tiivistelmä %d.\nkind: %s\naudience: [%s]\ntags: [%s]\ndate: 2024-%02d-%02d\nrelated: [%s]\n%s---\nTeksti [linkki](../teemat/johtaminen.md).\n",
		pick(frontTitles, 1)[0], r.IntN(3), pick(frontAreas, 1)[0], r.IntN(5), pick(frontKinds, 1)[0],
		strings.Join(pick(frontAuds, 1+r.IntN(2)), ", "), strings.Join(pick(frontTags, r.IntN(4)), ", "),
		1+r.IntN(12), 1+r.IntN(28), strings.Join(related, ", "), draft)
}

// TestPatchPearlEqualsBuild edits one pearl's front matter again and
// again, patches the last model with it, and checks that the patched
// model is the one Build makes of the edited portal, list by list, and
// that the model it was made from is as it was. An edit Build would
// refuse or that adds or removes a page may be declined (then the test
// builds anew and goes on), but most must be patched.
func TestPatchPearlEqualsBuild(t *testing.T) {
	const n = 24
	for _, drafts := range []bool{true, false} {
		t.Run(fmt.Sprintf("drafts=%t", drafts), func(t *testing.T) {
			fsys := frontPortal(n)
			opts := site.Options{Drafts: drafts, Memo: &site.Memo{}}
			s := modelOf(t, fsys, opts)
			rounds, seed := testkit.Rounds(t, 300, 100, 7)
			r := rand.New(rand.NewPCG(seed, 7))
			patched := 0
			for step := range rounds {
				i := r.IntN(n)
				name := fmt.Sprintf("helmet/h%02d.md", i)
				fsys[name] = &fstest.MapFile{Data: []byte(pearlFront(i, n, rand.New(rand.NewPCG(uint64(1000+step), seed))))}
				set, _ := content.Load(context.Background(), fsys, "content")
				doc := set.Pearls[i]
				before := dumpModel(s)
				got, ok := s.PatchPearl(doc, opts.Memo)
				if dumpModel(s) != before {
					t.Fatalf("step %d: PatchPearl changed the model it was given", step)
				}
				want := modelOf(t, fsys, opts)
				if ok {
					patched++
					if g, w := dumpModel(got), dumpModel(want); g != w {
						t.Fatalf("step %d (%s): the patched model differs from Build's:\n%s", step, name, firstDiff(g, w))
					}
				}
				s = want
			}
			t.Logf("patched %d of %d", patched, rounds)
			// A fifth at least, so that the comparison above is made
			// often: of 100 rounds without drafts, seeds 1–60 patched 46
			// to 79, and seed 1796662218651356999 30, its pearls' tags
			// and drafts coming and going with their pages (2026-12-07;
			// it failed the two fifths asked before).
			if patched*5 < rounds {
				t.Errorf("patched %d of %d edits, want a fifth at least", patched, rounds)
			}
		})
	}
}

func modelOf(t *testing.T, fsys fstest.MapFS, opts site.Options) *site.Site {
	t.Helper()
	cfg, diags := config.Load(fsys, "content", "")
	set, more := content.Load(context.Background(), fsys, "content")
	diags.Append(more)
	s, more := site.Build(cfg, set, opts)
	diags.Append(more)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	return s
}

// dumpModel writes out every list of the model that a pearl's front
// matter may change, by keys.
func dumpModel(s *site.Site) string {
	var b strings.Builder
	keys := func(list []*site.Pearl) string {
		var k []string
		for _, p := range list {
			k = append(k, p.Key)
		}
		return strings.Join(k, " ")
	}
	key := func(p *site.Pearl) string {
		if p == nil {
			return "-"
		}
		return p.Key
	}
	terms := func(list []*site.Term) string {
		var k []string
		for _, t := range list {
			k = append(k, t.Slug)
		}
		return strings.Join(k, " ")
	}
	for _, a := range s.Areas {
		fmt.Fprintf(&b, "area %s: %s\n", a.Key, keys(a.Pearls))
		for _, g := range a.ByKind {
			fmt.Fprintf(&b, "  %s: %s\n", g.Kind.Slug, keys(g.Pearls))
		}
	}
	for _, p := range s.Pearls {
		area := "-"
		if p.Area != nil {
			area = p.Area.Key
		}
		kind := "-"
		if p.Kind != nil {
			kind = p.Kind.Slug
		}
		fmt.Fprintf(&b, "pearl %s %q %q %v %v draft=%t area=%s kind=%s aud=[%s] tags=[%s] related=[%s] cases=%d prev=%s next=%s sum=%x\n",
			p.Key, p.Title, p.Summary, p.Date, p.Updated, p.Draft, area, kind, terms(p.Audience), terms(p.Tags), keys(p.Related), len(p.Cases),
			key(p.Prev), key(p.Next), s.Hashes[p.Key])
	}
	for _, c := range s.Cases {
		fmt.Fprintf(&b, "case %s: %s\n", c.Key, keys(c.Pearls))
	}
	for _, list := range [][]*site.Term{s.Tags, s.Kinds, s.Audiences} {
		for _, t := range list {
			fmt.Fprintf(&b, "term %s %s %q: %s\n", t.Taxonomy, t.Slug, t.Label, keys(t.Pearls))
		}
	}
	for _, d := range s.Newest {
		fmt.Fprintf(&b, "new %s %q %q %v %v\n", d.Key, d.Title, d.Summary, d.Date, d.Updated)
	}
	fmt.Fprintf(&b, "left out %v\n", s.LeftOut)
	return b.String()
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d\n got: %s\nwant: %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(g), len(w))
}

// TestPatchPearlKnowsThePagesOfItsLists: the model knows every page of a
// paged list (Has: the links to them and the static files in their way
// are checked against it), so a patch that moves a pearl out of a list
// of PageSize+1 pearls, whose second page then goes, must leave the
// model as Build makes it, or decline.
func TestPatchPearlKnowsThePagesOfItsLists(t *testing.T) {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: Testi\ndescription: D.\nbaseURL: https://example.org/\n")}}
	for i, a := range []string{"johtaminen", "verkostot"} {
		fsys["teemat/"+a+".md"] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Alue %s\nweight: %d\nsummary: S.\n---\nAlue.\n", a, i+1)}
	}
	pearl := func(area, kind string) []byte {
		return fmt.Appendf(nil, "---\ntitle: Helmi\ntheme: %s\nsummary: S.\nkind: %s\ndate: 2024-01-01\n---\nTeksti.\n", area, kind)
	}
	for i := range site.PageSize + 1 {
		fsys[fmt.Sprintf("helmet/h%02d.md", i)] = &fstest.MapFile{Data: pearl("johtaminen", "tieto")}
	}
	fsys["helmet/zz.md"] = &fstest.MapFile{Data: pearl("verkostot", "vinkki")}
	opts := site.Options{Memo: &site.Memo{}}
	s := modelOf(t, fsys, opts)
	paths := []string{"/teemat/johtaminen/sivu/2/", "/tyypit/tieto/sivu/2/", "/teemat/verkostot/sivu/2/"}
	for _, p := range paths[:2] {
		if !s.Has(p) {
			t.Fatalf("the model of %d pearls in one area has no %s", site.PageSize+1, p)
		}
	}
	fsys["helmet/h00.md"] = &fstest.MapFile{Data: pearl("verkostot", "vinkki")}
	set, _ := content.Load(context.Background(), fsys, "content")
	got, ok := s.PatchPearl(set.Pearls[0], opts.Memo)
	want := modelOf(t, fsys, opts)
	if !ok {
		return
	}
	for _, p := range paths {
		if got.Has(p) != want.Has(p) {
			t.Errorf("patched model: Has(%s) = %t, Build's %t", p, got.Has(p), want.Has(p))
		}
	}
}
