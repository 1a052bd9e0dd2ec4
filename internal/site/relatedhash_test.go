package site_test

import (
	"context"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/site"
)

// TestRelatedWhateverTheHash: the pearls' related lists and the problems
// with them (a pearl that does not exist, is a draft or is the pearl
// itself, a slug named twice) are the same when every slug has one hash,
// slugs of one length one, or a slug not had that of one had, as with the build's own hash: the hash
// only orders the lookups, the slugs' bytes decide.
func TestRelatedWhateverTheHash(t *testing.T) {
	const n = 400
	fsys := portal(n, func(i, n int) string {
		switch i % 4 {
		case 0:
			return fmt.Sprintf("related: [%s, puuttuva-%d, %s]\n", slug((i*31+5)%n), i%3, slug((i*31+5)%n))
		case 1:
			return fmt.Sprintf("related: [%s, %s, helmi-numero-%04d]\n", slug(i), slug((i+1)%n), n+i)
		case 2:
			return fmt.Sprintf("draft: true\nrelated: [%s]\n", slug(i-1))
		}
		return fmt.Sprintf("related: [%s, %s, %s]\n", slug(i-1), slug(i-2), "")
	}, func(i, n int) string { return "Teksti." }, nil)
	seed := maphash.MakeSeed()
	cfg, diags := config.Load(fsys, "content", "")
	if cfg == nil {
		t.Fatal(diags)
	}
	build := func(drafts bool) ([]string, []string) {
		set, _ := content.Load(context.Background(), fsys, "content")
		s, diags := site.Build(cfg, set, site.Options{Drafts: drafts})
		var msgs, model []string
		for _, e := range diags {
			msgs = append(msgs, e.In(diag.English))
		}
		for _, p := range s.Pearls {
			for _, r := range p.Related {
				model = append(model, p.Slug+" -> "+r.Slug)
			}
		}
		return msgs, model
	}
	for _, drafts := range []bool{false, true} {
		msgs, model := build(drafts)
		if len(model) < n {
			t.Fatalf("only %d related pairs", len(model))
		}
		for name, h := range map[string]func(string) uint64{
			"one hash":  func(string) uint64 { return 7 },
			"by length": func(s string) uint64 { return uint64(len(s)) << 58 },
			// Each slug not had the hash of one that is.
			"missing as had": func(s string) uint64 {
				if strings.HasPrefix(s, "puuttuva") || s > slug(n-1) {
					s = slug(len(s) % n)
				}
				return maphash.String(seed, s)
			},
		} {
			restore := site.HashSlugsBy(h)
			gotMsgs, gotModel := build(drafts)
			restore()
			if !slices.Equal(gotMsgs, msgs) {
				t.Errorf("drafts %v, %s: %d problems, want %d; first: %q", drafts, name, len(gotMsgs), len(msgs), gotMsgs[:min(3, len(gotMsgs))])
			}
			if !slices.Equal(gotModel, model) {
				t.Errorf("drafts %v, %s: related lists differ", drafts, name)
			}
		}
	}
}
