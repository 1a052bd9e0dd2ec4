package site_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/site"
)

// TestDocWarningsAreTheModelsOwn holds DocWarning's list of kinds to what
// DocWarnings gives: serve drops the warnings DocWarning tells of a
// document it reads again and puts DocWarnings' in their place, so a kind
// missing from the list would be shown twice after an edit, and a kind
// listed that DocWarnings does not give would vanish until the next full
// build. The portal has every kind of warning, a document's own and the
// ones between documents.
func TestDocWarningsAreTheModelsOwn(t *testing.T) {
	words := func(n int) string { return strings.Repeat("sana ", n) }
	pearl := func(title, related, summary, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: %s\ntheme: johtaminen\nkind: vinkki\ndate: 2024-01-01\nsummary: %s\nrelated: [%s]\n---\n%s\n", title, summary, related, body)}
	}
	long := strings.Repeat("pitkä ", site.MaxSummary/6+10)
	fsys := fstest.MapFS{
		"site.yaml":            {Data: []byte("title: Testi\ndescription: D.\nbaseURL: https://example.org/\n")},
		"teemat/johtaminen.md": {Data: []byte("---\ntitle: Johtaminen\nweight: 1\nsummary: " + long + "\n---\nAlue.\n")},
		"helmet/vahan.md":      pearl("Vähän sanoja", "sopiva", "Lyhyt.", words(20)),
		"helmet/paljon.md":     pearl("Paljon sanoja", "vahan", "Lyhyt.", words(900)),
		"helmet/sopiva.md":     pearl("Sopiva", "paljon", long, words(200)),
		"helmet/sama.md":       pearl("Sopiva", "vahan, paljon, vahan", "Lyhyt.", words(200)),
		"caset/tapaus.md":      {Data: []byte("---\ntitle: Tapaus\norganization: O\nthemes: [johtaminen]\npearls: [vahan]\nsummary: S.\ndate: 2024-01-01\n---\n## Tarve ja tavoitteet\nTeksti.\n")},
		"opas/tyhja.md":        {Data: []byte("---\ntitle: Tyhjä luku\nweight: 1\nsummary: S.\n---\n")},
		"sivut/tyhja.md":       {Data: []byte("---\ntitle: Tyhjä sivu\n---\n")},
	}
	s, diags := buildSite(t, fsys, site.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}

	var own, between []string
	for _, e := range diags.Warnings() {
		if site.DocWarning(e) {
			own = append(own, e.Error())
		} else {
			between = append(between, e.Error())
		}
	}
	var given []string
	var docs []content.Doc
	for _, a := range s.Areas {
		docs = append(docs, a.Area)
	}
	for _, p := range s.Pearls {
		docs = append(docs, p.Pearl)
	}
	for _, c := range s.Cases {
		docs = append(docs, c.Case)
	}
	for _, c := range s.Guide.Chapters {
		docs = append(docs, c.Chapter)
	}
	for _, pg := range s.Pages {
		docs = append(docs, pg.Page)
	}
	for _, d := range docs {
		for _, e := range s.DocWarnings(d) {
			given = append(given, e.Error())
		}
	}
	slices.Sort(own)
	slices.Sort(given)
	if !slices.Equal(own, given) {
		t.Errorf("the model's warnings DocWarning tells:\n  %s\nDocWarnings of every document:\n  %s", strings.Join(own, "\n  "), strings.Join(given, "\n  "))
	}
	// Every kind DocWarning lists is met, and some kinds between documents
	// too, or the comparison above proves little.
	for _, m := range []*diag.Message{diag.SiteFewWords, diag.SiteManyWords, diag.SiteCaseSection, diag.SiteLongSummary, diag.SiteEmptyPage} {
		if !slices.ContainsFunc(diags.Warnings(), func(e *diag.Error) bool { return e.ID() == m.ID() }) {
			t.Errorf("the portal gives no %s warning", m.ID())
		}
	}
	if len(between) == 0 {
		t.Errorf("the portal gives no warning between documents (same title, orphan pearl)")
	}
}

// TestLongSummaryCountsCharacters: a summary is too long when it has more
// than MaxSummary characters, however many bytes they take: the warning
// reads the text only past MaxSummary bytes.
func TestLongSummaryCountsCharacters(t *testing.T) {
	tests := []struct {
		summary string
		long    bool
	}{
		{strings.Repeat("a", site.MaxSummary), false},
		{strings.Repeat("a", site.MaxSummary+1), true},
		{strings.Repeat("ä", site.MaxSummary), false}, // twice MaxSummary bytes
		{strings.Repeat("ä", site.MaxSummary+1), true},
		{strings.Repeat("a", site.MaxSummary-1) + "€", false},
		{"Lyhyt.", false},
	}
	fsys := fstest.MapFS{
		"site.yaml":            {Data: []byte("title: Testi\ndescription: D.\nbaseURL: https://example.org/\n")},
		"teemat/johtaminen.md": {Data: []byte("---\ntitle: Johtaminen\nweight: 1\nsummary: Alue.\n---\nAlue.\n")},
	}
	for i, tt := range tests {
		fsys[fmt.Sprintf("helmet/h%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Helmi %d\ntheme: johtaminen\nkind: vinkki\ndate: 2024-01-01\nsummary: %q\n---\nTeksti.\n", i, tt.summary)}
	}
	_, diags := buildSite(t, fsys, site.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	for i, tt := range tests {
		file := fmt.Sprintf("content/helmet/h%d.md", i)
		warned := slices.ContainsFunc(diags.Warnings(), func(e *diag.Error) bool {
			return e.ID() == diag.SiteLongSummary.ID() && e.Pos.File == file
		})
		if warned != tt.long {
			t.Errorf("summary of %d characters, %d bytes: warned %t, want %t", len([]rune(tt.summary)), len(tt.summary), warned, tt.long)
		}
	}
}
