package main

import (
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
