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
// pearl i its extra front matter lines and its body, files any other
// files (nil for none).
func portal(n int, meta, body func(i, n int) string, files func(n int) map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":            {Data: []byte("title: T\ndescription: D\nbaseURL: https://example.org/\n")},
		"teemat/johtaminen.md": {Data: []byte("---\ntitle: Johtaminen\nweight: 1\nsummary: S.\n---\nTeksti.\n")},
	}
	for i := range n {
		fsys["helmet/"+slug(i)+".md"] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Helmi %d\ntheme: johtaminen\nsummary: S.\nkind: tieto\ndate: 2024-01-01\n%s---\n%s\n", i, meta(i, n), body(i, n))}
	}
	if files != nil {
		for name, text := range files(n) {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	return fsys
}

func none(int, int) string { return "" }

// slug names pearl i. Every name has the same length, so that a larger
// portal's suggestions do not work on longer names.
func slug(i int) string { return fmt.Sprintf("helmi-numero-%04d", i) }

// list is a front matter list of key naming 2n pearls, each but pearl 0
// twice.
func list(key string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:\n", key)
	for j := range 2 * n {
		fmt.Fprintf(&b, "  - %s\n", slug(1+j%(n-1)))
	}
	return b.String()
}

// TestModelWorkGrowsLinearly builds the model of portals of n and 4n
// pearls, each with references that break, or that crowd one page, and
// checks that the allocations and the edit-distance steps of suggestions
// (which allocate nothing) grow at most linearly. These grew
// quadratically before. A long list is kept free of repeats through a
// set (TestAppendNewKeepsASet). Speed itself is for benchmarks.
func TestModelWorkGrowsLinearly(t *testing.T) {
	for _, c := range []struct {
		name       string
		meta, body func(i, n int) string
		files      func(n int) map[string]string
	}{
		{name: "related pearls that do not exist", meta: func(i, n int) string {
			return "related: [" + strings.Replace(slug(i), "numero", "numer", 1) + "]\n"
		}, body: none},
		{name: "links to pages that do not exist", meta: none, body: func(i, n int) string {
			return "[a](../helmet/" + strings.Replace(slug(i), "numero", "numeo", 1) + ".md)"
		}},
		{name: "links to headings that do not exist", meta: none, body: func(i, n int) string {
			if i == 0 {
				return strings.Repeat("## Otsikko\n\n", n)
			}
			return fmt.Sprintf("[a](../helmet/%s.md#otsikko-%dx)", slug(0), i)
		}},
		{name: "one pearl every other names", meta: func(i, n int) string {
			if i == 0 {
				return ""
			}
			return "related: [" + slug(0) + "]\n"
		}, body: none},
		{name: "a long list of related pearls", meta: func(i, n int) string {
			if i > 0 {
				return ""
			}
			return list("related", n)
		}, body: none},
		{name: "a long list of tags (cut at MaxTags)", meta: func(i, n int) string {
			if i > 0 {
				return ""
			}
			return strings.ReplaceAll(list("tags", n), "helmi-numero", "tagi")
		}, body: none},
		{name: "a case naming many pearls", meta: none, body: none, files: func(n int) map[string]string {
			return map[string]string{"caset/tapaus.md": "---\ntitle: T\norganization: O\nthemes: [johtaminen]\nsummary: S.\ndate: 2024-01-01\n" + list("pearls", n) + "---\n"}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			const n = 250
			small, large := modelWork(t, portal(n, c.meta, c.body, c.files)), modelWork(t, portal(4*n, c.meta, c.body, c.files))
			for i, what := range []string{"allocations", "edit-distance steps"} {
				if large[i] > 5*max(small[i], 1) {
					t.Errorf("%s: %d for %d pearls, %d for %d: more than 5 times as many", what, small[i], n, large[i], 4*n)
				}
			}
		})
	}
}

// modelWork returns the allocations of building the model of fsys and the
// edit-distance steps of its suggestions.
func modelWork(t *testing.T, fsys fstest.MapFS) [2]int {
	cfg, diags := config.Load(fsys, "content", "")
	if cfg == nil {
		t.Fatal(diags)
	}
	set, _ := content.Load(context.Background(), fsys, "content")
	var work int
	allocs := testing.AllocsPerRun(1, func() {
		s, _ := site.Build(cfg, set, site.Options{})
		work = site.WorkOf(s)
	})
	return [2]int{int(allocs), work}
}
