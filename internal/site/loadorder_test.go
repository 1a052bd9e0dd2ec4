package site_test

import (
	"context"
	"slices"
	"testing"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// TestLoadOrder checks that Site.LoadOrder names each pearl of the model
// once, in the order the content was loaded (drafts left out), which the
// titles' order is not; and the places in order in a patched model and a
// part, whose pearls Build did not lay out.
func TestLoadOrder(t *testing.T) {
	fsys := frontPortal(24)
	for _, drafts := range []bool{false, true} {
		s := modelOf(t, fsys, site.Options{Drafts: drafts})
		set, _ := content.Load(context.Background(), fsys, "content")
		var want, got, titles []string
		for _, p := range set.Pearls {
			if drafts || !p.Draft {
				want = append(want, p.Key)
			}
		}
		for _, i := range s.LoadOrder() {
			got = append(got, s.Pearls[i].Key)
		}
		for _, p := range s.Pearls {
			titles = append(titles, p.Key)
		}
		if !slices.Equal(got, want) {
			t.Errorf("drafts=%t: LoadOrder gives %v, want %v", drafts, got, want)
		}
		if slices.Equal(titles, want) {
			t.Fatalf("drafts=%t: the portal's pearls are loaded in the order of titles; the test tells nothing", drafts)
		}
		inOrder := func(s *site.Site) bool {
			for k, i := range s.LoadOrder() {
				if int(i) != k {
					return false
				}
			}
			return len(s.LoadOrder()) == len(s.Pearls)
		}
		if part := s.Only([]content.Doc{set.Pearls[3], set.Pearls[5]}); !inOrder(part) {
			t.Errorf("drafts=%t: a part's LoadOrder is %v, want the places in order", drafts, part.LoadOrder())
		}
		if patched, ok := s.PatchPearl(set.Pearls[2], nil); ok && !inOrder(patched) {
			t.Errorf("drafts=%t: a patched model's LoadOrder is %v, want the places in order", drafts, patched.LoadOrder())
		}
	}
}

// TestNoHashes checks that a model built with Options.NoHashes, as a
// build without a session makes it, has no hashes and is otherwise the
// model with them.
func TestNoHashes(t *testing.T) {
	fsys := frontPortal(24)
	with := modelOf(t, fsys, site.Options{})
	without := modelOf(t, fsys, site.Options{NoHashes: true})
	if len(without.Hashes) != 0 || len(with.Hashes) == 0 {
		t.Fatalf("hashes: %d with NoHashes, %d without; want none and some", len(without.Hashes), len(with.Hashes))
	}
	for _, p := range with.Pearls {
		if _, ok := with.Hashes[p.Key]; !ok {
			t.Errorf("no hash of %s", p.Key)
		}
	}
	without.Hashes = with.Hashes
	if got, want := dumpModel(without), dumpModel(with); got != want {
		t.Errorf("the model with NoHashes differs:\n%s", firstDiff(got, want))
	}
}
