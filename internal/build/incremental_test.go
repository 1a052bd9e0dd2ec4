package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/render"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
)

func TestFingerprint(t *testing.T) {
	card := func(s string) [32]byte { var c [32]byte; copy(c[:], s); return c }
	sum := func(s string) content.Sum { var c content.Sum; copy(c[:], s); return c }
	type in struct {
		global string
		job    render.Job
		cards  map[string][32]byte
		sums   map[string]content.Sum
		bodies []string
	}
	base := func() in {
		return in{
			global: "g",
			job:    render.Job{Path: "helmet/a/index.html", Kind: "pearl", Deps: []string{"helmet/a", "teemat/x"}},
			cards:  map[string][32]byte{"helmet/a": card("a"), "helmet/b": card("b"), "teemat/x": card("x")},
			sums:   map[string]content.Sum{"helmet/a": sum("a1"), "helmet/b": sum("b1"), "teemat/x": sum("x1")},
			bodies: []string{"helmet/a"},
		}
	}
	print := func(v in) [32]byte { return Fingerprint([]byte(v.global), v.job, v.cards, v.sums, v.bodies) }
	want := print(base())
	tests := []struct {
		name string
		same bool
		edit func(v *in)
	}{
		{"nothing changed", true, func(*in) {}},
		{"an unrelated document changed", true, func(v *in) { v.cards["helmet/b"] = card("b2"); v.sums["helmet/b"] = sum("b2") }},
		{"the body of a listed document changed", true, func(v *in) { v.sums["teemat/x"] = sum("x2") }},
		{"the page's own body changed", false, func(v *in) { v.sums["helmet/a"] = sum("a2") }},
		{"the card of a listed document changed", false, func(v *in) { v.cards["teemat/x"] = card("x2") }},
		{"a listed document is gone", false, func(v *in) { delete(v.cards, "teemat/x") }},
		{"it lists one more document", false, func(v *in) { v.job.Deps = append(v.job.Deps, "helmet/b") }},
		{"the documents come in another order", false, func(v *in) { v.job.Deps = []string{"teemat/x", "helmet/a"} }},
		{"configuration or theme changed", false, func(v *in) { v.global = "g2" }},
		{"another kind", false, func(v *in) { v.job.Kind = "case" }},
		{"path and kind do not run together", false, func(v *in) { v.job.Path += "pearl"; v.job.Kind = "" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := base()
			tc.edit(&v)
			if got := print(v) == want; got != tc.same {
				t.Errorf("same fingerprint: got %t, want %t", got, tc.same)
			}
		})
	}
}

// fixture is the content folder of testdata/small.txtar, which the
// external tests load with their own fixture.
func fixture(t *testing.T) fstest.MapFS {
	t.Helper()
	return testkit.Content(t, "testdata/small.txtar")
}

// sameAsFullBuild checks that a session's build equals a full build of
// the same content, search index aside.
func sameAsFullBuild(t *testing.T, fsys fstest.MapFS, got *Result) {
	t.Helper()
	want := fullBuild(t, fsys)
	// The problems too, as check and serve print them: a warning of the
	// saved file that is gone, new or changed (a word count, a title
	// another pearl has) must not be the last build's.
	if g, w := diagLines(got.Diags), diagLines(want.Diags); g != w {
		t.Errorf("the session's problems:\n%s\nthe full build's:\n%s", g, w)
	}
	index := map[string]bool{}
	for _, f := range want.Files {
		index[f.Path] = true
	}
	byPath := map[string]output.File{}
	for _, f := range got.Files {
		byPath[f.Path] = f
		if !index[f.Path] {
			t.Errorf("session wrote %s, which the full build does not", f.Path)
		}
	}
	for _, f := range want.Files {
		g, ok := byPath[f.Path]
		switch {
		case !ok && f.Type == "application/json" && !strings.HasPrefix(f.Path, "oma-helminauha/"):
			// The search index: Session.Search builds it.
		case !ok:
			t.Errorf("session lacks %s", f.Path)
		case !bytes.Equal(g.Data, f.Data):
			i := 0
			for i < len(g.Data) && i < len(f.Data) && g.Data[i] == f.Data[i] {
				i++
			}
			from := max(0, i-80)
			t.Errorf("%s differs from the full build's at byte %d:\n got: …%.200s\nwant: …%.200s", f.Path, i, g.Data[from:], f.Data[from:])
		}
	}
}

func diagLines(l diag.List) string {
	var b strings.Builder
	for _, e := range l {
		fmt.Fprintln(&b, e.In(diag.English))
	}
	return b.String()
}

// fullBuilds keeps the full builds sameAsFullBuild made, by the content
// they were made from: the tests that run the same edits more than once
// (exact changes and not) build each content folder once.
var fullBuilds = struct {
	sync.Mutex
	m map[[sha256.Size]byte]*Result
}{m: map[[sha256.Size]byte]*Result{}}

func fullBuild(t *testing.T, fsys fstest.MapFS) *Result {
	t.Helper()
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(fsys)) {
		f := fsys[name]
		fmt.Fprintf(h, "%q %v %d\n", name, f.Mode, len(f.Data))
		h.Write(f.Data)
	}
	key := [sha256.Size]byte(h.Sum(nil))
	fullBuilds.Lock()
	defer fullBuilds.Unlock()
	if res, ok := fullBuilds.m[key]; ok {
		return res
	}
	res, err := Build(context.Background(), Options{Content: fsys, ContentName: "content", Drafts: true})
	if err != nil {
		t.Fatalf("full build: %v %v", err, res.Diags)
	}
	fullBuilds.m[key] = res
	return res
}

func TestSessionMatchesFullBuildAfterEachChange(t *testing.T) {
	// Exact changes let the session skip walking the content folder when
	// only known files changed; the result must be the same.
	for _, exact := range []bool{false, true} {
		t.Run(fmt.Sprintf("exact=%t", exact), func(t *testing.T) { sessionSteps(t, exact) })
	}
}

func sessionSteps(t *testing.T, exact bool) {
	fsys := fixture(t)
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true})
	ctx := context.Background()
	res, err := ss.Rebuild(ctx, Changes{})
	if err != nil {
		t.Fatalf("first build: %v %v", err, res.Diags)
	}
	total := ss.Rendered()
	sameAsFullBuild(t, fsys, res)

	pearl := string(fsys["helmet/dialogi.md"].Data)
	steps := []struct {
		name    string
		edit    func()
		changed []string
		quick   bool // takes the quick path
		most    int  // at most this many pages rendered anew (0: any)
	}{
		{"body of a pearl", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "Teksti.", "Uusi teksti.", 1))}
		}, []string{"helmet/dialogi.md"}, true, 1},
		{"a misspelt key in a pearl", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "kind: menetelma", "kind: menetelma\ntagz: [a]", 1))}
		}, []string{"helmet/dialogi.md"}, true, 0},
		{"and its body, the key kept", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "kind: menetelma", "kind: menetelma\ntagz: [a]", 1) + "Lisää sanoja tähän.\n")}
		}, []string{"helmet/dialogi.md"}, true, 1},
		{"body of a draft", func() {
			d := string(fsys["helmet/luonnos.md"].Data)
			fsys["helmet/luonnos.md"] = &fstest.MapFile{Data: []byte(d + "Kaksi sanaa.\n")}
		}, []string{"helmet/luonnos.md"}, true, 1},
		{"title of a pearl", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "title: Dialogi", "title: Ääni ja dialogi", 1))}
		}, []string{"helmet/dialogi.md"}, true, 0},
		{"tags of a pearl, one spelt anew", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "kind: menetelma", "kind: menetelma\ntags: [Tavoitteet, työhyvinvointi]", 1))}
		}, []string{"helmet/dialogi.md"}, true, 0},
		{"theme area of a pearl", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "theme: johtaminen", "theme: verkostotyo", 1))}
		}, []string{"helmet/dialogi.md"}, true, 0},
		{"kind of a pearl, the last of its kind", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "kind: menetelma", "kind: tieto", 1))}
		}, []string{"helmet/dialogi.md"}, false, 0},
		{"and back", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(pearl)}
		}, []string{"helmet/dialogi.md"}, false, 0},
		{"related pearls and date of a pearl", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "date: 2021-03-01", "date: 2025-03-01\nrelated: [luottamus, yhteinen-tavoite]", 1))}
		}, []string{"helmet/dialogi.md"}, true, 0},
		{"a pearl becomes a draft", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "date: 2021-03-01", "date: 2021-03-01\ndraft: true", 1))}
		}, []string{"helmet/dialogi.md"}, true, 0},
		{"a tag no other pearl has, which adds a page", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "kind: menetelma", "kind: menetelma\ntags: [uusi]", 1))}
		}, []string{"helmet/dialogi.md"}, false, 0},
		{"the tag goes again", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(pearl)}
		}, []string{"helmet/dialogi.md"}, false, 0},
		{"new pearl", func() {
			fsys["helmet/uusi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Uusi\ntheme: johtaminen\nsummary: S.\nkind: vinkki\ndate: 2024-01-01\nrelated: [dialogi]\n---\nUusi.\n")}
		}, []string{"helmet/uusi.md"}, false, 0},
		{"deleted pearl", func() { delete(fsys, "helmet/uusi.md") }, []string{"helmet/uusi.md"}, false, 0},
		{"theme area", func() {
			a := string(fsys["teemat/johtaminen.md"].Data)
			fsys["teemat/johtaminen.md"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "Johdanto.", "Uusi johdanto.", 1))}
		}, []string{"teemat/johtaminen.md"}, true, 1},
		{"body of a chapter, shown in the printable guide too", func() {
			c := string(fsys["opas/roolit.md"].Data)
			fsys["opas/roolit.md"] = &fstest.MapFile{Data: []byte(strings.Replace(c, "Teksti,", "Uusi teksti,", 1))}
		}, []string{"opas/roolit.md"}, true, 2},
		{"body of the guide's cover", func() {
			c := string(fsys["opas/_index.md"].Data)
			fsys["opas/_index.md"] = &fstest.MapFile{Data: []byte(strings.Replace(c, "Kansi.", "Uusi kansi.", 1))}
		}, []string{"opas/_index.md"}, true, 2},
		{"a link in a body", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "Teksti.", "Katso [luottamus](luottamus.md).", 1))}
		}, []string{"helmet/dialogi.md"}, false, 0},
		{"site.yaml", func() {
			c := string(fsys["site.yaml"].Data)
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(c, "title: Testiportaali", "title: Uusi portaali", 1))}
		}, []string{"site.yaml"}, false, 0},
		{"static file", func() {
			fsys["static/liitteet/lomake.pdf"] = &fstest.MapFile{Data: []byte("PDF 2")}
		}, []string{"static/liitteet/lomake.pdf"}, true, -1},
		{"the portal's thesaurus, which only the search index reads", func() {
			fsys["sanasto.txt"] = &fstest.MapFile{Data: []byte("luottamuspula > luottamus\n")}
		}, []string{"sanasto.txt"}, false, -1},
		{"new chapter", func() {
			fsys["opas/loppu.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Loppu\nweight: 3\nsummary: S.\n---\nLoppu.\n")}
		}, []string{"opas"}, false, 0},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.edit()
			res, err := ss.Rebuild(ctx, Changes{Content: st.changed, Exact: exact})
			if err != nil {
				t.Fatalf("rebuild: %v %v", err, res.Diags)
			}
			sameAsFullBuild(t, fsys, res)
			if ss.Quick() != st.quick {
				t.Errorf("quick path: got %t, want %t", ss.Quick(), st.quick)
			}
			switch {
			case st.most < 0 && ss.Rendered() != 0:
				t.Errorf("rendered %d pages, want none", ss.Rendered())
			case st.most > 0 && ss.Rendered() > st.most:
				t.Errorf("rendered %d of %d pages, want at most %d", ss.Rendered(), total, st.most)
			case st.most >= 0 && ss.Rendered() == 0:
				t.Error("rendered nothing")
			}
		})
	}
	t.Run("nothing changed", func(t *testing.T) {
		if _, err := ss.Rebuild(ctx, Changes{}); err != nil {
			t.Fatal(err)
		}
		if ss.Rendered() != 0 {
			t.Errorf("rendered %d pages, want 0", ss.Rendered())
		}
	})
}

func TestSessionRereadsOnlyNamedFiles(t *testing.T) {
	fsys := fixture(t)
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true})
	ctx := context.Background()
	if _, err := ss.Rebuild(ctx, Changes{}); err != nil {
		t.Fatal(err)
	}
	old := fsys["helmet/dialogi.md"].Data
	fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: bytes.Replace(old, []byte("Teksti."), []byte("Salainen muutos."), 1)}
	page := func() string {
		res, err := ss.Rebuild(ctx, Changes{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Files {
			if f.Path == "helmet/dialogi/index.html" {
				return string(f.Data)
			}
		}
		t.Fatal("no page helmet/dialogi/index.html")
		return ""
	}
	if strings.Contains(page(), "Salainen muutos.") {
		t.Error("a file nobody named as changed was read again")
	}
	if _, err := ss.Rebuild(ctx, Changes{All: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page(), "Salainen muutos.") {
		t.Error("Changes.All did not read the file again")
	}
}

func TestSessionFailedBuildChangesNothing(t *testing.T) {
	fsys := fixture(t)
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true})
	ctx := context.Background()
	if _, err := ss.Rebuild(ctx, Changes{}); err != nil {
		t.Fatal(err)
	}
	good := fsys["helmet/dialogi.md"].Data
	fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: bytes.Replace(good, []byte("theme: johtaminen"), []byte("theme: puuttuu"), 1)}
	res, err := ss.Rebuild(ctx, Changes{Content: []string{"helmet/dialogi.md"}})
	if !errors.Is(err, ErrContent) {
		t.Fatalf("got %v, want ErrContent", err)
	}
	if got := res.Diags.Errors(); len(got) != 1 || !strings.HasPrefix(got[0].Error(), "content/helmet/dialogi.md:3:8: unknown theme \"puuttuu\"") {
		t.Errorf("got %v, want the unknown theme at content/helmet/dialogi.md:3:8", got)
	}
	fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: bytes.Replace(good, []byte("Teksti."), []byte("Korjattu."), 1)}
	res, err = ss.Rebuild(ctx, Changes{Content: []string{"helmet/dialogi.md"}})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	sameAsFullBuild(t, fsys, res)
}

// TestSessionCapsErrors checks that a session keeps at most
// Options.MaxErrors errors, as Build does, and counts the rest.
func TestSessionCapsErrors(t *testing.T) {
	fsys := fixture(t)
	for _, name := range []string{"helmet/dialogi.md", "helmet/luonnos.md"} {
		fsys[name].Data = bytes.Replace(fsys[name].Data, []byte("theme: johtaminen"), []byte("theme: puuttuu"), 1)
	}
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true, MaxErrors: 1})
	res, err := ss.Rebuild(context.Background(), Changes{})
	if !errors.Is(err, ErrContent) {
		t.Fatalf("got %v, want ErrContent", err)
	}
	if got := res.Diags.Errors(); len(got) != 1 || res.Dropped != 1 {
		t.Errorf("got %d errors and %d dropped, want 1 and 1: %v", len(got), res.Dropped, got)
	}
}

// TestDepListsReuseMatchesFresh checks that hashes kept from the last
// plan are those a fresh plan computes, whatever changed in between.
func TestDepListsReuseMatchesFresh(t *testing.T) {
	card := func(s string) [32]byte { return sha256.Sum256([]byte(s)) }
	cards := map[string][32]byte{"helmet/a": card("a"), "helmet/b": card("b"), "helmet/c": card("c"), "teemat/t": card("t")}
	all := []string{"teemat/t", "helmet/a", "helmet/b", "helmet/c"}
	jobs := func(list []string) []render.Job {
		return []render.Job{
			{Path: "index.html", Kind: "home", Deps: list},
			{Path: "teemat/t/index.html", Kind: "area", Deps: list},
			{Path: "teemat/t/sivu/2/index.html", Kind: "area", Deps: list},
			{Path: "helmet/a/index.html", Kind: "pearl", Deps: []string{"helmet/a", "teemat/t"}},
			{Path: "helmet/b/index.html", Kind: "pearl", Deps: []string{"helmet/b", "helmet/a"}},
			{Path: "404.html", Kind: "notfound"},
		}
	}
	js := jobs(all)
	_, kept := depLists(js, cards, nil, nil, nil)
	steps := []struct {
		name string
		edit func(map[string][32]byte) []render.Job
	}{
		{"nothing", func(map[string][32]byte) []render.Job { return jobs(slices.Clone(all)) }},
		{"a card", func(c map[string][32]byte) []render.Job { c["helmet/a"] = card("a2"); return jobs(slices.Clone(all)) }},
		{"another card", func(c map[string][32]byte) []render.Job { c["helmet/c"] = card("c2"); return jobs(slices.Clone(all)) }},
		{"the order", func(map[string][32]byte) []render.Job {
			return jobs([]string{"teemat/t", "helmet/b", "helmet/a", "helmet/c"})
		}},
		{"a document gone", func(c map[string][32]byte) []render.Job {
			delete(c, "helmet/c")
			return jobs([]string{"teemat/t", "helmet/b", "helmet/a"})
		}},
		{"a card gone but listed", func(c map[string][32]byte) []render.Job {
			delete(c, "helmet/b")
			return jobs([]string{"teemat/t", "helmet/b", "helmet/a"})
		}},
	}
	for _, st := range steps {
		old := maps.Clone(cards)
		js := st.edit(cards)
		got, next := depLists(js, cards, old, kept, nil)
		want, _ := depLists(js, cards, nil, nil, nil)
		for _, j := range js {
			if got[depsID(j.Deps)] != want[depsID(j.Deps)] {
				t.Errorf("%s: %s: a kept hash differs from a fresh one", st.name, j.Path)
			}
		}
		kept = next
	}
}

// TestSessionRemembersAFailedBuild checks that the changes a failed build
// saw are not forgotten by the next one, which may take the quick path
// from the last good build: serve sees a git checkout's files arrive in
// several bursts, and an editor may save another file before fixing the
// broken one.
func TestSessionRemembersAFailedBuild(t *testing.T) {
	fsys := fixture(t)
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true})
	ctx := context.Background()
	if _, err := ss.Rebuild(ctx, Changes{}); err != nil {
		t.Fatal(err)
	}
	dialogi := fsys["helmet/dialogi.md"].Data
	fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: bytes.Replace(dialogi, []byte("theme: johtaminen"), []byte("theme: puuttuu"), 1)}
	if _, err := ss.Rebuild(ctx, Changes{Content: []string{"helmet/dialogi.md"}, Exact: true}); !errors.Is(err, ErrContent) {
		t.Fatalf("got %v, want ErrContent", err)
	}
	// Another file's body: the quick path's kind of change.
	cover := fsys["opas/_index.md"].Data
	fsys["opas/_index.md"] = &fstest.MapFile{Data: bytes.Replace(cover, []byte("Kansi."), []byte("Uusi kansi."), 1)}
	if res, err := ss.Rebuild(ctx, Changes{Content: []string{"opas/_index.md"}, Exact: true}); !errors.Is(err, ErrContent) {
		t.Fatalf("the broken pearl is still broken: got %v, want ErrContent (%d files)", err, len(res.Files))
	}

	// A whole folder read again, half written: fails; then the rest.
	fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: bytes.Replace(dialogi, []byte("Teksti."), []byte("Uuden kansion teksti."), 1)}
	area := fsys["teemat/johtaminen.md"]
	delete(fsys, "teemat/johtaminen.md")
	if _, err := ss.Rebuild(ctx, Changes{All: true}); !errors.Is(err, ErrContent) {
		t.Fatalf("got %v, want ErrContent", err)
	}
	fsys["teemat/johtaminen.md"] = area
	res, err := ss.Rebuild(ctx, Changes{Content: []string{"teemat/johtaminen.md"}, Exact: true})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	sameAsFullBuild(t, fsys, res)
}

// TestSessionFrontMatterMovesAPageBoundary: a pearl that leaves a theme
// area of 61 pearls takes its list's second page away and may give the
// other area one; the session's files must be the full build's, no page
// left over.
func TestSessionFrontMatterMovesAPageBoundary(t *testing.T) {
	fsys := fixture(t)
	// With yhteinen-tavoite and luottamus, 61 pearls in verkostotyo.
	for i := range render.PageSize - 1 {
		fsys[fmt.Sprintf("helmet/lisa-%02d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Lisähelmi %02d\ntheme: verkostotyo\nsummary: S.\nkind: tieto\ndate: 2024-01-01\nrelated: [luottamus]\n---\nTeksti.\n", i)}
	}
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true})
	ctx := context.Background()
	if res, err := ss.Rebuild(ctx, Changes{}); err != nil {
		t.Fatalf("first build: %v %v", err, res.Diags)
	}
	for _, theme := range []string{"johtaminen", "verkostotyo"} {
		name := "helmet/lisa-00.md"
		fsys[name] = &fstest.MapFile{Data: bytes.Replace(fsys[name].Data, []byte("theme: "+map[string]string{"johtaminen": "verkostotyo", "verkostotyo": "johtaminen"}[theme]), []byte("theme: "+theme), 1)}
		res, err := ss.Rebuild(ctx, Changes{Content: []string{name}})
		if err != nil {
			t.Fatalf("to %s: %v %v", theme, err, res.Diags)
		}
		sameAsFullBuild(t, fsys, res)
	}
}

// TestSessionRandomFrontMatterEdits saves random front matter into the
// pearls of a portal again and again, or moves the lines of one (see
// moved), and checks each session build against a full build of the same
// content, byte for byte, and its warnings (two pearls with one title, a
// draft named as related or linked to, a tag spelt as another word) too,
// at their lines and columns.
func TestSessionRandomFrontMatterEdits(t *testing.T) {
	const n = 70
	fsys := fixture(t)
	rounds, seed := testkit.Rounds(t, 30, 12, 3)
	r := rand.New(rand.NewPCG(seed, 4))
	pick := func(list ...string) string { return list[r.IntN(len(list))] }
	pearl := func(i int) []byte {
		var related, tags []string
		for range r.IntN(4) {
			k := r.IntN(n)
			if r.IntN(3) == 0 {
				k = n // a draft no edit changes
			}
			related = append(related, fmt.Sprintf("r%02d", k))
		}
		for range r.IntN(4) {
			tags = append(tags, pick("tavoitteet", "Tavoitteet", "Työhyvinvointi", "työhyvinvointi", "arki", "arki!", "Äänestys", "aanestys"))
		}
		return fmt.Appendf(nil, "---\ntitle: %s %d\ntheme: %s\nsummary: S%d.\nkind: %s\naudience: [%s]\ntags: [%s]\ndate: 2024-%02d-01\nrelated: [%s]\n---\nTeksti, katso [luonnos](/helmet/r%02d/).\n",
			pick("Äänestys", "Arviointi", "Zeta", "Åland", "Dialogi", "arki"), r.IntN(3), pick("verkostotyo", "johtaminen"), r.IntN(3),
			pick("tieto", "vinkki", "menetelma", "tyokalu"), pick("johto", "henkilosto"), strings.Join(tags, ", "), 1+r.IntN(12),
			strings.Join(slices.DeleteFunc(related, func(s string) bool { return s == fmt.Sprintf("r%02d", i) }), ", "), n)
	}
	// moved is a pearl's file with its lines moved and nothing it says
	// of other pages changed: a comment in its front matter, its tags
	// written as a block list, or a paragraph above its link to the
	// draft. The warnings between pages must follow them.
	blockTags := regexp.MustCompile(`(?m)^tags: \[(.+)\]$`)
	moved := func(data []byte) []byte {
		switch r.IntN(3) {
		case 0:
			return bytes.Replace(data, []byte("---\n"), []byte("---\n# huom\n"), 1)
		case 1:
			if m := blockTags.FindSubmatch(data); m != nil {
				return blockTags.ReplaceAll(data, []byte("tags:\n  - "+strings.ReplaceAll(string(m[1]), ", ", "\n  - ")))
			}
		}
		return bytes.Replace(data, []byte("\n---\n"), []byte("\n---\nAluksi.\n\n"), 1)
	}
	for i := range n {
		fsys[fmt.Sprintf("helmet/r%02d.md", i)] = &fstest.MapFile{Data: pearl(i)}
	}
	// The draft's tags label no tag a published pearl has (see site's
	// Term.LabelPearl), and it is told of the spellings that are other words.
	fsys[fmt.Sprintf("helmet/r%02d.md", n)] = &fstest.MapFile{Data: []byte("---\ntitle: Luonnos\ntheme: johtaminen\nsummary: S.\nkind: tieto\ntags: [Tavoitteet!, arki, ARKI!]\ndate: 2024-01-01\ndraft: true\n---\nTeksti.\n")}
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true})
	ctx := context.Background()
	if res, err := ss.Rebuild(ctx, Changes{}); err != nil {
		t.Fatalf("first build: %v %v", err, res.Diags)
	}
	quick := 0
	for step := range rounds {
		i := r.IntN(n)
		name := fmt.Sprintf("helmet/r%02d.md", i)
		if r.IntN(4) == 0 {
			fsys[name] = &fstest.MapFile{Data: moved(fsys[name].Data)}
		} else {
			fsys[name] = &fstest.MapFile{Data: pearl(i)}
		}
		res, err := ss.Rebuild(ctx, Changes{Content: []string{name}})
		if err != nil {
			t.Fatalf("step %d: %v %v", step, err, res.Diags)
		}
		if ss.Quick() {
			quick++
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("step %d, %s:\n%s", step, name, fsys[name].Data)
		}
	}
	t.Logf("%d of %d edits patched the model", quick, rounds)
	if quick*2 < rounds {
		t.Errorf("%d of %d edits patched the model, want most", quick, rounds)
	}
}

// TestSessionMovesWarningsWithTheirLines: a save that keeps what a page
// says but moves where it says it (a comment added to the front matter,
// a list written another way, a paragraph above a link) is patched into
// the model, and the warnings the model finds between pages (a title
// another pearl has, a tag spelt as another word than its label, a draft
// named or linked to) are told where a full build tells them, at their
// new lines and columns. Before 2026-12-07 they stayed at the old ones,
// and a change of the front matter after such a save told a draft in the
// related list twice.
func TestSessionMovesWarningsWithTheirLines(t *testing.T) {
	type edit struct{ file, old, new string }
	tests := []struct {
		name  string
		setup []edit
		saves []edit
		want  string // a warning the full build tells after the saves
	}{
		{"a comment above a title another pearl has",
			[]edit{{"helmet/luottamus.md", "title: Luottamus verkostossa", "title: Dialogi"}},
			[]edit{{"helmet/luottamus.md", "---\ntitle:", "---\n# huom\ntitle:"}},
			"content/helmet/luottamus.md:3:8: warning: the title"},
		{"spaces after the title's key",
			[]edit{{"helmet/luottamus.md", "title: Luottamus verkostossa", "title: Dialogi"}},
			[]edit{{"helmet/luottamus.md", "title: Dialogi", "title:   Dialogi"}},
			"content/helmet/luottamus.md:2:10: warning: the title"},
		{"a comment above a tag spelt as another word",
			[]edit{{"helmet/luottamus.md", "title: Luottamus verkostossa\n", "title: Luottamus verkostossa\ntags: [tavoitteet!]\n"}},
			[]edit{{"helmet/yhteinen-tavoite.md", "---\ntitle:", "---\n# huom\ntitle:"}},
			"content/helmet/yhteinen-tavoite.md:8:8: warning: tag"},
		{"the tags written as a block list",
			[]edit{{"helmet/luottamus.md", "title: Luottamus verkostossa\n", "title: Luottamus verkostossa\ntags: [tavoitteet!]\n"}},
			[]edit{{"helmet/yhteinen-tavoite.md", "tags: [tavoitteet, Työhyvinvointi]", "tags:\n  - tavoitteet\n  - Työhyvinvointi"}},
			"content/helmet/yhteinen-tavoite.md:8:5: warning: tag"},
		{"a comment, then a new title, of a pearl naming a draft",
			[]edit{{"helmet/dialogi.md", "date: 2021-03-01\n", "date: 2021-03-01\nrelated: [luonnos]\n"}},
			[]edit{
				{"helmet/dialogi.md", "---\ntitle:", "---\n# huom\ntitle:"},
				{"helmet/dialogi.md", "title: Dialogi", "title: Dialogi ja kuuntelu"},
			},
			"content/helmet/dialogi.md:9:11: warning: points to the draft"},
		{"a paragraph above a link to a draft",
			[]edit{{"helmet/luottamus.md", "Teksti ja", "Katso [luonnos](/helmet/luonnos/).\n\nTeksti ja"}},
			[]edit{{"helmet/luottamus.md", "---\nKatso", "---\nAluksi.\n\nKatso"}},
			"content/helmet/luottamus.md:10:7: warning: points to the draft"},
		{"a comment above a case's pearls naming a draft",
			[]edit{{"caset/tampere.md", "pearls: [yhteinen-tavoite]", "pearls: [yhteinen-tavoite, luonnos]"}},
			[]edit{{"caset/tampere.md", "themes:", "# huom\nthemes:"}},
			"content/caset/tampere.md:7:28: warning: points to the draft"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixture(t)
			for _, e := range tc.setup {
				data := string(fsys[e.file].Data)
				if !strings.Contains(data, e.old) {
					t.Fatalf("%s has no %q", e.file, e.old)
				}
				fsys[e.file] = &fstest.MapFile{Data: []byte(strings.Replace(data, e.old, e.new, 1))}
			}
			ss, _ := firstBuild(t, fsys)
			var res *Result
			for _, e := range tc.saves {
				res = saveEdit(t, ss, fsys, e.file, e.old, e.new)
				if !ss.Quick() {
					t.Errorf("the save of %s was not patched into the model", e.file)
				}
				sameAsFullBuild(t, fsys, res)
			}
			if got := diagLines(res.Diags); !strings.Contains("\n"+got, "\n"+tc.want) {
				t.Errorf("the problems after the saves:\n%s\nwant one starting %q", got, tc.want)
			}
		})
	}
}

// TestSessionDraftMarkRelabelsTags: a save that makes the pearl whose
// spelling labels a tag a draft, or publishes it again, is patched into
// the model, and the tag's label and the warnings of its other spellings
// are a full build's: a published pearl labels a tag before any draft.
func TestSessionDraftMarkRelabelsTags(t *testing.T) {
	fsys := fixture(t)
	for name, tags := range map[string]string{"helmet/dialogi.md": "C++", "helmet/luottamus.md": "C"} {
		fsys[name] = &fstest.MapFile{Data: bytes.Replace(fsys[name].Data, []byte("\ntheme:"), []byte("\ntags: ["+tags+"]\ntheme:"), 1)}
	}
	ss, res := firstBuild(t, fsys)
	if got := diagLines(res.Diags); !strings.Contains(got, `luottamus.md:3:8: warning: tag "C" gets the same page /tagit/c/ as tag "C++"`) {
		t.Fatalf("the first build does not tell luottamus.md's tag as another word than dialogi.md's:\n%s", got)
	}
	for _, e := range [][2]string{{"date: 2021-03-01\n", "date: 2021-03-01\ndraft: true\n"}, {"draft: true\n", ""}} {
		res = saveEdit(t, ss, fsys, "helmet/dialogi.md", e[0], e[1])
		if !ss.Quick() {
			t.Errorf("the save of %q was not patched into the model", e[1])
		}
		sameAsFullBuild(t, fsys, res)
	}
}

// TestBilingualSessionMatchesFullBuild: a session of a portal of two
// languages, which render the same theme's files, the necklace data
// among them, equals a full build after each of two edits, one in each
// language.
func TestBilingualSessionMatchesFullBuild(t *testing.T) {
	fsys := testkit.Content(t, "testdata/bilingual.txtar")
	ss, _ := firstBuild(t, fsys)
	for _, edit := range []struct{ file, old, new string }{
		{"helmet/luottamus.md", "title: Luottamus verkostossa", "title: Luottamus ja verkosto"},
		{"sv/helmet/yhteinen-tavoite.md", "title: Ett gemensamt mål", "title: Ett mål för nätverket"},
	} {
		sameAsFullBuild(t, fsys, saveEdit(t, ss, fsys, edit.file, edit.old, edit.new))
	}
}

// firstBuild starts a session of fsys, drafts included, and checks its
// first build against a full build.
// saveEdit replaces old with new in the file name of fsys, as an editor's
// save does, and rebuilds the session for that file.
func saveEdit(t *testing.T, ss *Session, fsys fstest.MapFS, name, old, new string) *Result {
	t.Helper()
	data := string(fsys[name].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
	res, err := ss.Rebuild(context.Background(), Changes{Content: []string{name}, Exact: true})
	if err != nil {
		t.Fatalf("a save of %s: %v %v", name, err, res.Diags)
	}
	return res
}

func firstBuild(t *testing.T, fsys fstest.MapFS) (*Session, *Result) {
	t.Helper()
	ss := NewSession(Options{Content: fsys, ContentName: "content", Drafts: true})
	res, err := ss.Rebuild(context.Background(), Changes{})
	if err != nil {
		t.Fatalf("first build: %v %v", err, res.Diags)
	}
	sameAsFullBuild(t, fsys, res)
	return ss, res
}

// TestSessionNecklaceShardsAfterEachChange: in a portal whose necklace
// data has several shards, a session equals a full build, the shards
// among its files, after each save that changes which pearls a shard
// holds or in what order (render keeps the last listing's shards: see
// render's necklaceJobs): a title edit that moves a pearl, a body edit,
// a rename, a pearl added, one removed, and the title back.
func TestSessionNecklaceShardsAfterEachChange(t *testing.T) {
	fsys := fixture(t)
	pearl := func(title, theme string) *fstest.MapFile {
		return &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: %s\ntheme: %s\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n", title, theme)}
	}
	for i := range 3 * 64 {
		fsys[fmt.Sprintf("helmet/kaula-%03d.md", i)] = pearl(fmt.Sprintf("Kaulahelmi %03d", i), []string{"verkostotyo", "johtaminen"}[i%2])
	}
	if n := render.NecklaceShards(3 * 64); n < 4 {
		t.Fatalf("%d shards, the test wants several", n)
	}
	ss, _ := firstBuild(t, fsys)
	ctx := context.Background()
	for _, step := range []struct {
		name  string
		names []string
		do    func()
	}{
		{"a title edit moves a pearl", []string{"helmet/kaula-010.md"}, func() {
			fsys["helmet/kaula-010.md"] = pearl("Viimeinen kaulahelmi", "verkostotyo")
		}},
		{"a body edit", []string{"helmet/kaula-020.md"}, func() {
			fsys["helmet/kaula-020.md"] = &fstest.MapFile{Data: bytes.Replace(fsys["helmet/kaula-020.md"].Data, []byte("Teksti."), []byte("Uusi teksti."), 1)}
		}},
		{"renamed", []string{"helmet/kaula-030.md", "helmet/uusi-nimi.md"}, func() {
			fsys["helmet/uusi-nimi.md"] = fsys["helmet/kaula-030.md"]
			delete(fsys, "helmet/kaula-030.md")
		}},
		{"added", []string{"helmet/lisatty.md"}, func() {
			fsys["helmet/lisatty.md"] = pearl("Kaulahelmi 040 b", "verkostotyo")
		}},
		{"removed", []string{"helmet/kaula-050.md"}, func() {
			delete(fsys, "helmet/kaula-050.md")
		}},
		{"the title back", []string{"helmet/kaula-010.md"}, func() {
			fsys["helmet/kaula-010.md"] = pearl("Kaulahelmi 010", "verkostotyo")
		}},
	} {
		step.do()
		res, err := ss.Rebuild(ctx, Changes{Content: step.names, Exact: true})
		if err != nil {
			t.Fatalf("%s: %v %v", step.name, err, res.Diags)
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}
	}
}

// TestSessionRelatedDraftWarnings: a save that names a draft pearl in a
// pearl's related list, then another pearl, then the draft again on
// another line, is patched into the model (no full build), and its
// warnings are a full build's after each: the reference to the draft
// told at its place, and gone with it.
func TestSessionRelatedDraftWarnings(t *testing.T) {
	fsys := fixture(t)
	ss, _ := firstBuild(t, fsys)
	name := "helmet/dialogi.md"
	orig := string(fsys[name].Data)
	for _, related := range []string{
		"related: [luonnos]\n",
		"related: [luottamus]\n",
		"related:\n  - luottamus\n  - luonnos\n",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(orig, "date: 2021-03-01\n", "date: 2021-03-01\n"+related, 1))}
		res, err := ss.Rebuild(context.Background(), Changes{Content: []string{name}, Exact: true})
		if err != nil {
			t.Fatalf("%q: %v %v", related, err, res.Diags)
		}
		if !ss.Quick() {
			t.Errorf("%q: the model was built anew, not patched", related)
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("after %q", related)
		}
	}
}

// TestSessionSameTitleWarnings: saves that give a pearl another pearl's
// title, give it back, give it again and then change another key are
// each patched into the model, and their warnings are a full build's
// after each (the session counts the pearls of each title to look
// through every title only when one is shared, before or now).
func TestSessionSameTitleWarnings(t *testing.T) {
	fsys := fixture(t)
	ss, _ := firstBuild(t, fsys)
	name := "helmet/luottamus.md"
	orig := string(fsys[name].Data)
	retitled := func(title string) string {
		return strings.Replace(orig, "title: Luottamus verkostossa\n", "title: "+title+"\n", 1)
	}
	for _, step := range []struct{ name, text string }{
		{"dialogi's title", retitled("Dialogi")},
		{"its own title", orig},
		{"dialogi's title in lower case", retitled("dialogi")},
		{"another summary", strings.Replace(retitled("dialogi"), "summary: ", "summary: Uusi. ", 1)},
		{"a title of its own", retitled("Uusi otsikko")},
	} {
		text := step.text
		if text == orig && step.name != "its own title" {
			t.Fatalf("%s: %s no longer has the title the test changes", step.name, name)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
		res, err := ss.Rebuild(context.Background(), Changes{Content: []string{name}, Exact: true})
		if err != nil {
			t.Fatalf("%s: %v %v", step.name, err, res.Diags)
		}
		if !ss.Quick() {
			t.Errorf("%s: the model was built anew, not patched", step.name)
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}
	}
}

// TestBilingualSessionListsOnlyTheSavedPages: in a portal of two
// languages, a save of a body or of a pearl's title, in either language,
// patches the model (no full build), lists only the pages of the saved
// document and those its change may reach, in its own language (and the
// root's sitemap, which lists every language's pages), renders only the
// pages that show a changed body, and writes the bytes a full build of
// the same content writes.
func TestBilingualSessionListsOnlyTheSavedPages(t *testing.T) {
	fsys := testkit.Content(t, "testdata/bilingual.txtar")
	// A Swedish guide too, whose printable page shows every chapter.
	fsys["sv/opas/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Guiden\nsummary: Guiden.\n---\nOmslag.\n")}
	fsys["sv/opas/miksi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Varför nätverk\nweight: 1\nsummary: Skälen.\n---\nText.\n")}
	ss, _ := firstBuild(t, fsys)
	seen := watchPlans(ss)
	// The pages of documents (not generated ones) are those under a
	// document's folder; the generated ones are few and always listed.
	docPage := func(p string) bool {
		p = strings.TrimPrefix(p, "sv/")
		if p == render.TermsPath[1:]+"index.html" || strings.HasPrefix(p, render.TermsPath[1:]+"sivu/") {
			return false // the list of terms
		}
		for _, dir := range []string{"helmet/", "teemat/", "caset/", "opas/", "sivut/", "tietoa/", "tagit/", "tyypit/", "kohderyhmat/"} {
			if strings.HasPrefix(p, dir) {
				return true
			}
		}
		return false
	}
	for _, step := range []struct {
		name, file, old, new string
		// lang is the language folder of the pages listed ("" Finnish);
		// pages are the pages of documents the save may list, all of
		// them in a body save; render, those rendered.
		lang          string
		pages, render []string
	}{
		{"a Finnish body", "helmet/luottamus.md", "Teksti ja [linkki]", "Uusi teksti ja [linkki]", "",
			[]string{"helmet/luottamus/index.html"}, []string{"helmet/luottamus/index.html"}},
		{"a Swedish body", "sv/helmet/yhteinen-tavoite.md", "Se [sidan", "Läs [sidan", "sv/",
			[]string{"sv/helmet/yhteinen-tavoite/index.html"}, []string{"sv/helmet/yhteinen-tavoite/index.html"}},
		{"a Finnish chapter", "opas/miksi.md", "---\nTeksti.", "---\nUusi teksti.", "",
			// A chapter brings the whole guide to the listing.
			[]string{"opas/index.html", "opas/miksi/index.html", "opas/roolit/index.html", "opas/kokonaan/index.html"}, []string{"opas/miksi/index.html", "opas/kokonaan/index.html"}},
		{"a Swedish chapter", "sv/opas/miksi.md", "---\nText.", "---\nNy text.", "sv/",
			[]string{"sv/opas/index.html", "sv/opas/miksi/index.html", "sv/opas/kokonaan/index.html"}, []string{"sv/opas/miksi/index.html", "sv/opas/kokonaan/index.html"}},
		{"a Finnish title", "helmet/luottamus.md", "title: Luottamus verkostossa", "title: Luottamus ja verkosto", "", nil, nil},
		{"a Swedish title", "sv/helmet/yhteinen-tavoite.md", "title: Ett gemensamt mål", "title: Ett mål för nätverket", "sv/", nil, nil},
	} {
		res := saveEdit(t, ss, fsys, step.file, step.old, step.new)
		if !ss.Quick() {
			t.Errorf("%s: the model was built anew, not patched", step.name)
		}
		for _, p := range seen.listed {
			other := step.lang == "" && strings.HasPrefix(p, "sv/") || step.lang != "" && !strings.HasPrefix(p, step.lang) && p != "sitemap.xml"
			if other {
				t.Errorf("%s: listed %s, a page of the other language", step.name, p)
			}
			if step.pages != nil && docPage(p) && !slices.Contains(step.pages, p) {
				t.Errorf("%s: listed %s, a page the save does not change", step.name, p)
			}
		}
		if step.render != nil && !slices.Equal(slices.Sorted(slices.Values(seen.rendered)), slices.Sorted(slices.Values(step.render))) {
			t.Errorf("%s: rendered %q, want %q", step.name, seen.rendered, step.render)
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}
	}
}

// TestSessionTitleSaveKeepsTheSitemap: the sitemap shows no titles, so a
// save of a pearl's title that leaves it in its place in the order of
// all pearls does not list the sitemap again; one that moves it, or
// changes its date, does, and every save equals a full build. (A change
// of the draft mark lists it too, but leaves the warnings of links to
// the pearl to the next full model, which sameAsFullBuild compares.)
func TestSessionTitleSaveKeepsTheSitemap(t *testing.T) {
	fsys := fixture(t)
	ss, _ := firstBuild(t, fsys)
	seen := watchPlans(ss)
	name := "helmet/luottamus.md"
	for _, step := range []struct {
		name, old, new string
		sitemap        bool // listed and rendered
	}{
		{"a title in the same place", "title: Luottamus verkostossa", "title: Luottamus verkostoissa", false},
		{"a title that moves it", "title: Luottamus verkostoissa", "title: Ääni ja luottamus", true},
		{"a summary", "summary: ", "summary: Uusi. ", false},
		{"its date", `date: "2023-01-15"`, `date: "2023-02-15"`, true},
		{"the title back", "title: Ääni ja luottamus", "title: Luottamus verkostossa", true},
	} {
		res := saveEdit(t, ss, fsys, name, step.old, step.new)
		if !ss.Quick() {
			t.Errorf("%s: the model was built anew, not patched", step.name)
		}
		if got := slices.Contains(seen.listed, "sitemap.xml"); got != step.sitemap {
			t.Errorf("%s: sitemap listed %t, want %t", step.name, got, step.sitemap)
		}
		if got := slices.Contains(seen.rendered, "sitemap.xml"); got != step.sitemap {
			t.Errorf("%s: sitemap rendered %t, want %t", step.name, got, step.sitemap)
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}
	}
	// A full build after the saves keeps the sitemap's bytes.
	res, err := ss.Rebuild(context.Background(), Changes{All: true})
	if err != nil {
		t.Fatalf("full build: %v %v", err, res.Diags)
	}
	sameAsFullBuild(t, fsys, res)
}

// plans are the paths of the pages the last plan of a session listed and
// of those it rendered (see watchPlans).
type plans struct{ listed, rendered []string }

// watchPlans keeps in the plans it returns what each plan of ss lists
// and renders.
func watchPlans(ss *Session) *plans {
	p := &plans{}
	ss.onPlan = func(jobs []render.Job, todo []int) {
		p.listed, p.rendered = nil, nil
		for _, j := range jobs {
			p.listed = append(p.listed, j.Path)
		}
		for _, i := range todo {
			p.rendered = append(p.rendered, jobs[i].Path)
		}
	}
	return p
}

// TestOnlyASessionListsDeps: a session's plan lists every page with its
// Deps, as render.Theme.Jobs lists them, which it fingerprints; a build
// that keeps nothing lists the same pages without them (JobsToRender),
// each weighed at least as heavy as its Deps are long, so that the pages
// showing the most documents still render first.
func TestOnlyASessionListsDeps(t *testing.T) {
	fsys := testkit.Content(t, "testdata/bilingual.txtar")
	listed := func(ss *Session) []render.Job {
		t.Helper()
		var jobs []render.Job
		ss.onPlan = func(j []render.Job, _ []int) { jobs = j }
		if res, err := ss.run(context.Background(), Changes{}, nil, nil); err != nil {
			t.Fatalf("build: %v %v", err, res.Diags)
		}
		return jobs
	}
	session := listed(NewSession(Options{Content: fsys, ContentName: "content", Drafts: true}))
	build := listed(&Session{opts: Options{Content: fsys, ContentName: "content", Drafts: true}})
	if len(session) != len(build) {
		t.Fatalf("the session listed %d pages, the build %d", len(session), len(build))
	}
	pearls := 0
	for i, s := range session {
		b := build[i]
		if s.Path != b.Path || s.Kind != b.Kind {
			t.Errorf("page %d: the session listed %s (%s), the build %s (%s)", i, s.Path, s.Kind, b.Path, b.Kind)
			continue
		}
		if s.Kind == "pearl" {
			pearls++
			if len(s.Deps) == 0 {
				t.Errorf("the session listed %s without its Deps", s.Path)
			}
		}
		if b.Deps != nil {
			t.Errorf("the build listed %s with its Deps %q", b.Path, b.Deps)
		}
		if s.Weight() != len(s.Deps) || b.Weight() < len(s.Deps) {
			t.Errorf("%s: weight %d in the session, %d in the build; got %d Deps", s.Path, s.Weight(), b.Weight(), len(s.Deps))
		}
	}
	if pearls == 0 {
		t.Fatal("no pearl page listed")
	}
}

// TestSessionSearchKeepsEachLanguagesAnalyses: serve's search index of a
// portal of two languages, built again after a save in either language,
// is the full build's, byte for byte, and each language keeps its own
// indexer, with its analyses, from one build to the next (the second
// language's documents were all analysed again after every save).
func TestSessionSearchKeepsEachLanguagesAnalyses(t *testing.T) {
	fsys := testkit.Content(t, "testdata/bilingual.txtar")
	ss, res := firstBuild(t, fsys)
	if _, err := ss.Search(res.Site, nil); err != nil {
		t.Fatal(err)
	}
	sv := ss.indexes["sv"]
	if sv == nil {
		t.Fatal("the first search kept no Swedish indexer")
	}
	for _, save := range []struct{ file, old, new string }{
		{"sv/helmet/yhteinen-tavoite.md", "Se [sidan", "Läs [sidan"},
		{"helmet/luottamus.md", "Teksti ja [linkki]", "Uusi teksti ja [linkki]"},
	} {
		res := saveEdit(t, ss, fsys, save.file, save.old, save.new)
		files, err := ss.Search(res.Site, nil)
		if err != nil {
			t.Fatal(err)
		}
		if ss.indexes["sv"] != sv {
			t.Errorf("after a save of %s the Swedish indexer was made anew", save.file)
		}
		got := map[string][]byte{}
		for _, f := range files {
			got[f.Path] = f.Data
		}
		n := 0
		for _, f := range fullBuild(t, fsys).Files {
			if !strings.HasPrefix(f.Path, "haku/") && !strings.HasPrefix(f.Path, "sv/haku/") || f.Type != "application/json" {
				continue
			}
			n++
			if !bytes.Equal(got[f.Path], f.Data) {
				t.Errorf("after a save of %s, the session's %s is not the full build's", save.file, f.Path)
			}
		}
		if n != len(files) || n < 2 {
			t.Errorf("after a save of %s the session's index has %d files, the full build's %d", save.file, len(files), n)
		}
	}
}

// TestSessionTagSpellingWarningOfADraft: a save that makes a tag's label
// another word than a draft pearl's spelling of it tells the draft's
// warning anew, marked as a draft's, as a full build marks it.
func TestSessionTagSpellingWarningOfADraft(t *testing.T) {
	fsys := fixture(t)
	first, draft := "helmet/dialogi.md", "helmet/yhteinen-tavoite.md"
	origDraft := string(fsys[draft].Data)
	drafted := strings.Replace(strings.Replace(origDraft, "tags: [tavoitteet,", "tags: [tavoitteet++,", 1), "date: ", "draft: true\ndate: ", 1)
	if drafted == origDraft {
		t.Fatalf("the fixture no longer has what the test changes")
	}
	fsys[draft] = &fstest.MapFile{Data: []byte(drafted)}
	ss, _ := firstBuild(t, fsys)
	fsys[first] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[first].Data), "kind: menetelma\n", "kind: menetelma\ntags: [tavoitteet]\n", 1))}
	res, err := ss.Rebuild(context.Background(), Changes{Content: []string{first}, Exact: true})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	if !ss.Quick() {
		t.Errorf("the model was built anew, not patched")
	}
	if lines := diagLines(res.Diags); !strings.Contains(lines, `(draft) tag "tavoitteet++"`) {
		t.Errorf("the draft's spelling is not told as a draft's:\n%s", lines)
	}
	sameAsFullBuild(t, fsys, res)
}

// TestSessionTagSpellingWarnings: saves of a pearl's tags that spell a
// tag another pearl has as another word (tavoitteet!, which shares its
// page), first in the order of all pearls and so the page's label, then
// in case only, then after the other pearl, are each patched into the
// model, and their warnings are a full build's after each: the other
// pearl told of the new label and then not, the saved one told and then
// not.
func TestSessionTagSpellingWarnings(t *testing.T) {
	fsys := fixture(t)
	ss, _ := firstBuild(t, fsys)
	first, later := "helmet/dialogi.md", "helmet/yhteinen-tavoite.md"
	origFirst, origLater := string(fsys[first].Data), string(fsys[later].Data)
	tagged := func(tags string) string {
		return strings.Replace(origFirst, "kind: menetelma\n", "kind: menetelma\ntags: "+tags+"\n", 1)
	}
	for _, step := range []struct{ name, file, text, warned string }{
		{"the tag in another case", first, tagged("[Tavoitteet, työhyvinvointi]"), ""},
		{"the tag as another word, first", first, tagged("[tavoitteet!, Työhyvinvointi]"), `tag "tavoitteet" gets the same page /tagit/tavoitteet/ as tag "tavoitteet!" in content/helmet/dialogi.md`},
		{"another summary", first, strings.Replace(tagged("[tavoitteet!, Työhyvinvointi]"), "summary: ", "summary: Uusi. ", 1), `as tag "tavoitteet!"`},
		{"the tag in capitals", first, tagged("[TAVOITTEET, Työhyvinvointi]"), ""},
		{"as another word in the later pearl", later, strings.Replace(origLater, "tags: [tavoitteet,", "tags: [tavoitteet++,", 1), `tag "tavoitteet++" gets the same page /tagit/tavoitteet/ as tag "TAVOITTEET" in content/helmet/dialogi.md`},
		{"written as the first again", later, origLater, ""},
		{"and the first's tags gone", first, origFirst, ""},
	} {
		if step.text == origFirst && step.file == first && !strings.Contains(step.name, "gone") || step.text == origLater && !strings.Contains(step.name, "again") {
			t.Fatalf("%s: the fixture no longer has what the test changes", step.name)
		}
		fsys[step.file] = &fstest.MapFile{Data: []byte(step.text)}
		res, err := ss.Rebuild(context.Background(), Changes{Content: []string{step.file}, Exact: true})
		if err != nil {
			t.Fatalf("%s: %v %v", step.name, err, res.Diags)
		}
		if !ss.Quick() {
			t.Errorf("%s: the model was built anew, not patched", step.name)
		}
		lines := diagLines(res.Diags)
		if step.warned != "" && !strings.Contains(lines, step.warned) || step.warned == "" && strings.Contains(lines, "gets the same page") {
			t.Errorf("%s: the problems are not as a full build tells them (want %q):\n%s", step.name, step.warned, lines)
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}
	}
}

// TestSessionFollowsTheLabelPearlPastADraft: with a draft first on a
// tag's list, the tag is labelled by the first published pearl
// (site.Term.LabelPearl), so a save of that pearl's spelling must reach
// every page that shows the tag, in a session's model with its drafts.
// Until 2026-12-08 the pages' deps and the save's reach named the first
// pearl on the list, the draft.
func TestSessionFollowsTheLabelPearlPastADraft(t *testing.T) {
	fsys := fixture(t)
	for name, tag := range map[string]string{"helmet/luottamus.md": "Verkko", "helmet/luonnos.md": "verkko", "helmet/dialogi.md": "verkko"} {
		fsys[name] = &fstest.MapFile{Data: bytes.Replace(fsys[name].Data, []byte("\ntheme:"), []byte("\ntags: ["+tag+"]\ntheme:"), 1)}
	}
	ss, res := firstBuild(t, fsys)
	var term *site.Term
	for _, tt := range res.Site.Tags {
		if tt.Slug == "verkko" {
			term = tt
		}
	}
	if term == nil {
		t.Fatal("no tag verkko in the first build")
	}
	// The first on the list becomes a draft, if it is not one.
	first := term.Pearls[0].File
	if !term.Pearls[0].Draft {
		res = saveEdit(t, ss, fsys, strings.TrimPrefix(first, "content/"), "\ntheme:", "\ndraft: true\ntheme:")
		sameAsFullBuild(t, fsys, res)
	}
	for _, tt := range res.Site.Tags {
		if tt.Slug == "verkko" {
			term = tt
		}
	}
	if !term.Pearls[0].Draft || term.LabelPearl() == term.Pearls[0] {
		t.Fatalf("the draft %s is not first on the tag's list, or labels it", first)
	}
	label := strings.TrimPrefix(term.LabelPearl().File, "content/")
	res = saveEdit(t, ss, fsys, label, "tags: ["+term.Label+"]", "tags: [VERKKO]")
	sameAsFullBuild(t, fsys, res)
}
