package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPagesOfTooManyMarksOrLinesAreErrors: a page under 2 MB whose every
// paragraph keeps under the limit of marks could still be two million
// brackets or a million one-letter lines, each some 300-450 bytes to the
// Markdown parser: ten such pearls took a build 3.4 GB and over 50 s,
// and it published them. Now each is an error at the line and column
// (in characters) where the file passes the limit, nothing is parsed past
// it, and the output folder is left as it was. A paragraph's limit of
// marks is told so too, at the mark that crosses it.
func TestPagesOfTooManyMarksOrLinesAreErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build of the portal: exit %d\n%s%s", code, stdout, stderr)
	}
	before := treeSum(t, filepath.Join(dir, "public"))

	const head = "---\ntitle: Iso\ntheme: verkostotyo\nsummary: Iso.\nkind: tyokalu\naudience: [johto]\ndate: 2022-06-01\n---\n" // 8 lines
	pages := []struct {
		name, body, want string
	}{
		// 101 paragraphs of 1,000 brackets, each under the paragraph's
		// limit of 2,000: the 101st, on body line 201, passes the file's
		// at its first bracket, after 12 characters (14 bytes).
		{"sulkeet", strings.Repeat(strings.Repeat("[", 1000)+"\n\n", 100) + "Äiti ja isä " + strings.Repeat("[", 1000) + "\n",
			"content/helmet/sulkeet.md:209:13: the file holds more than 100,000 Markdown marks (links, emphasis, brackets, quotes), more than anyone reads on one page: split the page"},
		{"rivit", strings.Repeat("a\n\n", 30000),
			"content/helmet/rivit.md:50009:1: the file has more than 50,000 lines, more than anyone reads on one page: split the page"},
		// One paragraph of 2,002 marks: the 2,001st, the * of the
		// 1,001st "*a_ ", passes the paragraph's limit, after 12
		// characters (14 bytes) and 1,000 "*a_ ".
		{"kappale", "Äiti ja isä " + strings.Repeat("*a_ ", 1001) + "\n",
			"content/helmet/kappale.md:9:4013: this paragraph holds more than 2,000 Markdown marks (links, emphasis, brackets, quotes): split it into several paragraphs with blank lines"},
	}
	for _, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, "content", "helmet", p.name+".md"), []byte(head+p.body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, cmd := range []string{"check", "build"} {
		code, stdout, stderr := helminauha(t, dir, cmd)
		out := stdout + stderr
		for _, p := range pages {
			if code != 1 || !strings.Contains(out, p.want) {
				t.Errorf("%s: exit %d, want 1 and\n%s\nin\n%s", cmd, code, p.want, out)
			}
		}
		if strings.Contains(out, "goroutine") {
			t.Errorf("%s: a stack trace reached the user:\n%s", cmd, out)
		}
	}
	if after := treeSum(t, filepath.Join(dir, "public")); after != before {
		t.Errorf("a failed build changed public/")
	}
}

// TestTooManyUnknownKeysAreOneError: each key that is not the contract's
// is handed to templates and compared with every key of the contract for
// a misspelling; 150,000 of them in each of four pearls took a build 11 s
// of CPU and 850 MB and were published. Past MaxExtraKeys (200) they
// are one error at the first of them; at it, the page builds.
func TestTooManyUnknownKeysAreOneError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	keys := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "oma%d: arvo\n", i)
		}
		return b.String()
	}
	page := func(n int) string {
		return "---\ntitle: Avaimet\ntheme: verkostotyo\nsummary: Avaimia.\nkind: tyokalu\naudience: [johto]\ndate: 2022-06-01\n" + // 7 lines
			keys(n) + "---\nTeksti.\n"
	}
	file := filepath.Join(dir, "content", "helmet", "avaimet.md")
	const want = "content/helmet/avaimet.md:8:1: the settings have 201 keys the generator does not know, more than the 200 that fit: remove the extra ones (the first is on this line)"
	if err := os.WriteFile(file, []byte(page(200)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := helminauha(t, dir, "check"); code != 0 {
		t.Errorf("check of 200 keys of its own: exit %d, want 0\n%s%s", code, stdout, stderr)
	}
	if err := os.WriteFile(file, []byte(page(201)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"check", "build"} {
		code, stdout, stderr := helminauha(t, dir, cmd)
		if out := stdout + stderr; code != 1 || !strings.Contains(out, want) || strings.Count(out, "keys the generator does not know") != 1 || strings.Contains(out, "unknown key") {
			t.Errorf("%s of 201 keys of its own: exit %d, want 1 and only\n%s\nin\n%s", cmd, code, want, out)
		}
	}
}

// TestLargeStaticFilesArePublishedAsTheyAre: the minifiers hold many
// times a file's size while they read it (a JavaScript file of 62 MB took
// a build 2.5 GB and 48 s), so a static file larger than
// output.MaxMinified (4 MB) is published byte for byte, while one at the
// limit is still minified.
func TestLargeStaticFilesArePublishedAsTheyAre(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	const limit = 4 << 20
	script := func(size int) string {
		const line = "function laske(a, b) {\n  // summa\n  return a + b;\n}\n"
		s := strings.Repeat(line, size/len(line))
		return s + strings.Repeat(" ", size-len(s))
	}
	files := map[string]string{"js/iso.js": script(limit + 1), "js/raja.js": script(limit)}
	for name, data := range files {
		write(t, filepath.Join(dir, "content", "static", filepath.FromSlash(name)), data)
	}
	if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "public", "js", "iso.js")); err != nil || string(got) != files["js/iso.js"] {
		t.Errorf("public/js/iso.js: %d bytes, %v; want the file of %d bytes as it is", len(got), err, limit+1)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "public", "js", "raja.js")); err != nil || len(got) >= limit {
		t.Errorf("public/js/raja.js: %d bytes, %v; want it minified", len(got), err)
	}
}
