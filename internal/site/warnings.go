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

// CaseSectionsIn are CaseSections in each language a portal may have;
// another language's case examples are held to the Finnish ones.
var CaseSectionsIn = map[string][]string{
	"fi": CaseSections,
	"sv": {"Behov och mål", "Lösning", "Resultat", "Lärdomar"},
	"en": {"Needs and goals", "Solution", "Results", "Lessons learned"},
}

// MaxSummary is the longest summary, in characters, that reads well in
// lists and search results.
const MaxSummary = 300

// warnings are the problems that check prints and build lets pass.
func (b *builder) warnings() diag.List {
	var diags diag.List
	sections := CaseSectionsIn[b.s.Config.Language]
	if sections == nil {
		sections = CaseSections
	}
	for _, c := range b.s.Cases {
		have := map[string]bool{}
		for _, h := range c.Doc.Headings {
			if h.Level == 2 {
				have[strings.ToLower(strings.TrimSpace(h.Text))] = true
			}
		}
		for _, s := range sections {
			if !have[strings.ToLower(s)] {
				diags.Warn(diag.Pos{File: c.File}, diag.SiteCaseSection, s)
			}
		}
	}
	words := b.s.Config.PearlWords
	for _, p := range b.s.Pearls {
		// A body over a limit has an error of its own, and no words.
		if n := p.Doc.Words(); words[1] > 0 && !p.Doc.Refused() && (n < words[0] || n > words[1]) {
			m := diag.SiteManyWords
			if n < words[0] {
				m = diag.SiteFewWords
			}
			diags.Warn(diag.Pos{File: p.File}, m, n, words[0], words[1])
		}
	}
	b.sameTitles(&diags)
	// A pearl alone in its portal (the first one of a new portal, the
	// first translated into a language) has no other pearl to be related
	// to, and the warning would only ask for the impossible.
	for _, p := range b.s.Pearls {
		if len(b.s.Pearls) > 1 && len(p.Related) == 0 && len(p.Cases) == 0 {
			diags.Warn(diag.Pos{File: p.File}, diag.SiteOrphanPearl)
		}
	}
	check := func(c *content.Common) {
		if n := utf8.RuneCountInString(c.Summary); n > MaxSummary {
			diags.Warn(c.ValuePos("summary"), diag.SiteLongSummary, n, MaxSummary)
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
	return diags
}

// sameTitles warns of two pages of one kind with the same title: lists,
// search results and the necklace would show two links a reader cannot
// tell apart.
func (b *builder) sameTitles(diags *diag.List) {
	seen := map[string]*content.Common{}
	check := func(kind string, c *content.Common) {
		k := kind + "\x00" + strings.ToLower(strings.Join(strings.Fields(c.Title), " "))
		if first, dup := seen[k]; dup && c.Title != "" {
			diags.Warn(c.ValuePos("title"), diag.SiteSameTitle, c.Title, first.File)
			return
		}
		seen[k] = c
	}
	for _, a := range b.s.Areas {
		check("area", &a.Common)
	}
	for _, p := range b.s.Pearls {
		check("pearl", &p.Common)
	}
	for _, c := range b.s.Cases {
		check("case", &c.Common)
	}
	if g := b.s.Guide; g != nil {
		for _, c := range g.Chapters {
			check("chapter", &c.Common)
		}
	}
	for _, p := range b.s.Pages {
		check("page", &p.Common)
	}
}
