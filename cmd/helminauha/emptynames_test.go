package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyHeadingsAndLinksAreErrors: a heading or a link with no text
// has no name for a screen reader (and an empty heading is an empty link
// in a chapter's table of contents). Each was published without a word,
// as <h2 id="otsikko-2"></h2> and <a href="/"></a>; now each is an error
// at its place, as an image without alt text is. An image's alt text
// names a heading or a link of that image alone. White space and
// characters that show as nothing (markdown.Invisible) are no name.
func TestEmptyHeadingsAndLinksAreErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write(t, filepath.Join(content, "site.yaml"), "title: Otsikot\ndescription: Otsikoita.\n")
	write(t, filepath.Join(content, "sivut", "otsikot.md"), "---\ntitle: Otsikot\n---\nTeksti.\n\n"+
		"##\n\nx\n\n"+ // line 6
		"## ![Kaavio](/favicon.svg)\n\nx\n\n"+ // line 10: named by the alt text
		"## Hyvä otsikko\n\n"+ // line 14
		"Katso [](/) ja [ ](#hyva-otsikko), mutta [![Etusivu](/favicon.svg)](/) ja [`koodi`](/).\n\n"+ // line 16
		// Characters that show as nothing (a zero-width space, pasted or
		// written as a reference) name nothing either.
		"## \u200b\n\n"+ // line 18
		"Katso [&#8203;](/) ja ![\u200b](/favicon.svg).\n") // line 20
	code, stdout, stderr := helminauha(t, dir, "check")
	out := stdout + stderr
	for _, want := range []string{
		"content/sivut/otsikot.md:6:1: the heading has no text: write it after the # marks or remove the line",
		`content/sivut/otsikot.md:16:7: the link to "/" has no text for readers to see or a screen reader to read: write it between the brackets, [link text](/)`,
		`content/sivut/otsikot.md:16:16: the link to "#hyva-otsikko" has no text`,
		"content/sivut/otsikot.md:18:1: the heading has no text",
		`content/sivut/otsikot.md:20:7: the link to "/" has no text`,
		`content/sivut/otsikot.md:20:23: image "/favicon.svg" has no alt text`,
		"content: 6 errors, 0 warnings",
	} {
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("check: exit %d, want 1 and %s in\n%s", code, want, out)
		}
	}
	if code, _, _ := helminauha(t, dir, "build"); code != 1 {
		t.Errorf("build of a page with an empty heading and links: exit %d, want 1", code)
	}
}
