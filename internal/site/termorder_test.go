package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/site"
)

// TestTagLabelIsTheFirstPearls: a tag spelled in several ways is shown
// as the first pearl in the order of all pearls (by area, then title)
// spells it, not as the first file loaded does, and its pages list the
// pearls in that order, whichever order the files are in.
func TestTagLabelIsTheFirstPearls(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string // pearl file -> title, tags
		label string
		order string
	}{
		{"first file last in order", map[string]string{
			"a": "Öljy|[Johtaminen]", "b": "Aamu|[johtaminen]", "c": "Kesä|[JOHTAMINEN]",
		}, "johtaminen", "b c a"},
		{"first file first in order", map[string]string{
			"a": "Aamu|[Johtaminen]", "b": "Öljy|[johtaminen]",
		}, "Johtaminen", "a b"},
		{"two spellings in the first pearl", map[string]string{
			"a": "Öljy|[johtaminen]", "b": "Aamu|[JOHTAMINEN, Johtaminen]",
		}, "JOHTAMINEN", "b a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.yaml":            {Data: []byte("title: T\ndescription: D\nbaseURL: https://example.org/\n")},
				"teemat/johtaminen.md": {Data: []byte("---\ntitle: Johtaminen\nweight: 1\nsummary: S.\n---\nTeksti.\n")},
			}
			for file, v := range c.files {
				title, tags, _ := strings.Cut(v, "|")
				fsys["helmet/"+file+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ntheme: johtaminen\nsummary: S.\nkind: tieto\ndate: 2024-01-01\ntags: " + tags + "\n---\nTeksti.\n")}
			}
			s := modelOf(t, fsys, site.Options{})
			if len(s.Tags) != 1 {
				t.Fatalf("%d tags, want 1", len(s.Tags))
			}
			tag := s.Tags[0]
			var order []string
			for _, p := range tag.Pearls {
				order = append(order, p.Slug)
			}
			if tag.Label != c.label || strings.Join(order, " ") != c.order {
				t.Errorf("tag %q with pearls %v, want %q with %s", tag.Label, order, c.label, c.order)
			}
		})
	}
}
