package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/markdown"
	"github.com/helminauha/helminauha/themes"
)

// TestThemeIDsAreNoHeadingIDs: every id the built-in theme's templates
// give an element is one no heading of a body can get, so that a page
// never has two elements of one id (a heading "Sisältö" had the id of the
// page's main element, the skip link's target). An id holds a '_', which
// a heading's slug never does, or markdown.ThemeID reserves it; an id
// made with a template action (notfound-{{…}}) by its literal start.
func TestThemeIDsAreNoHeadingIDs(t *testing.T) {
	idAttr := regexp.MustCompile(`\bid="([^"]*)"`)
	found := 0
	err := fs.WalkDir(themes.FS, "helminauha/templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(themes.FS, p)
		if err != nil {
			return err
		}
		for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
			id, _, action := strings.Cut(m[1], "{{")
			found++
			if id == "" {
				// Wholly the generator's (a letter's heading, a chapter's
				// anchor): made apart from the bodies' ids, and checked
				// where it is made.
				continue
			}
			if strings.Contains(id, "_") || markdown.ThemeID(id, action) {
				continue
			}
			t.Errorf("%s: id=%q may be a heading's id: put a '_' in it, or reserve it in internal/markdown's themeIDs", p, m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 20 {
		t.Fatalf("found %d ids in the templates, want the theme's 20 or more", found)
	}
}
