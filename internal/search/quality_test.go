package search

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
	"github.com/helminauha/helminauha/internal/testkit"
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
	return loadSite(t, "../../content")
}

// loadSite loads the model of the portal whose content folder is dir.
func loadSite(t *testing.T, dir string) *site.Site {
	t.Helper()
	fsys := os.DirFS(dir)
	cfg, diags := config.Load(fsys, "content", "")
	if diags.HasErrors() {
		t.Fatalf("site.yaml: %v", diags)
	}
	set, diags := content.LoadLanguages(context.Background(), fsys, "content", content.Options{Langs: cfg.Codes()[1:]})
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
	return portalIndex(t, defaultPortal(t))
}

// portalIndex builds the index of docs into a temporary folder, checks
// that it is one file, and returns the folder.
func portalIndex(t *testing.T, docs []Doc) string {
	t.Helper()
	return portalIndexOf(t, docs, Options{})
}

// portalIndexOf is portalIndex with the options of the build.
func portalIndexOf(t *testing.T, docs []Doc, opts Options) string {
	t.Helper()
	files, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	if len(files) != 1 {
		t.Errorf("the portal's index is %d files, want one", len(files))
	}
	t.Logf("index of the portal: %d bytes", len(files[0].Data))
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
	if p.Type != "helmi" || p.Kind != "tyokalu" || p.Area != "verkostotyo" || p.AreaTitle == "" || p.Summary == "" || p.body() == "" || p.Date == "" {
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

// quality is what jstest/recall.mjs reports of a query set.
type quality struct {
	Queries, Expected, Found int
	Recall, MRR, NDCG        float64
	ByKind                   map[string]struct {
		Queries           int
		Recall, MRR, NDCG float64
	}
	CPUMedianMs, CPUMaxMs float64
	Misses                []struct {
		Q       string
		Kind    string
		Missing []string
		RR      float64
		Got     []string
	}
}

// runQueries runs the query set queries through haku.js (in Node) against
// the index in dir and logs the metrics per category and the misses.
func runQueries(t *testing.T, dir, queries string) quality {
	t.Helper()
	node := testkit.Tool(t, "node", "HELMINAUHA_NEED_NODE", "make deps-test installs it (bash .ci/deps.sh)")
	out, err := exec.Command(node, "jstest/recall.mjs", dir, queries).Output()
	if err != nil {
		t.Fatalf("node jstest/recall.mjs: %v\n%s", err, out)
	}
	var r quality
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, m := range r.Misses {
		t.Logf("%s %q: missing %q, reciprocal rank %.2f; got %q", m.Kind, m.Q, m.Missing, m.RR, m.Got)
	}
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		m := r.ByKind[k]
		t.Logf("%-14s %3d queries  recall@10 %.3f  MRR %.3f  nDCG@10 %.3f", k, m.Queries, m.Recall, m.MRR, m.NDCG)
	}
	t.Logf("CPU time per query: median %.2f ms, most %.2f ms", r.CPUMedianMs, r.CPUMaxMs)
	return r
}

// TestQualityRecall runs the query set testdata/queries.json against the
// default portal's index (see wantQuality).
func TestQualityRecall(t *testing.T) {
	r := runQueries(t, defaultPortalIndex(t), "testdata/queries.json")
	if r.Queries < 40 {
		t.Errorf("the query set has %d queries, want 40 or more", r.Queries)
	}
	wantQuality(t, r)
}

// wantQuality fails when a query set's recall@10 drops below 0.95 or its
// MRR below 0.90.
func wantQuality(t *testing.T, r quality) {
	t.Helper()
	if r.Recall < 0.95 {
		t.Errorf("recall@10 is %.3f, want 0.95 or more", r.Recall)
	}
	if r.MRR < 0.90 {
		t.Errorf("MRR is %.3f, want 0.90 or more", r.MRR)
	}
}

// TestQualitySecondPortal runs the judged queries of testdata/queries2.json
// against the second fixture portal, testdata/portal2, written for this
// purpose with other theme areas and vocabulary than the default portal.
func TestQualitySecondPortal(t *testing.T) {
	r := runQueries(t, portalIndex(t, FromSite(loadSite(t, "testdata/portal2/content"))), "testdata/queries2.json")
	if r.Queries < 80 {
		t.Errorf("the query set has %d queries, want 80 or more", r.Queries)
	}
	wantQuality(t, r)
}

// TestQualitySwedish runs the judged queries of testdata/queries-sv.json,
// written before the Swedish analysis, against the index of the default
// portal's Swedish pages (see wantQuality).
func TestQualitySwedish(t *testing.T) {
	r := runQueries(t, portalIndexOf(t, FromSite(swedishSite(t)), Options{Language: "sv"}), "testdata/queries-sv.json")
	if r.Queries < 50 {
		t.Errorf("the query set has %d queries, want 50 or more", r.Queries)
	}
	wantQuality(t, r)
}

// swedishSite loads the model of the default portal's Swedish pages.
func swedishSite(t *testing.T) *site.Site {
	t.Helper()
	fsys := os.DirFS("../../content")
	cfg, diags := config.Load(fsys, "content", "")
	if diags.HasErrors() {
		t.Fatalf("site.yaml: %v", diags)
	}
	set, diags := content.LoadLanguages(context.Background(), fsys, "content", content.Options{Langs: cfg.Codes()[1:]})
	if diags.HasErrors() || set.Translations["sv"] == nil {
		t.Fatalf("content: %v", diags)
	}
	fi, _ := site.Build(cfg, set, site.Options{})
	sv, diags := site.Build(cfg.For("sv"), set.Translations["sv"], site.Options{Default: fi})
	if diags.HasErrors() {
		t.Fatalf("site: %v", diags)
	}
	return sv
}
