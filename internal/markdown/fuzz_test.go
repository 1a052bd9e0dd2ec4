package markdown

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/yamldoc"
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
// file, messages that are one line of UTF-8 in every language and quote
// no more than diag.MaxArg characters of it, deterministic output, no raw
// HTML and no script URL in the HTML, and HTML and text of UTF-8 without
// NUL from a file of UTF-8.
func checkDoc(t *testing.T, src []byte, rewrite func(string) string) {
	d, diags := Parse(file, src)
	maxLine := len(lineStarts(yamldoc.Normalise(src))) + 1
	for _, e := range diags {
		if e.Pos.File != file || e.Pos.Line < 1 || e.Pos.Line > maxLine || e.Pos.Col < 0 {
			t.Errorf("position outside the file (%d lines): %v", maxLine-1, e)
		}
		for _, l := range diag.Langs {
			m := e.Message(l)
			if !utf8.ValidString(m) || strings.ContainsAny(m, "\n\r") || strings.Contains(m, "%!") && !bytes.Contains(src, []byte("%!")) || strings.TrimSpace(m) == "" ||
				len(m) > 4000+16*diag.MaxArg {
				t.Errorf("message in %s: %q", l, m)
			}
		}
	}
	checkNotUTF8(t, src, diags)
	if got, want := d.Words(), len(strings.Fields(d.Text())); got != want {
		t.Errorf("Words() = %d, but the text has %d words", got, want)
	}
	for _, h := range d.Headings {
		if h.Line < 1 || h.Line > maxLine || h.ID == "" || utf8.Valid(src) && (!utf8.ValidString(h.Text) || strings.IndexByte(h.Text, 0) >= 0) {
			t.Errorf("bad heading %+v", h)
		}
	}
	for _, l := range d.Links {
		if l.Line < 1 || l.Line > maxLine || l.Col < 1 {
			t.Errorf("link position outside the file (%d lines): %+v", maxLine-1, l)
		}
	}
	for k, l := range d.KeyLines() {
		if l < 2 || l > maxLine {
			t.Errorf("key %q on line %d, outside the front matter", k, l)
		}
	}
	out := d.HTML(rewrite)
	if again := d.HTML(rewrite); !bytes.Equal(out, again) {
		t.Errorf("HTML is not deterministic")
	}
	checkHTML(t, out)
	if utf8.Valid(src) && (!utf8.Valid(out) || bytes.IndexByte(out, 0) >= 0 || !utf8.ValidString(d.Text()) || strings.IndexByte(d.Text(), 0) >= 0) {
		t.Errorf("from a file of UTF-8, HTML or text that is not UTF-8 or holds NUL: %q", out)
	}
	_ = d.HasWorksheet()
}

// checkNotUTF8 asserts that diags say the file is not UTF-8 once, at
// the first byte yamldoc.InvalidUTF8 finds in the whole file, when it is
// not (scanBody checks the body in its pass), and never when it is.
func checkNotUTF8(t *testing.T, src []byte, diags diag.List) {
	t.Helper()
	norm := yamldoc.Normalise(src)
	var want *diag.Error
	if off := yamldoc.InvalidUTF8(norm); off >= 0 {
		start := bytes.LastIndexByte(norm[:off], '\n') + 1
		at := diag.Pos{File: file, Line: bytes.Count(norm[:off], []byte("\n")) + 1, Col: utf8.RuneCount(norm[start:off]) + 1}
		want = diag.New(at, diag.YAMLNotUTF8, norm[off])
	}
	var got []*diag.Error
	for _, e := range diags {
		if e.Text.Message() == diag.YAMLNotUTF8 {
			got = append(got, e)
		}
	}
	switch {
	case want == nil && len(got) > 0:
		t.Errorf("%q is UTF-8, but Parse says %v", src, got)
	case want != nil && (len(got) != 1 || got[0].Error() != want.Error()):
		t.Errorf("%q: Parse says %v, want %v", src, got, want)
	}
}

// checkHTML fails when out holds a script-capable element, an event
// handler attribute or a script URL in an href or src attribute. It reads
// the tags of out the way a browser would for well-formed markup (every
// attribute value quoted, < and > escaped in values and text).
func checkHTML(t *testing.T, out []byte) {
	t.Helper()
	for _, p := range htmlProblems(out) {
		t.Errorf("%s in:\n%s", p, out)
	}
}

func htmlProblems(out []byte) []string {
	var problems []string
	for _, tg := range tags(out) {
		switch tg.name {
		case "script", "iframe", "object", "embed", "style", "svg", "math", "link", "meta", "base":
			problems = append(problems, "a <"+tg.name+"> element")
		}
		for name, value := range tg.attrs {
			if strings.HasPrefix(name, "on") {
				problems = append(problems, "the event handler "+name)
			}
			if (name == "href" || name == "src") && dangerousURL(value) {
				problems = append(problems, "a link to "+value)
			}
			if name == "style" || name == "srcdoc" || name == "formaction" || strings.HasPrefix(name, "unquoted:") {
				problems = append(problems, "the attribute "+name)
			}
		}
	}
	return problems
}

func TestCheckHTMLCatchesInjection(t *testing.T) {
	for _, bad := range []string{
		`<a href="javascript:alert(1)">x</a>`, `<a href=" &#106;avascript:x">x</a>`, `<img src="x" onerror="alert(1)">`,
		`<p><script>alert(1)</script></p>`, `<img src=x>`, `<p style="x">`,
	} {
		if len(htmlProblems([]byte(bad))) == 0 {
			t.Errorf("htmlProblems misses %s", bad)
		}
	}
	if p := htmlProblems([]byte(`<p>&lt;script&gt; onerror=&quot;x&quot; <a href="/x" title="javascript:">y</a></p>`)); len(p) != 0 {
		t.Errorf("htmlProblems flags inert text: %q", p)
	}
}

type tag struct {
	name  string
	attrs map[string]string
}

// tags lists the start tags of out with their attributes, values unescaped.
func tags(out []byte) []tag {
	var list []tag
	s := string(out)
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return list
		}
		s = s[i+1:]
		if s[0] == '/' || s[0] == '!' {
			continue
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			end = len(s)
		}
		body := s[:end]
		s = s[end:]
		n := 0
		for n < len(body) && body[n] != ' ' && body[n] != '/' {
			n++
		}
		tg := tag{name: strings.ToLower(body[:n]), attrs: map[string]string{}}
		rest := body[n:]
		for {
			rest = strings.TrimLeft(rest, " /\n\t")
			if rest == "" {
				break
			}
			k := 0
			for k < len(rest) && rest[k] != '=' && rest[k] != ' ' {
				k++
			}
			name := strings.ToLower(rest[:k])
			rest = rest[k:]
			value := ""
			if strings.HasPrefix(rest, "=\"") {
				rest = rest[2:]
				q := strings.IndexByte(rest, '"')
				if q < 0 {
					q = len(rest)
					value = rest
					rest = ""
				} else {
					value = rest[:q]
					rest = rest[q+1:]
				}
			} else if strings.HasPrefix(rest, "=") {
				// An unquoted value: our renderer never writes one.
				value, rest, _ = strings.Cut(rest[1:], " ")
				name = "unquoted:" + name
			}
			tg.attrs[name] = html.UnescapeString(value)
		}
		list = append(list, tg)
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
		"|a|b|c|\n|-|:-:|\nx\n> |y\n- z\n  |-|\n", "a\x00b `\x00` [\x00](\x00)\n## c\x00\n\n```\n\x00\n```\n",
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
		// The site's addresses are UTF-8, as checkDoc wants the HTML.
		target = strings.ToValidUTF8(target, "\uFFFD")
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

// FuzzSpacedDest checks the cheap test titleLinks runs first: it must
// pass every line the titleLink regexp matches, or a link would go
// unreported.
func FuzzSpacedDest(f *testing.F) {
	for _, s := range []string{
		"[Verkoston roolit](Verkoston roolit)", "[a](b)", "[a](b c)", "](](a b)", "[x](](a b)",
		"[a](b)(c d)", "[a](<b c>)", "[a](b\tc)", "![kuva](kuva 1.png)", "[a](/b \"c\")",
		"teksti ilman linkkiä", "[a]( )", "[a](b) ja [c](d e)", "[a](\fb)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if titleLink.MatchString(line) && !spacedDest([]byte(line)) {
			t.Errorf("spacedDest(%q) is false, but titleLink matches", line)
		}
	})
}

// FuzzCountWords checks the word count against strings.Fields, which
// it stands for.
func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", " ", "yksi", "kaksi sanaa", "\tä\u00a0ö\u0085x\v\fy\r\nz", "a\xffb c", "\u2003em\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords([]byte(s)), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}
