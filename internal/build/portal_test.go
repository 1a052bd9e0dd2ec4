//go:build portal

package build_test

import (
	"slices"
	"testing"

	"github.com/helminauha/helminauha/internal/content"
)

// TestDefaultPortalShape keeps the default portal what the README promises,
// so that later edits cannot quietly break it.
func TestDefaultPortalShape(t *testing.T) {
	s := defaultPortal(t, "").Site
	if len(s.Areas) != 6 {
		t.Errorf("got %d theme areas, want 6", len(s.Areas))
	}
	if len(s.Pearls) < 36 {
		t.Errorf("got %d pearls, want at least 36", len(s.Pearls))
	}
	for _, a := range s.Areas {
		if len(a.Pearls) < 5 {
			t.Errorf("area %s has %d pearls, want at least 5", a.Slug, len(a.Pearls))
		}
		// A build releases the texts once the index has read them; the
		// word counts stay.
		if a.Doc.Words() == 0 {
			t.Errorf("area %s has no introduction", a.Slug)
		}
	}
	kinds, auds := map[string]int{}, map[string]int{}
	worksheet := false
	for _, p := range s.Pearls {
		if p.Area == nil {
			t.Errorf("pearl %s has no theme area", p.Slug)
		}
		kinds[p.Pearl.Kind]++
		for _, a := range p.Pearl.Audience {
			auds[a]++
		}
		words := p.Doc.Words()
		if words < 150 || words > 520 {
			t.Errorf("pearl %s has %d words, want 150–500", p.Slug, words)
		}
		if len(p.Doc.Headings) == 0 {
			t.Errorf("pearl %s has no headings", p.Slug)
		}
		if p.Pearl.Kind == "tyokalu" && p.Doc.HasWorksheet() {
			worksheet = true
		}
	}
	for _, k := range content.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no pearl of kind %s", k)
		}
	}
	for _, a := range content.Audiences {
		if auds[a] == 0 {
			t.Errorf("no pearl for audience %s", a)
		}
	}
	if !worksheet {
		t.Errorf("no tyokalu pearl holds a worksheet (the goal-setting tool)")
	}
	if len(s.Cases) < 4 {
		t.Errorf("got %d case examples, want at least 4", len(s.Cases))
	}
	for _, c := range s.Cases {
		var h2 []string
		for _, h := range c.Doc.Headings {
			if h.Level == 2 {
				h2 = append(h2, h.Text)
			}
		}
		for _, want := range content.CaseSectionsIn("fi") {
			if !slices.Contains(h2, want) {
				t.Errorf("case %s lacks the section %q", c.Slug, want)
			}
		}
		if len(c.Pearls) == 0 {
			t.Errorf("case %s links no pearls", c.Slug)
		}
	}
	if s.Guide == nil || s.Guide.Cover == nil || len(s.Guide.Chapters) < 6 {
		t.Fatalf("the guide needs a cover and at least 6 chapters")
	}
	for _, ch := range s.Guide.Chapters {
		hs := ch.Doc.Headings
		if len(hs) == 0 || hs[len(hs)-1].Text != "Pohdittavaksi" {
			t.Errorf("chapter %s does not end with questions for reflection (## Pohdittavaksi)", ch.Slug)
		}
	}
	var pages []string
	for _, p := range s.Pages {
		pages = append(pages, p.Slug)
	}
	for _, want := range []string{"tietoa", "saavutettavuusseloste", "toimittajalle"} {
		if !slices.Contains(pages, want) {
			t.Errorf("no page sivut/%s.md", want)
		}
	}
}
