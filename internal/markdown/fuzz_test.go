package markdown

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seeds adds every Markdown file under testdata/ to the fuzz corpus.
func seeds(f *testing.F, add func(src []byte)) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(src)
	}
}

// checkDoc asserts what must hold for any input: positions inside the
// file, deterministic output, no raw HTML and no script URL in the HTML.
func checkDoc(t *testing.T, src []byte, rewrite func(string) string) {
	d, diags := Parse(file, src)
	maxLine := len(lineStarts(normalise(src))) + 1
	for _, e := range diags {
		if e.Pos.File != file || e.Pos.Line < 1 || e.Pos.Line > maxLine || e.Pos.Col < 0 {
			t.Errorf("position outside the file (%d lines): %v", maxLine-1, e)
		}
	}
	for _, h := range d.Headings {
		if h.Line < 1 || h.Line > maxLine || h.ID == "" {
			t.Errorf("bad heading %+v", h)
		}
	}
	for _, l := range d.Links {
		if l.Line < 1 || l.Line > maxLine || l.Col < 1 {
			t.Errorf("link position outside the file (%d lines): %+v", maxLine-1, l)
		}
	}
	for k, l := range d.KeyLines {
		if l < 2 || l > maxLine {
			t.Errorf("key %q on line %d, outside the front matter", k, l)
		}
	}
	out := d.HTML(rewrite)
	if again := d.HTML(rewrite); !bytes.Equal(out, again) {
		t.Errorf("HTML is not deterministic")
	}
	checkHTML(t, out)
	_ = d.Text()
	_ = d.HasWorksheet()
}

// checkHTML fails when out holds raw HTML from the input or a script URL
// in an href or src attribute.
func checkHTML(t *testing.T, out []byte) {
	lower := bytes.ToLower(out)
	for _, bad := range []string{"<script", "<iframe", "<object", "<style", "<svg", "<math"} {
		if bytes.Contains(lower, []byte(bad)) {
			t.Errorf("HTML carries %s:\n%s", bad, out)
		}
	}
	for _, attr := range []string{` href="`, ` src="`} {
		rest := out
		for {
			i := bytes.Index(rest, []byte(attr))
			if i < 0 {
				break
			}
			rest = rest[i+len(attr):]
			end := bytes.IndexByte(rest, '"')
			if end < 0 {
				t.Errorf("unterminated attribute in:\n%s", out)
				break
			}
			if v := html.UnescapeString(string(rest[:end])); dangerousURL(v) {
				t.Errorf("HTML links to %q", v)
			}
			rest = rest[end:]
		}
	}
	// An attribute value never holds a raw quote or <: escaping worked.
	for _, tag := range bytes.Split(out, []byte("<")) {
		if i := bytes.IndexByte(tag, '>'); i >= 0 {
			if bytes.Count(tag[:i], []byte(`"`))%2 != 0 {
				t.Errorf("unbalanced quotes in tag <%s>", tag[:i])
			}
		}
	}
}

func FuzzFrontMatter(f *testing.F) {
	seeds(f, func(src []byte) {
		if fm, _, ok := bytes.Cut(src, []byte("\n---\n")); ok {
			f.Add(string(fm) + "\n")
		}
	})
	for _, s := range []string{
		"title: Hei\n", "title: a\ntitle: b\n", "- a\n", "x\n", "a: [b\n", "\ta: 1\n", "a: 1: 2\n",
		"'q': 1\n\"r\": 2\n", "a: &x 1\nb: *x\n", "a: !!binary aGVp\n", "? [a]\n: b\n", "{a: 1}\n",
		"a: |\n  b: c\n", "a:\n  - b: c\n", "~\n", "a: 2022-06-01\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		src := "---\n" + fm + "---\n\n## Otsikko\n\n[a](b.md)\n"
		checkDoc(t, []byte(src), nil)
		d, diags := Parse(file, []byte(src))
		if !d.HasFrontMatter {
			t.Errorf("HasFrontMatter is false")
		}
		if !diags.HasErrors() && d.Meta == nil {
			t.Errorf("no errors, but no Meta")
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	seeds(f, func(src []byte) { f.Add(src) })
	for _, s := range []string{
		"", "---", "---\n", "\uFEFF---\r\ntitle: x\r\n---\r\n# a\r\n", "# a\n### b\n# c\n",
		"[a](javascript:x) ![](y) <https://z> www.x.fi", "```tyopohja\ntitle: t\nfields:\n - label: l\n   type: scale\n```\n",
		"```tyopohja\n- x\n```", "<script>alert(1)</script>", "a\xffb\n\xe4", "| a |\n|---|\n| [b](c) |",
		"[^1]\n\n[^1]: x", "Termi\n: selitys", "- [ ] a\n- [x] b", "\r\r\n\r", "---\r\n---\r",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkDoc(t, src, nil)
	})
}

func FuzzLinkRewrite(f *testing.F) {
	seeds(f, func(src []byte) { f.Add(string(src), "/helmet/x/") })
	for _, s := range [][2]string{
		{"[a](b.md)", "javascript:alert(1)"},
		{"![a](b.png)", " JAVASCRIPT:alert(1)"},
		{"<https://x.fi>", "data:text/html,<script>"},
		{"[a](b)", "java\nscript:x"},
		{"[a](b)", "\x01javascript:x"},
		{"[a](b)", `"><script>alert(1)</script>`},
		{"[a](b)", "vbscript:x"},
		{"[a](b)", "https://example.fi/?a=1&b=\"2\""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, src, target string) {
		rewrites := []func(string) string{
			func(string) string { return target },
			func(dest string) string { return target + dest },
			func(dest string) string { return strings.ToUpper(dest) },
		}
		for _, rw := range rewrites {
			checkDoc(t, []byte(src), rw)
		}
	})
}
