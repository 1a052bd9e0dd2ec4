package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/testkit"
	"github.com/helminauha/helminauha/themes"
)

// writePortal extracts a txtar fixture into dir.
func writePortal(t *testing.T, fixture, dir string) {
	t.Helper()
	testkit.Write(t, filepath.Join("testdata", fixture), dir)
}

// treeSum hashes every file's path, mode and bytes under dir, and where
// each link leads.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, _ := d.Info()
		if d.IsDir() {
			lines = append(lines, fmt.Sprintf("%s/ %v", rel, info.Mode()))
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a folder is no file to read.
			target, err := os.Readlink(p)
			lines = append(lines, fmt.Sprintf("%s -> %s", rel, target))
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s %v %x", rel, info.Mode(), sha256.Sum256(data)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

// TestEditorMistakes goes through the mistakes an editor can make. Each
// must fail the build and check with exit status 1, name the file and
// line and say what to do (and say nothing of notWant), and the build
// must leave the previous output exactly as it was.
func TestEditorMistakes(t *testing.T) {
	t.Parallel()
	pearl := func(front string) string {
		return "---\n" + front + "\n---\nTeksti.\n"
	}
	valid := "title: Uusi\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01"
	cases := []struct {
		name  string
		files map[string]string // content-relative path -> data; "" removes the file
		setup func(t *testing.T, content string)
		want  []string // lines that must appear in stderr
		// notWant are words that must not appear in either command's
		// output.
		notWant []string
	}{
		{name: "malformed YAML", files: map[string]string{"helmet/x.md": "---\ntitle: X\ntheme: verkostotyo\nsummary: \"auki\n---\n"},
			want: []string{"content/helmet/x.md:4"}},
		{name: "front matter not closed", files: map[string]string{"helmet/x.md": "---\ntitle: X\n\nTeksti.\n"},
			want: []string{"content/helmet/x.md:1: front matter opened with --- is never closed"}},
		// Front matter closed as YAML ends a document (and Pandoc takes
		// it), or with the dash a word processor makes of ---: the
		// message named the first line and said to add a ---, or,
		// when the text had a --- further down, to delete the line.
		{name: "front matter closed with ...", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n...\nTeksti.\n"},
			want: []string{"content/helmet/x.md:7:1: front matter opens and closes with a line of three hyphens ---, but this line has ...: write --- instead"}},
		{name: "front matter closed with ... and the text's rule further down", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n...\nTeksti.\n\n---\n\nLoppu.\n"},
			want: []string{"content/helmet/x.md:7:1: front matter opens and closes with a line of three hyphens ---, but this line has ...: write --- instead"}},
		{name: "front matter closed with a dash", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n—\nTeksti.\n"},
			want: []string{"content/helmet/x.md:7:1: front matter opens and closes with a line of three hyphens ---, but this line has —: write --- instead"}},
		{name: "front matter opened with a dash", files: map[string]string{"helmet/x.md": "—\n" + valid + "\n—\nTeksti.\n"},
			want: []string{"content/helmet/x.md:1:1: front matter opens and closes with a line of three hyphens ---, but this line has —: write --- instead"}},
		// An unclosed quote that a later value's quote closes: YAML reads
		// the keys between into the title, without a word.
		{name: "a quote not closed on its line", files: map[string]string{"teemat/verkostotyo.md": "---\ntitle: \"Verkostotyö\nweight: 2\nsummary: Verkostot.\ncolor: \"#123456\"\n---\n"},
			want:    []string{`content/teemat/verkostotyo.md:2:8: the value opens with " but does not close it on its line, so YAML reads the lines after it (weight: among them) into the value: add " at the end of the value`},
			notWant: []string{`required key "weight"`, `required key "summary"`}},
		// A page saved by the wrong name would be left out of the site
		// without an error.
		{name: "a page saved as text", files: map[string]string{"helmet/uusi.md.txt": pearl(valid), "caset/Uusi Tapaus.markdown": pearl(valid)},
			want: []string{`content/helmet/uusi.md.txt: the file name "uusi.md.txt" does not end in .md, so it would not be read as a page: rename it uusi.md`,
				`content/caset/Uusi Tapaus.markdown: the file name "Uusi Tapaus.markdown" does not end in .md, so it would not be read as a page: rename it uusi-tapaus.md`}},
		// A file that cannot be read is one error: the pages naming it
		// are not told to change.
		{name: "a theme area saved as UTF-16", files: map[string]string{"teemat/verkostotyo.md": "\xff\xfe-\x00-\x00-\x00\n\x00"},
			want:    []string{"content/teemat/verkostotyo.md:1:1: the file is saved as UTF-16 (Notepad calls it Unicode): save it as UTF-8 in your editor"},
			notWant: []string{`theme "verkostotyo"`, `no theme area "verkostotyo"`}},
		{name: "a related pearl with its front matter not closed", files: map[string]string{"helmet/luottamus.md": "---\ntitle: Luottamus\n\nTeksti.\n"},
			want:    []string{"content/helmet/luottamus.md:1: front matter opened with --- is never closed"},
			notWant: []string{`pearl "luottamus"`, `no pearl "luottamus"`}},
		{name: "required key missing", files: map[string]string{"helmet/x.md": pearl("theme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01")},
			want: []string{`content/helmet/x.md:1:1: required key "title" is missing`}},
		{name: "a required key misspelt", files: map[string]string{"helmet/x.md": pearl(strings.Replace(valid, "title:", "titel:", 1))},
			want:    []string{`content/helmet/x.md:2:1: required key "title" is missing, but this line has "titel": write the key as title`},
			notWant: []string{`content/helmet/x.md:1:1: required key "title"`, `unknown key "titel"`}},
		{name: "text where a list belongs", files: map[string]string{"helmet/x.md": pearl(valid + "\ntags: a, b")},
			want: []string{`content/helmet/x.md:7:7: "tags" must be a list: write it in brackets, [a, b]`}},
		{name: "Finnish date", files: map[string]string{"helmet/x.md": pearl(strings.Replace(valid, "2022-06-01", "1.6.2022", 1))},
			want: []string{`content/helmet/x.md:6:7: "date" must be a date in the form YYYY-MM-DD: write 2022-06-01, not "1.6.2022"`}},
		{name: "dates written year first in other ways", files: map[string]string{
			"helmet/x.md": pearl(strings.Replace(valid, "2022-06-01", "2022-6-1", 1)),
			"helmet/y.md": pearl(strings.Replace(valid, "2022-06-01", "2022/06/01", 1)),
			"helmet/z.md": pearl(strings.Replace(valid, "2022-06-01", "2022-06-01 10:00", 1))},
			want: []string{`content/helmet/x.md:6:7: "date" must be a date in the form YYYY-MM-DD: write 2022-06-01, not "2022-6-1"`,
				`content/helmet/y.md:6:7: "date" must be a date in the form YYYY-MM-DD: write 2022-06-01, not "2022/06/01"`,
				`content/helmet/z.md:6:7: "date" must be a date in the form YYYY-MM-DD: write 2022-06-01, not "2022-06-01 10:00"`}},
		{name: "unknown theme", files: map[string]string{"helmet/x.md": pearl(strings.Replace(valid, "verkostotyo", "verkostotyö", 1))},
			want: []string{`content/helmet/x.md:3:8: unknown theme "verkostotyö" (did you mean "verkostotyo"?)`}},
		{name: "unknown kind", files: map[string]string{"helmet/x.md": pearl(strings.Replace(valid, "vinkki", "työkalu", 1))},
			want: []string{`content/helmet/x.md:5:7: unknown kind "työkalu" (did you mean "tyokalu"?)`}},
		{name: "unknown audience", files: map[string]string{"helmet/x.md": pearl(valid + "\naudience: [esihenkilöt]")},
			want: []string{`content/helmet/x.md:7:12: unknown audience "esihenkilöt" (did you mean "esihenkilot"?)`}},
		{name: "two areas with one weight", files: map[string]string{"teemat/uusi.md": "---\ntitle: Uusi\nweight: 1\nsummary: S.\n---\n"},
			want: []string{"content/teemat/uusi.md:3:9: weight 1 is also used by content/teemat/johtaminen.md", "content/teemat/johtaminen.md:3:9: weight 1 is also used by content/teemat/uusi.md"}},
		{name: "two chapters with one weight", files: map[string]string{"opas/uusi.md": "---\ntitle: Uusi\nweight: 2\nsummary: S.\n---\n"},
			want: []string{"content/opas/uusi.md:3:9: weight 2 is also used by content/opas/roolit.md", "weight 2 is also used by content/opas/uusi.md"}},
		{name: "slug collides with a generated page", files: map[string]string{"sivut/helmet.md": "---\ntitle: Helmet\n---\n"},
			want: []string{`content/sivut/helmet.md: the name "helmet" is taken by the portal's own pages`}},
		{name: "non-ASCII file name", files: map[string]string{"helmet/työhyvinvointi.md": pearl(valid)},
			want: []string{"content/helmet/työhyvinvointi.md: file name \"työhyvinvointi.md\" may hold only lowercase letters a–z, digits and hyphens (no ä, ö, capitals or spaces): rename it tyohyvinvointi.md"}},
		{name: "uppercase file name", files: map[string]string{"helmet/Uusi Helmi.md": pearl(valid)},
			want: []string{"rename it uusi-helmi.md"}},
		{name: "broken link", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n---\nLue [tämä](../helmet/olematon.md).\n"},
			want: []string{`content/helmet/x.md:8:5: broken link to ../helmet/olematon.md: no pearl "olematon"`}},
		{name: "broken related", files: map[string]string{"helmet/x.md": pearl(valid + "\nrelated: [luottamuss]")},
			want: []string{`content/helmet/x.md:7:11: related names the pearl "luottamuss", which does not exist (did you mean "luottamus"?)`}},
		{name: "image without alt text", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n---\n![](/liitteet/lomake.pdf)\n"},
			want: []string{`content/helmet/x.md:8:1: image "/liitteet/lomake.pdf" has no alt text`}},
		{name: "invalid UTF-8", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n---\nHyv\xe4 p\xe4iv\xe4\n"},
			want: []string{"content/helmet/x.md:8:4:"}},
		{name: "empty file", files: map[string]string{"helmet/x.md": ""},
			want: []string{"content/helmet/x.md: the file is empty"}},
		{name: "20 MB file", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n---\n" + strings.Repeat("sanoja ", 3_000_000)},
			want: []string{"content/helmet/x.md: the file is 20.0 MB, more than a page may be (2 MB)"}},
		{name: "a control character in front matter", files: map[string]string{"helmet/x.md": pearl(strings.Replace(valid, "Uusi", "Uu\x00si", 1))},
			want: []string{"content/helmet/x.md:2:10: the line holds an invisible control character U+0000, which YAML does not accept"}},
		{name: "a control character written as an escape", files: map[string]string{"helmet/x.md": pearl(strings.Replace(valid, "Uusi", `"Uu\esi"`, 1) + "\ntags: [hyvä, \"a\\0b\"]")},
			want: []string{`content/helmet/x.md:2:8: the value of "title" holds an invisible control character U+001B`,
				`content/helmet/x.md:7:14: the value of "tags" holds an invisible control character U+0000`}},
		{name: "a key without its colon", files: map[string]string{"helmet/x.md": pearl(valid + "\ntags\nupdated: 2022-06-02")},
			want: []string{"content/helmet/x.md:7:1: ", "the line has no colon: write a key and its value as key: value"}},
		{name: "a Windows path in double quotes", files: map[string]string{"helmet/x.md": pearl(strings.Replace(valid, "S.", `"C:\kansio\x.docx"`, 1))},
			want: []string{`content/helmet/x.md:4:13: inside double quotes a backslash starts a special character such as \n, and \k is not one`}},
		{name: "a link address of 1.5 MB is quoted cut", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n---\n[a](" + strings.Repeat("x", 1_500_000) + ")\n"},
			want: []string{"content/helmet/x.md:8:1: broken link to " + strings.Repeat("x", 300) + "…: there is no helmet/" + strings.Repeat("x", 293) + "…: "}},
		{name: "a table 5,000 columns wide over 50,000 short rows", files: map[string]string{"helmet/x.md": "---\n" + valid + "\n---\n|" +
			strings.Repeat("a|", 5000) + "\n|" + strings.Repeat("-|", 5000) + "\n" + strings.Repeat("x\n", 50_000)},
			// The 20th row takes the cells from 100,000 to 105,000.
			want: []string{"content/helmet/x.md:29:1: the file's tables have more than 100,000 cells (rows times columns): split the tables or the page"},
			// A body over a limit is told of by the limit alone, not
			// also by a word count of 0, which would send the editor to
			// write more.
			notWant: []string{"word count is 0"}},
		{name: "symlink loop", setup: func(t *testing.T, content string) {
			if err := os.Symlink("b.md", filepath.Join(content, "helmet", "a.md")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("a.md", filepath.Join(content, "helmet", "b.md")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(".", filepath.Join(content, "helmet", "silmukka")); err != nil {
				t.Fatal(err)
			}
		}, want: []string{`content/helmet/a.md: this symbolic link goes round in a loop: it points at "b.md"`, `content/helmet/silmukka: this symbolic link goes round in a loop: it points at "."`}},
		{name: "broken theme template", setup: func(t *testing.T, content string) {
			copyTheme(t, filepath.Join(filepath.Dir(content), "themes", "helminauha"))
			p := filepath.Join(filepath.Dir(content), "themes", "helminauha", "templates", "pearl.html")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, append([]byte("{{define \"extra\"}}{{.Title}\n{{end}}\n"), data...), 0o644)
		}, want: []string{"themes/helminauha/templates/pearl.html:1:"}},
		{name: "missing theme template", setup: func(t *testing.T, content string) {
			copyTheme(t, filepath.Join(filepath.Dir(content), "themes", "helminauha"))
			os.Remove(filepath.Join(filepath.Dir(content), "themes", "helminauha", "templates", "case.html"))
		}, want: []string{"themes/helminauha/templates/case.html: the theme has no template for case pages"}},
		{name: "static file over a generated page", files: map[string]string{"static/sitemap.xml": "<x/>"},
			want: []string{`content/static/sitemap.xml: static file "sitemap.xml" would overwrite a page the portal generates`}},
		{name: "site.yaml missing", files: map[string]string{"site.yaml": ""},
			want: []string{"content/site.yaml: the portal has no site.yaml"}},
		{name: "site.yaml broken", files: map[string]string{"site.yaml": "title: [Testi\n"},
			want: []string{"content/site.yaml:"}},
		{name: "all problems in one run", files: map[string]string{
			"helmet/x.md": pearl(strings.Replace(valid, "vinkki", "vinki", 1)),
			"helmet/y.md": pearl(strings.Replace(valid, "2022-06-01", "2022-13-01", 1)),
		}, want: []string{`content/helmet/x.md:5:7: unknown kind "vinki"`, `content/helmet/y.md:6:7: "date": 2022-13-01 is not a real date`}},
	}
	// The valid portal is built once; each case starts from a copy of its
	// output.
	built := t.TempDir()
	writePortal(t, "small.txtar", built)
	if code, _, stderr := runCmd("build", "--quiet", "--content", filepath.Join(built, "content"), "--out", filepath.Join(built, "public")); code != 0 {
		t.Fatalf("the valid portal does not build: %d\n%s", code, stderr)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writePortal(t, "small.txtar", dir)
			content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
			if err := os.CopyFS(out, os.DirFS(filepath.Join(built, "public"))); err != nil {
				t.Fatal(err)
			}
			before := treeSum(t, out)
			for name, data := range tc.files {
				p := filepath.Join(content, filepath.FromSlash(name))
				if data == "" && name != "helmet/x.md" {
					os.Remove(p)
					continue
				}
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.setup != nil {
				tc.setup(t, content)
			}
			code, _, stderr := runCmd("build", "--quiet", "--content", content, "--out", out)
			stderr = strings.ReplaceAll(stderr, filepath.ToSlash(content), "content")
			if code != 1 {
				t.Errorf("exit status %d, want 1; stderr:\n%s", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if !strings.HasPrefix(line, "content/") && !strings.HasPrefix(line, "build failed: ") && !strings.HasPrefix(line, "themes/") {
					t.Errorf("line is not `path:line:col: message`: %q", line)
				}
			}
			if after := treeSum(t, out); after != before {
				t.Errorf("the failed build changed the previous output")
			}
			code, cout, cerr := runCmd("check", "--content", content)
			checked := strings.ReplaceAll(cout+cerr, filepath.ToSlash(content), "content")
			if code != 1 {
				t.Errorf("check: exit status %d, want 1; output:\n%s", code, checked)
			}
			for _, w := range tc.want {
				if !strings.Contains(checked, w) {
					t.Errorf("check's output lacks %q:\n%s", w, checked)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(stderr+checked, w) {
					t.Errorf("build's or check's output has %q:\n%s\n%s", w, stderr, checked)
				}
			}
		})
	}
}

// copyTheme writes the built-in theme to dir, for tests that break it.
func copyTheme(t *testing.T, dir string) {
	t.Helper()
	sub, err := fs.Sub(themes.FS, "helminauha")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, sub); err != nil {
		t.Fatal(err)
	}
	// CopyFS keeps the embedded files read-only.
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			os.Chmod(p, 0o755)
		}
		return nil
	})
}

// eachPage calls fn with every HTML page the build wrote under dir, by
// its path from dir and its text; it fails the test where dir cannot be
// read or holds no page, so that a check of every page cannot pass by
// reading none.
func eachPage(t *testing.T, dir string, fn func(rel, html string)) {
	t.Helper()
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages++
		fn(filepath.ToSlash(rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Fatalf("no page under %s", dir)
	}
}
