package site_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// portal makes a content folder of n pearls; body and meta give each
// pearl i its extra front matter lines and its body.
func portal(n int, meta, body func(i, n int) string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":            {Data: []byte("title: T\ndescription: D\nbaseURL: https://example.org/\n")},
		"teemat/johtaminen.md": {Data: []byte("---\ntitle: Johtaminen\nweight: 1\nsummary: S.\n---\nTeksti.\n")},
	}
	for i := range n {
		fsys[fmt.Sprintf("helmet/helmi-numero-%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Helmi %d\ntheme: johtaminen\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n%s---\n%s\n", i, meta(i, n), body(i, n))}
	}
	return fsys
}

func none(int, int) string { return "" }

// TestModelWorkGrowsLinearly builds the model of portals of n and 4n
// pearls, each with references that break, or that crowd one page, and checks
// that the allocations (which grew quadratically with these before) grow
// at most linearly. Speed itself is for benchmarks.
func TestModelWorkGrowsLinearly(t *testing.T) {
	for _, c := range []struct {
		name       string
		meta, body func(i, n int) string
	}{
		{name: "related pearls that do not exist", meta: func(i, n int) string { return fmt.Sprintf("related: [helmi-numer-%d]\n", i) }, body: none},
		{name: "links to pages that do not exist", meta: none, body: func(i, n int) string { return fmt.Sprintf("[a](../helmet/helmi-numeo-%d.md)", i) }},
		{name: "links to headings that do not exist", meta: none, body: func(i, n int) string {
			if i == 0 {
				return strings.Repeat("## Otsikko\n\n", n)
			}
			return fmt.Sprintf("[a](../helmet/helmi-numero-0.md#otsikko-%dx)", i)
		}},
		{name: "one pearl every other names", meta: func(i, n int) string {
			if i == 0 {
				return ""
			}
			return "related: [helmi-numero-0]\n"
		}, body: none},
		{name: "long lists in one pearl", meta: func(i, n int) string {
			if i > 0 {
				return ""
			}
			var b strings.Builder
			for _, key := range []string{"tags", "related"} {
				fmt.Fprintf(&b, "%s:\n", key)
				for j := range 2 * n {
					fmt.Fprintf(&b, "  - t-%d\n", j%n)
				}
			}
			return b.String()
		}, body: none},
	} {
		t.Run(c.name, func(t *testing.T) {
			const n = 250
			small, large := modelAllocs(t, portal(n, c.meta, c.body)), modelAllocs(t, portal(4*n, c.meta, c.body))
			if large > 5*small {
				t.Errorf("%d allocations for %d pearls, %d for %d: more than 5 times as many", small, n, large, 4*n)
			}
		})
	}
}

func modelAllocs(t *testing.T, fsys fstest.MapFS) int {
	cfg, diags := config.Load(fsys, "content", "")
	if cfg == nil {
		t.Fatal(diags)
	}
	set, _ := content.Load(context.Background(), fsys, "content")
	return int(testing.AllocsPerRun(1, func() { site.Build(cfg, set, site.Options{}) }))
}
