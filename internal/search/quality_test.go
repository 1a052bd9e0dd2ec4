package search

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/helminauha/helminauha/internal/config"
	"github.com/helminauha/helminauha/internal/content"
	"github.com/helminauha/helminauha/internal/site"
)

// defaultPortalIndex builds the index of the default portal (content/ at
// the repository's top) into a temporary folder and returns the folder.
func defaultPortalIndex(t *testing.T) string {
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
	files, err := Build(FromSite(s), Options{})
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
