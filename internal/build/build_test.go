package build_test

import (
	"bytes"
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/output"
	"github.com/helminauha/helminauha/internal/testkit"
)

// defaultPortal builds the repository's own content/ in memory with the
// built-in theme.
func defaultPortal(t *testing.T, baseURL string) *build.Result {
	t.Helper()
	res, err := build.Build(context.Background(), build.Options{
		Content: os.DirFS("../../content"), ContentName: "content",
		Themes: os.DirFS("../../themes"), BaseURL: baseURL, Minify: true,
	})
	if err != nil {
		t.Fatalf("the default portal does not build: %v\n%v", err, res.Diags.Err())
	}
	return res
}

func fixture(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	return testkit.Content(t, filepath.Join("testdata", name))
}

func fileMap(files []output.File) map[string][]byte {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

func TestDefaultPortalHasNoErrors(t *testing.T) {
	res := defaultPortal(t, "")
	if errs := res.Diags.Errors(); len(errs) > 0 {
		t.Fatalf("errors:\n%v", errs.Err())
	}
	for _, w := range res.Diags.Warnings() {
		t.Logf("warning: %v", w)
	}
}

// TestLinksResolve runs the link checker over the default portal as a
// static host would serve it, at the root and under a subpath.
func TestLinksResolve(t *testing.T) {
	for _, tc := range []struct{ baseURL, basePath string }{
		{"https://helmet.example.fi/", "/"},
		{"https://org.github.io/portaali/", "/portaali/"},
	} {
		t.Run(tc.basePath, func(t *testing.T) {
			res := defaultPortal(t, tc.baseURL)
			if broken := checkLinks(res.Files, tc.basePath); len(broken) > 0 {
				slices.Sort(broken)
				t.Errorf("%d broken links, e.g.:\n%s", len(broken), strings.Join(broken[:min(len(broken), 20)], "\n"))
			}
			files := fileMap(res.Files)
			for _, name := range []string{"sitemap.xml", "feed.xml"} {
				data := string(files[name])
				if !strings.Contains(data, tc.baseURL+"helmet/") {
					t.Errorf("%s lacks absolute URLs under %s", name, tc.baseURL)
				}
			}
		})
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := defaultPortal(t, ""), defaultPortal(t, "")
	if len(a.Files) != len(b.Files) {
		t.Fatalf("file counts differ: %d and %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two builds", a.Files[i].Path)
		}
	}
}

func TestBuildWritesAndReplacesOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644)
	// A website's folder (--clean-out takes over no other).
	os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644)
	opts := build.Options{Content: fixture(t, "small.txtar"), ContentName: "content", Out: out, Minify: true, Gzip: true}
	// A file the generator did not write: refused, until the build is
	// told to remove such files.
	if _, err := build.Build(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "stale.html") {
		t.Fatalf("a build over a file it did not write: %v", err)
	}
	opts.OutClean = true
	res, err := build.Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diags.Err())
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Errorf("a file of the previous build survived")
	}
	for _, name := range []string{"index.html", "index.html.gz", "helmet/yhteinen-tavoite/index.html", "liitteet/lomake.pdf", "404.html", "sitemap.xml", "feed.xml", "robots.txt", "_headers"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	// No temporary folder is left beside.
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*")); len(leftovers) != 0 {
		t.Errorf("left beside the output: %v", leftovers)
	}
	if res.Pages["pearl"] != 3 || res.Written == 0 {
		t.Errorf("counts: %v, %d written", res.Pages, res.Written)
	}
	// build's summary counts the pages by kind in the editor's words.
	for kind := range res.Pages {
		if diag.PageKinds[kind] == nil {
			t.Errorf("the page kind %q has no message in diag.PageKinds", kind)
		}
	}
}

// TestImportsFlowOneWay holds every package of the module to the table in
// the README's "How it works": each package is a row, and its direct
// imports from the module are among those the row's last column allows.
// A new package, or a new arrow, is a change to that table first.
func TestImportsFlowOneWay(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	allowed := packageTable(t, string(readme))
	const mod = "github.com/helminauha/helminauha/"
	// The measuring tools are a module of their own inside this one.
	var out []byte
	for _, dir := range []string{"../..", "../tools"} {
		cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...")
		cmd.Dir = dir
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list in %s: %v", dir, err)
		}
		out = append(out, b...)
	}
	seen := map[string]bool{}
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		pkg := shortName(strings.TrimPrefix(fields[0], mod))
		seen[pkg] = true
		ok, listed := allowed[pkg]
		if !listed {
			t.Errorf("package %s is not in the README's package table (How it works): add a row for it", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			dep, internal := strings.CutPrefix(imp, mod)
			if internal && !slices.Contains(ok, shortName(dep)) {
				t.Errorf("%s imports %s, which the README's package table does not allow", pkg, shortName(dep))
			}
		}
	}
	for pkg := range allowed {
		if !seen[pkg] {
			t.Errorf("the README's package table lists %s, which is not a package of the module", pkg)
		}
	}
	if got, want := readmeLayers(t, string(readme)), layers(allowed); got != want {
		t.Errorf("the README's drawing of the layers (How it works) is not the package table's; it is\n%s\nthe table makes it\n%s", got, want)
	}
}

// layers draws the product's packages of the table (not tools/) as
// layers, one a line, top first: a package's layer is one above the
// highest it may import, so each line imports only from lines below it.
func layers(allowed map[string][]string) string {
	depth := map[string]int{}
	var of func(pkg string) int
	of = func(pkg string) int {
		if d, ok := depth[pkg]; ok {
			return d
		}
		depth[pkg] = 0 // a cycle, which the table must not have, ends here
		d := 0
		for _, dep := range allowed[pkg] {
			d = max(d, of(dep)+1)
		}
		depth[pkg] = d
		return d
	}
	var rows [][]string
	for _, pkg := range slices.Sorted(maps.Keys(allowed)) {
		if strings.HasPrefix(pkg, "tools/") {
			continue
		}
		d := of(pkg)
		for len(rows) <= d {
			rows = append(rows, nil)
		}
		rows[d] = append(rows[d], pkg)
	}
	var lines []string
	for _, row := range slices.Backward(rows) {
		lines = append(lines, strings.Join(row, "  "))
	}
	return strings.Join(lines, "\n")
}

// readmeLayers is the first code block under the README's "## How it
// works", its lines trimmed.
func readmeLayers(t *testing.T, readme string) string {
	t.Helper()
	_, section, _ := strings.Cut(readme, "\n## How it works")
	_, block, ok := strings.Cut(section, "\n```\n")
	block, _, ok2 := strings.Cut(block, "\n```\n")
	if !ok || !ok2 {
		t.Fatal("no drawing of the layers in a code block under the README's \"## How it works\"")
	}
	var lines []string
	for line := range strings.Lines(block) {
		lines = append(lines, strings.TrimSpace(line))
	}
	return strings.Join(lines, "\n")
}

// shortName is how the README names a package: internal/ left out.
func shortName(path string) string { return strings.TrimPrefix(path, "internal/") }

// packageTable reads the README's table of packages: rows
// "| `name` | owns | `dep`, `dep` |" under "## How it works".
func packageTable(t *testing.T, readme string) map[string][]string {
	t.Helper()
	_, section, _ := strings.Cut(readme, "\n## How it works")
	section, _, _ = strings.Cut(section, "\n## ")
	table := map[string][]string{}
	for line := range strings.Lines(section) {
		cells := strings.Split(strings.TrimSpace(line), "|")
		if len(cells) != 5 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		deps := []string{}
		for _, d := range strings.Split(cells[3], ",") {
			if d = strings.Trim(strings.TrimSpace(d), "`"); d != "" && d != "—" {
				deps = append(deps, d)
			}
		}
		table[name] = deps
	}
	if len(table) == 0 {
		t.Fatal("no package table under the README's \"## How it works\"")
	}
	return table
}

func TestImagesGetTheirSizeAndLoadLazily(t *testing.T) {
	fsys := fixture(t, "small.txtar")
	var png bytes.Buffer
	if err := pngEncode(&png, 40, 30); err != nil {
		t.Fatal(err)
	}
	fsys["static/kuvat/kaavio.png"] = &fstest.MapFile{Data: png.Bytes()}
	fsys["helmet/dialogi.md"].Data = append(bytes.Clone(fsys["helmet/dialogi.md"].Data), "\n![Kaavio dialogista](/kuvat/kaavio.png)\n"...)
	res, err := build.Build(context.Background(), build.Options{Content: fsys, ContentName: "content"})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diags.Err())
	}
	page := string(fileMap(res.Files)["helmet/dialogi/index.html"])
	for _, want := range []string{`src="/portaali/kuvat/kaavio.png"`, `alt="Kaavio dialogista"`, `width="40"`, `height="30"`, `loading="lazy"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the image lacks %s", want)
		}
	}
}
