package site_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
)

// TestPearlByKeyFollowsPatches: a save looks pearls up by key (their
// warnings, dates and place), which walked every pearl each time before
// 2026-12-07. The lookup Build makes must give the pearl of each key in
// the model patched again and again as serve patches it, the front
// matter (PatchPearl, which moves pearls) and the body (Patch, which
// puts a copy in the pearl's place), without a walk; nil for a key of
// no pearl; and the right pearl in a part of the model (Only), whose
// list of pearls is not the model's.
func TestPearlByKeyFollowsPatches(t *testing.T) {
	const n = 24
	fsys := frontPortal(n)
	opts := site.Options{Drafts: true, Memo: &site.Memo{}}
	s := modelOf(t, fsys, opts)
	rounds, seed := testkit.Rounds(t, 200, 60, 11)
	r := rand.New(rand.NewPCG(seed, 11))
	scans := site.KeyScans()
	patched := 0
	for step := range rounds {
		i := r.IntN(n)
		name := fmt.Sprintf("helmet/h%02d.md", i)
		body := r.IntN(3) == 0
		if body {
			fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), "\nTeksti", fmt.Sprintf("\nTeksti %d", step), 1))}
		} else {
			fsys[name] = &fstest.MapFile{Data: []byte(pearlFront(i, n, rand.New(rand.NewPCG(uint64(1000+step), seed))))}
		}
		set, _ := content.Load(context.Background(), fsys, "content")
		doc := set.Pearls[i]
		var next *site.Site
		var ok bool
		if body {
			next, ok = s.Patch([]content.Doc{doc})
		} else {
			next, ok = s.PatchPearl(doc, opts.Memo)
		}
		if !ok {
			// A page comes or goes: Build, as serve does.
			next = modelOf(t, fsys, opts)
		} else {
			patched++
		}
		s = next
		for at, p := range s.Pearls {
			if got := s.PearlByKey(p.Key); got != p {
				t.Fatalf("step %d: PearlByKey(%q) is %v, want the pearl at %d of the patched model", step, p.Key, got, at)
			}
		}
		for _, key := range []string{"helmet/h99", "caset/tapaus", "teemat/johtaminen"} {
			if got := s.PearlByKey(key); got != nil {
				t.Fatalf("step %d: PearlByKey(%q) is %s, want none", step, key, got.Key)
			}
		}
	}
	if got := site.KeyScans() - scans; got != 0 {
		t.Errorf("PearlByKey walked the pearls %d times in %d patched models, want none", got, rounds)
	}
	if patched*5 < rounds {
		t.Errorf("patched %d of %d edits, want a fifth at least", patched, rounds)
	}
	set, _ := content.Load(context.Background(), fsys, "content")
	part := s.Only([]content.Doc{set.Pearls[3], set.Pearls[17]})
	for _, key := range []string{"helmet/h03", "helmet/h17"} {
		if got := part.PearlByKey(key); got == nil || got.Key != key || !slices.Contains(part.Pearls, got) {
			t.Errorf("a part of the model: PearlByKey(%q) is not its pearl", key)
		}
	}
	if got := part.PearlByKey("helmet/h04"); got != nil {
		t.Errorf("a part of the model: PearlByKey(helmet/h04) is %s, a pearl not in the part", got.Key)
	}
}
