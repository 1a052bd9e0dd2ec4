package search

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// defaultPortal loads the default portal (content/ at the repository's
// top) and returns its documents.
func defaultPortal(t *testing.T) []Doc {
	t.Helper()
	return FromSite(defaultSite(t))
}

// defaultSite loads the model of the default portal.
func defaultSite(t *testing.T) *site.Site {
	t.Helper()
	fsys := os.DirFS("../../content")
	cfg, diags := config.Load(fsys, "content", "")
	if diags.HasErrors() {
		t.Fatalf("site.yaml: %v", diags)
	}
	set, diags := content.Load(context.Background(), fsys, "content")
	if diags.HasErrors() {
		t.Fatalf("content: %v", diags)
	}
	s, diags := site.Build(cfg, set, site.Options{})
	if diags.HasErrors() {
		t.Fatalf("site: %v", diags)
	}
	return s
}

// defaultPortalIndex builds the index of the default portal into a
// temporary folder and returns the folder.
func defaultPortalIndex(t *testing.T) string {
	t.Helper()
	files, err := Build(defaultPortal(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(files) != 1 {
		t.Errorf("the default portal's index is %d files, want one", len(files))
	}
	t.Logf("index of the default portal: %d bytes", len(files[0].Data))
	return dir
}

func TestFromSiteMapsEveryKindOfPage(t *testing.T) {
	byURL := map[string]Doc{}
	types := map[string]int{}
	for _, d := range defaultPortal(t) {
		byURL[d.URL] = d
		types[d.Type]++
	}
	for _, typ := range []string{"teema", "helmi", "case", "luku", "sivu"} {
		if types[typ] == 0 {
			t.Errorf("no document of type %q", typ)
		}
	}
	p, ok := byURL["/helmet/verkoston-tavoitelomake/"]
	if !ok {
		t.Fatal("the pearl /helmet/verkoston-tavoitelomake/ is missing")
	}
	if p.Type != "helmi" || p.Kind != "tyokalu" || p.Area != "verkostotyo" || p.AreaTitle == "" || p.Summary == "" || p.Body == "" || p.Date == "" {
		t.Errorf("got %+v", p)
	}
	if !strings.Contains(strings.Join(p.Audience, " "), "hanketoimijat") {
		t.Errorf("audience: got %q, want hanketoimijat among them", p.Audience)
	}
	c := byURL["/caset/tampere-oppilashuollon-kehittamisverkostot/"]
	if c.Type != "case" || c.Area != "verkostotyo" || len(c.Headings) == 0 {
		t.Errorf("case: got type %q, area %q, headings %q", c.Type, c.Area, c.Headings)
	}
	if a := byURL["/teemat/verkostotyo/"]; a.Type != "teema" || a.Area != "verkostotyo" {
		t.Errorf("area page: got type %q, area %q", a.Type, a.Area)
	}
}

// TestQualityRecall runs the query set testdata/queries.json through
// haku.js (in Node) against the default portal's index and fails when
// recall@10 drops below 0.9.
func TestQualityRecall(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; make deps-test installs it")
	}
	dir := defaultPortalIndex(t)
	out, err := exec.Command(node, "jstest/recall.mjs", dir, "testdata/queries.json").Output()
	if err != nil {
		t.Fatalf("node jstest/recall.mjs: %v\n%s", err, out)
	}
	var r struct {
		Queries, Expected, Found int
		Recall                   float64
		CPUMedianMs, CPUMaxMs    float64
		Misses                   []struct {
			Q       string
			Kind    string
			Missing []string
			Got     []string
		}
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Queries < 40 {
		t.Errorf("the query set has %d queries, want 40 or more", r.Queries)
	}
	for _, m := range r.Misses {
		t.Logf("%s %q: missing %q; got %q", m.Kind, m.Q, m.Missing, m.Got)
	}
	t.Logf("recall@10 %.3f (%d of %d pages) over %d queries; CPU time per query: median %.2f ms, most %.2f ms", r.Recall, r.Found, r.Expected, r.Queries, r.CPUMedianMs, r.CPUMaxMs)
	if r.Recall < 0.9 {
		t.Errorf("recall@10 is %.3f, want 0.9 or more", r.Recall)
	}
}
