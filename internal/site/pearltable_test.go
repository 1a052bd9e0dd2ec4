package site

import (
	"fmt"
	"slices"
	"testing"
)

func TestPearlTable(t *testing.T) {
	many := make([]string, 5000)
	for i := range many {
		many[i] = fmt.Sprintf("helmi-%d", i)
	}
	tests := []struct {
		name    string
		slugs   []string
		base    string
		find    map[string]int // slug -> place, -1: none
		urls    []string       // by place
		paths   []string
		missing []string
	}{
		{name: "none", find: map[string]int{"x": -1, "": -1}},
		{
			name:  "root",
			slugs: []string{"luottamus", "etatyo", "a"},
			find:  map[string]int{"luottamus": 0, "etatyo": 1, "a": 2, "luottamu": -1, "luottamus ": -1, "A": -1, "": -1, "helmet/a": -1},
			urls:  []string{"/helmet/luottamus/", "/helmet/etatyo/", "/helmet/a/"},
			paths: []string{"/helmet/luottamus/", "/helmet/etatyo/", "/helmet/a/"},
		},
		{
			name:  "base path",
			slugs: []string{"verkostot", "työkyky"},
			base:  "/portaali",
			find:  map[string]int{"verkostot": 0, "työkyky": 1, "tyokyky": -1},
			urls:  []string{"/portaali/helmet/verkostot/", "/portaali/helmet/työkyky/"},
			paths: []string{"/helmet/verkostot/", "/helmet/työkyky/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newPearlTable(tt.slugs, tt.base)
			for slug, want := range tt.find {
				if got := x.find(slug); got != want {
					t.Errorf("find(%q) = %d, want %d", slug, got, want)
				}
			}
			for i := range tt.slugs {
				if got := x.url(i); got != tt.urls[i] {
					t.Errorf("url(%d) = %q, want %q", i, got, tt.urls[i])
				}
				if got := x.path(i); got != tt.paths[i] {
					t.Errorf("path(%d) = %q, want %q", i, got, tt.paths[i])
				}
				if got := x.slug(i); got != tt.slugs[i] {
					t.Errorf("slug(%d) = %q, want %q", i, got, tt.slugs[i])
				}
			}
		})
	}
	// Enough slugs that some share a first slot and are found further on.
	x := newPearlTable(many, "")
	moved := 0
	for i, s := range many {
		if h, _ := x.hashes(s); x.slots[h&x.mask].place != uint32(i+1) {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no slug of 5,000 was moved past its first slot: the probing is not tested")
	}
	for i, s := range many {
		if got := x.find(s); got != i {
			t.Fatalf("find(%q) = %d, want %d", s, got, i)
		}
		if got := x.find(s + "x"); got != -1 {
			t.Fatalf("find(%q) = %d, want -1", s+"x", got)
		}
	}
	// findAll finds as find does, across its batches of 64.
	var names []string
	for i, s := range many[:200] {
		names = append(names, s)
		if i%3 == 0 {
			names = append(names, s+"-ei")
		}
	}
	places := make([]int, len(names))
	x.findAll(names, places)
	for i, s := range names {
		if want := x.find(s); places[i] != want {
			t.Errorf("findAll: %q at %d, find: %d", s, places[i], want)
		}
	}
	x.pearls = make([]*Pearl, len(many))
	var slugs []string
	for slug := range x.all() {
		slugs = append(slugs, slug)
	}
	if !slices.Equal(slugs, many) {
		t.Errorf("all() gave %d slugs, not the %d indexed in their order", len(slugs), len(many))
	}
	for path, want := range map[string]bool{
		"/helmet/helmi-7/": true, "/helmet/helmi-7": false, "/helmet/helmi-7/x/": false, "/helmet/": false,
		"/teemat/helmi-7/": false, "/helmet/helmi-7x/": false, "helmet/helmi-7/": false,
	} {
		if got := x.has(path); got != want {
			t.Errorf("has(%q) = %v, want %v", path, got, want)
		}
	}
	var nilTable *pearlTable
	if nilTable.find("x") != -1 || nilTable.get("x") != nil || nilTable.has("/helmet/x/") {
		t.Error("a table of no pearls finds one")
	}
}
