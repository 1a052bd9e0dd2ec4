package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPagesOfTooManyMarksOrLinesAreErrors: a page under 2 MB whose every
// paragraph keeps under the limit of marks could still be two million
// brackets or a million one-letter lines, each some 300-450 bytes to the
// Markdown parser: ten such pearls took a build 3.4 GB and over 50 s,
// and it published them. Now each is an error at the line where the
// file passes the limit, nothing is parsed past it, and the output
// folder is left as it was.
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
		// limit of 2,000: the 101st, on body line 201, passes the file's.
		{"sulkeet", strings.Repeat(strings.Repeat("[", 1000)+"\n\n", 101),
			"content/helmet/sulkeet.md:209: the file holds more than 100,000 Markdown marks (links, emphasis, brackets, quotes), more than anyone reads on one page: split the page"},
		{"rivit", strings.Repeat("a\n\n", 30000),
			"content/helmet/rivit.md:50009: the file has more than 50,000 lines, more than anyone reads on one page: split the page"},
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
