package site

import (
	"strings"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
)

// CaseSections are the sections a case example usually has
// (the README's content format, "A case example"); a missing one is a warning.
var CaseSections = []string{"Tarve ja tavoitteet", "Ratkaisu", "Tulokset", "Opit"}

// MaxSummary is the longest summary, in characters, that reads well in
// lists and search results.
const MaxSummary = 300

// warnings adds the problems that check prints and build lets pass.
func (b *builder) warnings() {
	for _, c := range b.s.Cases {
		have := map[string]bool{}
		for _, h := range c.Doc.Headings {
			if h.Level == 2 {
				have[strings.ToLower(strings.TrimSpace(h.Text))] = true
			}
		}
		for _, s := range CaseSections {
			if !have[strings.ToLower(s)] {
				b.diags.Warnf(diag.Pos{File: c.File}, "the case example has no section \"## %s\": add it, readers look for the same four sections in every case", s)
			}
		}
	}
	for _, p := range b.s.Pearls {
		if len(p.Related) == 0 && len(p.Cases) == 0 {
			b.diags.Warnf(diag.Pos{File: p.File}, "no case example or related pearl points to this pearl: add it to another pearl's related list or to a case's pearls")
		}
	}
	check := func(c *content.Common) {
		if n := utf8.RuneCountInString(c.Summary); n > MaxSummary {
			b.diags.Warnf(keyPos(c, "summary"), "the summary is %d characters: shorten it to %d at most, it is shown in lists and search results", n, MaxSummary)
		}
	}
	for _, a := range b.s.Areas {
		check(&a.Common)
	}
	for _, p := range b.s.Pearls {
		check(&p.Common)
	}
	for _, c := range b.s.Cases {
		check(&c.Common)
	}
}
