package main

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A static file the minifier cannot read is told at the place in it where
// the reading stopped, as that file's problem, in the editor's language;
// the build fails, public/ is left as it was, and --minify=false
// publishes the file as it is. Files the minifiers read leniently (a CSS
// rule left open) are published.
func TestStaticFileTheMinifierCannotRead(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	if code, out, errOut := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, out, errOut)
	}
	before := treeSum(t, filepath.Join(dir, "public"))
	files := map[string]string{
		"data/kunnat.json": "{\n  \"kunnat\": [\"Tampere\",, \"Oulu\"]\n}\n",
		"js/laskuri.js":    "// laskuri\nfunction( {\n",
		"tyyli/oma.css":    "body { color: red\n",
	}
	for name, data := range files {
		write(t, filepath.Join(dir, "content", "static", filepath.FromSlash(name)), data)
	}
	for _, tc := range []struct{ lang, json, js string }{
		{"fi",
			"content/static/data/kunnat.json:2:24: JSON-tiedostossa on tässä kohdassa virhe (",
			"content/static/js/laskuri.js:2:9: JavaScript-tiedostossa on tässä kohdassa virhe ("},
		{"en",
			"content/static/data/kunnat.json:2:24: the JSON file has an error here (",
			"content/static/js/laskuri.js:2:9: the JavaScript file has an error here ("},
		{"sv",
			"content/static/data/kunnat.json:2:24: JSON-filen har ett fel här (",
			"content/static/js/laskuri.js:2:9: JavaScript-filen har ett fel här ("},
	} {
		code, out, errOut := helminauha(t, dir, "build", "--lang", tc.lang)
		all := out + errOut
		if code != 1 || !strings.Contains(all, tc.json) || !strings.Contains(all, tc.js) {
			t.Errorf("build --lang %s: exit status %d, want 1, telling\n%s\n%s\nit says\n%s", tc.lang, code, tc.json, tc.js, all)
		}
		if strings.Contains(all, "oma.css") {
			t.Errorf("build --lang %s tells of the CSS file the minifier reads:\n%s", tc.lang, all)
		}
		if after := treeSum(t, filepath.Join(dir, "public")); after != before {
			t.Errorf("build --lang %s changed public/", tc.lang)
		}
	}
	if code, out, errOut := helminauha(t, dir, "build", "--minify=false"); code != 0 {
		t.Fatalf("build --minify=false: exit status %d\n%s%s", code, out, errOut)
	}
	for name, data := range files {
		if got, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(name))); err != nil || string(got) != data {
			t.Errorf("public/%s = %q, %v; want it as it is", name, got, err)
		}
	}
}

// A theme of one's own whose templates have an apostrophe in a comment
// ({{/* the reader's own */}}) or in a string of an action builds the pages
// it builds without the apostrophes, byte for byte, minified. Before, the
// minifier read the apostrophe as the start of a string and left
// everything after it as written: the pages went out unminified, and
// nothing said so.
func TestOwnThemeWithApostrophesIsMinified(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	theme := filepath.Join(dir, "themes", "helminauha")
	copyTheme(t, theme)
	edits := []struct{ file, at, add string }{
		{"base.html", "<main id=\"sisalto\" tabindex=\"-1\">\n", "{{/* The reader's skip link leads here. */}}\n"},
		{"base.html", "<body class=\"kind-{{.Kind}}\">\n", "{{- /* Don't add a script here: \"the CSP\" forbids it. */ -}}\n"},
		{"base.html", "<main id=\"sisalto\" tabindex=\"-1\">\n", "{{if eq .Kind \"it's\"}}<span hidden>x</span>{{end}}\n"},
		{"pearl.html", "{{define \"main\" -}}\n", "{{/* A pearl's page: it's the one the necklace's beads link to. */}}\n"},
	}
	originals := map[string]string{}
	for _, e := range edits {
		originals[e.file] = string(read(t, filepath.Join(theme, "templates", e.file)))
	}
	build := func(apostrophe string) map[string]string {
		t.Helper()
		src := maps.Clone(originals)
		for _, e := range edits {
			if !strings.Contains(src[e.file], e.at) {
				t.Fatalf("%s no longer has %q, where this test adds to it", e.file, e.at)
			}
			src[e.file] = strings.Replace(src[e.file], e.at, strings.ReplaceAll(e.add, "'", apostrophe)+e.at, 1)
		}
		for file, s := range src {
			write(t, filepath.Join(theme, "templates", file), s)
		}
		if code, out, errOut := helminauha(t, dir, "build"); code != 0 {
			t.Fatalf("build with the theme of one's own: exit status %d\n%s%s", code, out, errOut)
		}
		pages := map[string]string{}
		eachPage(t, filepath.Join(dir, "public"), func(rel, html string) { pages[rel] = html })
		return pages
	}
	without, with := build(""), build("'")
	if len(with) != len(without) {
		t.Errorf("the theme wrote %d pages with apostrophes, %d without", len(with), len(without))
	}
	for rel, want := range without {
		if got := with[rel]; got != want {
			t.Errorf("%s differs with the apostrophes (%d bytes, not %d):\n%s", rel, len(got), len(want), diffAt(want, got))
		}
	}
}

// diffAt shows where got first differs from want, with what is around.
func diffAt(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-60)
	return "want …" + want[from:min(len(want), i+60)] + "…\n got …" + got[from:min(len(got), i+60)] + "…"
}
