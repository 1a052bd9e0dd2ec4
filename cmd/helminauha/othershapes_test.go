package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The tests of this file build small portals of other shapes than the
// default one, where an audit found a reader or an editor told too little
// or something untrue.

// printHeading is a heading on the guide's print page: an element h1–h6,
// or one with role="heading" and its aria-level.
var printHeading = regexp.MustCompile(`<(?:h([1-6])|div role="heading" aria-level="(\d+)")[^>]*>(.*?)</(?:h[1-6]|div)>`)

// TestPrintPageKeepsEveryHeadingLevel: on the guide's print page a
// chapter's headings are one level below the chapter's own h2, and a
// ##### and a ###### both became h6, so a screen reader's outline lost
// its deepest level. The deeper one is a heading of level 7.
func TestPrintPageKeepsEveryHeadingLevel(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Opas\ndescription: Pelkkä opas.\n")
	write(t, filepath.Join(content, "opas", "syva.md"), "---\ntitle: Syvä luku\nweight: 1\nsummary: Kaikki tasot.\n---\n"+
		"## Kaksi\n\nx\n\n### Kolme\n\nx\n\n#### Neljä\n\nx\n\n##### Viisi\n\nx\n\n###### Kuusi\n\nx\n")
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	html := readPage(t, dir, "opas/kokonaan")
	section := html[strings.Index(html, `<section class="print-chapter"`):]
	var outline []string
	for _, m := range printHeading.FindAllStringSubmatch(section, -1) {
		level := m[1] + m[2]
		outline = append(outline, level+" "+regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[3], ""))
	}
	want := []string{"2 Luku 1 Syvä luku", "3 Kaksi", "4 Kolme", "5 Neljä", "6 Viisi", "7 Kuusi"}
	if strings.Join(outline, "\n") != strings.Join(want, "\n") {
		t.Errorf("the print page's outline of the chapter is\n%s\nwant\n%s", strings.Join(outline, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(section, `<div role="heading" aria-level="7" id="luku-1-kuusi">Kuusi</div>`) {
		t.Errorf("the level-7 heading keeps no id of its own:\n%s", section)
	}
	// The chapter's own page has room for every level.
	if page := readPage(t, dir, "opas/syva"); !strings.Contains(page, `<h6 id="kuusi">Kuusi</h6>`) || strings.Contains(page, "aria-level") {
		t.Errorf("the chapter's page has no h6 of its own:\n%s", page)
	}
}
