package site_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/site"
)

// load reads a txtar fixture and returns its content/ folder and the
// expected errors from its want/errors section, if any.
func load(t *testing.T, name string) (fstest.MapFS, string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	var want string
	for _, f := range ar.Files {
		if f.Name == "want/errors" {
			want = string(f.Data)
			continue
		}
		if rest, ok := strings.CutPrefix(f.Name, "content/"); ok {
			fsys[rest] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys, want
}

func buildSite(t *testing.T, fsys fstest.MapFS, opts site.Options) (*site.Site, diag.List) {
	t.Helper()
	cfg, diags := config.Load(fsys, "content", "")
	if cfg == nil {
		return nil, diags
	}
	set, more := content.Load(context.Background(), fsys, "content")
	diags.Append(more)
	s, more := site.Build(cfg, set, opts)
	diags.Append(more)
	diags.Sort()
	return s, diags
}

func TestSmallPortalModel(t *testing.T) {
	fsys, _ := load(t, "small.txtar")
	s, diags := buildSite(t, fsys, site.Options{})
	if diags.HasErrors() {
		t.Fatalf("unexpected errors:\n%v", diags.Err())
	}
	var areas []string
	for _, a := range s.Areas {
		areas = append(areas, a.Slug+"="+a.Color)
	}
	if got, want := strings.Join(areas, " "), "johtaminen=#123456 verkostotyo="+site.Palette[1]; got != want {
		t.Errorf("areas in weight order: got %q, want %q", got, want)
	}
	pearl := func(slug string) *site.Pearl {
		for _, p := range s.Pearls {
			if p.Slug == slug {
				return p
			}
		}
		t.Fatalf("no pearl %q", slug)
		return nil
	}
	for _, p := range s.Pearls {
		if p.Slug == "luonnos" {
			t.Errorf("draft pearl is in a build without drafts")
		}
	}
	goal, trust := pearl("yhteinen-tavoite"), pearl("luottamus")
	if goal.URL != "/portaali/helmet/yhteinen-tavoite/" || goal.Path != "/helmet/yhteinen-tavoite/" {
		t.Errorf("URL under the base path: got %q / %q", goal.URL, goal.Path)
	}
	if len(trust.Related) != 1 || trust.Related[0] != goal {
		t.Errorf("related must work both ways: luottamus.Related = %v", trust.Related)
	}
	// Within the area, pearls are in Finnish alphabetical order.
	if trust.Prev != nil || trust.Next != goal || goal.Prev != trust {
		t.Errorf("prev/next within the area are wrong")
	}
	if len(goal.Cases) != 1 || goal.Cases[0].Slug != "tampere" {
		t.Errorf("case that uses the pearl missing: %v", goal.Cases)
	}
	if got := goal.Links.Rewrite("../helmet/luottamus.md"); got != "/portaali/helmet/luottamus/" {
		t.Errorf("link rewrite: got %q", got)
	}
	if got := goal.Links.Rewrite("/opas/"); got != "/portaali/opas/" {
		t.Errorf("site path link: got %q", got)
	}
	if got := goal.Links.Rewrite("#miksi-tavoite"); got != "#miksi-tavoite" {
		t.Errorf("in-page link changed: got %q", got)
	}
	var tags []string
	for _, tag := range s.Tags {
		tags = append(tags, tag.Slug+":"+tag.Label)
	}
	if got := strings.Join(tags, " "); got != "tavoitteet:tavoitteet tyohyvinvointi:Työhyvinvointi" {
		t.Errorf("tags: got %q", got)
	}
	if s.Guide == nil || len(s.Guide.Chapters) != 2 || s.Guide.Chapters[1].Prev != s.Guide.Chapters[0] || s.Guide.Title != "Verkostojohtamisen opas" {
		t.Errorf("guide chapters not chained in weight order")
	}
	if got := s.Guide.Chapters[1].Links.Rewrite("miksi.md"); got != "/portaali/opas/miksi/" {
		t.Errorf("relative chapter link: got %q", got)
	}
	if len(s.Areas[1].ByKind) != 2 || s.Areas[1].ByKind[0].Kind.Slug != "tieto" {
		t.Errorf("pearls grouped by kind in the contract's order")
	}
	if len(s.Newest) != 4 || s.Newest[0].Title != "Luottamus verkostossa" {
		t.Errorf("feed order newest first: %v", s.Newest)
	}

	withDrafts, diags := buildSite(t, fsys, site.Options{Drafts: true})
	if diags.HasErrors() || len(withDrafts.Pearls) != 4 {
		t.Errorf("drafts must be included when asked: %d pearls, %v", len(withDrafts.Pearls), diags.Err())
	}
}

// TestBrokenPortals pins the exact messages: each fixture's want/errors
// section lists every error of the run, in order.
func TestBrokenPortals(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			fsys, want := load(t, "errors/"+filepath.Base(file))
			_, diags := buildSite(t, fsys, site.Options{})
			var got strings.Builder
			for _, d := range diags.Errors() {
				got.WriteString(d.Error() + "\n")
			}
			if *update {
				rewriteWant(t, file, got.String())
				return
			}
			if got.String() != want {
				t.Errorf("errors:\ngot:\n%s\nwant:\n%s", got.String(), want)
			}
		})
	}
}

func rewriteWant(t *testing.T, file, errs string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i := range ar.Files {
		if ar.Files[i].Name == "want/errors" {
			ar.Files[i].Data = []byte(errs)
			found = true
		}
	}
	if !found {
		ar.Files = append(ar.Files, txtar.File{Name: "want/errors", Data: []byte(errs)})
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Pearls are listed as a Finnish reader orders them: å, ä and ö after z,
// and numbers by their value.
func TestPearlsInFinnishAlphabeticalOrder(t *testing.T) {
	fsys, _ := load(t, "small.txtar")
	for i, title := range []string{"Öljy", "Zeta", "Ääni", "aalto", "Åland", "Ohje", "Osa 10", "Osa 2", "12 tapaa", "5 vinkkiä"} {
		fsys[fmt.Sprintf("helmet/p%d.md", i)] = &fstest.MapFile{Data: []byte(
			"---\ntitle: " + title + "\ntheme: johtaminen\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\n---\n")}
	}
	s, diags := buildSite(t, fsys, site.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	var got []string
	for _, p := range s.Areas[0].Pearls {
		got = append(got, p.Title)
	}
	if want := "5 vinkkiä 12 tapaa aalto Dialogi Ohje Osa 2 Osa 10 Zeta Åland Ääni Öljy"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// TestMemoKeptBetweenBuilds builds a portal again and again with one
// Memo, as serve does, renaming pearls, deleting one and changing links
// in between: the order, the links and the errors must be those of a
// build without a Memo every time.
func TestMemoKeptBetweenBuilds(t *testing.T) {
	base, _ := load(t, "small.txtar")
	memo := &site.Memo{}
	summary := func(s *site.Site, diags diag.List) string {
		var got []string
		for _, p := range s.Pearls {
			got = append(got, p.Title, fmt.Sprint(p.Links))
		}
		for _, tag := range s.Tags {
			got = append(got, "#"+tag.Label)
		}
		for _, d := range diags {
			got = append(got, d.Error())
		}
		return strings.Join(got, "\n")
	}
	for step, titles := range [][]string{
		{"Öljy", "Zeta", "Ääni", "aalto"},
		{"Öljy", "Zeta", "Ääni", "aalto"},
		{"Zeta", "Öljy", "Åland", "aalto"},
		{"ääni", "Ohje", "Åland"},
		{"ääni", "Ohje", "Åland", "Aalto"},
	} {
		fsys := fstest.MapFS{}
		for name, f := range base {
			fsys[name] = f
		}
		for i, title := range titles {
			body := fmt.Sprintf("[seuraava](p%d.md) [toinen](/helmet/p%d/#x) [ulos](https://example.org/) [tässä](#kohta) [teema](../teemat/johtaminen.md)\n",
				(i+1)%4, (i+2+step)%4)
			fsys[fmt.Sprintf("helmet/p%d.md", i)] = &fstest.MapFile{Data: []byte(
				"---\ntitle: " + title + "\ntheme: johtaminen\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\ntags: [" + title + ", yhteinen]\n---\n" + body)}
		}
		kept, keptDiags := buildSite(t, fsys, site.Options{Memo: memo})
		fresh, freshDiags := buildSite(t, fsys, site.Options{})
		if kept == nil || fresh == nil {
			t.Fatalf("step %d: no model: %v", step, freshDiags)
		}
		if got, want := summary(kept, keptDiags), summary(fresh, freshDiags); got != want {
			t.Errorf("step %d: with a Memo got\n%s\nwant\n%s", step, got, want)
		}
		if step == 3 && !freshDiags.HasErrors() {
			t.Errorf("step %d: no broken link to the deleted pearl", step)
		}
	}
}
