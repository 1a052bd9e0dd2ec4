package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// portal writes the small fixture portal into a new temporary folder and
// returns the folder.
func portal(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	return dir
}

// smallPortal writes a portal of site.yaml and files (paths under the
// content folder) into a new temporary folder and returns the folder.
func smallPortal(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content", "site.yaml"), "title: Pieni\ndescription: Pieni portaali.\n")
	for name, text := range files {
		write(t, filepath.Join(dir, "content", filepath.FromSlash(name)), text)
	}
	return dir
}

// built runs build in each folder and fails the test unless it succeeds.
func built(t *testing.T, dirs ...string) {
	t.Helper()
	for _, dir := range dirs {
		if code, stdout, stderr := helminauha(t, dir, "build"); code != 0 {
			t.Fatalf("build in %s: exit status %d\n%s%s", dir, code, stdout, stderr)
		}
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// message is one line of check's or build's output: a position, then the
// message, with a file name quoted when it holds a newline, a colon or a
// quote.
var message = regexp.MustCompile(`^("(?:[^"\\]|\\.)*"|[^":\n]+)(:\d+)?(:\d+)?: \S`)

func TestFileNameWithANewlineKeepsEveryMessageOnOneLine(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "helmet", "a\nb.md"), "---\ntitle: X\n---\n")
	write(t, filepath.Join(dir, "content", "helmet", "c:3.md"), "---\ntitle: X\n---\n")
	code, stdout, _ := helminauha(t, dir, "check")
	if code != 1 {
		t.Fatalf("check: exit status %d, want 1\n%s", code, stdout)
	}
	for _, want := range []string{`"content/helmet/a\nb.md": `, `"content/helmet/c:3.md": `} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check does not name the file as %s:\n%s", want, stdout)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !message.MatchString(line) && !strings.HasPrefix(line, "content: ") {
			t.Errorf("line is not `path:line:col: message`: %q", line)
		}
	}
}

// bothSay runs check and build in dir, which must both end with exit
// status 1 and say want, and returns what check and build printed.
func bothSay(t *testing.T, dir, want string) (checkOut, buildErr string) {
	t.Helper()
	code, checkOut, _ := helminauha(t, dir, "check")
	if code != 1 || !strings.Contains(checkOut, want) {
		t.Errorf("check: exit status %d, want 1 and %q:\n%s", code, want, checkOut)
	}
	code, _, buildErr = helminauha(t, dir, "build")
	if code != 1 || !strings.Contains(buildErr, want) {
		t.Errorf("build: exit status %d, want 1 and %q:\n%s", code, want, buildErr)
	}
	return checkOut, buildErr
}

func TestCheckAndBuildAgreeOnALongTag(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	long := strings.Repeat("a", 10_000)
	write(t, filepath.Join(dir, "content", "helmet", "pitka.md"),
		"---\ntitle: Pitkä\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\ntags: [hyvä, "+long+"]\n---\nTeksti.\n")
	want := `content/helmet/pitka.md:7:14: tag "` + strings.Repeat("a", 40) + `…" is 10,000 characters long: a tag is a word or a short phrase of at most 60 characters`
	stdout, stderr := bothSay(t, dir, want)
	if strings.Contains(stdout+stderr, strings.Repeat("a", 100)) {
		t.Errorf("a message quotes the whole tag")
	}
}

func TestChapterNamedLikeThePrintPage(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "opas", "kokonaan.md"), "---\ntitle: Kokonaan\nweight: 9\nsummary: S.\n---\nTeksti.\n")
	want := `content/opas/kokonaan.md: a chapter cannot be named "kokonaan": the guide's print page, which shows every chapter on one page, is /opas/kokonaan/; rename the file, for example kokonaan-luku.md`
	stdout, stderr := bothSay(t, dir, want)
	if strings.Contains(stdout+stderr, "static") {
		t.Errorf("a message names a static file, and there is none:\n%s%s", stdout, stderr)
	}
}

func TestNewValidatesEveryNameAndWritesOnlyInTheContentFolder(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	outside := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"300-character slug", []string{"new", "pearl", strings.Repeat("a", 300)},
			`is 300 characters long: a name may be at most 100 characters`},
		{"theme through ..", []string{"new", "pearl", "x", "--theme", "../teemat/verkostotyo"},
			`there is no theme area "../teemat/verkostotyo": use the name of a file in`},
		{"theme with a newline", []string{"new", "case", "y", "--theme", "verkostotyo\ndraft: false"},
			`there is no theme area "verkostotyo\ndraft: false": use the name of a file in`},
		{"slug through ..", []string{"new", "pearl", "../../z"}, `rename it z.md`},
		{"a name Windows keeps for a device", []string{"new", "pearl", "aux"}, `"aux.md" is a name Windows keeps for a device`},
		{"a name written as words", []string{"new", "pearl", "uusi", "Helmi"}, `file name "uusi Helmi.md" may hold only lowercase letters a–z, digits and hyphens (no ä, ö, capitals or spaces): rename it uusi-helmi.md`},
		{"a case's name written as words", []string{"new", "case", "Hyvä", "käytäntö", "--theme", "verkostotyo"}, `rename it hyva-kaytanto.md`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := treeSum(t, dir)
			code, stdout, stderr := helminauha(t, dir, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit status %d, want 2 and %q:\n%s%s", code, tc.want, stdout, stderr)
			}
			if strings.Contains(stderr, "too long") || strings.Contains(stderr, "open ") {
				t.Errorf("the operating system's error reached the editor:\n%s", stderr)
			}
			if treeSum(t, dir) != before {
				t.Errorf("new changed the portal although it refused")
			}
		})
	}
	// A linked folder that leads out of the content folder is not written
	// through.
	os.RemoveAll(filepath.Join(dir, "content", "caset"))
	if err := os.Symlink(outside, filepath.Join(dir, "content", "caset")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := helminauha(t, dir, "new", "case", "ulos", "--theme", "verkostotyo")
	if code == 0 {
		t.Errorf("new wrote through a link out of the content folder")
	}
	if _, err := os.Stat(filepath.Join(outside, "ulos.md")); err == nil {
		t.Errorf("new wrote %s outside the content folder:\n%s", filepath.Join(outside, "ulos.md"), stderr)
	}
}

func TestTagsInAnyScriptHavePages(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "helmet", "kielet.md"),
		"---\ntitle: Kielet\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\ntags: [Ψυχολογία, 働き方, \"🙂\", Työ]\n---\nTeksti.\n")
	code, stdout, stderr := helminauha(t, dir, "build", "--quiet")
	if code != 0 {
		t.Fatalf("build: exit status %d\n%s%s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "helmet", "kielet", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	sitemap, _ := os.ReadFile(filepath.Join(dir, "public", "sitemap.xml"))
	index, _ := os.ReadFile(filepath.Join(dir, "public", "haku", "index.json"))
	// word is how the search index holds the tag, "" for a tag that is
	// not a word.
	for _, tc := range []struct{ label, folder, href, word string }{
		{"Ψυχολογία", "ψυχολογία", "%cf%88%cf%85%cf%87%ce%bf%ce%bb%ce%bf%ce%b3%ce%af%ce%b1", "ψυχολογία"},
		{"働き方", "働き方", "%e5%83%8d%e3%81%8d%e6%96%b9", "働き方"},
		{"🙂", "🙂", "%f0%9f%99%82", ""},
		{"Työ", "tyo", "tyo", ""},
	} {
		term, err := os.ReadFile(filepath.Join(dir, "public", "tagit", tc.folder, "index.html"))
		if err != nil || !strings.Contains(string(term), "Kielet") {
			t.Errorf("tag %s: no term page listing the pearl at tagit/%s/ (%v)", tc.label, tc.folder, err)
		}
		if !strings.Contains(string(page), `href="/portaali/tagit/`+tc.href+`/"`) {
			t.Errorf("tag %s: the pearl does not link to /portaali/tagit/%s/", tc.label, tc.href)
		}
		if !strings.Contains(strings.ToLower(string(sitemap)), "<loc>https://example.org/portaali/tagit/"+tc.href+"/</loc>") {
			t.Errorf("tag %s: the sitemap lacks its percent-encoded address", tc.label)
		}
		if !strings.Contains(string(index), tc.word) {
			t.Errorf("tag %s: the search index does not hold it", tc.label)
		}
	}
}

// TestManyOfOneKindAreCounted: check prints ten problems of one kind in
// a file, then counts the rest in one line, in text and github alike;
// --all and --format json list them all.
func TestManyOfOneKindAreCounted(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	write(t, filepath.Join(dir, "content", "helmet", "otsikot.md"),
		"---\ntitle: Otsikot\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\n---\n"+strings.Repeat("# Ykköstaso\n\n", 25)+"[a](puuttuu.md) [b](puuttuu.md)\n")
	code, stdout, _ := helminauha(t, dir, "check", "--lang", "en")
	if code != 1 {
		t.Fatalf("check: exit status %d, want 1\n%s", code, stdout)
	}
	headings, more := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !message.MatchString(line) && !strings.HasPrefix(line, "content: ") {
			t.Errorf("line is not `path:line:col: message`: %q", line)
		}
		if strings.Contains(line, "is a level-1 heading") {
			headings++
		}
		if strings.Contains(line, "more like it") {
			more++
			if want := "content/helmet/otsikot.md: warning: … and 15 more like it in this file (check --all shows them all)"; line != want {
				t.Errorf("got %q, want %q", line, want)
			}
		}
	}
	if headings != 10 || more != 1 || strings.Count(stdout, "broken link") != 2 {
		t.Errorf("%d heading warnings and %d lines of more, want 10 and 1, and both broken links:\n%s", headings, more, stdout)
	}
	_, stdout, _ = helminauha(t, dir, "check", "--format", "json")
	if n := strings.Count(stdout, `"id": "markdown.h1"`); n != 25 {
		t.Errorf("check --format json lists %d of the 25 headings", n)
	}
	// github prints as many: it printed all 25, a line of the log each.
	_, stdout, _ = helminauha(t, dir, "check", "--format", "github", "--lang", "en")
	if n := strings.Count(stdout, "is a level-1 heading"); n != 10 ||
		!strings.Contains(stdout, "\n::warning file=content/helmet/otsikot.md,title=Warning::… and 15 more like it in this file (check --all shows them all)\n") {
		t.Errorf("check --format github prints %d of the 25 headings, want 10 and a line of the rest:\n%s", n, stdout)
	}
	_, stdout, _ = helminauha(t, dir, "check", "--all", "--lang", "en")
	if n := strings.Count(stdout, "is a level-1 heading"); n != 25 || strings.Contains(stdout, "more like it") {
		t.Errorf("check --all lists %d of the 25 headings:\n%s", n, stdout)
	}
}

// TestRenamedPearlIsSuggested renames a pearl the way editors do, by adding
// a word to its file name: every link and list naming the old name is told
// the new one, though another pearl's name is fewer edits away.
func TestRenamedPearlIsSuggested(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	helmet := filepath.Join(dir, "content", "helmet")
	if err := os.Rename(filepath.Join(helmet, "luottamus.md"), filepath.Join(helmet, "luottamus-verkostossa.md")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(helmet, "luottamukset.md"), "---\ntitle: Toinen\ntheme: verkostotyo\nsummary: S.\nkind: vinkki\ndate: 2022-06-01\n---\nTeksti.\n")
	checkOut, _ := bothSay(t, dir, `content/helmet/yhteinen-tavoite.md:`)
	if n := strings.Count(checkOut, `"luottamus" (did you mean "luottamus-verkostossa"?)`) +
		strings.Count(checkOut, `"luottamus", which does not exist (did you mean "luottamus-verkostossa"?)`); n != 2 {
		t.Errorf("check suggests the renamed file's name %d times, want 2 (related and the link):\n%s", n, checkOut)
	}
}

// A required key left out is told with what to write after it, where
// its name does not say (before 2026-12-07 only `kind: ...`, and the
// editor had to find the four kinds elsewhere). A title needs no telling.
func TestMissingKeySaysWhatToWrite(t *testing.T) {
	t.Parallel()
	dir := portal(t)
	for name, text := range map[string]string{
		"helmet/ilman-lajia.md":  "---\ntitle: Ilman lajia\nsummary: S.\n---\nTeksti.\n",
		"teemat/ilman-painoa.md": "---\ntitle: Ilman painoa\nsummary: S.\n---\nTeksti.\n",
		"caset/ilman-alueita.md": "---\norganization: Kunta\nsummary: S.\n---\nTeksti.\n",
	} {
		write(t, filepath.Join(dir, "content", filepath.FromSlash(name)), text)
	}
	code, stdout, _ := helminauha(t, dir, "check")
	for _, want := range []string{
		"content/helmet/ilman-lajia.md:1:1: required key \"kind\" is missing: add a line `kind: ...` to the front matter, where ... is one of tieto, vinkki, menetelma, tyokalu\n",
		"content/helmet/ilman-lajia.md:1:1: required key \"date\" is missing: add a line `date: ...` to the front matter, where ... is a date written YYYY-MM-DD, such as 2026-03-15\n",
		"content/helmet/ilman-lajia.md:1:1: required key \"theme\" is missing: add a line `theme: ...` to the front matter, where ... is a theme area's slug: the name of its file in teemat/ without .md\n",
		"content/teemat/ilman-painoa.md:1:1: required key \"weight\" is missing: add a line `weight: ...` to the front matter, where ... is a whole number that gives the place in the order, smallest first, such as 3\n",
		"content/caset/ilman-alueita.md:1:1: required key \"themes\" is missing: add a line `themes: ...` to the front matter, where ... is a list of theme areas' slugs (the names of their files in teemat/ without .md) in brackets, such as [slug1, slug2]\n",
		"content/caset/ilman-alueita.md:1:1: required key \"title\" is missing: add a line `title: ...` to the front matter\n",
	} {
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("check: exit status %d, want 1 and\n%s", code, want)
		}
	}
	if t.Failed() {
		t.Log(stdout)
	}
}
