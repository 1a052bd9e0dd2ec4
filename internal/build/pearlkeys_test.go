package build

import (
	"context"
	"testing"
	"testing/fstest"
)

// TestSessionFindsPearlsAddedRenamedAndRemoved: a save of a pearl's front
// matter looks pearls up by key in the model before and after it (its
// place, its dates, which pearls share its title or its tags, whether
// anything points to it), through the lookup the model's Build makes
// (site.Site.PearlByKey) since 2026-12-07. After a pearl is added,
// renamed or removed, which builds the model anew, such a save of it, or
// of another pearl given its title, is still patched into the model (a
// lookup that did not know the new key would build anew), and the pages
// and warnings are a full build's.
func TestSessionFindsPearlsAddedRenamedAndRemoved(t *testing.T) {
	fsys := fixture(t)
	ss, _ := firstBuild(t, fsys)
	pearl := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ntheme: verkostotyo\nsummary: Uusi.\nkind: tieto\ndate: 2023-02-01\nrelated: [luottamus]\n---\nTeksti.\n")}
	}
	dialogi := fsys["helmet/dialogi.md"].Data
	for _, step := range []struct {
		name  string
		edit  func()
		files []string
		quick bool // the save is patched into the model
	}{
		{"a pearl added", func() { fsys["helmet/uusi.md"] = pearl("Uusi helmi") }, []string{"helmet/uusi.md"}, false},
		{"given dialogi's title", func() { fsys["helmet/uusi.md"] = pearl("Dialogi") }, []string{"helmet/uusi.md"}, true},
		{"renamed", func() {
			fsys["helmet/toinen.md"] = fsys["helmet/uusi.md"]
			delete(fsys, "helmet/uusi.md")
		}, []string{"helmet/uusi.md", "helmet/toinen.md"}, false},
		{"given a title of its own", func() { fsys["helmet/toinen.md"] = pearl("Toinen helmi") }, []string{"helmet/toinen.md"}, true},
		{"given dialogi's title again", func() { fsys["helmet/toinen.md"] = pearl("Dialogi") }, []string{"helmet/toinen.md"}, true},
		{"removed", func() { delete(fsys, "helmet/toinen.md") }, []string{"helmet/toinen.md"}, false},
		{"dialogi given the removed pearl's first title", func() {
			fsys["helmet/dialogi.md"] = &fstest.MapFile{Data: []byte(string(dialogi[:4]) + "title: Uusi helmi\n" + string(dialogi[len("---\ntitle: Dialogi\n"):]))}
		}, []string{"helmet/dialogi.md"}, true},
	} {
		step.edit()
		res, err := ss.Rebuild(context.Background(), Changes{Content: step.files, Exact: true})
		if err != nil {
			t.Fatalf("%s: %v %v", step.name, err, res.Diags)
		}
		if ss.Quick() != step.quick {
			t.Errorf("%s: patched %t, want %t", step.name, ss.Quick(), step.quick)
		}
		sameAsFullBuild(t, fsys, res)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}
	}
}
