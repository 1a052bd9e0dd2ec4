package content

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unsafe"

	"github.com/helminauha/helminauha/internal/markdown"
)

func cacheFixture() fstest.MapFS {
	pearl := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ntheme: a\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n---\nTeksti.\n")}
	}
	return fstest.MapFS{
		"site.yaml":           {Data: []byte("title: T\n")},
		"teemat/a.md":         {Data: []byte("---\ntitle: A\nweight: 1\nsummary: S.\n---\n")},
		"helmet/x.md":         pearl("X"),
		"helmet/y.md":         pearl("Ykkönen"),
		"static/kuva.png":     {Data: []byte("png")},
		"opas/_index.md":      {Data: []byte("---\ntitle: Opas\n---\n")},
		"opas/ensimmainen.md": {Data: []byte("---\ntitle: E\nweight: 1\nsummary: S.\n---\n")},
	}
}

func titles(set *Set) map[string]string {
	m := map[string]string{}
	for _, p := range set.Pearls {
		m[p.Slug] = p.Title
	}
	return m
}

func TestCacheParsesOnlyForgottenFiles(t *testing.T) {
	fsys := cacheFixture()
	c := NewCache()
	ctx := context.Background()
	if _, diags := LoadCached(ctx, fsys, "content", c); diags.HasErrors() {
		t.Fatal(diags)
	}
	if c.Len() != 5 {
		t.Fatalf("cached %d documents, want 5", c.Len())
	}
	fsys["helmet/x.md"].Data = []byte("---\ntitle: X2\ntheme: a\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n---\n")
	fsys["helmet/y.md"].Data = []byte("---\ntitle: Ykkönen 2\ntheme: a\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n---\n")
	set, _ := LoadCached(ctx, fsys, "content", c)
	if got := titles(set); got["x"] != "X" || got["y"] != "Ykkönen" {
		t.Errorf("nothing forgotten: got %v, want the cached X and Y", got)
	}
	c.Forget("helmet/x.md")
	set, _ = LoadCached(ctx, fsys, "content", c)
	if got := titles(set); got["x"] != "X2" || got["y"] != "Ykkönen" {
		t.Errorf("x forgotten: got %v, want X2 and the cached Y", got)
	}
	c.Forget("helmet")
	set, _ = LoadCached(ctx, fsys, "content", c)
	if got := titles(set); got["y"] != "Ykkönen 2" {
		t.Errorf("folder forgotten: got %v, want Y2", got)
	}
	delete(fsys, "helmet/y.md")
	LoadCached(ctx, fsys, "content", c)
	if c.Len() != 4 {
		t.Errorf("after a file went: cached %d documents, want 4", c.Len())
	}
}

func TestCacheReload(t *testing.T) {
	fsys := cacheFixture()
	c := NewCache()
	tests := []struct {
		name  string
		ok    bool
		title string
	}{
		{"helmet/x.md", true, "X"},
		{"opas/_index.md", true, "Opas"},
		{"static/kuva.png", false, ""},
		{"site.yaml", false, ""},
		{"helmet", false, ""},
		{"muu/x.md", false, ""},
		{"helmet/Iso.md", false, ""},
	}
	for _, tc := range tests {
		doc, _, ok := c.Reload(fsys, "content", tc.name)
		if ok != tc.ok {
			t.Errorf("%s: got ok %t, want %t", tc.name, ok, tc.ok)
			continue
		}
		var title string
		switch d := doc.(type) {
		case *Pearl:
			title = d.Title
		case *Chapter:
			title = d.Title
		}
		if title != tc.title {
			t.Errorf("%s: got title %q, want %q", tc.name, title, tc.title)
		}
	}
}

// TestCacheExactSkipsTheWalk checks when a load after Exact(true) reuses
// the last walk of the folder: only when every forgotten path is a file
// that walk found and that is still a file. A file nobody forgot is the
// sign that a load did not walk.
func TestCacheExactSkipsTheWalk(t *testing.T) {
	pearl := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ntheme: a\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n---\n")}
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		change func(fstest.MapFS, *Cache) // the change, and what is forgotten
		exact  bool
		walked bool
	}{
		{"an edit of a known pearl", func(fsys fstest.MapFS, c *Cache) {
			fsys["helmet/x.md"] = pearl("X2")
			c.Forget("helmet/x.md")
		}, true, false},
		{"an edit of site.yaml and a static file", func(fsys fstest.MapFS, c *Cache) {
			fsys["static/kuva.png"] = &fstest.MapFile{Data: []byte("png2")}
			c.Forget("site.yaml", "static/kuva.png")
		}, true, false},
		{"nothing forgotten", func(fstest.MapFS, *Cache) {}, true, false},
		{"a new file", func(fsys fstest.MapFS, c *Cache) {
			fsys["helmet/z.md"] = pearl("Z")
			c.Forget("helmet/z.md")
		}, true, true},
		{"a deleted file", func(fsys fstest.MapFS, c *Cache) {
			delete(fsys, "helmet/y.md")
			c.Forget("helmet/y.md")
		}, true, true},
		{"a file turned into a folder", func(fsys fstest.MapFS, c *Cache) {
			delete(fsys, "helmet/y.md")
			fsys["helmet/y.md/z.md"] = pearl("Z")
			c.Forget("helmet/y.md")
		}, true, true},
		{"a folder", func(fsys fstest.MapFS, c *Cache) { c.Forget("helmet") }, true, true},
		{"everything", func(fsys fstest.MapFS, c *Cache) { c.Clear() }, true, true},
		{"not exact", func(fsys fstest.MapFS, c *Cache) {
			fsys["helmet/x.md"] = pearl("X2")
			c.Forget("helmet/x.md")
		}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := cacheFixture()
			fsys["helmet/muistiinpanot.txt"] = &fstest.MapFile{Data: []byte("x")}
			c := NewCache()
			first, diags := LoadCached(ctx, fsys, "content", c)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			warnings := len(diags.Warnings())
			if warnings == 0 {
				t.Fatal("no warning for the .txt file")
			}
			fsys["helmet/unseen.md"] = pearl("Unseen") // forgotten by no one
			tc.change(fsys, c)
			c.Exact(tc.exact)
			set, diags := LoadCached(ctx, fsys, "content", c)
			got := titles(set)
			_, rest, _ := strings.Cut(string(fsys["helmet/x.md"].Data), "title: ")
			if want, _, _ := strings.Cut(rest, "\n"); got["x"] != want {
				t.Errorf("pearl x: got title %q, the file says %q", got["x"], want)
			}
			_, unseen := got["unseen"]
			if unseen != tc.walked {
				t.Errorf("walked: got %t, want %t (pearls %v)", unseen, tc.walked, got)
			}
			if !tc.walked {
				if len(diags.Warnings()) != warnings || len(set.Static) != len(first.Static) {
					t.Errorf("a reused walk lost its findings: %d warnings, static %v", len(diags.Warnings()), set.Static)
				}
			}
		})
	}
}

// TestLoadTellsWhatItReads: the load tells its read func the size of
// each document it reads, and how many documents there are; not the
// static files, site.yaml, nor a document the cache gave.
func TestLoadTellsWhatItReads(t *testing.T) {
	fsys := cacheFixture()
	docs, bytes := 0, 0
	for name, f := range fsys {
		if strings.HasSuffix(name, ".md") {
			docs++
			bytes += len(f.Data)
		}
	}
	c := NewCache()
	tests := []struct {
		name           string
		forget         string
		wantN, wantLen int
	}{
		{"first load", "", docs, bytes},
		{"all cached", "", 0, 0},
		{"one forgotten", "helmet/x.md", 1, len(fsys["helmet/x.md"].Data)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.forget != "" {
				c.Forget(tt.forget)
			}
			var mu sync.Mutex
			n, sum, ofs := 0, 0, map[int]bool{}
			_, diags := LoadLanguages(context.Background(), fsys, "content", Options{Cache: c, Read: func(size, of int) {
				mu.Lock()
				defer mu.Unlock()
				n, sum, ofs[of] = n+1, sum+size, true
			}})
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if n != tt.wantN || sum != tt.wantLen {
				t.Errorf("told of %d documents, %d bytes; want %d, %d bytes", n, sum, tt.wantN, tt.wantLen)
			}
			if n > 0 && (len(ofs) != 1 || !ofs[docs]) {
				t.Errorf("told of %v documents in all, want %d", ofs, docs)
			}
		})
	}
}

// TestBuildLoadSkipsTheHash: a load for one build (Once, no cache)
// leaves Sum zero and drops the decoded front matter, as nothing after
// it reads them, whether its bodies go to a store or stay in memory (a
// check); a load with a cache, whose session fingerprints pages by them,
// and a load that is not Once keep both.
func TestBuildLoadSkipsTheHash(t *testing.T) {
	fsys := cacheFixture()
	for _, c := range []struct {
		name  string
		cache *Cache
		store bool
		once  bool
		kept  bool
	}{
		{"build", nil, true, true, false},
		{"check", nil, false, true, false},
		{"session", NewCache(), true, true, true},
		{"in memory", nil, false, false, true},
		{"store, not once", nil, true, false, true},
	} {
		var bodies *markdown.Store
		if c.store {
			var err error
			if bodies, err = markdown.NewStore(); err != nil {
				t.Fatal(err)
			}
		}
		set, diags := LoadLanguages(context.Background(), fsys, "content", Options{Cache: c.cache, Bodies: bodies, Once: c.once})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if len(set.Pearls) == 0 {
			t.Fatalf("%s: no pearls loaded", c.name)
		}
		for _, p := range set.Pearls {
			if hashed := p.Sum != (Sum{}); hashed != c.kept {
				t.Errorf("%s: %s hashed %v, want %v", c.name, p.Key, hashed, c.kept)
			}
			if meta := p.Doc.Meta != nil; meta != c.kept {
				t.Errorf("%s: %s kept its front matter %v, want %v", c.name, p.Key, meta, c.kept)
			}
		}
	}
}

// A build's load (no cache) lays its pearls side by side in the order of
// their files, for the model's walks over them; a session's keeps the
// cached ones, which later loads hand back as they are.
func TestBuildPearlsLieSideBySide(t *testing.T) {
	ctx := context.Background()
	fsys := cacheFixture()
	set, diags := Load(ctx, fsys, "content")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(set.Pearls) != 2 || set.Pearls[0].Slug != "x" || set.Pearls[1].Slug != "y" {
		t.Fatalf("pearls %v, want x and y", titles(set))
	}
	if first := unsafe.Pointer(set.Pearls[0]); unsafe.Add(first, unsafe.Sizeof(Pearl{})) != unsafe.Pointer(set.Pearls[1]) {
		t.Errorf("a build's pearls x and y do not lie side by side")
	}
	// Their texts too: y's file name right after the last of x's texts.
	x, y := set.Pearls[0], set.Pearls[1]
	size := 0
	f := fieldsOf(x)
	for _, t := range f.texts[:f.nt] {
		size += len(*t)
	}
	for _, l := range f.lists[:f.nl] {
		for _, s := range *l {
			size += len(s)
		}
	}
	if unsafe.Add(unsafe.Pointer(unsafe.StringData(x.File)), size) != unsafe.Pointer(unsafe.StringData(y.File)) {
		t.Errorf("a build's pearls' texts do not lie one after the other")
	}
	if x.Title != "X" || y.Title != "Ykkönen" || x.Slug != "x" || y.Key != "helmet/y" || len(y.Tags) != 0 {
		t.Errorf("packed texts read x %q %q, y %q %q %q", x.Title, x.Slug, y.Title, y.Key, y.Tags)
	}
	c := NewCache()
	one, _ := LoadCached(ctx, fsys, "content", c)
	two, _ := LoadCached(ctx, fsys, "content", c)
	if one.Pearls[0] != two.Pearls[0] || one.Pearls[1] != two.Pearls[1] {
		t.Errorf("a session's second load made new pearls of unchanged files")
	}
}
