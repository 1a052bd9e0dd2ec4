package build

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/render"
)

func TestFingerprint(t *testing.T) {
	sum := func(s string) content.Sum { var c content.Sum; copy(c[:], s); return c }
	hashes := map[string]content.Sum{"helmet/a": sum("a1"), "helmet/b": sum("b1"), "teemat/x": sum("x1")}
	job := render.Job{Path: "helmet/a/index.html", Kind: "pearl", Deps: []string{"helmet/a", "teemat/x"}}
	base := Fingerprint([]byte("g"), job, hashes)
	with := func(f func(j *render.Job, h map[string]content.Sum) []byte) [32]byte {
		j := job
		j.Deps = append([]string(nil), job.Deps...)
		h := map[string]content.Sum{}
		for k, v := range hashes {
			h[k] = v
		}
		g := f(&j, h)
		if g == nil {
			g = []byte("g")
		}
		return Fingerprint(g, j, h)
	}
	tests := []struct {
		name string
		same bool
		edit func(j *render.Job, h map[string]content.Sum) []byte
	}{
		{"nothing changed", true, func(*render.Job, map[string]content.Sum) []byte { return nil }},
		{"an unrelated document changed", true, func(_ *render.Job, h map[string]content.Sum) []byte { h["helmet/b"] = sum("b2"); return nil }},
		{"the page's own document changed", false, func(_ *render.Job, h map[string]content.Sum) []byte { h["helmet/a"] = sum("a2"); return nil }},
		{"a document it shows changed", false, func(_ *render.Job, h map[string]content.Sum) []byte { h["teemat/x"] = sum("x2"); return nil }},
		{"a document it shows is gone", false, func(_ *render.Job, h map[string]content.Sum) []byte { delete(h, "teemat/x"); return nil }},
		{"it shows one more document", false, func(j *render.Job, _ map[string]content.Sum) []byte {
			j.Deps = append(j.Deps, "helmet/b")
			return nil
		}},
		{"the documents come in another order", false, func(j *render.Job, _ map[string]content.Sum) []byte {
			j.Deps[0], j.Deps[1] = j.Deps[1], j.Deps[0]
			return nil
		}},
		{"configuration or theme changed", false, func(*render.Job, map[string]content.Sum) []byte { return []byte("g2") }},
		{"another kind", false, func(j *render.Job, _ map[string]content.Sum) []byte { j.Kind = "case"; return nil }},
		{"keys do not run together", false, func(j *render.Job, _ map[string]content.Sum) []byte {
			j.Path = "helmet/a/index.htmlpearl"
			j.Kind = ""
			return nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := with(tc.edit) == base; got != tc.same {
				t.Errorf("same fingerprint: got %t, want %t", got, tc.same)
			}
		})
	}
}

func fixture(t *testing.T) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/session.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "content/"); ok {
			fsys[name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

// sameAsFullBuild checks that a session's build equals a full build of
// the same content, search index aside.
func sameAsFullBuild(t *testing.T, fsys fstest.MapFS, got *Result) {
	t.Helper()
	want, err := Build(context.Background(), Options{Content: fsys, ContentName: "content", Drafts: true})
	if err != nil {
		t.Fatalf("full build: %v %v", err, want.Diags)
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
			t.Errorf("%s differs from the full build's:\n got: %.300s\nwant: %.300s", f.Path, g.Data, f.Data)
		}
	}
}

func TestSessionMatchesFullBuildAfterEachChange(t *testing.T) {
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
		most    int // at most this many pages rendered anew (0: any)
	}{
		{"body of a pearl", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "Teksti.", "Uusi teksti.", 1))}
		}, []string{"helmet/dialogi.md"}, total - 3},
		{"title of a pearl", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(strings.Replace(pearl, "title: Dialogi", "title: Dialogi uusi", 1))}
		}, []string{"helmet/dialogi.md"}, 0},
		{"new pearl", func() {
			fsys["helmet/uusi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Uusi\ntheme: johtaminen\nsummary: S.\nkind: vinkki\ndate: 2024-01-01\nrelated: [dialogi]\n---\nUusi.\n")}
		}, []string{"helmet/uusi.md"}, 0},
		{"deleted pearl", func() { delete(fsys, "helmet/uusi.md") }, []string{"helmet/uusi.md"}, 0},
		{"theme area", func() {
			a := string(fsys["teemat/johtaminen.md"].Data)
			fsys["teemat/johtaminen.md"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "Johdanto.", "Uusi johdanto.", 1))}
		}, []string{"teemat/johtaminen.md"}, 0},
		{"site.yaml", func() {
			c := string(fsys["site.yaml"].Data)
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(c, "title: Testiportaali", "title: Uusi portaali", 1))}
		}, []string{"site.yaml"}, 0},
		{"static file", func() {
			fsys["static/liitteet/lomake.pdf"] = &fstest.MapFile{Data: []byte("PDF 2")}
		}, []string{"static/liitteet/lomake.pdf"}, 0},
		{"new chapter", func() {
			fsys["opas/loppu.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Loppu\nweight: 3\nsummary: S.\n---\nLoppu.\n")}
		}, []string{"opas"}, 0},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.edit()
			res, err := ss.Rebuild(ctx, Changes{Content: st.changed})
			if err != nil {
				t.Fatalf("rebuild: %v %v", err, res.Diags)
			}
			sameAsFullBuild(t, fsys, res)
			if st.most > 0 && ss.Rendered() > st.most {
				t.Errorf("rendered %d of %d pages, want at most %d", ss.Rendered(), total, st.most)
			}
			if ss.Rendered() == 0 {
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
	if got := res.Diags.Errors(); len(got) != 1 || !strings.HasPrefix(got[0].Error(), "content/helmet/dialogi.md:3:1: unknown theme \"puuttuu\"") {
		t.Errorf("got %v, want the unknown theme at content/helmet/dialogi.md:3:1", got)
	}
	fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: bytes.Replace(good, []byte("Teksti."), []byte("Korjattu."), 1)}
	res, err = ss.Rebuild(ctx, Changes{Content: []string{"helmet/dialogi.md"}})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	sameAsFullBuild(t, fsys, res)
}
