package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/helminauha/helminauha/internal/build"
)

// treeHash hashes every file's path and bytes under dir, in path order.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestWriteIsDeterministic(t *testing.T) {
	write := func(opts Options, procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		dir := t.TempDir()
		if _, err := Write(dir, opts); err != nil {
			t.Fatal(err)
		}
		return treeHash(t, dir)
	}
	first := write(Options{N: 20}, 1)
	if again := write(Options{N: 20}, 4); again != first {
		t.Errorf("two runs with N=20 differ: %s and %s", first, again)
	}
	if other := write(Options{N: 20, Seed: 7}, 2); other == first {
		t.Errorf("seed 7 gave the same corpus as the default seed")
	}
}

func TestEnsureGeneratesOnce(t *testing.T) {
	cache := t.TempDir()
	dir, generated, err := Ensure(cache, Options{N: 5})
	if err != nil || !generated {
		t.Fatalf("first Ensure: generated=%v, err=%v; want a new corpus", generated, err)
	}
	want := treeHash(t, dir)
	dir2, generated, err := Ensure(cache, Options{N: 5})
	if err != nil || generated || dir2 != dir {
		t.Fatalf("second Ensure: dir=%s generated=%v err=%v; want the cached %s", dir2, generated, err, dir)
	}
	if got := treeHash(t, dir2); got != want {
		t.Errorf("cached corpus changed")
	}
	entries, _ := os.ReadDir(cache)
	if len(entries) != 1 {
		t.Errorf("cache holds %d entries, want 1 (no temporary folders left)", len(entries))
	}
}

// countFiles counts the files directly in dir/sub whose names end in ext.
func countFiles(t *testing.T, dir, sub, ext string) int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, sub))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			n++
		}
	}
	return n
}

func TestWriteMakesTheAskedCounts(t *testing.T) {
	for _, n := range []int{1, 20, 120} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Write(dir, Options{N: n}); err != nil {
				t.Fatal(err)
			}
			cases := max(1, n/50)
			checks := []struct {
				sub, ext string
				want     int
			}{
				{"content/helmet", ".md", n},
				{"content/teemat", ".md", 6},
				{"content/caset", ".md", cases},
				{"content/opas", ".md", 9},
				{"content/sivut", ".md", 2},
				{"content", "site.yaml", 1},
				{"content/static", ".css", 1},
				{"hugo/content/helmet", ".md", n + 1}, // + _index.md
				{"hugo/content/caset", ".md", cases + 1},
				{"hugo/content/opas", ".md", 9},
				{"hugo/content", ".md", 2}, // tietoa.md, saavutettavuusseloste.md
				{"hugo", "hugo.toml", 1},
				{"hugo/static", ".css", 1},
				{"hugo/layouts/_default", ".html", 5},
				{"hugo/layouts", ".html", 2}, // index.html, 404.html
				{"hugo/layouts/_default/_markup", "render-link.html", 1},
			}
			for _, c := range checks {
				if got := countFiles(t, dir, c.sub, c.ext); got != c.want {
					t.Errorf("%s/*%s: got %d files, want %d", c.sub, c.ext, got, c.want)
				}
			}
			areas, _ := os.ReadDir(filepath.Join(dir, "hugo/content/teemat"))
			if got := len(areas); got != 7 { // six term folders + _index.md
				t.Errorf("hugo/content/teemat: got %d entries, want 7", got)
			}
		})
	}
}

// doc is a parsed file of our content format: front matter keys with
// scalar or flow-list values, and the body.
type doc struct {
	path   string
	scalar map[string]string
	list   map[string][]string
	body   string
}

// parseDoc reads the front matter the generator writes: `key: value`,
// `key: "quoted"` and `key: [a, "b"]` lines between "---" lines.
func parseDoc(t *testing.T, path string, data []byte) doc {
	t.Helper()
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("%s: no front matter", path)
	}
	fm, body, ok := strings.Cut(s[4:], "\n---\n")
	if !ok {
		t.Fatalf("%s: front matter not closed", path)
	}
	d := doc{path: path, scalar: map[string]string{}, list: map[string][]string{}, body: body}
	unquote := func(v string) string {
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, `"`) {
			v = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(v[1 : len(v)-1])
		}
		return v
	}
	for _, line := range strings.Split(fm, "\n") {
		key, val, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("%s: bad front matter line %q", path, line)
		}
		if strings.HasPrefix(val, "[") {
			var items []string
			for _, it := range strings.Split(strings.Trim(val, "[]"), ", ") {
				items = append(items, unquote(it))
			}
			d.list[key] = items
		} else {
			d.scalar[key] = unquote(val)
		}
	}
	return d
}

func docs(t *testing.T, files []File, prefix string) []doc {
	var out []doc
	for _, f := range files {
		if strings.HasPrefix(f.Path, prefix) && strings.HasSuffix(f.Path, ".md") {
			out = append(out, parseDoc(t, f.Path, f.Data))
		}
	}
	return out
}

var (
	slugRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	bodyLinkRE = regexp.MustCompile(`\]\(\.\./helmet/([^)]*)\.md\)`)
)

func TestPearlsFollowTheContentFormat(t *testing.T) {
	c, err := Generate(Options{N: 300})
	if err != nil {
		t.Fatal(err)
	}
	files := c.ContentFiles()
	pearls := docs(t, files, "helmet/")
	if len(pearls) != 300 {
		t.Fatalf("got %d pearls, want 300", len(pearls))
	}
	slugs := map[string]bool{}
	for _, p := range pearls {
		slugs[strings.TrimSuffix(strings.TrimPrefix(p.path, "helmet/"), ".md")] = true
	}
	areas := map[string]bool{}
	for _, a := range docs(t, files, "teemat/") {
		areas[strings.TrimSuffix(strings.TrimPrefix(a.path, "teemat/"), ".md")] = true
	}
	perArea := map[string]int{}
	perKind := map[string]int{}
	tables := 0
	for _, p := range pearls {
		slug := strings.TrimSuffix(strings.TrimPrefix(p.path, "helmet/"), ".md")
		if !slugRE.MatchString(slug) {
			t.Errorf("%s: slug %q is not lowercase ASCII letters, digits and -", p.path, slug)
		}
		for _, key := range []string{"title", "theme", "summary", "kind", "date"} {
			if p.scalar[key] == "" {
				t.Errorf("%s: required key %s missing", p.path, key)
			}
		}
		if !areas[p.scalar["theme"]] {
			t.Errorf("%s: theme %q is not a file in teemat/", p.path, p.scalar["theme"])
		}
		perArea[p.scalar["theme"]]++
		if !slices.Contains(kinds, p.scalar["kind"]) {
			t.Errorf("%s: kind %q not one of %v", p.path, p.scalar["kind"], kinds)
		}
		perKind[p.scalar["kind"]]++
		for _, a := range p.list["audience"] {
			if !slices.Contains(audiences, a) {
				t.Errorf("%s: audience %q not one of %v", p.path, a, audiences)
			}
		}
		for _, tag := range p.list["tags"] {
			if !slices.Contains(tagList, tag) {
				t.Errorf("%s: tag %q not in the fixed list", p.path, tag)
			}
		}
		if d := p.scalar["date"]; !dateRE.MatchString(d) {
			t.Errorf("%s: date %q is not YYYY-MM-DD", p.path, d)
		}
		if u := p.scalar["updated"]; u != "" && (!dateRE.MatchString(u) || u <= p.scalar["date"]) {
			t.Errorf("%s: updated %q is not a YYYY-MM-DD after date %s", p.path, u, p.scalar["date"])
		}
		if n := utf8.RuneCountInString(p.scalar["summary"]); n > 300 {
			t.Errorf("%s: summary has %d characters, want at most 300", p.path, n)
		}
		if len(p.list["related"]) > 3 {
			t.Errorf("%s: %d related, want 0-3", p.path, len(p.list["related"]))
		}
		for _, r := range p.list["related"] {
			if !slugs[r] || r == slug {
				t.Errorf("%s: related %q is not another pearl", p.path, r)
			}
		}
		links := bodyLinkRE.FindAllStringSubmatch(p.body, -1)
		if len(links) < 1 || len(links) > 3 {
			t.Errorf("%s: %d links to pearls in the body, want 1-3", p.path, len(links))
		}
		for _, l := range links {
			if !slugs[l[1]] || l[1] == slug {
				t.Errorf("%s: body links to %q, which is not another pearl", p.path, l[1])
			}
		}
		if n := WordCount(p.body); n < MinPearlWords || n > MaxPearlWords {
			t.Errorf("%s: body has %d words, want %d-%d", p.path, n, MinPearlWords, MaxPearlWords)
		}
		if !strings.Contains(p.body, "\n## ") {
			t.Errorf("%s: body has no ## heading", p.path)
		}
		if strings.ContainsAny(p.body, "<>") {
			t.Errorf("%s: body holds < or >, but must hold no raw HTML", p.path)
		}
		if strings.Contains(p.body, "\n|---|") {
			tables++
		}
	}
	for a := range areas {
		if perArea[a] != 50 {
			t.Errorf("theme area %s has %d pearls, want 50 (round robin)", a, perArea[a])
		}
	}
	for _, k := range kinds {
		if perKind[k] == 0 {
			t.Errorf("no pearl of kind %s", k)
		}
	}
	if tables < 30 || tables > 100 {
		t.Errorf("%d of 300 pearls have a table, want about one in five", tables)
	}
}

func TestCasesAndGuideFollowTheContentFormat(t *testing.T) {
	c, err := Generate(Options{N: 200})
	if err != nil {
		t.Fatal(err)
	}
	files := c.ContentFiles()
	pearls := map[string]bool{}
	for _, p := range c.Pearls {
		pearls[p.Slug] = true
	}
	cases := docs(t, files, "caset/")
	if len(cases) != 4 {
		t.Fatalf("got %d case examples, want 4", len(cases))
	}
	for _, cs := range cases {
		for _, key := range []string{"title", "organization", "summary", "date"} {
			if cs.scalar[key] == "" {
				t.Errorf("%s: required key %s missing", cs.path, key)
			}
		}
		if len(cs.list["themes"]) == 0 {
			t.Errorf("%s: no themes", cs.path)
		}
		for _, p := range cs.list["pearls"] {
			if !pearls[p] {
				t.Errorf("%s: pearl %q does not exist", cs.path, p)
			}
		}
		for _, sec := range caseSections {
			if !strings.Contains(cs.body, "\n## "+sec+"\n") {
				t.Errorf("%s: no section ## %s", cs.path, sec)
			}
		}
		for _, l := range bodyLinkRE.FindAllStringSubmatch(cs.body, -1) {
			if !pearls[l[1]] {
				t.Errorf("%s: body links to missing pearl %q", cs.path, l[1])
			}
		}
	}
	chapters := docs(t, files, "opas/")
	var weights []string
	for _, ch := range chapters {
		if ch.path == "opas/_index.md" {
			continue
		}
		weights = append(weights, ch.scalar["weight"])
		for _, l := range bodyLinkRE.FindAllStringSubmatch(ch.body, -1) {
			if !pearls[l[1]] {
				t.Errorf("%s: body links to missing pearl %q", ch.path, l[1])
			}
		}
	}
	slices.Sort(weights)
	if want := []string{"1", "2", "3", "4", "5", "6", "7", "8"}; !slices.Equal(weights, want) {
		t.Errorf("chapter weights %v, want %v", weights, want)
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Roolit ja vastuut", "roolit-ja-vastuut"},
		{"umlauts", "Työhyvinvoinnin äärellä öisin", "tyohyvinvoinnin-aarella-oisin"},
		{"punctuation", "Miten verkosto kootaan?", "miten-verkosto-kootaan"},
		{"hyphen", "Sote-organisaation johtaminen", "sote-organisaation-johtaminen"},
		{"empty", "???", "sivu"},
		{"long", strings.Repeat("verkosto ", 10), "verkosto-verkosto-verkosto-verkosto-verkosto-verkosto"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Slugify(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"sentence", "Verkosto tukee työhyvinvointia.", 3},
		{"list markers are not words", "- yksi\n- kaksi\n1. kolme", 3},
		{"table rules are not words", "| Vaihe | Tehtävä |\n|---|---|\n| 1. alku | työ |", 4},
		{"heading marks are not words", "## Mistä on kyse?", 3},
		{"link is one word per field", "Lue lisää: [Otsikko tässä](../helmet/x.md).", 4},
		{"empty", "  \n ", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := WordCount(tc.in); got != tc.want {
				t.Errorf("got %d, want %d", got, tc.want)
			}
		})
	}
}

// hugoBuild builds the Hugo site in dir/hugo into dir/public and returns
// Hugo's combined output.
func hugoBuild(t *testing.T, dir string) (string, error) {
	t.Helper()
	cmd := exec.Command("hugo", "--minify", "--noBuildLock", "--cacheDir", t.TempDir(),
		"-s", filepath.Join(dir, "hugo"), "-d", filepath.Join(dir, "public"))
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// needHugo skips a test that builds the Hugo site where Hugo is missing,
// saying so, except under make test (HELMINAUHA_NEED_HUGO=1), which
// installs Hugo first and must not pass by skipping, and in CI.
func needHugo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("hugo"); err != nil {
		const how = "hugo is not on PATH; install it with `make deps-bench` (apt-get install -y --no-install-recommends hugo)"
		if os.Getenv("HELMINAUHA_NEED_HUGO") != "" || os.Getenv("CI") != "" {
			t.Fatal(how)
		}
		t.Skip(how)
	}
}

func readPage(t *testing.T, dir, urlPath string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(urlPath), "index.html"))
	if err != nil {
		t.Fatalf("page %s was not written: %v", urlPath, err)
	}
	return string(data)
}

func TestHugoBuildsTheSamePages(t *testing.T) {
	needHugo(t)
	dir := t.TempDir()
	c, err := Write(dir, Options{N: 20})
	if err != nil {
		t.Fatal(err)
	}
	out, err := hugoBuild(t, dir)
	if err != nil {
		t.Fatalf("hugo failed: %v\n%s", err, out)
	}
	if strings.Contains(out, "WARN") || strings.Contains(out, "ERROR") {
		t.Errorf("hugo reported problems:\n%s", out)
	}

	home := readPage(t, dir, "/")
	for _, a := range c.Areas {
		if !strings.Contains(home, a.Title) || !strings.Contains(home, "href=/teemat/"+a.Slug+"/") {
			t.Errorf("home page does not list theme area %s", a.Slug)
		}
	}
	for _, p := range c.Pearls {
		if !strings.Contains(home, "href=/helmet/"+p.Slug+"/") {
			t.Errorf("home page does not list pearl %s", p.Slug)
		}
	}

	p := c.Pearls[0]
	page := readPage(t, dir, "/helmet/"+p.Slug+"/")
	if !strings.Contains(page, "<h1>"+p.Title+"</h1>") {
		t.Errorf("pearl page %s has no <h1>%s</h1>", p.Slug, p.Title)
	}
	for _, s := range slices.Concat(p.Links, p.Related) {
		if !strings.Contains(page, "href=/helmet/"+s+"/") {
			t.Errorf("pearl page %s does not link to /helmet/%s/", p.Slug, s)
		}
	}
	if strings.Contains(page, ".md") {
		t.Errorf("pearl page %s still holds a .md link", p.Slug)
	}
	if !strings.Contains(page, "href=/teemat/"+p.Area+"/") {
		t.Errorf("pearl page %s does not link to its theme area", p.Slug)
	}

	tag := readPage(t, dir, "/tagit/"+p.Tags[0]+"/")
	if !strings.Contains(tag, "href=/helmet/"+p.Slug+"/") {
		t.Errorf("tag page %s does not list pearl %s", p.Tags[0], p.Slug)
	}
	kind := readPage(t, dir, "/tyypit/"+p.Kind+"/")
	if !strings.Contains(kind, "href=/helmet/"+p.Slug+"/") || !strings.Contains(kind, kindLabels[p.Kind]) {
		t.Errorf("kind page %s does not list pearl %s under the label %s", p.Kind, p.Slug, kindLabels[p.Kind])
	}
	area := readPage(t, dir, "/teemat/"+p.Area+"/")
	if !strings.Contains(area, "href=/helmet/"+p.Slug+"/") {
		t.Errorf("theme area page %s does not list pearl %s", p.Area, p.Slug)
	}
	guide := readPage(t, dir, "/opas/")
	for _, ch := range c.Chapters {
		if !strings.Contains(guide, "href=/opas/"+ch.Slug+"/") {
			t.Errorf("guide cover does not list chapter %s", ch.Slug)
		}
	}
	cs := readPage(t, dir, "/caset/"+c.Cases[0].Slug+"/")
	for _, s := range c.Cases[0].Pearls {
		if !strings.Contains(cs, "href=/helmet/"+s+"/") {
			t.Errorf("case page does not link to its pearl %s", s)
		}
	}
	for _, pg := range []string{"/tietoa/", "/saavutettavuusseloste/", "/tagit/"} {
		readPage(t, dir, pg)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "404.html")); err != nil {
		t.Errorf("hugo wrote no 404.html: %v", err)
	}
	for _, missing := range []string{"helmet/index.html", "caset/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", missing)); err == nil {
			t.Errorf("hugo wrote %s, which our generator does not", missing)
		}
	}
}

// TestHugoPagesListsAsWeDo: Hugo's term lists are paged like ours, 60
// pearls a page at /x/sivu/2/, so the comparison stays fair on large
// portals.
func TestHugoPagesListsAsWeDo(t *testing.T) {
	needHugo(t)
	dir := t.TempDir()
	c, err := Write(dir, Options{N: 400})
	if err != nil {
		t.Fatal(err)
	}
	if out, err := hugoBuild(t, dir); err != nil {
		t.Fatalf("hugo failed: %v\n%s", err, out)
	}
	a := c.Areas[0]
	n := 0
	for _, p := range c.Pearls {
		if p.Area == a.Slug {
			n++
		}
	}
	pages := (n + 59) / 60
	if pages < 2 {
		t.Fatalf("area %s has %d pearls, too few to test", a.Slug, n)
	}
	listed := 0
	for k := 1; k <= pages; k++ {
		u := "/teemat/" + a.Slug + "/"
		if k > 1 {
			u += "sivu/" + strconv.Itoa(k) + "/"
		}
		listed += strings.Count(readPage(t, dir, u), "<li><a href=/helmet/")
	}
	if listed != n {
		t.Errorf("the %d pages of area %s list %d pearls, want %d", pages, a.Slug, listed, n)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "teemat", a.Slug, "sivu", strconv.Itoa(pages+1))); err == nil {
		t.Errorf("hugo wrote page %d of area %s, which has %d pearls", pages+1, a.Slug, n)
	}
}

func TestHugoFailsOnABrokenLink(t *testing.T) {
	needHugo(t)
	dir := t.TempDir()
	c, err := Write(dir, Options{N: 3})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "hugo/content/helmet", c.Pearls[0].Slug+".md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	broken := bytes.Replace(data, []byte("../helmet/"+c.Pearls[0].Links[0]+".md"), []byte("../helmet/ei-ole.md"), 1)
	if err := os.WriteFile(p, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := hugoBuild(t, dir)
	if err == nil {
		t.Fatalf("hugo built a site with a broken link:\n%s", out)
	}
	if want := "broken link to ../helmet/ei-ole.md"; !strings.Contains(out, want) {
		t.Errorf("hugo's error does not say %q:\n%s", want, out)
	}
}

// TestVariedShapeVaries: the Varied corpus has what the Uniform one keeps
// fixed (short and long pearls, many and rare tags, worksheets, photos,
// large case examples), our generator builds it without errors, and Hugo
// builds it with the same images and forms.
func TestVariedShapeVaries(t *testing.T) {
	needHugo(t)
	dir := t.TempDir()
	c, err := Write(dir, Options{N: 600, Shape: Varied})
	if err != nil {
		t.Fatal(err)
	}
	var short, long, maxTags, forms, photos int
	tagUse := map[string]int{}
	for _, p := range c.Pearls {
		w := WordCount(p.Body)
		if w < MinVariedWords || w > MaxVariedWords {
			t.Errorf("pearl %s has %d words, want %d–%d", p.Slug, w, MinVariedWords, MaxVariedWords)
		}
		if w < 300 {
			short++
		}
		if w > 1500 {
			long++
		}
		maxTags = max(maxTags, len(p.Tags))
		for _, tag := range p.Tags {
			tagUse[tag]++
		}
		forms += strings.Count(p.Body, "```tyopohja")
		photos += strings.Count(p.Body, "](/kuvat/")
	}
	once := 0
	for _, n := range tagUse {
		if n == 1 {
			once++
		}
	}
	biggest := 0
	for _, cs := range c.Cases {
		biggest = max(biggest, len(cs.Pearls))
	}
	t.Logf("%d short and %d long pearls, up to %d tags, %d tags of which %d used once, %d worksheets, %d photos, a case of %d pearls",
		short, long, maxTags, len(tagUse), once, forms, photos, biggest)
	if short < 60 || long < 30 || maxTags < 15 || maxTags > 20 || once < len(tagUse)/3 || forms < 30 || photos < 50 || biggest < 20 {
		t.Errorf("the varied corpus does not vary enough")
	}
	for _, img := range c.Images {
		for _, site := range []string{"content/static/", "hugo/static/"} {
			if _, err := os.Stat(filepath.Join(dir, site, img.Path)); err != nil {
				t.Errorf("photo missing: %v", err)
			}
		}
	}

	res, err := build.Build(context.Background(), build.Options{Content: os.DirFS(filepath.Join(dir, "content")), ContentName: "content"})
	if err != nil {
		t.Fatalf("our build failed: %v\n%v", err, res.Diags.Err())
	}

	out, err := hugoBuild(t, dir)
	if err != nil {
		t.Fatalf("hugo failed: %v\n%s", err, out)
	}
	if strings.Contains(out, "WARN") || strings.Contains(out, "ERROR") {
		t.Errorf("hugo reported problems:\n%s", out)
	}
	for _, p := range c.Pearls {
		page := ""
		if strings.Contains(p.Body, "```tyopohja") {
			page = readPage(t, dir, "/helmet/"+p.Slug+"/")
			if !strings.Contains(page, "<form class=tyopohja") || !strings.Contains(page, "<textarea") && !strings.Contains(page, "<input") {
				t.Errorf("Hugo's page of %s has no worksheet form", p.Slug)
			}
		}
		if strings.Contains(p.Body, "](/kuvat/") {
			if page == "" {
				page = readPage(t, dir, "/helmet/"+p.Slug+"/")
			}
			if !regexp.MustCompile(`<img src=/kuvat/kuva-\d+\.jpg alt=("[^"]*"|[^ ]+) width=\d+ height=\d+`).MatchString(page) {
				t.Errorf("Hugo's page of %s has no sized image", p.Slug)
			}
		}
	}
}

// TestSwedishTranslatesTheAskedShare: Options.Swedish translates that
// percentage of the pearls, spread over the portal, and every theme
// area, and the portal builds without errors, a Swedish page for each
// translation.
func TestSwedishTranslatesTheAskedShare(t *testing.T) {
	for _, pct := range []int{0, 30, 100} {
		dir := t.TempDir()
		c, err := Write(dir, Options{N: 200, Swedish: pct})
		if err != nil {
			t.Fatal(err)
		}
		var translated []string
		for _, f := range c.ContentFiles() {
			if slug, ok := strings.CutPrefix(f.Path, "sv/helmet/"); ok {
				translated = append(translated, strings.TrimSuffix(slug, ".md"))
			}
		}
		if want := 200 * pct / 100; len(translated) != want {
			t.Errorf("%d %%: %d pearls translated, want %d", pct, len(translated), want)
		}
		if pct == 30 && (translated[0] == c.Pearls[0].Slug && translated[len(translated)-1] == c.Pearls[59].Slug) {
			t.Errorf("30 %%: the first pearls translated, not a share spread over the portal")
		}
		res, err := build.Build(context.Background(), build.Options{Content: os.DirFS(filepath.Join(dir, "content")), ContentName: "content"})
		if err != nil {
			t.Fatalf("%d %%: our build failed: %v\n%v", pct, err, res.Diags.Err())
		}
		pages := map[string]bool{}
		for _, f := range res.Files {
			pages[f.Path] = true
		}
		for _, slug := range translated {
			if !pages["sv/helmet/"+slug+"/index.html"] {
				t.Errorf("%d %%: no Swedish page of %s", pct, slug)
			}
		}
		if pct == 0 && pages["sv/index.html"] {
			t.Errorf("0 %%: a Swedish home page in a portal of one language")
		}
	}
}
