package site_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// TestPatchSwapsBodiesAndLeavesTheModelAlone: a patched model holds the
// new documents and their hashes, and the model it was made from is as it
// was, since serve may still be reading it.
func TestPatchSwapsBodiesAndLeavesTheModelAlone(t *testing.T) {
	fsys, _ := load(t, "small.txtar")
	s, diags := buildSite(t, fsys, site.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	// The same front matter, a new body.
	edited := fstest.MapFS{}
	for _, name := range []string{"helmet/dialogi.md", "opas/roolit.md", "opas/_index.md"} {
		edited[name] = &fstest.MapFile{Data: append([]byte(string(fsys[name].Data)), "\nUusi kappale.\n"...)}
	}
	set, _ := content.Load(context.Background(), edited, "content")
	docs := []content.Doc{set.Pearls[0], set.Chapters[0], set.Cover}
	oldPearl, oldHash := s.Pearls[indexOf(s, "helmet/dialogi")].Pearl, s.Hashes["helmet/dialogi"]
	oldCover := s.Guide.Cover

	p, ok := s.Patch(docs)
	if !ok {
		t.Fatal("Patch found no place for the documents")
	}
	if got := p.Pearls[indexOf(p, "helmet/dialogi")].Pearl; got != set.Pearls[0] {
		t.Error("the patched model lacks the new pearl")
	}
	if p.Hashes["helmet/dialogi"] != set.Pearls[0].Sum || p.Hashes["helmet/dialogi"] == oldHash {
		t.Error("the patched model lacks the new pearl's hash")
	}
	if p.Guide.Cover != set.Cover || p.Guide.Chapters[chapterIndex(p, "roolit")].Chapter != set.Chapters[0] {
		t.Error("the patched guide lacks the new chapter or cover")
	}
	if s.Pearls[indexOf(s, "helmet/dialogi")].Pearl != oldPearl || s.Hashes["helmet/dialogi"] != oldHash ||
		s.Guide.Cover != oldCover || s.Guide.Chapters[chapterIndex(s, "roolit")].Chapter == set.Chapters[0] {
		t.Error("Patch changed the model it was given")
	}
	if only := p.Only(docs); len(only.Pearls) != 1 || only.Pearls[0].Key != "helmet/dialogi" || only.Guide == nil || len(only.Areas) != 0 || len(only.Tags) != 0 {
		t.Errorf("Only: %d pearls, guide %v, %d areas, %d tags", len(only.Pearls), only.Guide != nil, len(only.Areas), len(only.Tags))
	}

	stranger := &content.Pearl{Common: content.Common{Slug: "vieras", Key: "helmet/vieras"}}
	if _, ok := s.Patch([]content.Doc{stranger}); ok {
		t.Error("Patch took a document the model does not have")
	}
}

func indexOf(s *site.Site, key string) int {
	for i, p := range s.Pearls {
		if p.Key == key {
			return i
		}
	}
	return -1
}

func chapterIndex(s *site.Site, slug string) int {
	for i, c := range s.Guide.Chapters {
		if c.Slug == slug {
			return i
		}
	}
	return -1
}
